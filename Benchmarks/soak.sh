#!/usr/bin/env bash
# Reliability under load (issue: reliability and performance proof). Release build, a
# throwaway PostgreSQL, 5,000 seeded open cases, then in one run:
#   1. peak: POST /v1/cases/{id}/milestones with wrk, 32 connections;
#   2. floor: the same database work (Benchmarks/api/write-transaction.sql) driven by pgbench
#      with 32 clients on the same server; prints eptrack's share of it (target ≥ 0.6).
#      Steps 1 and 2 alternate in ROUNDS slices of 6 s each (default 5), so that the machine's
#      drift over a minute (±15% here) falls on both alike;
#   3. soak: the same write at about half the peak rate for SOAK_SECONDS (default 600), with
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

ROUNDS="${ROUNDS:-5}"
psql_bench() { pg_as_postgres "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d eptrack -qAt "$@"; }
psql_bench -c "CREATE TABLE bench_case_ids AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM cases; CREATE UNIQUE INDEX ON bench_case_ids (n);"
token_hash="$(printf %s "$SW" | sha256sum | cut -d' ' -f1)"
cases_seeded="$(psql_bench -c "SELECT count(*) FROM bench_case_ids")"
cp Benchmarks/api/write-transaction.sql "$WORK/write-transaction.sql" && chmod 644 "$WORK/write-transaction.sql" && chmod 755 "$WORK"

echo "== 1-2. peak write rate (wrk, 32 connections) and the database floor (pgbench, the same SQL, 32 clients), alternating $ROUNDS × 6 s"
for round in $(seq "$ROUNDS"); do
    EPTRACK_BENCH_TOKEN="$SW" bench_wrk "peak-$round" "POST /v1/cases/{id}/milestones" 32 6 record-milestone.lua /v1/cases
    pg_as_postgres "$PG_BIN/pgbench" -h "$PG_DIR" -p "$PG_PORT" -U postgres -n -M extended -c 32 -j 2 -T 6 \
        -D cases="$cases_seeded" -D token_hash="$token_hash" -f "$WORK/write-transaction.sql" eptrack > "$WORK/pgbench-$round.txt" 2>&1 \
        || { cat "$WORK/pgbench-$round.txt" >&2; exit 1; }
    awk '/^tps = / {print $3; exit}' "$WORK/pgbench-$round.txt" > "$WORK/pgbench-$round.tps"
    printf "%-34s %9.1f tx/s    latency avg %s ms\n" "pgbench, the same SQL" "$(cat "$WORK/pgbench-$round.tps")" \
        "$(awk '/latency average/ {print $4}' "$WORK/pgbench-$round.txt")"
done
read -r peak floor < <(python3 - "$WORK" "$ROUNDS" <<'PY'
import sys
work, rounds = sys.argv[1], int(sys.argv[2])
peak = sum(float(open(f"{work}/peak-{r}.txt.rate").read()) for r in range(1, rounds + 1)) / rounds
floor = sum(float(open(f"{work}/pgbench-{r}.tps").read()) for r in range(1, rounds + 1)) / rounds
print(peak, floor)
PY
)
python3 -c "print(f'eptrack, mean of the slices          {float($peak):9.1f} req/s')"
python3 -c "print(f'pgbench, mean of the slices          {float($floor):9.1f} tx/s')"
python3 -c "print(f'eptrack / pgbench                    {float($peak) / float($floor):9.2f}   (target ≥ 0.6)')"

echo "== 3. soak: about half the peak ($(python3 -c "print(round(float($peak) / 2))") writes/s) for $SOAK_SECONDS s"
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
