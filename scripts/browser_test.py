"""Drives headless Chromium through every page of the web administration.

Signs in, visits each page, submits the forms (generate a key, revoke it, register an RFID device, revoke it, add and
delete an entry of an employee's day, turn a Labour Code rule off and on, set a team's shift work, switch language,
sign out), downloads the CSV and the payroll files, locks the month, sees a change refused, unlocks it, shows the timesheet from the plan (with its Labour Code marks) and from real presence,
saves full-page screenshots, and fails on any HTTP error status, failed load or console error.

Usage: browser_test.py BASE_URL EMAIL PASSWORD SCREENSHOT_DIR
"""

import base64
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import DevTools  # noqa: E402

BASE, EMAIL, PASSWORD, SHOTS = sys.argv[1:5]
MONTH = os.environ.get("IFLOW_BROWSER_MONTH", "2025-12")
problems = []
# Refusals a step provokes on purpose, as (status, URL): the page answers them with 422 and explains them.
expected_refusals = set()


def on_event(event):
    method, params = event["method"], event.get("params", {})
    if method == "Network.responseReceived":
        response = params["response"]
        if response["status"] >= 400 and (response["status"], response["url"]) not in expected_refusals:
            problems.append(f"HTTP {response['status']} for {response['url']}")
    elif method == "Network.loadingFailed" and not params.get("canceled"):
        problems.append(f"load failed: {params.get('errorText')} ({params.get('blockedReason', '')})")
    elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
        problems.append(f"console.{params['type']}: {text}")
    elif method == "Runtime.exceptionThrown":
        problems.append("uncaught exception: " + params["exceptionDetails"].get("text", ""))
    elif method == "Log.entryAdded" and params["entry"].get("level") == "error" and not any(
        url == params["entry"].get("url") and f"status of {status}" in params["entry"].get("text", "") for status, url in expected_refusals
    ):
        problems.append(f"browser log: {params['entry'].get('text')} {params['entry'].get('url', '')}")


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium is not installed")


def start_browser():
    profile = tempfile.mkdtemp(prefix="iflow-chromium-")
    port = 9300 + os.getpid() % 500
    args = [
        find_chromium(), "--headless=new", f"--remote-debugging-port={port}", "--remote-allow-origins=*",
        f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check", "--disable-gpu",
        "--disable-extensions", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--metrics-recording-only", "--password-store=basic", "--hide-scrollbars",
        "--lang=ro-RO", "--window-size=1440,900", "about:blank",
    ]
    if os.geteuid() == 0:
        args.insert(1, "--no-sandbox")
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as response:
                targets = json.load(response)
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                return process, profile, pages[0]["webSocketDebuggerUrl"]
        except OSError:
            pass
        time.sleep(0.3)
    process.kill()
    sys.exit("chromium did not open its DevTools port")


class Session:
    def __init__(self, tools):
        self.tools = tools
        self.shot = 0

    def evaluate(self, expression):
        result = self.tools.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {expression[:80]}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def goto(self, path):
        self.tools.events.clear()
        self.tools.call("Page.navigate", url=BASE + path)
        self.tools.wait_for("Page.loadEventFired")
        return self.location()

    def submit(self, script):
        """Runs a script that submits a form, and waits for the next page."""
        self.tools.events.clear()
        self.evaluate(script)
        self.tools.wait_for("Page.loadEventFired")
        return self.location()

    def location(self):
        return self.evaluate("location.pathname + location.search")

    def expect(self, condition, message):
        if not condition:
            problems.append(f"{self.location()}: {message}")

    def screenshot(self, name):
        self.shot += 1
        metrics = self.tools.call("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        height = min(int(size["height"]) + 1, 6000)
        self.tools.call("Emulation.setDeviceMetricsOverride", width=1440, height=max(height, 600), deviceScaleFactor=1, mobile=False)
        data = self.tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        self.tools.call("Emulation.clearDeviceMetricsOverride")
        path = os.path.join(SHOTS, f"{self.shot:02d}-{name}.png")
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        print(f"  screenshot {path}")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    process, profile, url = start_browser()
    try:
        tools = DevTools(url, on_event=on_event)
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.call(f"{domain}.enable")
        # A Romanian browser: the sign-in page must follow it.
        agent = tools.call("Browser.getVersion")["userAgent"]
        tools.call("Network.setUserAgentOverride", userAgent=agent, acceptLanguage="ro-RO,ro;q=0.9,en;q=0.5")
        s = Session(tools)

        print("sign-in page")
        s.expect(s.goto("/admin/timesheet").startswith("/admin/sign-in"), "an anonymous visit is sent to sign in")
        s.expect(s.evaluate("document.documentElement.lang") == "ro", "the sign-in page follows the browser's Romanian")
        s.screenshot("sign-in")
        where = s.submit(
            "document.querySelector('input[name=email]').value = %s;"
            "document.querySelector('input[name=password]').value = %s;"
            "document.querySelector('form.stack').submit();" % (json.dumps(EMAIL), json.dumps(PASSWORD))
        )
        s.expect(where == "/admin/timesheet", f"signing in lands on the timesheet, not {where}")

        print("timesheet")
        s.goto(f"/admin/timesheet?month={MONTH}")
        s.expect(s.evaluate("document.querySelectorAll('table.timesheet tbody tr').length") >= 3, "the grid lists employees")
        s.expect(s.evaluate("document.querySelectorAll('th.day.holiday').length") >= 1, "a public holiday is shaded")
        s.expect(s.evaluate("document.querySelectorAll('th.day.weekend').length") >= 8, "weekends are shaded")
        s.screenshot("timesheet")
        team = s.evaluate("document.querySelector('select[name=team] option:nth-child(2)').value")
        s.submit(f"document.querySelector('select[name=team]').value = {json.dumps(team)}; document.querySelector('form.filters').submit();")
        s.expect("team=" in s.location(), "the team filter is applied")
        s.screenshot("timesheet-team")
        # The page's policy allows no fetch(); download with the browser's session cookie instead, as a click would.
        cookies = tools.call("Network.getCookies", urls=[BASE + "/admin/"])["cookies"]
        request = urllib.request.Request(
            f"{BASE}/admin/timesheet.csv?month={MONTH}",
            headers={"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in cookies)},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            status, kind, body = response.status, response.headers.get("Content-Type", ""), response.read()
        s.expect(status == 200 and kind.startswith("text/csv") and body[:3] == b"\xef\xbb\xbf", f"CSV download: {status} {kind}")
        s.expect(body.decode("utf-8-sig").count("\r\n") >= 9, "the CSV has a header and a row per employee")

        print("collective sheet")
        s.goto(f"/admin/timesheet?month={MONTH}")
        s.submit("document.querySelector('form.sheet-downloads a.button').click();")
        s.expect(s.location().startswith("/admin/timesheet/sheet?month="), "the timesheet opens the printable sheet")
        s.expect(s.evaluate("document.querySelectorAll('table.sheet-grid tbody tr').length") >= 3, "the sheet lists employees")
        s.expect("Întocmit" in s.evaluate("document.querySelector('.sheet-signatures').textContent"), "the sheet has its signature lines")
        s.screenshot("collective-sheet")
        for file_format, lines_per_employee in (("csv_symbols", 1), ("csv_hours", 5)):
            request = urllib.request.Request(
                f"{BASE}/admin/timesheet/sheet.csv?month={MONTH}&format={file_format}&decimal_comma=1",
                headers={"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in cookies)},
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                status, kind, disposition, body = (
                    response.status, response.headers.get("Content-Type", ""), response.headers.get("Content-Disposition", ""), response.read()
                )
            lines = body.decode("utf-8-sig").split("\r\n")
            s.expect(status == 200 and kind.startswith("text/csv") and body[:3] == b"\xef\xbb\xbf", f"{file_format}: {status} {kind}")
            s.expect(f"pontaj-demo-productie-srl-{MONTH}.csv" in disposition, f"{file_format} is named for the company: {disposition}")
            s.expect(lines[0].startswith("marca_salariat;cnp_salariat;den_salariat;"), f"{file_format}'s header: {lines[0][:60]}")
            s.expect(len(lines) - 2 >= 3 * lines_per_employee, f"{file_format} has {lines_per_employee} line(s) per employee")

        request = urllib.request.Request(
            f"{BASE}/admin/timesheet/sheet.csv?month={MONTH}&format=xlsx",
            headers={"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in cookies)},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            status, disposition, body = response.status, response.headers.get("Content-Disposition", ""), response.read()
        with zipfile.ZipFile(io.BytesIO(body)) as workbook:
            parts = workbook.namelist()
        s.expect(status == 200 and "xl/workbook.xml" in parts, f"xlsx: {status}, a workbook holding {parts[:4]}")
        s.expect(f"pontaj-demo-productie-srl-{MONTH}.xlsx" in disposition, f"xlsx is named for the company: {disposition}")

        print("timesheet: real presence")
        s.goto(f"/admin/timesheet?month={MONTH}")
        s.submit("document.querySelector('nav.modes a:not(.current)').click();")
        s.expect("attendance_type=live_attendance" in s.location(), "the switch opens real presence")
        s.expect(s.evaluate("document.querySelector('nav.modes a.current').textContent") == "Prezență reală", "real presence is the current mode")
        present = "Array.from(document.querySelectorAll('table.timesheet td > a')).filter(a => a.title.includes('Prezent '))"
        s.expect(s.evaluate(f"{present}.length") >= 20, "cells show the times present")
        box = s.evaluate(f"(() => {{ const r = {present}[0].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()")
        tools.call("Input.dispatchMouseEvent", type="mouseMoved", x=box[0], y=box[1])
        s.expect(s.evaluate(f"{present}[0].matches(':hover')"), "the pointer rests on a cell with its title")
        # The keyboard's path to the same text: Tab moves focus, and the focused cell shows it at the foot of the window.
        s.evaluate(f"{present}[0].focus()")
        tip = s.evaluate(f"getComputedStyle({present}[0], '::after').content")
        s.expect("Prezent " in (tip or ""), f"a focused cell shows its intervals, not {tip!r}")
        s.screenshot("timesheet-live")
        s.goto(f"/admin/timesheet?month={MONTH}")
        s.expect(s.evaluate(f"{present}.length") == 0, "the plan shows no presence")

        print("timesheet: Labour Code warnings")
        s.goto(f"/admin/timesheet?month={MONTH}")
        marked = "Array.from(document.querySelectorAll('table.timesheet td.warn > a'))"
        weekly = f"{marked}.filter(a => a.title.includes('repaus săptămânal')).length"
        marks = s.evaluate(f"{marked}.length")
        s.expect(marks >= 1, "days with a Labour Code warning are marked")
        s.expect(s.evaluate(f"{marked}.every(a => a.querySelector('.warn-mark') && a.title.includes('⚠ '))"), "a marked day shows the mark and the warning")
        s.expect(s.evaluate(weekly) >= 1, "a week without 48 hours of rest is marked (the seed's Saturday worker)")
        s.expect(s.evaluate("document.querySelectorAll('table.warnings tr[data-rule=weekly_rest]').length") >= 1, "the list under the grid names it")
        s.expect("weekly_rest (art. 137(1))" in s.evaluate("document.querySelector('section.labour').innerText"), "the page says which rules it checked")
        s.screenshot("timesheet-warnings")

        print("Settings → Labour Code")
        s.goto("/admin/settings/labour-code")
        s.expect(s.evaluate("document.querySelectorAll('table.rules tbody tr').length") == 13, "every rule is listed")
        s.expect(s.evaluate("document.querySelectorAll('table.rules input:checked').length") == 13, "every rule is checked")
        s.screenshot("labour-code")
        rules_form = "document.querySelector('table.rules').closest('form')"
        where = s.submit(
            "document.getElementById('rule-weekly_rest').checked = false;"
            f"{rules_form}.querySelector('input[name=confirm]').checked = true; {rules_form}.submit();"
        )
        s.expect(where == "/admin/settings/labour-code?saved=1", f"saving returns to the page, not {where}")
        s.expect(s.evaluate("document.querySelectorAll('tr.rule-off[data-rule=weekly_rest]').length") == 1, "the rule shows as off")
        s.screenshot("labour-code-saved")
        s.goto(f"/admin/timesheet?month={MONTH}")
        s.expect(s.evaluate(weekly) == 0, "turning weekly_rest off removes its marks")
        s.expect(s.evaluate("document.querySelectorAll('table.warnings tr[data-rule=weekly_rest]').length") == 0, "and its rows")
        s.expect(s.evaluate(f"{marked}.length") < marks, "fewer days are marked")
        s.goto("/admin/settings/labour-code")
        s.submit(f"document.getElementById('rule-weekly_rest').checked = true; {rules_form}.submit();")
        s.expect(s.evaluate("document.querySelectorAll('table.rules input:checked').length") == 13, "turning it on again needs no confirmation")
        s.goto(f"/admin/timesheet?month={MONTH}")
        s.expect(s.evaluate(f"{marked}.length") == marks, "its marks are back")
        s.goto("/admin/settings/labour-code")
        shift_button = "document.querySelector('form[action=\"/admin/settings/labour-code/shift-work\"] button')"
        s.submit(f"{shift_button}.click();")
        s.expect("shift_work_saved=1" in s.location(), f"a team's shift work is saved, not {s.location()}")
        s.expect("Lucrează în schimburi" in s.evaluate("document.body.innerText"), "the team shows as working in shifts")
        s.submit(f"{shift_button}.click();")
        s.expect("Lucrează în schimburi" not in s.evaluate("document.body.innerText"), "and back")
        s.goto(f"/admin/timesheet?month={MONTH}")

        print("employee day")
        day = s.evaluate("document.querySelector('table.timesheet tbody tr td:nth-of-type(2) > a').getAttribute('href')")
        s.goto(day)
        s.expect(s.evaluate("document.querySelectorAll('table.scans tbody tr').length") >= 1, "the day lists its scans")
        s.screenshot("employee-day")
        before = s.evaluate("document.querySelectorAll('table.scans tbody tr').length")
        where = s.submit(
            "document.querySelector('form.entry-form input[name=time]').value = '20:30';"
            "document.querySelector('form.entry-form select[name=direction]').value = 'in';"
            "document.querySelector('form.entry-form input[name=reason]').value = 'ecuson uitat acasă';"
            "document.querySelector('form.entry-form').submit();"
        )
        s.expect(where.endswith("?added=1"), f"adding returns to the day, not {where}")
        s.expect(s.evaluate("document.querySelectorAll('table.scans tbody tr').length") == before + 1, "the entry is listed")
        s.expect("ecuson uitat acasă" in s.evaluate("document.querySelector('table.scans').innerText"), "the entry's reason is shown")
        s.screenshot("employee-day-added")
        entry = "Array.from(document.querySelectorAll('table.scans tbody tr')).find(r => r.innerText.includes('20:30:00'))"
        s.evaluate(f"{entry}.querySelector('summary').click()")
        where = s.submit(
            f"{entry}.querySelector('input[name=reason]').value = 'adăugată din greșeală';"
            f"{entry}.querySelector('details form').submit();"
        )
        s.expect(where.endswith("?deleted=1"), f"deleting returns to the day, not {where}")
        s.expect(s.evaluate(f"{entry}.classList.contains('revoked')"), "the deleted entry stays listed, struck out")
        s.expect("adăugată din greșeală" in s.evaluate(f"{entry}.innerText"), "the deletion's reason is shown")
        s.screenshot("employee-day-deleted")
        s.evaluate("document.querySelector('details.plan-form summary').click()")
        where = s.submit(
            "document.querySelector('details.plan-form select[name=type]').value = 'CO';"
            # A day of leave has no shifts or break: the clerk empties what the work day's plan filled in.
            "document.querySelector('details.plan-form input[name=shifts]').value = '';"
            "document.querySelector('details.plan-form input[name=break_minutes]').value = '0';"
            "document.querySelector('details.plan-form input[name=reason]').value = 'concediu aprobat';"
            "document.querySelector('details.plan-form form').submit();"
        )
        s.expect(where.endswith("?planned=1"), f"changing the plan returns to the day, not {where}")
        s.expect(s.evaluate("document.querySelector('details.plan-form select[name=type]').value") == "CO", "the day is now leave")
        s.screenshot("employee-day-planned")

        print("corrections and audit")
        s.goto(f"/admin/timesheet?month={MONTH}")
        s.expect(s.evaluate("document.getElementById('corrections') !== null"), "the timesheet lists the month's exceptions")
        exception = s.evaluate("document.querySelector('#corrections li[data-exception] a')?.getAttribute('href') || ''")
        s.expect(exception.startswith("/admin/employees/"), f"the demo month has exceptions (a forgotten check-out), not {exception!r}")
        if exception:
            s.goto(exception)
            s.expect(s.evaluate("document.querySelector('details.plan-form') !== null"), "an exception opens its day, where it is corrected")
        s.screenshot("timesheet-corrections")
        s.goto("/admin/audit")
        actions = s.evaluate("Array.from(document.querySelectorAll('table.audit tbody tr')).map(r => r.dataset.action).join(' ')")
        s.expect("schedule.set_day" in actions and "attendance.deleted" in actions, f"the audit lists the day's changes, not {actions}")
        s.expect("concediu aprobat" in s.evaluate("document.querySelector('table.audit').innerText"), "with the plan change's reason")
        s.goto("/admin/audit?actor=admin%40demo.ro&kind=attendance")
        rows = s.evaluate("Array.from(document.querySelectorAll('table.audit tbody tr')).map(r => r.dataset.action)")
        s.expect(len(rows) >= 2 and all(r.startswith("attendance.") for r in rows), f"filtered by who and kind, not {rows}")
        s.screenshot("audit")

        print("month lock")
        lock_form = "document.querySelector('form.month-lock')"
        s.goto(f"/admin/timesheet?month={MONTH}")
        s.expect(s.evaluate(f"{lock_form}.getAttribute('action')") == "/admin/timesheet/lock", "an open month offers the lock button")
        # The confirmation box is required: the button is clicked as a user would, and the browser refuses it unticked.
        s.evaluate(f"{lock_form}.querySelector('button').click()")
        s.expect(s.location() == f"/admin/timesheet?month={MONTH}", "the lock button does nothing before it is confirmed")
        where = s.submit(f"{lock_form}.querySelector('input[name=confirm]').checked = true; {lock_form}.querySelector('button').click();")
        s.expect("lock_notice=locked" in where, f"locking returns to the timesheet, not {where}")
        s.expect("Luna este închisă." in s.evaluate(f"{lock_form}.innerText"), "the page says the month is locked")
        s.expect("Închisă la " in s.evaluate(f"{lock_form}.innerText"), "with when and by whom")
        s.expect(s.evaluate(f"{lock_form}.getAttribute('action')") == "/admin/timesheet/unlock", "a locked month offers the unlock button")
        s.screenshot("timesheet-locked")
        s.goto(day)
        s.evaluate("document.querySelector('details.plan-form summary').click()")
        expected_refusals.add((422, BASE + s.evaluate("document.querySelector('details.plan-form form').getAttribute('action')")))
        s.submit(
            "document.querySelector('details.plan-form select[name=type]').value = 'work';"
            "document.querySelector('details.plan-form input[name=shifts]').value = '08:00-16:00';"
            "document.querySelector('details.plan-form input[name=reason]').value = 'revenire din concediu';"
            "document.querySelector('details.plan-form form').submit();"
        )
        refusal = s.evaluate("Array.from(document.querySelectorAll('details.plan-form .alert.error')).map(p => p.innerText).join(' ')")
        s.expect(f"luna {MONTH} este închisă" in refusal, f"the plan change is refused in Romanian as locked_month, not {refusal!r}")
        s.screenshot("employee-day-locked")
        s.goto(day)
        s.expect(s.evaluate("document.querySelector('details.plan-form select[name=type]').value") == "CO", "the locked day is still leave")
        s.goto(f"/admin/timesheet?month={MONTH}")
        where = s.submit(f"{lock_form}.querySelector('input[name=confirm]').checked = true; {lock_form}.querySelector('button').click();")
        s.expect("lock_notice=unlocked" in where, f"unlocking returns to the timesheet, not {where}")
        s.expect("Luna este deschisă" in s.evaluate(f"{lock_form}.innerText"), "the page says the month is open again")
        s.expect(s.evaluate(f"{lock_form}.getAttribute('action')") == "/admin/timesheet/lock", "an unlocked month offers the lock button again")
        s.screenshot("timesheet-unlocked")
        s.goto("/admin/audit")
        actions = s.evaluate("Array.from(document.querySelectorAll('table.audit tbody tr')).map(r => r.dataset.action)")
        s.expect("month.lock" in actions and "month.unlock" in actions, f"the audit lists the lock and the unlock, not {actions}")
        s.screenshot("audit-month-lock")

        print("today")
        s.goto("/admin/today")
        s.expect(s.evaluate("document.querySelector('meta[http-equiv=refresh]').content") == "60", "the page refreshes itself every minute")
        s.expect("Andrei Popescu" in s.evaluate("document.getElementById('at_work').innerText"), "who scanned now is at work")
        s.expect("Elena Dumitrescu" in s.evaluate("document.getElementById('absent').innerText"), "who is on leave is absent, with the code")
        s.expect(s.evaluate("document.querySelectorAll('.today-group tbody tr').length") == 8, "every employee is on the board once")
        s.screenshot("today")
        s.goto("/admin/today?q=ANDREI")
        names = s.evaluate("Array.from(document.querySelectorAll('.today-group tbody th')).map(r => r.innerText)")
        s.expect(len(names) >= 1 and all("Andrei" in n for n in names), f"the search finds Andrei whatever the case, not {names}")

        print("employees")
        s.goto("/admin/employees")
        s.expect(s.evaluate("document.querySelectorAll('table.list tbody tr').length") >= 3, "employees are listed")
        s.expect(s.evaluate("/\\d{13}/.test(document.body.innerText)") is False, "no whole CNP is shown")
        s.screenshot("employees")
        s.submit("document.querySelector('input[name=q]').value = 'pop'; document.querySelector('form.filters').submit();")
        s.screenshot("employees-search")
        s.goto(s.evaluate("document.querySelector('table.list tbody a').getAttribute('href')"))
        s.expect(s.evaluate("document.querySelectorAll('.fields .field').length") >= 20, "the employee's fields are shown")
        s.screenshot("employee")

        print("API access")
        s.goto("/admin/settings/api-access")
        s.screenshot("api-access")
        s.submit("document.querySelector('input[name=label]').value = 'Program salarizare'; document.querySelector('form.inline-form').submit();")
        secret = s.evaluate("document.getElementById('new-key') && document.getElementById('new-key').textContent")
        s.expect(bool(secret) and secret.startswith("ifk_"), "the new key is shown")
        s.evaluate("document.querySelector('[data-copy-target]').click()")
        time.sleep(0.3)
        s.screenshot("api-key-generated")
        s.goto("/admin/settings/api-access")
        s.expect(secret not in s.evaluate("document.body.innerHTML"), "the key is not shown again")
        s.goto(s.evaluate("document.querySelector('a.danger-link').getAttribute('href')"))
        s.screenshot("revoke-confirm")
        s.submit("document.querySelector('input[name=confirm]').checked = true; document.querySelector('form.stack').submit();")
        s.expect(s.location().startswith("/admin/settings/api-access"), "revoking returns to the list")
        s.expect(s.evaluate("document.querySelectorAll('tr.revoked').length") >= 1, "the revoked key is marked")
        s.screenshot("api-access-revoked")

        print("RFID devices")
        s.goto("/admin/settings/devices")
        s.expect(s.evaluate("document.querySelectorAll('table.list tbody tr').length") >= 1, "the terminal the seed used is listed")
        s.screenshot("devices")
        s.submit("document.querySelector('input[name=label]').value = 'Poarta depozit'; document.querySelector('form.inline-form').submit();")
        token = s.evaluate("document.getElementById('new-device-token') && document.getElementById('new-device-token').textContent")
        s.expect(bool(token) and len(token) == 78 and token.isdigit(), "the new device's 78-digit token is shown")
        s.evaluate("document.querySelector('[data-copy-target]').click()")
        time.sleep(0.3)
        s.screenshot("device-registered")
        s.goto("/admin/settings/devices")
        s.expect(token not in s.evaluate("document.body.innerHTML"), "the token is not shown again")
        s.expect(token[:8] + "…" in s.evaluate("document.body.innerText"), "its first digits are listed")
        s.goto(s.evaluate("document.querySelector('a.danger-link').getAttribute('href')"))
        s.screenshot("device-revoke-confirm")
        s.submit("document.querySelector('input[name=confirm]').checked = true; document.querySelector('form.stack').submit();")
        s.expect(s.location().startswith("/admin/settings/devices"), "revoking returns to the list")
        s.expect(s.evaluate("document.querySelectorAll('tr.revoked').length") == 1, "the revoked device is marked")
        s.screenshot("devices-revoked")

        print("language")
        s.goto(f"/admin/timesheet?month={MONTH}")
        s.submit("document.querySelector('form.lang button[value=en_US]').click();")
        s.expect(s.evaluate("document.documentElement.lang") == "en", "the pages switch to English")
        s.expect(s.location().startswith("/admin/timesheet?month="), "the switch stays on the page")
        s.screenshot("timesheet-en")
        s.goto("/admin/settings/api-access")
        s.screenshot("api-access-en")
        s.goto("/admin/employees")
        s.screenshot("employees-en")
        s.goto("/admin/today")
        s.screenshot("today-en")
        s.goto("/admin/settings/devices")
        s.screenshot("devices-en")
        s.goto("/admin/settings/labour-code")
        s.screenshot("labour-code-en")
        s.submit("document.querySelector('form.lang button[value=ro_RO]').click();")

        print("sign out")
        s.submit("document.querySelector('form[action=\"/admin/sign-out\"]').submit();")
        s.expect(s.location().startswith("/admin/sign-in"), "signing out returns to the sign-in page")
        s.screenshot("signed-out")
        s.expect(s.goto("/admin/employees").startswith("/admin/sign-in"), "after signing out the pages need a session again")
        tools.ws.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)

    if problems:
        print("\nFAILED:")
        for problem in problems:
            print("  " + problem)
        sys.exit(1)
    print("browser test passed")


if __name__ == "__main__":
    main()
