#!/usr/bin/env bash
# One command from a fresh Debian/Ubuntu machine to rendered examples:
# system packages (graphviz, pango, chromium, poppler, node), a virtual environment in .venv
# with journeygen and its test tools, the npm packages of the Mermaid parser and editor checks, and
# every bundled example rendered to examples/rendered/ (the example project to examples/project/build/maps/),
# and their website to examples/rendered/site/.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

echo "==> system packages"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
  python3 python3-venv python3-pip git graphviz poppler-utils chromium \
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core libgs-common \
  ${JOURNEYGEN_EXTRA_APT:-} >/dev/null
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends nodejs npm >/dev/null
fi

echo "==> python environment (.venv)"
PY=${PYTHON:-python3}
"$PY" -c 'import sys; assert sys.version_info >= (3, 11), "journeygen needs Python 3.11 or newer"'
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

if [ -f tests/js/package.json ]; then
  echo "==> npm packages for the Mermaid parser check (tests/js)"
  npm ci --prefix tests/js --no-audit --no-fund --loglevel=error
fi
if [ -f tests/site/package.json ]; then
  echo "==> npm packages for the site check (tests/site: playwright-core driving Debian's chromium)"
  npm ci --prefix tests/site --no-audit --no-fund --loglevel=error
fi
if [ -f tests/editor/package.json ]; then
  echo "==> npm packages for the editor check (tests/editor: the YAML language server)"
  npm ci --prefix tests/editor --no-audit --no-fund --loglevel=error
fi
echo "==> mermaid-cli, pinned, with the system's chromium (benchmarks/mmdc: the Mermaid pictures' browser tests)"
npm ci --prefix benchmarks/mmdc --no-audit --no-fund --loglevel=error

echo "==> rendering the examples into examples/rendered/"
.venv/bin/journeygen validate examples/*.journey.yaml
.venv/bin/journeygen render examples/*.journey.yaml -f "${JOURNEYGEN_FORMATS:-svg,png,mermaid,dot,flow,csv,pdf}" -o examples/rendered
echo "==> rendering the example project into examples/project/build/maps/"
(cd examples/project && ../../.venv/bin/journeygen lint && ../../.venv/bin/journeygen render -f svg,pdf \
  && ../../.venv/bin/journeygen render personas/*.persona.yaml -f svg,pdf -o build/maps/personas \
  && ../../.venv/bin/journeygen site -q)
echo "==> the examples' website into examples/rendered/site/"
.venv/bin/journeygen site examples/*.journey.yaml -o examples/rendered/site --title "journeygen examples" -q
echo "done: open examples/rendered/, examples/project/build/maps/ (site/index.html: the project's site) and examples/rendered/site/index.html ; run the tests with ./scripts/test.sh"
