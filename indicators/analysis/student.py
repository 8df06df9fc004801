"""Student's t distribution: the CDF and its inverse, for any (fractional) degrees of freedom.

Written out here rather than imported from scipy because comparing two windows is
otherwise arithmetic only: scipy.special alone costs the `compare` command a sixth of
its time budget just to import. Accurate to about 1e-12 (tests hold it to scipy).
"""

from __future__ import annotations

import math
from statistics import NormalDist

_NORMAL = NormalDist()
# Beyond this many degrees of freedom: the normal with its first correction terms,
# accurate to about 1e-12 there (the continued fraction loses digits instead).
LARGE_DF = 1e6
_EPS = 1e-15
_TINY = 1e-300


def t_cdf(x: float, df: float) -> float:
    """P(T <= x) for Student's t with `df` degrees of freedom (df = inf: the normal)."""
    if df > LARGE_DF:
        density = math.exp(-x * x / 2) / math.sqrt(2 * math.pi)
        return 0.5 * math.erfc(-x / math.sqrt(2)) - density * (x**3 + x) / (4 * df)
    if x == 0:
        return 0.5
    # I_z(df/2, 1/2) with z = df / (df + x²); 1 - z passed exactly, not by subtraction.
    tail = 0.5 * _betainc(df / 2, df / (df + x * x), x * x / (df + x * x))
    return 1.0 - tail if x > 0 else tail


def t_ppf(p: float, df: float) -> float:
    """The quantile: the x with t_cdf(x, df) = p, for 0 < p < 1."""
    if not 0 < p < 1:
        raise ValueError(f"a quantile needs 0 < p < 1, not {p!r}")
    if p < 0.5:
        return -t_ppf(1 - p, df)
    if p == 0.5:
        return 0.0
    if df > LARGE_DF:
        return _start(p, df)
    low, high = 0.0, max(1.0, _NORMAL.inv_cdf(p))
    while t_cdf(high, df) < p:  # heavy tails: widen the bracket until it holds p
        low, high = high, 2 * high
    x = min(max(_start(p, df), low), high)
    for _ in range(200):  # Newton steps inside the bracket, bisection when they leave it
        error = t_cdf(x, df) - p
        if error == 0:
            return x
        low, high = (low, x) if error > 0 else (x, high)
        newton = x - error / _t_pdf(x, df)
        following = newton if low < newton < high else (low + high) / 2
        if abs(following - x) <= 1e-14 * max(1.0, abs(x)):
            return following
        x = following
    return x


def _start(p: float, df: float) -> float:
    """Cornish–Fisher start from the normal quantile."""
    z = _NORMAL.inv_cdf(p)
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def _t_pdf(x: float, df: float) -> float:
    log_norm = _log_gamma_ratio(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_norm - (df + 1) / 2 * math.log1p(x * x / df))


def _log_gamma_ratio(a: float) -> float:
    """log(Gamma(a + 1/2) / Gamma(a)), without the cancellation of two large lgammas."""
    if a < 50:
        return math.lgamma(a + 0.5) - math.lgamma(a)
    return 0.5 * math.log(a) - 1 / (8 * a) + 1 / (192 * a**3) + 1 / (640 * a**5)


def _betainc(a: float, x: float, y: float) -> float:
    """Regularised incomplete beta I_x(a, 1/2) with y = 1 - x, by continued fraction (Lentz)."""
    if y <= 0:
        return 1.0
    if x <= 0:
        return 0.0
    b = 0.5
    log_x = math.log1p(-y) if x > 0.5 else math.log(x)  # the accurate one of the two
    log_y = math.log1p(-x) if y > 0.5 else math.log(y)
    log_front = _log_gamma_ratio(a) - math.lgamma(b) + a * log_x + b * log_y
    if x > (a + 1) / (a + b + 2):  # the fraction converges fast only below this point
        return 1.0 - math.exp(log_front) * _beta_fraction(b, a, y) / b
    return math.exp(log_front) * _beta_fraction(a, b, x) / a


def _beta_fraction(a: float, b: float, x: float) -> float:
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, 500):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            result *= c * d
        if abs(c * d - 1.0) < _EPS:
            break
    return result
