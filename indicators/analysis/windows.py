"""Comparison windows: 'A' and 'B' as date ranges, written the way evaluators write them.

Accepted forms: "2016-2021" (whole calendar years), "2019" (one year),
"2016-03..2021-06" or "2016-03-01..2021-06-30" (months or days), "2025-" (to the
last value), or a (start, end) pair of anything pandas reads as a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.catalogue import Period
from indicators.errors import InputError, Problem

_YEARS = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})?\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


@dataclass(frozen=True)
class Window:
    """Periods whose start lies in [start, end]; end None means 'to the last value'."""

    start: pd.Timestamp
    end: pd.Timestamp | None
    label: str

    def mask(self, periods: pd.DatetimeIndex) -> np.ndarray:
        inside = periods >= self.start
        if self.end is not None:
            inside &= periods <= self.end
        return np.asarray(inside, dtype=bool)


WindowSpec = Window | str | tuple


def named_or_parsed(periods: Iterable[Period], spec: str) -> Window:
    """A named period of the catalogue ('baseline') or a window like 2016-2021."""
    for p in periods:
        if p.id == spec:
            return Window(pd.Timestamp(p.start), pd.Timestamp(p.end) if p.end else None, p.label)
    return parse_window(spec)


def parse_window(spec: WindowSpec) -> Window:
    """A Window from a string or a (start, end) pair; InputError when it makes no sense."""
    if isinstance(spec, Window):
        return spec
    if isinstance(spec, tuple) and len(spec) == 2:
        start, end = _date(spec[0], spec), _date(spec[1], spec) if spec[1] is not None else None
        return _checked(start, end, f"{start.date()}..{end.date() if end is not None else ''}")
    if not isinstance(spec, str):
        raise InputError(Problem("window", None, None, f"not a window: {spec!r}"))
    if m := _YEARS.match(spec):
        end = pd.Timestamp(f"{m[2]}-12-31") if m[2] else None
        return _checked(pd.Timestamp(f"{m[1]}-01-01"), end, spec.strip().replace("-", "–"))
    if m := _YEAR.match(spec):
        return _checked(pd.Timestamp(f"{m[1]}-01-01"), pd.Timestamp(f"{m[1]}-12-31"), m[1])
    if ".." in spec:
        first, last = spec.split("..", 1)
        start = _date(first, spec)
        end = _period_end(last, spec) if last.strip() else None
        return _checked(start, end, spec.strip())
    raise InputError(Problem("window", None, None, f"cannot read {spec!r}; write e.g. 2016-2021"))


def _date(value: object, spec: object) -> pd.Timestamp:
    try:
        return pd.Timestamp(value)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        raise InputError(Problem("window", None, None, f"not a date in {spec!r}")) from None


def _period_end(text: str, spec: str) -> pd.Timestamp:
    """'2021-06' ends on 30 June; a full date ends on itself."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return _date(text, spec) + pd.offsets.MonthEnd(0)
    return _date(text, spec)


def _checked(start: pd.Timestamp, end: pd.Timestamp | None, label: str) -> Window:
    if end is not None and end < start:
        raise InputError(Problem("window", None, None, f"{label} ends before it starts"))
    return Window(start, end, label)
