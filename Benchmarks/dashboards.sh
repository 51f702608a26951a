#!/usr/bin/env bash
# The dashboard benchmark (issue: dashboards for service leaders). Release build, a throwaway
# PostgreSQL, synthetic journeys loaded with `eptrack demo` (two LAs and their RAA), then
# GET /v1/dashboards/summary timed one request after another (after one warm-up request):
#   - one LA's own view over 20,000 cases (target p50 ≤ 200 ms);
#   - a national view over 200,000 cases, about 3.5 million milestones (target p50 ≤ 2 s),
#     as the RAA's leader sees both LAs (a multi-agency view, with small-number suppression).
# Usage: bash Benchmarks/dashboards.sh [requests per view]
set -euo pipefail
REQUESTS="${1:-9}"
source "$(dirname "$0")/setup.sh"
bench_build
bench_postgres
SUMMARY="/v1/dashboards/summary?from=2020-01-01&to=2026-12-31"

load() { # cases seed
    local start
    start=$(date +%s.%N)
    "$BIN" demo --cases "$1" --seed "$2" > "$WORK/demo-$2.txt"
    echo "   $(head -1 "$WORK/demo-$2.txt") in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
}
token_of() { grep "^$1 leader token" "$WORK/demo-1.txt" | awk '{print $NF}'; }
time_summary() { # slug label token: REQUESTS timed requests, p50 into $WORK/slug.p50
    python3 - "$URL$SUMMARY" "$3" "$REQUESTS" "$2" "$WORK/$1.p50" <<'PY'
import statistics, sys, time, urllib.request
url, token, count, label, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
def once():
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"{label}: HTTP {response.status}")
    return (time.monotonic() - started) * 1000
once()  # warm-up
times = sorted(once() for _ in range(count))
p50 = statistics.median(times)
print(f"{label:<28} {count} requests   p50 {p50:8.0f} ms   min {times[0]:8.0f} ms   max {times[-1]:8.0f} ms")
open(out, "w").write(str(p50))
PY
}

echo "== loading 40,000 synthetic cases (20,000 in each LA)"
load 40000 1
bench_serve
echo "== GET /v1/dashboards/summary, $REQUESTS requests one after another"
time_summary la "one LA, 20,000 cases" "$(token_of la-demo-north)"

echo "== loading 160,000 more (200,000 in all)"
load 160000 2
time_summary national "national, 200,000 cases" "$(token_of raa-demo)"
milestones=$(pg_as_postgres "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d eptrack -qAt -c "SELECT count(*) FROM milestones")
python3 - "$(cat "$WORK/la.p50")" "$(cat "$WORK/national.p50")" "$milestones" <<'PY'
import sys
la, national, milestones = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"one LA (20,000 cases): p50 {la:.0f} ms (target ≤ 200 ms: {'met' if la <= 200 else 'not met'})")
print(f"national (200,000 cases, {milestones:,} milestones): p50 {national:.0f} ms (target ≤ 2,000 ms: {'met' if national <= 2000 else 'not met'})")
PY
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
