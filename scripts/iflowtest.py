"""Shared helpers of the process-level tests (multiprocess-test.py, pg-restart-test.py, cluster-test.py). Python 3 stdlib only.

They drive a built `iflow` binary against a local PostgreSQL: a fresh database per run, a company and key made with
the CLI, `iflow serve` processes on free loopback ports, and form-encoded API calls.
"""

import json
import base64
import hashlib
import hmac
import http.client
import os
import random
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

CLIENT_TIMEOUT = 15.0


def fail(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def find_psql(explicit=None):
    candidates = [explicit] if explicit else []
    if os.environ.get("IFLOW_PG_BIN"):
        candidates.append(os.path.join(os.environ["IFLOW_PG_BIN"], "psql"))
    candidates.append(shutil.which("psql"))
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    fail("psql not found (pass --psql or set IFLOW_PG_BIN)")


def with_database(url, name):
    """The URL with its database (path) replaced, keeping user, host and query (sslmode)."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def require_local(url):
    host = urllib.parse.urlsplit(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        fail(f"refusing to run against a non-local PostgreSQL ({host})")


class Database:
    """A fresh PostgreSQL database, dropped by `drop()`."""

    def __init__(self, admin_url, psql, prefix):
        require_local(admin_url)
        self.admin_url = admin_url
        self.psql = psql
        self.name = f"{prefix}_{random.getrandbits(48):012x}"
        self.run_admin(f"CREATE DATABASE {self.name}")
        self.url = with_database(admin_url, self.name)

    def run_admin(self, sql):
        subprocess.run([self.psql, self.admin_url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], check=True, capture_output=True, text=True)

    def query(self, sql):
        """Rows of `sql` as lists of strings."""
        result = subprocess.run(
            [self.psql, self.url, "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True
        )
        return [line.split("\t") for line in result.stdout.splitlines() if line]

    def scalar(self, sql):
        return self.query(sql)[0][0]

    def drop(self):
        try:
            self.run_admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        except subprocess.CalledProcessError as error:
            print(f"warning: could not drop {self.name}: {error.stderr.strip()}", file=sys.stderr)


class Cluster:
    """pg_ctl on the cluster in IFLOW_PG_DIR/data (as .ci/pg-start made it), run as the postgres user when root."""

    def __init__(self, pg_bin, pg_dir):
        self.pg_ctl = os.path.join(pg_bin, "pg_ctl")
        self.data = os.path.join(pg_dir, "data")
        self.log = os.path.join(pg_dir, "server.log")
        if not os.access(self.pg_ctl, os.X_OK) or not os.path.isdir(self.data):
            fail(f"no cluster at {self.data} or no pg_ctl in {pg_bin}")
        # The options the cluster was started with (port, socket directory…), to start it again the same way.
        with open(os.path.join(self.data, "postmaster.opts")) as opts:
            words = shlex.split(opts.read())[1:]
        options = []
        while words:
            word = words.pop(0)
            if word == "-D":
                words.pop(0)
            else:
                options.append(word)
        self.options = shlex.join(options)

    def run(self, *arguments):
        command = [self.pg_ctl, "-D", self.data, *arguments]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def restart(self):
        self.run("-m", "fast", "-w", "-t", "60", "-l", self.log, "restart")

    def stop(self):
        self.run("-m", "fast", "-w", "-t", "60", "stop")

    def start(self):
        self.run("-w", "-t", "60", "-l", self.log, "-o", self.options, "start")

    def ensure_running(self):
        try:
            self.run("status")
        except subprocess.CalledProcessError:
            self.start()


def cli(binary, *arguments):
    """Runs an iflow command and returns its standard output, stripped."""
    result = subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        fail(f"`iflow {' '.join(arguments[:2])}` failed: {result.stderr.strip()}")
    return result.stdout.strip()


def company_and_key(binary, url):
    """Migrates, creates a company and an API key with the CLI; returns (company_id, key)."""
    cli(binary, "migrate", "--database", url)
    company = cli(binary, "company", "create", "--name", "Acme Test SRL", "--database", url)
    key = cli(binary, "key", "create", "--company", company, "--label", "test", "--database", url)
    return company, key


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Every process a script starts shares one throwaway data keyring (servers on one database must), and the scripts
# fire bursts on purpose, so the per-key rate limit is off.
os.environ.setdefault(
    "IFLOW_DATA_KEY",
    "lookup:" + base64.b64encode(os.urandom(32)).decode() + " data:" + base64.b64encode(os.urandom(32)).decode(),
)
os.environ.setdefault("IFLOW_RATE_LIMIT", "0")


def lookup(value):
    """The lookup hash the servers store for a CNP or id card (HMAC-SHA256 under the keyring's lookup key)."""
    entry = next(item for item in os.environ["IFLOW_DATA_KEY"].split() if item.startswith("lookup:"))
    key = base64.b64decode(entry[len("lookup:"):])
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


class Server:
    """An `iflow serve` process on a free loopback port; its log goes to a file."""

    def __init__(self, binary, url, pool_size=4, log_dir=None, log_level="warning", port=None):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        log_dir = log_dir or tempfile.mkdtemp(prefix="iflow-serve-")
        self.log_path = os.path.join(log_dir, f"serve-{self.port}.log")
        # Appended to, so a server started again on the same port keeps its predecessor's log.
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            [binary, "serve", "--database", url, "--port", str(self.port), "--pool-size", str(pool_size), "--log-level-name", log_level],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail(f"iflow serve exited with {self.process.returncode}; log: {self.log_path}")
            if health(self.base, timeout=2) == 200:
                return
            time.sleep(0.1)
        fail(f"iflow serve on port {self.port} not healthy after {timeout} s; log: {self.log_path}")

    @property
    def alive(self):
        return self.process.poll() is None

    def stop(self):
        if self.alive:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def health(base, timeout=CLIENT_TIMEOUT):
    """The HTTP status of GET /healthz, or None when there is no reply."""
    try:
        with urllib.request.urlopen(base + "/healthz", timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, urllib.error.URLError):
        return None


class Reply:
    """What came back from one API call. `kind` is "ok" (HTTP 200, no error array), "envelope" (an api_reply with
    an error array, whatever the status), or "bad" (no reply, timeout, or a body that is not the envelope)."""

    def __init__(self, kind, status=None, body=None, detail=""):
        self.kind = kind
        self.status = status
        self.body = body or {}
        self.detail = detail

    @property
    def api_reply(self):
        return self.body.get("api_reply", {}) if isinstance(self.body, dict) else {}

    @property
    def checks(self):
        return [f"{e.get('field_name')}:{e.get('check_name')}" for e in self.api_reply.get("error", [])]

    def __repr__(self):
        return f"Reply({self.kind}, {self.status}, {self.checks or self.detail})"


def post(base, path, fields, timeout=CLIENT_TIMEOUT):
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(base + path, data=data, method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    except (OSError, urllib.error.URLError, http.client.HTTPException) as error:
        # HTTPException: a reply cut short, e.g. a streamed report whose server died.
        return Reply("bad", detail=f"{type(error).__name__}: {error}")
    try:
        body = json.loads(raw)
    except ValueError:
        return Reply("bad", status=status, detail=f"not JSON: {raw[:80]!r}")
    api_reply = body.get("api_reply") if isinstance(body, dict) else None
    if not isinstance(api_reply, dict):
        return Reply("bad", status=status, body=body, detail="no api_reply object")
    if "error" in api_reply:
        errors = api_reply["error"]
        well_formed = isinstance(errors, list) and errors and all(isinstance(e, dict) and "check_name" in e and "message" in e for e in errors)
        return Reply("envelope" if well_formed else "bad", status=status, body=body, detail="" if well_formed else "malformed error array")
    return Reply("ok" if status == 200 else "bad", status=status, body=body)


def cnp(index):
    """A valid CNP, different for every index below 999 * 28 * 300."""
    serial = index % 999 + 1
    county = (index // 999) % 28 + 10
    day_number = index // (999 * 28)
    year, month, day = 1960 + day_number // 336, (day_number // 28) % 12 + 1, day_number % 28 + 1
    body = f"{1 + index % 2}{year % 100:02d}{month:02d}{day:02d}{county:02d}{serial:03d}"
    total = sum(int(d) * int(w) for d, w in zip(body, "279146358279")) % 11
    return body + str(1 if total == 10 else total)


def keep_logs_if(problems, log_dir):
    """Keeps the servers' logs when something failed (and says where), removes them otherwise."""
    if problems:
        print(f"server logs: {log_dir}", file=sys.stderr)
    else:
        shutil.rmtree(log_dir, ignore_errors=True)


def exit_status(problems):
    """Prints the first problems and gives the script's exit status."""
    for problem in problems[:20]:
        print(f"  {problem}", file=sys.stderr)
    return 1 if problems else 0
