#!/usr/bin/env python3
"""Writes the results of bench/run into docs/benchmarks.md: render.py RESULTS.jsonl OUT.md COMMAND.

Only the part between the results markers is replaced, so the hand-written findings around it stay.
"""
import datetime
import json
import os
import platform
import re
import subprocess
import sys

BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"

# Every speed target is a ratio to a ceiling measured in the same run, so it passes or fails by code, not by machine.
# Request rates: (fraction of the same server's /healthz rate, p99 limit in ms).
RATE_TARGETS = {
    ("sqlite", "user_create"): (0.20, 25),
    ("sqlite", "user_update"): (0.25, 25),
    ("postgres", "user_create"): (0.30, 40),
    ("postgres", "user_update"): (0.30, 40),
}
# Whole-company reports: at most this multiple of the time sqlite3/psql take to read the same rows.
REPORT_TARGETS = {
    ("sqlite", "report_days_0"): 2,
    ("sqlite", "report_days_1"): 6,
    ("postgres", "report_days_0"): 2,
    ("postgres", "report_days_1"): 3,
}
# The 100,000-row import: at most this multiple of the time sqlite3/psql take to load the same file.
IMPORT_TARGET = 10
# The server's peak memory over every workload, the 1,000,000-row import included, in MiB.
PEAK_TARGET_MIB = 100

SKELETON = f"""# Benchmarks

`bench/run` builds the release binary, starts `iflow serve` on a fresh database (SQLite, then a throwaway
PostgreSQL cluster), loads everything through the HTTP API on 127.0.0.1 and rewrites the results section below.
See the README's "Benchmarks" section for how to run it.

{BEGIN}
{END}

## Findings
"""


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs/benchmarks.md"], capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit, dirty = "?", ""
    return cpu, os.cpu_count(), memory / 1024 / 1024, platform.release(), commit + ("+changes" if dirty else "")


def ms(microseconds):
    return f"{microseconds / 1000:.1f} ms"


def mib(kib):
    return f"{kib / 1024:.0f} MiB"


def verdict(ok):
    return "met" if ok else "**missed**"


def locked_row(backend, r, label, computed, kind, limit):
    """A locked month's reply, served from its stored figures, beside the computed one of the same run."""
    runs = ", ".join(f"{t:.2f}" for t in r["runs_s"])
    cpu = f"{r['cpu_s'] / len(r['runs_s']):.2f} s/run"
    same = "byte-identical to" if r.get("identical") else "the same totals as"
    title = f"{label} ({r['bytes'] / 1e6:.1f} MB, {same} the computed {kind})"
    ceiling, versus, goal = "—", "—", "—"
    if computed:
        ratio = r["median_s"] / computed[0]["median_s"]
        ceiling, versus = f"{computed[0]['median_s']:.2f} s computed", f"{ratio:.2f}×"
        if limit:
            goal = f"≤ {limit} × the computed {kind}: {verdict(ratio <= limit)}"
    return (f"| {backend} | {title} | {r['median_s']:.2f} s to the last byte (runs: {runs}) | — | — | {cpu} | "
            f"{mib(r['peak_kib'])} | {ceiling} | {versus} | {goal} |")


def rows(results):
    by = {}
    for result in results:
        by.setdefault((result["backend"], result["workload"]), []).append(result)
    lines = []
    peaks = {}
    for backend in dict.fromkeys(r["backend"] for r in results):
        get = lambda name: by.get((backend, name), [])
        for result in results:
            if result["backend"] == backend and "peak_kib" in result:
                peaks[backend] = max(peaks.get(backend, 0), result["peak_kib"])

        for name, label, target in [
            ("healthz", "`GET /healthz` (HTTP ceiling)", None),
            ("user_create", "`user/update`, creating 10,000 employees", RATE_TARGETS.get((backend, "user_create"))),
            ("user_update", "`user/update`, updating them", RATE_TARGETS.get((backend, "user_update"))),
            ("report_one", "`get_work_schedule`, one employee by CNP", None),
            ("auto_attendance", "`rfid_devices/auto_attendance`, each of 10,000 badges once", (0.25, 25)),
        ]:
            for r in get(name):
                w = r["wrk"]
                limited = name in ("user_create", "auto_attendance")
                seconds = (w["elapsed_us"] if limited else w["duration_us"]) / 1e6
                count = w["replies"] if limited else w["requests"]
                rps = count / seconds
                errors = w["errors"] + w["socket_errors"]
                ceiling = "—" if name == "healthz" else f"{r['ceiling_rps']:,.0f} req/s"
                ratio = "1" if name == "healthz" else f"{rps / r['ceiling_rps']:.2f}"
                goal = "—"
                if target:
                    ok = rps >= target[0] * r["ceiling_rps"] and w["p99_us"] < target[1] * 1000
                    goal = f"≥ {target[0]:.2f} × the ceiling, p99 < {target[1]} ms: {verdict(ok)}"
                note = f" ({errors} errors)" if errors else ""
                cpu = f"{r['cpu_s'] / count * 1e6:,.0f} µs/req"
                lines.append(f"| {backend} | {label} | {rps:,.0f} req/s{note} | {ms(w['p50_us'])} | {ms(w['p99_us'])} | "
                             f"{cpu} | {mib(r['peak_kib'])} | {ceiling} | {ratio} | {goal} |")

        for name, label in [
            ("import_100k", "`schedule/import`, 100,000 rows"),
            ("import_month", "`schedule/import`, the report's month"),
            ("import_10k", "`schedule/import`, 10,000 rows"),
            ("offline_batch", "`store_attendances`, one offline batch"),
            ("import_1m", "`schedule/import`, 10,000 employees × 100 weekdays"),
        ]:
            items = get(name)
            if not items:
                continue
            total_rows = sum(r["rows"] for r in items)
            total_seconds = sum(r["seconds"] for r in items)
            peak = max(r["peak_kib"] for r in items)
            ceiling, versus, goal = "—", "—", "—"
            if name == "import_100k" and "ceiling_s" in items[0]:
                ratio = total_seconds / items[0]["ceiling_s"]
                ceiling, versus = f"{items[0]['ceiling_s']:.2f} s load", f"{ratio:.1f}×"
                goal = f"≤ {IMPORT_TARGET} × the load: {verdict(ratio <= IMPORT_TARGET)}"
            if name == "offline_batch" and get("import_10k"):
                plan_seconds = get("import_10k")[0]["seconds"]
                ceiling, versus = f"{plan_seconds:.2f} s import", f"{total_seconds / plan_seconds:.2f}×"
                goal = f"< 1 × the 10,000-row import: {verdict(total_seconds < plan_seconds)}"
            if name == "import_1m":
                goal = f"peak ≤ {PEAK_TARGET_MIB} MiB: {verdict(peak <= PEAK_TARGET_MIB * 1024)}"
            files = f" in {len(items)} files" if len(items) > 1 else ""
            cpu = sum(r["cpu_s"] for r in items)
            lines.append(f"| {backend} | {label} ({total_rows:,} rows{files}) | {total_rows / total_seconds:,.0f} rows/s, "
                         f"{total_seconds:.2f} s | — | — | {cpu:.2f} s | {mib(peak)} | {ceiling} | {versus} | {goal} |")

        for name, label in [
            ("report_days_0", "`get_work_schedule`, 10,000 employees, `include_days=0`"),
            ("report_days_1", "`get_work_schedule`, 10,000 employees, `include_days=1`"),
        ]:
            limit = REPORT_TARGETS.get((backend, name))
            for r in get(name):
                ratio = r["median_s"] / r["ceiling_s"]
                goal = f"≤ {limit} × the read: {verdict(ratio <= limit)}" if limit else "—"
                runs = ", ".join(f"{t:.2f}" for t in r["runs_s"])
                cpu = f"{r['cpu_s'] / len(r['runs_s']):.2f} s/report"
                lines.append(f"| {backend} | {label} ({r['bytes'] / 1e6:.1f} MB) | {r['median_s']:.2f} s to the last byte "
                             f"(runs: {runs}) | — | — | {cpu} | {mib(r['peak_kib'])} | {r['ceiling_s']:.2f} s read | "
                             f"{ratio:.2f}× | {goal} |")

        for days in (0, 1):
            planned = get(f"report_days_{days}")
            for r in get(f"report_live_days_{days}"):
                runs = ", ".join(f"{t:.2f}" for t in r["runs_s"])
                cpu = f"{r['cpu_s'] / len(r['runs_s']):.2f} s/report"
                label = f"`get_work_schedule`, `live_attendance`, 10,000 employees, `include_days={days}`"
                if planned:
                    ratio = r["median_s"] / planned[0]["median_s"]
                    ceiling, versus = f"{planned[0]['median_s']:.2f} s planned", f"{ratio:.2f}×"
                    goal = f"≤ 1.5 × the planned report: {verdict(ratio <= 1.5)}"
                else:
                    ceiling, versus, goal = "—", "—", "—"
                lines.append(f"| {backend} | {label} ({r['bytes'] / 1e6:.1f} MB) | {r['median_s']:.2f} s to the last byte "
                             f"(runs: {runs}) | — | — | {cpu} | {mib(r['peak_kib'])} | {ceiling} | {versus} | {goal} |")

        report = get("report_days_1")
        for r in get("warnings"):
            runs = ", ".join(f"{t:.2f}" for t in r["runs_s"])
            cpu = f"{r['cpu_s'] / len(r['runs_s']):.2f} s/run"
            label = (f"`compliance/get_warnings`, 10,000 employees ({r['warnings']:,} warnings of {r['users']:,} employees, "
                     f"{r['bytes'] / 1e6:.1f} MB)")
            if report:
                ratio = r["median_s"] / report[0]["median_s"]
                ceiling, versus = f"{report[0]['median_s']:.2f} s report", f"{ratio:.2f}×"
                goal = f"≤ 1 × the month's report: {verdict(ratio <= 1)}"
            else:
                ceiling, versus, goal = "—", "—", "—"
            lines.append(f"| {backend} | {label} | {r['median_s']:.2f} s to the last byte (runs: {runs}) | — | — | {cpu} | "
                         f"{mib(r['peak_kib'])} | {ceiling} | {versus} | {goal} |")

        for name, label in (("sheet_json", "json"), ("sheet_csv_symbols", "`format=csv_symbols`"), ("sheet_xlsx", "`format=xlsx`")):
            for r in get(name):
                runs = ", ".join(f"{t:.2f}" for t in r["runs_s"])
                cpu = f"{r['cpu_s'] / len(r['runs_s']):.2f} s/run"
                title = f"`report/get_collective_sheet`, 10,000 employees, {label} ({r['bytes'] / 1e6:.1f} MB)"
                if report:
                    ratio = r["median_s"] / report[0]["median_s"]
                    ceiling, versus = f"{report[0]['median_s']:.2f} s report", f"{ratio:.2f}×"
                    goal = f"≤ 1.5 × the month's report: {verdict(ratio <= 1.5)}"
                else:
                    ceiling, versus, goal = "—", "—", "—"
                lines.append(f"| {backend} | {title} | {r['median_s']:.2f} s to the last byte (runs: {runs}) | — | — | {cpu} | "
                             f"{mib(r['peak_kib'])} | {ceiling} | {versus} | {goal} |")

        for r in get("month_lock"):
            lines.append(f"| {backend} | `month/lock` of the report's month (both attendance types' figures of 10,000 employees "
                         f"computed and stored) | {r['seconds']:.2f} s | — | — | {r['cpu_s']:.2f} s | {mib(r['peak_kib'])} | — | — | — |")
        for days in (0, 1):
            computed = get(f"report_days_{days}")
            for r in get(f"report_locked_days_{days}"):
                lines.append(locked_row(backend, r, f"`get_work_schedule` of the locked month, `include_days={days}`", computed, "report", 1))
        for r in get("sheet_locked_json"):
            lines.append(locked_row(backend, r, "`report/get_collective_sheet` of the locked month, json", get("sheet_json"), "sheet", None))

    memory = []
    for backend, peak in peaks.items():
        goal = f" (target ≤ {PEAK_TARGET_MIB} MiB: {verdict(peak <= PEAK_TARGET_MIB * 1024)})"
        memory.append(f"- {backend}: the server's largest peak over all workloads was {mib(peak)}{goal}.")
    return lines, memory


def render(results_path, out_path, command):
    results = [json.loads(line) for line in open(results_path) if line.strip()]
    cpu, cores, memory, kernel, commit = machine()
    table, memory_lines = rows(results)
    loads = sorted(r["load"] for r in results)
    section = "\n".join([
        BEGIN,
        "## Results",
        "",
        f"- Date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}; command: `{command}`; commit {commit}.",
        f"- Machine: {cores} cores ({cpu}), {memory:.1f} GiB memory, Linux {kernel}; the load tool runs on the same machine.",
        f"- One-minute load average when the workloads ended: {loads[0]:.1f} to {loads[-1]:.1f} (other work shares these cores).",
        "- Load: wrk, 2 threads, 32 connections, one urlencoded body per request from a precomputed file; reports with",
        "  curl (`time_total`, median of the runs). Peak memory is the server's VmHWM, reset before each workload;",
        "  server CPU is the user+system time of the server process (not of wrk, curl or PostgreSQL) per request,",
        "  per report run or per import, the figure that depends least on what else the machine runs.",
        "- Ceilings: for request rates, the same server's cheapest route (`GET /healthz`, one `SELECT 1`) under the same",
        "  load; for the whole-company report, the time `sqlite3`/`psql` take to read the same rows (employees, then",
        "  their plans of the month and the day before, ordered) to /dev/null; for the 100,000-row import, the time they",
        "  take to load the same CSV file into a table of text columns (committed, then dropped). \"vs ceiling\" is the",
        "  rate as a fraction of the ceiling's, or the time as a multiple of the ceiling's; every speed target is such a",
        "  ratio, so it holds or fails by the code, not by the machine. A `live_attendance` report's ceiling is the",
        "  same run's planned report of the same month (two scans per planned work day are seeded between the two).",
        "  `compliance/get_warnings` (the same month and company, read over its rules' look-back) has the same run's",
        "  planned report with its day lists (`include_days=1`, the API's default) as its ceiling and its target;",
        "  a `store_attendances` batch has the same run's `schedule/import` of as many rows.",
        "- The collective sheet (json, `csv_symbols`, `xlsx`) has the same run's planned report with its day lists as its",
        "  ceiling; its target, ≤ 1.5 × that report, is issue 13's for the sheet, and the xlsx workbook (checked to be a",
        "  zip with `xl/workbook.xml` and a numbered row per employee) is held to the same one.",
        "- A locked month: `month/lock` of the report's month is timed (it computes and stores both attendance types'",
        "  figures of every employee; no target), then its report (with and without days) and JSON sheet are served from",
        "  the stored figures, checked whole and against the computed replies of the same run (same totals per employee;",
        "  the row says when the bytes are identical too), and the month is unlocked before the next workload. The",
        "  locked report's ceiling and target is the computed report of the same run: ≤ 1 ×, at least as fast.",
        "",
        "| Backend | Workload | Throughput | p50 | p99 | Server CPU | Server peak memory | Ceiling | vs ceiling | Target |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *table,
        "",
        *memory_lines,
        END,
    ])
    if os.path.exists(out_path):
        text = open(out_path).read()
        if BEGIN not in text or END not in text:
            raise SystemExit(f"{out_path} has no results markers")
    else:
        text = SKELETON
    text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: section, text, flags=re.S)
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    with open(out_path, "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    render(*sys.argv[1:4])
