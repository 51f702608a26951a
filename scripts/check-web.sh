#!/usr/bin/env bash
# Sourced by scripts/test.sh while its PostgreSQL runs (after pg_start): the server-rendered pages
# in a real browser, against the built server on PostgreSQL.
#
#   check_web PATH/TO/eptrack      returns non-zero on any failure
#
# It creates a database of its own on the test PostgreSQL, fills it with `eptrack demo --cases 40
# --seed 7` (la-demo-north, la-demo-south and the partnered raa-demo), starts an OpenID provider
# for tests (oidc-provider-mock, with the client registered, PKCE S256 and a nonce required) and
# the server signing in through it, and runs scripts/web_journeys.py: headless Chromium driven
# by Selenium signs in through the provider's form (a `roles` claim such as
# la-demo-north.social_worker), a social worker opens a case and records a journey (one
# milestone refused: the error summary links to the field, nothing stored), corrects and
# retracts, an IRO acknowledges an alert, a leader downloads the dashboard's CSV, an admin
# makes and revokes a token, and sign-out ends the session for good. axe-core runs on every
# page (WCAG 2.0, 2.1, 2.2 A and AA tags: any violation fails), no page may carry inline
# scripts or styles or a Content-Security-Policy with 'unsafe-inline', a second Chromium with
# JavaScript off signs in with a one-time link and submits the forms, and plain HTTP checks the
# CSRF refusals (403, nothing stored), another agency's case (404) and open redirects after
# sign-in. The provider, the server and the browsers are stopped and the database dropped
# however the run ends. About 1 to 2 minutes on 2 cores.
#
# Settings (environment):
#   EPTRACK_WEB_SCREENSHOTS  a folder: also save case-page.png, alert-queue.png and
#                            milestone-error.png there, 1000 px wide (scripts/screenshots.sh
#                            does this for docs/screenshots).
#   EPTRACK_WEB_TIMEOUT      seconds the journeys may take before they are stopped (default 600).
#   EPTRACK_WEB_VENV         the Python environment for Selenium, axe-core and the provider
#                            (default /var/tmp/eptrack-web-venv, made and filled from PyPI when
#                            missing or holding other versions than those pinned below).
#   EPTRACK_WEB_KEEP         a folder: keep the run's logs (server, provider, journeys) and, for a
#                            journey that stopped, the page's picture and HTML there.

EPTRACK_WEB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The versions these journeys were written and checked against. axe-selenium-python 3.0.0 ships
# axe-core 4.10.2 (its 2.x ship axe-core 3.1, which knows no WCAG 2.2 rule); it declares Python
# 3.12 but its one module runs on 3.11, so it is installed without that check (and without its
# pytest dependency, which the journeys do not use). selenium 4.52 needs a newer certifi than
# PyPI has here; 4.51 drives Chromium 156 through Debian's chromium-driver.
EPTRACK_WEB_PINS="selenium==4.51.0 oidc-provider-mock==0.3.4 requests==2.34.2"
EPTRACK_WEB_AXE_PIN="axe-selenium-python==3.0.0"

# A subshell, so its EXIT trap (stop everything, drop the database, remove the work folder)
# runs however it ends and leaves test.sh's own trap alone.
check_web() (
    # Errors are handled one by one below (errexit would also cut the cleanup trap short).
    set +e -uo pipefail
    local bin="$1" timeout="${EPTRACK_WEB_TIMEOUT:-600}" venv="${EPTRACK_WEB_VENV:-/var/tmp/eptrack-web-venv}"
    local work port idp_port pid="" idp="" runner="" group="" db="eptrack_web" shots="${EPTRACK_WEB_SCREENSHOTS:-}" keep="${EPTRACK_WEB_KEEP:-}"
    case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
    case "$shots" in ""|/*) ;; *) shots="$(pwd)/$shots" ;; esac
    case "$keep" in ""|/*) ;; *) keep="$(pwd)/$keep" ;; esac
    [ -x "$bin" ] || { echo "check_web: no executable at $bin" >&2; return 1; }
    [ -n "${PG_URL:-}" ] && [ -n "${PG_DIR:-}" ] || { echo "check_web: run pg_start (scripts/postgres.sh) first" >&2; return 1; }
    [[ "$timeout" =~ ^[1-9][0-9]*$ ]] || { echo "check_web: EPTRACK_WEB_TIMEOUT must be a positive number of seconds" >&2; return 1; }

    _web_install_browser || return 1
    _web_install_python "$venv" || return 1

    work="$(mktemp -d /tmp/eptrack-web.XXXXXX)"
    chmod 755 "$work"
    _web_stop() { # PID: TERM, then KILL after 10 s
        [ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 0
        kill -TERM "$1" 2>/dev/null
        for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$1" 2>/dev/null
        wait "$1" 2>/dev/null
    }
    _web_cleanup() {
        # The journeys first: Selenium quits its browsers on the way out; whatever of its
        # process group (chromedriver, Chromium) is left after that is stopped with it.
        _web_stop "$runner"
        if [ -n "$group" ] && kill -0 -- "-$group" 2>/dev/null; then
            kill -TERM -- "-$group" 2>/dev/null
            for _ in $(seq 50); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.1; done
            kill -KILL -- "-$group" 2>/dev/null
        fi
        _web_stop "$pid"
        _web_stop "$idp"
        pg_drop_database "$db"
        if [ -n "$keep" ]; then mkdir -p "$keep" && cp -r "$work/." "$keep/"; fi
        rm -rf "$work"
    }
    trap _web_cleanup EXIT
    trap 'exit 130' INT TERM

    local database_url
    database_url="$(pg_fresh_database "$db")" || { echo "check_web: no database of its own on the test PostgreSQL" >&2; return 1; }

    port="$(free_port)"
    idp_port="$(free_port)"
    while [ "$idp_port" = "$port" ]; do idp_port="$(free_port)"; done
    local base="http://127.0.0.1:$port" issuer="http://127.0.0.1:$idp_port"
    export DATABASE_URL="$database_url" EPTRACK_ALLOW_UNSAFE_DB=1 LOG_LEVEL=error EPTRACK_PUBLIC_URL="$base"
    cd "$EPTRACK_WEB_ROOT" || return 1

    # The provider registers the server's client (its one redirect URI, client_secret_post) and
    # writes the client's id and secret down once it listens.
    "$venv/bin/python" scripts/web_journeys.py provider --port "$idp_port" --redirect-uri "$base/sign-in/callback" \
        --client-file "$work/client.json" > "$work/provider.log" 2>&1 &
    idp=$!
    for _ in $(seq 150); do
        [ -s "$work/client.json" ] && curl -fs --max-time 2 "$issuer/.well-known/openid-configuration" >/dev/null 2>&1 && break
        kill -0 "$idp" 2>/dev/null || break
        sleep 0.1
    done
    curl -fs --max-time 2 "$issuer/.well-known/openid-configuration" >/dev/null 2>&1 && [ -s "$work/client.json" ] \
        || { echo "check_web: the OpenID provider for tests did not start:" >&2; tail -20 "$work/provider.log" >&2; return 1; }
    local client_id client_secret
    client_id="$("$venv/bin/python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["client_id"])' "$work/client.json")" || return 1
    client_secret="$("$venv/bin/python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["client_secret"])' "$work/client.json")" || return 1

    "$bin" demo --cases 40 --seed 7 > "$work/demo.log" 2>&1 \
        || { echo "check_web: eptrack demo --cases 40 --seed 7 failed:" >&2; tail -20 "$work/demo.log" >&2; return 1; }
    # It prints one-time sign-in links on this server (README's first steps use them).
    local demo_links=0
    grep -q "^sign-in link for la-demo-north social_worker (15 minutes): $base/sign-in/link/" "$work/demo.log" || demo_links=1

    # Metrics on any free port: a server already running here may hold the default one.
    HOST=127.0.0.1 PORT="$port" EPTRACK_METRICS_PORT=0 EPTRACK_OIDC_ISSUER="$issuer" EPTRACK_WEB_OIDC_CLIENT_ID="$client_id" \
        EPTRACK_WEB_OIDC_CLIENT_SECRET="$client_secret" EPTRACK_WEB_SIGN_IN_LINKS=allow \
        "$bin" serve > "$work/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 300); do
        curl -fs --max-time 2 "$base/health/ready" >/dev/null 2>&1 && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    curl -fs --max-time 2 "$base/health/ready" >/dev/null 2>&1 || { echo "check_web: the server did not become ready:" >&2; tail -20 "$work/server.log" >&2; return 1; }

    local -a args=(run --base "$base" --issuer "$issuer" --bin "$bin" --work "$work")
    [ -n "$shots" ] && args+=(--screenshots "$shots")
    local started status
    started=$(date +%s)
    # In the background and waited for, so the cleanup can stop it if the run is interrupted; in
    # a process group of its own, so its browsers can be found and stopped with it.
    setsid timeout --signal=TERM --kill-after=20 "$timeout" "$venv/bin/python" -u scripts/web_journeys.py "${args[@]}" > "$work/journeys.log" 2>&1 &
    runner=$!
    group=$runner
    wait "$runner"
    status=$?
    runner=""
    if [ "$status" -eq 0 ]; then
        # The summary lines; the whole log (every page, every check) is kept with EPTRACK_WEB_KEEP.
        grep '^==' "$work/journeys.log"
    else
        cat "$work/journeys.log" >&2
        if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then echo "check_web: the journeys did not finish within ${timeout} s" >&2; fi
        if [ -s "$work/server.log" ]; then echo "check_web: the server's log (last lines):" >&2; tail -20 "$work/server.log" >&2; fi
        echo "check_web: failed after $(( $(date +%s) - started )) s" >&2
    fi
    if [ "$demo_links" -ne 0 ]; then
        echo "check_web: eptrack demo printed no 'sign-in link for la-demo-north social_worker (15 minutes): $base/sign-in/link/...' line:" >&2
        cat "$work/demo.log" >&2; status=1
    fi
    if ! kill -0 "$pid" 2>/dev/null || ! curl -fs --max-time 5 "$base/health/ready" >/dev/null 2>&1; then
        echo "check_web: the server is down or not ready after the journeys:" >&2; tail -30 "$work/server.log" >&2; status=1
    fi
    [ "$status" -eq 0 ] && echo "== the pages pass their browser journeys, axe-core and the security checks ($(( $(date +%s) - started )) s)"
    return "$status"
)

# Chromium and its WebDriver from Debian's packages (the same release: chromium-driver depends on it).
_web_install_browser() {
    command -v chromium >/dev/null && command -v chromedriver >/dev/null && return 0
    if [ "$(id -u)" -ne 0 ]; then echo "check_web: chromium and chromium-driver are missing: install Debian's chromium and chromium-driver packages" >&2; return 1; fi
    echo "== installing chromium and chromium-driver from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
        || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null; } \
        || { echo "check_web: could not install chromium and chromium-driver" >&2; return 1; }
    command -v chromedriver >/dev/null || { echo "check_web: chromium-driver installed no chromedriver" >&2; return 1; }
}

# The Python side in an environment of its own (the pins stay out of the way of Schemathesis's
# dependencies in the system Python), made again when it holds other versions.
_web_install_python() { # VENV
    local venv="$1" pins="$EPTRACK_WEB_PINS $EPTRACK_WEB_AXE_PIN" pip_log
    if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/eptrack-pins" 2>/dev/null)" = "$pins" ] \
        && "$venv/bin/python" -c 'import selenium, axe_selenium_python, oidc_provider_mock, requests' 2>/dev/null; then
        return 0
    fi
    echo "== installing $pins from PyPI into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv" || { echo "check_web: could not make a Python environment at $venv" >&2; return 1; }
    # shellcheck disable=SC2086 # the pins are words
    pip_log="$("$venv/bin/python" -m pip install -q --disable-pip-version-check $EPTRACK_WEB_PINS 2>&1)" \
        && pip_log="$("$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --ignore-requires-python "$EPTRACK_WEB_AXE_PIN" 2>&1)" \
        || { echo "check_web: could not install $pins from PyPI:" >&2; echo "$pip_log" | tail -5 >&2; rm -rf "$venv"; return 1; }
    echo "$pins" > "$venv/eptrack-pins"
}

# Run directly: bash scripts/check-web.sh PATH/TO/eptrack (starts and stops its own PostgreSQL).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    source "$EPTRACK_WEB_ROOT/scripts/postgres.sh"
    trap pg_stop EXIT
    pg_start
    check_web "${1:?usage: check-web.sh PATH/TO/eptrack}"
fi
