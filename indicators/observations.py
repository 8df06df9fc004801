"""The one tidy shape every source ends in, and its one validation.

Importers and the demonstration generator produce a frame with OBSERVATION_COLUMNS
(plus an optional `_row`, the row number in the source file, for messages). Every
frame passes `validate_observations` before the store's single write path sees it.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from indicators.catalogue import Catalogue
from indicators.errors import InputError, Problem

OBSERVATION_COLUMNS = [
    "indicator_id",
    "country_iso3",
    "reporter",
    "period_start",
    "period_end",
    "frequency",
    "value",
    "lower",
    "upper",
    "flags",
    "source_id",
    "vintage",
    "is_demo",
]
KEY = ["indicator_id", "country_iso3", "reporter", "period_start", "source_id", "vintage"]
FLAG_CODES = frozenset("pebcumd")

# The plausible range of a period (importers check the year the same way before any
# date arithmetic: see `plausible_year`). Sources in this product start in the 1990s;
# the newest period may be one ahead of today (provisional figures).
FIRST_YEAR = 1990
_MONTHS = {"M": 1, "Q": 3, "A": 12}
# The largest value a figure of each kind may have: a count of people above a billion
# or a duration above a century is an error in the file, not a figure (1e308 once
# produced "+8,775,041…%" with "evidence quality: good"). Percent is 0-100; a ratio
# ("returns per 100 orders") may pass 100 but not a hundredfold.
VALUE_RANGES: dict[str, tuple[float, float]] = {
    "count": (0.0, 1e9),
    "days": (0.0, 36_500.0),
    "percent": (0.0, 100.0),
    "ratio": (0.0, 10_000.0),
}
KIND_NAMES = {"count": "a count", "days": "a number of days", "percent": "a percentage",
              "ratio": "a ratio"}  # fmt: skip


def last_year() -> int:
    """The last plausible year of a period: next year (provisional figures)."""
    return dt.date.today().year + 1


def plausible_year(year: int) -> bool:
    """Is `year` within FIRST_YEAR..next year? Check it before any date arithmetic."""
    return FIRST_YEAR <= year <= last_year()


def latest_start(frequency: str) -> pd.Timestamp:
    """The latest period start a `frequency` may have: one period after today's."""
    today = pd.Timestamp(dt.date.today())
    months = _MONTHS.get(frequency, 12)
    current = pd.Timestamp(today.year, ((today.month - 1) // months) * months + 1, 1)
    return current + pd.DateOffset(months=months)


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Give the frame the canonical dtypes (dates as datetime64, values as float)."""
    out = frame.copy()
    for col in ("period_start", "period_end", "vintage"):
        out[col] = pd.to_datetime(out[col], errors="coerce").astype("datetime64[us]")
    for col in ("value", "lower", "upper"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    out["flags"] = out["flags"].fillna("").astype(str)
    out["is_demo"] = out["is_demo"].astype(bool)
    for col in ("indicator_id", "country_iso3", "reporter", "frequency", "source_id"):
        out[col] = out[col].astype(str)
    return out


def validate_observations(frame: pd.DataFrame, catalogue: Catalogue, file: str) -> pd.DataFrame:
    """Return the frame in canonical form, or raise InputError naming every bad row."""
    missing = [c for c in OBSERVATION_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(Problem(file, None, ", ".join(missing), "missing columns"))
    obs = normalise(frame)
    rows = frame["_row"] if "_row" in frame.columns else pd.Series(frame.index + 1, frame.index)
    problems: list[Problem] = []
    total = 0

    def flag(mask: pd.Series, column: str, reason: str) -> None:
        nonlocal total
        hits = mask.fillna(False).to_numpy(dtype=bool)
        total += int(hits.sum())
        for idx in obs.index[hits][: InputError.max_listed]:
            problems.append(Problem(file, int(rows[idx]), column, reason))

    indicators = catalogue.indicator_by_id
    flag(~obs["indicator_id"].isin(list(indicators)), "indicator_id", "unknown indicator")
    flag(
        ~obs["country_iso3"].isin(list(catalogue.country_by_iso3)),
        "country_iso3",
        "country not in the store's list",
    )
    areas = [a["code"] for a in catalogue.reporting_areas]
    flag(~obs["reporter"].isin(areas), "reporter", "unknown reporting area")
    flag(~obs["source_id"].isin(list(catalogue.source_by_id)), "source_id", "unknown source")
    flag(~obs["frequency"].isin(["M", "Q", "A"]), "frequency", "must be M, Q or A")
    for col in ("value", "lower", "upper"):
        flag(frame[col].notna() & obs[col].isna(), col, "not a number")
    for col in ("period_start", "period_end", "vintage"):
        flag(frame[col].notna() & obs[col].isna(), col, "impossible date")
    flag(obs["period_start"].isna(), "period_start", "missing or impossible date")
    flag(obs["period_end"] < obs["period_start"], "period_end", "period ends before it starts")
    flag(obs["vintage"].isna(), "vintage", "missing vintage date")
    bad_flags = obs["flags"].map(lambda f: not set(f) <= FLAG_CODES)
    flag(bad_flags, "flags", f"flags must be letters from {''.join(sorted(FLAG_CODES))}")
    for col in ("value", "lower", "upper"):
        flag(pd.Series(np.isinf(obs[col].to_numpy()), obs.index), col, "not a finite number")
    early = obs["period_start"] < pd.Timestamp(FIRST_YEAR, 1, 1)
    flag(early, "period_start", f"period before {FIRST_YEAR}: not plausible for these sources")
    latest = obs["frequency"].map(lambda f: latest_start(f) if f in _MONTHS else pd.NaT)
    late = obs["period_start"] > pd.to_datetime(latest).astype("datetime64[us]")
    flag(late, "period_start", "period more than one period after today: not plausible")
    flag(obs["lower"] > obs["value"], "lower", "lower bound above the value")
    flag(obs["upper"] < obs["value"], "upper", "upper bound below the value")
    flag(obs["lower"] > obs["upper"], "upper", "upper bound below the lower bound")
    no_value = obs["value"].isna()
    for col in ("lower", "upper"):
        flag(no_value & obs[col].notna(), col, "a bound without a value")
    kinds = obs["indicator_id"].map(lambda i: indicators[i].value_kind if i in indicators else "")
    for kind, (low, high) in VALUE_RANGES.items():
        of_kind = kinds == kind
        for col in ("value", "lower", "upper"):
            v = obs[col]
            flag(of_kind & (v < low), col, f"{KIND_NAMES[kind]} cannot be negative")
            flag(of_kind & (v > high), col, f"{KIND_NAMES[kind]} above {high:g} is not plausible")
    whole = obs["value"].isna() | (obs["value"] == np.floor(obs["value"].fillna(0)))
    flag((kinds == "count") & ~whole, "value", "a count must be a whole number")
    flag(
        obs.duplicated(KEY, keep="first"),
        "period_start",
        "duplicate key (same indicator, country, reporting area, period, source and vintage twice)",
    )
    if problems:
        problems.sort(key=lambda p: p.row or 0)
        raise InputError(problems, f"{file}: {total} problem(s), nothing written", total=total)
    return obs[OBSERVATION_COLUMNS].reset_index(drop=True)
