"""A change between two windows, first on the model scale, then in the series' units.

Every method produces a `Spread` (estimate, 80% and 95% bounds, probability of an
increase) on the model scale; `Units` turns it into absolute and percent figures.
On the log scale a change x means a factor exp(x): percent = 100 (exp(x) - 1) and the
absolute change is that percentage of the reference level (window A), so bounds stay
in order and scaling the series scales every absolute figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from indicators.analysis.student import t_cdf, t_ppf


@dataclass(frozen=True)
class Spread:
    """A change on the model scale with its 80% and 95% intervals."""

    estimate: float
    low80: float
    high80: float
    low95: float
    high95: float
    probability_increase: float


def t_spread(estimate: float, sd: float, df: float) -> Spread:
    """Intervals and probability of an increase from a Student-t distribution."""
    if not sd > 0:
        p = 0.5 if estimate == 0 else float(estimate > 0)
        return Spread(estimate, estimate, estimate, estimate, estimate, p)
    q80, q95 = t_ppf(0.90, df), t_ppf(0.975, df)
    return Spread(
        estimate,
        estimate - q80 * sd,
        estimate + q80 * sd,
        estimate - q95 * sd,
        estimate + q95 * sd,
        t_cdf(estimate / sd, df),
    )


def placebo_spread(estimate: float, placebos: np.ndarray) -> Spread:
    """Intervals from the spread of placebo estimates (what chance alone produces)."""
    size = np.abs(placebos)
    q80, q95 = np.quantile(size, [0.80, 0.95])
    below = np.sum(placebos < estimate) + 0.5 * np.sum(placebos == estimate)
    # A permutation probability never reaches 0 or 1 with finitely many placebos.
    p = (below + 0.5) / (len(placebos) + 1)
    return Spread(
        estimate, estimate - q80, estimate + q80, estimate - q95, estimate + q95, float(p)
    )


@dataclass(frozen=True)
class Units:
    """Converts model-scale changes relative to a model-scale reference level."""

    scale: str
    reference: float

    @property
    def reference_level(self) -> float:
        return math.exp(self.reference) if self.scale == "log" else self.reference

    def absolute(self, x: float) -> float:
        if self.scale == "log":
            return self.reference_level * math.expm1(x)
        return x

    def percent(self, x: float) -> float | None:
        if self.scale == "log":
            return 100 * math.expm1(x)
        return 100 * x / self.reference if self.reference > 0 else None
