#!/usr/bin/env bash
# Renders the dashboard's printable report in headless Chromium (from Debian's packages) and
# checks a picture came out, so a broken page fails the tests. Usage: render-report.sh IN.html OUT.png
set -euo pipefail
in="$1" out="$2"
[ -s "$in" ] || { echo "no report page at $in: the dashboard test did not write it" >&2; exit 1; }
if ! command -v chromium >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then echo "chromium is missing: install Debian's chromium package" >&2; exit 1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 \
        || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
fi
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1400 \
    --screenshot="$out" "file://$in" >/dev/null 2>&1
size=$(stat -c %s "$out" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] || { echo "the report rendered to an empty picture ($size bytes)" >&2; exit 1; }
echo "== the dashboard report renders in Chromium ($size bytes of PNG)"
