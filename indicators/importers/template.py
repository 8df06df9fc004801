"""The project's own template (CSV or XLSX) for figures no public source has.

Columns (header row first, in any order; * = required):

- indicator*: an indicator id from the catalogue, e.g. return_travel_documents
- country*: ISO3, ISO2 or an English or Dutch name, e.g. MAR, MA, Marokko
- reporter*: a reporting area of that indicator, e.g. NL or NAT
- period*: 2024 (annual), 2024-Q1 (quarterly) or 2024-03 (monthly), at the
  indicator's frequency
- value*: a number; empty means missing (stored as missing, never as zero)
- lower, upper: the ends of a range, when the figure is uncertain
- flags: letters p provisional, e estimated, b break in series, c confidential,
  u low reliability, m minimum estimate, d definition differs
- source*: a source id of that indicator, e.g. taskforce_internal

An example is data/templates/internal_figures_example.csv.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from indicators.catalogue import Catalogue
from indicators.errors import InputError, Problem
from indicators.importers import fields, places, readers
from indicators.importers.problems import Parsed, Problems

REQUIRED = ["indicator", "country", "reporter", "period", "value", "source"]
OPTIONAL = ["lower", "upper", "flags"]
FLAGS = {c: c for c in "pebcumd"}


def _sheet(path: Path, file: str) -> pd.DataFrame:
    sheet = readers.read_sheet(path, file)
    if sheet.empty:
        raise InputError(Problem(file, None, None, "the workbook's first sheet is empty"))
    frame = sheet.iloc[1:].reset_index(drop=True)
    frame.columns = [str(c).strip() for c in sheet.iloc[0]]
    frame = frame[[c for c in frame.columns if c]]
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise InputError(Problem(file, 1, ", ".join(missing), "missing column(s)"))
    frame = frame[(frame != "").any(axis=1)]  # trailing empty sheet rows
    if frame.empty:
        raise InputError(Problem(file, None, None, "the sheet has a header but no rows"))
    return frame


def parse(path: Path, catalogue: Catalogue) -> Parsed:
    """The file's observations. A CSV is read in chunks, so memory stays bounded however
    large the file (issue 15); one the streamed reader cannot take is read whole, which
    names what is wrong."""
    file = path.name
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _parse(file, catalogue, [_sheet(path, file)])
    try:
        return _parse(file, catalogue, readers.table_chunks(path, REQUIRED))
    except readers.Unstreamable:
        return _parse(file, catalogue, [readers.read_table(path, file, REQUIRED)])


def _parse(file: str, catalogue: Catalogue, frames: Iterable[pd.DataFrame]) -> Parsed:
    problems = Problems(file)
    parsed = Parsed("template", pd.DataFrame(), 0, 0)
    found: list[pd.DataFrame] = []
    for frame in frames:
        extra = [c for c in frame.columns if c not in REQUIRED + OPTIONAL]
        if extra:
            reason = f"unknown column(s); expected {REQUIRED + OPTIONAL}"
            raise InputError(Problem(file, 1, ", ".join(extra), reason))
        parsed.rows_read += len(frame)
        obs = _chunk(frame, catalogue, parsed, problems)
        if obs is not None:
            found.append(obs)
    problems.raise_if_any()
    parsed.observations = pd.concat(found) if len(found) > 1 else found[0]
    return parsed


def _chunk(
    frame: pd.DataFrame, catalogue: Catalogue, parsed: Parsed, problems: Problems
) -> pd.DataFrame | None:
    """One chunk's observations, or None when it has problems (added to `problems`)."""
    rows = readers.source_rows(frame)
    ind = frame["indicator"].str.strip()
    known = catalogue.indicator_by_id
    problems.add_mask(~ind.isin(list(known)), rows, "indicator", "unknown indicator")
    period = fields.periods(frame["period"], rows, "period", problems)
    want_freq = ind.map(lambda i: known[i].frequency if i in known else None)
    problems.add_mask(
        period["frequency"].notna() & want_freq.notna() & (period["frequency"] != want_freq),
        rows,
        "period",
        "period does not match the indicator's frequency (A: 2024, Q: 2024-Q1, M: 2024-03)",
    )
    reporter = frame["reporter"].str.strip().str.upper()
    ok_reporter = [
        r in known[i].reporters if i in known else True for i, r in zip(ind, reporter, strict=False)
    ]
    problems.add_mask(
        ~pd.Series(ok_reporter, index=frame.index),
        rows,
        "reporter",
        "not a reporting area of this indicator",
    )
    source = frame["source"].str.strip()
    ok_source = [
        s in known[i].sources if i in known else True for i, s in zip(ind, source, strict=False)
    ]
    problems.add_mask(
        ~pd.Series(ok_source, index=frame.index), rows, "source", "not a source of this indicator"
    )
    values = pd.DataFrame(index=frame.index)
    values["value"] = fields.numbers(frame["value"], rows, "value", problems)
    for col in ("lower", "upper"):
        if col in frame:
            values[col] = fields.numbers(frame[col], rows, col, problems)
    if "flags" in frame:
        values["flags"] = fields.flag_codes(frame["flags"], rows, "flags", problems, FLAGS)
    values["_row"] = rows
    country, keep = places.countries(frame["country"], rows, "country", catalogue, problems, parsed)
    if problems.items:
        return None
    obs = fields.observations(
        values,
        indicator_id=ind,
        source_id=source,
        reporter=reporter,
        country=country,
        period=period,
    )
    parsed.rows_used += int(keep.sum())
    return obs[keep]
