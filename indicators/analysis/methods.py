"""The robustness panel: one change between windows A and B, measured four ways.

- `adjusted_means` (the headline): difference of the seasonally adjusted period
  means; its interval comes from the fitted noise model (AR(1) + irregular +
  measurement variance), so lingering noise widens it as it should, and is never
  narrower than a block bootstrap of the adjusted values would make it. Its t
  quantiles use the effective number of independent values, n (1 - phi) / (1 + phi).
- `period_means`: difference of the plain period means; interval from a circular
  moving-block bootstrap within each window (no model at all).
- `trend_ends`: difference of the smoothed trend level at the last period of each
  window, with the level path's joint uncertainty.
- `relative_to_comparison`: difference in differences against comparison countries;
  its interval comes from placebo-in-time permutations (the same statistic on the
  series rotated in time, comparison countries rotated alike).

All work on the model scale (log or linear) and return a `Spread`, or None when the
windows hold too little for that method.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from indicators.analysis.change import Spread, placebo_spread, t_spread
from indicators.analysis.trend import TrendResult

BOOTSTRAP_REPS = 999
BOOTSTRAP_SEED = 20250101
MIN_PLACEBOS = 8

LABELS = {
    "adjusted_means": {
        "en": "Seasonally adjusted period means (trend model noise)",
        "nl": "Seizoensgecorrigeerde periodegemiddelden (ruis uit trendmodel)",
    },
    "period_means": {
        "en": "Difference of period means (block bootstrap)",
        "nl": "Verschil van periodegemiddelden (blokbootstrap)",
    },
    "trend_ends": {
        "en": "Trend level at the end of each window",
        "nl": "Trendniveau aan het eind van elke periode",
    },
    "relative_to_comparison": {
        "en": "Change relative to comparison countries (placebo-in-time permutations)",
        "nl": "Verandering ten opzichte van vergelijkingslanden (placebo-in-de-tijd permutaties)",
    },
}


@dataclass(frozen=True)
class Headline:
    """The headline change, its standard deviation and degrees of freedom, and window A's level."""

    spread: Spread
    reference: float
    sd: float
    df: float


def adjusted_means(trend: TrendResult, in_a: np.ndarray, in_b: np.ndarray) -> Headline:
    """The headline change between the seasonally adjusted window means."""
    adjusted, positions = trend.adjusted, np.arange(len(trend.periods))
    mean_a, mean_b = float(adjusted[in_a].mean()), float(adjusted[in_b].mean())
    sd = trend.noise.mean_difference_sd(
        positions[in_a], positions[in_b], trend.extra_var[in_a], trend.extra_var[in_b]
    )
    if in_a.sum() >= 2 and in_b.sum() >= 2:
        # Never narrower than a model-free block bootstrap: guards against a fit
        # that let the level soak up noise.
        boot = math.sqrt(_bootstrap_variance(adjusted[in_a]) + _bootstrap_variance(adjusted[in_b]))
        sd = max(sd, boot)
    df = trend.noise.effective_df(int(in_a.sum() + in_b.sum()))
    return Headline(t_spread(mean_b - mean_a, sd, df), mean_a, sd, df)


def period_means(values: np.ndarray, in_a: np.ndarray, in_b: np.ndarray) -> Spread | None:
    """Plain difference of means; each window's variance from a block bootstrap."""
    a, b = values[in_a], values[in_b]
    if len(a) < 2 or len(b) < 2:
        return None
    var_a, var_b = _bootstrap_variance(a), _bootstrap_variance(b)
    welch = (var_a + var_b) ** 2 / (var_a**2 / (len(a) - 1) + var_b**2 / (len(b) - 1) or 1.0)
    return t_spread(float(b.mean() - a.mean()), math.sqrt(var_a + var_b), max(welch, 1.0))


def _bootstrap_variance(values: np.ndarray) -> float:
    """Variance of the mean by circular moving-block bootstrap, bias-corrected for iid data."""
    m = len(values)
    block = max(1, round(m ** (1 / 3)))
    # Seeded by the window's length, so the same window always gets the same draws.
    rng = np.random.default_rng([BOOTSTRAP_SEED, m])
    starts = rng.integers(0, m, size=(BOOTSTRAP_REPS, -(-m // block)))
    index = (starts[:, :, None] + np.arange(block)).reshape(BOOTSTRAP_REPS, -1)[:, :m] % m
    means = values[index].mean(axis=1)
    return float(means.var(ddof=1) * m / (m - 1))


def trend_ends(
    trend: TrendResult, window_a: np.ndarray, window_b: np.ndarray
) -> tuple[Spread, float]:
    """Level at the last period of B minus level at the last period of A."""
    end_a, end_b = np.flatnonzero(window_a)[-1], np.flatnonzero(window_b)[-1]
    cov = trend.level_cov
    var = cov[end_a, end_a] + cov[end_b, end_b] - 2 * cov[end_a, end_b]
    delta = float(trend.level_model[end_b] - trend.level_model[end_a])
    return t_spread(delta, math.sqrt(max(var, 0.0)), trend.noise.df), float(
        trend.level_model[end_a]
    )


def relative_to_comparison(
    target: np.ndarray, others: np.ndarray, in_a: np.ndarray, in_b: np.ndarray, scale: str
) -> tuple[Spread, float] | None:
    """Difference in differences against comparison countries (rows of `others`).

    `target` and `others` are on the target's model scale, on the target's grid,
    NaN where missing. On the log scale the statistic is the change in log level
    minus the comparison countries' average change in log level; on the linear scale
    it is the change minus what the comparison countries' average relative change
    would give from the target's window-A level.
    """
    estimate = float(_did(target, others, in_a, in_b, scale))
    if not np.isfinite(estimate):
        return None
    n = len(target)
    # Every rotation k = 1 .. n-1 at once: rotated[k - 1, j] = series[(j - k) mod n].
    rotation = (np.arange(n)[None, :] - np.arange(1, n)[:, None]) % n
    placebos = _did(target[rotation], np.swapaxes(others[:, rotation], 0, 1), in_a, in_b, scale)
    placebos = placebos[np.isfinite(placebos)]
    if len(placebos) < MIN_PLACEBOS:
        return None
    return placebo_spread(estimate, placebos), float(np.nanmean(target[in_a]))


def _did(
    target: np.ndarray, others: np.ndarray, in_a: np.ndarray, in_b: np.ndarray, scale: str
) -> np.ndarray:
    """The statistic for target (..., n) against others (..., countries, n)."""
    t_a, t_b = _window_mean(target, in_a), _window_mean(target, in_b)
    c_a, c_b = _window_mean(others, in_a), _window_mean(others, in_b)
    usable = np.isfinite(c_a) & np.isfinite(c_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        if scale == "linear":
            usable &= np.nan_to_num(c_a) > 0
            growth = c_b / c_a - 1
        else:
            growth = c_b - c_a
        count = usable.sum(axis=-1)
        mean_growth = np.where(usable, growth, 0.0).sum(axis=-1) / np.where(
            count > 0, count, np.nan
        )
        base = t_a * mean_growth if scale == "linear" else mean_growth
        return (t_b - t_a) - base


def _window_mean(values: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """Mean over the window's periods along the last axis, ignoring gaps (NaN if none)."""
    part = values[..., inside]
    count = np.sum(~np.isnan(part), axis=-1)
    total = np.nansum(part, axis=-1)
    return np.where(count > 0, total / np.maximum(count, 1), np.nan)
