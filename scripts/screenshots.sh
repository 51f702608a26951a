#!/usr/bin/env bash
# The pictures of the pages in docs/screenshots (case-page.png, alert-queue.png,
# milestone-error.png, 1000 px wide), taken by the browser journeys of scripts/check-web.sh
# against a built server on a throwaway PostgreSQL; the journeys' checks must pass too.
#
#   bash scripts/screenshots.sh [PATH/TO/eptrack]
#
# Without an argument it uses the debug build in the scratch path scripts/test.sh builds in
# (EPTRACK_SCRATCH_PATH, default /var/tmp/eptrack-build): build first, it does not build.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-${EPTRACK_SCRATCH_PATH:-/var/tmp/eptrack-build}/debug/eptrack}"
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
[ -x "$bin" ] || { echo "no built eptrack at $bin: build it (swift build) or name it: scripts/screenshots.sh PATH/TO/eptrack" >&2; exit 1; }
source scripts/postgres.sh
source scripts/check-web.sh
trap pg_stop EXIT
pg_start
mkdir -p docs/screenshots
EPTRACK_WEB_SCREENSHOTS="$(pwd)/docs/screenshots" check_web "$bin"
ls -l docs/screenshots/case-page.png docs/screenshots/alert-queue.png docs/screenshots/milestone-error.png

# The dashboard report in README (api-docs/dashboard-report.png): `eptrack demo` data on a
# SQLite file of its own, the report as a leader of a demo council gets it, in Chromium.
work="$(mktemp -d /tmp/eptrack-report.XXXXXX)"
trap 'pg_stop; [ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
port="$(free_port)"
export DATABASE_URL="sqlite://$work/demo.sqlite" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=error EPTRACK_METRICS_PORT=0
token="$("$bin" demo --cases 400 --seed 11 | sed -n 's/^la-demo-north leader token (7 days): //p')"
"$bin" serve > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
last_end="$(python3 -c 'import datetime as d; t=d.date.today(); q=(t.month-1)//3; print((d.date(t.year, 3*q+1, 1) - d.timedelta(days=1)).isoformat())')"
first_start="$(python3 -c "import datetime as d; e=d.date.fromisoformat('$last_end'); print(d.date(e.year-1, e.month % 12 + 1 if e.month != 12 else 1, 1).isoformat() if e.month != 12 else d.date(e.year, 1, 1).isoformat())")"
curl -fs -H "Authorization: Bearer $token" -H "Accept: text/html" \
    "http://127.0.0.1:$port/v1/dashboards/summary?from=$first_start&to=$last_end" > "$work/report.html"
bash scripts/render-report.sh "$work/report.html" api-docs/dashboard-report.png
ls -l api-docs/dashboard-report.png
