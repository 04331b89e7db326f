"""Run every benchmark in this folder, one after another (`make bench`). Prints only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
ORDER = ["engine.py", "serverless.py", "cache.py", "batch.py", "diversity.py"]


def main() -> int:
    failed = []
    for name in ORDER:
        script = HERE / name
        if not script.exists():
            print(f"== {name}: not present, skipped", flush=True)
            continue
        print(f"\n== {name}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nbenchmarks that failed to run: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
