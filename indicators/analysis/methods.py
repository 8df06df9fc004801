"""The robustness panel: one change between windows A and B, measured several ways.

Three methods estimate the same quantity as the headline (the change in the mean
level of the compared quantity between the windows); they differ in what they
assume about the noise:

- `adjusted_means` (the headline, `indicators.analysis.means`): window means with
  AR(1) noise integrated over its REML posterior, Welch for short series;
- `period_means`: the same difference of means; each window's variance from a
  circular moving-block bootstrap (no noise model), blocks long enough for the
  persistence the headline found: (1 + φ) / (1 − φ) periods, at least m^(1/3);
- `trend_means`: the mean of the smoothed trend level over each window (every
  period, gaps included), with the level path's joint uncertainty.

A fourth, `relative_to_comparison`, measures something else — the change relative
to comparison countries (difference in differences, interval from placebo-in-time
permutations) — and is shown as context only: it never takes part in the panel's
agreement. With fewer than `MIN_PLACEBOS` placebo estimates its probability would
take only a few coarse values, so it is left out and the comparison says why.

All work on the compared scale and return a `Spread`, or None when the windows hold
too little for that method.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from indicators.analysis.change import Spread, placebo_spread, t_spread
from indicators.analysis.series import from_model_scale, to_model_scale
from indicators.analysis.trend import TrendResult
from indicators.texts import by_lang

BOOTSTRAP_REPS = 999
BOOTSTRAP_SEED = 20250101
MIN_PLACEBOS = 19  # a probability in steps of 5% at most
SAME_QUANTITY = ("adjusted_means", "period_means", "trend_means")

# Each method's name in both languages, from the library's gettext catalogue.
LABELS: dict[str, dict[str, str]] = {
    "adjusted_means": by_lang("method_label_adjusted_means"),
    "period_means": by_lang("method_label_period_means"),
    "trend_means": by_lang("method_label_trend_means"),
    "relative_to_comparison": by_lang("method_label_relative_to_comparison"),
}


def period_means(
    values: np.ndarray, in_a: np.ndarray, in_b: np.ndarray, phi: float = 0.0
) -> Spread | None:
    """Plain difference of means; each window's variance from a block bootstrap."""
    a, b = values[in_a], values[in_b]
    if len(a) < 2 or len(b) < 2:
        return None
    var_a, var_b = _bootstrap_variance(a, phi), _bootstrap_variance(b, phi)
    welch = (var_a + var_b) ** 2 / (var_a**2 / (len(a) - 1) + var_b**2 / (len(b) - 1) or 1.0)
    return t_spread(float(b.mean() - a.mean()), math.sqrt(var_a + var_b), max(welch, 1.0))


def _bootstrap_variance(values: np.ndarray, phi: float = 0.0) -> float:
    """Variance of the mean by circular moving-block bootstrap, bias-corrected for iid data."""
    m = len(values)
    persistence = (1 + phi) / (1 - phi) if 0 < phi < 1 else 1.0
    block = int(min(max(1, round(m ** (1 / 3)), round(persistence)), max(1, m // 2)))
    # Seeded by the window's length, so the same window always gets the same draws.
    rng = np.random.default_rng([BOOTSTRAP_SEED, m])
    starts = rng.integers(0, m, size=(BOOTSTRAP_REPS, -(-m // block)))
    index = (starts[:, :, None] + np.arange(block)).reshape(BOOTSTRAP_REPS, -1)[:, :m] % m
    means = values[index].mean(axis=1)
    return float(means.var(ddof=1) * m / (m - 1))


def trend_means(
    trend: TrendResult, window_a: np.ndarray, window_b: np.ndarray, scale: str
) -> Spread | None:
    """Mean of the smoothed level over B minus over A, on the compared `scale`."""
    level = trend.level_model
    units = from_model_scale(level, trend.scale)
    if scale == "log" and np.any(units[window_a | window_b] <= 0):
        return None
    target = to_model_scale(units, scale)  # type: ignore[arg-type]
    # d target / d level: the delta method carries the level's covariance over.
    if trend.scale == scale:
        slope = np.ones(len(level))
    elif trend.scale == "log":  # log-scale trend, arithmetic mean compared
        slope = units
    else:  # linear trend, geometric mean compared
        slope = 1 / units
    weights = (window_b / window_b.sum() - window_a / window_a.sum()) * slope
    var = float(weights @ trend.level_cov @ weights)
    delta = float(target[window_b].mean() - target[window_a].mean())
    return t_spread(delta, math.sqrt(max(var, 0.0)), trend.noise.df)


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


@dataclass(frozen=True)
class ComparisonChecks:
    """How far the change relative to comparison countries can be read (model scale).

    - Cross-country placebos: the same statistic with each comparison country in the
      target's place (the target joins the others). `placebo_units` were run;
      `placebo_as_large` of them show a change at least as large, relative to their
      own window-A level. With a handful of countries this is a rank among a few,
      never a probability finer than 1 in `placebo_units` + 1.
    - Pre-period fit: the same statistic between the two halves of window A, where a
      comparison that tracks the target finds nothing. `pre_fit` is True when it lies
      within the 95% range of its `pre_placebos` placebo periods (window A's values
      rotated among window A's periods).
    """

    placebo_units: int
    placebo_as_large: int
    pre_gap: float
    pre_fit: bool
    pre_placebos: int


def comparison_checks(
    target: np.ndarray,
    others: np.ndarray,
    window_a: np.ndarray,
    window_b: np.ndarray,
    scale: str,
) -> ComparisonChecks | None:
    """Cross-country placebos and the pre-period fit of `relative_to_comparison`.

    Arrays as there (target's grid and model scale, NaN where missing); `window_a`,
    `window_b` are the windows' periods (gaps are skipped inside). None when window A
    is too short to halve or no statistic can be computed.
    """
    estimate = float(_did(target, others, window_a, window_b, scale))
    if not np.isfinite(estimate):
        return None
    sizes = []
    for j in range(len(others)):
        pool = np.vstack([np.delete(others, j, axis=0), target[None, :]])
        placebo = float(_did(others[j], pool, window_a, window_b, scale))
        if np.isfinite(placebo):
            sizes.append(_relative_size(placebo, others[j], window_a, scale))
    mine = _relative_size(estimate, target, window_a, scale)
    # Rounded before comparing: a last-digit difference between BLAS kernels must not
    # move a placebo from one side of the target's size to the other.
    as_large = sum(round(s, 9) >= round(mine, 9) for s in sizes)
    positions = np.flatnonzero(window_a)
    if len(positions) < 4:
        return None
    first = window_a.copy()
    first[positions[len(positions) // 2] :] = False
    second = window_a & ~first
    pre = _did(target, others, first, second, scale)
    if not np.isfinite(pre):
        return None
    # Placebo periods inside window A only (window A's values rotated among its own
    # periods): a drift between the target and the comparison within A then stands
    # out, where rotations over the whole series would wrap B's level into A.
    k = len(positions)
    rotation = np.tile(np.arange(len(target)), (k - 1, 1))
    rotation[:, positions] = positions[(np.arange(k)[None, :] - np.arange(1, k)[:, None]) % k]
    placebos = _did(target[rotation], np.swapaxes(others[:, rotation], 0, 1), first, second, scale)
    placebos = placebos[np.isfinite(placebos)]
    if len(placebos) < MIN_PLACEBOS:
        return None
    limit = float(np.quantile(np.abs(placebos), 0.95))
    return ComparisonChecks(
        placebo_units=len(sizes),
        placebo_as_large=int(as_large),
        pre_gap=float(pre),
        pre_fit=bool(round(abs(float(pre)), 9) <= round(limit, 9)),
        pre_placebos=len(placebos),
    )


def _relative_size(statistic: float, series: np.ndarray, window_a: np.ndarray, scale: str) -> float:
    """|statistic| on a scale shared by countries of any size: relative to window A's level."""
    if scale == "log":
        return abs(statistic)
    level = abs(float(_window_mean(series, window_a)))
    return abs(statistic) / level if level > 0 else math.inf


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
