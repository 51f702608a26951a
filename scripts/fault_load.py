#!/usr/bin/env python3
"""Drives a steady milestone-writing load at a running eptrack server, SIGKILLs the whole
PostgreSQL cluster under it, restarts PostgreSQL (crash recovery) and checks what the API and
the database did. Run by scripts/check-faults.sh (see there for how the server is set up);
Python 3 standard library only.

The load: one social worker's writers, each owning a few cases (so no two writers touch one
case and every write is valid), record family time sessions on weekdays of 2025, after the
journey each case already has (placement, family time plan); one more writer opens new cases
and records their first milestones. Every logical write carries its own Idempotency-Key and
every attempt its own X-Request-Id; a 503 (or no answer) is retried with the same key and
body after 0.2 s (deliberately sooner than Retry-After, to keep the pressure on), as a client
that wants its write stored would.

The checks (any failure makes the exit status 1):
  1. every write acknowledged with 201 is in the database, on its case, as acknowledged;
  2. no case is half-written: every milestone has its seq, its one audit row and its stored
     idempotent response, every case's version counts its milestones, its updated_at is its
     last milestone's, it has its one case.create audit row, nothing in audit_events,
     idempotency_keys or alert_index points at a case or milestone that is not there;
  3. every request overlapping the outage (kill .. PostgreSQL accepting again) was answered
     within 2 s of the kill or of being sent, with 503 application/problem+json
     /problems/database-unavailable and Retry-After, or (in flight at the kill, or once
     PostgreSQL was back) with 201; nothing anywhere was 500, unanswered, or another status;
  4. after the restart writes succeed again (bounded), and the same server process (PID and
     start time) answers /health/ready 200.
Also reported, not failed: writes whose attempt answered 503 although the database had
committed them (the commit was in flight when PostgreSQL died; the client's retry with the
same key got the stored 201).
"""

import argparse
import datetime
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

OUTAGE_ANSWER_LIMIT = 2.0  # seconds: the API must answer this soon while the database is down
RETRY_PAUSE = 0.2
ETHNICITIES = ["WBRI", "MWBC", "WOTH", "BAFR", "APKN", "MWBA", "WIRT", "BCRB", "MOTH", "ABAN"]
SEXES = ["female", "male", "female", "male", "not_known"]


def now():
    return time.monotonic()


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, required=True, help="the eptrack server's port on 127.0.0.1")
    p.add_argument("--token", required=True, help="a social_worker token of --local-authority")
    p.add_argument("--local-authority", default="la-northshire")
    p.add_argument("--server-pid", type=int, required=True, help="the server process, which must survive")
    p.add_argument("--pg-bin", required=True)
    p.add_argument("--pg-dir", required=True, help="pg_start's PG_DIR (data/, the socket)")
    p.add_argument("--pg-port", required=True)
    p.add_argument("--database", required=True, help="the database the server uses")
    p.add_argument("--postgres-script", required=True, help="scripts/postgres.sh (for pg_resume)")
    p.add_argument("--out", required=True, help="a folder for attempts.json and the check SQL")
    p.add_argument("--cases", type=int, default=20)
    p.add_argument("--writers", type=int, default=8)
    p.add_argument("--warmup", type=float, default=3.0, help="seconds of load before the kill")
    p.add_argument("--outage", type=float, default=4.0, help="seconds PostgreSQL stays dead")
    p.add_argument("--recover-within", type=float, default=25.0, help="seconds after the restart for writes to succeed")
    p.add_argument("--answer-timeout", type=float, default=10.0, help="seconds without an answer that count as a hang")
    p.add_argument("--seed", type=int, default=142)
    return p.parse_args()


def process_start(pid):
    """The process's start time in clock ticks since boot, or None if it is gone (or a zombie)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] in ("Z", "X") else fields[19]


def children_of(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


# ---------------------------------------------------------------- the API client


class Attempt:
    __slots__ = ("phase", "writer", "op", "key", "n", "rid", "t0", "t1", "status", "ptype", "detail",
                 "retry_after", "ctype", "err", "result_id", "case_id", "kind", "date", "version")

    def __init__(self, **kw):
        for name in self.__slots__:
            setattr(self, name, kw.get(name))

    def as_dict(self, origin):
        d = {name: getattr(self, name) for name in self.__slots__}
        d["t0"] = round(self.t0 - origin, 4)
        d["t1"] = round(self.t1 - origin, 4) if self.t1 is not None else None
        return d


class Client:
    def __init__(self, port, token, timeout):
        self.port = port
        self.token = token
        self.timeout = timeout
        self.conn = None

    def post(self, path, body, key, rid):
        """One attempt: (status, headers, parsed body or None, error string or None). Status 0
        means no answer (refused, reset, or nothing within `timeout`)."""
        data = json.dumps(body).encode()
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json",
                   "Idempotency-Key": key, "X-Request-Id": rid}
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            self.conn.request("POST", path, body=data, headers=headers)
            response = self.conn.getresponse()
            raw = response.read()
            hdrs = {k.lower(): v for k, v in response.getheaders()}
            try:
                parsed = json.loads(raw) if raw else None
            except ValueError:
                parsed = None
            return response.status, hdrs, parsed, None
        except Exception as error:  # noqa: BLE001 - any failure to get an answer is recorded
            if self.conn is not None:
                self.conn.close()
            self.conn = None
            return 0, {}, None, f"{type(error).__name__}: {error}"

    def close(self):
        if self.conn is not None:
            self.conn.close()


def get_status(port, path, timeout=5.0):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("GET", path)
        status = conn.getresponse().status
        conn.close()
        return status
    except Exception:  # noqa: BLE001
        return 0


# ---------------------------------------------------------------- journeys


def weekday_on_or_after(day):
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


class Journey:
    """One child's case: how it is opened, the milestones it starts with, then family time."""

    def __init__(self, index, rng, reference):
        self.reference = reference
        self.unborn = index % 2 == 0
        start = datetime.date(2024, 10, 1) + datetime.timedelta(days=rng.randrange(0, 90))
        d = lambda days: (start + datetime.timedelta(days=days)).isoformat()  # noqa: E731
        if self.unborn:
            birth = start + datetime.timedelta(days=98)
            profile = {"sex": rng.choice(SEXES), "ethnicity": rng.choice(ETHNICITIES), "sibling_group_size": 1,
                       "disability": False, "unborn": True, "expected_birth_month": birth.strftime("%Y-%m")}
            self.opening = [
                ("pre_birth_assessment_started", d(0), {}),
                ("pre_birth_conference", d(28), {"gestation_weeks": 30}),
                ("ep_consideration", d(35), {"outcome": "recommended", "reason": "Twin-track plan agreed at legal gateway"}),
                ("birth", d(98), {}),
                ("proceedings_issued", d(100), {}),
                ("ep_placement", d(101), {"scheme": "ffa", "placed_from": "hospital"}),
                ("family_time_plan", d(103), {}),
            ]
            first_session = start + datetime.timedelta(days=104)
        else:
            profile = {"sex": rng.choice(SEXES), "ethnicity": rng.choice(ETHNICITIES),
                       "sibling_group_size": 1 if index % 5 else 2, "disability": index % 7 == 3, "unborn": False}
            self.opening = [
                ("plo_pre_proceedings", d(0), {}),
                ("viability_assessment", d(7), {"assessment": "VA-1", "relationship": "maternal_family", "status": "started"}),
                ("ep_consideration", d(14), {"outcome": "recommended", "reason": "Parallel plan agreed at legal planning meeting"}),
                ("viability_assessment", d(35), {"assessment": "VA-1", "relationship": "maternal_family",
                                                 "status": "completed", "outcome": "negative"}),
                ("proceedings_issued", d(42), {}),
                ("entered_care", d(43), {}),
                ("interim_placement", d(43), {"placement_type": "foster_care"}),
                ("ep_placement", d(50), {"scheme": "concurrency", "placed_from": "interim_care"}),
                ("family_time_plan", d(51), {}),
            ]
            first_session = start + datetime.timedelta(days=52)
        self.create_body = {"reference": reference, "profile": profile}
        self.next_session = weekday_on_or_after(first_session)
        self.sessions = 0
        self.case_id = None
        self.rng = rng

    def family_time(self):
        """The next session's body (weekdays, in order; most attended, a few cancelled)."""
        day = self.next_session
        self.next_session = weekday_on_or_after(day + datetime.timedelta(days=1))
        self.sessions += 1
        roll = self.rng.random()
        status = "attended" if roll < 0.85 else "cancelled_by_family" if roll < 0.93 else "not_attended" if roll < 0.97 else "cancelled_by_agency"
        return {"kind": "family_time", "occurred_on": day.isoformat(), "details": {"status": status, "supervised": True}}


def milestone_body(kind, day, details):
    body = {"kind": kind, "occurred_on": day}
    if details:
        body["details"] = details
    return body


# ---------------------------------------------------------------- writers


class Writer(threading.Thread):
    """Sets up its own cases, then writes until told to stop. `intake` writers open new cases
    during the load instead of recording family time."""

    def __init__(self, run, index, journeys, intake=False):
        super().__init__(name=f"writer-{index}", daemon=True)
        self.run_ = run
        self.index = index
        self.journeys = journeys
        self.intake = intake
        self.client = Client(run.args.port, run.args.token, run.args.answer_timeout)
        self.setup_ok = True
        self.inflight = None  # when the request now waiting for an answer was sent
        self.unresolved = []  # keys given up on at the stop, without a 201

    def write(self, phase, op, path, body, key, meta):
        """One logical write, retried with the same key while it answers 503 or nothing (until
        the stop, or in setup until the setup deadline). Returns the 201 body or None."""
        n = 0
        while True:
            n += 1
            rid = f"{key}-a{n}"
            t0 = self.inflight = now()
            status, headers, parsed, err = self.client.post(path, body, key, rid)
            t1 = now()
            self.inflight = None
            attempt = Attempt(phase=phase, writer=self.index, op=op, key=key, n=n, rid=rid, t0=t0, t1=t1,
                              status=status, err=err, ctype=headers.get("content-type"),
                              retry_after=headers.get("retry-after"), **meta)
            if isinstance(parsed, dict) and status != 201:
                attempt.ptype = parsed.get("type")
                attempt.detail = parsed.get("detail")
            if status == 201 and isinstance(parsed, dict):
                if op == "case":
                    attempt.result_id = parsed.get("id")
                    attempt.version = parsed.get("version")
                else:
                    attempt.result_id = (parsed.get("milestone") or {}).get("id")
            self.run_.record(attempt)
            if status == 201:
                return parsed
            if status in (0, 503) and not self.run_.stop.is_set() and now() < self.run_.deadline:
                time.sleep(RETRY_PAUSE)
                continue
            if status in (0, 503):
                self.unresolved.append(key)
            return None

    def open_case(self, phase, journey):
        key = f"open-{journey.reference}"
        body = dict(journey.create_body, local_authority=self.run_.args.local_authority)
        created = self.write(phase, "case", "/v1/cases", body, key, {"kind": "case", "date": journey.reference})
        if created is None:
            return False
        journey.case_id = created.get("id")
        return journey.case_id is not None

    def record(self, phase, journey, body, key):
        meta = {"case_id": journey.case_id, "kind": body["kind"], "date": body["occurred_on"]}
        return self.write(phase, "milestone", f"/v1/cases/{journey.case_id}/milestones", body, key, meta) is not None

    def open_with_history(self, phase, journey):
        if not self.open_case(phase, journey):
            return False
        for number, (kind, day, details) in enumerate(journey.opening, 1):
            if phase == "load" and self.run_.stop.is_set():
                return False
            if not self.record(phase, journey, milestone_body(kind, day, details), f"{journey.reference}-m{number:02d}"):
                return False
        return True

    def run(self):
        try:
            if not self.intake:
                for journey in self.journeys:
                    if not self.open_with_history("setup", journey):
                        self.setup_ok = False
            self.run_.setup_done(self)
            self.run_.go.wait()
            turn = 0
            while not self.run_.stop.is_set() and now() < self.run_.deadline:
                if self.intake:
                    journey = self.run_.new_journey()
                    self.open_with_history("load", journey)
                else:
                    journey = self.journeys[turn % len(self.journeys)]
                    turn += 1
                    body = journey.family_time()
                    self.record("load", journey, body, f"{journey.reference}-ft{journey.sessions:04d}")
        finally:
            self.client.close()


# ---------------------------------------------------------------- the run


class Run:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.lock = threading.Lock()
        self.attempts = []
        self.go = threading.Event()
        self.stop = threading.Event()
        self.ready_count = 0
        self.origin = now()
        self.deadline = self.origin + 75.0  # nothing runs on after this, whatever happens
        self.next_reference = 142
        self.failures = []
        self.notes = []
        self.kill_t0 = self.kill_t1 = self.resume_t0 = self.resume_t1 = None

    def fail(self, message):
        self.failures.append(message)

    def record(self, attempt):
        with self.lock:
            self.attempts.append(attempt)

    def setup_done(self, _writer):
        with self.lock:
            self.ready_count += 1

    def reference(self):
        with self.lock:
            reference = f"NS-EP-2025-{self.next_reference:04d}"
            self.next_reference += self.rng.choice((1, 2, 3, 5))
            return reference

    def new_journey(self):
        with self.lock:
            index = self.rng.randrange(1000)
            seed = self.rng.randrange(1 << 30)
        return Journey(index, random.Random(seed), self.reference())

    def since(self, t):
        return t - self.origin

    # ---- PostgreSQL

    def cluster_processes(self):
        """Every live process of this cluster: PostgreSQL's processes all work in its data directory."""
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.readlink(f"/proc/{entry}/cwd") == self.data_dir:
                        found.append(int(entry))
                except OSError:
                    pass
        return [pid for pid in found if process_start(pid) is not None]

    def kill_postgres(self):
        """SIGKILL the whole cluster, as in a power cut (with fsync off the OS still holds what
        was committed): the postmaster is stopped first so it cannot react, then every backend
        and auxiliary process is killed, then the postmaster, then any straggler."""
        self.data_dir = os.path.realpath(os.path.join(self.args.pg_dir, "data"))
        with open(os.path.join(self.data_dir, "postmaster.pid")) as f:
            postmaster = int(f.readline())
        os.kill(postmaster, signal.SIGSTOP)
        killed = set()

        def kill(pids):
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            killed.update(pids)

        kill((set(children_of(postmaster)) | set(self.cluster_processes())) - {postmaster})
        kill({postmaster})
        for _ in range(100):
            left = set(self.cluster_processes()) | {p for p in killed if process_start(p) is not None}
            if not left:
                return len(killed)
            kill(left)
            time.sleep(0.02)
        raise RuntimeError(f"PostgreSQL processes survived SIGKILL: {sorted(left)}")

    def resume_postgres(self):
        env = dict(os.environ, PG_BIN=self.args.pg_bin, PG_DIR=self.args.pg_dir, PG_PORT=str(self.args.pg_port))
        result = subprocess.run(["bash", "-c", 'source "$1" && pg_resume', "pg_resume", self.args.postgres_script],
                                env=env, capture_output=True, text=True, timeout=45)
        if result.returncode != 0:
            raise RuntimeError(f"pg_resume failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")

    def psql(self, sql):
        command = [os.path.join(self.args.pg_bin, "psql"), "-h", self.args.pg_dir, "-p", str(self.args.pg_port),
                   "-U", "postgres", "-d", self.args.database, "-X", "-A", "-t", "-q", "-F", "\t", "-v", "ON_ERROR_STOP=1"]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--"] + command
        result = subprocess.run(command, input=sql, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()}")
        return [line.split("\t") for line in result.stdout.splitlines() if line]

    # ---- phases

    def execute(self):
        args = self.args
        server_start = process_start(args.server_pid)
        if server_start is None:
            self.fail(f"the server (PID {args.server_pid}) is not running")
            return self.report()
        references = [self.reference() for _ in range(args.cases)]
        journeys = [Journey(i, random.Random(self.rng.randrange(1 << 30)), ref) for i, ref in enumerate(references)]
        load_writers = max(1, min(args.writers, args.cases))
        writers = [Writer(self, w, journeys[w::load_writers]) for w in range(load_writers)]
        writers.append(Writer(self, load_writers, [], intake=True))
        for writer in writers:
            writer.start()
        setup_deadline = now() + 30
        while now() < setup_deadline and self.ready_count < len(writers):
            time.sleep(0.05)
        setup = [a for a in self.attempts if a.phase == "setup"]
        if self.ready_count < len(writers) or not all(w.setup_ok for w in writers) or any(a.status != 201 for a in setup):
            self.fail(f"setup: {len(setup)} requests, {sum(1 for a in setup if a.status == 201)} answered 201; "
                      f"{self.ready_count} of {len(writers)} writers done within 30 s. "
                      + "; ".join(self.describe(a) for a in setup if a.status != 201)[:1500])
            self.stop.set()
            self.go.set()
            self.join(writers)
            return self.report()
        self.setup_seconds = now() - self.origin
        print(f"   set up {len(journeys)} cases with {len(setup) - len(journeys)} milestones in {self.setup_seconds:.1f} s; "
              f"{load_writers} writers record family time, 1 opens new cases", flush=True)

        self.load_t0 = now()
        self.go.set()
        try:
            time.sleep(args.warmup)
            before = sum(1 for a in self.attempts if a.phase == "load" and a.status == 201)
            if before == 0:
                self.fail(f"no write succeeded in {args.warmup:.0f} s of load before the kill")
            self.kill_t0 = now()
            killed = self.kill_postgres()
            self.kill_t1 = now()
            print(f"   PostgreSQL SIGKILLed ({killed} processes) after {self.kill_t0 - self.load_t0:.1f} s of load "
                  f"and {before} acknowledged writes", flush=True)
            time.sleep(max(0.0, self.kill_t0 + args.outage - now()))
            self.resume_t0 = now()
            self.resume_postgres()
            self.resume_t1 = now()
            print(f"   PostgreSQL restarted after {self.resume_t0 - self.kill_t0:.1f} s down "
                  f"(pg_resume and crash recovery took {self.resume_t1 - self.resume_t0:.1f} s)", flush=True)
            self.await_recovery(writers[:load_writers], args.recover_within)
        except Exception as error:  # noqa: BLE001 - reported as a failure, cleanup is the caller's
            self.fail(f"fault injection: {type(error).__name__}: {error}")
        finally:
            self.stop.set()
            self.join(writers)
        self.load_t1 = now()
        self.unresolved = [key for w in writers for key in w.unresolved]

        if process_start(args.server_pid) != server_start:
            self.fail(f"the server process {args.server_pid} did not survive (it is gone or was restarted)")
        else:
            ready = 0
            for _ in range(50):
                ready = get_status(args.port, "/health/ready")
                if ready == 200:
                    break
                time.sleep(0.1)
            self.ready_status = ready
            if ready != 200:
                self.fail(f"after the restart /health/ready answered {ready}, not 200, within 5 s")
            elif process_start(args.server_pid) != server_start:
                self.fail(f"the server process {args.server_pid} was restarted")
        self.check_answers()
        try:
            self.check_database()
        except Exception as error:  # noqa: BLE001
            self.fail(f"database checks could not run: {error}")
        return self.report()

    def join(self, writers):
        for writer in writers:
            writer.join(timeout=max(0.0, self.deadline + 15 - now()))
            if writer.is_alive():
                self.fail(f"{writer.name} did not stop: a request is hanging")

    def await_recovery(self, writers, within):
        """Until writes sent after the restart succeed again: 3 per family-time writer, not
        counting a writer stuck waiting for an answer (that is reported as a hang)."""
        limit = self.resume_t1 + within
        per_writer = {}
        while now() < limit and now() < self.deadline:
            with self.lock:
                fresh = [a for a in self.attempts if a.phase == "load" and a.status == 201 and a.t0 >= self.resume_t1]
            per_writer = {w.index: sum(1 for a in fresh if a.writer == w.index) for w in writers}
            stuck = {w.index for w in writers if w.inflight is not None and now() - w.inflight > OUTAGE_ANSWER_LIMIT}
            if len(stuck) < len(writers) and all(per_writer[w] >= 3 for w in per_writer if w not in stuck):
                if stuck:
                    self.notes.append(f"writers {sorted(stuck)} were still waiting for an answer when writes had recovered")
                return
            time.sleep(0.05)
        self.fail(f"writes did not succeed again within {within:.0f} s of the restart "
                  f"(201s per writer since then: {per_writer})")

    # ---- checks on what the API answered

    def describe(self, a):
        text = f"{a.rid} sent at +{self.since(a.t0):.3f}s: "
        text += f"no answer after {a.t1 - a.t0:.2f}s ({a.err})" if a.status == 0 else f"{a.status} after {a.t1 - a.t0:.3f}s"
        if a.ptype:
            text += f" {a.ptype}"
        if a.detail:
            text += f" ({a.detail[:160]})"
        return text

    def check_answers(self):
        load = [a for a in self.attempts if a.phase == "load"]
        problems = {}

        def problem(label, attempt):
            problems.setdefault(label, []).append(attempt)

        k0 = self.kill_t0
        inf = float("inf")
        killed = self.kill_t1 if self.kill_t1 is not None else inf
        down_until = self.resume_t0 if self.resume_t0 is not None else inf
        up = self.resume_t1 if self.resume_t1 is not None else inf
        for a in load:
            if a.status == 0:
                problem("no answer (hang, reset or refused)", a)
            elif a.status >= 500 and a.status != 503:
                problem(f"answered {a.status}", a)
            elif a.status not in (201, 503):
                problem(f"answered {a.status} to a valid write", a)
            if k0 is None:
                continue
            if a.t1 <= k0:
                if a.status != 201:
                    problem("not 201 before the kill (steady state)", a)
                continue
            if a.status == 503:
                if not (a.ptype or "").endswith("database-unavailable"):
                    problem("503 without problem type .../database-unavailable", a)
                if not (a.ctype or "").startswith("application/problem+json"):
                    problem(f"503 with content type {a.ctype!r}", a)
                if not (a.retry_after or "").strip().isdigit() or int(a.retry_after) < 1:
                    problem(f"503 with Retry-After {a.retry_after!r}", a)
            overlaps = a.t0 < up and a.t1 > k0
            if (overlaps or a.status == 503) and a.status != 0 and a.t1 - max(a.t0, k0) > OUTAGE_ANSWER_LIMIT:
                problem(f"answered more than {OUTAGE_ANSWER_LIMIT:.0f} s after the kill or the request", a)
            if a.status == 201 and a.t0 >= killed and a.t1 <= down_until:
                problem("201 while PostgreSQL was dead", a)
        for label, attempts in problems.items():
            examples = "; ".join(self.describe(a) for a in attempts[:5])
            self.fail(f"{len(attempts)} request(s) {label}: {examples}")

    # ---- checks on what the database holds

    def check_database(self):
        acked = {}
        cases = {}
        versions = set()
        for a in self.attempts:
            if a.status == 201 and a.result_id:
                if a.op == "case":
                    cases[a.result_id.lower()] = a
                    versions.add(a.version)
                else:
                    acked[a.result_id.lower()] = a
        if len(versions) != 1 or not isinstance(next(iter(versions)), int):
            self.fail(f"a new case's version should be the same number every time; got {sorted(map(str, versions))}")
            return
        version0 = versions.pop()

        def q(text):
            return "'" + str(text).replace("'", "''") + "'"

        rows = ",\n".join(f"({q(i)}::uuid, {q(a.case_id)}::uuid, {q(a.kind)}, {q(a.date)})" for i, a in acked.items())
        sql = ["CREATE TEMP TABLE acked (id uuid PRIMARY KEY, case_id uuid NOT NULL, kind text NOT NULL, occurred_on text NOT NULL);"]
        if rows:
            sql.append(f"INSERT INTO acked VALUES\n{rows};")
        sql.append(f"""
-- (1) every acknowledged milestone is stored, on its case, as acknowledged
SELECT 'acknowledged milestone missing or different', a.id || ' (case ' || a.case_id || ', ' || a.kind || ' on ' || a.occurred_on || ')'
  FROM acked a LEFT JOIN milestones m ON m.id = a.id
 WHERE m.id IS NULL OR m.case_id <> a.case_id OR m.kind <> a.kind OR m.occurred_on <> a.occurred_on;
-- (2) no half-written case
SELECT 'case version does not count its milestones', c.id || ': version ' || c.version || ' with ' || count(m.id) || ' milestones'
  FROM cases c LEFT JOIN milestones m ON m.case_id = c.id
 GROUP BY c.id, c.version HAVING c.version <> {version0} + count(m.id);
SELECT 'milestone seq not 1..n', case_id || ': ' || count(*) || ' milestones, seq ' || min(seq) || '..' || max(seq)
  FROM milestones GROUP BY case_id HAVING min(seq) <> 1 OR max(seq) <> count(*);
SELECT 'case updated_at is not its last milestone''s', c.id || ': ' || c.updated_at || ' vs ' || max(m.recorded_at)
  FROM cases c JOIN milestones m ON m.case_id = c.id GROUP BY c.id, c.updated_at HAVING c.updated_at <> max(m.recorded_at);
SELECT 'milestone without exactly one milestone.record audit row', m.id || ' (case ' || m.case_id || '): ' || count(e.id)
  FROM milestones m LEFT JOIN audit_events e ON e.milestone_id = m.id AND e.case_id = m.case_id AND e.action = 'milestone.record'
 GROUP BY m.id, m.case_id HAVING count(e.id) <> 1;
SELECT 'audit row names a milestone that is not stored', e.id || ' (' || e.action || ', milestone ' || e.milestone_id || ')'
  FROM audit_events e WHERE e.milestone_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.id = e.milestone_id);
SELECT 'case without exactly one case.create audit row', c.id || ': ' || count(e.id)
  FROM cases c LEFT JOIN audit_events e ON e.case_id = c.id AND e.action = 'case.create' GROUP BY c.id HAVING count(e.id) <> 1;
SELECT 'audit row names a case that is not stored', e.id || ' (' || e.action || ', case ' || e.case_id || ')'
  FROM audit_events e WHERE e.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id);
SELECT 'milestone without its stored idempotent response', m.id::text
  FROM milestones m WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE lower(k.body::jsonb #>> '{{milestone,id}}') = m.id::text);
SELECT 'stored idempotent response replays a milestone that is not stored', k.key || ' -> ' || (k.body::jsonb #>> '{{milestone,id}}')
  FROM idempotency_keys k WHERE k.body::jsonb ? 'milestone'
   AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.id::text = lower(k.body::jsonb #>> '{{milestone,id}}'));
SELECT 'case without its stored idempotent response', c.id::text
  FROM cases c WHERE NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.body::jsonb ? 'reference' AND lower(k.body::jsonb ->> 'id') = c.id::text);
SELECT 'stored idempotent response replays a case that is not stored', k.key || ' -> ' || (k.body::jsonb ->> 'id')
  FROM idempotency_keys k WHERE k.body::jsonb ? 'reference'
   AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id::text = lower(k.body::jsonb ->> 'id'));
SELECT 'alert index row for a case that is not stored', a.case_id || ' ' || a.rule_id
  FROM alert_index a WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = a.case_id);
-- which request stored each write (its X-Request-Id is in the audit trail)
SELECT 'stored', 'case', c.id::text, coalesce(e.request_id, '') FROM cases c LEFT JOIN audit_events e ON e.case_id = c.id AND e.action = 'case.create';
SELECT 'stored', 'milestone', m.id::text, coalesce(e.request_id, '') FROM milestones m LEFT JOIN audit_events e ON e.milestone_id = m.id AND e.action = 'milestone.record';
""")
        script = "\n".join(sql)
        with open(os.path.join(self.args.out, "checks.sql"), "w") as f:
            f.write(script)
        found = {}
        stored = []
        for row in self.psql(script):
            if row[0] == "stored":
                stored.append(row[1:])
            else:
                found.setdefault(row[0], []).append(row[1] if len(row) > 1 else "")
        for label, examples in found.items():
            self.fail(f"database: {len(examples)} x {label}: {'; '.join(examples[:5])}")

        by_rid = {a.rid: a for a in self.attempts}
        self.stored_counts = {"case": 0, "milestone": 0}
        self.committed_503 = []
        unacknowledged = []
        strangers = []
        for op, ident, rid in stored:
            self.stored_counts[op] += 1
            attempt = by_rid.get(rid)
            if attempt is None:
                strangers.append(f"{op} {ident} by request {rid!r}")
                continue
            if attempt.status != 201:
                self.committed_503.append(attempt)
            if ident not in (cases if op == "case" else acked):
                unacknowledged.append(f"{op} {ident} by {rid}")
        self.unacknowledged = unacknowledged
        if strangers:
            self.fail(f"database: {len(strangers)} stored write(s) not made by any request this run sent "
                      f"(no audit row naming one): {'; '.join(strangers[:5])}")

    # ---- the summary

    def report(self):
        with open(os.path.join(self.args.out, "attempts.json"), "w") as f:
            json.dump({"kill": self.kill_t0 and self.since(self.kill_t0), "killed": self.kill_t1 and self.since(self.kill_t1),
                       "resume": self.resume_t0 and self.since(self.resume_t0), "resumed": self.resume_t1 and self.since(self.resume_t1),
                       "attempts": [a.as_dict(self.origin) for a in self.attempts]}, f, indent=0)
        load = [a for a in self.attempts if a.phase == "load"]
        if self.kill_t0 is not None and load:
            acked = sum(1 for a in load if a.status == 201)
            before = sum(1 for a in load if a.status == 201 and a.t1 <= self.kill_t0)
            up = self.resume_t1 or float("inf")
            overlap = [a for a in load if a.t0 < up and a.t1 > self.kill_t0]
            down = [a for a in load if self.kill_t0 <= a.t0 < (self.resume_t0 or float("inf"))]
            answered = [a.t1 - max(a.t0, self.kill_t0) for a in overlap if a.status]
            statuses = {}
            for a in load:
                statuses[a.status] = statuses.get(a.status, 0) + 1
            print(f"   load: {len(load)} requests over {self.load_t1 - self.load_t0:.1f} s, statuses "
                  + ", ".join(f"{s or 'none'}: {n}" for s, n in sorted(statuses.items())))
            print(f"   writes acknowledged: {acked} ({before} before the kill)")
            print(f"   while PostgreSQL was down: {len(down)} requests sent, {sum(1 for a in down if a.status == 503)} answered 503; "
                  f"{len(overlap)} overlapped the outage, max answer {max(answered, default=0):.3f} s after the kill or the send")
            if self.resume_t1 is not None:
                first = min((a.t1 for a in load if a.status == 201 and a.t0 >= self.resume_t1), default=None)
                if first is not None:
                    print(f"   recovered: first write acknowledged {first - self.resume_t1:.2f} s after PostgreSQL accepted "
                          f"connections again ({first - self.kill_t0:.1f} s after the kill); the same server process "
                          f"answers /health/ready {getattr(self, 'ready_status', '?')}")
            if hasattr(self, "stored_counts"):
                print(f"   database: {self.stored_counts['case']} cases and {self.stored_counts['milestone']} milestones, "
                      f"every acknowledged one among them, none half-written" if not self.failures else
                      f"   database: {self.stored_counts['case']} cases and {self.stored_counts['milestone']} milestones")
                for a in getattr(self, "committed_503", []):
                    print(f"   note: {a.rid} answered {a.status or 'nothing'} ({a.detail or a.err}) but its write was committed"
                          f" (in flight when PostgreSQL died); the retry with the same Idempotency-Key got the stored 201")
                for item in getattr(self, "unacknowledged", []):
                    print(f"   note: stored but never acknowledged with 201 (the client gave up at the stop): {item}")
        for note in self.notes:
            print(f"   note: {note}")
        for failure in self.failures:
            print(f"FAIL: {failure}", file=sys.stderr)
        return not self.failures


def main():
    args = parse_args()
    os.makedirs(args.out, exist_ok=True)
    ok = Run(args).execute()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
