"""A series as the analyses see it: values on a regular period grid, gaps as NaN.

`as_series_data` accepts what evaluators have at hand — a pandas Series of values
indexed by period start, or a frame in the tidy observations shape (with bounds and
flags) — sorts it, places it on the monthly, quarterly or annual grid it belongs to
and decides the modelling scale. Everything after this step works on arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from indicators.errors import InputError, Problem

Scale = Literal["log", "linear"]
PERIOD_FREQ = {"M": "M", "Q": "Q", "A": "Y"}
PER_YEAR = {"M": 12, "Q": 4, "A": 1}
# Extra measurement noise (relative, one standard deviation) for flagged values:
# provisional figures are often revised, estimates and low-reliability figures more so.
FLAG_NOISE = {"p": 0.10, "e": 0.10, "u": 0.20}
Z90 = 1.6449  # a reported range is read as a 90% range


@dataclass(frozen=True, eq=False)
class SeriesData:
    """One series on its full period grid (first to last value); NaN where no value."""

    frequency: str
    periods: pd.DatetimeIndex
    value: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    flags: tuple[str, ...]
    value_kind: str | None = None

    @property
    def observed(self) -> np.ndarray:
        return ~np.isnan(self.value)

    @property
    def n_points(self) -> int:
        return int(self.observed.sum())

    @property
    def provisional(self) -> np.ndarray:
        return np.array(["p" in f for f in self.flags], dtype=bool)


def as_series_data(
    data: pd.Series | pd.DataFrame,
    *,
    frequency: str | None = None,
    value_kind: str | None = None,
) -> SeriesData:
    """Sort, check and place a series on its period grid."""
    frame = _as_frame(data)
    starts = pd.DatetimeIndex(pd.to_datetime(frame["period_start"]))
    given = frame["frequency"].dropna().unique() if "frequency" in frame else []
    freq = frequency or (str(given[0]) if len(given) == 1 else infer_frequency(starts))
    if freq not in PERIOD_FREQ:
        raise InputError(Problem("series", None, "frequency", "must be M, Q or A"))
    periods = starts.to_period(PERIOD_FREQ[freq])
    if periods.duplicated().any():
        dup = periods[periods.duplicated()][0]
        raise InputError(Problem("series", None, "period_start", f"period {dup} appears twice"))
    frame = frame.assign(_period=periods).sort_values("_period")
    frame = frame[frame["value"].notna()]
    if frame.empty:
        grid = pd.period_range(periods.min(), periods.max(), freq=PERIOD_FREQ[freq])
    else:
        grid = pd.period_range(
            frame["_period"].min(), frame["_period"].max(), freq=PERIOD_FREQ[freq]
        )
    pos = grid.get_indexer(pd.PeriodIndex(frame["_period"]))
    out = {c: np.full(len(grid), np.nan) for c in ("value", "lower", "upper")}
    for col in out:
        out[col][pos] = frame[col].to_numpy(dtype=float)
    flags = [""] * len(grid)
    for p, f in zip(pos, frame["flags"], strict=True):
        flags[p] = f
    return SeriesData(
        freq,
        grid.to_timestamp(),
        out["value"],
        out["lower"],
        out["upper"],
        tuple(flags),
        value_kind,
    )


def _as_frame(data: pd.Series | pd.DataFrame) -> pd.DataFrame:
    if isinstance(data, pd.Series):
        frame = pd.DataFrame({"period_start": data.index, "value": data.to_numpy()})
    elif "period_start" in data.columns and "value" in data.columns:
        frame = data.copy()
    else:
        raise InputError(Problem("series", None, "period_start/value", "columns missing"))
    for col in ("lower", "upper"):
        if col not in frame.columns:
            frame[col] = np.nan
    frame["flags"] = frame["flags"].fillna("").astype(str) if "flags" in frame else ""
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype(float)
    if np.isinf(frame["value"].to_numpy()).any():
        raise InputError(Problem("series", None, "value", "values must be finite"))
    return frame.reset_index(drop=True)


def infer_frequency(starts: pd.DatetimeIndex) -> str:
    """M, Q or A from the calendar months the period starts fall on.

    Gaps do not fool it (a quarterly series with many missing quarters has month
    steps of 3, 6, 9 …, never a typical step of a year): the greatest common divisor
    of the month steps is 1 (monthly), a multiple of 3 (quarterly) or of 12 (annual).
    A single date is annual; dates that fit no grid (two starts in one month) are an
    error that says to pass `frequency=`.
    """
    unique = pd.DatetimeIndex(starts.unique()).sort_values()
    if len(unique) < 2:
        return "A"
    months = (unique.year * 12 + unique.month - 1).to_numpy()
    steps = np.diff(months)
    if np.any(steps == 0):
        raise InputError(
            Problem(
                "series",
                None,
                "period_start",
                "two period starts in one month: pass frequency='M', 'Q' or 'A'",
            )
        )
    step = int(np.gcd.reduce(steps))
    if step % 12 == 0:
        return "A"
    if step % 3 == 0:
        return "Q"
    return "M"


def choose_scale(data: SeriesData, requested: str = "auto") -> Scale:
    """The modelling scale: log for positive series whose noise grows with their level.

    'auto' compares the Box–Cox-normalised variability of period-to-period changes on
    both scales (the geometric mean puts them in the same units) and keeps the calmer one.
    """
    if requested in ("log", "linear"):
        if requested == "log" and np.nanmin(data.value) <= 0:
            raise InputError(Problem("series", None, "value", "log scale needs values above 0"))
        return requested  # type: ignore[return-value]
    if requested != "auto":
        raise ValueError(f"scale must be 'auto', 'log' or 'linear', not {requested!r}")
    values = data.value[data.observed]
    if data.value_kind not in (None, "count") or len(values) < 3 or values.min() <= 0:
        return "linear"
    geo = float(np.exp(np.log(values).mean()))
    spread_linear = np.std(np.diff(values))
    spread_log = geo * np.std(np.diff(np.log(values)))
    return "log" if spread_log < spread_linear else "linear"


def to_model_scale(values: np.ndarray, scale: Scale) -> np.ndarray:
    if scale == "log":
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(values > 0, np.log(np.where(values > 0, values, 1.0)), np.nan)
    return values.astype(float)


def from_model_scale(values: np.ndarray, scale: Scale) -> np.ndarray:
    return np.exp(values) if scale == "log" else values


def measurement_variance(data: SeriesData, scale: Scale) -> np.ndarray:
    """Extra noise variance per period on the model scale, from bounds and flags."""
    value = data.value
    size = np.abs(value) if scale == "linear" else np.ones_like(value)
    flag_sd = np.array([max((FLAG_NOISE.get(c, 0.0) for c in f), default=0.0) for f in data.flags])
    extra = (flag_sd * size) ** 2
    return np.nan_to_num(extra + _bound_variance(data, scale))


def _bound_variance(data: SeriesData, scale: Scale) -> np.ndarray:
    lo = to_model_scale(data.lower, scale)
    hi = to_model_scale(data.upper, scale)
    mid = to_model_scale(data.value, scale)
    both = (hi - lo) / (2 * Z90)
    one_sided = np.where(np.isnan(hi), mid - lo, hi - mid) / Z90
    sd = np.where(np.isnan(lo) | np.isnan(hi), one_sided, both)
    return np.nan_to_num(np.clip(sd, 0, None) ** 2)
