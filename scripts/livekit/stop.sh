#!/usr/bin/env bash
# Stops the LiveKit server that scripts/livekit/start.sh started (by its pid file only).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pid_file="$root/.tools/livekit/livekit-server.pid"

if [ ! -f "$pid_file" ]; then
  echo "No pid file ($pid_file): nothing to stop."
  exit 0
fi
pid="$(cat "$pid_file")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  echo "Stopped livekit-server (pid $pid)."
else
  echo "livekit-server (pid $pid) was not running."
fi
rm -f "$pid_file"
