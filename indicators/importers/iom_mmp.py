"""IOM Missing Migrants Project incidents -> dead and missing per country and month.

Two layouts: the website export ("Incident Date" like "Thu, 01/01/2026 - 12:00",
"Number Dead", "Minimum Estimated Number of Missing", "Migration route") and the
full-dataset layout ("Incident date", "No. dead", "No. missing", "Route",
"Country of Incident"). Extra columns are ignored.

Which country an incident counts for (`protection_dead_missing`: "routes from or
through the country"); an incident counts once for each country that any rule names:
1. every country listed in Country of Origin;
2. the Country of Incident (full-dataset layout; free text after " - " or "(" is
   ignored; a value that is still no country is counted in the summary, not an error,
   since this field is free text in IOM's data);
3. the departure and transit countries of its route (data/reference/iom_routes.csv).
So one incident can count for several countries: never add countries up.
The number is dead plus missing (NA or empty counts as none), a minimum estimate:
every value carries the flag m. IOM writes a negative number missing when people
counted missing earlier were later found dead (dead 17, missing -5): that is kept,
as in IOM's own dead-and-missing total; dead, and dead plus missing, must not be
negative.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pandas as pd

from indicators.catalogue import DATA_DIR, Catalogue
from indicators.importers import fields, readers
from indicators.importers.countries import resolver
from indicators.importers.problems import Parsed, Problems
from indicators.observations import FIRST_YEAR, plausible_year

INDICATOR, SOURCE, REPORTER = "protection_dead_missing", "iom_mmp", "WORLD"
LAYOUTS = {
    "website export": {
        "date": "Incident Date",
        "dead": "Number Dead",
        "missing": "Minimum Estimated Number of Missing",
        "origin": "Country of Origin",
        "route": "Migration route",
    },
    "full dataset": {
        "date": "Incident date",
        "dead": "No. dead",
        "missing": "No. missing",
        "origin": "Country of Origin",
        "route": "Route",
        "incident_country": "Country of Incident",
    },
}
_DATE_FORMATS = ["%Y-%m-%d", "%a, %m/%d/%Y - %H:%M", "%m/%d/%Y", "%d/%m/%Y"]


@cache
def routes(path: Path = DATA_DIR / "reference" / "iom_routes.csv") -> dict[str, list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["route"]: [c for c in r["countries"].split("|") if c] for r in csv.DictReader(fh)}


def _dates(values: pd.Series) -> pd.Series:
    """Each value's date by the first format that reads it (NaT when none does, or when
    its year is outside the plausible range: refused here, before any arithmetic).

    Parsed once per distinct text and per format over all of them at once: one
    `to_datetime` call per text cost about 5 s on the realdata folder's 3,000 dates.
    """
    distinct = pd.unique(values.astype(str))
    texts = pd.Series(distinct).str.strip()
    found = pd.Series(pd.NaT, index=texts.index, dtype="datetime64[ns]")
    todo = pd.Series(True, index=texts.index)
    for fmt in _DATE_FORMATS:
        if not todo.any():
            break
        # errors="coerce": a text this format cannot read (or a date beyond what a
        # timestamp holds, such as 12/31/9999) is left for the next format.
        parsed = pd.to_datetime(texts[todo], format=fmt, errors="coerce")
        read = parsed.notna()
        hits = parsed[read]
        found[hits.index] = hits.where(hits.dt.year.map(plausible_year).astype(bool))
        todo[hits.index] = False
    return values.astype(str).map(dict(zip(distinct, found, strict=True)))


def parse(path: Path, catalogue: Catalogue) -> Parsed:
    file = path.name
    text = readers.read_text(path, file)
    header = next(csv.reader([readers.first_line(text)]))
    layout = next((n for n, cols in LAYOUTS.items() if set(cols.values()) <= set(header)), None)
    if layout is None:
        need = " or ".join(str(sorted(c.values())) for c in LAYOUTS.values())
        raise readers.missing_columns(file, readers.first_line(text), [need], header)
    cols = LAYOUTS[layout]
    frame = readers.read_table(path, file, list(cols.values()), text=text)
    problems = Problems(file)
    rows = readers.source_rows(frame)
    parsed = Parsed("iom-mmp", pd.DataFrame(), len(frame), 0)
    parsed.notes.append(f"IOM Missing Migrants, {layout} layout; values are minimum estimates")
    numbers = {}
    for key in ("dead", "missing"):
        numbers[key] = fields.numbers(
            frame[cols[key]], rows, cols[key], problems, missing=("", "NA")
        )
    problems.add_mask(numbers["dead"] < 0, rows, cols["dead"], "a count cannot be negative")
    total = numbers["dead"].fillna(0) + numbers["missing"].fillna(0)
    problems.add_mask(
        total < 0, rows, cols["missing"], "dead plus missing cannot be negative (a count)"
    )
    dates = _dates(frame[cols["date"]])
    problems.add_mask(
        dates.isna(), rows, cols["date"], f"not a date from {FIRST_YEAR} to next year"
    )
    problems.add_mask(
        frame.duplicated(), rows, None, "duplicate row (the same incident line twice)"
    )
    pairs = [_origin_pairs(frame[cols["origin"]], rows, cols["origin"], problems)]
    if "incident_country" in cols:
        pairs.append(_incident_pairs(frame[cols["incident_country"]], parsed))
    pairs.append(_route_pairs(frame[cols["route"]], parsed))
    problems.raise_if_any()
    known = set(catalogue.country_by_iso3)
    long = pd.concat(pairs, ignore_index=True).drop_duplicates()
    long = long[long["country"].isin(known)]
    used = frame.index.isin(long["idx"])
    parsed.skip(
        "no country of the store by origin, country of incident or route",
        int((~used).sum()),
    )
    parsed.rows_used = int(used.sum())
    long = long.assign(
        value=total.loc[long["idx"]].to_numpy(),
        month=dates.loc[long["idx"]].to_numpy(),
        _row=rows.loc[long["idx"]].to_numpy(),
    )
    long["month"] = pd.to_datetime(long["month"]).dt.to_period("M").dt.start_time
    summed = long.groupby(["country", "month"], as_index=False).agg(
        value=("value", "sum"), _row=("_row", "min")
    )
    summed["flags"] = "m"
    parsed.observations = fields.observations(
        summed,
        indicator_id=INDICATOR,
        source_id=SOURCE,
        reporter=REPORTER,
        country=summed["country"],
        period=fields.month_periods(summed["month"]),
    )
    return parsed


def _tokens(values: pd.Series) -> pd.DataFrame:
    split = values.astype(str).str.split(",").explode().str.strip()
    split = split[split != ""]
    return pd.DataFrame({"idx": split.index, "value": split.to_numpy()})


def _origin_pairs(values, rows, column, problems) -> pd.DataFrame:
    tokens = _tokens(values)
    hit = resolver().resolve_many(tokens["value"])
    bad = hit["kind"].isna().to_numpy()
    problems.add_mask(bad, rows.loc[tokens["idx"]], column, "not a country or known name")
    ok = (hit["kind"] == "country").to_numpy()
    return pd.DataFrame({"idx": tokens["idx"][ok], "country": hit["code"][ok].to_numpy()})


def _incident_pairs(values: pd.Series, parsed: Parsed) -> pd.DataFrame:
    cleaned = values.astype(str).str.split(r" - | \(", n=1, regex=True).str[0].str.strip()
    hit = resolver().resolve_many(cleaned)
    odd = (cleaned != "") & hit["kind"].isna()
    parsed.notes.append(
        f"country of incident not recognised in {int(odd.sum())} row(s)"
        + (f" (e.g. {', '.join(pd.unique(values[odd])[:3])})" if odd.any() else "")
        + "; those incidents count by origin and route only"
    )
    ok = hit["kind"] == "country"
    return pd.DataFrame({"idx": values.index[ok], "country": hit["code"][ok].to_numpy()})


def _route_pairs(values: pd.Series, parsed: Parsed) -> pd.DataFrame:
    table = routes()
    tokens = _tokens(values)
    unknown = ~tokens["value"].isin(list(table))
    if unknown.any():
        names = ", ".join(pd.unique(tokens["value"][unknown])[:3])
        parsed.notes.append(
            f"{int(unknown.sum())} row(s) with a route not in data/reference/iom_routes.csv "
            f"({names}) count by origin and country of incident only"
        )
    tokens = tokens.assign(country=tokens["value"].map(lambda r: table.get(r, [])))
    tokens = tokens.explode("country").dropna(subset=["country"])
    return tokens[["idx", "country"]]
