#!/usr/bin/env bash
# The pages benchmark (issue: pages for the people who use it). Release build, a throwaway
# PostgreSQL on this machine, 5,000 seeded open cases in one LA (each with overdue alerts) and
# one case with 60 milestones; an IRO signed in with a one-time link. wrk with 16 connections
# (16 people at once) against:
#   GET /cases/{id}     the case page of the 60-milestone case (profile, every rule, timeline)
#   GET /alerts         the alert queue over the 5,000 open cases (first page, most overdue first)
#   GET /v1/cases/{id}  the same case through the API, with a bearer token
# Prints p50 and p99 of each and the pages' cost as a ratio to the API's.
# Target: each page p50 <= 50 ms and p99 <= 150 ms.
# Usage: bash Benchmarks/pages.sh [cases] [seconds per run]
set -euo pipefail
CASES="${1:-5000}"
DURATION="${2:-15}"
source "$(dirname "$0")/setup.sh"
bench_build
bench_postgres
bench_serve
bench_seed_api "$CASES"
LONG="$(python3 Benchmarks/api/long-journey.py "$PORT" "$SW")"
link="$("$BIN" signin-link --agency la-bench --role iro | tail -1)"
session="$(curl -fs -o /dev/null -D - -X POST "$link" | sed -n 's/^[Ss]et-[Cc]ookie: eptrack_session=\([^;]*\);.*/\1/p' | head -1)"
[ -n "$session" ] || { echo "signing in with the one-time link failed" >&2; exit 1; }
export EPTRACK_BENCH_SESSION="$session"
for path in "/cases/$LONG" "/alerts"; do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: eptrack_session=$session" "$URL$path")"
    [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
done

echo "== wrk, $DURATION s per run, 16 connections"
bench_wrk page "GET /cases/{id} (page, 60 milestones)" 16 "$DURATION" with-cookie.lua "/cases/$LONG"
bench_wrk queue "GET /alerts (page, $CASES open cases)" 16 "$DURATION" with-cookie.lua "/alerts"
EPTRACK_BENCH_TOKEN="$IRO" bench_wrk api "GET /v1/cases/{id} (API, same case)" 16 "$DURATION" with-token.lua "/v1/cases/$LONG"
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
read = lambda slug, what: float(open(f"{work}/{slug}.txt.{what}").read())
print(f"case page / API p50: {read('page', 'p50') / read('api', 'p50'):.2f}x   (throughput {read('api', 'rate') / read('page', 'rate'):.2f}x fewer pages than API reads a second)")
for slug in ("page", "queue", "api"):
    if read(slug, "errors"):
        raise SystemExit(f"{slug}: {int(read(slug, 'errors'))} responses were not 2xx")
PY
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m)"
