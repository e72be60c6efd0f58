#!/usr/bin/env bash
# `npm test`: every test, exactly as CI runs it (.ci/run calls this). On a fresh
# Debian/Ubuntu machine with Node 20 it first installs what the tests need.
#   SKIP_INSTALL=1   skip apt/npm/LiveKit installation (already done)
#   SKIP_E2E=1       stop after the build (no browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgresql://accord:accord@127.0.0.1:5432/accord_test}"
export E2E_POSTGRES_URL="${E2E_POSTGRES_URL:-postgresql://accord:accord@127.0.0.1:5432/accord_e2e}"

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  step "Debian packages (chromium, poppler-utils, qpdf, postgresql, fonts)"
  bash scripts/install-system-packages.sh
  step "npm packages"
  npm_config_build_from_source=true npm install --no-audit --no-fund
  step "LiveKit server (pinned, built from its Go module)"
  bash scripts/livekit/install.sh
  step "pyHanko (reference validator, pinned, into .tools/)"; bash scripts/install-pyhanko.sh
fi

step "PostgreSQL on 127.0.0.1"
bash scripts/db/start-local-postgres.sh

step "lint (eslint, with the import boundaries)"; npm run lint
step "knip (unused files, exports, dependencies)"; npm run knip
step "formatting (prettier)"; npm run format:check
step "typecheck";   npm run typecheck
step "schema drift"; npm run db:check
step "unit tests";  npx vitest run --project unit
step "integration tests on SQLite"
DATABASE_URL=file:./data/test-integration.db npx vitest run --project integration
step "integration tests on PostgreSQL"
DATABASE_URL="$TEST_POSTGRES_URL" npx vitest run --project integration
step "next build";  npx next build
step "server tests (next start: crash safety, limits) on SQLite and PostgreSQL"; DATABASE_URL=file:./data/test-server.db npm run test:server; DATABASE_URL="$TEST_POSTGRES_URL" npm run test:server

if [ "${SKIP_E2E:-0}" != 1 ]; then
  export E2E_SKIP_BUILD=1
  step "e2e (Chromium, real SMTP, real LiveKit) on SQLite"
  rm -rf e2e/.artifacts
  npx playwright test
  step "e2e on PostgreSQL"
  rm -rf e2e/.artifacts
  E2E_DATABASE_URL="$E2E_POSTGRES_URL" npx playwright test --output test-results/postgres
fi
step "all tests passed"
