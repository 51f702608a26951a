#!/usr/bin/env bash
# Sourced by scripts/test.sh: limits checked against the real server over a real socket, where
# the in-process tests cannot reach (they hand whole bodies to the router):
# - a chunked body over the limit is refused with 413 like one with Content-Length (not 500);
# - /metrics is not on the API's port, and is on its own listener.
# Usage: check_limits PATH/TO/eptrack
check_limits() {
    local bin="$1" work port metrics pid ok=0 code
    work="$(mktemp -d /tmp/eptrack-limits.XXXXXX)"
    port="$(free_port)"
    metrics="$(free_port)"
    DATABASE_URL="sqlite://$work/eptrack.sqlite" PORT="$port" EPTRACK_METRICS_PORT="$metrics" LOG_LEVEL=error \
        "$bin" serve > "$work/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 100); do
        code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/live" || true)"
        [ "$code" = "200" ] && break
        sleep 0.1
    done
    # 2 MiB sent in chunks (no Content-Length), to an endpoint that reads a body.
    head -c 2097152 /dev/zero | tr '\0' 'a' > "$work/big.json"
    code="$(curl -s -o "$work/chunked.json" -w '%{http_code}' -X POST -H 'Transfer-Encoding: chunked' \
        -H 'Content-Type: application/json' -H 'Authorization: Bearer ept_x' --data-binary @"$work/big.json" \
        "http://127.0.0.1:$port/v1/cases" || true)"
    if [ "$code" != "413" ]; then echo "an oversize chunked body answered $code: $(head -c 300 "$work/chunked.json")" >&2; ok=1; fi
    grep -q 'payload-too-large' "$work/chunked.json" || { echo "the 413 is not problem+json" >&2; ok=1; }
    code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics" || true)"
    # Not a route on the API's port (only /v1/ needs a token, so it is simply not found).
    [ "$code" = "404" ] || { echo "/metrics on the API port answered $code" >&2; ok=1; }
    curl -s "http://127.0.0.1:$metrics/metrics" | grep -q '^process_start_time_seconds ' \
        || { echo "the metrics listener on 127.0.0.1:$metrics serves no metrics" >&2; ok=1; }
    kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    [ "$ok" -eq 0 ] || tail -20 "$work/server.log" >&2
    rm -rf "$work"
    [ "$ok" -eq 0 ] && echo "== a chunked body over the limit is 413; /metrics is served on its own listener only"
    return "$ok"
}
