#!/usr/bin/env python3
"""Prints the collective sheet's printable page to PDF with headless Chromium and checks it is one page wide.

Creates a demo company of 20 employees (`iflow demo`), serves it, signs in, saves the month's sheet
(/admin/timesheet/sheet) with its stylesheet, prints it with `chromium --headless --print-to-pdf` and reads the PDF
with poppler's pdfinfo and pdftotext (installed from Debian if missing): every page A4 landscape, every word inside
the page's width, the last column's header and both signature lines on the pages, and every employee's line printed
(the grid is never split into column pages).

Usage: print-test.py IFLOW_BINARY
"""

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

BINARY = sys.argv[1]
EMPLOYEES = 20
A4_LONG, A4_SHORT = 841.89, 595.28


def fail(message):
    sys.exit(f"print-test: {message}")


def ensure_tools():
    missing = [tool for tool in ("pdfinfo", "pdftotext") if not shutil.which(tool)]
    if missing:
        print("installing poppler-utils from Debian", file=sys.stderr)
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "poppler-utils"], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), stdout=subprocess.DEVNULL)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    fail("chromium is not installed (scripts/browser-test.sh installs it)")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    chromium = ensure_tools()
    work = tempfile.mkdtemp(prefix="iflow-print-")
    env = dict(os.environ, IFLOW_DATA_KEY_FILE=os.path.join(work, "iflow.datakey"))
    database = os.path.join(work, "iflow.sqlite")
    server = None
    try:
        welcome = subprocess.run([BINARY, "demo", "--employees", str(EMPLOYEES), "--database", database], env=env,
                                 capture_output=True, text=True, timeout=300, check=True).stdout
        email = re.search(r"e-mail: (\S+)", welcome).group(1)
        password = re.search(r"password \(shown only now\): (\S+)", welcome).group(1)
        month = re.findall(r"(\d{4}-\d{2})", welcome.split("planned days in", 1)[1])[-1]

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([BINARY, "serve", "--port", str(port), "--database", database], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            fail("the server did not start")

        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        form = opener.open(base + "/admin/sign-in", timeout=30).read().decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        body = urllib.parse.urlencode({"csrf_token": token, "next": "", "email": email, "password": password}).encode()
        opener.open(base + "/admin/sign-in", data=body, timeout=30).read()
        html = opener.open(f"{base}/admin/timesheet/sheet?month={month}", timeout=60).read().decode()
        css = opener.open(base + "/admin/static/sheet.css", timeout=30).read()
        names = re.findall(r'<th scope="row" class="name">([^<]+)', html)
        if len(names) != EMPLOYEES:
            fail(f"the sheet lists {len(names)} employees, not {EMPLOYEES} (signed in? {'sheet-grid' in html})")

        with open(os.path.join(work, "sheet.css"), "wb") as file:
            file.write(css)
        page = os.path.join(work, "sheet.html")
        with open(page, "w") as file:
            file.write(html.replace("/admin/static/sheet.css", "sheet.css").replace('href="/admin/static/icon.svg"', 'href="data:,"'))
        pdf = os.path.join(work, "sheet.pdf")
        args = [chromium, "--headless=new", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                f"--user-data-dir={os.path.join(work, 'profile')}", f"--print-to-pdf={pdf}", "file://" + page]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")
        subprocess.run(args, capture_output=True, timeout=120, check=True)

        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), pdf], capture_output=True, text=True, check=True).stdout
        found = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes)]
        if len(found) != pages:
            fail(f"pdfinfo gave {len(found)} page sizes for {pages} pages")
        for number, (width, height) in enumerate(found, 1):
            if abs(width - A4_LONG) > 2 or abs(height - A4_SHORT) > 2:
                fail(f"page {number} is {width} x {height} pt, not A4 landscape ({A4_LONG} x {A4_SHORT})")

        bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
        words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox)
        if not words:
            fail("the PDF has no text")
        right = max(float(x_max) for _, x_max, _ in words)
        if right > A4_LONG - 8 * 72 / 25.4 + 1:
            fail(f"text reaches {right:.1f} pt, past the right margin: the grid is wider than the page")
        text = [word for _, _, word in words]
        for expected in ("EV", "Întocmit", "Verificat"):
            if expected not in text:
                fail(f"'{expected}' is not in the PDF: a column or the signature lines were cut off")
        last_day = max(int(word) for word in text if word.isdigit() and int(word) <= 31)
        if last_day < 28:
            fail(f"the last day column printed is {last_day}")
        print(f"print-test: {pages} page(s) of A4 landscape, {EMPLOYEES} employees, text within {right:.0f} of {A4_LONG:.0f} pt")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


main()
