#!/usr/bin/env bash
# Installs the pinned LiveKit server into .tools/livekit/livekit-server (git-ignored).
# Idempotent: does nothing when that binary already reports the pinned version.
# docs/decisions/0005-livekit-1.13.5.md: v1.13.6+ carry `replace` directives that `go install` refuses,
# so the pin stays at v1.13.5 until that changes upstream.
set -euo pipefail

LIVEKIT_VERSION="1.13.5"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_dir="$root/.tools/livekit"
binary="$tools_dir/livekit-server"

installed_version() {
  # `livekit-server --version` prints "livekit-server version 1.13.5"
  "$1" --version 2>/dev/null | awk '{ print $NF }'
}

if [ -x "$binary" ] && [ "$(installed_version "$binary")" = "$LIVEKIT_VERSION" ]; then
  echo "livekit-server $LIVEKIT_VERSION already installed at $binary"
  exit 0
fi

mkdir -p "$tools_dir"

# `go install …/cmd/server` names the binary `server`; an earlier manual build may have left it.
if [ -x "$tools_dir/server" ] && [ "$(installed_version "$tools_dir/server")" = "$LIVEKIT_VERSION" ]; then
  mv "$tools_dir/server" "$binary"
  echo "livekit-server $LIVEKIT_VERSION installed at $binary (renamed from an earlier build)"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "Go is needed to build livekit-server $LIVEKIT_VERSION (https://go.dev/doc/install)." >&2
  echo "Without it the app still runs; the room then says the video service is unreachable." >&2
  exit 1
fi

echo "Building livekit-server $LIVEKIT_VERSION with $(go version) (about 2 minutes on 2 cores)…"
build_dir="$(mktemp -d)"
trap 'rm -rf "$build_dir"' EXIT
GOBIN="$build_dir" go install "github.com/livekit/livekit-server/cmd/server@v$LIVEKIT_VERSION"
mv "$build_dir/server" "$binary"
echo "livekit-server $("$binary" --version | awk '{ print $NF }') installed at $binary"
