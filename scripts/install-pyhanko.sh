#!/usr/bin/env bash
# pyHanko, the reference validator the verifier's tests compare against, in a
# git-ignored virtualenv under .tools/. Skips when the pinned version is present.
set -euo pipefail
cd "$(dirname "$0")/.."
PYHANKO_VERSION=0.38.0
CERTVALIDATOR_VERSION=0.33.0
VENV=.tools/pyhanko
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('pyhanko') != '$PYHANKO_VERSION')" 2>/dev/null; then
  echo "pyHanko $PYHANKO_VERSION already installed in $VENV"
  exit 0
fi
if ! python3 -m venv --help >/dev/null 2>&1; then
  apt-get install -y python3-venv
fi
rm -rf "$VENV"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "pyhanko==$PYHANKO_VERSION" "pyhanko-certvalidator==$CERTVALIDATOR_VERSION"
"$VENV/bin/python" -c "import importlib.metadata as m; print('pyHanko', m.version('pyhanko'), 'installed in $VENV')"
