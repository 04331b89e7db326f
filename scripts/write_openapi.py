"""Write openapi/<area>.json for each of the five function apps (`make openapi`)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AREAS = ("generate", "batch", "jobs", "cache", "diversity")


def main() -> int:
    out_dir = ROOT / "openapi"
    out_dir.mkdir(exist_ok=True)
    for area in AREAS:
        name = f"bj_fn_{area}_app"
        spec = importlib.util.spec_from_file_location(name, ROOT / "functions" / area / "app.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        doc = module.app.openapi()
        path = out_dir / f"{area}.json"
        path.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
        print(f"wrote {path.relative_to(ROOT)} ({len(doc.get('paths', {}))} paths)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
