"""Bounded imports (issue 15): a refused bomb is refused fast and small, and a large CSV
imports within its time and memory budget.

Each import runs in its own process, as an operator runs the CLI, and reports its wall
time and peak resident memory. `bench_bombs`: a 5 KB xlsx declaring cells A1 and
XFD1048576, a one-line IOM file dated 12/31/9999, a Frontex month 9999-12 and 2600-01,
and a template value of 1e308 (budget: refused within 2 s and 200 MB each).
`bench_big_csv` (section of its own: it writes a 200 MB file): an SDMX-CSV of about
200 MB (budget: 30 s, peak memory at most 3x the file).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.common import ROOT, WORK, budget

STANDALONE = True
_CHILD = """
import json, resource, sys, time
from indicators.errors import ProjectError
from indicators.importers.pipeline import import_file
start = time.perf_counter()
try:
    report = import_file(sys.argv[1], sys.argv[2], sys.argv[3])
    outcome = f"imported: {report.rows_read} rows read, {report.added} added"
except ProjectError as exc:
    outcome = "refused: " + str(exc).splitlines()[-1].strip()[:120]
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
peak = own.ru_maxrss / 1024
cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mib": peak, "outcome": outcome}))
"""


def child_import(store: Path, fmt: str, file: Path) -> dict:
    """One import in a fresh process: wall seconds, CPU seconds (user and system, the
    analysis workers it starts included: on a shared machine the steadier figure), peak
    MiB and what happened."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(store), fmt, str(file)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def _bombs(folder: Path) -> dict[str, tuple[str, Path]]:
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["XFD1048576"] = "indicator", "x"
    wb.save(folder / "bomb.xlsx")
    ibc = "route,type,nat,month,n\nCentral Mediterranean,sea,Tunisia,{},1\n"
    files = {
        "iom_9999": ("iom-mmp", "iom.csv",
                     "Incident date,No. dead,No. missing,Country of Origin,Route,"
                     "Country of Incident\n12/31/9999,1,1,Morocco,Western Mediterranean,Spain\n"),
        "frontex_9999_12": ("frontex-ibc", "ibc9999.csv", ibc.format("9999-12")),
        "frontex_2600_01": ("frontex-ibc", "ibc2600.csv", ibc.format("2600-01")),
        "template_1e308": ("template", "t.csv",
                           "indicator,country,reporter,period,value,source\n"
                           "return_travel_documents,MAR,NL,2024-Q1,1e308,taskforce_internal\n"),
    }  # fmt: skip
    out = {"xlsx_a1_xfd1048576": ("template", folder / "bomb.xlsx")}
    for name, (fmt, file, text) in files.items():
        (folder / file).write_text(text, encoding="utf-8")
        out[name] = (fmt, folder / file)
    return out


def run(ctx: dict) -> dict:
    from indicators.importers.public import build_empty_store

    WORK.mkdir(parents=True, exist_ok=True)
    store = WORK / "bounds.duckdb"
    build_empty_store(store)
    out: dict = {"load_average_at_start": round(os.getloadavg()[0], 1)}
    for name, (fmt, file) in _bombs(WORK / "bombs").items():
        r = child_import(store, fmt, file)
        out[f"{name}_outcome"] = r["outcome"]
        out[f"{name}_seconds"] = budget(round(r["seconds"], 2), 2.0)
        out[f"{name}_peak_memory"] = budget(round(r["peak_mib"]), 200, "MiB")
    return out
