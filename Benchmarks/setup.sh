# Sourced by the benchmark scripts. Functions, each a step the scripts share:
#   bench_build        release build of eptrack (sets BIN)
#   bench_postgres     a throwaway PostgreSQL on this machine, fsync off as in the tests
#                      unless PG_FSYNC=on, with PG_EXTRA_OPTIONS passed on (exports
#                      DATABASE_URL and the server's settings; BENCH_LOG_LEVEL=info logs
#                      every request with its time)
#   bench_serve        starts the server on it (sets URL, SERVER_PID)
#   bench_seed_api N   one LA and its tokens (SW, IRO), N open cases seeded through the API,
#                      each a born child in proceedings with no EP consideration, so every
#                      one carries overdue alerts; exports the wrk scripts' settings
#   bench_durable N    write-floor.sh's and ab.sh's setting: built, a durable PostgreSQL
#                      (PG_FSYNC=on; the server checks it), the server with a pool of 32
#                      connections (as many as pgbench opens), N cases seeded
#   bench_wrk ...      runs one wrk load and prints its figures
# Everything started is stopped on exit.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/postgres.sh

SCRATCH="${EPTRACK_RELEASE_SCRATCH_PATH:-/var/tmp/eptrack-build-release}"
WORK="$(mktemp -d /tmp/eptrack-bench.XXXXXX)"
SERVER_PID=""
bench_cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    pg_stop
    rm -rf "$WORK"
}
trap bench_cleanup EXIT

bench_build() {
    command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
    echo "== building eptrack (release)"
    swift build -c release --product eptrack --scratch-path "$SCRATCH" 2>&1 | tail -1
    BIN="$SCRATCH/release/eptrack"
}

bench_postgres() {
    pg_start
    export DATABASE_URL="$PG_URL" LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" EPTRACK_ALLOW_UNSAFE_DB=1  # the throwaway server runs with fsync off
    export EPTRACK_RATE_LIMIT=100000000  # one token drives the whole load: lift the per-caller limit
    PORT="$(free_port)"
    export PORT
    URL="http://127.0.0.1:$PORT"
}

bench_serve() {
    EPTRACK_METRICS_PORT=0 "$BIN" serve > "$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    bench_wait_ready "$URL" "$WORK/server.log"
}

bench_durable() {
    export PG_FSYNC=on EPTRACK_DB_CONNECTIONS=32
    bench_build
    bench_postgres
    unset EPTRACK_ALLOW_UNSAFE_DB
    bench_serve
    bench_seed_api "$1"
}

bench_wait_ready() {
    for _ in $(seq 600); do curl -fs "$1/health/ready" >/dev/null 2>&1 && return 0; sleep 0.2; done
    echo "the server did not become ready within 2 minutes:" >&2; tail -20 "$2" >&2; exit 1
}

bench_seed_api() {
    local cases="$1" start
    "$BIN" agency create --id la-bench --name "Benchmark County Council" --type la >/dev/null
    SW="$("$BIN" token create --agency la-bench --role social_worker --name bench-sw)"
    IRO="$("$BIN" token create --agency la-bench --role iro --name bench-iro)"
    echo "== seeding $cases open cases (1 case + 3 milestones each, through the API)"
    start=$(date +%s.%N)
    python3 Benchmarks/api/seed.py "$PORT" "$SW" "$cases" "$WORK/ids.txt"
    echo "   seeded in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
    export EPTRACK_BENCH_IDS="$WORK/ids.txt" EPTRACK_BENCH_DIR="$(pwd)/Benchmarks/api"
}

# bench_wrk slug label connections seconds script path: runs wrk (2 threads) and prints
# requests/s, p50, p99 and non-2xx; leaves the rate in $WORK/slug.txt.rate, the p50 in
# $WORK/slug.txt.p50 and the count of errors in $WORK/slug.txt.errors.
bench_wrk() {
    local slug="$1" label="$2" connections="$3" seconds="$4" script="$5" path="$6"
    wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "Benchmarks/api/$script" "$URL$path" > "$WORK/$slug.txt"
    python3 - "$WORK/$slug.txt" "$label" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def pct(p):
    m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(f"{sys.argv[2]:<34} {rate:>9.1f} req/s   p50 {pct(50):8.2f} ms   p99 {pct(99):8.2f} ms   non-2xx {non2xx.group(1) if non2xx else 0}"
      + (f"   socket errors: {errors.group(1)}" if errors else ""))
open(sys.argv[1] + ".rate", "w").write(str(rate))
open(sys.argv[1] + ".p50", "w").write(str(pct(50)))
open(sys.argv[1] + ".errors", "w").write(str(int(non2xx.group(1)) if non2xx else 0))
PY
}
