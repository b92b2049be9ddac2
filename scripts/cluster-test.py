#!/usr/bin/env python3
"""Three `iflow serve` processes on one PostgreSQL behind haproxy: no acknowledged write lost, nothing duplicated.

Runs haproxy (installed from Debian when missing, its own service left stopped) with docs/haproxy.cfg, only its
addresses and stats socket replaced, in front of three servers on a fresh database, and sends a mixed load through it
from several client threads for a bounded time: `user/update` creations (two racing requests per employee, one by
CNP and one by id card, both with the CNP, id card and RFID tag) and updates, `schedule/set_day`,
`user/get_work_schedule` reports (each checked against the client's own acknowledged plans) and web sign-ins. The
clients retry on connection errors and 5xx as an integrator would; a retried request counts once. During the load
one server is SIGKILLed and started again, PostgreSQL is restarted, and another server is deployed as the README says
(`maint` on the stats socket, SIGTERM, started again, `ready`). Then checks, through the API and with psql, that
  - every acknowledged creation, update and plan is stored (a value may only have been overwritten by a later
    request of the same client that got no answer),
  - no CNP, id card or RFID tag is held by two employees of the company, and each employee is one row,
  - haproxy marked the killed server DOWN, then UP again, and sent it requests afterwards; it sent the server in
    `maint` none, and that server exited 0 on SIGTERM,
  - no request was refused (4xx) or given up after its retry budget, and every server is alive at the end,
  - five wrong passwords spread over the three servers (asked directly) lock the address on all three,
  - the README's haproxy snippet is docs/haproxy.cfg, word for word.
Prints its figures and exits 1 on any violation, 2 when the test itself cannot run. Needs the cluster's data
directory and binaries, as .ci/pg-start exports them (IFLOW_PG_DIR, IFLOW_PG_BIN).

    eval "$(.ci/pg-start)"; scripts/cluster-test.py "$(swift build --show-bin-path)/iflow" "$IFLOW_TEST_POSTGRES_URL"
"""

import argparse
import collections
import http.client
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iflowtest  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = os.path.join(ROOT, "docs", "haproxy.cfg")
README = os.path.join(ROOT, "README.md")
API = "/api_v2/"
MONTH = ("2025", "03")
DATES = [f"{MONTH[0]}-{MONTH[1]}-{day:02d}" for day in range(2, 14)]
SHIFTS = ["08:00-16:00", "09:00-17:00", "07:00-15:30", "22:00-06:00", "08:00-12:00,13:00-17:00"]
ADMIN_EMAIL = "ana@cluster.test"
ADMIN_PASSWORD = "cluster-test-password"


def installed_haproxy():
    """The haproxy binary on PATH or where Debian puts it, or None."""
    return shutil.which("haproxy") or ("/usr/sbin/haproxy" if os.access("/usr/sbin/haproxy", os.X_OK) else None)


def find_haproxy():
    """The haproxy binary; installed from Debian when missing, with a policy-rc.d that keeps its service stopped."""
    if found := installed_haproxy():
        return found
    if os.geteuid() != 0:
        iflowtest.fail("haproxy is missing: apt-get install haproxy")
    print("installing haproxy from Debian", file=sys.stderr)
    policy = "/usr/sbin/policy-rc.d"
    added = not os.path.exists(policy)
    if added:
        with open(policy, "w") as script:
            script.write("#!/bin/sh\nexit 101\n")
        os.chmod(policy, 0o755)
    try:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "-qq", "haproxy"], check=True, env=env, timeout=600, stdout=subprocess.DEVNULL)
    finally:
        if added:
            os.remove(policy)
    return installed_haproxy() or iflowtest.fail("apt-get installed haproxy, but there is no haproxy binary")


def readme_shows(config_text):
    """Whether the README holds docs/haproxy.cfg as a code block, unchanged."""
    with open(README) as readme:
        return f"```haproxy\n{config_text}```\n" in readme.read()


def balancer_config(template, listen_port, server_ports, socket_path):
    """docs/haproxy.cfg with its listener, servers and stats socket on this machine; (text, backend, server names)."""
    lines, names, backend = [], [], None
    ports = iter(server_ports)
    replaced = collections.Counter()
    for line in template.splitlines():
        words = line.split()
        if words[:2] == ["stats", "socket"]:
            line = line.replace(words[2], socket_path, 1)
            replaced["socket"] += 1
        elif words[:1] == ["bind"]:
            line = line.replace(words[1], f"127.0.0.1:{listen_port}", 1)
            replaced["bind"] += 1
        elif words[:1] == ["backend"]:
            backend = words[1]
        elif words[:1] == ["server"]:
            line = line.replace(words[2], f"127.0.0.1:{next(ports)}", 1)
            names.append(words[1])
            replaced["server"] += 1
        elif words[:1] in (["user"], ["group"], ["chroot"]) and os.geteuid() != 0:
            continue  # only root may switch user and root directory
        lines.append(line)
    if replaced != {"socket": 1, "bind": 1, "server": len(server_ports)} or not backend:
        iflowtest.fail(f"{CONFIG} must have one bind, one stats socket, one backend and {len(server_ports)} servers: {dict(replaced)}")
    text = "\n".join(lines) + "\n"
    # Nothing but loopback may be a target here.
    for address in re.findall(r"\b(\d+\.\d+\.\d+\.\d+):\d+", text):
        if not address.startswith("127."):
            iflowtest.fail(f"the test configuration still names {address}")
    return text, backend, names


class Balancer:
    """haproxy in the foreground on a configuration file, with its stats socket."""

    def __init__(self, binary, config_text, backend, work_dir, port, socket_path):
        self.backend = backend
        self.base = f"http://127.0.0.1:{port}"
        self.socket_path = socket_path
        self.config_path = os.path.join(work_dir, "haproxy.cfg")
        with open(self.config_path, "w") as config:
            config.write(config_text)
        check = subprocess.run([binary, "-c", "-q", "-f", self.config_path], capture_output=True, text=True)
        if check.returncode != 0:
            iflowtest.fail(f"haproxy refuses the configuration: {check.stdout}{check.stderr}")
        self.log_path = os.path.join(work_dir, "haproxy.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([binary, "-db", "-f", self.config_path], stdout=self.log, stderr=subprocess.STDOUT)

    def command(self, text):
        with socket.socket(socket.AF_UNIX) as connection:
            connection.settimeout(5)
            connection.connect(self.socket_path)
            connection.sendall(text.encode() + b"\n")
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def servers(self):
        """{server name: its `show stat` row (status, scur: current sessions, stot: sessions so far…)}; empty while
        haproxy does not answer."""
        try:
            lines = self.command("show stat").splitlines()
        except OSError:
            return {}
        if not lines or not lines[0].startswith("# "):
            return {}
        header = lines[0][2:].split(",")
        rows = [dict(zip(header, line.split(","))) for line in lines[1:] if line]
        return {row["svname"]: row for row in rows if row["pxname"] == self.backend and row["svname"] not in ("FRONTEND", "BACKEND")}

    def count(self, name, column):
        """One number of a server's `show stat` row (0 while haproxy does not answer)."""
        return int(self.servers().get(name, {}).get(column) or 0)

    def set_state(self, name, state):
        self.command(f"set server {self.backend}/{name} state {state}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class StateWatch(threading.Thread):
    """Polls haproxy's stats socket and remembers every change of a server's status."""

    def __init__(self, balancer, started):
        super().__init__(daemon=True)
        self.balancer = balancer
        self.started = started
        self.changes = []
        self.current = {}
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            now = time.monotonic() - self.started
            for name, row in self.balancer.servers().items():
                if self.current.get(name) != row["status"]:
                    self.current[name] = row["status"]
                    self.changes.append((now, name, row["status"]))
            time.sleep(0.2)

    def wait_for(self, name, status, since, timeout):
        """The time (from the start) at which `name` was first seen with `status` after `since`, or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen = next((at for at, server, state in list(self.changes) if server == name and state == status and at >= since), None)
            if seen is not None:
                return seen
            time.sleep(0.1)
        return None

    def all_up(self, names, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(self.current.get(name) == "UP" for name in names):
                return True
            time.sleep(0.1)
        return False


class Tally:
    """Figures per endpoint, counted once per logical request however often it was sent."""

    FIELDS = ("requests", "attempts", "acknowledged", "failed", "retried")

    def __init__(self):
        self.lock = threading.Lock()
        self.figures = collections.defaultdict(collections.Counter)
        self.transient = collections.Counter()
        self.problems = []

    def record(self, label, attempts, acknowledged):
        with self.lock:
            figures = self.figures[label]
            figures["requests"] += 1
            figures["attempts"] += attempts
            figures["acknowledged" if acknowledged else "failed"] += 1
            figures["retried"] += attempts > 1

    def saw(self, what):
        with self.lock:
            self.transient[what] += 1

    def problem(self, text):
        with self.lock:
            self.problems.append(text)

    def total(self, field):
        return sum(figures[field] for figures in self.figures.values())


def guarded(tally, body):
    """Runs a client thread's body; an exception in it is a problem of the run, not a silently dead thread."""
    try:
        body()
    except Exception:
        tally.problem(f"a client thread failed: {traceback.format_exc()}")


def retrying(tally, label, budget, send):
    """Calls `send()` until it answers, as an integrator's client would: again after a connection error or a 5xx,
    backing off, for at most `budget` seconds. `send` returns (done, transient, reply); a refusal ends it."""
    start = time.monotonic()
    attempts, delay = 0, 0.1
    while True:
        attempts += 1
        done, transient, reply = send()
        if done or not transient or time.monotonic() - start > budget:
            break
        tally.saw(transient)
        time.sleep(delay)
        delay = min(delay * 2, 1.0)
    tally.record(label, attempts, done)
    if not done:
        tally.problem(f"{label}: {'gave up after ' + str(attempts) + ' attempts' if transient else 'refused'}: {reply}")
    return done, reply


def api_call(tally, base, action, fields, budget, timeout):
    """An API request with the integrator's retries; the reply when acknowledged (HTTP 200, no error), else None."""

    def send():
        reply = iflowtest.post(base, API + action, fields, timeout=timeout)
        if reply.kind == "ok":
            return True, None, reply
        if reply.kind == "bad" or (reply.status or 500) >= 500:
            checks = ",".join(check.split(":")[-1] for check in reply.checks)
            return False, f"{action} {reply.status or 'no reply'} {checks or reply.detail.split(':')[0]}", reply
        return False, None, reply

    done, reply = retrying(tally, action, budget, send)
    return reply if done else None


def web(base, method, path, fields=None, cookies=None, timeout=30):
    """One web request without following redirects: (status, cookies set, body), status None without a reply."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
    body = None
    if fields is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urllib.parse.urlencode(fields)
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        data = response.read().decode(errors="replace")
        set_cookies = dict(
            value.split(";", 1)[0].split("=", 1) for name, value in response.getheaders() if name.lower() == "set-cookie" and "=" in value
        )
        return response.status, set_cookies, data
    except (OSError, http.client.HTTPException) as error:
        return None, {}, f"{type(error).__name__}: {error}"
    finally:
        connection.close()


def sign_in_attempt(base, email, password, timeout=30):
    """The sign-in form as a browser fills it: (status of the POST or of the step that failed, cookies set, body)."""
    status, cookies, body = web(base, "GET", "/admin/sign-in", timeout=timeout)
    token = re.search(r'name="csrf_token" value="([^"]+)"', body or "")
    if status != 200 or "iflow_signin" not in cookies or not token:
        return status, {}, body
    fields = {"csrf_token": token.group(1), "email": email, "password": password}
    return web(base, "POST", "/admin/sign-in", fields=fields, cookies={"iflow_signin": cookies["iflow_signin"]}, timeout=timeout)


def web_sign_in(tally, base, budget, timeout):
    """Signs in through the balancer and opens the timesheet with the new session, retrying like a browser's user."""

    def send():
        status, cookies, body = sign_in_attempt(base, ADMIN_EMAIL, ADMIN_PASSWORD, timeout)
        if status == 303 and "iflow_session" in cookies:
            status, _, body = web(base, "GET", "/admin/timesheet", cookies={"iflow_session": cookies["iflow_session"]}, timeout=timeout)
            if status == 200:
                return True, None, "ok"
        if status is None or status >= 500:
            return False, f"web sign-in {status or 'no reply'}", body[:120]
        return False, None, f"HTTP {status}: {body[:120]!r}"

    return retrying(tally, "web sign-in", budget, send)[0]


class Employee:
    """One employee of the load and every write its owner sent, in order, each (value, acknowledged)."""

    def __init__(self, index):
        self.index = index
        self.cnp = iflowtest.cnp(300_000 + index)
        self.id_card = f"CL{index:06d}"
        self.rfid_tag = f"RF{index:06d}"
        self.full_name = f"Angajat Cluster {index}"
        self.team = f"Echipa {index % 5}"
        self.created = False
        self.created_actions = 0
        self.cities = []
        self.days = collections.defaultdict(list)

    def identity(self):
        return {"full_name": self.full_name, "cnp": self.cnp, "id_card": self.id_card, "rfid_tag": self.rfid_tag, "team_name": self.team}


def allowed(writes, initial=None):
    """The values a field may hold after `writes`: the last acknowledged one, or one sent after it without an answer."""
    last = max((i for i, (_, acknowledged) in enumerate(writes) if acknowledged), default=None)
    if last is None:
        return {initial} | {value for value, _ in writes}
    return {value for value, _ in writes[last:]}


class Client(threading.Thread):
    """One integrator: creates its own employees, updates them, plans their days and reads their reports back."""

    def __init__(self, number, count, context):
        super().__init__(daemon=True)
        self.number = number
        self.context = context
        self.random = random.Random(number)
        self.indices = iter(range(number, context.employees, count))
        self.employees = []
        self.serial = 0

    def run(self):
        guarded(self.context.tally, self.requests)

    def requests(self):
        context = self.context
        while time.monotonic() < context.stop_at:
            created = [e for e in self.employees if e.created]
            roll = self.random.random()
            if not created or roll < 0.25:
                if not self.create():
                    time.sleep(0.05)
            elif roll < 0.5:
                self.update(self.random.choice(created))
            elif roll < 0.8:
                self.set_day(self.random.choice(created))
            elif roll < 0.95:
                self.own_report(self.random.choice(created))
            else:
                self.company_report()

    def call(self, action, fields):
        context = self.context
        return api_call(context.tally, context.base, action, dict(context.common, **fields), context.budget, context.timeout)

    def create(self):
        """Two requests at once for a new employee: by CNP (with a city) and by id card; one creates, one updates."""
        index = next(self.indices, None)
        if index is None:
            return False
        employee = Employee(index)
        self.employees.append(employee)
        self.serial += 1
        city = f"Oraș {index}-{self.serial}"
        replies = [None, None]

        def by_id_card():
            replies[1] = self.call("user/update", dict(employee.identity(), update_by="id_card", update_by_value=employee.id_card))

        racer = threading.Thread(target=guarded, args=(self.context.tally, by_id_card))
        racer.start()
        replies[0] = self.call("user/update", dict(employee.identity(), update_by="cnp", update_by_value=employee.cnp, city=city))
        racer.join()
        employee.cities.append((city, replies[0] is not None))
        employee.created = any(reply is not None for reply in replies)
        employee.created_actions += sum(reply is not None and reply.api_reply.get("action") == "created" for reply in replies)
        return True

    def update(self, employee):
        self.serial += 1
        city = f"Oraș {employee.index}-{self.serial}"
        selector = ("cnp", employee.cnp) if self.serial % 3 else ("id_card", employee.id_card)
        reply = self.call("user/update", {"update_by": selector[0], "update_by_value": selector[1], "city": city})
        employee.cities.append((city, reply is not None))
        if reply is not None and reply.api_reply.get("new_user", {}).get("city") != city:
            self.context.tally.problem(f"user/update {employee.cnp} answered city {reply.api_reply.get('new_user', {}).get('city')}, sent {city}")

    def set_day(self, employee):
        date = self.random.choice(DATES)
        shifts = self.random.choice(SHIFTS)
        selector = ("cnp", employee.cnp) if self.random.random() < 0.7 else ("id_card", employee.id_card)
        fields = {"user_by": selector[0], "user_by_value": selector[1], "date": date, "shifts": shifts, "break_minutes": "30"}
        reply = self.call("schedule/set_day", fields)
        employee.days[date].append((shifts, reply is not None))

    def own_report(self, employee):
        """The employee's month, read through the balancer (another server, often): it must show every plan this
        client had acknowledged and sent nothing after."""
        fields = {"year": MONTH[0], "month": MONTH[1], "totals": "total,overtime", "user_by": "cnp", "user_by_value": employee.cnp}
        reply = self.call("user/get_work_schedule", fields)
        if reply is None:
            return
        users = reply.api_reply.get("users", [])
        if len(users) != 1:
            self.context.tally.problem(f"report of {employee.cnp}: {len(users)} employees")
            return
        shown = {day.get("date"): day.get("shifts") for day in users[0].get("days", [])}
        for date, writes in employee.days.items():
            if writes[-1][1] and shown.get(date) != writes[-1][0]:
                self.context.tally.problem(f"report of {employee.cnp} shows {shown.get(date)!r} on {date}, acknowledged {writes[-1][0]!r}")

    def company_report(self):
        """The whole company's month without days: at least every employee acknowledged before it was asked for."""
        known = self.context.acknowledged_employees()
        reply = self.call("user/get_work_schedule", {"year": MONTH[0], "month": MONTH[1], "totals": "total", "include_days": "0"})
        if reply is None:
            return
        listed = {user.get("cnp") for user in reply.api_reply.get("users", [])}
        missing = known - listed
        if missing:
            self.context.tally.problem(f"company report lacks {len(missing)} acknowledged employees, e.g. {sorted(missing)[:3]}")


class Load:
    """What the client threads share."""

    def __init__(self, base, key, employees, seconds, budget, timeout):
        self.base = base
        self.common = {"api_key": key, "api_language": "en_US"}
        self.employees = employees
        self.budget = budget
        self.timeout = timeout
        self.tally = Tally()
        self.started = time.monotonic()
        self.stop_at = self.started + seconds
        self.clients = []

    def acknowledged_employees(self):
        return {e.cnp for client in self.clients for e in list(client.employees) if e.created}


def sign_ins(load):
    """Web sign-ins through the balancer, one after another, until the load stops."""

    def requests():
        while time.monotonic() < load.stop_at:
            web_sign_in(load.tally, load.base, load.budget, load.timeout)
            time.sleep(0.3)

    guarded(load.tally, requests)


def throttle_across(servers, problems):
    """Five wrong passwords for one address, spread over the servers (each asked directly, not through the balancer),
    lock that address on every server: the right password is then refused with 429 everywhere."""
    spread = [servers[i % len(servers)] for i in range(5)]
    for number, server in enumerate(spread, 1):
        status, _, body = sign_in_attempt(server.base, ADMIN_EMAIL, "not the password")
        if status != 401:
            problems.append(f"wrong password {number} (port {server.port}): HTTP {status}, expected 401: {body[:120]!r}")
    refused = 0
    for server in servers:
        status, cookies, body = sign_in_attempt(server.base, ADMIN_EMAIL, ADMIN_PASSWORD)
        if status == 429 and "iflow_session" not in cookies:
            refused += 1
        else:
            problems.append(f"the right password after five wrong ones (port {server.port}): HTTP {status}, expected 429")
    return refused


def deploy(balancer, watch, servers, index, name, start, problems):
    """The README's deploy of one server, under load: `maint`, wait for its sessions to end, SIGTERM (it must exit 0),
    start it again on its port, `ready`. Returns the times it was taken out and seen UP again (or None)."""
    balancer.set_state(name, "maint")
    out = time.monotonic() - watch.started
    deadline = time.monotonic() + 30
    while balancer.count(name, "scur") and time.monotonic() < deadline:
        time.sleep(0.1)
    sessions = balancer.count(name, "stot")
    server = servers[index]
    server.process.send_signal(signal.SIGTERM)
    try:
        status = server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        status = "no exit after 30 s"
    server.stop()
    if status != 0:
        problems.append(f"{name} answered SIGTERM with exit status {status}; log: {server.log_path}")
    servers[index] = start(server.port)
    servers[index].wait_ready()
    if balancer.count(name, "stot") != sessions:
        problems.append(f"haproxy sent {name} {balancer.count(name, 'stot') - sessions} requests while it was in maint")
    balancer.set_state(name, "ready")
    ready = time.monotonic() - watch.started
    return out, watch.wait_for(name, "UP", ready, 30)


def verify(load, database, company, problems):
    """Every acknowledged write is stored, nothing is duplicated; returns (employees, stored without a 200)."""
    employees = [e for client in load.clients for e in client.employees]
    users, total = [], None
    while total is None or len(users) < int(total):
        fields = dict(load.common, limit="1000", offset=str(len(users)))
        reply = iflowtest.post(load.base, API + "user/get_list", fields, timeout=load.timeout)
        if reply.kind != "ok":
            problems.append(f"user/get_list after the load, from {len(users)}: {reply}")
            return len(employees), 0
        page = reply.api_reply.get("users", [])
        users += page
        total = reply.api_reply.get("total")
        if not page:
            break
    by_cnp = collections.defaultdict(list)
    for user in users:
        by_cnp[user.get("cnp")].append(user)
    unacknowledged_but_stored = 0
    for employee in employees:
        rows = by_cnp.pop(employee.cnp, [])
        if not rows:
            if employee.created:
                problems.append(f"employee {employee.cnp}, acknowledged, is not listed")
            continue
        unacknowledged_but_stored += not employee.created
        if len(rows) > 1:
            problems.append(f"CNP {employee.cnp} is listed {len(rows)} times")
        row = rows[0]
        identity = (row.get("full_name"), row.get("id_card"), row.get("rfid_tag"), row.get("team_name"))
        if identity != (employee.full_name, employee.id_card, employee.rfid_tag, employee.team):
            problems.append(f"employee {employee.cnp} is stored as {identity}")
        if row.get("city") not in allowed(employee.cities):
            problems.append(f"employee {employee.cnp} has city {row.get('city')!r}, acknowledged {employee.cities}")
        if employee.created_actions > 1:
            problems.append(f"employee {employee.cnp} was answered `created` {employee.created_actions} times")
    if by_cnp:
        problems.append(f"{sum(map(len, by_cnp.values()))} employees no client sent, e.g. {list(by_cnp)[:3]}")
    if total != str(len(users)):
        problems.append(f"user/get_list total {total} for {len(users)} employees")

    # In the database: no lookup hash or tag twice, and each employee's CNP, id card and tag on one row.
    scope = f"company_id = {int(company)}"
    for column in ("cnp_lookup", "id_card_lookup", "rfid_tag"):
        twice = database.query(f"SELECT {column}, count(*) FROM users WHERE {scope} AND {column} IS NOT NULL GROUP BY 1 HAVING count(*) > 1")
        if twice:
            problems.append(f"{len(twice)} values of users.{column} held twice, e.g. {twice[0]}")
    rows = database.query(f"SELECT id, cnp_lookup, id_card_lookup, rfid_tag FROM users WHERE {scope}")
    by_value = collections.defaultdict(set)
    for user_id, *values in rows:
        for value in values:
            by_value[value].add(user_id)
    for employee in employees:
        holders = by_value[iflowtest.lookup(employee.cnp)] | by_value[iflowtest.lookup(employee.id_card)] | by_value[employee.rfid_tag]
        if len(holders) > 1:
            problems.append(f"employee {employee.cnp}'s CNP, id card and tag are spread over users {sorted(holders)}")

    # Every acknowledged plan is stored, one row per employee and date.
    plans = collections.defaultdict(list)
    for lookup, date, shifts in database.query(
        f"SELECT u.cnp_lookup, p.date, p.shifts FROM day_plans p JOIN users u ON u.id = p.user_id WHERE p.{scope}"
    ):
        plans[(lookup, date)].append(shifts)
    for employee in employees:
        lookup = iflowtest.lookup(employee.cnp)
        for date, writes in employee.days.items():
            stored = plans.pop((lookup, date), [None])
            if len(stored) > 1:
                problems.append(f"{len(stored)} plans for {employee.cnp} on {date}")
            if stored[0] not in allowed(writes):
                problems.append(f"plan of {employee.cnp} on {date} is {stored[0]!r}, acknowledged {writes}")
    if plans:
        problems.append(f"{len(plans)} plans no client sent, e.g. {list(plans)[:2]}")
    return len(employees), unacknowledged_but_stored


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("iflow", help="path of the iflow binary")
    parser.add_argument("postgres_url", help="a local PostgreSQL URL of a role that may create databases")
    parser.add_argument("--seconds", type=float, default=60, help="how long the load lasts (default 60)")
    parser.add_argument("--clients", type=int, default=4, help="API client threads (default 4), and one signing in")
    parser.add_argument("--employees", type=int, default=1000, help="at most this many employees are created (default 1000)")
    parser.add_argument("--budget", type=float, default=45, help="seconds a client keeps retrying one request (default 45)")
    parser.add_argument("--client-timeout", type=float, default=30, help="seconds one attempt may take (default 30)")
    parser.add_argument("--pg-bin", default=os.environ.get("IFLOW_PG_BIN"), help="default $IFLOW_PG_BIN")
    parser.add_argument("--pg-dir", default=os.environ.get("IFLOW_PG_DIR"), help="default $IFLOW_PG_DIR")
    parser.add_argument("--psql", help="psql binary (default $IFLOW_PG_BIN/psql or PATH)")
    parser.add_argument("--keep", action="store_true", help="keep the database and the logs")
    args = parser.parse_args()
    if not args.pg_bin or not args.pg_dir:
        iflowtest.fail("IFLOW_PG_BIN and IFLOW_PG_DIR (from .ci/pg-start) are needed to restart PostgreSQL")

    began = time.monotonic()
    with open(CONFIG) as config:
        template = config.read()
    problems = [] if readme_shows(template) else [f"README.md does not show {os.path.relpath(CONFIG, ROOT)} as it is"]
    haproxy = find_haproxy()
    cluster = iflowtest.Cluster(args.pg_bin, args.pg_dir)
    psql = iflowtest.find_psql(args.psql or os.path.join(args.pg_bin, "psql"))
    database = iflowtest.Database(args.postgres_url, psql, "iflow_cluster")
    work_dir = tempfile.mkdtemp(prefix="iflow-cluster-")
    servers, balancer, watch, load = [], None, None, None
    try:
        company, key = iflowtest.company_and_key(args.iflow, database.url)
        created = subprocess.run(
            [args.iflow, "admin", "create", "--company", company, "--email", ADMIN_EMAIL, "--database", database.url],
            input=ADMIN_PASSWORD + "\n", capture_output=True, text=True, timeout=120,
        )
        if created.returncode != 0:
            iflowtest.fail(f"`iflow admin create` failed: {created.stderr.strip()}")

        def start(port=None):
            return iflowtest.Server(args.iflow, database.url, log_dir=work_dir, port=port)

        servers = [start() for line in template.splitlines() if line.split()[:1] == ["server"]]
        for server in servers:
            server.wait_ready()
        listen_port, socket_path = iflowtest.free_port(), os.path.join(work_dir, "admin.sock")
        config_text, backend, names = balancer_config(template, listen_port, [s.port for s in servers], socket_path)
        balancer = Balancer(haproxy, config_text, backend, work_dir, listen_port, socket_path)
        watch = StateWatch(balancer, time.monotonic())
        watch.start()
        if not watch.all_up(names, 30):
            iflowtest.fail(f"haproxy does not see every server UP: {watch.current}; log: {balancer.log_path}")

        load = Load(balancer.base, key, args.employees, args.seconds, args.budget, args.client_timeout)
        watch.started = load.started
        load.clients = [Client(number, args.clients, load) for number in range(args.clients)]
        threads = [*load.clients, threading.Thread(target=sign_ins, args=(load,), daemon=True)]
        for thread in threads:
            thread.start()
        at = lambda: time.monotonic() - load.started  # noqa: E731

        # A server dies at a sixth of the load, stays dead until haproxy takes it out, and comes back on its port.
        victim, name = 1, names[1]
        time.sleep(args.seconds / 6)
        servers[victim].process.kill()
        servers[victim].process.wait()
        servers[victim].log.close()
        killed = at()
        marked_down = watch.wait_for(name, "DOWN", killed, 30)
        servers[victim] = start(servers[victim].port)
        servers[victim].wait_ready()
        restarted = at()
        marked_up = watch.wait_for(name, "UP", restarted, 30)
        sessions_back_in = balancer.count(name, "stot")

        # PostgreSQL restarts past the middle of the load, once the server is back.
        time.sleep(max(1.0, args.seconds * 0.55 - at()))
        cluster.restart()
        pg_restarted = at()

        # Then another server is deployed as the README says: out of rotation, SIGTERM, started again, back in.
        time.sleep(max(1.0, args.seconds * 0.7 - at()))
        deployed, deployed_up = deploy(balancer, watch, servers, len(servers) - 1, names[-1], start, problems)

        for thread in threads:
            thread.join(timeout=args.seconds + args.budget + 60)
        load_seconds = at()
        if any(thread.is_alive() for thread in threads):
            problems.append("a client thread did not finish")
        if not watch.all_up(names, 30):
            problems.append(f"not every server is UP after the load: {watch.current}")

        # The load's sign-ins are over; now five wrong passwords for their address must lock it on every server.
        throttled = throttle_across(servers, problems)

        tally = load.tally
        problems.extend(tally.problems)
        employees, unacknowledged_but_stored = verify(load, database, company, problems)

        if marked_down is None:
            problems.append(f"haproxy never marked {name} DOWN after it was killed: {watch.changes}")
        if marked_up is None:
            problems.append(f"haproxy never marked {name} UP after it was restarted: {watch.changes}")
        if deployed_up is None:
            problems.append(f"haproxy never marked {names[-1]} UP after its deploy: {watch.changes}")
        if balancer.count(name, "stot") <= sessions_back_in:
            problems.append(f"haproxy sent {name} nothing after it came back")
        for server, server_name in zip(servers, names):
            if not server.alive:
                problems.append(f"{server_name} (port {server.port}) died; log: {server.log_path}")
        if balancer.process.poll() is not None:
            problems.append(f"haproxy exited with {balancer.process.returncode}; log: {balancer.log_path}")

        for label, figures in sorted(tally.figures.items()):
            print(f"  {label:24} " + ", ".join(f"{figures[field]} {field}" for field in Tally.FIELDS))
        if tally.transient:
            print("  transient answers retried: " + ", ".join(f"{what} ×{count}" for what, count in tally.transient.most_common(8)))
        print("  haproxy: " + ", ".join(f"{t:.1f} s {server} {state}" for t, server, state in watch.changes if t >= 0))

        def moment(value):
            return f"{value:.1f} s" if value is not None else "never"

        verdict = "FAIL" if problems else "PASS"
        print(
            f"cluster: {len(servers)} servers behind haproxy, {load_seconds:.1f} s of load from {args.clients} clients and a browser: "
            f"{tally.total('requests')} requests ({tally.total('attempts')} sent), {tally.total('acknowledged')} acknowledged, "
            f"{tally.total('failed')} failed, {tally.total('retried')} retried; {name} killed at {killed:.1f} s, DOWN {moment(marked_down)}, "
            f"restarted {restarted:.1f} s, UP {moment(marked_up)}; PostgreSQL restarted at {pg_restarted:.1f} s; "
            f"{names[-1]} deployed (maint, SIGTERM, start, ready) at {deployed:.1f} s, UP {moment(deployed_up)}; "
            f"{employees} employees (+{unacknowledged_but_stored} stored without a 200); five wrong passwords over "
            f"{len(servers)} servers lock the address on {throttled}/{len(servers)}; {len(problems)} problems; "
            f"{time.monotonic() - began:.0f} s in all: {verdict}"
        )
    finally:
        if watch:
            watch.stopping.set()
        if load:
            load.stop_at = 0
        cluster.ensure_running()
        if balancer:
            balancer.stop()
        for server in servers:
            if server.alive:
                server.process.terminate()  # all drain at once; stop() then waits for each
        for server in servers:
            server.stop()
        if args.keep:
            print(f"kept database {database.name} and the logs in {work_dir}", file=sys.stderr)
        else:
            database.drop()
            iflowtest.keep_logs_if(problems, work_dir)

    return iflowtest.exit_status(problems)


if __name__ == "__main__":
    sys.exit(main())
