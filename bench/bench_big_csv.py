"""200 MB text imports within 30 s and 3x the file's size in memory (issue 15).

Three files of about 200 MB each, in the layouts large files come in: Eurostat's bulk
TSV (one line per series, a cell per month, as `migr_asyappctzm` is published),
Eurostat's SDMX-CSV 1.0 (one row per observation) and the project's template CSV.
Each imports into a fresh empty store in its own process, as an operator runs the CLI;
the figure is that process's peak resident memory (`ru_maxrss`), interpreter and
libraries included, against three times the file's size. The baseline (the same
process with the importer loaded, before it reads anything) is reported beside it.

A section of its own (it writes 600 MB of files, one at a time): `bench/run.py
bench_big_csv`; `BENCH_BIG_CSV_LAYOUTS=template_csv,...` runs some layouts only and keeps
the others' last figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from bench.bench_bounds import child_import
from bench.common import ROOT, WORK, budget

STANDALONE = True
TARGET_BYTES = 200 * 10**6
STORE_COUNTRIES = ["MA", "TN", "IQ", "TR", "DZ", "EG", "NG"]
GEOS = ["EU27_2020", "NL", "BE", "DE", "FR", "IT", "ES", "EL", "AT", "PL", "SE", "DK", "FI",
        "PT", "IE", "CZ", "HU", "RO", "BG", "HR", "SI", "SK", "LT", "LV", "EE", "LU", "MT",
        "CY", "NO", "CH", "IS", "LI", "UK", "ME", "RS"]  # fmt: skip
_BASELINE = """
import json, resource
from indicators.importers import pipeline  # noqa: F401
print(json.dumps({"peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _citizens() -> list[str]:
    """The store's countries first (so the file feeds the store), then every other."""
    from indicators.importers.countries import resolver

    others = sorted(set(resolver().iso2.values()) - set(STORE_COUNTRIES))
    return STORE_COUNTRIES + others


def _write(path: Path, header: str, blocks: Iterator[str]) -> Path:
    """The header, then blocks of lines until the file reaches TARGET_BYTES."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header + "\n")
        for block in blocks:
            fh.write(block)
            if fh.tell() >= TARGET_BYTES:
                break
    return path


def _cells(rng: np.random.Generator, n: int) -> np.ndarray:
    """Values as Eurostat writes them: mostly numbers, some provisional, some missing."""
    values = (rng.integers(0, 5000, n) // 5 * 5).astype(str).astype(object)
    draw = rng.random(n)
    values[draw < 0.05] = values[draw < 0.05] + " p"
    values[draw > 0.97] = ":"
    return values


def bulk_tsv(path: Path, seed: int = 7) -> Path:
    """migr_asyappctzm in the bulk TSV layout: one line per series, a cell per month."""
    rng = np.random.default_rng(seed)
    months = [f"{y}-{m:02d}" for y in range(2008, 2026) for m in range(1, 13)]
    header = "freq,unit,citizen,sex,age,asyl_app,geo\\TIME_PERIOD\t" + "\t".join(
        f"{m} " for m in months
    )
    ages = ["TOTAL", "Y_LT14", "Y14-17", "Y18-34", "Y35-64", "Y_GE65"]

    def blocks() -> Iterator[str]:
        for citizen in _citizens():
            keys = [
                f"M,PER,{citizen},{sex},{age},{app},{geo}"
                for sex in ("T", "M", "F")
                for age in ages
                for app in ("ASY_APP", "NASY_APP")
                for geo in GEOS
            ]
            cells = _cells(rng, len(keys) * len(months)).reshape(len(keys), len(months))
            yield "".join(
                k + "\t" + "\t".join(row) + "\n" for k, row in zip(keys, cells, strict=True)
            )

    return _write(path, header, blocks())


def sdmx_csv(path: Path, seed: int = 7) -> Path:
    """migr_eiord1 in SDMX-CSV 1.0 codes: one row per citizenship, reporter, sex, age
    and quarter."""
    rng = np.random.default_rng(seed)
    quarters = [f"{y}-Q{q}" for y in range(2008, 2026) for q in range(1, 5)]
    header = "DATAFLOW,LAST UPDATE,freq,citizen,age,sex,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"
    ages = ["TOTAL", "Y_LT18", "Y_GE18"]

    def blocks() -> Iterator[str]:
        for citizen in _citizens():
            lines = [
                f"ESTAT:MIGR_EIORD1(1.0),15/03/25 23:00:00,Q,{citizen},{age},{sex},PER,{geo},{q}"
                for age in ages
                for sex in ("T", "M", "F")
                for geo in GEOS
                for q in quarters
            ]
            values = rng.integers(0, 5000, len(lines)) // 5 * 5
            flags = np.where(rng.random(len(lines)) < 0.05, "p", "")
            yield "".join(f"{a},{v},{f}\n" for a, v, f in zip(lines, values, flags, strict=True))

    return _write(path, header, blocks())


def template_csv(path: Path, seed: int = 7) -> Path:
    """The template with ranges and flags: every period of every template indicator for
    the store's countries (imported), then the other countries' rows (skipped, counted)."""
    from indicators.catalogue import load_catalogue

    catalogue = load_catalogue()
    rng = np.random.default_rng(seed)
    periods = {
        "A": [str(y) for y in range(1990, 2026)],
        "Q": [f"{y}-Q{q}" for y in range(1990, 2026) for q in range(1, 5)],
        "M": [f"{y}-{m:02d}" for y in range(1990, 2026) for m in range(1, 13)],
    }
    internal = {"taskforce_internal", "partner_authorities"}
    indicators = [i for i in catalogue.indicator_by_id.values() if internal & set(i.sources)]
    header = "indicator,country,reporter,period,value,lower,upper,flags,source"

    def country_block(country: str) -> str:
        lines = []
        for ind in indicators:
            source = next(s for s in ind.sources if s in internal)
            for period in periods[ind.frequency]:
                value = int(rng.integers(10, 900))
                low, high = value - int(rng.integers(0, 10)), value + int(rng.integers(0, 10))
                flag = "p" if rng.random() < 0.05 else ""
                line = f"{ind.id},{country},{ind.reporters[0]},{period},{value},{low},{high},"
                lines.append(line + f"{flag},{source}\n")
        return "".join(lines)

    def blocks() -> Iterator[str]:
        yield "".join(country_block(c) for c in STORE_COUNTRIES)
        others = [country_block(c) for c in _citizens()[len(STORE_COUNTRIES) :]]
        while True:  # other countries' rows are skipped, so they may repeat
            yield from others

    return _write(path, header, blocks())


LAYOUTS: dict[str, tuple[str, str, Callable[[Path], Path]]] = {
    "eurostat_bulk_tsv": ("eurostat", "estat_migr_asyappctzm_200mb.tsv", bulk_tsv),
    "eurostat_sdmx_csv": ("eurostat", "migr_eiord1_200mb.csv", sdmx_csv),
    "template_csv": ("template", "internal_figures_200mb.csv", template_csv),
}


def _baseline_mib() -> float:
    out = subprocess.run(
        [sys.executable, "-c", _BASELINE], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(out.stdout.strip().splitlines()[-1])["peak_mib"]


def run(ctx: dict) -> dict:
    from indicators.importers.public import build_empty_store

    WORK.mkdir(parents=True, exist_ok=True)
    out: dict = {"load_average_at_start": round(os.getloadavg()[0], 1)}
    chosen = os.environ.get("BENCH_BIG_CSV_LAYOUTS", ",".join(LAYOUTS)).split(",")
    # Layouts not run this time keep their last figures (each names its own load).
    results = ROOT / "bench" / "results.json"
    earlier = (
        json.loads(results.read_text()).get(__name__.split(".")[-1], {}) if results.exists() else {}
    )
    for key, value in earlier.items():
        layout = next((n for n in LAYOUTS if key.startswith(n + "_")), None)
        if layout and layout not in chosen:
            out[key] = value
    baseline = _baseline_mib()
    out["baseline_mib"] = round(baseline)
    for name in chosen:
        fmt, file_name, write = LAYOUTS[name]
        file = write(WORK / file_name)
        size_mib = file.stat().st_size / 2**20
        store = WORK / "big_csv.duckdb"
        build_empty_store(store)
        r = child_import(store, fmt, file)
        out[f"{name}_file_mib"] = round(size_mib)
        out[f"{name}_outcome"] = r["outcome"]
        out[f"{name}_seconds"] = budget(round(r["seconds"], 1), 30.0)
        out[f"{name}_cpu_seconds"] = round(r["cpu_seconds"], 1)
        out[f"{name}_peak_memory"] = budget(round(r["peak_mib"]), round(3 * size_mib), "MiB")
        out[f"{name}_peak_over_file"] = round(r["peak_mib"] / size_mib, 2)
        out[f"{name}_peak_above_baseline_over_file"] = round(
            (r["peak_mib"] - baseline) / size_mib, 2
        )
        out[f"{name}_load_average_after"] = round(os.getloadavg()[0], 1)
        file.unlink()
    return out
