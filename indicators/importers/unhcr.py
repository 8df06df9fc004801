"""UNHCR Refugee Data Finder exports: end-year refugees and asylum-seekers by country
of origin and country of asylum (unhcr.org/refugee-statistics/download).

Refugees under UNHCR's mandate plus asylum-seekers, per country of origin and year,
feed `context_refugees_abroad` (annual: UNHCR publishes end-year stocks only). The
reporting area is the country of asylum: `-` (all countries of asylum, the export
without a breakdown by asylum) is WORLD, the Netherlands is NL; other countries of
asylum are skipped and counted. A row whose origin is `-` (all origins together,
an export without "Country of origin" ticked) feeds no country and is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from indicators.catalogue import Catalogue
from indicators.importers import fields, places, readers
from indicators.importers.problems import Parsed, Problems

INDICATOR, SOURCE = "context_refugees_abroad", "unhcr_refugee_data_finder"

# Column names of the export as UNHCR has spelled them over the years.
ALIASES = {
    "year": ["Year"],
    "origin": ["Country of Origin ISO", "Country of origin (ISO)", "Country of origin ISO"],
    "asylum": ["Country of Asylum ISO", "Country of asylum (ISO)", "Country of asylum ISO"],
    "refugees": ["Refugees", "Refugees under UNHCR's mandate"],
    "asylum_seekers": ["Asylum Seekers", "Asylum-seekers", "Asylum seekers"],
}
ALL = "-"  # the export's "all countries" in an origin or asylum column


def columns(header: list[str]) -> dict[str, str] | None:
    """The export's column for each of ALIASES, or None when one is missing."""
    found = {}
    low = {h.strip().lower(): h for h in header}
    for key, names in ALIASES.items():
        hit = next((low[n.lower()] for n in names if n.lower() in low), None)
        if hit is None:
            return None
        found[key] = hit
    return found


def parse(path: Path, catalogue: Catalogue) -> Parsed:
    """The export's figures. A CSV is read in chunks, so memory stays bounded however
    large the file (issue 15); one the streamed reader cannot take is read whole, which
    names what is wrong."""
    file = path.name
    try:
        header = [h.strip().strip('"') for h in readers.head_line(path).split(",")]
        cols = columns(header)
        if cols is None:
            raise readers.Unstreamable("missing columns")
        chunks = readers.table_chunks(path, list(cols.values()), categorical=False)
        return _parse(file, catalogue, cols, chunks)
    except readers.Unstreamable:
        pass
    text = readers.read_text(path, file)
    header = [h.strip().strip('"') for h in readers.first_line(text).split(",")]
    cols = columns(header)
    if cols is None:
        missing = [names[0] for key, names in ALIASES.items() if not columns_has(header, names)]
        raise readers.missing_columns(file, readers.first_line(text), missing, header)
    frame = readers.read_table(path, file, list(cols.values()), text=text)
    return _parse(file, catalogue, cols, [frame])


def _parse(
    file: str, catalogue: Catalogue, cols: dict[str, str], frames: Iterable[pd.DataFrame]
) -> Parsed:
    problems = Problems(file)
    parsed = Parsed("unhcr", pd.DataFrame(), 0, 0)
    seen = fields.SeenKeys()
    found = [_chunk(frame, catalogue, cols, parsed, problems, seen) for frame in frames]
    problems.raise_if_any()
    parsed.observations = pd.concat(found) if len(found) > 1 else found[0]
    parsed.notes.append("refugees under UNHCR's mandate plus asylum-seekers, end of year")
    return parsed


def _chunk(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    cols: dict[str, str],
    parsed: Parsed,
    problems: Problems,
    seen: fields.SeenKeys,
) -> pd.DataFrame:
    """One chunk's observations; its problems go to `problems`."""
    rows = readers.source_rows(frame)
    parsed.rows_read += len(frame)
    refugees = fields.numbers(frame[cols["refugees"]], rows, cols["refugees"], problems)
    seekers = fields.numbers(frame[cols["asylum_seekers"]], rows, cols["asylum_seekers"], problems)
    for n, col in ((refugees, cols["refugees"]), (seekers, cols["asylum_seekers"])):
        problems.add_mask(n < 0, rows, col, "a count cannot be negative")
    period = fields.periods(frame[cols["year"]], rows, cols["year"], problems)
    problems.add_mask(
        period["frequency"].notna() & (period["frequency"] != "A"), rows, cols["year"], "not a year"
    )
    origin = frame[cols["origin"]].astype(str).str.strip()
    asylum = frame[cols["asylum"]].astype(str).str.strip()
    all_origins = origin == ALL
    parsed.skip(
        f"{cols['origin']}: all countries of origin together (export with 'Country of origin' "
        "ticked to get one row per origin)",
        int(all_origins.sum()),
    )
    reporter = pd.Series(None, index=frame.index, dtype=object)
    reporter[asylum == ALL] = "WORLD"
    reporter[asylum.str.upper() == "NLD"] = "NL"
    other_asylum = reporter.isna() & ~all_origins
    parsed.skip(
        f"{cols['asylum']}: a country of asylum kept neither as worldwide (-) nor as NL",
        int(other_asylum.sum()),
        [str(v) for v in pd.unique(asylum[other_asylum])[:5]],
    )
    keep_rows = ~all_origins & reporter.notna()
    country, keep = places.countries(
        origin.where(keep_rows, "TOTAL"),
        rows,
        cols["origin"],
        catalogue,
        problems,
        Parsed("", pd.DataFrame(), 0, 0),
    )
    outside = keep_rows & ~keep
    parsed.skip(
        f"{cols['origin']}: a country of origin outside the store's list",
        int(outside.sum()),
        [str(v) for v in pd.unique(origin[outside])[:5]],
    )
    keep = keep & keep_rows
    key = pd.DataFrame({"o": origin, "a": asylum, "y": frame[cols["year"]]})
    problems.add_mask(
        (fields.duplicated(key).to_numpy() | seen.repeated(key)) & keep.to_numpy(),
        rows,
        cols["year"],
        "the same year, origin and asylum twice",
    )
    both = refugees.isna() & seekers.isna()
    value = (refugees.fillna(0) + seekers.fillna(0)).where(~both)
    used = pd.DataFrame({"value": value, "_row": rows})[keep]
    parsed.rows_used += len(used)
    return fields.observations(
        used,
        indicator_id=INDICATOR,
        source_id=SOURCE,
        reporter=reporter[keep],
        country=country[keep],
        period=period[keep],
    )


def columns_has(header: list[str], names: list[str]) -> bool:
    low = {h.strip().lower() for h in header}
    return any(n.lower() in low for n in names)
