"""The headline change: window B's mean level against window A's, with honest uncertainty.

The compared quantity is fixed per indicator in the catalogue (`compared_quantity`):
the arithmetic mean of the values in each window (counts, ratios, days, percent), or
the geometric mean. It never depends on the data, and it never depends on the trend
model's scale: the trend draws the chart, this module compares windows.

The estimate is the difference of the window means of the observed values, monthly
series seasonally adjusted by three harmonics fitted jointly with the two means.
Its uncertainty, with gaps wherever they fall:

- **Persistent noise.** The residuals follow an AR(1) process with coefficient φ.
  φ is not plugged in: the restricted (REML) likelihood of φ on a grid is used as
  its posterior, and the variance of the difference is averaged over it, so a
  series that might have φ = 0.9 gets the width φ = 0.9 needs. (A local trend
  fitted first would soak up slow noise and make the interval too narrow.)
- **Counts.** For counts the variance of each window is taken proportional to its
  mean (quasi-Poisson: over-dispersion is estimated, not assumed away).
- **Short series** (annual, or fewer than `MIN_AR_POINTS` values): Welch's t
  interval on the two windows' values, with Welch–Satterthwaite degrees of freedom.
- **Provisional values may be biased**, not just noisy. Where the source's revision
  history gives an estimate (`indicators.analysis.provisional`: the mean of
  log(provisional / final) over the values later made final), the provisional values
  are divided by exp(bias) and the estimate's standard error is the uncertainty of
  the bias they all share. Without one nothing is corrected and a shared bias of
  `PROVISIONAL_BIAS_SD` (one standard deviation, relative to the value) is assumed.
  Either way it is added to the variance, so it does not average away the way
  noise does.

Intervals are quantiles of that mixture over φ, widened by the t quantile for the
n − k degrees of freedom of the noise variance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from statistics import NormalDist

import numpy as np

from indicators.analysis.change import Spread, t_spread
from indicators.analysis.provisional import ProvisionalBias
from indicators.analysis.student import t_ppf

MIN_AR_POINTS = 20  # fewer values than this: Welch, no AR(1) term
SEASONAL_POINTS = 36
HARMONICS = 3
# A window with at least this many values gets a linear, then a quadratic path of its own.
WITHIN_POINTS = (16, 36)
PROVISIONAL_BIAS_SD = 0.05
_NORMAL = NormalDist()
# The φ grid of the REML posterior: dense where the width changes fastest (near 1).
# It reaches below 0 so that independent noise (φ = 0) is inside the grid rather than
# on its edge: a posterior cut at 0 always leans positive and widened the intervals of
# independent counts to 97.6% coverage in the calibration study. Only down to −0.3,
# so noise that merely looks anti-persistent by chance narrows an interval by a
# quarter at most.
PHI_GRID = np.concatenate([np.linspace(-0.3, 0.5, 9), np.linspace(0.55, 0.96, 12)])


@dataclass(frozen=True)
class WindowMeans:
    """The two window means (on the compared scale) and the uncertainty of their difference."""

    mean_a: float
    mean_b: float
    var_a: float
    var_b: float
    cov_ab: float
    df: float
    phi: float
    method: str  # 'ar1_reml' or 'welch'
    # The variance of the difference as a mixture over phi: (weight, variance) pairs.
    mixture: tuple[tuple[float, float], ...] = ()

    @property
    def estimate(self) -> float:
        return self.mean_b - self.mean_a

    @property
    def sd(self) -> float:
        return math.sqrt(max(self.var_a + self.var_b - 2 * self.cov_ab, 0.0))

    def spread(self) -> Spread:
        """Estimate, 80% and 95% bounds and P(change > 0) from the mixture over phi."""
        parts = self.mixture or ((1.0, self.sd**2),)
        weights = np.array([w for w, _ in parts])
        sds = np.sqrt(np.clip([v for _, v in parts], 0.0, None))
        est = self.estimate
        if not np.any(sds > 0):
            return t_spread(est, 0.0, self.df)
        half = {}
        for level in (0.80, 0.95):
            z = _mixture_quantile(weights, sds, 0.5 + level / 2)
            # t, not normal, for the variance estimated from df values
            normal_q = _NORMAL.inv_cdf(0.5 + level / 2)
            half[level] = z * t_ppf(0.5 + level / 2, self.df) / normal_q
        p_up = float(weights @ np.array([_NORMAL.cdf(est / s) if s > 0 else 0.5 for s in sds]))
        return Spread(
            est, est - half[0.80], est + half[0.80], est - half[0.95], est + half[0.95], p_up
        )


def window_means(
    values: np.ndarray,
    in_a: np.ndarray,
    in_b: np.ndarray,
    *,
    frequency: str,
    provisional: np.ndarray | None = None,
    counts: bool = False,
    bias_sd: float = PROVISIONAL_BIAS_SD,
    provisional_bias: ProvisionalBias | None = None,
    log_scale: bool = False,
) -> WindowMeans:
    """The difference of window means of `values` (grid positions; NaN in gaps).

    `in_a`, `in_b`: boolean masks of the observed values in each window.
    `provisional_bias`: the source's estimate; the provisional values are corrected by
    it and its standard error replaces `bias_sd`. `log_scale`: `values` are logarithms.
    """
    pos = np.flatnonzero(in_a | in_b)
    y = values[pos].astype(float)
    if provisional is not None and provisional_bias is not None:
        y = _corrected(y, provisional[pos], provisional_bias.bias, log_scale)
        bias_sd = provisional_bias.se
    is_b = in_b[pos]
    n_a, n_b = int((~is_b).sum()), int(is_b.sum())
    if frequency == "A" or len(y) < MIN_AR_POINTS or min(n_a, n_b) < 3:
        result = _welch(y, is_b)
    else:
        result = _ar1(y, pos, is_b, frequency == "M" and len(y) >= SEASONAL_POINTS, counts)
    if provisional is not None and bias_sd > 0:
        result = _with_provisional_bias(result, y, is_b, provisional[pos], bias_sd, log_scale)
    return result


def _corrected(y: np.ndarray, provisional: np.ndarray, bias: float, log_scale: bool) -> np.ndarray:
    """Provisional values as their final values are expected to be: divided by exp(bias)."""
    return np.where(provisional, y - bias if log_scale else y / np.exp(bias), y)


def _welch(y: np.ndarray, is_b: np.ndarray) -> WindowMeans:
    a, b = y[~is_b], y[is_b]
    mean_a, mean_b = float(a.mean()), float(b.mean())
    pooled = float(np.var(np.concatenate([a - mean_a, b - mean_b]), ddof=2)) if len(y) > 2 else 0.0
    # A window of one value has no spread of its own: borrow the other's (pooled).
    var_a = float(a.var(ddof=1)) / len(a) if len(a) > 1 else pooled / len(a)
    var_b = float(b.var(ddof=1)) / len(b) if len(b) > 1 else pooled / len(b)
    denom = (var_a**2 / max(len(a) - 1, 1)) + (var_b**2 / max(len(b) - 1, 1))
    df = (var_a + var_b) ** 2 / denom if denom > 0 else max(len(y) - 2, 1)
    return WindowMeans(mean_a, mean_b, var_a, var_b, 0.0, float(max(df, 1.0)), 0.0, "welch")


def _ar1(
    y: np.ndarray, pos: np.ndarray, is_b: np.ndarray, seasonal: bool, counts: bool
) -> WindowMeans:
    n = len(y)
    columns = [(~is_b).astype(float), is_b.astype(float)]
    # A smooth path within each window (centred, so the window means stay the plain
    # means): a slow trend is then not mistaken for persistent noise. REML accounts
    # for the freedom these terms take.
    for window in (~is_b, is_b):
        t = np.where(window, pos - pos[window].mean(), 0.0) / max(np.ptp(pos), 1)
        # Short windows cannot spare the freedom: fewer terms (REML is honest about it,
        # but too wide).
        degree = sum(int(window.sum()) >= need for need in WITHIN_POINTS)
        for power in range(1, degree + 1):
            column = np.where(window, t**power, 0.0)
            column[window] -= column[window].mean()
            columns.append(column)
    if seasonal:
        for h in range(1, HARMONICS + 1):
            angle = 2 * np.pi * h * pos / 12
            columns += [np.sin(angle), np.cos(angle)]
    x = np.column_stack(columns)
    k = x.shape[1]
    # OLS estimates (the plain adjusted window means) and their weights on y.
    x_pinv = np.linalg.pinv(x)
    beta = x_pinv @ y
    scale = np.ones(n)
    if counts:
        level = np.where(is_b, beta[1], beta[0])
        pooled = float(np.mean(level))
        if pooled > 0 and np.all(level > 0):
            scale = level / pooled  # variance proportional to the window's mean
    root = np.sqrt(scale)
    yw0, xw0 = y / root, x / root[:, None]
    # AR(1) at gappy positions is Markov: with gap d between neighbours, y_i - phi^d y_(i-1)
    # is independent of the past with variance 1 - phi^(2d). That whitens in O(n),
    # for the whole phi grid at once.
    gap = np.diff(pos).astype(float)
    rho = PHI_GRID[:, None] ** gap[None, :]  # (G, n-1)
    innov = np.sqrt(np.clip(1 - rho**2, 1e-12, None))
    yw = np.concatenate(
        [np.broadcast_to(yw0[:1], (len(PHI_GRID), 1)), (yw0[1:] - rho * yw0[:-1]) / innov], axis=1
    )
    xw = np.concatenate(
        [
            np.broadcast_to(xw0[:1], (len(PHI_GRID), 1, k)),
            (xw0[None, 1:] - rho[..., None] * xw0[None, :-1]) / innov[..., None],
        ],
        axis=1,
    )
    xtx = np.einsum("gik,gil->gkl", xw, xw)
    xty = np.einsum("gik,gi->gk", xw, yw)
    coef = np.linalg.solve(xtx, xty[..., None])[..., 0]
    rss = np.sum((yw - np.einsum("gik,gk->gi", xw, coef)) ** 2, axis=1)
    sigma2 = np.maximum(rss / (n - k), 1e-300)
    loglik = (
        -0.5 * (n - k) * np.log(sigma2)
        - np.log(innov).sum(axis=1)
        - 0.5 * np.linalg.slogdet(xtx)[1]
    )
    # Variances of the OLS window means under each phi: weights w, covariance s2 D R D.
    lag = np.abs(pos[:, None] - pos[None, :]).astype(float)
    wa, wb = x_pinv[0] * root, x_pinv[1] * root
    corr = PHI_GRID[:, None, None] ** lag[None]
    var_a = sigma2 * np.einsum("i,gij,j->g", wa, corr, wa)
    var_b = sigma2 * np.einsum("i,gij,j->g", wb, corr, wb)
    cov_ab = sigma2 * np.einsum("i,gij,j->g", wa, corr, wb)
    weights = np.exp(loglik - loglik.max()) * _grid_widths(PHI_GRID)
    weights /= weights.sum()
    phi_mean = float(weights @ PHI_GRID)
    # Given phi the whitened residuals are independent: sigma^2 has n - k degrees of
    # freedom; the uncertainty of phi itself is in the mixture.
    df = max(2.0, float(n - k))
    return WindowMeans(
        float(beta[0]),
        float(beta[1]),
        float(weights @ var_a),
        float(weights @ var_b),
        float(weights @ cov_ab),
        float(df),
        phi_mean,
        "ar1_reml",
        tuple(
            (float(w), float(v))
            for w, v in zip(weights, var_a + var_b - 2 * cov_ab, strict=True)
            if w > 1e-6
        ),
    )


def _grid_widths(grid: np.ndarray) -> np.ndarray:
    """Trapezoid widths: a flat prior on φ whatever the grid's spacing."""
    edges = np.concatenate([[grid[0]], (grid[1:] + grid[:-1]) / 2, [grid[-1]]])
    return np.diff(edges)


def _with_provisional_bias(
    result: WindowMeans,
    y: np.ndarray,
    is_b: np.ndarray,
    provisional: np.ndarray,
    bias_sd: float,
    log_scale: bool = False,
) -> WindowMeans:
    """Add a bias shared by all provisional values: it shifts a window mean as a whole."""
    if not provisional.any():
        return result
    n_a, n_b = max(int((~is_b).sum()), 1), max(int(is_b.sum()), 1)
    # A relative bias is a shift of the same size on the log scale, of bias × value on
    # the linear one.
    size = np.ones_like(y) if log_scale else np.abs(y)
    shift_a = bias_sd * float(np.sum(size[provisional & ~is_b])) / n_a
    shift_b = bias_sd * float(np.sum(size[provisional & is_b])) / n_b
    extra = (shift_b - shift_a) ** 2  # the same bias in both windows cancels in part
    return replace(
        result,
        var_a=result.var_a + shift_a**2,
        var_b=result.var_b + shift_b**2,
        cov_ab=result.cov_ab + shift_a * shift_b,
        mixture=tuple((w, v + extra) for w, v in result.mixture),
    )


def _mixture_quantile(weights: np.ndarray, sds: np.ndarray, p: float) -> float:
    """The p quantile (p > 0.5) of a zero-mean mixture of normals, by bisection."""
    low, high = 0.0, float(sds.max()) * 10
    for _ in range(60):
        mid = (low + high) / 2
        cdf = sum(w * _NORMAL.cdf(mid / s) for w, s in zip(weights, sds, strict=True) if s > 0)
        cdf += sum(w for w, s in zip(weights, sds, strict=True) if not s > 0)
        low, high = (mid, high) if cdf < p else (low, mid)
    return (low + high) / 2
