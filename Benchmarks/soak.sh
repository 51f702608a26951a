#!/usr/bin/env bash
# Reliability under load (issue: reliability and performance proof). Release build, a
# throwaway PostgreSQL, 5,000 seeded open cases, then in one run:
#   1. peak: POST /v1/cases/{id}/milestones with wrk, 32 connections;
#   2. floor: the same database work (Benchmarks/api/write-transaction.sql) driven by pgbench
#      with 32 clients on the same server; prints eptrack's share of it. The floor reaches
#      PostgreSQL the way the server does: over TCP (127.0.0.1), as eptrack reaches its
#      database in a deployment (target ≥ 0.6). For comparison, both again over the Unix
#      socket, as a co-located deployment may (a socket spares both sides the TCP stack, which
#      lifts pgbench's rate by about a quarter here and eptrack's by less, since the server's
#      own work stays). Steps 1 and 2 alternate in ROUNDS slices of 6 s each (default 5), so
#      that the machine's drift over a minute (±15% here) falls on all four alike;
#   3. soak: the same write (over TCP, as a database on its own host is reached) at about half
#      the peak rate for SOAK_SECONDS (default 600), with the server's resident memory read
#      after a 60 s warm-up and at the end (growth ≤ 10%), throughput, p50/p99 and errors
#      (target: none).
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

# The same server's API over the other transport, on the same seeded database.
TCP_URL="$URL"
SOCKET_URL="http://127.0.0.1:$(free_port)"
bench_serve_also "$PG_SOCKET_URL" "${SOCKET_URL##*:}"
password="$(cat "$PG_DIR/.pw")"
# peak TRANSPORT ROUND: eptrack over that transport; floor TRANSPORT ROUND: pgbench over it.
peak() {
    local url; url="$([ "$1" = tcp ] && echo "$TCP_URL" || echo "$SOCKET_URL")"
    URL="$url" EPTRACK_BENCH_TOKEN="$SW" bench_wrk "peak-$1-$2" "eptrack over $1" 32 6 record-milestone.lua /v1/cases
}
floor() {
    local host; host="$([ "$1" = tcp ] && echo 127.0.0.1 || echo "$PG_DIR")"
    pg_as_postgres env PGPASSWORD="$password" "$PG_BIN/pgbench" -h "$host" -p "$PG_PORT" -U postgres -n -M extended -c 32 -j 2 -T 6 \
        -D cases="$cases_seeded" -D token_hash="$token_hash" -f "$WORK/write-transaction.sql" eptrack > "$WORK/floor-$1-$2.txt" 2>&1 \
        || { cat "$WORK/floor-$1-$2.txt" >&2; exit 1; }
    awk '/^tps = / {print $3; exit}' "$WORK/floor-$1-$2.txt" > "$WORK/floor-$1-$2.tps"
    printf "%-34s %9.1f tx/s    latency avg %s ms\n" "pgbench over $1, the same SQL" "$(cat "$WORK/floor-$1-$2.tps")" \
        "$(awk '/latency average/ {print $4}' "$WORK/floor-$1-$2.txt")"
}

# Each server fills its connection pool before the measured slices (the TCP one did so while
# seeding; the socket one would otherwise open its connections during its first slice).
for transport in tcp socket; do peak "$transport" warm-up > /dev/null; done

echo "== 1-2. peak write rate (wrk, 32 connections) and the database floor (pgbench, the same SQL, 32 clients), over TCP and the Unix socket, alternating $ROUNDS × 4 × 6 s"
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then
        peak tcp "$round"; floor tcp "$round"; peak socket "$round"; floor socket "$round"
    else
        floor socket "$round"; peak socket "$round"; floor tcp "$round"; peak tcp "$round"
    fi
done
read -r peak_tcp floor_tcp peak_socket floor_socket < <(python3 - "$WORK" "$ROUNDS" <<'PY'
import sys
work, rounds = sys.argv[1], int(sys.argv[2])
mean = lambda name, ext: sum(float(open(f"{work}/{name}-{r}.{ext}").read()) for r in range(1, rounds + 1)) / rounds
print(mean("peak-tcp", "txt.rate"), mean("floor-tcp", "tps"), mean("peak-socket", "txt.rate"), mean("floor-socket", "tps"))
PY
)
python3 - "$peak_tcp" "$floor_tcp" "$peak_socket" "$floor_socket" <<'PY'
import sys
peak_tcp, floor_tcp, peak_socket, floor_socket = map(float, sys.argv[1:])
print(f"over TCP:         eptrack {peak_tcp:7.1f} req/s, pgbench {floor_tcp:7.1f} tx/s, eptrack / pgbench {peak_tcp / floor_tcp:5.2f}   (target ≥ 0.6)")
print(f"over the socket:  eptrack {peak_socket:7.1f} req/s, pgbench {floor_socket:7.1f} tx/s, eptrack / pgbench {peak_socket / floor_socket:5.2f}   (co-located, for comparison)")
PY
peak="$peak_tcp"

echo "== 3. soak over TCP: about half the peak ($(python3 -c "print(round(float($peak) / 2))") writes/s) for $SOAK_SECONDS s"
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
