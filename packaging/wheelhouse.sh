#!/usr/bin/env bash
# The offline wheelhouse: every wheel the app needs, at the locked versions, for a
# laptop that has Python but no network (see packaging/README.md, the end).
#   packaging/wheelhouse.sh [DIR]        default: wheelhouse/
# Build it on the target's OS, CPU and Python minor version (3.11 for the lock).
# The dependencies come from requirements/runtime.txt, their hashes checked; the
# two published only as source (docopt, intervaltree: natasha's) are built into
# wheels here, so the laptop needs no compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
OUT=${1:-wheelhouse}
mkdir -p "$OUT"
"$PYTHON" -m pip wheel --quiet --require-hashes -r requirements/runtime.txt --wheel-dir "$OUT"
"$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$OUT" .
cp packaging/README.md requirements/runtime.txt "$OUT/"
echo "wheelhouse: $OUT  $(find "$OUT" -name '*.whl' | wc -l) wheels, $(du -sm "$OUT" | cut -f1) MB"
echo "install (no network): python3 -m venv VENV && VENV/bin/pip install --no-index --find-links $OUT dossier"
