#!/usr/bin/env bash
# Starts the built server on a throwaway SQLite file, waits until it is ready, sends SIGTERM and
# checks it stops cleanly (exit 0) within 10 seconds. Usage: check-shutdown.sh PATH/TO/eptrack
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$1"
work="$(mktemp -d /tmp/eptrack-shutdown.XXXXXX)"
trap 'rm -rf "$work"' EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
DATABASE_URL="sqlite://$work/eptrack.sqlite" PORT="$port" LOG_LEVEL=info "$bin" serve > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the server did not become ready" >&2; cat "$work/server.log" >&2; exit 1; }
kill -TERM "$pid"
for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"; echo "the server did not stop within 10 s of SIGTERM" >&2; exit 1
fi
set +e; wait "$pid"; code=$?; set -e
[ "$code" -eq 0 ] || { echo "the server exited $code after SIGTERM" >&2; tail -5 "$work/server.log" >&2; exit 1; }
echo "== the server stops cleanly on SIGTERM"
