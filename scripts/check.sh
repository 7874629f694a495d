#!/usr/bin/env bash
# Install netrhythm with its test extra into a virtual environment (created if missing), then
# run every check: ruff, the import-linter layer contracts, mypy and the whole test suite.
# Usage: [PYTHON=...] [VENV=...] bash scripts/check.sh [extra pytest arguments]
#   PYTHON  the interpreter that creates the environment (default python3)
#   VENV    where the environment lives: default .venv, or .venv-X.Y when PYTHON names a
#           Python X.Y, so that environments of several Pythons live side by side
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
version() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }
want=$(version "$PY")
if [ -z "${VENV:-}" ]; then
  if [ -n "${PYTHON:-}" ]; then VENV=.venv-$want; else VENV=.venv; fi
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
have=$(version "$VENV/bin/python")
if [ "$have" != "$want" ]; then
  echo "check.sh: $VENV holds Python $have, not $want; remove it or set VENV" >&2
  exit 2
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -e '.[test,postgres]'
echo "== Python $have in $VENV"
echo "== ruff"
"$VENV/bin/ruff" check .
echo "== import contracts"
"$VENV/bin/lint-imports"
echo "== mypy"
"$VENV/bin/mypy"
echo "== tests"
"$VENV/bin/python" -m pytest -n auto -p no:cacheprovider "$@"
