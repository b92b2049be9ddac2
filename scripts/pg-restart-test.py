#!/usr/bin/env python3
"""PostgreSQL goes away under load; `iflow serve` must answer every request and recover by itself.

Starts one `iflow serve` on a fresh database and sends a bounded stream of `user/update` requests (distinct CNPs, a
few at a time) while PostgreSQL is first restarted (`pg_ctl restart -m fast`) and later stopped for a few seconds and
started again. Checks that
  - every request got an HTTP 200 success or a JSON error envelope within the client timeout (no hang),
  - the server process is still alive (no crash),
  - GET /healthz answered 503 while PostgreSQL was down and 200 afterwards,
  - requests after PostgreSQL is back succeed, without restarting the server,
  - every CNP acknowledged with a 200 success is in the database.
Exits 1 on any violation, 2 when the test itself cannot run. Needs the cluster's data directory and binaries, as
.ci/pg-start exports them (IFLOW_PG_DIR, IFLOW_PG_BIN), and runs pg_ctl as the postgres user when run as root.

    eval "$(.ci/pg-start)"; scripts/pg-restart-test.py .build/debug/iflow "$IFLOW_TEST_POSTGRES_URL"
"""

import argparse
import os
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iflowtest  # noqa: E402


class HealthWatch(threading.Thread):
    """Polls /healthz and remembers (time, status)."""

    def __init__(self, base):
        super().__init__(daemon=True)
        self.base = base
        self.samples = []
        self.durations = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            start = time.monotonic()
            status = iflowtest.health(self.base)
            self.samples.append((start, status))
            self.durations.append((start, time.monotonic() - start, status))
            time.sleep(0.05)

    def statuses(self, start, end):
        return {status for at, status in self.samples if start <= at <= end}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("iflow", help="path of the iflow binary")
    parser.add_argument("postgres_url", help="a local PostgreSQL URL of a role that may create databases")
    parser.add_argument("--requests", type=int, default=2000, help="user/update requests in the stream (default 2000)")
    parser.add_argument("--seconds", type=float, default=20, help="how long the stream lasts (default 20)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight at once (default 8)")
    parser.add_argument("--down-seconds", type=float, default=3, help="how long PostgreSQL stays stopped (default 3)")
    parser.add_argument("--pg-bin", default=os.environ.get("IFLOW_PG_BIN"), help="default $IFLOW_PG_BIN")
    parser.add_argument("--pg-dir", default=os.environ.get("IFLOW_PG_DIR"), help="default $IFLOW_PG_DIR")
    parser.add_argument("--psql", help="psql binary (default $IFLOW_PG_BIN/psql or PATH)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--log-level", default="warning", help="the server's log level (default warning)")
    parser.add_argument("--client-timeout", type=float, default=iflowtest.CLIENT_TIMEOUT, help="seconds a request may take (default 15)")
    args = parser.parse_args()
    if not args.pg_bin or not args.pg_dir:
        iflowtest.fail("IFLOW_PG_BIN and IFLOW_PG_DIR (from .ci/pg-start) are needed to restart PostgreSQL")

    cluster = iflowtest.Cluster(args.pg_bin, args.pg_dir)
    psql = iflowtest.find_psql(args.psql or os.path.join(args.pg_bin, "psql"))
    database = iflowtest.Database(args.postgres_url, psql, "iflow_restart")
    server = None
    watch = None
    problems = []
    log_dir = tempfile.mkdtemp(prefix="iflow-restart-")
    try:
        _, key = iflowtest.company_and_key(args.iflow, database.url)
        server = iflowtest.Server(args.iflow, database.url, log_dir=log_dir, log_level=args.log_level)
        server.wait_ready()
        watch = HealthWatch(server.base)
        watch.start()

        common = {"api_key": key, "api_language": "en_US"}
        cnps = [iflowtest.cnp(100_000 + i) for i in range(args.requests)]
        results = [None] * len(cnps)
        durations = [0.0] * len(cnps)
        starts = [0.0] * len(cnps)
        next_index = [0]
        lock = threading.Lock()
        started = time.monotonic()
        interval = args.seconds / len(cnps)

        def worker():
            while True:
                with lock:
                    index = next_index[0]
                    next_index[0] += 1
                if index >= len(cnps):
                    return
                # Paced: request i starts no earlier than i * interval.
                delay = started + index * interval - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                fields = dict(common, update_by="cnp", update_by_value=cnps[index], full_name=f"Angajat {index}", team_name=f"Echipa {index % 7}")
                before = starts[index] = time.monotonic()
                results[index] = iflowtest.post(server.base, "/api_v2/user/update", fields, timeout=args.client_timeout)
                durations[index] = time.monotonic() - before

        workers = [threading.Thread(target=worker) for _ in range(args.concurrency)]
        for thread in workers:
            thread.start()

        # A quick restart at a quarter of the stream, an outage at half of it.
        time.sleep(args.seconds * 0.25)
        cluster.restart()
        restarted = time.monotonic()
        time.sleep(max(0.0, started + args.seconds * 0.5 - time.monotonic()))
        cluster.stop()
        down = time.monotonic()
        time.sleep(args.down_seconds)
        down_until = time.monotonic()
        cluster.start()
        up = time.monotonic()

        for thread in workers:
            thread.join()
        stream_end = time.monotonic()

        # After the stream: the server, not restarted, serves again.
        after_cnps = [iflowtest.cnp(200_000 + i) for i in range(50)]
        after = []
        for i, value in enumerate(after_cnps):
            fields = dict(common, update_by="cnp", update_by_value=value, full_name=f"După {i}")
            after.append(iflowtest.post(server.base, "/api_v2/user/update", fields))
        time.sleep(0.3)
        watch.stopping.set()
        watch.join()

        kinds = {kind: sum(r.kind == kind for r in results) for kind in ("ok", "envelope", "bad")}
        for index, reply in enumerate(results):
            if reply.kind == "bad":
                problems.append(f"request {index} sent at {starts[index] - started:.2f} s: {reply} after {durations[index]:.1f} s")
        if max(durations) >= args.client_timeout:
            problems.append(f"a request took {max(durations):.1f} s")
        failed_after = [reply for reply in after if reply.kind != "ok"]
        if failed_after:
            problems.append(f"{len(failed_after)} of {len(after)} requests after recovery failed, e.g. {failed_after[0]}")
        if not server.alive:
            problems.append(f"the server died (exit {server.process.returncode}); log: {server.log_path}")
        down_statuses = watch.statuses(down + 0.2, down_until)
        if down_statuses != {503}:
            problems.append(f"/healthz answered {down_statuses} while PostgreSQL was down, expected only 503")
            slow = [(round(at - started, 2), round(took, 2), status) for at, took, status in watch.durations if took > 0.5]
            problems.append(f"slow /healthz calls (sent at, took, status): {slow}")
        final_health = iflowtest.health(server.base)
        if final_health != 200:
            problems.append(f"/healthz answers {final_health} after recovery")
        recovered_at = next((at for at, status in watch.samples if at > up and status == 200), None)

        acknowledged = {cnps[i] for i, reply in enumerate(results) if reply.kind == "ok"}
        acknowledged |= {after_cnps[i] for i, reply in enumerate(after) if reply.kind == "ok"}
        # CNPs are sealed at rest; the database holds their lookup hashes.
        by_lookup = {iflowtest.lookup(cnp): cnp for cnp in cnps + after_cnps}
        stored = {by_lookup.get(row[0], row[0]) for row in database.query("SELECT cnp_lookup FROM users")}
        lost = acknowledged - stored
        if lost:
            problems.append(f"{len(lost)} CNPs acknowledged with 200 are not in the database, e.g. {sorted(lost)[:3]}")
        unacknowledged_but_stored = len(stored - acknowledged)
        errors_by_check = {}
        for reply in results:
            if reply.kind == "envelope":
                label = f"{reply.status} {','.join(reply.checks)}"
                errors_by_check[label] = errors_by_check.get(label, 0) + 1
        verdict = "FAIL" if problems else "PASS"
        recovery = f"{recovered_at - up:.2f} s" if recovered_at else "never"
        print(
            f"pg-restart: {len(results)} requests in {stream_end - started:.1f} s: {kinds['ok']} ok, {kinds['envelope']} error envelopes "
            f"{errors_by_check or ''}, {kinds['bad']} bad; slowest {max(durations):.2f} s; restart at {restarted - started:.1f} s, "
            f"down {down - started:.1f}-{up - started:.1f} s, /healthz 200 again {recovery} after start; "
            f"{len(after)}/{len(after)} after: {len(after) - len(failed_after)} ok; acknowledged {len(acknowledged)}, "
            f"stored {len(stored)} (+{unacknowledged_but_stored} stored without a 200): {verdict}"
        )
    finally:
        if watch:
            watch.stopping.set()
        cluster.ensure_running()
        if server:
            server.stop()
        if not args.keep:
            database.drop()
        iflowtest.keep_logs_if(problems, log_dir)

    return iflowtest.exit_status(problems)


if __name__ == "__main__":
    sys.exit(main())
