#!/usr/bin/env bash
# Starts the local LiveKit server (installed by scripts/livekit/install.sh) in the
# background, bound to 127.0.0.1, with the keys, port and webhook target the app uses
# (lib/env.ts: LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, APP_URL, or their
# development defaults). Waits until it answers, writes its pid to
# .tools/livekit/livekit-server.pid and its log to .tools/livekit/livekit-server.log.
#
# Does nothing when LIVEKIT_URL names a server that is not on this machine (LiveKit Cloud
# or your own cluster), or when ours already answers. With LIVEKIT_OPTIONAL=1 a missing
# binary is a warning, not an error: the app runs without video and says so in the room.
#
#   --foreground   run the server in this process (for supervisors such as Playwright's
#                  webServer, which stop it themselves); no pid file.
set -euo pipefail

foreground=0
[ "${1:-}" = "--foreground" ] && foreground=1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_dir="$root/.tools/livekit"
binary="$tools_dir/livekit-server"
pid_file="$tools_dir/livekit-server.pid"
log_file="$tools_dir/livekit-server.log"
startup_seconds="${LIVEKIT_STARTUP_SECONDS:-30}"

cd "$root"
settings="$(npx --no-install tsx scripts/livekit/local-config.ts | grep '^LIVEKIT_[A-Z0-9_]*=')"
eval "$settings"

if [ "$LIVEKIT_LOCAL" != "1" ]; then
  echo "LIVEKIT_URL is $LIVEKIT_URL_RESOLVED: using that server, not starting a local one."
  exit 0
fi

health_url="http://127.0.0.1:$LIVEKIT_PORT/"
answers() { curl -fsS --max-time 1 "$health_url" >/dev/null 2>&1; }

if answers; then
  echo "A LiveKit server already answers at $health_url."
  exit 0
fi

if [ ! -x "$binary" ]; then
  message="livekit-server is not installed ($binary). Run: bash scripts/livekit/install.sh"
  if [ "${LIVEKIT_OPTIONAL:-0}" = "1" ]; then
    echo "Warning: $message. Continuing without video." >&2
    exit 0
  fi
  echo "$message" >&2
  exit 1
fi

mkdir -p "$tools_dir"
config_body="$(printf '%s' "$LIVEKIT_CONFIG_BASE64" | base64 -d)"
if [ "$foreground" = 1 ]; then
  echo "livekit-server on $health_url (foreground); webhooks go to $LIVEKIT_WEBHOOK_TARGET."
  exec "$binary" --config-body "$config_body"
fi
# setsid: the server outlives this script (and the CI step that called it) until stop.sh.
setsid "$binary" --config-body "$config_body" >"$log_file" 2>&1 </dev/null &
server_pid=$!
echo "$server_pid" >"$pid_file"

deadline=$((SECONDS + startup_seconds))
until answers; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "livekit-server exited during start-up; its log ($log_file):" >&2
    tail -n 40 "$log_file" >&2 || true
    rm -f "$pid_file"
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "livekit-server did not answer at $health_url within ${startup_seconds}s; log: $log_file" >&2
    kill "$server_pid" 2>/dev/null || true
    rm -f "$pid_file"
    exit 1
  fi
  sleep 0.2
done

echo "livekit-server (pid $server_pid) answers at $health_url; webhooks go to $LIVEKIT_WEBHOOK_TARGET."
