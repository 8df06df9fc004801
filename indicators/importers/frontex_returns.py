"""Frontex-coordinated return operations: one row per operation, participating state
and destination (ROID, DATE, MSNAME, DEST, N_RETURNEES), as in the list Frontex
released under the access-to-documents rules.

Returnees are summed per destination country and calendar year into
`return_frontex_ops` (reporting area EU27: the operations of the participating
states together). A destination with no rows has no data, which is not zero: the
list has no rows at all for Morocco or Algeria.

The same release also comes as a table by year (YEAR, DEST, one column of returnees
per participating state): annual only, which is the indicator's own frequency, so it
feeds the same indicator with the same sums (a later file of the two revises the
earlier; equal figures add nothing).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.catalogue import Catalogue
from indicators.importers import fields, places, readers
from indicators.importers.countries import resolver
from indicators.importers.problems import Parsed, Problems
from indicators.observations import FIRST_YEAR, last_year

INDICATOR, SOURCE, REPORTER = "return_frontex_ops", "frontex_return_ops", "EU27"
COLUMNS = ["ROID", "DATE", "MSNAME", "DEST", "N_RETURNEES"]


def parse(path: Path, catalogue: Catalogue) -> Parsed:
    file = path.name
    text = readers.read_text(path, file)
    header = {h.strip().strip('"').upper() for h in readers.first_line(text).split(",")}
    if {"YEAR", "DEST"} <= header and "ROID" not in header:
        return _parse_by_year(path, file, text, catalogue)
    frame = readers.read_table(path, file, COLUMNS, text=text)
    problems = Problems(file)
    rows = readers.source_rows(frame)
    parsed = Parsed("frontex-returns", pd.DataFrame(), len(frame), 0)
    n = fields.numbers(frame["N_RETURNEES"], rows, "N_RETURNEES", problems, missing=())
    problems.add_mask(n < 0, rows, "N_RETURNEES", "a count cannot be negative")
    problems.add_mask(n % 1 != 0, rows, "N_RETURNEES", "a count must be a whole number")
    text = frame["DATE"].str.strip().str[:10]
    date = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    problems.add_mask(date.isna(), rows, "DATE", "not a date (YYYY-MM-DD)")
    implausible = date.notna() & ~date.dt.year.between(FIRST_YEAR, last_year())
    problems.add_mask(implausible, rows, "DATE", f"a date before {FIRST_YEAR} or after next year")
    problems.add_mask(
        frame.duplicated(),
        rows,
        "ROID",
        "duplicate row (the same line twice; one operation may list a state and "
        "destination more than once with different numbers, but not identically)",
    )
    states = resolver().resolve_many(frame["MSNAME"])
    problems.add_mask(states["kind"].isna(), rows, "MSNAME", "not a country or known name")
    country, keep = places.countries(frame["DEST"], rows, "DEST", catalogue, problems, parsed)
    problems.raise_if_any()
    used = pd.DataFrame({"country": country, "year": date.dt.year, "n": n, "_row": rows})[keep]
    parsed.rows_used = len(used)
    summed = used.groupby(["country", "year"], as_index=False).agg(
        value=("n", "sum"), _row=("_row", "min")
    )
    period = fields.periods(summed["year"].astype(str), summed["_row"], "DATE", problems)
    parsed.observations = fields.observations(
        summed,
        indicator_id=INDICATOR,
        source_id=SOURCE,
        reporter=REPORTER,
        country=summed["country"],
        period=period,
    )
    parsed.notes.append("returnees summed per destination and year over all operations")
    return parsed


def _parse_by_year(path: Path, file: str, text: str, catalogue: Catalogue) -> Parsed:
    """The table by year: returnees per destination and year, summed over the states."""
    frame = readers.read_table(path, file, ["YEAR", "DEST"], text=text)
    problems = Problems(file)
    rows = readers.source_rows(frame)
    parsed = Parsed("frontex-returns", pd.DataFrame(), len(frame), 0)
    states = [c for c in frame.columns if c not in ("YEAR", "DEST")]
    if not states:
        problems.add(1, None, "no column of returnees per participating state")
    names = resolver().resolve_many(pd.Series(states, dtype=object))
    for state, kind in zip(states, names["kind"], strict=True):
        if kind != "country":
            problems.add(1, state, "not a participating state's name")
    total = pd.Series(0.0, index=frame.index)
    for state in states:
        n = fields.numbers(frame[state], rows, state, problems, missing=("",))
        problems.add_mask(n < 0, rows, state, "a count cannot be negative")
        total = total + n.fillna(0)
    country, keep = places.countries(frame["DEST"], rows, "DEST", catalogue, problems, parsed)
    period = fields.periods(frame["YEAR"], rows, "YEAR", problems)
    problems.add_mask(
        period["frequency"].notna() & (period["frequency"] != "A"), rows, "YEAR", "not a year"
    )
    problems.raise_if_any()
    used = pd.DataFrame({"value": total, "_row": rows})[keep]
    parsed.rows_used = len(used)
    parsed.observations = fields.observations(
        used,
        indicator_id=INDICATOR,
        source_id=SOURCE,
        reporter=REPORTER,
        country=country[keep],
        period=period[keep],
    )
    parsed.notes.append("table by year: returnees summed over the participating states")
    return parsed
