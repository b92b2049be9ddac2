#!/usr/bin/env python3
"""Data keys and backups, at the level of whole `iflow` processes on SQLite files.

1. Keys: every command that reads or writes sealed data (serve, migrate, demo, company, key, admin, rotate-data-key,
   copy) refuses a database whose key file is missing or belongs to another installation: a non-zero exit, a message
   naming the key file and the fingerprints' first characters, no key file created, the database file unchanged.
2. Backups: `iflow serve` takes `user/update` calls from four threads (new employees, and updates of one employee per
   thread); meanwhile `iflow backup --to PATH` runs. `iflow restore` refuses the backup with another installation's
   keys (creating nothing) and restores it with its own; a server on the restored file then lists every employee whose
   creation was acknowledged before the backup began, finds each by CNP, and holds for each thread's employee a city
   at least as recent as the last update acknowledged before the backup began.

Usage: scripts/backup-test.py [--binary .build/debug/iflow] [--seconds 8]
Python standard library only; 127.0.0.1 only; every wait is bounded (about a minute in all). Exits 1 on any problem.
"""

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iflowtest  # noqa: E402

# These processes use key files: the shared inline keyring of the other process tests would hide them.
os.environ.pop("IFLOW_DATA_KEY", None)
API = "/api_v2/"
WRITERS = 4


def run(binary, *arguments, key_file, timeout=60):
    environment = dict(os.environ, IFLOW_DATA_KEY_FILE=key_file)
    return subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=timeout, env=environment)


def digest(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def fingerprint_prefixes(text):
    """The first characters of the fingerprints a message names (`lookup 1a2b3c4d…, data 5e6f7a8b…`)."""
    return re.findall(r"\b[0-9a-f]{8}…", text)


def check_refusals(binary, directory, problems):
    """Part 1: a missing key file and another installation's key file are refused by every command."""
    database = os.path.join(directory, "keys.sqlite")
    own_key = os.path.join(directory, "own.datakey")
    result = run(binary, "demo", "--database", database, "--employees", "3", key_file=own_key)
    if result.returncode != 0 or not os.path.exists(own_key):
        problems.append(f"demo on a new database: exit {result.returncode}, key file created: {os.path.exists(own_key)}")
        return
    other_database = os.path.join(directory, "other.sqlite")
    other_key = os.path.join(directory, "other.datakey")
    run(binary, "demo", "--database", other_database, "--employees", "1", key_file=other_key)
    missing_key = os.path.join(directory, "missing.datakey")
    commands = [
        ["serve", "--database", database, "--port", str(iflowtest.free_port())],
        ["migrate", "--database", database],
        ["demo", "--database", database],
        ["company", "list", "--database", database],
        ["key", "create", "--company", "1", "--label", "x", "--database", database],
        ["admin", "list", "--company", "1", "--database", database],
        ["rotate-data-key", "--database", database],
        ["copy", "--from", database, "--to", "postgres://nobody@127.0.0.1:1/none?sslmode=disable"],
    ]
    before = digest(database)
    other_before = digest(other_key)
    for key_file, expected in [(missing_key, "no key file at"), (other_key, "do not belong to this database")]:
        for command in commands:
            result = run(binary, *command, key_file=key_file, timeout=30)
            label = f"`iflow {' '.join(command[:2])}` with {os.path.basename(key_file)}"
            if result.returncode == 0:
                problems.append(f"{label} exited 0")
            if expected not in result.stderr or key_file not in result.stderr:
                problems.append(f"{label} did not say what is wrong: {result.stderr.strip()[:300]!r}")
            if key_file == other_key and len(fingerprint_prefixes(result.stderr)) < 4:
                problems.append(f"{label} did not name both fingerprints: {result.stderr.strip()[:300]!r}")
            if os.path.exists(missing_key):
                problems.append(f"{label} created {missing_key}")
                os.remove(missing_key)
    if digest(database) != before:
        problems.append("a refused command changed the database file")
    if digest(other_key) != other_before:
        problems.append("a refused command changed the other installation's key file")
    result = run(binary, "company", "list", "--database", database, key_file=own_key)
    if result.returncode != 0:
        problems.append(f"the database's own key file was refused afterwards: {result.stderr.strip()[:300]!r}")
    print(f"keys: {len(commands) * 2} refused starts checked")


class Writer(threading.Thread):
    """Creates employees and updates its own one's city, recording when each 200 arrived."""

    def __init__(self, number, base, key, stop, first_index):
        super().__init__(daemon=True)
        self.number, self.base, self.stop = number, base, stop
        self.common = {"api_key": key, "api_language": "en_US"}
        self.next_index = first_index
        self.own_cnp = iflowtest.cnp(first_index)
        self.created = []  # (acknowledged at, cnp)
        self.cities = []  # (acknowledged at, counter)
        self.requests = 0
        self.failed = 0

    def call(self, fields):
        self.requests += 1
        reply = iflowtest.post(self.base, API + "user/update", dict(self.common, update_by="cnp", **fields), timeout=15)
        if reply.kind != "ok":
            self.failed += 1
        return reply.kind == "ok"

    def run(self):
        if not self.call({"update_by_value": self.own_cnp, "full_name": f"Scriitor {self.number}", "city": "0"}):
            return
        self.created.append((time.monotonic(), self.own_cnp))
        counter = 0
        while not self.stop.is_set():
            self.next_index += 1
            cnp = iflowtest.cnp(self.next_index)
            if self.call({"update_by_value": cnp, "full_name": f"Angajat {self.next_index}", "mark_number": str(self.next_index)}):
                self.created.append((time.monotonic(), cnp))
            counter += 1
            if self.call({"update_by_value": self.own_cnp, "city": str(counter)}):
                self.cities.append((time.monotonic(), counter))


def listed_employees(base, key):
    """Every employee of the company by CNP, through user/get_list pages."""
    users, offset = [], 0
    while True:
        reply = iflowtest.post(base, API + "user/get_list", {"api_key": key, "api_language": "en_US", "limit": "1000", "offset": str(offset)})
        if reply.kind != "ok":
            raise RuntimeError(f"user/get_list: {reply}")
        page = reply.api_reply.get("users", [])
        users += page
        offset += len(page)
        if len(page) < 1000:
            return users


def check_backup(binary, directory, seconds, problems):
    """Part 2: a backup taken under write load holds every write acknowledged before it began."""
    database = os.path.join(directory, "live.sqlite")
    key_file = os.path.join(directory, "live.datakey")
    os.environ["IFLOW_DATA_KEY_FILE"] = key_file
    company, key = iflowtest.company_and_key(binary, database)
    server = iflowtest.Server(binary, database, log_dir=directory)
    backup = os.path.join(directory, "backup.sqlite")
    restored = os.path.join(directory, "restored.sqlite")
    stop = threading.Event()
    writers = [Writer(number, server.base, key, stop, 1 + number * 20_000) for number in range(WRITERS)]
    try:
        server.wait_ready()
        for writer in writers:
            writer.start()
        time.sleep(seconds / 2)
        began = time.monotonic()
        result = run(binary, "backup", "--database", database, "--to", backup, key_file=key_file)
        finished = time.monotonic()
        time.sleep(seconds / 2)
    finally:
        stop.set()
        for writer in writers:
            writer.join(timeout=30)
        server.stop()
    if result.returncode != 0:
        problems.append(f"iflow backup exited {result.returncode}: {result.stderr.strip()[:300]!r}")
        return
    created_during = sum(began <= at <= finished for writer in writers for at, _ in writer.created)

    other_key = os.path.join(directory, "stranger.datakey")
    run(binary, "demo", "--database", os.path.join(directory, "stranger.sqlite"), "--employees", "1", key_file=other_key)
    refused = run(binary, "restore", "--from", backup, "--to", restored, key_file=other_key)
    if refused.returncode == 0 or os.path.exists(restored) or "do not belong" not in refused.stderr:
        problems.append(f"restore with another installation's keys: exit {refused.returncode}, {restored} created: {os.path.exists(restored)}")
    result = run(binary, "restore", "--from", backup, "--to", restored, key_file=key_file)
    if result.returncode != 0:
        problems.append(f"iflow restore exited {result.returncode}: {result.stderr.strip()[:300]!r}")
        return

    check = iflowtest.Server(binary, restored, log_dir=directory)
    try:
        check.wait_ready()
        stored = listed_employees(check.base, key)
        by_cnp = {user.get("cnp"): user for user in stored}
        before = [(writer, cnp) for writer in writers for at, cnp in writer.created if at < began]
        for _, cnp in before:
            if cnp not in by_cnp:
                problems.append(f"employee {cnp}, acknowledged before the backup began, is not in the restored database")
        if len(by_cnp) != len(stored):
            problems.append(f"{len(stored) - len(by_cnp)} CNPs are listed twice")
        for writer, cnp in before[:: max(1, len(before) // 50)]:
            reply = iflowtest.post(check.base, API + "user/get_list", {"api_key": key, "api_language": "en_US", "cnp": cnp})
            if reply.kind != "ok" or reply.api_reply.get("total") != "1":
                problems.append(f"CNP {cnp} is not found by its lookup in the restored database: {reply}")
        for writer in writers:
            acknowledged = [counter for at, counter in writer.cities if at < began]
            city = by_cnp.get(writer.own_cnp, {}).get("city")
            if acknowledged and (city is None or int(city) < acknowledged[-1]):
                problems.append(f"writer {writer.number}: city {city} restored, {acknowledged[-1]} acknowledged before the backup")
    finally:
        check.stop()
    requests = sum(writer.requests for writer in writers)
    failed = sum(writer.failed for writer in writers)
    if failed:
        problems.append(f"{failed} of {requests} writes failed")
    print(
        f"backup: {requests} requests, {len(before)} creations acknowledged before the backup began (all checked), "
        f"{created_during} during it ({finished - began:.2f} s), {len(stored)} employees restored, "
        f"{os.path.getsize(backup)} bytes"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/iflow")
    parser.add_argument("--seconds", type=float, default=8, help="length of the write load around the backup")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    directory = tempfile.mkdtemp(prefix="iflow-backup-test-")
    problems = []
    try:
        check_refusals(binary, directory, problems)
        check_backup(binary, directory, arguments.seconds, problems)
    finally:
        if problems:
            print(f"files kept in {directory}", file=sys.stderr)
        else:
            shutil.rmtree(directory, ignore_errors=True)
    return iflowtest.exit_status(problems)


if __name__ == "__main__":
    sys.exit(main())
