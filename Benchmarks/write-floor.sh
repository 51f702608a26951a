#!/usr/bin/env bash
# Milestone writes against the physical floor (issue: one straight path for a write). Release
# build, a throwaway PostgreSQL with its durable defaults (fsync, synchronous_commit and
# full_page_writes on, as a deployment runs), CASES open cases seeded through the API, then
# alternating SECONDS-long rounds of:
#   eptrack: POST /v1/cases/{id}/milestones, a family time session on a random case, wrk with
#            32 connections, the server with a pool of 32 database connections over TCP;
#   floor:   the minimal durable milestone transaction (api/minimal-write.sql: version bump,
#            milestone, audit row) by pgbench, 32 clients over TCP, on cases of its own.
# Prints each round, then the means, eptrack's share of the floor (target ≥ 0.5) and the worst
# p99 of each at full load (target ≤ 25 ms for eptrack; the floor's own p99, from pgbench's log
# of every transaction, shows what the machine allows). Then the latency at a steady load: wrk
# offers eptrack a fixed rate (record-milestone-at-rate.lua), a quarter and then half of the
# floor's mean rate, 32 connections, and so is the floor (pgbench -R): the p99 of each.
# Usage: bash Benchmarks/write-floor.sh [cases] [seconds per round]     ROUNDS=3 by default
set -euo pipefail
CASES="${1:-5000}"
SECONDS_PER_ROUND="${2:-10}"
ROUNDS="${ROUNDS:-3}"
source "$(dirname "$0")/setup.sh"
bench_durable "$CASES"  # the server may hold as many connections as pgbench opens (its default is 20)

psql_bench() { pg_as_postgres "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d eptrack -qAt "$@"; }
psql_bench -c "
CREATE TABLE bench_floor_cases AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, $CASES) n;
CREATE UNIQUE INDEX ON bench_floor_cases (n);
INSERT INTO cases (id, reference, local_authority, sex, ethnicity, sibling_group_size, disability, unborn, state, version, created_at, updated_at)
SELECT id, 'FLOOR-' || n, 'la-bench', 'female', 'WBRI', 1, false, false, 'in_proceedings', 1, now(), now() FROM bench_floor_cases;"
psql_bench -c "VACUUM ANALYZE"
cp Benchmarks/api/minimal-write.sql "$WORK/minimal-write.sql" && chmod 644 "$WORK/minimal-write.sql"
mkdir "$WORK/floor-log" && chmod 755 "$WORK"
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK/floor-log"; fi  # pgbench runs as postgres and logs there
password="$(cat "$PG_DIR/.pw")"

eptrack_round() {
    EPTRACK_BENCH_TOKEN="$SW" bench_wrk "eptrack-$1" "eptrack, round $1" 32 "$SECONDS_PER_ROUND" record-milestone.lua /v1/cases
}
# floor_round slug label [pgbench options]: the floor as fast as it goes, or at a rate (-R).
floor_round() {
    local slug="$1" label="$2"
    shift 2
    pg_as_postgres env PGPASSWORD="$password" "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M extended -c 32 -j 2 \
        -T "$SECONDS_PER_ROUND" -D cases="$CASES" -f "$WORK/minimal-write.sql" -l --log-prefix="$WORK/floor-log/$slug" "$@" eptrack \
        > "$WORK/$slug.txt" 2>&1 || { cat "$WORK/$slug.txt" >&2; exit 1; }
    awk '/^tps = / {print $3; exit}' "$WORK/$slug.txt" > "$WORK/$slug.tps"
    # Each line of pgbench's log is one transaction: its third field its time in µs, counted
    # at a rate (-R) from when it was due, its seventh then how late it started. Without the
    # lag, both are timed from the moment they are sent, as wrk times eptrack's requests.
    cat "$WORK/floor-log/$slug".* | awk '{print ($3 - $7) / 1000}' | sort -n \
        | awk 'function rank(p) { i = int(NR * p); if (i < NR * p) i++; return i < 1 ? 1 : i }
               {ms[NR] = $1} END {printf "%.2f %.2f\n", ms[rank(0.50)], ms[rank(0.99)]}' > "$WORK/$slug.percentiles"
    read -r p50 p99 < "$WORK/$slug.percentiles"
    printf "%-34s %9.1f tx/s    p50 %8.2f ms   p99 %8.2f ms\n" "$label" "$(cat "$WORK/$slug.tps")" "$p50" "$p99"
}

# The server fills its connection pool and PostgreSQL its caches before anything is measured.
EPTRACK_BENCH_TOKEN="$SW" bench_wrk warm-up "eptrack, warm-up" 32 5 record-milestone.lua /v1/cases > /dev/null

echo "== eptrack (wrk, 32 connections) and the floor (pgbench, 32 clients), durable PostgreSQL over TCP, alternating $ROUNDS × 2 × $SECONDS_PER_ROUND s"
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then
        eptrack_round "$round"; floor_round "floor-$round" "floor, round $round"
    else
        floor_round "floor-$round" "floor, round $round"; eptrack_round "$round"
    fi
done
python3 - "$WORK" "$ROUNDS" <<'PY'
import re, sys
work, rounds = sys.argv[1], int(sys.argv[2])
mean = lambda name: sum(float(open(f"{work}/{name.format(r)}").read()) for r in range(1, rounds + 1)) / rounds
eptrack, floor = mean("eptrack-{}.txt.rate"), mean("floor-{}.tps")
def p99(r):
    m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)", open(f"{work}/eptrack-{r}.txt").read(), re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
worst = max(p99(r) for r in range(1, rounds + 1))
floor_worst = max(float(open(f"{work}/floor-{r}.percentiles").read().split()[1]) for r in range(1, rounds + 1))
print(f"eptrack {eptrack:7.1f} writes/s, floor {floor:7.1f} tx/s: eptrack / floor {eptrack / floor:4.2f} (target ≥ 0.5)")
print(f"worst p99 at full load over the rounds: eptrack {worst:.1f} ms (target ≤ 25 ms), the floor itself {floor_worst:.1f} ms")
open(f"{work}/floor-mean", "w").write(str(floor))
PY

# A steady load: the latency of a server that keeps up, not of one driven past what it can do;
# the floor is offered the same rate (pgbench -R), so the two p99s are measured alike.
floor_mean="$(cat "$WORK/floor-mean")"
echo "== a steady load, 32 connections, $SECONDS_PER_ROUND s each"
for share in 25 50; do
    rate=$(python3 -c "print(round($floor_mean * $share / 100))")
    EPTRACK_BENCH_RATE_PER_THREAD=$(python3 -c "print($rate / 2)") EPTRACK_BENCH_TOKEN="$SW" \
        bench_wrk "steady-$share" "eptrack, offered $rate/s" 32 "$SECONDS_PER_ROUND" record-milestone-at-rate.lua /v1/cases
    floor_round "floor-steady-$share" "floor, offered $rate/s" -R "$rate"
done
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
