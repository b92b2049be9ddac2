#!/usr/bin/env python3
"""Crash safety: every write the server acknowledged survives a SIGKILL.

For each backend (a fresh SQLite file; also a fresh PostgreSQL database when IFLOW_TEST_POSTGRES_URL is set) and for
each round: start `iflow serve`, have a few threads send `user/update` (new employees with distinct CNPs, and updates
of existing ones), `schedule/set_day` (distinct employee-days) and badge scans (a terminal's offline batches of three
scans on distinct days, and live `auto_attendance` scans), kill the server with SIGKILL at a random moment, start it
again on the same database, and read back through the API every write that got a successful reply: `user/get_list`
filtered by CNP, `user/get_work_schedule` and `attendance/get_list` with `user_by=cnp`. A write whose reply never
arrived may or may not be there, but an offline batch is there whole or not at all, and no scan is there twice; an
update's value must be the last acknowledged one or one sent after it.

Usage: scripts/crash-test.py [--binary .build/debug/iflow] [--rounds 5] [--seed N] [--backend sqlite|postgres|all]
Python standard library only; talks to 127.0.0.1 only; every loop is bounded in count and time.
"""

import argparse
import datetime
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zoneinfo

CNP_WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]


def make_cnp(rng: random.Random) -> str:
    """A valid Romanian CNP of someone born in 1950–2009: S AA LL ZZ JJ NNN C."""
    year = rng.randint(1950, 2009)
    first = (1 if year < 2000 else 5) + rng.randint(0, 1)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    county = rng.randint(1, 46)
    serial = rng.randint(1, 999)
    body = f"{first}{year % 100:02d}{month:02d}{day:02d}{county:02d}{serial:03d}"
    control = sum(int(d) * w for d, w in zip(body, CNP_WEIGHTS)) % 11
    return body + str(1 if control == 10 else control)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `iflow serve` process, started and killed by its own pid only."""

    def __init__(self, binary: str, database: str, log_path: str):
        self.binary = binary
        self.database = database
        self.log_path = log_path
        self.port = free_port()
        self.process = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> None:
        # Writes come in bursts on purpose (no rate limit), and every restart must find the same data keys.
        env = dict(
            os.environ, LOG_LEVEL="warning", IFLOW_RATE_LIMIT="0",
            IFLOW_DATA_KEY_FILE=os.path.join(os.path.dirname(self.log_path), "iflow.datakey"),
        )
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--database", self.database],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not become healthy in {timeout} s; see {self.log_path}")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def terminal(base: str, path: str, fields: dict, timeout: float = 10.0):
    """POSTs a JSON body to a terminal endpoint (the device's token is in `fields`); returns `api_reply`."""
    request = urllib.request.Request(
        base + "/api/" + path, data=json.dumps(fields).encode(), method="POST", headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        return json.loads(reply.read())["api_reply"]


def post(base: str, path: str, key: str, fields: dict, timeout: float = 10.0) -> dict:
    """POSTs a urlencoded form; returns `api_reply`. Raises on transport errors and non-200 statuses."""
    body = urllib.parse.urlencode(dict(fields, api_language="en_US")).encode()
    request = urllib.request.Request(
        base + "/api/api_v2/" + path, data=body, method="POST",
        headers={"Authorization": "Bearer " + key, "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        return json.loads(reply.read())["api_reply"]


class Ledger:
    """What the writers sent and which replies said success."""

    def __init__(self):
        self.lock = threading.Lock()
        self.users = {}  # cnp -> {"full_name": str, "cities": [str sent, in order], "acked_city": index or None}
        self.days = {}  # (cnp, date) -> shifts, acknowledged only
        self.batches = {}  # cnp -> [(rows as (date, time), acknowledged)], every offline batch sent
        self.live = {}  # cnp -> acknowledged live scans (at most one per employee, so none is a duplicate)
        self.acked = 0
        self.unacked = 0
        self.rejected = []


class Writer(threading.Thread):
    """Sends writes until the server dies or `stop` is set; each employee is written by one writer only."""

    def __init__(self, index: int, base: str, key: str, device: str, ledger: Ledger, rng: random.Random,
                 stop: threading.Event, used_cnps: set, max_requests: int):
        super().__init__(daemon=True)
        self.index, self.base, self.key, self.ledger, self.rng, self.stop = index, base, key, ledger, rng, stop
        self.device = device
        self.used_cnps = used_cnps
        self.max_requests = max_requests
        self.mine = []  # CNPs this writer created (acknowledged)
        self.next_day = {}

    def fresh_cnp(self) -> str:
        with self.ledger.lock:
            while True:
                cnp = make_cnp(self.rng)
                if cnp not in self.used_cnps:
                    self.used_cnps.add(cnp)
                    return cnp

    def run(self) -> None:
        for _ in range(self.max_requests):
            if self.stop.is_set():
                return
            choice = self.rng.random()
            try:
                if not self.mine or choice < 0.4:
                    self.create()
                elif choice < 0.55:
                    self.update_city()
                elif choice < 0.75:
                    self.set_day()
                elif choice < 0.95:
                    self.offline_batch()
                else:
                    self.live_scan()
            except urllib.error.HTTPError as error:
                # A status other than 200 from a live server is a fault, not an effect of the kill.
                with self.ledger.lock:
                    self.ledger.rejected.append(("http", error.code))
                return
            except (urllib.error.URLError, OSError, http.client.HTTPException, json.JSONDecodeError):
                with self.ledger.lock:
                    self.ledger.unacked += 1
                return

    def record(self, reply: dict, what: str) -> bool:
        if "error" in reply:
            with self.ledger.lock:
                self.ledger.rejected.append((what, reply["error"]))
            return False
        with self.ledger.lock:
            self.ledger.acked += 1
        return True

    def create(self) -> None:
        cnp = self.fresh_cnp()
        name = f"Crash Test {self.index}-{uuid.uuid4().hex[:8]}"
        reply = post(self.base, "user/update", self.key,
                     {"update_by": "cnp", "update_by_value": cnp, "full_name": name, "rfid_tag": "T" + cnp})
        if self.record(reply, "create") and reply.get("action") == "created":
            with self.ledger.lock:
                self.ledger.users[cnp] = {"full_name": name, "cities": [], "acked_city": None}
            self.mine.append(cnp)

    def update_city(self) -> None:
        cnp = self.rng.choice(self.mine)
        city = f"City {uuid.uuid4().hex[:10]}"
        with self.ledger.lock:
            self.ledger.users[cnp]["cities"].append(city)
            sent = len(self.ledger.users[cnp]["cities"]) - 1
        reply = post(self.base, "user/update", self.key, {"update_by": "cnp", "update_by_value": cnp, "city": city})
        if self.record(reply, "update"):
            with self.ledger.lock:
                self.ledger.users[cnp]["acked_city"] = sent

    def set_day(self) -> None:
        cnp = self.rng.choice(self.mine)
        offset = self.next_day.get(cnp, 0)
        self.next_day[cnp] = offset + 1
        date = (datetime.date(2026, 1, 1) + datetime.timedelta(days=offset)).isoformat()
        start = self.rng.randint(6, 10)
        shifts = f"{start:02d}:{self.rng.choice(['00', '15', '30', '45'])}-{start + 8:02d}:00"
        reply = post(self.base, "schedule/set_day", self.key,
                     {"user_by": "cnp", "user_by_value": cnp, "date": date, "shifts": shifts})
        if self.record(reply, "set_day"):
            with self.ledger.lock:
                self.ledger.days[(cnp, date)] = shifts


    def offline_batch(self) -> None:
        """Three scans of one employee on a day of 2026 no other batch of theirs uses, sent as a terminal's batch."""
        cnp = self.rng.choice(self.mine)
        with self.ledger.lock:
            batches = self.ledger.batches.setdefault(cnp, [])
            date = (datetime.date(2026, 2, 1) + datetime.timedelta(days=len(batches))).isoformat()
            rows = [(date, "07:58:12"), (date, "12:01:40"), (date, "16:33:05")]
            batches.append((rows, False))
            sent = len(batches) - 1
        reply = terminal(self.base, "rfid_v2/offline_attendance/store_attendances", {
            "access_token": self.device, "version": "1.0",
            "csv_data": [{"date": d, "time": t, "rfidTag": "T" + cnp, "errorMsg": ""} for d, t in rows],
        })
        listed = reply if isinstance(reply, list) else next((v for v in reply.values() if isinstance(v, list)), None)
        errors = [row for row in listed or [] if any(row.get(k) for k in ("error_authenticate", "error_check_in_out", "error_csv"))]
        if listed is None or len(listed) != len(rows) or errors:
            with self.ledger.lock:
                self.ledger.rejected.append(("offline batch", errors or reply))
            return
        with self.ledger.lock:
            self.ledger.acked += 1
            self.ledger.batches[cnp][sent] = (rows, True)

    def live_scan(self) -> None:
        """One live scan of an employee never scanned live before, so that it cannot be a duplicate."""
        with self.ledger.lock:
            fresh = [cnp for cnp in self.mine if cnp not in self.ledger.live]
            if not fresh:
                return
            cnp = self.rng.choice(fresh)
            self.ledger.live[cnp] = 0
        reply = terminal(self.base, "rfid_devices/auto_attendance", {"access_token": self.device, "rfid_tag": "T" + cnp})
        if self.record(reply, "live scan"):
            with self.ledger.lock:
                self.ledger.live[cnp] = 1


def verify_scans(base: str, key: str, ledger: Ledger) -> list:
    """Every acknowledged scan is there once; every batch is there whole or not at all; nothing is there twice."""
    problems = []
    with ledger.lock:
        batches = {cnp: list(sent) for cnp, sent in ledger.batches.items()}
        live = dict(ledger.live)
    # The company's date (Europe/Bucharest, as created below): after 22:00 UTC a live scan is already dated tomorrow.
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Bucharest")).date()
    for cnp in sorted(set(batches) | set(live)):
        reply = post(base, "attendance/get_list", key, {
            "user_by": "cnp", "user_by_value": cnp, "date_interval_start": "2026-02-01",
            "date_interval_end": max(today, datetime.date(2026, 2, 1)).isoformat(),
        })
        if "error" in reply or len(reply.get("users", [])) > 1:
            problems.append(f"scans {cnp}: unexpected reply {str(reply)[:200]}")
            continue
        entries = reply["users"][0]["attendances"] if reply.get("users") else []
        stored = [(entry["date"], entry["time"][:8]) for entry in entries if not entry.get("deleted_at")]
        if len(stored) != len(set(stored)):
            problems.append(f"scans {cnp}: a scan is stored twice: {sorted(stored)}")
        present = set(stored)
        offline = set()
        for rows, acknowledged in batches.get(cnp, []):
            found = [row for row in rows if row in present]
            offline.update(rows)
            if acknowledged and len(found) != len(rows):
                problems.append(f"scans {cnp}: acknowledged batch {rows} has only {found}")
            elif found and len(found) != len(rows):
                problems.append(f"scans {cnp}: batch {rows} is there in part: {found}")
        live_stored = [row for row in stored if row not in offline]
        if len(live_stored) < live.get(cnp, 0) or len(live_stored) > (1 if cnp in live else 0):
            problems.append(f"scans {cnp}: {len(live_stored)} live scans stored, {live.get(cnp, 0)} acknowledged")
    return problems


def verify(base: str, key: str, ledger: Ledger) -> list:
    """Every acknowledged write, read back through the API; returns the problems found."""
    problems = []
    with ledger.lock:
        users = {cnp: dict(state, cities=list(state["cities"])) for cnp, state in ledger.users.items()}
        days = dict(ledger.days)
    for cnp, state in users.items():
        reply = post(base, "user/get_list", key, {"cnp": cnp})
        if reply.get("total") != "1":
            problems.append(f"user {cnp}: created with a success reply, but get_list finds {reply.get('total')}")
            continue
        user = reply["users"][0]
        if user["full_name"] != state["full_name"]:
            problems.append(f"user {cnp}: full_name {user['full_name']!r}, expected {state['full_name']!r}")
        if state["acked_city"] is not None:
            allowed = state["cities"][state["acked_city"]:]
            if user["city"] not in allowed:
                problems.append(f"user {cnp}: city {user['city']!r}, expected one of {allowed!r}")
    by_month = {}
    for (cnp, date), shifts in days.items():
        by_month.setdefault((cnp, date[:7]), {})[date] = shifts
    for (cnp, month), expected in by_month.items():
        reply = post(base, "user/get_work_schedule", key, {
            "user_by": "cnp", "user_by_value": cnp, "year": month[:4], "month": month[5:], "totals": "regular",
        })
        if "error" in reply or len(reply.get("users", [])) != 1:
            problems.append(f"schedule {cnp} {month}: unexpected reply {str(reply)[:200]}")
            continue
        stored = {day["date"]: day for day in reply["users"][0]["days"]}
        for date, shifts in expected.items():
            day = stored.get(date)
            if day is None or day["type"] != "work" or day["shifts"] != shifts:
                problems.append(f"schedule {cnp} {date}: {day and (day['type'], day['shifts'])}, expected ('work', {shifts!r})")
    return problems + verify_scans(base, key, ledger)


def run_backend(name: str, binary: str, database: str, workdir: str, rounds: int, rng: random.Random) -> bool:
    log_path = os.path.join(workdir, f"server-{name}.log")

    def cli(*args: str) -> str:
        # The server's key file: a database refuses any other once the CLI has recorded its keys.
        env = dict(os.environ, IFLOW_DATA_KEY_FILE=os.path.join(workdir, "iflow.datakey"))
        result = subprocess.run([binary, *args, "--database", database], capture_output=True, text=True, timeout=120,
                                stdin=subprocess.DEVNULL, env=env)
        if result.returncode != 0:
            raise RuntimeError(f"iflow {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout.strip()

    company = cli("company", "create", "--name", "Crash Test SRL", "--timezone", "Europe/Bucharest")
    key = cli("key", "create", "--company", company, "--label", "crash-test")
    device = cli("device", "create", "--company", company, "--label", "crash-test terminal")
    ledger = Ledger()
    used_cnps = set()
    ok = True
    for round_number in range(1, rounds + 1):
        server = Server(binary, database, log_path)
        server.start()
        stop = threading.Event()
        writers = [Writer(i, server.base, key, device, ledger, random.Random(rng.random()), stop, used_cnps, 5000) for i in range(4)]
        acked_before = ledger.acked
        for writer in writers:
            writer.start()
        time.sleep(rng.uniform(0.5, 3.0))
        server.kill()
        stop.set()
        for writer in writers:
            writer.join(timeout=30)
        if any(writer.is_alive() for writer in writers):
            print(f"{name} round {round_number}: a writer did not stop", file=sys.stderr)
            return False

        server = Server(binary, database, log_path)
        server.start()
        try:
            problems = verify(server.base, key, ledger)
        finally:
            server.stop()
        print(f"{name} round {round_number}: {ledger.acked - acked_before} writes acknowledged before SIGKILL, "
              f"{len(ledger.users)} employees, {len(ledger.days)} days and "
              f"{sum(len(b) for b in ledger.batches.values())} batches checked, {len(problems)} missing or wrong")
        for problem in problems[:20]:
            print("  " + problem)
        if ledger.rejected:
            print(f"  {len(ledger.rejected)} writes were refused, e.g. {ledger.rejected[0]}")
            ok = False
        if ledger.acked == acked_before:
            print("  no write was acknowledged in this round; the kill came too early")
        ok = ok and not problems
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/iflow")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "all"], default="all")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print(f"crash test: seed {seed}, {args.rounds} rounds per backend")
    rng = random.Random(seed)
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"no executable at {binary}; build it with `swift build`", file=sys.stderr)
        return 2

    workdir = tempfile.mkdtemp(prefix="iflow-crash-")
    results = {}
    try:
        if args.backend in ("sqlite", "all"):
            results["sqlite"] = run_backend("sqlite", binary, os.path.join(workdir, "crash.sqlite"), workdir, args.rounds, rng)
        admin_url = os.environ.get("IFLOW_TEST_POSTGRES_URL", "")
        if args.backend in ("postgres", "all") and admin_url:
            parsed = urllib.parse.urlsplit(admin_url)
            if parsed.hostname not in ("127.0.0.1", "localhost", "::1"):
                print("IFLOW_TEST_POSTGRES_URL must name a local server", file=sys.stderr)
                return 2
            psql = os.path.join(os.environ.get("IFLOW_PG_BIN", ""), "psql")
            psql = psql if os.access(psql, os.X_OK) else shutil.which("psql")
            name = "iflow_crash_" + uuid.uuid4().hex[:12]
            subprocess.run([psql, admin_url, "-q", "-c", f"CREATE DATABASE {name}"], check=True, timeout=60)
            url = urllib.parse.urlunsplit(parsed._replace(path="/" + name))
            try:
                results["postgres"] = run_backend("postgres", binary, url, workdir, args.rounds, rng)
            finally:
                subprocess.run([psql, admin_url, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], timeout=60)
        elif args.backend == "postgres":
            print("IFLOW_TEST_POSTGRES_URL is not set", file=sys.stderr)
            return 2
    except Exception as error:  # a harness failure must fail the run, with its reason
        print(f"crash test could not run: {error}", file=sys.stderr)
        print(f"logs are in {workdir}", file=sys.stderr)
        return 1

    failed = [name for name, passed in results.items() if not passed]
    if failed:
        print(f"crash test FAILED on {', '.join(failed)}; server logs are in {workdir}")
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"crash test OK on {', '.join(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
