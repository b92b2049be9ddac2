#!/usr/bin/env python3
"""Stopping a server: SIGTERM under a write load loses nothing and cuts no reply; `serve --demo` shows its secrets at once.

1. For each backend (a fresh SQLite file; also a fresh PostgreSQL database when IFLOW_TEST_POSTGRES_URL is set) and
   each round: start `iflow serve`, have threads send `user/update` requests that create employees with distinct
   CNPs, each on a new connection, send SIGTERM in the middle of the load, and then:
   - the server exits with status 0 within its --shutdown-timeout and a margin;
   - every reply that began to arrive is a whole HTTP response whose body is the JSON envelope (a connection refused,
     or reset before the first byte of a reply, was never served: its write may or may not be there);
   - started again on the same database, every acknowledged write is there (`user/get_list` by CNP).
   Some requests must be in flight when the signal comes, and their replies finish after it.
2. A request still arriving when the time is up (a client that sent half its headers) does not hold the stop past
   --shutdown-timeout.
3. `iflow serve --demo` with standard output on a pipe: the API key, the administrator's e-mail and password arrive
   while the server runs (not when it exits); the password signs in through the web form, the key answers the API,
   `GET /` leads to the web administration, and `GET /metrics` is served on --metrics-port only.

Usage: scripts/sigterm-test.py [--binary .build/debug/iflow] [--rounds 3] [--backend sqlite|postgres|all]
Python standard library only; talks to 127.0.0.1 only; every loop is bounded in count and time (about a minute).
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iflowtest  # noqa: E402  (beside this script)

SHUTDOWN_TIMEOUT = 10
MARGIN = 5
THREADS = 6


def raw_request(port, method, path, body=b"", headers=None, timeout=iflowtest.CLIENT_TIMEOUT):
    """One request on a new connection. Returns (outcome, status, headers, body, finished_at) where outcome is
    "refused" (no connection), "unserved" (the connection ended before any byte of a reply), "cut" (part of a reply),
    or "whole" (a complete response, its body as long as Content-Length says)."""
    try:
        connection = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except (ConnectionRefusedError, ConnectionResetError):
        # A reset during the handshake: the listener closed with this connection in its backlog, before any request.
        return "refused", None, {}, b"", time.monotonic()
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    received = b""
    try:
        with connection:
            connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                received += chunk
    except (ConnectionResetError, BrokenPipeError):
        pass
    except socket.timeout:
        return "cut" if received else "unserved", None, {}, received, time.monotonic()
    finished = time.monotonic()
    if not received:
        return "unserved", None, {}, b"", finished
    head, separator, content = received.partition(b"\r\n\r\n")
    if not separator:
        return "cut", None, {}, received, finished
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    fields = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        # Set-Cookie comes once per cookie: keep them all, one per line.
        fields[name] = fields[name] + "\n" + value.strip() if name in fields else value.strip()
    status = int(status_line.split()[1])
    if "content-length" in fields and len(content) != int(fields["content-length"]):
        return "cut", status, fields, content, finished
    return "whole", status, fields, content, finished


def form(fields):
    return urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"}


def get_list_by_cnp(base, key, value):
    return iflowtest.post(base, "/api_v2/user/get_list", {"api_key": key, "api_language": "en_US", "cnp": value})


def sigterm_round(binary, url, round_number, log_dir, problems, totals):
    """One round of writes, SIGTERM, restart and read-back; adds to `totals`."""
    _, key = iflowtest.company_and_key(binary, url)
    server = iflowtest.Server(binary, url, log_dir=log_dir, log_level="info")
    server.wait_ready()
    acknowledged = []
    replies = []
    lock = threading.Lock()
    stop_sending = threading.Event()
    signalled = {}

    def writer(thread):
        for sequence in range(100_000):
            if stop_sending.is_set():
                return
            index = (round_number * THREADS + thread) * 20_000 + sequence
            value = iflowtest.cnp(index)
            body, headers = form(
                {"api_key": key, "api_language": "en_US", "update_by": "cnp", "update_by_value": value, "full_name": f"Angajat {index}"}
            )
            started = time.monotonic()
            outcome, status, _, content, finished = raw_request(server.port, "POST", "/api_v2/user/update", body, headers)
            with lock:
                replies.append((outcome, started, finished))
            if outcome == "refused":
                return
            if outcome == "cut":
                problems.append(f"round {round_number}: a reply was cut mid-way ({len(content)} bytes, status {status})")
                continue
            if outcome != "whole":
                continue
            try:
                reply = json.loads(content)["api_reply"]
            except (ValueError, KeyError, TypeError):
                problems.append(f"round {round_number}: a whole reply is not the JSON envelope: {content[:80]!r}")
                continue
            if status == 200 and reply.get("action") == "created":
                with lock:
                    acknowledged.append(value)
            else:
                problems.append(f"round {round_number}: unexpected reply {status}: {content[:120]!r}")

    threads = [threading.Thread(target=writer, args=(number,), daemon=True) for number in range(THREADS)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    signalled["at"] = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    try:
        status = server.process.wait(timeout=SHUTDOWN_TIMEOUT + MARGIN)
    except subprocess.TimeoutExpired:
        problems.append(f"round {round_number}: still running {SHUTDOWN_TIMEOUT + MARGIN} s after SIGTERM")
        server.process.kill()
        status = server.process.wait()
    stopped_after = time.monotonic() - signalled["at"]
    stop_sending.set()
    for thread in threads:
        thread.join(timeout=iflowtest.CLIENT_TIMEOUT + 5)
    server.log.close()
    if status != 0:
        problems.append(f"round {round_number}: exit status {status} after SIGTERM, not 0")

    in_flight = sum(1 for outcome, started, finished in replies if outcome == "whole" and started < signalled["at"] < finished)
    totals["requests"] += len(replies)
    totals["acknowledged"] += len(acknowledged)
    totals["in_flight"] += in_flight
    totals["unserved"] += sum(1 for outcome, _, _ in replies if outcome == "unserved")
    totals["stop_seconds"] = max(totals["stop_seconds"], stopped_after)

    again = iflowtest.Server(binary, url, log_dir=log_dir, log_level="warning")
    try:
        again.wait_ready()
        for value in acknowledged:
            found = get_list_by_cnp(again.base, key, value)
            if found.kind != "ok" or found.api_reply.get("total") != "1":
                problems.append(f"round {round_number}: acknowledged employee {value} is missing after restart ({found})")
    finally:
        again.stop()


def slow_client_round(binary, url, log_dir, problems):
    """A request whose headers never finish must not hold the stop past --shutdown-timeout."""
    timeout = 2
    port = iflowtest.free_port()
    log = open(os.path.join(log_dir, f"serve-slow-{port}.log"), "a")
    process = subprocess.Popen(
        [binary, "serve", "--database", url, "--port", str(port), "--shutdown-timeout", str(timeout)], stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while iflowtest.health(base, timeout=2) != 200 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    slow = socket.create_connection(("127.0.0.1", port))
    slow.sendall(b"POST /api_v2/user/update HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\napi_key=")
    time.sleep(0.3)
    sent = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout + MARGIN)
        elapsed = time.monotonic() - sent
        if elapsed > timeout + MARGIN:
            problems.append(f"slow client: the stop took {elapsed:.1f} s with --shutdown-timeout {timeout}")
    except subprocess.TimeoutExpired:
        problems.append(f"slow client: still running {timeout + MARGIN} s after SIGTERM with --shutdown-timeout {timeout}")
        process.kill()
        process.wait()
    slow.close()
    log.close()
    return process.returncode


def demo_round(binary, directory, log_dir, problems):
    """`serve --demo` on a pipe: the secrets arrive while it runs and work."""
    port, metrics_port = iflowtest.free_port(), iflowtest.free_port()
    database = os.path.join(directory, "demo.sqlite")
    log = open(os.path.join(log_dir, "serve-demo.log"), "a")
    process = subprocess.Popen(
        [binary, "serve", "--demo", "--demo-employees", "5", "--database", database, "--port", str(port), "--metrics-port", str(metrics_port)],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    printed = {}
    patterns = {
        "key": r"API key \(shown only now\): (\S+)",
        "email": r"^\s*e-mail: (\S+)",
        "password": r"password \(shown only now\): (\S+)",
    }

    def read_lines():
        for line in process.stdout:
            for name, pattern in patterns.items():
                match = re.search(pattern, line)
                if match:
                    printed[name] = match.group(1)

    reader = threading.Thread(target=read_lines, daemon=True)
    reader.start()
    deadline = time.monotonic() + 90
    while len(printed) < len(patterns) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    try:
        if len(printed) < len(patterns):
            problems.append(f"demo: while serving, standard output gave only {sorted(printed)} of {sorted(patterns)}")
            return
        base = f"http://127.0.0.1:{port}"
        while iflowtest.health(base, timeout=2) != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        listed = iflowtest.post(base, "/api_v2/user/get_list", {"api_key": printed["key"], "api_language": "en_US"})
        if listed.kind != "ok" or listed.api_reply.get("total") != "5":
            problems.append(f"demo: the printed API key does not list the 5 demo employees ({listed})")
        outcome, status, headers, _, _ = raw_request(port, "GET", "/")
        if (outcome, status, headers.get("location")) != ("whole", 303, "/admin"):
            problems.append(f"demo: GET / answers {outcome} {status} {headers.get('location')}, not a redirect to /admin")
        sign_in(port, printed["email"], printed["password"], problems)
        outcome, status, headers, content, _ = raw_request(metrics_port, "GET", "/metrics")
        if status != 200 or b'iflow_http_requests_total{endpoint="/api_v2/user/get_list",status="200"}' not in content:
            problems.append(f"demo: GET /metrics on --metrics-port answers {status} without the request counter")
        outcome, status, _, _, _ = raw_request(port, "GET", "/metrics")
        if status != 404:
            problems.append(f"demo: GET /metrics on the public port answers {status}, not 404")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            if process.wait(timeout=SHUTDOWN_TIMEOUT + MARGIN) != 0:
                problems.append(f"demo: exit status {process.returncode} after SIGTERM, not 0")
        except subprocess.TimeoutExpired:
            problems.append("demo: still running after SIGTERM")
            process.kill()
            process.wait()
        log.close()


def sign_in(port, email, password, problems):
    """The web form's sign-in with the printed password: a session cookie and a redirect into the administration."""
    outcome, status, headers, content, _ = raw_request(port, "GET", "/admin/sign-in")
    token = re.search(rb'name="csrf_token" value="([^"]+)"', content)
    cookie = re.match(r"(iflow_signin=[^;]+)", headers.get("set-cookie", ""))
    if status != 200 or not token or not cookie:
        problems.append(f"demo: the sign-in page answers {status} without its form token or cookie")
        return
    body, form_headers = form({"csrf_token": token.group(1).decode(), "email": email, "password": password})
    outcome, status, headers, _, _ = raw_request(port, "POST", "/admin/sign-in", body, {**form_headers, "Cookie": cookie.group(1)})
    if status != 303 or "iflow_session=" not in headers.get("set-cookie", ""):
        problems.append(f"demo: signing in with the printed e-mail and password answers {status}, without a session")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/iflow")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "all"], default="all")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    if not os.access(binary, os.X_OK):
        iflowtest.fail(f"{binary} is not an executable; build it first (swift build --product iflow)")
    postgres_url = os.environ.get("IFLOW_TEST_POSTGRES_URL", "")
    log_dir = tempfile.mkdtemp(prefix="iflow-sigterm-")
    directory = tempfile.mkdtemp(prefix="iflow-sigterm-db-")
    problems = []
    try:
        backends = []
        if arguments.backend in ("sqlite", "all"):
            backends.append(("sqlite", None))
        if arguments.backend in ("postgres", "all") and postgres_url:
            backends.append(("postgres", postgres_url))
        for name, admin_url in backends:
            totals = {"requests": 0, "acknowledged": 0, "in_flight": 0, "unserved": 0, "stop_seconds": 0.0}
            database = iflowtest.Database(admin_url, iflowtest.find_psql(), "iflow_sigterm") if admin_url else None
            url = database.url if database else os.path.join(directory, f"{name}.sqlite")
            try:
                for round_number in range(arguments.rounds):
                    sigterm_round(binary, url, round_number, log_dir, problems, totals)
                slow_status = slow_client_round(binary, url, log_dir, problems)
            finally:
                if database:
                    database.drop()
            if totals["in_flight"] == 0:
                problems.append(f"{name}: no request was in flight at any SIGTERM; the test proved nothing about draining")
            print(
                f"sigterm {name}: {arguments.rounds} rounds, {totals['requests']} requests, {totals['acknowledged']} acknowledged and "
                f"found after restart, {totals['in_flight']} finished after the signal, {totals['unserved']} never served, slowest stop "
                f"{totals['stop_seconds']:.2f} s; slow client: exit {slow_status}"
            )
        demo_round(binary, directory, log_dir, problems)
        print("demo: key, administrator and password read from the pipe while serving, signed in" if not problems else "demo: see below")
    finally:
        shutil.rmtree(directory, ignore_errors=True)
        iflowtest.keep_logs_if(problems, log_dir)
    return iflowtest.exit_status(problems)


if __name__ == "__main__":
    sys.exit(main())
