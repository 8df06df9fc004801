"""Trends as the store keeps them, and comparisons of any two windows without fitting.

The precomputation (`indicators.analysis.precompute`) writes per series:

- `trends`: one row per period — value, flags, observed, the level with its 50/80/95%
  intervals (in the series' units), the seasonal component and the extra measurement
  variance (both on the model scale);
- `trend_models`: one row — frequency, scale (log or linear), method, value kind, the
  noise model (AR(1) coefficient and variance, irregular variance, degrees of freedom)
  and the joint covariance of the level path (packed upper triangle, float64).

That is everything a comparison needs. `trend_from_store` rebuilds the fitted
`TrendResult` from those rows, and `compare_from_store` compares any two windows a
user picks — headline, robustness panel (comparison countries' values come from the
observations), smallest detectable change, quality and sentences — with arithmetic
only: a few tens of milliseconds, and the same numbers `compare_periods` gives after
fitting the model again.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from indicators.analysis.comparison import Comparison, compare_trend
from indicators.analysis.noise import NoiseModel
from indicators.analysis.provisional import (
    ProvisionalBias,
    bias_by_source,
    revision_history,
    series_bias,
)
from indicators.analysis.series import SeriesData, to_model_scale
from indicators.analysis.trend import TREND_COLUMNS, TrendResult
from indicators.analysis.windows import WindowSpec
from indicators.errors import InsufficientDataError

if TYPE_CHECKING:  # worker processes import this module and need no database driver
    from indicators.store import Store

KEY_COLUMNS = ["indicator_id", "country_iso3", "reporter"]
# Per store file and as-of date: the provisional bias estimates of every indicator. One
# read of the history serves all (a read per indicator cost about 0.3 s each, on the
# first view of a country page showing a dozen indicators).
_BIASES: dict[tuple, dict[tuple[str, str], ProvisionalBias]] = {}
_BIASES_LOCK = threading.Lock()
TREND_ROW_COLUMNS = [*KEY_COLUMNS, *TREND_COLUMNS, "flags", "seasonal", "extra_var"]


def trend_rows(key: tuple[str, str, str], trend: TrendResult) -> tuple[pd.DataFrame, dict]:
    """The `trends` rows and the `trend_models` row of one fitted series."""
    frame = trend.to_frame()
    for col, value in zip(KEY_COLUMNS, key, strict=True):
        frame[col] = value
    frame["flags"] = list(trend.data.flags)
    frame["seasonal"] = trend.seasonal
    frame["extra_var"] = trend.extra_var
    model = {
        "indicator_id": key[0],
        "country_iso3": key[1],
        "reporter": key[2],
        "frequency": trend.frequency,
        "scale": trend.scale,
        "method": trend.method,
        "value_kind": trend.data.value_kind,
        "n_points": trend.n_points,
        "n_periods": len(trend.periods),
        "ar_phi": trend.noise.ar_phi,
        "ar_var": trend.noise.ar_var,
        "irregular_var": trend.noise.irregular_var,
        "df": trend.noise.df,
        "level_cov": pack_covariance(trend.level_cov),
    }
    return frame[TREND_ROW_COLUMNS], model


def trend_from_rows(rows: pd.DataFrame, model: Mapping) -> TrendResult:
    """Rebuild a TrendResult from its stored rows: no fitting."""
    rows = rows.sort_values("period_start")
    n = len(rows)
    empty = np.full(n, np.nan)
    value = rows["value"].to_numpy(dtype=float)
    data = SeriesData(
        str(model["frequency"]),
        pd.DatetimeIndex(pd.to_datetime(rows["period_start"])),
        np.where(rows["observed"].to_numpy(dtype=bool), value, np.nan),
        empty,
        empty,
        tuple(rows["flags"].fillna("").astype(str)),
        model["value_kind"] if isinstance(model["value_kind"], str) else None,
    )
    scale = str(model["scale"])
    noise = NoiseModel(
        float(model["ar_phi"]),
        float(model["ar_var"]),
        float(model["irregular_var"]),
        float(model["df"]),
    )
    return TrendResult(
        data,
        scale,  # type: ignore[arg-type]
        str(model["method"]),
        to_model_scale(rows["level"].to_numpy(dtype=float), scale),  # type: ignore[arg-type]
        unpack_covariance(bytes(model["level_cov"]), n),
        rows["seasonal"].to_numpy(dtype=float),
        rows["extra_var"].to_numpy(dtype=float),
        noise,
    )


def trend_from_store(store: Store, indicator_id: str, country: str, reporter: str) -> TrendResult:
    """The stored trend of one series; InsufficientDataError when it has none."""
    model = store.trend_model(indicator_id, country, reporter)
    if model is None:
        summary = store.series_summary(indicator_id, country, reporter)
        n = int(summary["n_points"]) if summary else 0
        raise InsufficientDataError(
            f"too few data points: {n} for {indicator_id}, {country}, {reporter}", n_points=n
        )
    return trend_from_rows(store.trend(indicator_id, country, reporter), model)


def compare_from_store(
    store: Store,
    indicator_id: str,
    country: str,
    reporter: str,
    a: WindowSpec,
    b: WindowSpec,
    comparison: Sequence[str] | str | None = "default",
    *,
    subject: str | Mapping[str, str] | None = None,
) -> Comparison:
    """Compare two windows of a stored series, with arithmetic only.

    `comparison`: "default" (the comparison countries when `country` is a priority
    country, else none), None (no comparison), or a list of ISO3 codes.
    """
    trend = trend_from_store(store, indicator_id, country, reporter)
    codes = default_comparison(store, country) if comparison == "default" else comparison
    others = comparison_values(store, indicator_id, reporter, codes) if codes else None
    own = store.observations(indicator_id, country, reporter)
    bias = provisional_bias(store, indicator_id, own)
    indicator = store.catalogue().indicator_by_id.get(indicator_id)
    if indicator is None:
        return compare_trend(trend, a, b, others, subject=subject, provisional_bias=bias)
    return compare_trend(
        trend,
        a,
        b,
        others,
        subject=subject,
        margin_pct=indicator.margin_pct,
        compared_quantity=indicator.compared_quantity,
        provisional_bias=bias,
    )


def provisional_bias(
    store: Store, indicator_id: str, observations: pd.DataFrame, as_of: dt.date | None = None
) -> ProvisionalBias | None:
    """The bias estimate for a series' provisional values (`observations`: its latest
    values, as known on `as_of`), from the store's revision history up to `as_of`.

    The precomputation reads the same history through its writer: one estimate for the
    stored summary, the page, the CLI and the exports.
    """
    flags = observations["flags"] if "flags" in observations else pd.Series(dtype=str)
    if not flags.fillna("").astype(str).str.contains("p", regex=False).any():
        return None  # nothing to correct: no need to read the history
    key = (store.token, as_of)
    with _BIASES_LOCK:  # pages are served from several threads
        if key not in _BIASES:
            _BIASES[key] = bias_by_source(revision_history(store, None, as_of))
            while len(_BIASES) > 16:
                _BIASES.pop(next(iter(_BIASES)))
        estimates = _BIASES[key]
    return series_bias(estimates, indicator_id, observations)


def default_comparison(store: Store, country: str) -> list[str]:
    """The comparison countries for a priority country; none for the others."""
    return comparison_countries(store.country_roles(), country)


def comparison_countries(roles: Mapping[str, str], country: str) -> list[str]:
    if roles.get(country) != "priority":
        return []
    return sorted(iso3 for iso3, role in roles.items() if role == "comparison" and iso3 != country)


def comparison_values(
    store: Store, indicator_id: str, reporter: str, codes: Sequence[str] | str
) -> pd.DataFrame:
    """Latest values of the comparison countries: country_iso3, period_start, value."""
    wanted = [codes] if isinstance(codes, str) else list(codes)
    obs = store.observations(indicator_id, None, reporter)
    return obs.loc[obs["country_iso3"].isin(wanted), ["country_iso3", "period_start", "value"]]


def pack_covariance(cov: np.ndarray) -> bytes:
    return np.ascontiguousarray(cov[np.triu_indices(len(cov))], dtype="<f8").tobytes()


def unpack_covariance(blob: bytes, n: int) -> np.ndarray:
    upper = np.frombuffer(blob, dtype="<f8")
    if len(upper) != n * (n + 1) // 2:
        raise ValueError(f"stored covariance has {len(upper)} values, expected {n * (n + 1) // 2}")
    cov = np.zeros((n, n))
    cov[np.triu_indices(n)] = upper
    return cov + np.triu(cov, 1).T
