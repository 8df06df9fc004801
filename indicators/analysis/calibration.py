"""The calibration study: does a comparison say what its numbers promise, on known truths?

Six processes, each a 2016–2025 series compared 2016–2021 against 2022–2025, the
truth being the change in the mean *true* level between the windows:

- `ar085`: monthly, AR(1) noise with φ = 0.85 and a seasonal pattern;
- `t3`: monthly, heavy-tailed noise (Student t with 3 degrees of freedom, φ = 0.3);
- `poisson`: monthly counts with a mean of 3 to 8;
- `annual10`: annual, ten values;
- `quarterly_provisional`: quarterly, 20% of quarters missing, the last four
  provisional and 8% too low (each with its own revision noise), and a revision
  history of 12 to 20 earlier provisional values made final, 8% low plus the same
  noise: the estimate from it (`indicators.analysis.provisional`) is passed as the
  store path passes it;
- `smooth`: monthly, a smooth non-linear trend under AR(1) noise (φ = 0.5).

Per process three sets: `null` (no change at all), `prior` (a change drawn from
the sceptical prior's slab, so that `null` + `prior` is the population the worded
probabilities are calibrated for: half no change, half a change of typically a few
margins) and `power` (a step of the median smallest detectable change the `null`
series reported). Reported per process: 95% and 80% coverage, the share of
no-change series whose worded probability is "very likely" or stronger, the
calibration error of the stated P(change > +m) and P(change < −m) against its
sampling floor, and the detection rate at the smallest detectable change (power).

`run_study()` computes it (worker processes, fixed seeds); `python -m
indicators.analysis.calibration` writes `data/calibration/study.json`, which the
Method page shows and the slow test regenerates and compares.
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from indicators.texts import N_, t

RESULT_PATH = Path(__file__).resolve().parents[2] / "data" / "calibration" / "study.json"
A, B = "2016-2021", "2022-2025"
PROCESSES = ("ar085", "t3", "poisson", "annual10", "quarterly_provisional", "smooth")
SIZES = {"null": 400, "prior": 400, "power": 150}
CHUNK = 50
FULL_PER_PROCESS = 2  # series per process also run through compare_periods in full
STRONG = 90.0  # 'very likely' and above
FLOOR_REPS = 400
BINS = 10
LEVEL = 100.0
NOISE_SD = 10.0
MARGIN_PCT = 10.0
SEED = 20261201
PROVISIONAL_FACTOR = 0.92  # provisional figures come in 8% low
REVISION_SD = 0.03  # the noise of one revision, relative to the value
HISTORY_PAIRS = (12, 20)  # earlier provisional values made final, the fewest and most


@dataclass(frozen=True)
class Draw:
    """One series' outcome: truth, stated interval and probabilities, verdict, term."""

    process: str
    kind: str
    truth: float
    margin_true: float
    low95: float
    high95: float
    low80: float
    high80: float
    above: float
    below: float
    verdict: str
    term_low: float
    detectable: float


def simulate(process: str, kind: str, seed: int, step: float | None = None):  # type: ignore[no-untyped-def]
    """One series (pandas Series or observations frame), its true change and true margin."""
    rng = np.random.default_rng([SEED, zlib.crc32(f"{process}/{kind}".encode()), seed])
    freq = "A" if process == "annual10" else "Q" if process == "quarterly_provisional" else "M"
    index = pd.period_range("2016-01", "2025-12", freq={"A": "Y", "Q": "Q", "M": "M"}[freq])
    n = len(index)
    t = np.arange(n, dtype=float)
    in_b = np.asarray(index.to_timestamp() >= pd.Timestamp("2022-01-01"))
    base = LEVEL * np.ones(n)
    if process == "poisson":
        base = rng.uniform(3, 8) * np.ones(n)
    if process == "smooth":
        path = NOISE_SD * np.sin(2 * np.pi * rng.uniform(0.3, 1.2) * t / n + rng.uniform(0, 6))
        # No change in the window means: take out the ramp that carries one.
        diff = path[in_b].mean() - path[~in_b].mean()
        path -= diff / (t[in_b].mean() - t[~in_b].mean()) * (t - t.mean())
        base = base + path
    level_a = float(base[~in_b].mean())
    margin = MARGIN_PCT / 100 * level_a
    if kind == "prior":
        delta = rng.normal(0, 3 * margin)
    elif kind == "power":
        delta = float(step or 0.0)
    else:
        delta = 0.0
    true_level = base + np.where(in_b, delta, 0.0)
    if process == "poisson":
        true_level = np.clip(true_level, 0.2, None)
        values = rng.poisson(true_level).astype(float)
    else:
        values = true_level + _noise(process, rng, n, freq)
    truth = float(true_level[in_b].mean() - true_level[~in_b].mean())
    starts = index.to_timestamp()
    if process == "quarterly_provisional":
        flags = np.array([""] * n, dtype=object)
        flags[-4:] = "p"
        values[-4:] *= PROVISIONAL_FACTOR * np.exp(
            _revision_rng(process, kind, seed, "current").normal(0, REVISION_SD, 4)
        )
        missing = rng.random(n) < 0.2
        missing[-4:] = False
        frame = pd.DataFrame(
            {"period_start": starts, "value": values, "flags": flags, "frequency": "Q"}
        )
        return frame[~missing].reset_index(drop=True), truth, margin
    return pd.Series(values, starts), truth, margin


def simulated_bias(process: str, kind: str, seed: int):  # type: ignore[no-untyped-def]
    """The provisional bias estimate from a simulated revision history (None: no history).

    Earlier provisional values and their final values, as the store's `revisions()`
    rows, through the estimator the store path uses.
    """
    from indicators.analysis.provisional import estimate_bias

    if process != "quarterly_provisional":
        return None
    rng = _revision_rng(process, kind, seed, "history")
    pairs = int(rng.integers(HISTORY_PAIRS[0], HISTORY_PAIRS[1] + 1))
    final = LEVEL + NOISE_SD * rng.normal(size=pairs)
    old = final * PROVISIONAL_FACTOR * np.exp(rng.normal(0, REVISION_SD, pairs))
    revisions = pd.DataFrame(
        {"old_value": old, "new_value": final, "old_flags": "p", "new_flags": ""}
    )
    return estimate_bias(revisions)


def _revision_rng(process: str, kind: str, seed: int, part: str) -> np.random.Generator:
    # Streams of their own, so the series' values and gaps are those of the other draws.
    return np.random.default_rng([SEED, zlib.crc32(f"{process}/{kind}/{part}".encode()), seed])


def _noise(process: str, rng: np.random.Generator, n: int, freq: str) -> np.ndarray:
    if process == "annual10":
        return NOISE_SD * rng.normal(size=n)
    phi = {"ar085": 0.85, "t3": 0.3, "quarterly_provisional": 0.5, "smooth": 0.5}[process]
    if process == "t3":
        shocks = rng.standard_t(3, size=n) / np.sqrt(3.0)  # unit variance
    else:
        shocks = rng.normal(size=n)
    e = np.empty(n)
    e[0] = shocks[0]
    for i in range(1, n):
        e[i] = phi * e[i - 1] + np.sqrt(1 - phi**2) * shocks[i]
    season = 0.5 * np.sin(2 * np.pi * np.arange(n) / 12) if freq == "M" else 0.0
    return NOISE_SD * (e + season)


def run_chunk(item: tuple[str, str, Sequence[int], float | None]) -> list[Draw]:
    """The headline comparison of a chunk of series (runs in a worker process)."""
    from indicators.analysis.comparison import headline_only

    process, kind, seeds, step = item
    out = []
    for seed in seeds:
        series, truth, margin = simulate(process, kind, seed, step)
        counts = "count" if process == "poisson" else None
        bias = simulated_bias(process, kind, seed)
        h = headline_only(
            series, A, B, value_kind=counts, margin_pct=MARGIN_PCT, provisional_bias=bias
        )
        out.append(
            Draw(
                process,
                kind,
                truth,
                margin,
                h.low95,
                h.high95,
                h.low80,
                h.high80,
                h.probability_above_margin,
                h.probability_below_margin,
                h.verdict,
                h.term_low,
                h.smallest_detectable_change,
            )
        )
    return out


def run_full(item: tuple[str, int]) -> dict:
    """compare_periods in full on one null series: its sentence words what the headline says."""
    from indicators.analysis.comparison import compare_periods, headline_only
    from indicators.analysis.direction import worded_change

    process, seed = item
    series, _, _ = simulate(process, "null", seed)
    kind = "count" if process == "poisson" else None
    bias = simulated_bias(process, "null", seed)
    full = compare_periods(
        series, A, B, value_kind=kind, margin_pct=MARGIN_PCT, provisional_bias=bias
    )
    fast = headline_only(
        series, A, B, value_kind=kind, margin_pct=MARGIN_PCT, provisional_bias=bias
    )
    w = worded_change(full)
    return {
        "process": process,
        "same_interval": bool(np.isclose(full.low95, fast.low95) and full.verdict == fast.verdict),
        # 'little change' words no probability: its interval already rules out the margin.
        "term_in_sentence": full.verdict == "little_change"
        or (w.term.en in full.sentence_en and w.term.nl in full.sentence_nl),
        "strong": w.term.low >= STRONG,
    }


def run_study(workers: int | None = None) -> dict:
    """The whole study; a JSON-ready dict with one row per process."""
    from indicators.analysis.workers import run_parallel

    def items(kind: str, steps: dict[str, float] | None = None) -> list:
        return [
            (p, kind, list(range(s, min(s + CHUNK, SIZES[kind]))), steps[p] if steps else None)
            for p in PROCESSES
            for s in range(0, SIZES[kind], CHUNK)
        ]

    def cost(item: tuple) -> float:
        return 1.0 if item[0] in ("annual10", "quarterly_provisional") else 6.0

    draws = [
        d
        for chunk in run_parallel(
            run_chunk, items("null") + items("prior"), workers=workers, cost=cost
        )
        for d in chunk
    ]
    steps = {
        p: float(np.median([d.detectable for d in draws if d.process == p and d.kind == "null"]))
        for p in PROCESSES
    }
    power = [
        d
        for chunk in run_parallel(run_chunk, items("power", steps), workers=workers, cost=cost)
        for d in chunk
    ]
    full = run_parallel(
        run_full, [(p, s) for p in PROCESSES for s in range(FULL_PER_PROCESS)], workers=workers
    )
    rows = [_summarise(p, draws, power, steps[p], full) for p in PROCESSES]
    return {"processes": rows, "sizes": SIZES, "seed": SEED, "margin_pct": MARGIN_PCT}


def _summarise(
    process: str, draws: list[Draw], power: list[Draw], step: float, full: list[dict]
) -> dict:
    mine = [d for d in draws if d.process == process]
    null = [d for d in mine if d.kind == "null"]
    cov95 = np.mean([d.low95 <= d.truth <= d.high95 for d in mine])
    cov80 = np.mean([d.low80 <= d.truth <= d.high80 for d in mine])
    strong = np.mean([d.term_low >= STRONG for d in null])
    stated = np.array([d.above for d in mine] + [d.below for d in mine])
    happened = np.array(
        [d.truth > d.margin_true for d in mine] + [d.truth < -d.margin_true for d in mine]
    )
    error = calibration_error(stated, happened)
    floor = sampling_floor(stated, zlib.crc32(process.encode()))
    found = np.mean([d.verdict == "increase" for d in power if d.process == process])
    checks = [f for f in full if f["process"] == process]
    return {
        "process": process,
        "n": len(mine),
        "coverage95": float(cov95),
        "coverage80": float(cov80),
        "strong_on_no_change": float(strong),
        "calibration_error": float(error),
        "calibration_floor": float(floor),
        "detectable_step": step,
        "power": float(found),
        "full_checks": len(checks),
        "full_consistent": all(f["same_interval"] and f["term_in_sentence"] for f in checks),
    }


def calibration_error(stated: np.ndarray, happened: np.ndarray) -> float:
    """Expected calibration error: |share happened − mean stated| over ten bins, weighted."""
    bins = np.minimum((stated * BINS).astype(int), BINS - 1)
    total = 0.0
    for b in range(BINS):
        inside = bins == b
        if inside.any():
            total += inside.sum() * abs(happened[inside].mean() - stated[inside].mean())
    return total / len(stated)


def sampling_floor(stated: np.ndarray, seed: int) -> float:
    """The calibration error a perfectly calibrated forecaster gets from chance alone."""
    rng = np.random.default_rng([SEED, seed])
    return float(
        np.mean(
            [calibration_error(stated, rng.random(len(stated)) < stated) for _ in range(FLOOR_REPS)]
        )
    )


# The processes' names in the library's catalogue (`calibration_process_<id>`), composed
# at run time: declared so that extraction keeps them.
PROCESS_KEYS = (
    N_("calibration_process_ar085"),
    N_("calibration_process_t3"),
    N_("calibration_process_poisson"),
    N_("calibration_process_annual10"),
    N_("calibration_process_quarterly_provisional"),
    N_("calibration_process_smooth"),
)


def acceptance(row: dict) -> dict[str, bool]:
    """Which of the issue's acceptance rules one process's row meets."""
    return {
        "coverage95": 0.93 <= row["coverage95"] <= 0.97,
        "coverage80": 0.77 <= row["coverage80"] <= 0.83,
        "strong_on_no_change": row["strong_on_no_change"] <= 0.05,
        "calibration": row["calibration_error"] <= 1.5 * row["calibration_floor"],
    }


def study_table(result: dict, lang: str) -> pd.DataFrame:
    """The study's table for the Method page, in `lang`, from a stored result."""
    from indicators import formatting

    lang = "en" if lang == "en" else "nl"
    rows = []
    for row in result["processes"]:
        ok = acceptance(row)

        def mark(key: str, text: str, ok: dict = ok) -> str:
            return f"{text} {'✔' if ok[key] else '✖'}"

        rows.append(
            {
                t("calibration_column_process", lang): t(
                    f"calibration_process_{row['process']}", lang
                ),
                t("calibration_column_n", lang): formatting.number(row["n"], lang),
                t("calibration_column_coverage95", lang): mark(
                    "coverage95", formatting.percent(row["coverage95"], lang, 1, ratio=True)
                ),
                t("calibration_column_coverage80", lang): mark(
                    "coverage80", formatting.percent(row["coverage80"], lang, 1, ratio=True)
                ),
                t("calibration_column_strong_on_no_change", lang): mark(
                    "strong_on_no_change",
                    formatting.percent(row["strong_on_no_change"], lang, 1, ratio=True),
                ),
                t("calibration_column_calibration", lang): mark(
                    "calibration",
                    formatting.number(row["calibration_error"] / row["calibration_floor"], lang, 2),
                ),
                t("calibration_column_power", lang): formatting.percent(
                    row["power"], lang, 0, ratio=True
                ),
            }
        )
    return pd.DataFrame(rows)


def load_study(path: Path = RESULT_PATH) -> dict | None:
    """The stored study result, or None when it has not been written."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def write_study(result: dict, path: Path = RESULT_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    # Through the module's own name: functions of __main__ cannot reach the workers.
    from indicators.analysis import calibration

    result = calibration.run_study()
    calibration.write_study(result)
    for row in result["processes"]:
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Draw", "asdict", "load_study", "run_study", "write_study"]
