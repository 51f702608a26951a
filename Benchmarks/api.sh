#!/usr/bin/env bash
# The API benchmark (issue: the case-tracking API server). Release build, a throwaway
# PostgreSQL on this machine, 5,000 seeded open cases in one LA, then wrk against:
#   GET /health/live (the framework's own ceiling), GET /v1/cases/{id},
#   GET /v1/alerts?status=overdue, POST /v1/cases/{id}/milestones.
# Prints throughput and latency percentiles, and each figure's ratio to the ceiling.
# Usage: bash Benchmarks/api.sh [cases] [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

CASES="${1:-5000}"
DURATION="${2:-15}"
SCRATCH="${EPTRACK_RELEASE_SCRATCH_PATH:-/var/tmp/eptrack-build-release}"
WORK="$(mktemp -d /tmp/eptrack-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    pg_stop
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
echo "== building eptrack (release)"
swift build -c release --product eptrack --scratch-path "$SCRATCH" 2>&1 | tail -1
BIN="$SCRATCH/release/eptrack"

pg_start
export DATABASE_URL="$PG_URL" LOG_LEVEL=warning EPTRACK_ALLOW_UNSAFE_DB=1  # the throwaway server runs with fsync off
export EPTRACK_RATE_LIMIT=100000000  # one token drives the whole load: lift the per-caller limit
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export PORT
"$BIN" agency create --id la-bench --name "Benchmark County Council" --type la >/dev/null
SW="$("$BIN" token create --agency la-bench --role social_worker --name bench-sw)"
IRO="$("$BIN" token create --agency la-bench --role iro --name bench-iro)"
"$BIN" serve > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done

echo "== seeding $CASES open cases (1 case + 3 milestones each, through the API)"
start=$(date +%s.%N)
python3 Benchmarks/api/seed.py "$PORT" "$SW" "$CASES" "$WORK/ids.txt"
echo "   seeded in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"

export EPTRACK_BENCH_IDS="$WORK/ids.txt" EPTRACK_BENCH_DIR="$(pwd)/Benchmarks/api"
URL="http://127.0.0.1:$PORT"
run() { # slug label connections script path
    local slug="$1" label="$2" connections="$3" script="$4" path="$5"
    wrk -t2 -c"$connections" -d"${DURATION}s" --latency -s "Benchmarks/api/$script" "$URL$path" > "$WORK/$slug.txt"
    python3 - "$WORK/$slug.txt" "$label" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def pct(p):
    m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = non2xx.group(1) if non2xx else "0"
print(f"{sys.argv[2]:<34} {rate:>9.0f} req/s   p50 {pct(50):7.2f} ms   p99 {pct(99):7.2f} ms   non-2xx {errors}")
open(sys.argv[1] + ".rate", "w").write(str(rate))
PY
}

echo "== wrk, $DURATION s per run, 2 threads"
EPTRACK_BENCH_TOKEN="$IRO" run live "GET /health/live (ceiling)" 32 with-token.lua /health/live
EPTRACK_BENCH_TOKEN="$IRO" run case "GET /v1/cases/{id}" 32 get-case.lua /v1/cases
EPTRACK_BENCH_TOKEN="$IRO" run alerts "GET /v1/alerts?status=overdue" 4 with-token.lua "/v1/alerts?status=overdue"
EPTRACK_BENCH_TOKEN="$SW" run write "POST /v1/cases/{id}/milestones" 32 record-milestone.lua /v1/cases
ceiling=$(cat "$WORK/live.txt.rate")
for pair in "case:GET /v1/cases/{id}" "alerts:GET /v1/alerts?status=overdue" "write:POST /v1/cases/{id}/milestones"; do
    slug="${pair%%:*}" label="${pair#*:}"
    python3 -c "print(f'{\"$label\":<34} {float(open(\"$WORK/$slug.txt.rate\").read()) / $ceiling:6.1%} of the ceiling')"
done
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m)"
