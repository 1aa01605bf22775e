#!/usr/bin/env bash
# Run a command beside a throwaway PostgreSQL server: `bash scripts/with_postgres.sh CMD [ARG...]`.
#
# Finds Debian's server binaries (/usr/lib/postgresql/*/bin; as root, installs `postgresql` with
# apt-get when they are missing, as setup_web_tests.sh does for chromium), makes a cluster in a
# temporary folder owned by an unprivileged user (root may not run postgres: `postgres` when that
# user exists, else `nobody`), starts it on a unix socket inside that folder (no TCP port, so no
# port to collide on, nothing listening on the network, and a folder only that user and root may
# enter), creates the database `sukien_test`
# and runs CMD with SUKIEN_TEST_PG=postgresql://... exported. The server is stopped and the folder
# removed when CMD ends, however it ends. CMD's exit status is the script's.
#
# When SUKIEN_TEST_PG is already set, CMD runs against that server. When PostgreSQL cannot be
# started, CMD still runs, with SUKIEN_TEST_PG_MISSING saying why: the PostgreSQL tests skip with
# that reason, and nothing fails for it.
set -uo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi
if [ -n "${SUKIEN_TEST_PG:-}" ]; then
  exec "$@"
fi

say() { echo "with_postgres: $*" >&2; }

server_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] && [ -x "$found/initdb" ] && [ -x "$found/pg_ctl" ] && echo "$found"
}

BIN=$(server_bin)
if [ -z "$BIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "installing Debian's postgresql with apt-get"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } \
    || say "apt-get could not install postgresql"
  BIN=$(server_bin)
fi
if [ -z "$BIN" ]; then
  export SUKIEN_TEST_PG_MISSING="no PostgreSQL server binaries in /usr/lib/postgresql/*/bin"
  say "$SUKIEN_TEST_PG_MISSING: the PostgreSQL tests will be skipped"
  exec "$@"
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/sukien-pg.XXXXXX")
# Only the server's user (and root) may enter: the socket inside trusts whoever reaches it.
chmod 700 "$DIR"
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then RUN_AS=postgres; else RUN_AS=nobody; fi
  chown "$RUN_AS" "$DIR"
  as_server() { runuser -u "$RUN_AS" -- "$@"; }
else
  as_server() { "$@"; }
fi

stop() {
  as_server "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start() {
  # C collation and UTF-8: byte order like SQLite's; the schema states its collations anyway.
  as_server "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || as_server "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
    || return 1
  as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$DIR' -c fsync=off -c max_connections=200" \
    start >/dev/null 2>&1 || return 1
  "$BIN/psql" -h "$DIR" -U postgres -d postgres -qAt -c "CREATE DATABASE sukien_test" >/dev/null 2>&1
}

if start; then
  export SUKIEN_TEST_PG="postgresql://postgres@/sukien_test?host=$DIR"
  say "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') at $SUKIEN_TEST_PG"
else
  LOG="$DIR/initdb.log"
  [ -s "$DIR/server.log" ] && LOG="$DIR/server.log"
  export SUKIEN_TEST_PG_MISSING="PostgreSQL could not be started: $(tail -n 1 "$LOG" 2>/dev/null)"
  say "$SUKIEN_TEST_PG_MISSING: the PostgreSQL tests will be skipped"
fi
"$@"
