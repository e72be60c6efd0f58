#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on 127.0.0.1 and makes sure the role `accord`
# (password `accord`, may create databases) exists. Test databases are made by the tests.
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then echo "No PostgreSQL cluster found (install the postgresql package)." >&2; exit 1; fi
read -r version name <<<"$cluster"
conf="/etc/postgresql/$version/$name/postgresql.conf"
if ! grep -q "^listen_addresses = '127.0.0.1'" "$conf"; then
  echo "listen_addresses = '127.0.0.1'" | $SUDO tee -a "$conf" >/dev/null
fi
pg_lsclusters --no-header | awk 'NR==1 {print $4}' | grep -q online || $SUDO pg_ctlcluster "$version" "$name" start
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 0.5; done
as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='accord'" | grep -q 1 \
  || as_postgres psql -qc "CREATE ROLE accord LOGIN PASSWORD 'accord' CREATEDB"
echo "PostgreSQL $version/$name is up on 127.0.0.1:5432 (role accord)."
