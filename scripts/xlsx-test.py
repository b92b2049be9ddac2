#!/usr/bin/env python3
"""The collective sheet's xlsx against its csv_symbols, through LibreOffice: a real spreadsheet program opens the
workbook and every cell it reads must be the cell the payroll CSV holds.

Starts `iflow serve` on a fresh SQLite file with the demo company (`iflow demo`: plans with absence codes for two
months, badge scans for the live sheet), downloads `report/get_collective_sheet` as xlsx, csv_symbols and json for
the same month, team and attendance type, converts the xlsx with `soffice --headless --convert-to csv` (Debian's
libreoffice-calc, installed with apt-get when missing) and compares:

- every employee row of csv_symbols with the xlsx row at the same position: name, mark number, CNP and each day's
  symbol (a code, the hours, or empty), and the xlsx row count with the CSV's;
- the xlsx's totals and days per code with the json reply's figures;
- in the xlsx's own XML, that hours are number cells and codes are text cells;
- the header block (company, month, the day numbers of the header row), the blank row after the employees and the
  legend (every code with its name from the json), which csv_symbols does not have;
- the web timesheet's download (/admin/timesheet/sheet.csv?format=xlsx, signed in as the demo administrator) holds the same cells.

What is normalized, and only that: the rows of the header block and of the legend are checked as above instead of
against csv_symbols; both CSVs are read with `;` as separator (LibreOffice is told to write it); with
decimal_comma=1 the CSV's decimal comma is read as a point (LibreOffice writes the point); a leading apostrophe that
the CSV puts before text starting with = + - @ (its guard against formulas, which an xlsx text cell does not need) is
dropped. Any other difference fails the test with the row, the column and both values.

Usage: scripts/xlsx-test.py [--binary PATH]   (Python 3 standard library only)
"""

import argparse
import csv
import http.cookiejar
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from iflowtest import free_port  # noqa: E402

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# The layout Timesheet+Xlsx.swift writes: six rows above the employees, six key columns before the days.
HEADER_ROWS = 6
KEY_COLUMNS = 6
CODES = ["CO", "CM", "CFP", "NE", "D", "EV"]
# LibreOffice's CSV filter: `;` separator, `"` quotes, UTF-8 (76), from row 1, cells as shown (token 9).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true"

failures = []


def fail(message):
    failures.append(message)
    print(f"xlsx-test: MISMATCH {message}", file=sys.stderr)


def check(condition, message):
    if not condition:
        fail(message)


def ensure_soffice():
    if shutil.which("soffice"):
        return shutil.which("soffice")
    print("xlsx-test: installing libreoffice-calc from Debian", file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=environment)
    subprocess.run(
        sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "libreoffice-calc"],
        check=True, env=environment, stdout=subprocess.DEVNULL,
    )
    found = shutil.which("soffice")
    if not found:
        sys.exit("xlsx-test: libreoffice-calc installed no soffice")
    return found


def post(base, path, fields):
    """POSTs form fields; returns (status, headers, body bytes)."""
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(base + path, data=data, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def convert(soffice, xlsx_bytes, work, name):
    """The workbook as LibreOffice reads it: its CSV, as rows of strings."""
    source = os.path.join(work, name + ".xlsx")
    with open(source, "wb") as file:
        file.write(xlsx_bytes)
    profile = "file://" + os.path.join(work, "lo-profile")
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", CSV_FILTER, "--outdir", work, source],
        check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    with open(os.path.join(work, name + ".csv"), encoding="utf-8", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


def read_csv_symbols(body, decimal_comma):
    text = body.decode("utf-8")
    check(text.startswith("\ufeff"), "csv_symbols has no byte-order mark")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";"))
    normalized = []
    for row in rows:
        cells = [unguard(cell) for cell in row]
        if decimal_comma:
            cells = cells[:3] + [cell.replace(",", ".") for cell in cells[3:]]
        normalized.append(cells)
    return normalized


def unguard(cell):
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@" else cell


def xml_cell_types(xlsx_bytes):
    """{(row, column index): 's' or 'n'} of the written cells, from the sheet's XML."""
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes)) as archive:
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    types = {}
    for cell in sheet.iter(MAIN + "c"):
        match = re.fullmatch(r"([A-Z]+)(\d+)", cell.get("r", ""))
        if not match or cell.find(MAIN + "v") is None:
            continue
        column = 0
        for letter in match.group(1):
            column = column * 26 + ord(letter) - ord("A") + 1
        types[(int(match.group(2)), column - 1)] = cell.get("t", "n")
    return types


def compare(label, xlsx_bytes, sheet_rows, symbols, report, company):
    """Every cell of csv_symbols against the converted xlsx; totals and code days against the json reply."""
    header, records = symbols[0], symbols[1:]
    failed_before = len(failures)
    day_count = len(header) - 3
    users = report["users"]
    check(len(users) == len(records), f"{label}: json has {len(users)} employees, csv_symbols {len(records)}")
    check(sheet_rows[0][:1] == [company], f"{label}: row 1 is {sheet_rows[0][:1]}, not the company {company!r}")
    check(any(report["year"] in cell for cell in sheet_rows[1]), f"{label}: row 2 {sheet_rows[1][:1]} does not name the year")
    day_header = sheet_rows[HEADER_ROWS - 2][KEY_COLUMNS:KEY_COLUMNS + day_count]
    check(day_header == header[3:], f"{label}: the day numbers {day_header} are not csv_symbols' {header[3:]}")
    types = xml_cell_types(xlsx_bytes)
    for index, record in enumerate(records):
        row_number = HEADER_ROWS + index + 1
        if row_number > len(sheet_rows):
            fail(f"{label}: the xlsx ends before employee {index + 1} ({record[2]!r})")
            break
        row = sheet_rows[row_number - 1]
        check(row[0] == str(index + 1), f"{label} row {row_number}: nr. crt. {row[0]!r}, expected {index + 1}")
        for what, sheet_column, csv_column in (("name", 1, 2), ("mark number", 2, 0), ("CNP", 3, 1)):
            check(row[sheet_column] == record[csv_column], f"{label} row {row_number} {what}: xlsx {row[sheet_column]!r}, csv {record[csv_column]!r}")
        for day in range(day_count):
            column = KEY_COLUMNS + day
            value, expected = row[column], record[3 + day]
            check(value == expected, f"{label} row {row_number} day {header[3 + day]}: xlsx {value!r}, csv_symbols {expected!r}")
            kind = types.get((row_number, column))
            if expected in CODES:
                check(kind == "s", f"{label} row {row_number} day {header[3 + day]}: the code {expected} is not a text cell ({kind})")
            elif expected:
                check(kind == "n", f"{label} row {row_number} day {header[3 + day]}: the hours {expected} are not a number cell ({kind})")
        user = users[index]
        totals = list(user["totals"].values())
        sheet_totals = row[KEY_COLUMNS + day_count:KEY_COLUMNS + day_count + len(totals)]
        check(sheet_totals == totals, f"{label} row {row_number} totals: xlsx {sheet_totals}, json {totals}")
        code_days = list(user["code_days"].values())
        start = KEY_COLUMNS + day_count + len(totals)
        sheet_codes = row[start:start + len(code_days)]
        check(sheet_codes == code_days, f"{label} row {row_number} days per code: xlsx {sheet_codes}, json {code_days}")
    after = HEADER_ROWS + len(records)
    check(after >= len(sheet_rows) or not any(sheet_rows[after]), f"{label}: row {after + 1} after the employees is not empty")
    legend = {row[0]: row[1] for row in sheet_rows[after + 1:] if len(row) > 1 and row[0] in CODES}
    expected_legend = {code["code"]: code["name"] for code in report["codes"]}
    check(legend == expected_legend, f"{label}: the legend {legend} is not the json's {expected_legend}")
    if len(failures) == failed_before:
        print(f"xlsx-test: {label}: {len(records)} employees × {day_count} days, totals and legend agree")


def demo(binary, database):
    output = subprocess.run(
        [binary, "demo", "--employees", "25", "--database", database], check=True, capture_output=True, text=True, timeout=300
    ).stdout
    key = re.search(r"API key \(shown only now\): (\S+)", output).group(1)
    months = re.findall(r"(\d{4})-(\d{2})", re.search(r"planned days in ([^.]*)\.", output).group(1))
    email = re.search(r"e-mail: (\S+)", output).group(1)
    password = re.search(r"password \(shown only now\): (\S+)", output).group(1)
    return key, months, email, password


def web_download(base, email, password, month):
    """Signs in as the administrator and downloads the web timesheet's xlsx."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(base + "/admin/sign-in", timeout=30).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    opener.open(base + "/admin/sign-in", data=urllib.parse.urlencode({"email": email, "password": password, "csrf_token": token}).encode(), timeout=30)
    with opener.open(base + f"/admin/timesheet/sheet.csv?month={month}&format=xlsx", timeout=60) as response:
        return response.headers, response.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", help="the iflow binary (default: iflow in `swift build --show-bin-path`)")
    arguments = parser.parse_args()
    started = time.monotonic()
    binary = arguments.binary or os.path.join(
        subprocess.run(["swift", "build", "--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip(), "iflow"
    )
    soffice = ensure_soffice()
    work = tempfile.mkdtemp(prefix="iflow-xlsx-test.")
    server = None
    try:
        os.environ["IFLOW_DATA_KEY_FILE"] = os.path.join(work, "iflow.datakey")
        database = os.path.join(work, "iflow.sqlite")
        key, months, email, password = demo(binary, database)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(os.path.join(work, "server.log"), "w")
        server = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--database", database], stdout=log, stderr=subprocess.STDOUT
        )
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit("xlsx-test: the server exited: " + open(os.path.join(work, "server.log")).read())
                time.sleep(0.2)
        (year, month), (last_year, last_month) = months[0], months[-1]
        cases = [
            ("ro_RO, plan, " + f"{last_year}-{last_month}", {"api_language": "ro_RO", "year": last_year, "month": last_month}, False),
            (
                "en_US, live attendance, decimal comma, " + f"{year}-{month}",
                {"api_language": "en_US", "year": year, "month": month, "attendance_type": "live_attendance", "decimal_comma": "1"},
                True,
            ),
        ]
        company = None
        for label, fields, decimal_comma in cases:
            fields = dict(fields, api_key=key)
            downloads = {}
            for format in ("xlsx", "csv_symbols", "json"):
                status, headers, body = post(base, "/api/api_v2/report/get_collective_sheet", dict(fields, format=format))
                if status != 200:
                    sys.exit(f"xlsx-test: {label} format={format} answered {status}: {body[:400]!r}")
                downloads[format] = (headers, body)
            headers, xlsx = downloads["xlsx"]
            report = json.loads(downloads["json"][1])["api_reply"]
            company = report["company_name"]
            check(headers.get("Content-Type") == XLSX_TYPE, f"{label}: content type {headers.get('Content-Type')}")
            disposition = headers.get("Content-Disposition", "")
            expected_name = f"{report['year']}-{report['month']}.xlsx"
            check(re.fullmatch(r'attachment; filename="pontaj-[a-z0-9-]+-' + re.escape(expected_name) + '"', disposition) is not None,
                  f"{label}: Content-Disposition {disposition!r}")
            symbols = read_csv_symbols(downloads["csv_symbols"][1], decimal_comma)
            name = "sheet-" + re.sub(r"[^a-z0-9]+", "-", label.lower())
            compare(label, xlsx, convert(soffice, xlsx, work, name), symbols, report, company)
            if fields["api_language"] == "ro_RO":
                web_headers, web_xlsx = web_download(base, email, password, f"{last_year}-{last_month}")
                check(web_headers.get("Content-Type", "").startswith(XLSX_TYPE), f"web: content type {web_headers.get('Content-Type')}")
                compare("web " + label, web_xlsx, convert(soffice, web_xlsx, work, name + "-web"), symbols, report, company)
        server.terminate()
        server.wait(timeout=30)
        server = None
        log.close()
        with open(os.path.join(work, "server.log")) as file:
            internal = [line for line in file if "internal error" in line]
        check(not internal, f"the server logged internal errors: {internal[:3]}")
    finally:
        if server is not None:
            server.kill()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"xlsx-test: {len(failures)} mismatches (first: {failures[0]})")
    print(f"xlsx-test: passed in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
