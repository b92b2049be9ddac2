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


def rows(results):
    by = {}
    for result in results:
        by.setdefault((result["backend"], result["workload"]), []).append(result)
    lines = []
    peaks = {}
    for backend in dict.fromkeys(r["backend"] for r in results):
        sqlite = backend == "sqlite"
        get = lambda name: by.get((backend, name), [])
        for result in results:
            if result["backend"] == backend and "peak_kib" in result:
                peaks[backend] = max(peaks.get(backend, 0), result["peak_kib"])

        for name, label, target in [
            ("healthz", "`GET /healthz` (HTTP ceiling)", None),
            ("user_create", "`user/update`, creating 10,000 employees", (3000, 25)),
            ("user_update", "`user/update`, updating them", (3000, 25)),
            ("report_one", "`get_work_schedule`, one employee by CNP", None),
            ("auto_attendance", "`rfid_devices/auto_attendance`, each of 10,000 badges once", None),
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
                if target and sqlite:
                    goal = f"≥ {target[0]:,} req/s, p99 < {target[1]} ms: {verdict(rps >= target[0] and w['p99_us'] < target[1] * 1000)}"
                if name == "auto_attendance":
                    ok = rps >= 0.25 * r["ceiling_rps"] and w["p99_us"] < 25_000
                    goal = f"≥ 0.25 × the ceiling, p99 < 25 ms: {verdict(ok)}"
                note = f" ({errors} errors)" if errors else ""
                cpu = f"{r['cpu_s'] / count * 1e6:,.0f} µs/req"
                lines.append(f"| {backend} | {label} | {rps:,.0f} req/s{note} | {ms(w['p50_us'])} | {ms(w['p99_us'])} | "
                             f"{cpu} | {mib(r['peak_kib'])} | {ceiling} | {ratio} | {goal} |")

        for name, label, limit in [
            ("import_100k", "`schedule/import`, 100,000 rows", 5),
            ("import_month", "`schedule/import`, the report's month", None),
            ("import_10k", "`schedule/import`, 10,000 rows", None),
            ("offline_batch", "`store_attendances`, one offline batch", None),
        ]:
            items = get(name)
            if not items:
                continue
            total_rows = sum(r["rows"] for r in items)
            total_seconds = sum(r["seconds"] for r in items)
            peak = max(r["peak_kib"] for r in items)
            goal = f"< {limit} s: {verdict(total_seconds < limit)}" if limit and sqlite else "—"
            if name == "offline_batch" and get("import_10k"):
                plan_seconds = get("import_10k")[0]["seconds"]
                goal = f"< the 10,000-row import's {plan_seconds:.2f} s: {verdict(total_seconds < plan_seconds)}"
            files = f" in {len(items)} files" if len(items) > 1 else ""
            cpu = sum(r["cpu_s"] for r in items)
            lines.append(f"| {backend} | {label} ({total_rows:,} rows{files}) | {total_rows / total_seconds:,.0f} rows/s, "
                         f"{total_seconds:.2f} s | — | — | {cpu:.2f} s | {mib(peak)} | — | — | {goal} |")

        for name, label, limit in [
            ("report_days_0", "`get_work_schedule`, 10,000 employees, `include_days=0`", 1),
            ("report_days_1", "`get_work_schedule`, 10,000 employees, `include_days=1`", 3),
        ]:
            for r in get(name):
                goal = f"< {limit} s: {verdict(r['median_s'] < limit)}" if sqlite else "—"
                runs = ", ".join(f"{t:.2f}" for t in r["runs_s"])
                cpu = f"{r['cpu_s'] / len(r['runs_s']):.2f} s/report"
                lines.append(f"| {backend} | {label} ({r['bytes'] / 1e6:.1f} MB) | {r['median_s']:.2f} s to the last byte "
                             f"(runs: {runs}) | — | — | {cpu} | {mib(r['peak_kib'])} | {r['ceiling_s']:.2f} s read | "
                             f"{r['median_s'] / r['ceiling_s']:.1f}× | {goal} |")

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

    memory = []
    for backend, peak in peaks.items():
        goal = f" (target < 200 MB: {verdict(peak * 1024 < 200e6)})" if backend == "sqlite" else ""
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
        "  their plans of the month and the day before, ordered) to /dev/null. \"vs ceiling\" is the rate as a fraction",
        "  of the ceiling's, or the time as a multiple of the read time. A `live_attendance` report's ceiling is the",
        "  same run's planned report of the same month (two scans per planned work day are seeded between the two).",
        "  `compliance/get_warnings` (the same month and company, read over its rules' look-back) has the same run's",
        "  planned report with its day lists (`include_days=1`, the API's default) as its ceiling and its target.",
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
