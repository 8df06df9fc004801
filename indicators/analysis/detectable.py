"""The smallest detectable change: how large a change must be to stand out from the noise.

"Detected" means what the product's own verdict calls an increase or a decrease: the
95% interval excludes no change (`statements.verdict`). The smallest detectable change
is the change δ that this rule finds four times out of five (80% power): the interval's
half-width at δ plus t_{0.80} standard deviations, (t_{0.975} + t_{0.80}) x sd(δ).

sd(δ) is the standard deviation the comparison would have *at that change*. For most
series it does not depend on δ. For counts it does: the variance of window B's mean
grows with B's level (quasi-Poisson), so a rise of δ from window A's level widens
the interval it must clear; taking the variance at A's level stated a change that was
found 69% of the time, not 80% (the calibration study's Poisson process). `growth`
gives that dependence, and δ is then the fixed point of δ = (t + t) x sd x growth(δ).
A change smaller than this can be real and still leave "no detectable change".
"""

from __future__ import annotations

import math
from collections.abc import Callable

from indicators.analysis.student import t_ppf

LEVEL = 0.95
POWER = 0.80
_ITERATIONS = 50  # growth is a square root of a linear function: a handful suffice


def smallest_detectable_change(
    sd: float,
    df: float,
    level: float = LEVEL,
    power: float = POWER,
    *,
    growth: Callable[[float], float] | None = None,
) -> float:
    """On the model scale, for a difference whose standard deviation is `sd` at no change.

    `growth(δ)`: sd at a change δ divided by `sd` (None: the sd does not depend on δ).
    """
    base = (t_ppf(0.5 + level / 2, df) + t_ppf(power, df)) * sd
    if growth is None or not (math.isfinite(base) and base > 0):
        return base
    delta = base
    for _ in range(_ITERATIONS):
        nxt = base * growth(delta)
        if abs(nxt - delta) <= 1e-9 * max(abs(delta), 1e-300):
            return nxt
        delta = nxt
    return delta


def count_growth(
    mean_a: float, mean_b: float, var_a: float, var_b: float, cov_ab: float
) -> Callable[[float], float]:
    """sd(δ) / sd(0) for counts whose window variances are proportional to their levels.

    At a change δ window B's level is window A's plus δ, so B's variance (estimated at
    B's own level) is scaled by (mean_a + δ) / mean_b, its covariance with A by the
    square root of that.
    """
    at_zero = var_a + var_b - 2 * cov_ab
    if not (mean_b > 0 and at_zero > 0):
        return lambda delta: 1.0

    def growth(delta: float) -> float:
        ratio = max(mean_a + delta, 0.0) / mean_b
        at_delta = var_a + ratio * var_b - 2 * math.sqrt(ratio) * cov_ab
        return math.sqrt(max(at_delta, 0.0) / at_zero)

    return growth
