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
