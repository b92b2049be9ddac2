#!/usr/bin/env python3
"""Checks that a benchmarked compliance/get_warnings reply is real: check_warnings.py FILE EMPLOYEES.

Every rule is checked, the employees listed are distinct and of the company, and the month's uncompensated overtime
(bench/gen.py plans overtime and no time off for a quarter of the days) shows: a fast reply that found nothing would
otherwise look like a good result. Prints the number of employees listed and of warnings.
"""
import json
import sys

path, employees = sys.argv[1], int(sys.argv[2])
with open(path, "rb") as handle:
    reply = json.load(handle)["api_reply"]
users, checked = reply.get("users"), reply.get("rules_checked")
if users is None or checked is None:
    raise SystemExit(f"{path}: not a warnings reply: {str(reply)[:300]}")
rules = {r["rule"] for r in checked}
if len(rules) != 13:
    raise SystemExit(f"{path}: {len(rules)} rules checked, expected all 13")
if not users or len(users) > employees or len({u["user_id"] for u in users}) != len(users):
    raise SystemExit(f"{path}: {len(users)} employees listed of {employees}")
warnings = [w for u in users for w in u["warnings"]]
if any(w["rule"] not in rules for w in warnings) or not any(w["rule"] == "overtime_compensation" for w in warnings):
    raise SystemExit(f"{path}: implausible warnings: {sorted({w['rule'] for w in warnings})}")
print(len(users), len(warnings))
