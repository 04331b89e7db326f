"""Measuring and maximising variety between images (pure numpy; no AWS, no FastAPI).

- `features`: a fixed-length descriptor per image (layout, colour, structure) plus a dHash.
- `scores`: pairwise distances, the Vendi score, and summary figures.
- `neardup`: the near-duplicate rule.
- `selection`: greedy farthest-point and greedy DPP selection of diverse subsets.
"""
