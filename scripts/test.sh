#!/usr/bin/env bash
# The whole test suite: lint, types, and pytest (an empty test run counts as a failure).
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
[ -x "$BIN/pytest" ] || { echo "run ./scripts/setup.sh first" >&2; exit 1; }

"$BIN/ruff" check journeygen tests benchmarks || exit 1
"$BIN/mypy" || exit 1
"$BIN/pytest" -q "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
exit "$status"
