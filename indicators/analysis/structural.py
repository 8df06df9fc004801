"""The structural time-series model behind every trend (statsmodels UnobservedComponents).

A local linear trend (a level and a slope that both drift), an AR(1) term for noise
that lingers when the series is long enough to estimate it, a fixed seasonal pattern
for monthly series of three years or more, and an irregular term whose variance is
raised per period by known measurement uncertainty. The Kalman smoother gives the
level per period; `level_covariance` gives the joint uncertainty of the whole level
path, which later comparisons of any two windows need.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from statsmodels.tsa.statespace.structural import UnobservedComponents

from indicators.analysis.series import PER_YEAR

AR_POINTS = 24  # enough values to tell lingering noise from a moving level
SEASONAL_POINTS = 36  # monthly series with at least three years of values
SEASONAL_HARMONICS = 3
# Noise may linger, but not for long: a shock that lasts longer than this is movement
# of the level (a surge, a dip), not noise. Caps the AR(1) coefficient per frequency.
MAX_NOISE_HALF_LIFE_YEARS = 0.5


@dataclass(frozen=True, eq=False)
class StructuralFit:
    """Smoothed level and seasonal on the (standardised) input scale, and noise terms."""

    level: np.ndarray
    level_cov: np.ndarray
    seasonal: np.ndarray
    ar_phi: float
    ar_var: float
    irregular_var: float
    n_params: int
    method: str


class _MeasuredUC(UnobservedComponents):
    """UnobservedComponents whose irregular variance grows by known extra variance per period."""

    def __init__(
        self, endog: np.ndarray, extra: np.ndarray, max_phi: float, **spec: object
    ) -> None:
        super().__init__(endog, **spec)
        self._extra = extra
        self._max_phi = max_phi
        self._ar_index = self.param_names.index("ar.L1") if self.autoregressive else None
        self.ssm["obs_cov"] = np.zeros((1, 1, self.nobs))

    @property
    def start_params(self):  # type: ignore[no-untyped-def]
        params = np.asarray(super().start_params, dtype=float)
        if self._ar_index is not None:
            limit = 0.9 * self._max_phi
            params[self._ar_index] = np.clip(params[self._ar_index], -limit, limit)
        return params

    def transform_params(self, unconstrained):  # type: ignore[no-untyped-def]
        constrained = super().transform_params(unconstrained)
        if self._ar_index is not None:
            constrained[self._ar_index] *= self._max_phi
        return constrained

    def untransform_params(self, constrained):  # type: ignore[no-untyped-def]
        constrained = np.array(constrained, ndmin=1)
        if self._ar_index is not None:
            constrained = constrained.copy()
            constrained[self._ar_index] /= self._max_phi
        return super().untransform_params(constrained)

    def update(self, params, transformed=True, includes_fixed=False, complex_step=False):  # type: ignore[no-untyped-def]
        super().update(params, transformed, includes_fixed, complex_step)
        base = self.ssm["obs_cov"][0, 0, 0]
        self.ssm["obs_cov", 0, 0] = base + self._extra


def fit_structural(z: np.ndarray, extra: np.ndarray, frequency: str) -> StructuralFit:
    """Fit the model to standardised values `z` (NaN for gaps) and smooth it."""
    n_obs = int((~np.isnan(z)).sum())
    spec: dict[str, object] = {"level": "local linear trend"}
    if n_obs >= AR_POINTS:
        spec["autoregressive"] = 1
    seasonal = frequency == "M" and n_obs >= SEASONAL_POINTS
    if seasonal:
        spec["freq_seasonal"] = [{"period": 12, "harmonics": SEASONAL_HARMONICS}]
        spec["stochastic_freq_seasonal"] = [False]
    max_phi = 0.5 ** (1 / (MAX_NOISE_HALF_LIFE_YEARS * PER_YEAR[frequency]))
    model = _MeasuredUC(z, extra, max_phi, **spec)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter; the result is checked below
        res = model.fit(disp=False)
    params = dict(zip(model.param_names, np.asarray(res.params, dtype=float), strict=True))
    season = res.freq_seasonal[0]["smoothed"] if seasonal else np.zeros(len(z))
    return StructuralFit(
        level=np.asarray(res.smoothed_state[0], dtype=float),
        level_cov=level_covariance(res.smoother_results),
        seasonal=np.asarray(season, dtype=float),
        ar_phi=params.get("ar.L1", 0.0),
        ar_var=params.get("sigma2.ar", 0.0),
        irregular_var=params.get("sigma2.irregular", 0.0),
        n_params=len(params) + 2 + (2 * SEASONAL_HARMONICS if seasonal else 0),
        method="structural_ar" if "autoregressive" in spec else "structural",
    )


def level_covariance(smoother) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Joint smoothed covariance of the level (state 0) at every pair of periods.

    Durbin & Koopman (2012, §4.7): Cov(a_t, a_t+j | Y) = P_t L_t' ... L_t+j-1' (I - N_t+j-1 P_t+j),
    computed for all j at once by carrying the level row forward one period at a time.
    """
    transition_t = np.transpose(smoother.innovations_transition, (2, 1, 0))  # L_t'
    predicted = np.transpose(smoother.predicted_state_cov, (2, 0, 1))
    scaled = np.transpose(smoother.scaled_smoothed_estimator_cov, (2, 0, 1))
    n, k = transition_t.shape[0], transition_t.shape[1]
    out = np.diag(np.asarray(smoother.smoothed_state_cov[0, 0, :], dtype=float))
    closing = (np.eye(k)[None] - scaled[: n - 1] @ predicted[1:n])[:, :, 0]
    row = predicted[:n, 0, :]
    for j in range(1, n):
        row = np.einsum("tk,tkl->tl", row[: n - j], transition_t[j - 1 : n - 1])
        values = np.einsum("tk,tk->t", row, closing[j - 1 : n - 1])
        idx = np.arange(n - j)
        out[idx, idx + j] = values
        out[idx + j, idx] = values
    return out
