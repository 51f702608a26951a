# Sourced by scripts/test.sh and Benchmarks/api.sh: a throwaway PostgreSQL on 127.0.0.1 with a
# temporary data directory, installed from Debian's packages when missing. As root, the server
# runs as the postgres user (it refuses to run as root).
#   pg_start   starts it and exports PG_URL, PG_SOCKET_URL (and PG_DIR, PG_BIN)
#   pg_stop    stops it and removes its data (call it from a trap)
#   free_port  prints a TCP port free on 127.0.0.1 (for this server and the ones the checks start)
#   pg_fresh_database NAME   (re)creates database NAME on the running server, prints its URL
#   pg_drop_database NAME    drops it (from a check's cleanup)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

pg_drop_database() {
    pg_as_postgres "$PG_BIN/dropdb" -h "$PG_DIR" -p "$PG_PORT" -U postgres --if-exists --force "$1" >/dev/null 2>&1
}

# A database of a check's own on the test PostgreSQL (what it stores stays out of the other
# suites' way and goes with it), as PG_URL with the database's name in place of eptrack's.
pg_fresh_database() {
    local url="${PG_URL/\/eptrack\?//$1?}"
    [ "$url" != "$PG_URL" ] || { echo "cannot derive a database URL from PG_URL" >&2; return 1; }
    pg_drop_database "$1"
    pg_as_postgres "$PG_BIN/createdb" -h "$PG_DIR" -p "$PG_PORT" -U postgres "$1" \
        || { echo "could not create the database $1" >&2; return 1; }
    echo "$url"
}

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
    port="$(free_port)"
    password="eptrack-$RANDOM$RANDOM$RANDOM"
    echo "$password" > "$PG_DIR/.pw"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$PG_DIR"; fi
    pg_as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/.pw" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    # TLS with a throwaway CA, so clients can be tested with sslmode=verify-full.
    pg_make_certificates
    PG_PORT="$port"
    pg_resume
    pg_as_postgres "$PG_BIN/createdb" -h "$PG_DIR" -p "$port" -U postgres eptrack
    export PG_BIN PG_DIR PG_PORT
    export PG_URL="postgres://postgres:$password@127.0.0.1:$port/eptrack?sslmode=disable"
    # The same server through its Unix socket in $PG_DIR (local connections are trusted).
    export PG_SOCKET_URL="postgres://postgres@/eptrack?host=$PG_DIR&port=$port"
    # The certificate names localhost; verify-full checks it and the CA.
    export PG_TLS_URL="postgres://postgres:$password@localhost:$port/eptrack?sslmode=verify-full&sslrootcert=$PG_DIR/tls/ca.crt"
    export PG_TLS_WRONG_CA_URL="postgres://postgres:$password@localhost:$port/eptrack?sslmode=verify-full&sslrootcert=$PG_DIR/tls/other-ca.crt"
    echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# A CA, a server certificate for localhost signed by it, and an unrelated CA (for the refusal test).
pg_make_certificates() {
    local tls="$PG_DIR/tls"
    mkdir -p "$tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=eptrack test CA" \
        -keyout "$tls/ca.key" -out "$tls/ca.crt" >/dev/null 2>&1
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=someone else's CA" \
        -keyout "$tls/other-ca.key" -out "$tls/other-ca.crt" >/dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr" >/dev/null 2>&1
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > "$tls/san.ext"
    openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
        -extfile "$tls/san.ext" -out "$tls/server.crt" >/dev/null 2>&1
    chmod 600 "$tls/server.key"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$tls"; chmod 755 "$tls"; chmod 644 "$tls/"*.crt; fi
}

# Starts (or restarts) the server on its data directory and port.
pg_resume() {
    # fsync off: this server holds nothing worth keeping. Never do this for a real deployment.
    # PG_FSYNC=on gives PostgreSQL's durable defaults (the write benchmark measures with them).
    pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=${PG_FSYNC:-off} -c max_connections=200 -c ssl=on -c ssl_cert_file=$PG_DIR/tls/server.crt -c ssl_key_file=$PG_DIR/tls/server.key ${PG_EXTRA_OPTIONS:-}" start >/dev/null
}

# Stops the server but keeps its data, to test what happens while the database is away.
pg_pause() {
    pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null
}

pg_stop() {
    if [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
        pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    if [ -n "${PG_DIR:-}" ]; then rm -rf "$PG_DIR"; fi
}
