#!/usr/bin/env bash
# Does a heavy request stall the server? Release build, a throwaway PostgreSQL, 200,000
# synthetic cases (two LAs and their RAA, `eptrack demo`), then for DURATION seconds four
# clients each ask for the national dashboard (the RAA leader's view, every journey counted)
# one request after another, while a fifth asks for /health/live every 20 ms. Dashboards run
# on their own threads, at most EPTRACK_HEAVY_REQUESTS (2) at once per instance, the others
# answered 503 server-busy at once. Target: /health/live p99 under 100 ms.
# Usage: bash Benchmarks/health-under-load.sh [cases] [seconds]
set -euo pipefail
CASES="${1:-200000}"
DURATION="${2:-30}"
source "$(dirname "$0")/setup.sh"
bench_build
bench_postgres
echo "== loading $CASES synthetic cases"
"$BIN" demo --cases "$CASES" --seed 1 > "$WORK/demo.txt"
TOKEN="$(grep "^raa-demo leader token" "$WORK/demo.txt" | awk '{print $NF}')"
bench_serve
echo "== $DURATION s: four clients asking for the national dashboard, /health/live every 20 ms"
python3 - "$URL" "$TOKEN" "$DURATION" <<'PY'
import statistics, sys, threading, time, urllib.error, urllib.request
url, token, duration = sys.argv[1], sys.argv[2], float(sys.argv[3])
stop = time.monotonic() + duration
counts = {"ok": 0, "busy": 0, "other": 0}
lock = threading.Lock()
def dashboards():
    request = urllib.request.Request(url + "/v1/dashboards/summary?from=2020-01-01&to=2026-12-31", headers={"Authorization": f"Bearer {token}"})
    while time.monotonic() < stop:
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                response.read()
                outcome = "ok"
        except urllib.error.HTTPError as error:
            outcome = "busy" if error.code == 503 else "other"
            if outcome == "busy":
                time.sleep(float(error.headers.get("Retry-After", "1")))
        except Exception:
            outcome = "other"  # a timeout or a dropped connection: counted, and the client goes on
        with lock:
            counts[outcome] += 1
workers = [threading.Thread(target=dashboards) for _ in range(4)]
for worker in workers: worker.start()
latencies = []
failed = 0
next_probe = time.monotonic()
while time.monotonic() < stop:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url + "/health/live", timeout=30) as response:
            response.read()
        latencies.append((time.monotonic() - started) * 1000)
    except Exception:
        failed += 1
    next_probe += 0.02  # one probe every 20 ms, however long the last one took
    time.sleep(max(0, next_probe - time.monotonic()))
for worker in workers: worker.join()
latencies.sort()
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
print(f"/health/live: {len(latencies)} requests, p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms "
      f"(target p99 < 100 ms: {'met' if p99 < 100 else 'not met'})")
print(f"/health/live failures: {failed}")
print(f"national dashboards: {counts['ok']} answered, {counts['busy']} refused 503 server-busy, {counts['other']} other errors")
PY
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
