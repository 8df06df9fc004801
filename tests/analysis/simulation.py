"""Simulated series with a known truth, for the calibration study.

A series runs from 2016 to 2025 (monthly or quarterly) and is a true level (flat,
a smooth non-linear trend, or a step of two noise standard deviations at 2022) plus
a seasonal pattern (monthly), AR(1) noise with unit marginal variance and phi drawn
from [0, 0.6], and 5% missing periods. The truth compared against is the change in
the mean true level between 2016–2021 and 2022–2025.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.analysis import compare_periods

A, B = "2016-2021", "2022-2025"
FREQ = {"M": "M", "Q": "Q"}


@dataclass(frozen=True)
class Case:
    seed: int
    frequency: str
    kind: str  # "null", "trend" or "step"


@dataclass(frozen=True)
class Outcome:
    case: Case
    truth: float
    estimate: float
    low95: float
    high95: float
    probability_increase: float

    @property
    def covered(self) -> bool:
        return self.low95 <= self.truth <= self.high95


def simulate(case: Case) -> tuple[pd.Series, float]:
    """One series and its true change in mean level."""
    rng = np.random.default_rng([case.seed, zlib.crc32(f"{case.frequency}{case.kind}".encode())])
    index = pd.period_range("2016-01", "2025-12", freq=FREQ[case.frequency]).to_timestamp()
    n, t = len(index), np.arange(len(index))
    in_b = np.asarray(index >= pd.Timestamp("2022-01-01"))
    level = _level(case.kind, rng, t, in_b)
    season = 0.8 * np.sin(2 * np.pi * t / 12 + rng.uniform(0, 6)) if case.frequency == "M" else 0.0
    values = 50 + level + season + _ar_noise(rng, n, rng.uniform(0, 0.6))
    values[rng.random(n) < 0.05] = np.nan
    return pd.Series(values, index), float(level[in_b].mean() - level[~in_b].mean())


def _level(kind: str, rng: np.random.Generator, t: np.ndarray, in_b: np.ndarray) -> np.ndarray:
    if kind == "trend":
        cycles = rng.uniform(0.3, 1.2)
        return 1.5 * np.sin(2 * np.pi * cycles * t / len(t) + rng.uniform(0, 6))
    if kind == "step":
        return np.where(in_b, 2.0, 0.0)
    return np.zeros(len(t))


def _ar_noise(rng: np.random.Generator, n: int, phi: float) -> np.ndarray:
    noise = np.empty(n)
    noise[0] = rng.normal()
    for i in range(1, n):
        noise[i] = phi * noise[i - 1] + np.sqrt(1 - phi**2) * rng.normal()
    return noise


def run_case(case: Case) -> Outcome:
    """Compare the windows of one simulated series (runs in a worker process)."""
    series, truth = simulate(case)
    c = compare_periods(series, A, B, scale="linear")
    return Outcome(case, truth, c.estimate, c.low95, c.high95, c.probability_increase)
