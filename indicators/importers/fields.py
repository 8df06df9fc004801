"""Parsing source fields: numbers, periods, flags, and the step from parsed
fields to observation rows.

Each parser works once per distinct value (files repeat the same few values
many times) and adds a problem naming row and column for a value it cannot read.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from indicators.importers.problems import Problems
from indicators.observations import FIRST_YEAR, plausible_year


def by_value(values: pd.Series, fn, dtype=object) -> np.ndarray:
    """`fn` applied once per distinct value, spread over the rows (fast on categoricals)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    table = np.empty(len(uniques), dtype=dtype)
    for i, value in enumerate(uniques):
        table[i] = fn(value)
    return table[codes]


def duplicated(frame: pd.DataFrame, columns: list[str] | None = None) -> pd.Series:
    """Rows equal to an earlier row in `columns` (all columns by default)."""
    columns = list(frame.columns) if columns is None else columns
    codes = pd.DataFrame({c: pd.factorize(frame[c], use_na_sentinel=False)[0] for c in columns})
    return pd.Series(codes.duplicated().to_numpy(), index=frame.index)


class SeenKeys:
    """Keys of the chunks read so far, to find a row repeating one of an earlier chunk
    (a duplicate the chunk alone cannot show)."""

    def __init__(self) -> None:
        # 64-bit hashes of earlier chunks' keys, sorted per chunk; two different keys
        # share a hash with a chance of about n^2 / 2^65 (1e-7 at 3 million rows).
        # Categorical and text columns of the same values hash alike.
        self.hashes: list[np.ndarray] = []

    def repeated(self, keys: pd.DataFrame) -> np.ndarray:
        """A mask of the rows whose key an earlier chunk already had; remembers these."""
        hashes = pd.util.hash_pandas_object(keys, index=False).to_numpy()
        hit = np.zeros(len(hashes), dtype=bool)
        for earlier in self.hashes:
            at = np.searchsorted(earlier, hashes).clip(max=len(earlier) - 1)
            hit |= earlier[at] == hashes
        self.hashes.append(np.sort(hashes))
        return hit


def numbers(
    values: pd.Series, rows: pd.Series, column: str, problems: Problems, *, missing=("", ":")
) -> pd.Series:
    """Text to float: `missing` spellings become NaN, anything else not a number is a problem."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    text = pd.Series(uniques, dtype=object).astype(str).str.strip()
    is_missing = text.isin(list(missing)).to_numpy()
    parsed = pd.to_numeric(text.where(~is_missing, None), errors="coerce").to_numpy(float)
    bad = np.isnan(parsed) & ~is_missing
    problems.add_mask(bad[codes], rows, column, "not a number")
    return pd.Series(parsed[codes], index=values.index, dtype="float64")


_PERIOD_PATTERNS = [
    (re.compile(r"^(\d{4})$"), "A"),
    (re.compile(r"^(\d{4})-?Q([1-4])$"), "Q"),
    (re.compile(r"^(\d{4})-?M?(\d{2})$"), "M"),
]


def _period(text: str) -> tuple[str | None, np.datetime64, np.datetime64]:
    nat = np.datetime64("NaT", "us")
    text = str(text).strip()
    for pattern, freq in _PERIOD_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        year = int(m.group(1))
        sub = int(m.group(2)) if m.lastindex and m.lastindex > 1 else 1
        # The year is checked before any date arithmetic (a year 9999 once made a
        # series of 96,000 months and a 68 GiB allocation downstream).
        if (freq == "M" and not 1 <= sub <= 12) or not plausible_year(year):
            return None, nat, nat
        month = (sub - 1) * 3 + 1 if freq == "Q" else sub
        start = pd.Timestamp(year, month, 1)
        step = {"A": 12, "Q": 3, "M": 1}[freq]
        end = start + pd.DateOffset(months=step) - pd.Timedelta(days=1)
        return freq, np.datetime64(start, "us"), np.datetime64(end, "us")
    return None, nat, nat


def periods(values: pd.Series, rows: pd.Series, column: str, problems: Problems) -> pd.DataFrame:
    """'2024', '2024-Q1'/'2024Q1', '2024-03'/'2024M03' -> frequency, start, end."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    found = [_period(u) for u in uniques]
    freq = np.array([f[0] for f in found] + [None], dtype=object)[:-1]
    start = np.array([f[1] for f in found], dtype="datetime64[us]")
    end = np.array([f[2] for f in found], dtype="datetime64[us]")
    out = pd.DataFrame(
        {"frequency": freq[codes], "period_start": start[codes], "period_end": end[codes]},
        index=values.index,
    )
    problems.add_mask(
        out["frequency"].isna(),
        rows,
        column,
        f"not a period (2024, 2024-Q1 or 2024-03) from {FIRST_YEAR} to next year",
    )
    return out


def month_periods(dates: pd.Series) -> pd.DataFrame:
    """Calendar-month periods of timestamps."""
    start = dates.dt.to_period("M").dt.start_time
    end = dates.dt.to_period("M").dt.end_time.dt.normalize()
    return pd.DataFrame({"period_start": start, "period_end": end, "frequency": "M"})


# Source flag letters -> the store's flag codes (data/reference/flags.csv).
EUROSTAT_FLAGS = {"e": "e", "s": "e", "f": "e", "p": "p", "b": "b", "c": "c", "u": "u", "d": "d"}


def flag_codes(
    values: pd.Series, rows: pd.Series, column: str, problems: Problems, table: dict[str, str]
) -> pd.Series:
    """Source flags ('bd', 'p', 'e ') to store flags; unknown letters are problems."""

    def one(text) -> str | None:
        letters = [ch for ch in str(text).strip().lower() if not ch.isspace()]
        if all(ch in table for ch in letters):
            return "".join(sorted({table[ch] for ch in letters}))
        return None

    out = pd.Series(by_value(values, one), index=values.index, dtype=object)
    problems.add_mask(out.isna(), rows, column, f"unknown flag (known: {''.join(sorted(table))})")
    return out.fillna("")


def observations(
    frame: pd.DataFrame, *, indicator_id, source_id, reporter, country, period: pd.DataFrame
) -> pd.DataFrame:
    """Assemble observation rows (without vintage, set by the pipeline)."""
    out = pd.DataFrame(
        {
            "indicator_id": indicator_id,
            "country_iso3": country,
            "reporter": reporter,
            "period_start": period["period_start"],
            "period_end": period["period_end"],
            "frequency": period["frequency"],
            "value": frame["value"],
            "lower": frame.get("lower", np.nan),
            "upper": frame.get("upper", np.nan),
            "flags": frame.get("flags", ""),
            "source_id": source_id,
            "is_demo": False,
            "_row": frame["_row"],
        },
        index=frame.index,
    )
    return out
