#!/usr/bin/env bash
# `npm run demo` / README's run command: install, migrate, seed, start LiveKit (unless an
# external LIVEKIT_URL is configured) and the app at http://localhost:3000, and print a
# one-time sign-in link for each demo user. SQLite under data/ unless DATABASE_URL says otherwise.
#
# Ctrl+C stops the app and the LiveKit server this script started (one that was already
# running is left alone). The build is skipped when nothing changed since the last one.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Notices a newcomer cannot act on: Next's telemetry banner, Prisma's update hint.
export NEXT_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1

app_pid=''
started_livekit=0
stop_everything() {
  trap - EXIT INT TERM
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if [ "$started_livekit" = 1 ]; then bash scripts/livekit/stop.sh || true; fi
}
trap stop_everything EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "npm packages"
# --loglevel=error: npm's warnings here are about dependencies, not about this machine. The
# one seen most, EBADENGINE for machina (pulled in by livekit-client), is harmless: that code
# runs in the browser, not in Node (README, "Node version").
npm_config_build_from_source=true npm install --no-audit --no-fund --loglevel=error

mkdir -p data
# Development secrets, made once and kept in data/ (git-ignored). Real deployments set their own.
if [ ! -f data/dev-secrets.env ]; then
  {
    echo "AUTH_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
    echo "CRON_SECRET=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
  } > data/dev-secrets.env
fi
# The app runs in production mode, which refuses the public development LiveKit pair; a
# pair set in the environment (LiveKit Cloud, your own cluster) wins over this one.
if ! grep -q '^DEMO_LIVEKIT_API_SECRET=' data/dev-secrets.env; then
  {
    echo "DEMO_LIVEKIT_API_KEY=accord-demo"
    echo "DEMO_LIVEKIT_API_SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
  } >> data/dev-secrets.env
fi
set -a; . data/dev-secrets.env; set +a
export NODE_ENV=production ACCORD_DEV_TOOLS="${ACCORD_DEV_TOOLS:-true}" APP_URL="${APP_URL:-http://localhost:3000}"
export LIVEKIT_API_KEY="${LIVEKIT_API_KEY:-$DEMO_LIVEKIT_API_KEY}" LIVEKIT_API_SECRET="${LIVEKIT_API_SECRET:-$DEMO_LIVEKIT_API_SECRET}"

step "database"
npx tsx scripts/db/migrate.ts

if [ -z "${LIVEKIT_URL:-}" ]; then
  step "LiveKit server (local, 127.0.0.1:7880)"
  livekit_pid_file=.tools/livekit/livekit-server.pid
  had_livekit_pid_file=0
  [ -f "$livekit_pid_file" ] && had_livekit_pid_file=1
  if bash scripts/livekit/install.sh && bash scripts/livekit/start.sh; then
    # start.sh writes the pid file only for a server it started itself.
    if [ "$had_livekit_pid_file" = 0 ] && [ -f "$livekit_pid_file" ]; then started_livekit=1; fi
  else
    echo "LiveKit could not start: the app runs without video (the room says so)." >&2
  fi
fi

# What the build depends on: the commit, every uncommitted change (tracked and untracked
# files' contents), the lockfile and the settings Next bakes in. Without git it always builds.
build_inputs() {
  git rev-parse HEAD
  git status --porcelain
  git diff HEAD
  git ls-files -z --others --exclude-standard | xargs -0 -r sha256sum
  sha256sum package-lock.json
  printf '%s\n' "$NODE_ENV" "$APP_URL"
}
build_stamp_file=.next/accord-build-stamp
if build_stamp="$(build_inputs 2>/dev/null | sha256sum | cut -d' ' -f1)" && git rev-parse HEAD >/dev/null 2>&1 \
  && [ -f .next/BUILD_ID ] && [ "$(cat "$build_stamp_file" 2>/dev/null)" = "$build_stamp" ]; then
  step "build (unchanged since the last one: skipped)"
else
  step "build (a few minutes; its full output goes to data/next-build.log)"
  rm -f "$build_stamp_file"
  if ! npx next build >data/next-build.log 2>&1; then
    tail -n 40 data/next-build.log >&2
    echo "The build failed; its full output: data/next-build.log" >&2
    exit 1
  fi
  # Turbopack's warnings about the PDF and LiveKit libraries' dynamic imports are expected.
  echo "Built. Warnings, if any, are in data/next-build.log."
  if git rev-parse HEAD >/dev/null 2>&1; then echo "$build_stamp" >"$build_stamp_file"; fi
fi

step "demo data"
npx tsx --conditions=react-server scripts/db/seed.ts

step "Accord on ${APP_URL} (Ctrl+C stops it and LiveKit)"
# Not exec: this shell stays to stop LiveKit, which runs in a session of its own (setsid)
# and so never sees the terminal's Ctrl+C.
node_modules/.bin/next start --hostname 127.0.0.1 --port 3000 &
app_pid=$!
wait "$app_pid"
