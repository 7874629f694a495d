#!/usr/bin/env bash
# Install netrhythm with its test extra into .venv (created if missing), then run every check:
# ruff, the import-linter layer contracts, mypy on the non-UI layers, and the whole test suite.
# Usage: bash scripts/check.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
echo "== ruff"
.venv/bin/ruff check .
echo "== import contracts"
.venv/bin/lint-imports
echo "== mypy"
.venv/bin/mypy
echo "== tests"
.venv/bin/python -m pytest -n auto -p no:cacheprovider "$@"
