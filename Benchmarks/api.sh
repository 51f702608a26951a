#!/usr/bin/env bash
# The API benchmark (issue: the case-tracking API server). Release build, a throwaway
# PostgreSQL on this machine, 5,000 seeded open cases in one LA, then wrk against:
#   GET /health/live (the framework's own ceiling), GET /v1/cases/{id},
#   GET /v1/alerts?status=overdue, POST /v1/cases/{id}/milestones.
# Prints throughput and latency percentiles, and each figure's ratio to the ceiling.
# Usage: bash Benchmarks/api.sh [cases] [seconds per run]
set -euo pipefail
CASES="${1:-5000}"
DURATION="${2:-15}"
source "$(dirname "$0")/setup.sh"
bench_build
bench_postgres
bench_serve
bench_seed_api "$CASES"

echo "== wrk, $DURATION s per run, 2 threads"
EPTRACK_BENCH_TOKEN="$IRO" bench_wrk live "GET /health/live (ceiling)" 32 "$DURATION" with-token.lua /health/live
EPTRACK_BENCH_TOKEN="$IRO" bench_wrk case "GET /v1/cases/{id}" 32 "$DURATION" get-case.lua /v1/cases
EPTRACK_BENCH_TOKEN="$IRO" bench_wrk alerts "GET /v1/alerts?status=overdue" 4 "$DURATION" with-token.lua "/v1/alerts?status=overdue"
EPTRACK_BENCH_TOKEN="$SW" bench_wrk write "POST /v1/cases/{id}/milestones" 32 "$DURATION" record-milestone.lua /v1/cases
ceiling=$(cat "$WORK/live.txt.rate")
for pair in "case:GET /v1/cases/{id}" "alerts:GET /v1/alerts?status=overdue" "write:POST /v1/cases/{id}/milestones"; do
    slug="${pair%%:*}" label="${pair#*:}"
    python3 -c "print(f'{\"$label\":<34} {float(open(\"$WORK/$slug.txt.rate\").read()) / $ceiling:6.1%} of the ceiling')"
done
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m)"
