#!/usr/bin/env bash
# The test command (README "Test"): builds once, starts a throwaway PostgreSQL on 127.0.0.1,
# and runs every test: the domain suite, and the store and API suites on SQLite and on
# PostgreSQL. PostgreSQL is installed from Debian's packages when it is missing, and stopped
# again however the tests end.
set -euo pipefail
cd "$(dirname "$0")/.."

# SwiftPM's build folder: outside the clone by default, so repeated runs on one machine are
# incremental; a new machine simply builds from scratch.
SCRATCH="${EPTRACK_SCRATCH_PATH:-/var/tmp/eptrack-build}"

log() { printf '\n== %s\n' "$*"; }

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

PGBIN="$(find_pg_bin)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    log "installing PostgreSQL from Debian's packages"
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL is not installed and this is not root: install the 'postgresql' package first." >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q postgresql >/dev/null
    PGBIN="$(find_pg_bin)"
fi

PGDIR="$(mktemp -d /tmp/eptrack-pg.XXXXXX)"
stop_postgres() {
    if [ -f "$PGDIR/data/postmaster.pid" ]; then
        as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGDIR"
}
trap stop_postgres EXIT

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

log "starting a throwaway PostgreSQL ($("$PGBIN/postgres" --version))"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
PASSWORD="eptrack-test-$RANDOM$RANDOM"
echo "$PASSWORD" > "$PGDIR/.pw"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$PGDIR"; fi
as_postgres "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --pwfile="$PGDIR/.pw" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
# fsync off: this server holds nothing worth keeping. Never do this for a real deployment.
as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c fsync=off -c max_connections=200" start >/dev/null
as_postgres "$PGBIN/createdb" -h "$PGDIR" -p "$PORT" -U postgres eptrack_test

export EPTRACK_TEST_POSTGRES_URL="postgres://postgres:$PASSWORD@127.0.0.1:$PORT/eptrack_test?sslmode=disable"
export EPTRACK_REQUIRE_POSTGRES=1

log "building (scratch path $SCRATCH)"
BUILD_LOG="$PGDIR/build.log"
set +e
swift build --build-tests --scratch-path "$SCRATCH" > "$BUILD_LOG" 2>&1
build_status=$?
set -e
tail -3 "$BUILD_LOG"
if [ "$build_status" -ne 0 ]; then
    grep -E "error" "$BUILD_LOG" | head -50
    exit 1
fi
# Our own code builds without warnings (dependencies' warnings are theirs).
if grep -E "^$(pwd)/(Sources|Tests|Benchmarks)/.*warning:" "$BUILD_LOG"; then
    echo "warnings in eptrack's own code: fix them" >&2
    exit 1
fi

log "running the tests (SQLite and PostgreSQL)"
set +e
swift test --skip-build --scratch-path "$SCRATCH" > "$PGDIR/test.log" 2>&1
status=$?
set -e
# Failures and issues in full; passing tests only by suite; then the closing summary lines.
grep -vE "^(◇|↳|✔ Test |Test Suite|\s*Executed)" "$PGDIR/test.log" | tail -150
grep -E "Executed [0-9]+ tests|Test run with" "$PGDIR/test.log" | tail -2
exit "$status"
