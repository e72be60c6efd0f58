#!/usr/bin/env bash
# `npm run demo` / README's run command: install, migrate, seed, start LiveKit (unless an
# external LIVEKIT_URL is configured) and the app at http://localhost:3000, and print a
# one-time sign-in link for each demo user. SQLite under data/ unless DATABASE_URL says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "npm packages"
npm_config_build_from_source=true npm install --no-audit --no-fund

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
  if bash scripts/livekit/install.sh && bash scripts/livekit/start.sh; then :; else
    echo "LiveKit could not start: the app runs without video (the room says so)." >&2
  fi
fi

step "build"
npx next build

step "demo data"
npx tsx --conditions=react-server scripts/db/seed.ts

step "Accord on ${APP_URL} (Ctrl+C stops it)"
exec npx next start --hostname 127.0.0.1 --port 3000
