"""Adaptive trends with 50%, 80% and 95% intervals for any series.

`estimate_trend(series)` places the series on its period grid, chooses the scale
(log for counts whose noise grows with their level), adds measurement variance for
reported bounds and flagged values (provisional, estimated, low reliability), and fits:

- 8 or more values: a structural time-series model (see `structural`): local linear
  trend, AR(1) noise from 24 values on, a seasonal pattern for monthly series with
  three years or more;
- 3 to 7 values: a straight line with Student-t intervals (few degrees of freedom,
  so honestly wide);
- fewer than 3 values: `InsufficientDataError` ("too few data points").

The result keeps everything a later comparison needs (level path, its joint
covariance, the noise model), so comparing any two windows is arithmetic only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.analysis.noise import NoiseModel
from indicators.analysis.series import (
    Scale,
    SeriesData,
    as_series_data,
    choose_scale,
    from_model_scale,
    measurement_variance,
    to_model_scale,
)
from indicators.analysis.student import t_ppf
from indicators.errors import InsufficientDataError

MIN_POINTS = 3
SHORT_POINTS = 8
LEVELS = {50: 0.50, 80: 0.80, 95: 0.95}
TREND_COLUMNS = [
    "period_start",
    "value",
    "observed",
    "level",
    "lo50",
    "hi50",
    "lo80",
    "hi80",
    "lo95",
    "hi95",
]


@dataclass(frozen=True, eq=False)
class TrendResult:
    """A fitted trend: arrays on the period grid, model-scale internals kept for comparisons."""

    data: SeriesData
    scale: Scale
    method: str
    level_model: np.ndarray
    level_cov: np.ndarray
    seasonal: np.ndarray
    extra_var: np.ndarray
    noise: NoiseModel

    @property
    def frequency(self) -> str:
        return self.data.frequency

    @property
    def periods(self) -> pd.DatetimeIndex:
        return self.data.periods

    @property
    def n_points(self) -> int:
        return self.data.n_points

    @property
    def model_value(self) -> np.ndarray:
        return to_model_scale(self.data.value, self.scale)

    @property
    def adjusted(self) -> np.ndarray:
        """Values on the model scale with the seasonal pattern taken out."""
        return self.model_value - self.seasonal

    def level_sd(self) -> np.ndarray:
        return np.sqrt(np.clip(np.diag(self.level_cov), 0, None))

    def band(self, coverage: float) -> tuple[np.ndarray, np.ndarray]:
        """The interval of the level holding `coverage` of the probability, in units."""
        q = t_ppf(0.5 + coverage / 2, self.noise.df)
        half = q * self.level_sd()
        return (
            from_model_scale(self.level_model - half, self.scale),
            from_model_scale(self.level_model + half, self.scale),
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per period: value (NaN in gaps), observed, level and its intervals."""
        frame = pd.DataFrame(
            {
                "period_start": self.periods,
                "value": self.data.value,
                "observed": self.data.observed,
                "level": from_model_scale(self.level_model, self.scale),
            }
        )
        for pct, coverage in LEVELS.items():
            frame[f"lo{pct}"], frame[f"hi{pct}"] = self.band(coverage)
        return frame[TREND_COLUMNS]


def estimate_trend(
    series: pd.Series | pd.DataFrame | SeriesData,
    *,
    frequency: str | None = None,
    value_kind: str | None = None,
    scale: str = "auto",
) -> TrendResult:
    """The smoothed level of a series per period with 50/80/95% intervals.

    `series` is a pandas Series indexed by period start, or a frame in the
    observations shape (period_start, value and optionally lower, upper, flags).
    Raises InsufficientDataError below three values.
    """
    data = (
        series
        if isinstance(series, SeriesData)
        else as_series_data(series, frequency=frequency, value_kind=value_kind)
    )
    if data.n_points < MIN_POINTS:
        raise InsufficientDataError(
            f"too few data points: {data.n_points} (a trend needs {MIN_POINTS})",
            n_points=data.n_points,
            needed=MIN_POINTS,
        )
    chosen = choose_scale(data, scale)
    x = to_model_scale(data.value, chosen)
    extra = measurement_variance(data, chosen)
    if data.n_points < SHORT_POINTS:
        return _line_trend(data, chosen, x, extra)
    return _structural_trend(data, chosen, x, extra)


def _structural_trend(
    data: SeriesData, scale: Scale, x: np.ndarray, extra: np.ndarray
) -> TrendResult:
    # Standardised values keep the optimiser and the diffuse start well scaled,
    # and make the fit exactly equivariant to shifting and scaling the series.
    from indicators.analysis.structural import fit_structural  # statsmodels: only when fitting

    centre, spread = float(np.nanmean(x)), float(np.nanstd(x)) or 1.0
    try:
        fit = fit_structural((x - centre) / spread, extra / spread**2, data.frequency)
    except (np.linalg.LinAlgError, ValueError):
        return _line_trend(data, scale, x, extra)
    if not np.all(np.isfinite(fit.level_cov)) or not np.all(np.isfinite(fit.level)):
        return _line_trend(data, scale, x, extra)
    noise = NoiseModel(
        ar_phi=fit.ar_phi,
        ar_var=fit.ar_var * spread**2,
        irregular_var=fit.irregular_var * spread**2,
        df=float(max(data.n_points - fit.n_params, 2)),
    )
    return TrendResult(
        data,
        scale,
        fit.method,
        centre + spread * fit.level,
        spread**2 * fit.level_cov,
        spread * fit.seasonal,
        extra,
        noise,
    )


def _line_trend(data: SeriesData, scale: Scale, x: np.ndarray, extra: np.ndarray) -> TrendResult:
    """A straight line through few values, with the textbook t band around it."""
    t = np.arange(len(x), dtype=float)
    seen = ~np.isnan(x)
    design = np.column_stack([np.ones(len(x)), t])
    coef, *_ = np.linalg.lstsq(design[seen], x[seen], rcond=None)
    df = max(int(seen.sum()) - 2, 1)
    resid_var = float(np.sum((x[seen] - design[seen] @ coef) ** 2) / df)
    inv = np.linalg.pinv(design[seen].T @ design[seen])
    noise = NoiseModel(ar_phi=0.0, ar_var=0.0, irregular_var=resid_var, df=float(df))
    return TrendResult(
        data,
        scale,
        "line",
        design @ coef,
        resid_var * design @ inv @ design.T,
        np.zeros(len(x)),
        extra,
        noise,
    )
