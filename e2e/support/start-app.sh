#!/usr/bin/env bash
# Starts the built app for the e2e tests on a throwaway database (SQLite by default,
# PostgreSQL when E2E_DATABASE_URL is a postgres URL), migrated and seeded first.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DATABASE_URL="${E2E_DATABASE_URL:-file:./data/e2e.db}"
if [[ "$DATABASE_URL" == file:* ]]; then
  rm -f "${DATABASE_URL#file:}" "${DATABASE_URL#file:}-wal" "${DATABASE_URL#file:}-shm"
else
  node scripts/db/reset-postgres-database.mjs "$DATABASE_URL"
fi
# npm test builds once before both e2e runs and sets E2E_SKIP_BUILD; a direct run builds here.
[ "${E2E_SKIP_BUILD:-0}" = 1 ] && [ -f .next/BUILD_ID ] || npx next build
npx tsx scripts/db/migrate.ts
npx tsx --conditions=react-server scripts/db/seed.ts --no-links
exec npx next start --hostname 127.0.0.1 --port "${E2E_APP_PORT:-3100}"
