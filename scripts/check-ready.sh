#!/usr/bin/env bash
# Sourced by scripts/test.sh while its PostgreSQL runs: starts the built server on it, checks
# /health/ready answers 200, stops PostgreSQL and checks ready answers 503 within a few seconds
# (the process stays live), starts PostgreSQL again and checks ready returns to 200 without
# restarting the server. Usage: check_ready PATH/TO/eptrack
check_ready() {
    local bin="$1" work port pid code
    work="$(mktemp -d /tmp/eptrack-ready.XXXXXX)"
    port="$(free_port)"
    DATABASE_URL="$PG_URL&search_path=public" PORT="$port" EPTRACK_ALLOW_UNSAFE_DB=1 LOG_LEVEL=error "$bin" serve > "$work/server.log" 2>&1 &
    pid=$!
    status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/health/$1"; }
    wait_for() { # path code seconds
        for _ in $(seq $(( $3 * 10 ))); do [ "$(status_of "$1")" = "$2" ] && return 0; sleep 0.1; done
        return 1
    }
    local ok=0
    if ! wait_for ready 200 30; then echo "ready never answered 200" >&2; ok=1; fi
    pg_pause
    local started=$(date +%s)
    if [ "$ok" -eq 0 ] && ! wait_for ready 503 10; then echo "ready did not turn 503 with the database stopped" >&2; ok=1; fi
    echo "   ready answered 503 $(( $(date +%s) - started )) s after the database stopped"
    if [ "$(status_of live)" != "200" ]; then echo "live must stay 200 while the database is away" >&2; ok=1; fi
    pg_resume
    if [ "$ok" -eq 0 ] && ! wait_for ready 200 30; then echo "ready did not recover after the database came back" >&2; ok=1; fi
    kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    rm -rf "$work"
    [ "$ok" -eq 0 ] && echo "== /health/ready follows the database: 200, 503 while it is stopped, 200 again"
    return "$ok"
}
