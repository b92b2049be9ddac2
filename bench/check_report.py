#!/usr/bin/env python3
"""Checks that a benchmarked work-schedule report is whole: check_report.py FILE EMPLOYEES INCLUDE_DAYS.

Every employee is listed once, with the day list when asked for, and the month's hours add up to something real:
a fast reply that lost rows would otherwise look like a good result.
"""
import json
import sys

path, employees, include_days = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
with open(path, "rb") as handle:
    reply = json.load(handle)["api_reply"]
users = reply.get("users")
if users is None:
    raise SystemExit(f"{path}: not a report: {str(reply)[:300]}")
if len(users) != employees or len({u["user_id"] for u in users}) != employees:
    raise SystemExit(f"{path}: {len(users)} employees listed, expected {employees}")
total = sum(float(u["totals"]["total"]) for u in users)
night = sum(float(u["totals"]["regular_night"]) for u in users)
if not (total > employees * 100 and night > 0):
    raise SystemExit(f"{path}: implausible totals: total {total}, regular_night {night}")
if include_days:
    days = {len(u.get("days", [])) for u in users}
    planned = sum(1 for u in users for d in u["days"] if d["type"] is not None)
    if len(days) != 1 or planned < employees * 20:
        raise SystemExit(f"{path}: day lists of lengths {days}, {planned} planned days")
elif any("days" in u for u in users):
    raise SystemExit(f"{path}: days listed although include_days=0")
