#!/usr/bin/env bash
# Sourced by scripts/test.sh while its PostgreSQL runs (after the Swift tests): a crash drill.
# Starts the built server on a fresh database (eptrack_faults) of that PostgreSQL, seeds an LA
# and a social worker's token, and runs scripts/fault_load.py: a steady load of valid milestone
# writes (and new cases), during which the whole PostgreSQL cluster is SIGKILLed, left dead
# for 4 s and restarted with pg_resume (crash recovery). It fails unless every write
# acknowledged with 201 is in the database, no case is half-written, every request while the
# database was down was answered within 2 s (503 /problems/database-unavailable, never 500
# or a hang), and the same server process recovers: writes succeed again and /health/ready
# answers 200. About 25 s; at most about 90 s.
# The server is stopped and its database dropped however the drill ends, and PostgreSQL is
# left running (restarted) for later checks. To investigate a failure, EPTRACK_FAULTS_LOG_LEVEL=info
# logs every request, and EPTRACK_FAULTS_ARGS passes options to fault_load.py (e.g.
# "--answer-timeout 40" to see what becomes of a hanging request); the records of a failed
# drill are kept in /tmp/eptrack-faults.*. Usage: check_faults PATH/TO/eptrack
check_faults() (
    set +e -uo pipefail
    local bin="$1" root work port url token server_pid="" ok=0 db=eptrack_faults
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
    cd "$root" || return 1  # the server reads Schema/, Policies/ and api-docs/ from here
    work="$(mktemp -d /tmp/eptrack-faults.XXXXXX)"
    export PG_BIN PG_DIR PG_PORT  # fault_load.py restarts PostgreSQL with pg_resume

    psql_admin() { pg_as_postgres "$PG_BIN/$1" -h "$PG_DIR" -p "$PG_PORT" -U postgres "${@:2}"; }
    cleanup() {
        if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
            kill -TERM "$server_pid" 2>/dev/null
            for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
            if kill -0 "$server_pid" 2>/dev/null; then
                # Graceful shutdown waits for requests in progress: one that never ends holds it.
                echo "FAIL: the server did not stop within 10 s of SIGTERM after the drill (killed)" >&2
                kill -KILL "$server_pid" 2>/dev/null
                ok=1
            fi
            wait "$server_pid" 2>/dev/null
        fi
        # Later checks need PostgreSQL: start it again if the drill stopped while it was dead
        # (or let it go on, if the drill stopped between stopping and killing it).
        kill -CONT "$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null)" 2>/dev/null
        if ! pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
            echo "   restarting PostgreSQL after the drill" >&2
            pg_resume || echo "PostgreSQL did not start again" >&2
        fi
        psql_admin dropdb --if-exists --force "$db" >/dev/null 2>&1 || echo "could not drop $db" >&2
        if [ "$ok" -eq 0 ]; then rm -rf "$work"; else echo "   the drill's records are in $work" >&2; fi
        trap - EXIT
    }
    trap 'cleanup; [ "$ok" -eq 0 ] && echo "== the server rode out PostgreSQL being killed: nothing acknowledged lost, 503s (not hangs) while it was down, recovered by itself"; exit "$ok"' EXIT
    trap 'ok=1; exit 130' INT TERM

    psql_admin dropdb --if-exists --force "$db" >/dev/null 2>&1
    psql_admin createdb "$db" || { ok=1; return 1; }
    url="${PG_URL/\/eptrack\?//$db?}"
    port="$(free_port)"
    cli() { DATABASE_URL="$url" EPTRACK_ALLOW_UNSAFE_DB=1 LOG_LEVEL=error timeout 60 "$bin" "$@"; }
    # The CLI applies the migrations on its first connection.
    if ! cli agency create --id la-northshire --name "Northshire County Council" --type la > "$work/cli.log" 2>&1 ||
       ! token="$(cli token create --agency la-northshire --role social_worker --name "Fault drill duty team" 2>>"$work/cli.log" | grep -E '^ept_' | tail -1)" ||
       [ -z "$token" ]; then
        echo "could not seed the drill's database:" >&2; cat "$work/cli.log" >&2; ok=1; return 1
    fi

    DATABASE_URL="$url" PORT="$port" EPTRACK_ALLOW_UNSAFE_DB=1 LOG_LEVEL="${EPTRACK_FAULTS_LOG_LEVEL:-error}" \
        EPTRACK_RATE_LIMIT=1000000 "$bin" serve > "$work/server.log" 2>&1 &
    server_pid=$!
    local code=""
    for _ in $(seq 200); do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/ready" || true)"
        [ "$code" = "200" ] && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [ "$code" != "200" ]; then
        echo "the server did not become ready (last answer '$code'):" >&2; tail -20 "$work/server.log" >&2; ok=1; return 1
    fi

    echo "== crash drill: SIGKILL PostgreSQL under write load, restart it, check nothing acknowledged was lost"
    timeout --foreground -k 5 100 python3 scripts/fault_load.py --port "$port" --token "$token" --local-authority la-northshire \
        --server-pid "$server_pid" --pg-bin "$PG_BIN" --pg-dir "$PG_DIR" --pg-port "$PG_PORT" --database "$db" \
        --postgres-script "$root/scripts/postgres.sh" --out "$work" ${EPTRACK_FAULTS_ARGS:-} || ok=1
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "the server exited during the drill" >&2; ok=1
    fi
    if [ "$ok" -ne 0 ] && [ -s "$work/server.log" ]; then
        echo "   server log (last 30 lines):" >&2; tail -30 "$work/server.log" >&2
    fi
    return "$ok"
)
