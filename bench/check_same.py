#!/usr/bin/env python3
"""Compares a locked month's reply with the computed one of the same month: check_same.py COMPUTED LOCKED.

Both are JSON replies with `users` (user/get_work_schedule or report/get_collective_sheet). Every employee must be
listed in both with the same totals, or the stored figures are not the month's; prints `true` when the two replies
are byte-identical (nothing changed between them), `false` when only their totals agree.
"""
import json
import sys


def totals(path):
    with open(path, "rb") as handle:
        users = json.load(handle)["api_reply"]["users"]
    return {user["user_id"]: user["totals"] for user in users}


computed_path, locked_path = sys.argv[1:3]
computed, locked = totals(computed_path), totals(locked_path)
if computed.keys() != locked.keys():
    raise SystemExit(f"{locked_path}: {len(locked)} employees, the computed reply has {len(computed)}")
differing = [user for user in computed if computed[user] != locked[user]]
if differing:
    user = differing[0]
    raise SystemExit(f"{locked_path}: {len(differing)} employees' totals differ, e.g. {user}: {locked[user]} vs {computed[user]}")
with open(computed_path, "rb") as first, open(locked_path, "rb") as second:
    print("true" if first.read() == second.read() else "false")
