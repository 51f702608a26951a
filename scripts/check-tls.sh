#!/usr/bin/env bash
# Sourced by scripts/test.sh: the built server answers HTTPS with the test certificate (the one
# scripts/postgres.sh made for localhost), verified against the test CA, and refuses TLS 1.1.
# Usage: check_tls PATH/TO/eptrack
check_tls() {
    local bin="$1" work port pid ok=0
    work="$(mktemp -d /tmp/eptrack-tls.XXXXXX)"
    port="$(free_port)"
    DATABASE_URL="sqlite://$work/eptrack.sqlite" PORT="$port" LOG_LEVEL=error \
        TLS_CERT_FILE="$PG_DIR/tls/server.crt" TLS_KEY_FILE="$PG_DIR/tls/server.key" "$bin" serve > "$work/server.log" 2>&1 &
    pid=$!
    local code=""
    for _ in $(seq 100); do
        code="$(curl -s -o /dev/null -w '%{http_code}' --cacert "$PG_DIR/tls/ca.crt" "https://localhost:$port/health/live" || true)"
        [ "$code" = "200" ] && break
        sleep 0.1
    done
    [ "$code" = "200" ] || { echo "HTTPS with the test CA answered '$code'" >&2; ok=1; }
    if curl -s -o /dev/null --cacert "$PG_DIR/tls/ca.crt" --tls-max 1.1 "https://localhost:$port/health/live" 2>/dev/null; then
        echo "TLS 1.1 was accepted" >&2; ok=1
    fi
    if curl -s -o /dev/null --cacert "$PG_DIR/tls/other-ca.crt" "https://localhost:$port/health/live" 2>/dev/null; then
        echo "a client trusting another CA accepted the certificate" >&2; ok=1
    fi
    kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    rm -rf "$work"
    [ "$ok" -eq 0 ] && echo "== the server answers HTTPS (TLS 1.2+) with the configured certificate"
    return "$ok"
}
