"""The probability of a change that matters, under a sceptical prior.

A flat prior turns "the estimate is two standard errors above zero" into "an
increase is 97.5% likely", which overclaims when many of the series on a page truly
did not change (the evaluation found most outcomes outside a partnership's reach).
So the worded probability starts from a sceptical prior on the true change δ
between the window means:

- with probability `PRIOR_NO_CHANGE` (one half) there is no change at all (δ = 0);
- otherwise δ ~ Normal(0, (SLAB_MARGINS · m)²): changes of a few margins either way
  are plausible, very large ones rare but not excluded.

m is the indicator's relevant margin (catalogue field `margin_pct`, default 10% of
window A's level). Two forms of the estimate's likelihood:

- `sceptical_mixture` (what a comparison states): the headline's own sampling
  distribution, a mixture over the noise persistence φ of Student t's, integrated
  on a grid;
- `sceptical_probabilities` (closed form): a normal with the comparison's standard
  error, widened by the ratio of the t to the normal 97.5% quantile when the
  comparison has few degrees of freedom — for a stored row without its probabilities
  or with another margin, where only the 95% interval is known.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from indicators.analysis.student import t_ppf

PRIOR_NO_CHANGE = 0.5
SLAB_MARGINS = 3.0
_NORMAL = NormalDist()
_Z975 = _NORMAL.inv_cdf(0.975)


@dataclass(frozen=True)
class ChangeProbabilities:
    """Posterior probabilities of a change beyond ±margin, and of no change at all."""

    above: float  # P(δ > +m)
    below: float  # P(δ < −m)
    no_change: float  # posterior weight of δ = 0

    @property
    def beyond(self) -> float:
        """P(|δ| > m): a change that matters, either way."""
        return min(1.0, self.above + self.below)


def sceptical_probabilities(
    estimate: float, sd: float, margin: float, df: float = math.inf
) -> ChangeProbabilities:
    """P(change > +margin), P(change < −margin) and P(no change) after the data.

    `estimate` and `sd` are the change and its standard error in the units of
    `margin` (any units, as long as they are the same). A margin of 0 or less (no
    level to take a share of) falls back to a slab of three standard errors and
    the probabilities of any increase or decrease.
    """
    if not (math.isfinite(estimate) and math.isfinite(sd)):
        return ChangeProbabilities(0.0, 0.0, 1.0)
    margin = margin if math.isfinite(margin) and margin > 0 else 0.0
    s = sd * (t_ppf(0.975, df) / _Z975 if math.isfinite(df) and df < 1e6 else 1.0)
    tau = SLAB_MARGINS * (margin if margin > 0 else max(s, 1e-300))
    if not s > 0:  # an exact estimate: the data decide alone
        exact = float(abs(estimate) > 0)
        return ChangeProbabilities(
            exact * float(estimate > margin), exact * float(estimate < -margin), 1 - exact
        )
    # Marginal likelihood of the estimate under each component, as a log ratio.
    slab_var = s * s + tau * tau
    log_ratio = (
        0.5 * math.log(s * s / slab_var) - 0.5 * estimate**2 / slab_var + 0.5 * (estimate / s) ** 2
    )
    prior_odds = (1 - PRIOR_NO_CHANGE) / PRIOR_NO_CHANGE
    w_slab = 1.0 / (1.0 + math.exp(-min(max(log_ratio + math.log(prior_odds), -700), 700)))
    post_mean = estimate * tau * tau / slab_var
    post_sd = s * tau / math.sqrt(slab_var)
    above = w_slab * (1 - _NORMAL.cdf((margin - post_mean) / post_sd))
    below = w_slab * _NORMAL.cdf((-margin - post_mean) / post_sd)
    return ChangeProbabilities(float(above), float(below), float(1 - w_slab))


# The grid the mixture posterior is integrated on: points across the likelihood and
# across the prior's slab (their union, so a narrow one is never stepped over).
_GRID_POINTS = 2001
_LIKELIHOOD_SPAN = 25.0  # standard deviations of the widest component either side
_SLAB_SPAN = 10.0  # slab standard deviations either side


def sceptical_mixture(
    estimate: float,
    parts: Sequence[tuple[float, float]],
    margin: float,
    df: float = math.inf,
) -> ChangeProbabilities:
    """As `sceptical_probabilities`, with the comparison's own sampling distribution.

    `parts`: (weight, standard deviation) pairs. The likelihood of the true change δ
    is the mixture Σ w · t_df((estimate − δ) / sd) / sd: a normal scale mixture over
    the noise's persistence φ (the headline's REML posterior), each a Student t for
    its estimated noise variance. A single normal read off the 95% interval, as
    `sceptical_probabilities` takes, is too narrow in the middle and too light in the
    tails of such a mixture: stated probabilities of 10–40% then happen more often
    than said (the calibration study's persistent-noise, annual and smooth processes).
    The posterior is integrated numerically on a grid; no randomness.
    """
    weights = np.array([w for w, s in parts if s > 0 and math.isfinite(s)], dtype=float)
    sds = np.array([s for _, s in parts if s > 0 and math.isfinite(s)], dtype=float)
    if not (math.isfinite(estimate) and len(sds) and weights.sum() > 0):
        return sceptical_probabilities(
            estimate, 0.0 if math.isfinite(estimate) else math.nan, margin
        )
    weights = weights / weights.sum()
    margin = margin if math.isfinite(margin) and margin > 0 else 0.0
    typical = float(math.sqrt(weights @ sds**2))
    tau = SLAB_MARGINS * (margin if margin > 0 else typical)
    span = _LIKELIHOOD_SPAN * float(sds.max())
    grid = np.unique(
        np.concatenate(
            [
                np.linspace(estimate - span, estimate + span, _GRID_POINTS),
                np.linspace(-_SLAB_SPAN * tau, _SLAB_SPAN * tau, _GRID_POINTS),
                [-margin, 0.0, margin],
            ]
        )
    )
    like = _mixture_density(estimate - grid, weights, sds, df)
    slab = like * np.exp(-0.5 * (grid / tau) ** 2) / (tau * math.sqrt(2 * math.pi))
    pieces = 0.5 * (slab[1:] + slab[:-1]) * np.diff(grid)
    slab_mass = float(pieces.sum())
    spike_mass = float(_mixture_density(np.array([estimate]), weights, sds, df)[0])
    prior_odds = (1 - PRIOR_NO_CHANGE) / PRIOR_NO_CHANGE
    total = spike_mass + prior_odds * slab_mass
    if not total > 0:  # far in every tail: the data decide alone, as an exact estimate
        return sceptical_probabilities(estimate, 0.0, margin)
    above = min(1.0, prior_odds * float(pieces[grid[:-1] >= margin].sum()) / total)
    # Parts of one sum: together never above 1, not even by a rounding error.
    below = min(1.0 - above, prior_odds * float(pieces[grid[1:] <= -margin].sum()) / total)
    return ChangeProbabilities(above, below, spike_mass / total)


def _mixture_density(x: np.ndarray, weights: np.ndarray, sds: np.ndarray, df: float) -> np.ndarray:
    """Σ w · density(x / sd) / sd of a Student t (normal when df is infinite or huge)."""
    z = x[:, None] / sds[None, :]
    if math.isfinite(df) and df < 1e6:
        log_norm = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
        log_pdf = log_norm - (df + 1) / 2 * np.log1p(z * z / df)
    else:
        log_pdf = -0.5 * z * z - 0.5 * math.log(2 * math.pi)
    return np.exp(log_pdf) @ (weights / sds)
