#!/usr/bin/env bash
# Reliability under load (issue: reliability and performance proof). Release build, a
# throwaway PostgreSQL, 5,000 seeded open cases, then:
#   1. peak: POST /v1/cases/{id}/milestones with wrk, 32 connections, for 10 s (the pace for
#      step 2; Benchmarks/write-floor.sh compares writes with the database's floor);
#   2. soak: the same write at about half the peak rate for SOAK_SECONDS (default 600), with
#      the server's resident memory read after a 60 s warm-up and at the end (growth ≤ 10%),
#      throughput, p50/p99 and errors (target: none).
# Usage: bash Benchmarks/soak.sh [cases] [soak seconds]
set -euo pipefail
CASES="${1:-5000}"
SOAK_SECONDS="${2:-600}"
source "$(dirname "$0")/setup.sh"
bench_build
bench_postgres
bench_serve
bench_seed_api "$CASES"
rss_mib() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$SERVER_PID/status"; }

echo "== 1. peak write rate (wrk, 32 connections, 10 s)"
EPTRACK_BENCH_TOKEN="$SW" bench_wrk peak "peak" 32 10 record-milestone.lua /v1/cases
peak="$(cat "$WORK/peak.txt.rate")"

echo "== 2. soak over TCP: about half the peak ($(python3 -c "print(round(float($peak) / 2))") writes/s) for $SOAK_SECONDS s"
# 8 paced connections; each waits between requests so that the total is half the peak. The
# warm-up measures how long a request itself takes at that pace, and the pause is corrected
# for it: 8 connections × 1000 / (pause + request time) = target.
target=$(python3 -c "print(float($peak) / 2)")
delay=$(python3 -c "print(max(1, round(8 * 1000 / $target)))")
export EPTRACK_BENCH_DELAY_MS="$delay"
EPTRACK_BENCH_TOKEN="$SW" bench_wrk warmup "soak warm-up (60 s)" 8 60 record-milestone-paced.lua /v1/cases
delay=$(python3 -c "
achieved = float(open('$WORK/warmup.txt.rate').read())
request = 8 * 1000 / achieved - $delay
print(max(1, round(8 * 1000 / $target - request)))")
export EPTRACK_BENCH_DELAY_MS="$delay"
rss_start=$(rss_mib)
EPTRACK_BENCH_TOKEN="$SW" bench_wrk soak "soak ($SOAK_SECONDS s)" 8 "$SOAK_SECONDS" record-milestone-paced.lua /v1/cases
rss_end=$(rss_mib)
errors=$(( $(cat "$WORK/warmup.txt.errors") + $(cat "$WORK/soak.txt.errors") ))
python3 - "$rss_start" "$rss_end" "$errors" <<'PY'
import sys
start, end, errors = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
growth = (end - start) / start
print(f"resident memory after warm-up {start:.1f} MiB, at the end {end:.1f} MiB: {growth:+.1%} (target ≤ +10%)")
print(f"errors during the soak: {errors} (target 0)")
PY
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
