#!/usr/bin/env bash
# Runs the built server on a throwaway SQLite file and checks two things a deployment relies on:
#   - a client that opens a connection and never finishes its request headers is disconnected
#     after EPTRACK_REQUEST_TIMEOUT (here 2 s), and the server goes on answering others;
#   - SIGTERM while a slow request is in flight (a case opened by a client that takes ~3 s to
#     send its body) lets that request finish with 201, stops the server within 10 s, exit 0.
# Usage: check-shutdown.sh PATH/TO/eptrack
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh  # free_port
bin="$1"
work="$(mktemp -d /tmp/eptrack-shutdown.XXXXXX)"
trap 'rm -rf "$work"' EXIT
port="$(free_port)"
export DATABASE_URL="sqlite://$work/eptrack.sqlite"
"$bin" agency create --id la-northshire --name "Northshire County Council" --type la >/dev/null 2>&1
token="$("$bin" token create --agency la-northshire --role social_worker --name "children in care team" 2>/dev/null)"
PORT="$port" EPTRACK_REQUEST_TIMEOUT=2 LOG_LEVEL=info "$bin" serve > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "the server did not become ready" >&2; cat "$work/server.log" >&2; exit 1; }

# A half-sent request: the server must hang up on it after the 2 s request timeout.
python3 - "$port" <<'PY' || { kill -KILL "$pid"; exit 1; }
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /health/live HTTP/1.1\r\nHost: eptrack\r\n")  # no blank line: headers never end
s.settimeout(10)
started = time.monotonic()
data = s.recv(4096)
elapsed = time.monotonic() - started
if data or not (1.5 <= elapsed <= 6):
    sys.exit(f"a half-sent request was not disconnected after the request timeout (got {data!r} after {elapsed:.1f} s)")
print(f"   a half-sent request was disconnected after {elapsed:.1f} s (request timeout 2 s)")
PY

# A slow request in flight when SIGTERM arrives: its body trickles in over ~3 s.
python3 - "$port" "$token" "$pid" > "$work/slow.out" 2>&1 <<'PY' &
import os, signal, socket, sys, time
port, token, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
body = (b'{"reference":"NS-EP-2025-0318","local_authority":"la-northshire","profile":'
        b'{"sex":"male","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":true,"expected_birth_month":"2025-09"}}')
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"POST /v1/cases HTTP/1.1\r\nHost: eptrack\r\nContent-Type: application/json\r\n"
          + b"Authorization: Bearer " + token.encode() + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n")
chunks = [body[i:i + len(body) // 6 + 1] for i in range(0, len(body), len(body) // 6 + 1)]
for index, chunk in enumerate(chunks):
    s.sendall(chunk)
    if index == 1:
        os.kill(pid, signal.SIGTERM)  # the server is told to stop with the request half received
        print("sent SIGTERM mid-request", flush=True)
    time.sleep(0.5)
s.settimeout(10)
response = b""
while b"\r\n\r\n" not in response:
    part = s.recv(4096)
    if not part:
        break
    response += part
print(response.split(b"\r\n", 1)[0].decode(errors="replace"))
PY
client=$!
for _ in $(seq 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"; echo "the server did not stop within 15 s of SIGTERM" >&2; exit 1
fi
set +e; wait "$pid"; code=$?; wait "$client"; set -e
[ "$code" -eq 0 ] || { echo "the server exited $code after SIGTERM" >&2; tail -5 "$work/server.log" >&2; exit 1; }
grep -q "sent SIGTERM mid-request" "$work/slow.out" || { echo "the slow request never started" >&2; cat "$work/slow.out" >&2; exit 1; }
grep -q "^HTTP/1.1 201" "$work/slow.out" || { echo "the request in flight at SIGTERM did not finish with 201:" >&2; cat "$work/slow.out" >&2; exit 1; }
echo "== the server disconnects half-sent requests, and on SIGTERM finishes the request in flight and exits 0"
