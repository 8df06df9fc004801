"""Frontex monthly detections of irregular border crossings.

Two layouts: the long table (route, type, nationality, month, n; column names as in
the Frontex-derived tables: route,type,nat,month,n or Route,Border location,
Nationality,Month,Value) and the published wide xlsx (one row per route, border
type and nationality, one column per month). Detections are summed over routes and
border types per nationality and month into `irregular_detections` (reporting area
EU_EXT). Frontex counts detections, not persons: one person crossing twice counts
twice. An empty cell is no figure (skipped and counted), a 0 is zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from indicators.catalogue import Catalogue
from indicators.errors import InputError, Problem
from indicators.importers import fields, places, readers
from indicators.importers.problems import Parsed, Problems
from indicators.observations import plausible_year

INDICATOR, SOURCE, REPORTER = "irregular_detections", "frontex_ibc", "EU_EXT"
ALIASES = {
    "route": "route",
    "type": "type",
    "border location": "type",
    "borderlocation": "type",
    "border type": "type",
    "nat": "nat",
    "nationality": "nat",
    "citizenship": "nat",
    "month": "month",
    "n": "n",
    "value": "n",
    "detections": "n",
}
_MONTH_FORMATS = ["%Y-%m", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%b %Y", "%B %Y", "%b-%y", "%Y%b"]


def _month(text: str) -> pd.Timestamp | None:
    text = str(text).strip()
    if re.fullmatch(r"\d{4}M\d{2}", text):
        text = text.replace("M", "-")
    for fmt in _MONTH_FORMATS:
        try:
            found = pd.Timestamp(pd.to_datetime(text, format=fmt))
        except (ValueError, TypeError):
            continue
        # A year outside the plausible range is refused here, before any arithmetic.
        return found.to_period("M").start_time if plausible_year(found.year) else None
    return None


def parse(path: Path, catalogue: Catalogue) -> Parsed:
    """The detections. The long CSV is read in chunks, so memory stays bounded however
    large the file (issue 15); one the streamed reader cannot take is read whole, which
    names what is wrong."""
    file = path.name
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _map([_wide(readers.read_sheet(path, file), file)], catalogue, file)
    try:
        return _map(_long_chunks(path), catalogue, file)
    except readers.Unstreamable:
        return _map([_long(path, file)], catalogue, file)


def _renamed(columns) -> dict[str, str]:
    return {c: ALIASES[k] for c in columns if (k := str(c).strip().lower()) in ALIASES}


def _long(path: Path, file: str) -> pd.DataFrame:
    text = readers.read_text(path, file)
    header = [h.strip().strip('"') for h in readers.first_line(text).split(",")]
    names = _renamed(header)
    missing = {"route", "nat", "month", "n"} - set(names.values())
    if missing:
        raise readers.missing_columns(file, readers.first_line(text), sorted(missing), header)
    frame = readers.read_table(path, file, list(names), text=text).rename(columns=names)
    return _with_rows(frame)


def _long_chunks(path: Path) -> Iterator[pd.DataFrame]:
    """The long table in chunks, as `_long` reads it whole (Unstreamable otherwise)."""
    header = [h.strip().strip('"') for h in readers.head_line(path).split(",")]
    names = _renamed(header)
    if {"route", "nat", "month", "n"} - set(names.values()):
        raise readers.Unstreamable("missing columns")
    for frame in readers.table_chunks(path, list(names), categorical=False):
        yield _with_rows(frame.rename(columns=names))


def _with_rows(frame: pd.DataFrame) -> pd.DataFrame:
    frame["_row"] = readers.source_rows(frame)
    if "type" not in frame:
        frame["type"] = ""
    return frame


def _wide(sheet: pd.DataFrame, file: str) -> pd.DataFrame:
    header_at = None
    for i, row in enumerate(sheet.head(30).itertuples(index=False)):
        labels = {str(v).strip().lower() for v in row}
        if {"route", "nationality"} <= labels or {"route", "nat"} <= labels:
            header_at = i
            break
    if header_at is None:
        reason = "no header row with Route and Nationality in the first sheet"
        raise InputError(Problem(file, None, None, reason))
    header = [str(v).strip() for v in sheet.iloc[header_at]]
    body = sheet.iloc[header_at + 1 :].copy()
    body.columns = header
    rows = pd.Series(body.index.to_numpy() + 1, index=body.index)  # sheet row numbers
    names = _renamed(header)
    months = {c: _month(c) for c in header if c and c not in names}
    bad = [c for c, m in months.items() if m is None]
    if bad:
        raise InputError(Problem(file, header_at + 1, ", ".join(bad[:5]), "not a month column"))
    if not months:
        raise InputError(Problem(file, header_at + 1, None, "no month columns"))
    body = body.rename(columns=names)
    body = body[(body[list(names.values())] != "").any(axis=1)]  # blank lines, notes below
    body["_row"] = rows
    if "type" not in body:
        body["type"] = ""
    long = body.melt(
        id_vars=["_row", "route", "type", "nat"],
        value_vars=list(months),
        var_name="month",
        value_name="n",
    )
    month_labels = {c: m.strftime("%Y-%m") for c, m in months.items() if m is not None}
    long["month"] = long["month"].map(month_labels)
    return long


def _map(frames: Iterable[pd.DataFrame], catalogue: Catalogue, file: str) -> Parsed:
    problems = Problems(file)
    parsed = Parsed("frontex-ibc", pd.DataFrame(), 0, 0)
    seen = fields.SeenKeys()
    used = pd.concat(
        [_chunk(frame, catalogue, parsed, problems, seen) for frame in frames],
        ignore_index=True,
    )
    problems.raise_if_any()
    parsed.rows_used = int(used["_row"].nunique())
    summed = used.groupby(["country", "month"], as_index=False).agg(
        value=("n", "sum"), _row=("_row", "min")
    )
    period = fields.month_periods(summed["month"])
    parsed.observations = fields.observations(
        summed,
        indicator_id=INDICATOR,
        source_id=SOURCE,
        reporter=REPORTER,
        country=summed["country"],
        period=period,
    )
    parsed.notes.append(
        "detections summed over routes and border types per nationality and month; "
        "detections, not persons"
    )
    return parsed


def _chunk(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    parsed: Parsed,
    problems: Problems,
    seen: fields.SeenKeys,
) -> pd.DataFrame:
    """One chunk's kept rows (country, month, n, _row); its problems go to `problems`."""
    rows = frame["_row"]
    parsed.rows_read += int(rows.nunique())
    text = frame["n"].astype(str).str.strip().str.replace(r"\.0$", "", regex=True)
    empty = text == ""
    parsed.skip("n: an empty cell (no figure)", int(empty.sum()))
    frame = frame[~empty]
    rows, text = rows[~empty], text[~empty]
    n = fields.numbers(text, rows, "n", problems, missing=())
    problems.add_mask(n < 0, rows, "n", "a count cannot be negative")
    problems.add_mask(n % 1 != 0, rows, "n", "a count must be a whole number")
    month = frame["month"].map({m: _month(m) for m in pd.unique(frame["month"])})
    problems.add_mask(month.isna(), rows, "month", "not a month (2024-03)")
    key = frame[["route", "type", "nat", "month"]]
    problems.add_mask(
        key.duplicated().to_numpy() | seen.repeated(key),
        rows,
        "month",
        "duplicate row (the same route, type, nationality and month twice)",
    )
    country, keep = places.countries(frame["nat"], rows, "nat", catalogue, problems, parsed)
    return pd.DataFrame({"country": country, "month": month, "n": n, "_row": rows})[keep]
