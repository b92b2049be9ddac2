"""Fills a company with employees, a month of schedules and of badge scans, and today's attendance, through the API
and a terminal's endpoints, for the browser test.

Usage: browser_seed.py BASE_URL API_KEY YYYY-MM DEVICE_TOKEN
"""

import calendar
import datetime
import json
import sys
import urllib.parse
import urllib.request
import uuid
import zoneinfo

BASE, KEY, MONTH, DEVICE = sys.argv[1:5]
ZONE = zoneinfo.ZoneInfo("Europe/Bucharest")
YEAR, MON = (int(part) for part in MONTH.split("-"))
HOLIDAYS = {(12, 1), (12, 25), (12, 26), (1, 1), (1, 2), (1, 6), (1, 7), (1, 24), (5, 1), (6, 1), (8, 15), (11, 30)}


def cnp(sex, year, month, day, county, serial):
    """A valid CNP: the control digit is the weighted sum modulo 11 (10 becomes 1)."""
    digits = f"{sex}{year % 100:02d}{month:02d}{day:02d}{county:02d}{serial:03d}"
    total = sum(int(d) * int(w) for d, w in zip(digits, "279146358279"))
    control = total % 11
    return digits + str(1 if control == 10 else control)


def iban(account):
    """A valid Romanian IBAN for a 16-character account at bank BTRL."""
    bban = "BTRL" + account
    numeric = "".join(str(int(c, 36)) for c in bban + "RO00")
    return f"RO{98 - int(numeric) % 97:02d}{bban}"


def call(path, fields, files=None):
    boundary = uuid.uuid4().hex
    body = b""
    for name, value in {"api_key": KEY, "api_language": "ro_RO", **fields}.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for name, content in (files or {}).items():
        body += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{name}.csv"\r\n'
            f"Content-Type: text/csv\r\n\r\n"
        ).encode() + content.encode() + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        BASE + "/api/api_v2/" + path, data=body, method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        reply = json.load(response)["api_reply"]
    if "error" in reply:
        sys.exit(f"{path}: {reply['error']}")
    return reply


PEOPLE = [
    ("Andrei Popescu", "Producție", "Operator CNC", 1),
    ("Maria Ionescu", "Producție", "Operator", 2),
    ("Ștefan Țăranu", "Producție", "Sudor", 1),
    ("Elena Dumitrescu", "Producție", "Controlor calitate", 2),
    ("Mihai Stan", "Producție", "Maistru", 1),
    ("Ioana Pop", "Logistică", "Gestionar", 2),
    ("Radu Gheorghe", "Logistică", "Stivuitorist", 1),
    ("Cristina Munteanu", "Logistică", "Operator logistică", 2),
]

def tag(index):
    return f"00047{index:05d}"


def terminal(path, body):
    request = urllib.request.Request(
        BASE + "/api/" + path, data=json.dumps({"access_token": DEVICE, **body}).encode(), method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        reply = json.load(response)["api_reply"]
    if isinstance(reply, dict) and "error" in reply:
        sys.exit(f"{path}: {reply['error']}")
    return reply


employees = []
for index, (name, team, job, sex) in enumerate(PEOPLE):
    number = cnp(sex, 1975 + index * 3, 1 + index, 3 + index * 2, 8 + index, 100 + index)
    call("user/update", {
        "update_by": "cnp", "update_by_value": number, "full_name": name, "team_name": team, "job_title": job,
        "mark_number": f"M-{101 + index}", "id_card": f"BV{480100 + index * 7}", "bank_account": iban(f"{index:04d}000012345678"),
        "city": "Brașov", "county": "Brașov", "employment_date": f"{2015 + index}-03-01", "birth_date": f"{1975 + index * 3}-{1 + index:02d}-{3 + index * 2:02d}",
        "phone_one": f"+40 722 000 1{index:02d}", "contract_number": f"CIM {20 + index}/{2015 + index}", "section": "Hala 1" if index < 5 else "Depozit",
        "rfid_tag": tag(index),
    })
    employees.append(number)

rows = ["user_by,user_by_value,date,type,shifts,break_minutes,overtime,time_off"]
days = calendar.monthrange(YEAR, MON)[1]
for index, number in enumerate(employees):
    for day in range(1, days + 1):
        date = f"{YEAR:04d}-{MON:02d}-{day:02d}"
        weekday = calendar.weekday(YEAR, MON, day)
        holiday = (MON, day) in HOLIDAYS
        week = (day - 1) // 7
        if index == 1 and 15 <= day <= 19:
            rows.append(f"cnp,{number},{date},CO,,,,")
        elif index == 3 and 8 <= day <= 10:
            rows.append(f"cnp,{number},{date},CM,,,,")
        elif index == 5 and day in (3, 4):
            rows.append(f"cnp,{number},{date},D,08:00-16:00,30,,")
        elif index == 6 and day == 22:
            rows.append(f"cnp,{number},{date},EV,,,,")
        elif index == 7 and day == 12:
            rows.append(f"cnp,{number},{date},CFP,,,,")
        elif index == 2 and week % 2 == 1 and weekday < 5 and not holiday:
            rows.append(f"cnp,{number},{date},work,22:00-06:00,30,,")
        elif index == 4 and (holiday or weekday == 5) and day < 28:
            rows.append(f"cnp,{number},{date},work,07:00-15:00,30,,")
        elif weekday < 5 and not holiday:
            overtime = "16:00-18:00" if (index + day) % 9 == 0 else ""
            time_off = "14:00-16:00" if (index + day) % 13 == 0 else ""
            shifts = "08:00-14:00" if time_off else "08:00-16:00"
            rows.append(f"cnp,{number},{date},work,{shifts},30,{overtime},{time_off}")
reply = call("schedule/import", {}, files={"file": "\n".join(rows) + "\n"})
print(f"seeded {len(employees)} employees and {reply['rows']} days of {MONTH}")


def scans_of(row_fields, index, day):
    """Badge scans that follow a work row's shifts: a few minutes early in, a few late out, with the month's lapses."""
    date = datetime.date.fromisoformat(row_fields[2])
    scans = []
    for shift in filter(None, row_fields[4].split(",")):
        start, end = shift.split("-")
        begin = datetime.datetime.combine(date, datetime.time.fromisoformat(start)) - datetime.timedelta(minutes=3 + index)
        finish = datetime.datetime.combine(date, datetime.time.fromisoformat(end)) + datetime.timedelta(minutes=2 + index)
        if finish <= begin + datetime.timedelta(hours=1):
            finish += datetime.timedelta(days=1)
        if index == 1 and day % 7 == 2:
            begin += datetime.timedelta(minutes=25)  # late
        scans.append(begin)
        if not (index == 0 and day == 10):  # a forgotten check-out
            scans.append(finish)
    return scans


now = datetime.datetime.now(ZONE).replace(tzinfo=None)
today = now.date()
batch = []
for row in rows[1:]:
    fields = row.split(",")
    if fields[3] != "work" or not fields[4]:
        continue
    index = employees.index(fields[1])
    for moment in scans_of(fields, index, int(fields[2][8:10])):
        if moment.date() < today:
            batch.append({"date": moment.strftime("%Y-%m-%d"), "time": moment.strftime("%H:%M:%S"), "rfidTag": tag(index), "errorMsg": ""})
stored = terminal("rfid_v2/offline_attendance/store_attendances", {"version": "1", "csv_data": batch})
refused = [row for row in stored if row["error_authenticate"] or row["error_check_in_out"] or row["error_csv"]]
if refused:
    sys.exit(f"store_attendances refused {len(refused)} rows, e.g. {refused[0]}")

# Today: one at work (scanned now), one planned with no scan, one on leave, one who came and went.
for index, fields in [(0, {"shifts": "00:00-24:00"}), (1, {"shifts": "00:00-24:00"}), (3, {"type": "CO"}), (5, {"shifts": "00:00-24:00"})]:
    call("schedule/set_day", {"user_by": "cnp", "user_by_value": employees[index], "date": today.isoformat(), **fields})
terminal("rfid_devices/auto_attendance", {"rfid_tag": tag(0)})
came, went = max(now - datetime.timedelta(hours=3), datetime.datetime.combine(today, datetime.time())), now - datetime.timedelta(minutes=30)
if went > came + datetime.timedelta(minutes=5):
    left = [{"date": m.strftime("%Y-%m-%d"), "time": m.strftime("%H:%M:%S"), "rfidTag": tag(5), "errorMsg": ""} for m in (came, went)]
    terminal("rfid_v2/offline_attendance/store_attendances", {"version": "1", "csv_data": left})
print(f"seeded {len(batch)} scans of {MONTH} and today's attendance")
