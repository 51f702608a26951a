#!/usr/bin/env bash
# Two servers compared on one database (how the steps in CHANGELOG.md were measured). A durable
# PostgreSQL (as write-floor.sh's), CASES open cases seeded through the API, then ROUNDS rounds in
# which server A and then server B are each started on it, warmed for 3 s and loaded with
# milestone writes (wrk, 32 connections, SECONDS_PER_ROUND s). Alternating on one database puts
# the machine's drift and the journeys' growth on both alike. Prints each round with the
# server's CPU a write, the whole machine's CPU a write and how busy the machine was
# (200% = both cores).
#   A and B are two builds (BIN_A, BIN_B: copies of release binaries, since a build replaces
#   the file) or one build under two environments (ENV_A, ENV_B: "NAME=value …").
# Usage: BIN_B=/tmp/eptrack-before bash Benchmarks/ab.sh [cases] [seconds per round]   ROUNDS=3
set -euo pipefail
CASES="${1:-3000}"
SECONDS_PER_ROUND="${2:-10}"
ROUNDS="${ROUNDS:-3}"
source "$(dirname "$0")/setup.sh"
bench_durable "$CASES"

ticks_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
restart() { # binary, environment
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    # shellcheck disable=SC2086  # the environment is a list of NAME=value words
    env $2 EPTRACK_METRICS_PORT=0 "$1" serve > "$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    bench_wait_ready "$URL" "$WORK/server.log"
}

echo "== A: ${BIN_A:-$BIN} ${ENV_A:-}; B: ${BIN_B:-$BIN} ${ENV_B:-}; $ROUNDS × 2 × $SECONDS_PER_ROUND s"
for round in $(seq "$ROUNDS"); do
    for side in A B; do
        if [ "$side" = A ]; then restart "${BIN_A:-$BIN}" "${ENV_A:-}"; else restart "${BIN_B:-$BIN}" "${ENV_B:-}"; fi
        EPTRACK_BENCH_TOKEN="$SW" bench_wrk warm "warm-up" 32 3 record-milestone.lua /v1/cases > /dev/null
        server0=$(ticks_of "$SERVER_PID"); machine0=$(machine_ticks)
        EPTRACK_BENCH_TOKEN="$SW" bench_wrk "$side$round" "$side, round $round" 32 "$SECONDS_PER_ROUND" record-milestone.lua /v1/cases
        server1=$(ticks_of "$SERVER_PID"); machine1=$(machine_ticks)
        python3 - "$(cat "$WORK/$side$round.txt.rate")" "$SECONDS_PER_ROUND" $((server1 - server0)) $((machine1 - machine0)) <<'PY'
import os, sys
rate, seconds, server, machine = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
tick = 1 / os.sysconf("SC_CLK_TCK")
writes = rate * seconds
print(f"   server {server * tick / writes * 1e6:.0f} µs a write, machine {machine * tick / writes * 1e6:.0f} µs a write, machine busy {machine * tick / seconds * 100:.0f}%")
PY
    done
done
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
