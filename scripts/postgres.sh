# Sourced by scripts/test.sh and Benchmarks/api.sh: a throwaway PostgreSQL on 127.0.0.1 with a
# temporary data directory, installed from Debian's packages when missing. As root, the server
# runs as the postgres user (it refuses to run as root).
#   pg_start   starts it and exports PG_URL (and PG_DIR, PG_BIN)
#   pg_stop    stops it and removes its data (call it from a trap)

pg_find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

pg_as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
    PG_BIN="$(pg_find_bin)"
    if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
        echo "== installing PostgreSQL from Debian's packages"
        if [ "$(id -u)" -ne 0 ]; then
            echo "PostgreSQL is not installed and this is not root: install the 'postgresql' package first." >&2
            return 1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
        PG_BIN="$(pg_find_bin)"
    fi
    PG_DIR="$(mktemp -d /tmp/eptrack-pg.XXXXXX)"
    local port password
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    password="eptrack-$RANDOM$RANDOM$RANDOM"
    echo "$password" > "$PG_DIR/.pw"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$PG_DIR"; fi
    pg_as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/.pw" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    # fsync off: this server holds nothing worth keeping. Never do this for a real deployment.
    pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=200 ${PG_EXTRA_OPTIONS:-}" start >/dev/null
    pg_as_postgres "$PG_BIN/createdb" -h "$PG_DIR" -p "$port" -U postgres eptrack
    export PG_BIN PG_DIR PG_PORT="$port"
    export PG_URL="postgres://postgres:$password@127.0.0.1:$port/eptrack?sslmode=disable"
    echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

pg_stop() {
    if [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
        pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    if [ -n "${PG_DIR:-}" ]; then rm -rf "$PG_DIR"; fi
}
