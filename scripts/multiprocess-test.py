#!/usr/bin/env python3
"""Two `iflow serve` processes on one PostgreSQL database: uniqueness must hold across processes.

Both start on an empty database at once (their migrations take turns on an advisory lock). Then fires conflicting
requests at both servers at once: `user/update` for the same CNPs with the same team names, then
`schedule/set_day` for the same employee-days. Then checks, through the API and with psql, that there is exactly one
user per CNP and id card (created exactly once), one team per name and one plan per employee-day, and that every request got an
HTTP 200 success. Exits 1 on any violation, 2 when the test itself cannot run.

    scripts/multiprocess-test.py .build/debug/iflow "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
"""

import argparse
import collections
import os
import sys
import tempfile
import threading

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iflowtest  # noqa: E402


def fire(requests):
    """Runs every (base, path, fields) at once, one thread each, released together; returns the replies in order."""
    replies = [None] * len(requests)
    barrier = threading.Barrier(len(requests))

    def worker(index, base, path, fields):
        barrier.wait()
        replies[index] = iflowtest.post(base, path, fields)

    threads = [threading.Thread(target=worker, args=(i, *request)) for i, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return replies


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("iflow", help="path of the iflow binary")
    parser.add_argument("postgres_url", help="a local PostgreSQL URL of a role that may create databases")
    parser.add_argument("--requests", type=int, default=200, help="requests per phase (default 200)")
    parser.add_argument("--cnps", type=int, default=20, help="distinct employees the requests fight over (default 20)")
    parser.add_argument("--teams", type=int, default=5, help="distinct team names (default 5)")
    parser.add_argument("--psql", help="psql binary (default $IFLOW_PG_BIN/psql or PATH)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    psql = iflowtest.find_psql(args.psql)
    database = iflowtest.Database(args.postgres_url, psql, "iflow_mp")
    servers = []
    problems = []
    log_dir = tempfile.mkdtemp(prefix="iflow-mp-")
    try:
        # Both servers start on the empty database at once, so their startup migrations race too.
        servers = [iflowtest.Server(args.iflow, database.url, log_dir=log_dir) for _ in range(2)]
        for server in servers:
            server.wait_ready()
        company, key = iflowtest.company_and_key(args.iflow, database.url)

        cnps = [iflowtest.cnp(7000 + i) for i in range(args.cnps)]
        teams = [f"Echipa {i} Producție" for i in range(args.teams)]
        common = {"api_key": key, "api_language": "en_US"}

        # Phase 1: every employee is created by several requests at once, spread over both servers, with racing team
        # names; a quarter of the requests find the employee by id card instead of CNP.
        id_cards = [f"TM{100000 + i}" for i in range(len(cnps))]
        updates = []
        for i in range(args.requests):
            k = i % len(cnps)
            fields = dict(common, full_name=f"Angajat {k}", cnp=cnps[k], id_card=id_cards[k])
            if i % 4 == 3:
                fields.update(update_by="id_card", update_by_value=id_cards[k])
            else:
                fields.update(update_by="cnp", update_by_value=cnps[k])
            fields["team_name"] = teams[(i // len(cnps)) % len(teams)]
            fields["city"] = f"Oraș {i}"
            updates.append((servers[i % 2].base, "/api_v2/user/update", fields))
        update_replies = fire(updates)

        created = collections.Counter()
        for request, reply in zip(updates, update_replies):
            if reply.kind != "ok":
                problems.append(f"user/update {request[2]['update_by_value']}: {reply}")
            elif reply.api_reply.get("action") == "created":
                created[request[2]["cnp"]] += 1
        for value in cnps:
            if created[value] != 1:
                problems.append(f"CNP {value} reported created {created[value]} times")

        # Phase 2: the same employee-days set by several requests at once, with different shifts.
        days = [(cnps[i], "2025-03-03") for i in range(min(10, len(cnps)))] + [(cnps[0], "2025-03-04")]
        shifts = ["08:00-16:00", "09:00-17:00", "07:00-15:30", "22:00-06:00"]
        plans = []
        for i in range(args.requests):
            value, date = days[i % len(days)]
            fields = dict(common, user_by="cnp", user_by_value=value, date=date, shifts=shifts[i % len(shifts)], break_minutes="30")
            plans.append((servers[(i // 2) % 2].base, "/api_v2/schedule/set_day", fields))
        plan_replies = fire(plans)
        for request, reply in zip(plans, plan_replies):
            if reply.kind != "ok":
                problems.append(f"schedule/set_day {request[2]['user_by_value']} {request[2]['date']}: {reply}")

        # Through the API, from each server.
        for server in servers:
            reply = iflowtest.post(server.base, "/api_v2/user/get_list", dict(common, limit="1000"))
            if reply.kind != "ok":
                problems.append(f"user/get_list on port {server.port}: {reply}")
                continue
            listed = collections.Counter(user.get("cnp") for user in reply.api_reply.get("users", []))
            if reply.api_reply.get("total") != str(len(cnps)) or set(listed) != set(cnps) or max(listed.values()) != 1:
                problems.append(f"user/get_list on port {server.port}: total {reply.api_reply.get('total')}, CNPs {dict(listed)}")
            team_names = collections.Counter(user.get("team_name") for user in reply.api_reply.get("users", []))
            if not set(team_names) <= set(teams):
                problems.append(f"unexpected team names {set(team_names) - set(teams)}")

        # In the database.
        users = int(database.scalar(f"SELECT count(*) FROM users WHERE company_id = {int(company)}"))
        distinct_cnps = int(database.scalar(f"SELECT count(DISTINCT cnp_lookup) FROM users WHERE company_id = {int(company)}"))
        distinct_id_cards = int(database.scalar(f"SELECT count(DISTINCT id_card_lookup) FROM users WHERE company_id = {int(company)}"))
        team_rows = database.query(f"SELECT name, count(*) FROM teams WHERE company_id = {int(company)} GROUP BY name ORDER BY name")
        plan_rows = database.query(
            "SELECT u.cnp_lookup, p.date, count(*), min(p.shifts) FROM day_plans p JOIN users u ON u.id = p.user_id GROUP BY u.cnp_lookup, p.date"
        )
        if users != len(cnps) or distinct_cnps != len(cnps) or distinct_id_cards != len(cnps):
            problems.append(f"{users} users with {distinct_cnps} CNPs and {distinct_id_cards} id cards, expected {len(cnps)}")
        if sorted(name for name, _ in team_rows) != sorted(teams[: min(len(teams), -(-args.requests // len(cnps)))]):
            problems.append(f"teams {team_rows}")
        if any(count != "1" for _, count in team_rows):
            problems.append(f"duplicate teams {team_rows}")
        # CNPs are sealed at rest; the database holds their lookup hashes.
        days = [(iflowtest.lookup(cnp), date) for cnp, date in days]
        if sorted((value, date) for value, date, _, _ in plan_rows) != sorted(days):
            problems.append(f"plans for {sorted((v, d) for v, d, _, _ in plan_rows)}, expected {sorted(days)}")
        if any(count != "1" or stored not in shifts for _, _, count, stored in plan_rows):
            problems.append(f"duplicate or foreign plans {plan_rows}")

        for server in servers:
            if not server.alive:
                problems.append(f"server on port {server.port} died; log: {server.log_path}")
        for server in servers:
            with open(server.log_path) as log:
                internal = [line.strip() for line in log if "internal error" in line]
            if internal:
                problems.append(f"server on port {server.port} logged {len(internal)} internal errors, e.g. {internal[0]}")

        ok = sum(reply.kind == "ok" for reply in update_replies + plan_replies)
        total = len(update_replies) + len(plan_replies)
        verdict = "FAIL" if problems else "PASS"
        print(
            f"multiprocess: 2 servers, {total} concurrent requests, {ok} ok; users {users}/{len(cnps)}, "
            f"teams {len(team_rows)}, day plans {len(plan_rows)}/{len(days)}: {verdict}"
        )
    finally:
        for server in servers:
            server.stop()
        if not args.keep:
            database.drop()
        iflowtest.keep_logs_if(problems, log_dir)

    return iflowtest.exit_status(problems)


if __name__ == "__main__":
    sys.exit(main())
