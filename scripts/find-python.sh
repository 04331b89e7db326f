#!/usr/bin/env bash
# Print the path of a Python interpreter matching the Lambda runtime (default 3.12).
# Order: $PYTHON, pythonX.Y on PATH (if it really runs), then pyenv's installed versions.
set -euo pipefail
want="${1:-3.12}"
if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; exit 0; fi
if command -v "python$want" >/dev/null 2>&1 && "python$want" -c 'import sys' >/dev/null 2>&1; then
  command -v "python$want"; exit 0
fi
root="${PYENV_ROOT:-$HOME/.pyenv}"
for d in $(ls -d "$root"/versions/"$want"* 2>/dev/null | sort -V -r); do
  if [ -x "$d/bin/python$want" ]; then echo "$d/bin/python$want"; exit 0; fi
done
echo "find-python: no Python $want found; install it (e.g. 'pyenv install $want') or set PYTHON=" >&2
exit 1
