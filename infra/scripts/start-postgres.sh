#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the tests and prints the line that points them at it:
#   eval "$(bash infra/scripts/start-postgres.sh)"
# Idempotent: a second run finds the server already up and prints the same line.
# Only the export line goes to stdout; progress goes to stderr so that eval sees nothing else.
#
# Settings (environment):
#   STREAMRISK_PG_DIR   where the cluster lives   (default /tmp/streamrisk-pg)
#   STREAMRISK_PG_PORT  TCP port on 127.0.0.1     (default 55432, away from a system server's 5432)
#   STREAMRISK_PG_DB    database to create       (default streamrisk_test)
#
# The server trusts every local connection and runs with fsync off: it is for tests only and listens
# on 127.0.0.1 alone.
set -euo pipefail

PG_DIR="${STREAMRISK_PG_DIR:-/tmp/streamrisk-pg}"
PG_PORT="${STREAMRISK_PG_PORT:-55432}"
PG_DB="${STREAMRISK_PG_DB:-streamrisk_test}"
DATA="$PG_DIR/data"
SOCK="$PG_DIR/sock"

log() { echo "start-postgres: $*" >&2; }

find_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; fi
}

BIN=$(find_bindir)
if [[ -z "$BIN" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    log "PostgreSQL is not installed and this is not root: install the 'postgresql' package first"
    exit 1
  fi
  log "installing PostgreSQL with apt (about 30 s)"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q postgresql >&2; then
    apt-get update -q >&2
    apt-get install -y -q postgresql >&2
  fi
  BIN=$(find_bindir)
  [[ -n "$BIN" ]] || { log "apt installed PostgreSQL but no initdb was found"; exit 1; }
fi

# initdb refuses to run as root: run the server tools as the postgres user when we are root.
if [[ $(id -u) -eq 0 ]]; then
  AS_PG=(runuser -u postgres --)
else
  AS_PG=()
fi

mkdir -p "$PG_DIR" "$SOCK"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PG_DIR" "$SOCK"; fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "initdb into $DATA"
  "${AS_PG[@]}" "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
fi

if "${AS_PG[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "already running on 127.0.0.1:$PG_PORT"
else
  log "starting on 127.0.0.1:$PG_PORT"
  "${AS_PG[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2 || { tail -n 20 "$PG_DIR/server.log" >&2; exit 1; }
fi

PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
if [[ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]]; then
  log "creating database $PG_DB"
  "${PSQL[@]}" -c "CREATE DATABASE \"$PG_DB\"" >&2
fi

echo "export STREAMRISK_TEST_POSTGRES=\"Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DB\""
