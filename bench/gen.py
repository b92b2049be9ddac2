#!/usr/bin/env python3
"""Generates the benchmark's inputs: request bodies for wrk and schedule CSV files for schedule/import.

Everything is deterministic (a fixed seed), so two runs load the same data.

    gen.py users OUT_DIR KEY COUNT          users-create.txt, users-update.txt, cnps.txt
    gen.py schedule OUT_DIR CNPS YEAR MONTH DAYS ROWS_PER_FILE PREFIX
    gen.py long_schedule FILE CNPS FIRST WEEKDAYS  one CSV of WEEKDAYS weekdays from FIRST (YYYY-MM-DD) for everyone
    gen.py reports OUT_DIR KEY CNPS YEAR MONTH   report-one.txt (one employee per body)
    gen.py scans OUT_DIR PLANS COMPANY BACKEND    scans.csv: a check-in and a check-out around each planned work day
                                                 of PLANS (user_id|date|shifts lines), as rows of the scans table
    gen.py badges OUT_DIR TOKEN IDS DATE          auto-attendance.txt (one badge B<id> per body) and offline-batch.json
                                                 (every badge once on DATE, as an offline terminal's csv_data)
"""
import calendar
import datetime
import json
import os
import random
import sys
import urllib.parse
import zoneinfo

WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]
COUNTIES = list(range(1, 49)) + [51, 52]
FIRST_NAMES = ["Ion", "Maria", "Andrei", "Elena", "Mihai", "Ioana", "Ștefan", "Ana", "Gheorghe", "Cristina", "Radu", "Alexandra"]
LAST_NAMES = ["Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghiu", "Rusu", "Munteanu", "Matei", "Constantin", "Șerban"]
TEAMS = ["Producție", "Logistică", "Vânzări", "Mentenanță", "Calitate", "Administrativ", "IT", "Achiziții"]
CITIES = ["București", "Cluj-Napoca", "Iași", "Timișoara", "Brașov", "Constanța", "Craiova", "Sibiu"]
JOBS = ["Operator", "Tehnician", "Inginer", "Contabil", "Manager", "Șofer", "Magaziner", "Analist"]
BANKS = ["BTRL", "RNCB", "BRDE", "INGB", "RZBR", "CECE"]


def cnp(rng):
    """A valid CNP of someone born in Romania in 1960–1999."""
    sex = rng.choice([1, 2])
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(40 * 365))
    body = f"{sex}{born.year % 100:02d}{born.month:02d}{born.day:02d}{rng.choice(COUNTIES):02d}{rng.randrange(1, 1000):03d}"
    remainder = sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11
    return body + str(1 if remainder == 10 else remainder), born


def iban(rng):
    """A Romanian IBAN with valid check digits (mod 97)."""
    bban = rng.choice(BANKS) + "".join(rng.choice("0123456789") for _ in range(16))
    numeric = "".join(str(int(c, 36)) for c in bban + "RO00")
    return f"RO{98 - int(numeric) % 97:02d}{bban}"


def form(fields):
    return urllib.parse.urlencode(fields)


def users(out, key, count):
    rng = random.Random(20250501)
    seen = set()
    people = []
    while len(people) < count:
        number, born = cnp(rng)
        if number in seen:
            continue
        seen.add(number)
        people.append((number, born))
    with open(os.path.join(out, "cnps.txt"), "w") as cnps, \
            open(os.path.join(out, "users-create.txt"), "w") as create, \
            open(os.path.join(out, "users-update.txt"), "w") as update:
        for index, (number, born) in enumerate(people):
            cnps.write(number + "\n")
            common = {
                "api_key": key,
                "api_language": "en_US",
                "update_by": "cnp",
                "update_by_value": number,
                "full_name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "team_name": TEAMS[index % len(TEAMS)],
                "id_card": f"RX{index:06d}",
                "bank_account": iban(rng),
                "birth_date": born.isoformat(),
                "employment_date": "2020-01-%02d" % (1 + index % 28),
                "mark_number": f"M{index:05d}",
                "contract_number": f"CIM-{index}",
                "county": "Brașov",
            }
            create.write(form({**common, "job_title": rng.choice(JOBS), "city": rng.choice(CITIES)}) + "\n")
            update.write(form({**common, "job_title": rng.choice(JOBS) + " principal", "city": rng.choice(CITIES),
                               "phone_one": f"07{rng.randrange(10**8):08d}"}) + "\n")


def csv_field(value):
    return f'"{value}"' if "," in value or '"' in value else value


def plan_row(rng, pattern, number, date):
    """One employee-day of the patterns the benchmark plans: day, afternoon and night shifts, overtime, leave."""
    roll = rng.random()
    if roll < 0.03:
        return ["cnp", number, date.isoformat(), "CO", "", "0", "", ""]
    if pattern == 0:
        return ["cnp", number, date.isoformat(), "work", "08:00-16:30", "30", "16:30-18:30" if roll < 0.25 else "", ""]
    if pattern == 1 and roll > 0.95:
        return ["cnp", number, date.isoformat(), "work", "08:00-12:00,13:00-15:00", "0", "", "15:00-17:00"]
    if pattern == 1:
        return ["cnp", number, date.isoformat(), "work", "08:00-12:00,13:00-17:00", "0", "", ""]
    if pattern == 2:
        return ["cnp", number, date.isoformat(), "work", "14:00-22:00", "20", "22:00-23:30" if roll < 0.2 else "", ""]
    return ["cnp", number, date.isoformat(), "work", "22:00-06:00", "30", "20:00-22:00" if roll < 0.3 else "", ""]


def long_schedule(path, cnps_path, first, weekdays):
    """One file of WEEKDAYS weekdays from FIRST for every employee, day by day: 10,000 employees x 100 days is the
    1,000,000-row import that shows the server's memory does not grow with the file."""
    rng = random.Random(1_000_000)
    cnps = [line.strip() for line in open(cnps_path) if line.strip()]
    dates, day = [], datetime.date.fromisoformat(first)
    while len(dates) < weekdays:
        if day.weekday() < 5:
            dates.append(day)
        day += datetime.timedelta(days=1)
    with open(path, "w") as handle:
        handle.write("user_by,user_by_value,date,type,shifts,break_minutes,overtime,time_off\n")
        for date in dates:
            for index, number in enumerate(cnps):
                handle.write(",".join(csv_field(v) for v in plan_row(rng, index % 4, number, date)) + "\n")


def schedule(out, cnps_path, year, month, days, rows_per_file, prefix):
    """A month (or its first DAYS weekdays) of plans: day, afternoon and night shifts, overtime, leave."""
    rng = random.Random(year * 100 + month)
    cnps = [line.strip() for line in open(cnps_path) if line.strip()]
    last = calendar.monthrange(year, month)[1]
    weekdays = [datetime.date(year, month, d) for d in range(1, last + 1) if datetime.date(year, month, d).weekday() < 5]
    weekdays = weekdays[:days] if days else weekdays
    header = "user_by,user_by_value,date,type,shifts,break_minutes,overtime,time_off\n"
    files, written, handle = [], 0, None
    for index, number in enumerate(cnps):
        for date in weekdays:
            if handle is None or written == rows_per_file:
                if handle:
                    handle.close()
                path = os.path.join(out, f"{prefix}-{len(files) + 1}.csv")
                files.append(path)
                handle = open(path, "w")
                handle.write(header)
                written = 0
            row = plan_row(rng, index % 4, number, date)
            handle.write(",".join(csv_field(v) for v in row) + "\n")
            written += 1
    if handle:
        handle.close()
    print("\n".join(files))


def reports(out, key, cnps_path, year, month):
    cnps = [line.strip() for line in open(cnps_path) if line.strip()]
    with open(os.path.join(out, "report-one.txt"), "w") as handle:
        for number in cnps:
            handle.write(form({
                "api_key": key, "api_language": "en_US", "year": year, "month": f"{month:02d}",
                "totals": "regular,overtime,total,regular_night,overtime_holiday",
                "user_by": "cnp", "user_by_value": number,
            }) + "\n")


def scans(out, plans_path, company, backend):
    """Two terminal scans per planned work day: in up to 10 minutes before the first shift starts, out up to 15 minutes
    after the last one ends (a range ending at or before its start ends the next day), in the company's zone."""
    rng = random.Random(20250502)
    zone = zoneinfo.ZoneInfo("Europe/Bucharest")
    # SQLite stores FluentKit's dates as seconds since 1970, PostgreSQL as timestamps.
    recorded = "1748736000" if backend == "sqlite" else "2025-06-01 00:00:00+00"
    count = 0
    with open(plans_path) as plans, open(os.path.join(out, "scans.csv"), "w") as handle:
        for line in plans:
            user_id, day, shifts = line.rstrip("\n").split("|")
            if not shifts:
                continue
            ranges = shifts.split(",")
            date = datetime.date.fromisoformat(day)
            start = datetime.time.fromisoformat(ranges[0][:5])
            end_text = ranges[-1][6:]
            end_date = date + datetime.timedelta(days=1) if end_text <= ranges[-1][:5] or end_text == "24:00" else date
            end = datetime.time(0, 0) if end_text == "24:00" else datetime.time.fromisoformat(end_text)
            check_in = datetime.datetime.combine(date, start, zone).timestamp() - rng.randrange(600)
            check_out = datetime.datetime.combine(end_date, end, zone).timestamp() + rng.randrange(900)
            for instant in (check_in, check_out):
                handle.write(f"{company},{user_id},{int(instant)},terminal,offline,bench,{recorded}\n")
                count += 1
    print(count)


def badges(out, token, ids_path, day):
    ids = [line.strip() for line in open(ids_path) if line.strip()]
    with open(os.path.join(out, "auto-attendance.txt"), "w") as handle:
        for user_id in ids:
            handle.write(form({"access_token": token, "rfid_tag": f"B{user_id}"}) + "\n")
    rows = [{"date": day, "time": f"{8 + index // 3600 % 10:02d}:{index // 60 % 60:02d}:{index % 60:02d}", "rfidTag": f"B{user_id}",
             "errorMsg": ""} for index, user_id in enumerate(ids)]
    with open(os.path.join(out, "offline-batch.json"), "w") as handle:
        json.dump({"access_token": token, "version": "1", "csv_data": rows}, handle)


def main(argv):
    command = argv[1]
    if command == "users":
        users(argv[2], argv[3], int(argv[4]))
    elif command == "schedule":
        schedule(argv[2], argv[3], int(argv[4]), int(argv[5]), int(argv[6]), int(argv[7]), argv[8])
    elif command == "long_schedule":
        long_schedule(argv[2], argv[3], argv[4], int(argv[5]))
    elif command == "reports":
        reports(argv[2], argv[3], argv[4], int(argv[5]), int(argv[6]))
    elif command == "badges":
        badges(argv[2], argv[3], argv[4], argv[5])
    elif command == "scans":
        scans(argv[2], argv[3], argv[4], argv[5])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
