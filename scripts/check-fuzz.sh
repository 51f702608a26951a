#!/usr/bin/env bash
# Sourced by scripts/test.sh while its PostgreSQL runs (after pg_start): fuzzes the built server
# against its contract (api-docs/openapi.yaml, as served at /openapi.yaml) with Schemathesis.
#
#   check_fuzz PATH/TO/eptrack      returns non-zero on any failure
#
# It creates a database of its own on the test PostgreSQL, seeds it with the CLI (two LAs, a
# partnered RAA, a token for each role) and with a few realistic anonymised journeys through the
# API, starts the server on it, and runs every Schemathesis phase (examples, coverage, fuzzing,
# stateful) with every check (`--checks all`, object-level authorisation and ignored auth
# included). What each operation may legitimately answer beyond what its schema can say is in
# scripts/schemathesis.toml, each with its reason; there is no baseline of accepted failures.
# The server is stopped and its database dropped however the run ends.
#
# Settings (environment):
#   EPTRACK_FUZZ_EXAMPLES  test cases per operation and phase (default 200, what CI runs: about
#                          3 minutes on 2 cores against the debug build).
#                          A longer run (about 14 minutes): EPTRACK_FUZZ_EXAMPLES=1000 bash scripts/test.sh
#                          or, with a binary already built and without the other suites,
#                          EPTRACK_FUZZ_EXAMPLES=1000 bash scripts/check-fuzz.sh PATH/TO/eptrack
#   EPTRACK_FUZZ_SEED      the Hypothesis seed (default: random; printed, so a failing run can be
#                          replayed exactly with the same seed and example count).
#   EPTRACK_FUZZ_TIMEOUT   seconds all passes may take before Schemathesis is stopped and the
#                          check fails (default 900, plus 3 s per example above 200).
#   EPTRACK_FUZZ_WORKERS   concurrent Schemathesis workers (default 1: with 2, Schemathesis 4.32
#                          was seen to generate far fewer than --max-examples cases per
#                          operation, and the server needs the second core anyway).
#   EPTRACK_FUZZ_KEEP      a folder: keep the run's log, reports and server log there.

EPTRACK_FUZZ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The version this configuration was written and checked against: its config keys, check names
# and WFC auth format are those of Schemathesis 4.x.
EPTRACK_SCHEMATHESIS_VERSION="4.32.5"

# A subshell, so its EXIT trap (stop the server, drop the database, remove the work folder)
# runs however it ends and leaves test.sh's own trap alone.
check_fuzz() (
    # Errors are handled one by one below (errexit would also cut the cleanup trap short).
    set +e -uo pipefail
    local bin="$1" examples="${EPTRACK_FUZZ_EXAMPLES:-200}" seed="${EPTRACK_FUZZ_SEED:-$(( (RANDOM << 15) | RANDOM ))}"
    local workers="${EPTRACK_FUZZ_WORKERS:-1}" work port pid="" fuzzer="" db="eptrack_fuzz" started timeout
    case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
    [ -x "$bin" ] || { echo "check_fuzz: no executable at $bin" >&2; return 1; }
    [ -n "${PG_URL:-}" ] && [ -n "${PG_DIR:-}" ] || { echo "check_fuzz: run pg_start (scripts/postgres.sh) first" >&2; return 1; }
    [[ "$examples" =~ ^[1-9][0-9]*$ ]] || { echo "check_fuzz: EPTRACK_FUZZ_EXAMPLES must be a positive number" >&2; return 1; }
    timeout="${EPTRACK_FUZZ_TIMEOUT:-$(( 900 + (examples > 200 ? (examples - 200) * 3 : 0) ))}"

    # Run as `python3 -m schemathesis.cli`, so a fresh install needs no PATH or pyenv shim.
    if [ "$(python3 -c 'from importlib.metadata import version; print(version("schemathesis"))' 2>/dev/null)" != "$EPTRACK_SCHEMATHESIS_VERSION" ]; then
        echo "== installing Schemathesis $EPTRACK_SCHEMATHESIS_VERSION from PyPI"
        local pip_log
        pip_log="$(python3 -m pip install -q "schemathesis==$EPTRACK_SCHEMATHESIS_VERSION" 2>&1)" \
            || { echo "check_fuzz: could not install schemathesis==$EPTRACK_SCHEMATHESIS_VERSION from PyPI:" >&2; echo "$pip_log" | tail -5 >&2; return 1; }
    fi

    work="$(mktemp -d /tmp/eptrack-fuzz.XXXXXX)"
    chmod 755 "$work"
    _fuzz_cleanup() {
        if [ -n "$fuzzer" ] && kill -0 "$fuzzer" 2>/dev/null; then
            kill -INT "$fuzzer" 2>/dev/null   # timeout passes it on to Schemathesis
            for _ in $(seq 50); do kill -0 "$fuzzer" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$fuzzer" 2>/dev/null
        fi
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null
            for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null
            wait "$pid" 2>/dev/null
        fi
        pg_drop_database "$db"
        if [ -n "${EPTRACK_FUZZ_KEEP:-}" ]; then mkdir -p "$EPTRACK_FUZZ_KEEP" && cp -r "$work/." "$EPTRACK_FUZZ_KEEP/"; fi
        rm -rf "$work"
    }
    trap _fuzz_cleanup EXIT
    trap 'exit 130' INT TERM

    # A database of its own on the test PostgreSQL: the fuzzer's thousands of cases and agencies
    # stay out of the other suites' way, and go with it.
    local database_url
    database_url="$(pg_fresh_database "$db")" || { echo "check_fuzz: no database of its own on the test PostgreSQL" >&2; return 1; }
    # fsync is off on the throwaway PostgreSQL; a million requests (and failed sign-ins, which
    # the ignored_auth check sends by the thousand) a minute means the fuzzer is never rate
    # limited (the 429 paths have their own tests).
    export DATABASE_URL="$database_url" EPTRACK_ALLOW_UNSAFE_DB=1 LOG_LEVEL=error EPTRACK_RATE_LIMIT=1000000 EPTRACK_AUTH_FAILURE_LIMIT=1000000
    cd "$EPTRACK_FUZZ_ROOT" || return 1

    # Identity, with the CLI as an operator would (README "Setting up an agency").
    { "$bin" agency create --id la-northshire --name "Northshire County Council" --type la \
        && "$bin" agency create --id la-southmoor --name "Southmoor Borough Council" --type la \
        && "$bin" agency create --id raa-coast-and-vale --name "Coast and Vale Adoption" --type raa \
        && "$bin" partnership create --agency raa-coast-and-vale --local-authority la-northshire; } > "$work/cli.log" 2>&1 \
        || { echo "check_fuzz: setting up the agencies failed:" >&2; cat "$work/cli.log" >&2; return 1; }
    local sw_ns sw_sm iro_ns leader_ns admin_ns raa_sw
    sw_ns="$("$bin" token create --agency la-northshire --role social_worker --name "Children in care team" 2>"$work/cli.log")" || { cat "$work/cli.log" >&2; return 1; }
    sw_sm="$("$bin" token create --agency la-southmoor --role social_worker --name "Southmoor permanence team" 2>"$work/cli.log")" || { cat "$work/cli.log" >&2; return 1; }
    iro_ns="$("$bin" token create --agency la-northshire --role iro --name "IRO service" 2>"$work/cli.log")" || { cat "$work/cli.log" >&2; return 1; }
    leader_ns="$("$bin" token create --agency la-northshire --role leader --name "Head of service" 2>"$work/cli.log")" || { cat "$work/cli.log" >&2; return 1; }
    admin_ns="$("$bin" token create --agency la-northshire --role admin --name "Northshire IT service desk" 2>"$work/cli.log")" || { cat "$work/cli.log" >&2; return 1; }
    raa_sw="$("$bin" token create --agency raa-coast-and-vale --role social_worker --name "Family finding team" 2>"$work/cli.log")" || { cat "$work/cli.log" >&2; return 1; }

    port="$(free_port)"
    PORT="$port" HOST=127.0.0.1 "$bin" serve > "$work/server.log" 2>&1 &
    pid=$!
    local base="http://127.0.0.1:$port"
    for _ in $(seq 300); do
        curl -fs --max-time 2 "$base/health/ready" >/dev/null 2>&1 && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    curl -fs --max-time 2 "$base/health/ready" >/dev/null 2>&1 || { echo "check_fuzz: the server did not become ready:" >&2; tail -20 "$work/server.log" >&2; return 1; }

    _fuzz_seed_journeys "$base" "$sw_ns" "$sw_sm" "$iro_ns" "$raa_sw" > "$work/seed.log" 2>&1 \
        || { echo "check_fuzz: seeding the journeys failed:" >&2; cat "$work/seed.log" >&2; return 1; }

    # The run's configuration: the committed one, plus the ids of the seeded journeys for its
    # dictionaries (see "seeded-cases" there).
    python3 - "$base" "$sw_ns" "$sw_sm" > "$work/seeded.toml" <<'PY' || { echo "check_fuzz: could not list the seeded journeys" >&2; return 1; }
import json, sys, urllib.request
base, tokens = sys.argv[1], sys.argv[2:]
def get(path, token):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)
cases, milestones = [], []
for token in tokens:
    for item in get("/v1/cases?limit=100", token)["items"]:
        cases.append(item["id"])
        milestones += [m["id"] for m in get("/v1/cases/" + item["id"], token)["milestones"]]
print("\n# Added by scripts/check-fuzz.sh: the seeded journeys of this run.")
print("[dictionaries.seeded-cases]\nvalues = " + json.dumps(cases))
print("[dictionaries.seeded-milestones]\nvalues = " + json.dumps(milestones))
PY
    cat "$EPTRACK_FUZZ_ROOT/scripts/schemathesis.toml" "$work/seeded.toml" > "$work/schemathesis.toml"

    # Who Schemathesis may be, as a Web Fuzzing Commons auth document; the tokens are made for
    # this run only. Each pass below is one of these users; the two social workers are the
    # peers whose cases must stay invisible to each other (scripts/schemathesis.toml).
    python3 - "$work/auth.json" <<PY || return 1
import json, sys
users = [
    ("social-worker-northshire", "$sw_ns"),
    ("social-worker-southmoor", "$sw_sm"),
    ("iro-northshire", "$iro_ns"),
    ("leader-northshire", "$leader_ns"),
    ("admin-northshire", "$admin_ns"),
]
document = {"auth": [{"name": name, "fixedHeaders": [{"name": "Authorization", "value": "Bearer " + token}]} for name, token in users]}
with open(sys.argv[1], "w") as out:
    json.dump(document, out, indent=2)
PY

    # One pass per role, each over the operations that role is for (README "The API"), so every
    # operation is exercised by someone allowed to call it: the social worker by default (cases,
    # milestones, policies, operations), then the IRO, the leader and the admin. Each pass also
    # checks its operations refuse missing and made-up credentials (ignored_auth); the social
    # worker's pass probes every case read as the other LA's social worker too
    # (object_level_authorization). The admin goes last: it may end the RAA's partnership.
    local -a passes=(
        "social-worker-northshire createCase|listCases|getCase|updateCase|recordMilestone|correctMilestone|getCaseAlerts|listPolicies|getPolicy|getLive|getReady|getOpenAPIDocument"
        "iro-northshire listAlerts|getCaseAlerts|acknowledgeAlert"
        "leader-northshire getDashboardSummary|listAlerts"
        "admin-northshire listAgencies|createAgency|listPartnerships|createPartnership|acceptPartnership|endPartnership|listAuditEvents|redactRecord"
    )
    # Every operation of the contract must be in a pass: a new one fails here until it is added.
    local covered missing
    covered="$(printf '%s\n' "${passes[@]#* }" | tr '|' '\n' | sort -u)"
    missing="$(curl -fs --max-time 5 "$base/openapi.yaml" | sed -n 's/^ *operationId: *\([A-Za-z0-9_]*\).*/\1/p' | sort -u | comm -23 - <(printf '%s\n' "$covered"))"
    if [ -n "$missing" ]; then
        echo "check_fuzz: operations in the contract that no pass fuzzes (add them to a pass in scripts/check-fuzz.sh): $(echo $missing)" >&2
        return 1
    fi
    echo "== fuzzing the API with Schemathesis $EPTRACK_SCHEMATHESIS_VERSION: $examples examples per operation, seed $seed, ${#passes[@]} passes (at most ${timeout} s in all)"
    started=$(date +%s)
    local status=0 entry user operations run_status left log
    local -a logs=()
    for entry in "${passes[@]}"; do
        user="${entry%% *}"
        operations="${entry#* }"
        log="$work/schemathesis-$user.log"
        logs+=("$log")
        left=$(( timeout - ($(date +%s) - started) ))
        if [ "$left" -le 0 ]; then
            echo "check_fuzz: the time budget of ${timeout} s ran out before the $user pass" >&2; status=1; break
        fi
        # In the background and waited for, so the cleanup can stop it if the run is interrupted.
        (
            cd "$work" && EPTRACK_FUZZ_AUTH="$work/auth.json" exec timeout --signal=INT --kill-after=30 "$left" \
                python3 -m schemathesis.cli --config-file "$work/schemathesis.toml" --no-color run "$base/openapi.yaml" \
                --url "$base" --auth-wfc-user "$user" --include-operation-id-regex "^($operations)\$" \
                --checks all --phases examples,coverage,fuzzing,stateful \
                --max-examples "$examples" --seed "$seed" --workers "$workers" \
                --report junit --report-dir "$work/report-$user"
        ) > "$log" 2>&1 &
        fuzzer=$!
        wait "$fuzzer"
        run_status=$?
        fuzzer=""
        echo "   $user: $(_fuzz_pass_summary "$log")"
        if [ "$run_status" -eq 124 ] || [ "$run_status" -eq 137 ]; then
            echo "check_fuzz: Schemathesis did not finish within the time budget (${timeout} s in all)" >&2
            tail -40 "$log" >&2
            status=1; break
        elif [ "$run_status" -ne 0 ]; then
            # The failures in full, each with a curl line to reproduce it.
            if grep -q '^=* FAILURES\|^=* ERRORS' "$log"; then
                sed -n '/^=* \(FAILURES\|ERRORS\)/,/^=* SUMMARY/p' "$log" | head -400 >&2
            else
                tail -40 "$log" >&2
            fi
            status=1
        fi
        # The server must have come through the pass still up and ready.
        if ! kill -0 "$pid" 2>/dev/null || ! curl -fs --max-time 5 "$base/health/ready" >/dev/null 2>&1; then
            echo "check_fuzz: the server is down or not ready after the $user pass:" >&2; tail -30 "$work/server.log" >&2
            status=1; break
        fi
    done
    local elapsed=$(( $(date +%s) - started ))
    # A client can never cause an error the server has to log (LOG_LEVEL=error logs nothing else).
    if grep -Eq '"level" *: *"(error|critical)"' "$work/server.log"; then
        echo "check_fuzz: the server logged errors during the run:" >&2
        grep -E '"level" *: *"(error|critical)"' "$work/server.log" | head -20 | cut -c1-800 >&2
        status=1
    fi
    echo "== fuzz: $(printf '%s\n' "$covered" | grep -c .) operations in ${#passes[@]} passes, $(_fuzz_total_summary "${logs[@]}") in ${elapsed} s (seed $seed, $examples examples per operation)"
    return "$status"
)

_fuzz_pass_summary() { # LOG: "N operations, N test cases, N failures, N warnings"
    python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read()
operations = re.search(r"Operations:\s+(\d+) selected", text)
cases = re.search(r"Test cases:\s*\n\s*(\d+) generated(?:, (\d+) found (\d+) unique failures?)?", text)
final = re.findall(r"^=+ (.*) =+$", text, re.M)
print(", ".join([
    f"{operations.group(1) if operations else '?'} operations",
    f"{cases.group(1) if cases else '?'} test cases",
    final[-1] if final else "no summary (see the log above)",
]))
PY
}

_fuzz_total_summary() { # LOGS...: one line over every pass
    python3 - "$@" <<'PY'
import re, sys
cases = failures = errors = warnings = 0
for path in sys.argv[1:]:
    text = open(path, errors="replace").read()
    found = re.search(r"Test cases:\s*\n\s*(\d+) generated", text)
    cases += int(found.group(1)) if found else 0
    final = (re.findall(r"^=+ (.*) =+$", text, re.M) or [""])[-1]
    for name, pattern in (("failures", r"(\d+) failures?"), ("errors", r"(\d+) errors?"), ("warnings", r"(\d+) warnings?")):
        found = re.search(pattern, final)
        if found:
            globals()[name] += int(found.group(1))
print(f"{cases} test cases, {failures} failures, {errors} errors, {warnings} warnings")
PY
}

_fuzz_api() { # BASE METHOD PATH TOKEN [JSON]: prints the body; fails unless the answer is 2xx
    local base="$1" method="$2" path="$3" token="$4" body="${5:-}" out code
    local -a args=(-sS --max-time 10 -X "$method" "$base$path" -H "Authorization: Bearer $token" -w '\n%{http_code}')
    [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    out="$(curl "${args[@]}")" || return 1
    code="${out##*$'\n'}"
    out="${out%$'\n'*}"
    if [ "${code:0:1}" != "2" ]; then
        echo "$method $path answered $code: $out" >&2
        return 1
    fi
    printf '%s\n' "$out"
}

_fuzz_json() { # KEY: a top-level (or milestone.id) value of the JSON on stdin
    python3 -c 'import json, sys
data = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    data = data[key]
print(data)' "$1"
}

_fuzz_open_case() { # BASE TOKEN JSON: prints the new case id
    _fuzz_api "$1" POST /v1/cases "$2" "$3" | _fuzz_json id
}

_fuzz_record() { # BASE TOKEN CASE JSON...: records each milestone in turn; prints the last milestone id
    local base="$1" token="$2" case_id="$3" milestone last=""
    shift 3
    for milestone in "$@"; do
        last="$(_fuzz_api "$base" POST "/v1/cases/$case_id/milestones" "$token" "$milestone" | _fuzz_json milestone.id)" || return 1
    done
    printf '%s\n' "$last"
}

# A handful of anonymised journeys (opaque references, categorical profiles, professional notes
# naming no one), so that the stateful phase and the list operations have real data: an unborn
# baby placed from hospital under FfA (with a corrected record), a concurrent-planning placement
# formally matched by the partnered RAA, a case waiting on viability and paternity (open alerts,
# one acknowledged), one that ended in reunification, and two Southmoor cases that Northshire's
# staff must never see.
_fuzz_seed_journeys() { # BASE SW_NORTHSHIRE SW_SOUTHMOOR IRO_NORTHSHIRE SW_RAA
    local base="$1" sw="$2" sm="$3" iro="$4" raa="$5" case_id last rule

    case_id="$(_fuzz_open_case "$base" "$sw" '{"reference": "NS-EP-2025-0142", "local_authority": "la-northshire",
        "profile": {"sex": "not_known", "ethnicity": "MWBC", "sibling_group_size": 1, "disability": false,
                    "unborn": true, "expected_birth_month": "2025-06"}}')" || return 1
    _fuzz_record "$base" "$sw" "$case_id" \
        '{"kind": "pre_birth_assessment_started", "occurred_on": "2025-02-24"}' \
        '{"kind": "pre_birth_conference", "occurred_on": "2025-03-10", "details": {"gestation_weeks": 27}}' \
        '{"kind": "viability_assessment", "occurred_on": "2025-03-12", "details": {"assessment": "VA-1", "relationship": "maternal_family", "status": "started"}}' \
        '{"kind": "ep_consideration", "occurred_on": "2025-03-20", "details": {"outcome": "recommended", "reason": "Twin-track plan agreed at legal gateway"}}' \
        '{"kind": "parents_informed_of_ep", "occurred_on": "2025-03-27"}' \
        '{"kind": "viability_assessment", "occurred_on": "2025-04-30", "details": {"assessment": "VA-1", "relationship": "maternal_family", "status": "completed", "outcome": "negative"}}' \
        '{"kind": "ep_carers_linked", "occurred_on": "2025-05-14", "details": {"route": "dual_approval"}}' \
        '{"kind": "birth", "occurred_on": "2025-06-16"}' \
        '{"kind": "proceedings_issued", "occurred_on": "2025-06-18"}' >/dev/null || return 1
    last="$(_fuzz_record "$base" "$sw" "$case_id" \
        '{"kind": "ep_placement", "occurred_on": "2025-06-20", "details": {"scheme": "ffa", "placed_from": "hospital"}, "note": "Placed from the maternity ward"}')" || return 1
    # Keyed wrongly, then corrected: the case carries a superseded record and its correction.
    _fuzz_api "$base" POST "/v1/cases/$case_id/milestones/$last/corrections" "$sw" \
        '{"reason": "Date keyed wrongly; placement was on the 19th", "kind": "ep_placement", "occurred_on": "2025-06-19", "details": {"scheme": "ffa", "placed_from": "hospital"}}' >/dev/null || return 1
    _fuzz_record "$base" "$sw" "$case_id" \
        '{"kind": "family_time_plan", "occurred_on": "2025-06-23"}' \
        '{"kind": "family_time", "occurred_on": "2025-06-26", "details": {"status": "attended", "supervised": true}}' \
        '{"kind": "family_time", "occurred_on": "2025-07-03", "details": {"status": "cancelled_by_family"}}' >/dev/null || return 1

    case_id="$(_fuzz_open_case "$base" "$sw" '{"reference": "NS-EP-2024-0087", "local_authority": "la-northshire",
        "adoption_agency": "raa-coast-and-vale",
        "profile": {"sex": "male", "ethnicity": "WBRI", "sibling_group_size": 1, "disability": false, "unborn": false}}')" || return 1
    _fuzz_record "$base" "$sw" "$case_id" \
        '{"kind": "birth", "occurred_on": "2024-08-11"}' \
        '{"kind": "plo_pre_proceedings", "occurred_on": "2024-09-02"}' \
        '{"kind": "family_group_conference", "occurred_on": "2024-09-16"}' \
        '{"kind": "proceedings_issued", "occurred_on": "2024-10-01"}' \
        '{"kind": "ep_consideration", "occurred_on": "2024-10-10", "details": {"outcome": "recommended"}}' \
        '{"kind": "ep_carers_linked", "occurred_on": "2024-10-17", "details": {"route": "reg25a"}}' \
        '{"kind": "reg25a_decision", "occurred_on": "2024-10-24", "details": {"outcome": "approved"}}' \
        '{"kind": "ep_placement", "occurred_on": "2024-11-04", "details": {"scheme": "concurrency", "placed_from": "interim_care"}}' \
        '{"kind": "family_time", "occurred_on": "2024-11-12", "details": {"status": "attended", "supervised": true}}' \
        '{"kind": "court_decision", "occurred_on": "2025-03-28", "details": {"outcome": "placement_order"}}' \
        '{"kind": "adoption_panel", "occurred_on": "2025-05-08", "details": {"outcome": "recommended"}}' >/dev/null || return 1
    # The partnered RAA's family-finding team records the match on Northshire's case.
    _fuzz_record "$base" "$raa" "$case_id" \
        '{"kind": "adm_match_decision", "occurred_on": "2025-05-20", "details": {"outcome": "approved", "adopters": "ep_carers"}}' >/dev/null || return 1

    case_id="$(_fuzz_open_case "$base" "$sw" '{"reference": "NS-EP-2025-0031", "local_authority": "la-northshire",
        "profile": {"sex": "female", "ethnicity": "BAFR", "sibling_group_size": 2, "disability": false, "unborn": false}}')" || return 1
    _fuzz_record "$base" "$sw" "$case_id" \
        '{"kind": "birth", "occurred_on": "2024-12-29"}' \
        '{"kind": "plo_pre_proceedings", "occurred_on": "2025-01-13"}' \
        '{"kind": "viability_assessment", "occurred_on": "2025-01-20", "details": {"assessment": "VA-1", "relationship": "paternal_family", "status": "started"}}' \
        '{"kind": "paternity_test", "occurred_on": "2025-01-22", "details": {"status": "requested"}}' \
        '{"kind": "ep_consideration", "occurred_on": "2025-02-03", "details": {"outcome": "deferred", "reason": "Awaiting the paternal viability assessment"}}' >/dev/null || return 1
    # An IRO acknowledges the first alert open on it, so acknowledgements exist too.
    rule="$(_fuzz_api "$base" GET "/v1/cases/$case_id/alerts" "$iro" | python3 -c 'import json, sys
open_rules = [r["rule_id"] for r in json.load(sys.stdin)["results"] if r["status"] in ("overdue", "due_soon")]
print(open_rules[0] if open_rules else "")')" || return 1
    if [ -n "$rule" ]; then
        _fuzz_api "$base" POST "/v1/cases/$case_id/alerts/$rule/acknowledgements" "$iro" \
            '{"note": "Raised at the second review; legal gateway booked for next week"}' >/dev/null || return 1
    fi

    case_id="$(_fuzz_open_case "$base" "$sw" '{"reference": "NS-EP-2023-0412", "local_authority": "la-northshire",
        "profile": {"sex": "male", "ethnicity": "WIRT", "sibling_group_size": 1, "disability": true, "unborn": false}}')" || return 1
    _fuzz_record "$base" "$sw" "$case_id" \
        '{"kind": "birth", "occurred_on": "2023-10-02"}' \
        '{"kind": "proceedings_issued", "occurred_on": "2023-11-06"}' \
        '{"kind": "interim_placement", "occurred_on": "2023-11-07", "details": {"placement_type": "foster_care"}}' \
        '{"kind": "ep_consideration", "occurred_on": "2023-11-20", "details": {"outcome": "not_suitable", "reason": "Parent engaging well with the residential assessment"}}' \
        '{"kind": "reunification_plan", "occurred_on": "2024-02-12"}' \
        '{"kind": "court_decision", "occurred_on": "2024-04-22", "details": {"outcome": "return_home"}}' \
        '{"kind": "reunification", "occurred_on": "2024-04-29"}' \
        '{"kind": "case_closed", "occurred_on": "2024-10-31", "details": {"reason": "Child living at home under a supervision order"}}' >/dev/null || return 1

    case_id="$(_fuzz_open_case "$base" "$sm" '{"reference": "SM/EP/2025/007", "local_authority": "la-southmoor",
        "profile": {"sex": "not_known", "ethnicity": "APKN", "sibling_group_size": 1, "disability": false,
                    "unborn": true, "expected_birth_month": "2025-11"}}')" || return 1
    _fuzz_record "$base" "$sm" "$case_id" \
        '{"kind": "pre_birth_assessment_started", "occurred_on": "2025-07-01"}' \
        '{"kind": "pre_birth_conference", "occurred_on": "2025-08-12", "details": {"gestation_weeks": 30}}' \
        '{"kind": "parents_informed_of_ep", "occurred_on": "2025-08-20"}' \
        '{"kind": "ep_consideration", "occurred_on": "2025-09-03", "details": {"outcome": "recommended"}}' \
        '{"kind": "birth", "occurred_on": "2025-11-09"}' >/dev/null || return 1

    case_id="$(_fuzz_open_case "$base" "$sm" '{"reference": "SM/EP/2024/233", "local_authority": "la-southmoor",
        "profile": {"sex": "female", "ethnicity": "WBRI", "sibling_group_size": 1, "disability": false, "unborn": false}}')" || return 1
    _fuzz_record "$base" "$sm" "$case_id" \
        '{"kind": "birth", "occurred_on": "2024-11-18"}' \
        '{"kind": "proceedings_issued", "occurred_on": "2024-12-02"}' \
        '{"kind": "interim_placement", "occurred_on": "2024-12-03", "details": {"placement_type": "foster_care"}}' \
        '{"kind": "ep_consideration", "occurred_on": "2024-12-16", "details": {"outcome": "deferred", "reason": "Viability of a paternal aunt under way"}}' \
        '{"kind": "timetable_extension", "occurred_on": "2025-05-20", "details": {"weeks": 4}}' >/dev/null || return 1
    echo "seeded 6 journeys"
}

# Run directly: bash scripts/check-fuzz.sh PATH/TO/eptrack (starts and stops its own PostgreSQL).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    source "$EPTRACK_FUZZ_ROOT/scripts/postgres.sh"
    trap pg_stop EXIT
    pg_start
    check_fuzz "${1:?usage: check-fuzz.sh PATH/TO/eptrack}"
fi
