#!/usr/bin/env bash
# The test command (README "Test"): starts a throwaway PostgreSQL on 127.0.0.1 (installing it
# from Debian's packages when missing), builds once, and runs every test: the domain suite,
# and the store and API suites on SQLite and on PostgreSQL. PostgreSQL is stopped again
# however the tests end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

# SwiftPM's build folder: outside the clone by default, so repeated runs on one machine are
# incremental; a new machine simply builds from scratch.
SCRATCH="${EPTRACK_SCRATCH_PATH:-/var/tmp/eptrack-build}"
LOGS="$(mktemp -d /tmp/eptrack-test.XXXXXX)"
trap 'pg_stop; rm -rf "$LOGS"' EXIT

bash scripts/check-docker.sh

pg_start
# The store and API suites reach PostgreSQL over TLS with sslmode=verify-full, as a managed
# service would be reached.
export EPTRACK_TEST_POSTGRES_URL="$PG_TLS_URL"
export EPTRACK_TEST_POSTGRES_TLS_URL="$PG_TLS_URL" EPTRACK_TEST_POSTGRES_WRONG_CA_URL="$PG_TLS_WRONG_CA_URL"
export EPTRACK_TEST_POSTGRES_SOCKET_URL="$PG_SOCKET_URL"
export EPTRACK_REQUIRE_POSTGRES=1
export EPTRACK_REPORT_OUT="$LOGS/report.html"

echo "== building (scratch path $SCRATCH)"
set +e
swift build --build-tests --scratch-path "$SCRATCH" > "$LOGS/build.log" 2>&1
build_status=$?
set -e
tail -3 "$LOGS/build.log"
if [ "$build_status" -ne 0 ]; then
    grep -E "error" "$LOGS/build.log" | head -50
    exit 1
fi
# Our own code builds without warnings (dependencies' warnings are theirs).
if grep -E "^$(pwd)/(Sources|Tests|Benchmarks)/.*warning:" "$LOGS/build.log"; then
    echo "warnings in eptrack's own code: fix them" >&2
    exit 1
fi

echo "== running the tests (SQLite and PostgreSQL)"
set +e
swift test --skip-build --scratch-path "$SCRATCH" > "$LOGS/test.log" 2>&1
status=$?
set -e
# The dashboard report a test wrote must render in a real browser, and the real server must
# stop cleanly on SIGTERM.
if [ "$status" -eq 0 ]; then bash scripts/render-report.sh "$LOGS/report.html" "$LOGS/report.png" || status=1; fi
BIN="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/eptrack"
if [ "$status" -eq 0 ]; then bash scripts/check-shutdown.sh "$BIN" || status=1; fi
source scripts/check-ready.sh
if [ "$status" -eq 0 ]; then check_ready "$BIN" || status=1; fi
source scripts/check-tls.sh
if [ "$status" -eq 0 ]; then check_tls "$BIN" || status=1; fi
source scripts/check-limits.sh
if [ "$status" -eq 0 ]; then check_limits "$BIN" || status=1; fi
# The pages in a real browser (Chromium, Selenium, axe-core) with sign-in through an OpenID
# provider for tests, with JavaScript off too, and their CSRF, access and redirect refusals.
source scripts/check-web.sh
if [ "$status" -eq 0 ]; then check_web "$BIN" || status=1; fi
# The contract fuzzed with Schemathesis (scripts/schemathesis.toml says what each operation may
# answer beyond its schema, and why).
source scripts/check-fuzz.sh
if [ "$status" -eq 0 ]; then check_fuzz "$BIN" || status=1; fi
# A crash drill: PostgreSQL is killed with SIGKILL under write load and restarted.
source scripts/check-faults.sh
if [ "$status" -eq 0 ]; then check_faults "$BIN" || status=1; fi
# Failures and issues in full; passing tests only by suite; then the closing summary lines.
grep -vE "^(◇|↳|✔ Test |Test Suite|\s*Executed)" "$LOGS/test.log" | tail -150
grep -E "Executed [0-9]+ tests|Test run with" "$LOGS/test.log" | tail -2
exit "$status"
