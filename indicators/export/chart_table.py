"""The table behind a trend chart: what the chart shows, period by period.

Observations with their flags, and the trend level with its 50/80/95% bounds (the
bands are the interval of the trend level, not of single values). Periods are real
dates, values are rounded to the indicator's precision, headers are in the reader's
language or, on request, stable codes. What the table is (title, unit, source,
caveats, what the bounds mean) goes in a README or an 'about' sheet, never in
comment lines above the header, so the file opens cleanly in any spreadsheet.
"""

from __future__ import annotations

import pandas as pd

from indicators import formatting
from indicators.catalogue import Catalogue, Indicator
from indicators.citation import source_line

CODES = (
    "period_start",
    "period_end",
    "value",
    "flags",
    "provisional",
    "level",
    "lo50",
    "hi50",
    "lo80",
    "hi80",
    "lo95",
    "hi95",
)
BOUNDS = CODES[5:]
HEADERS = {
    "nl": {
        "period_start": "Begin periode",
        "period_end": "Einde periode",
        "value": "Waarde",
        "flags": "Markeringen",
        "provisional": "Voorlopig",
        "level": "Trendniveau",
        "lo50": "Trendniveau 50% ondergrens",
        "hi50": "Trendniveau 50% bovengrens",
        "lo80": "Trendniveau 80% ondergrens",
        "hi80": "Trendniveau 80% bovengrens",
        "lo95": "Trendniveau 95% ondergrens",
        "hi95": "Trendniveau 95% bovengrens",
    },
    "en": {
        "period_start": "Period start",
        "period_end": "Period end",
        "value": "Value",
        "flags": "Flags",
        "provisional": "Provisional",
        "level": "Trend level",
        "lo50": "Trend level 50% lower bound",
        "hi50": "Trend level 50% upper bound",
        "lo80": "Trend level 80% lower bound",
        "hi80": "Trend level 80% upper bound",
        "lo95": "Trend level 95% lower bound",
        "hi95": "Trend level 95% upper bound",
    },
}
_ABOUT = {
    "nl": {
        "title": "Titel",
        "series": "Reeks",
        "unit": "Eenheid",
        "source": "Bron",
        "caveat": "Kanttekening",
        "bounds": "Grenzen",
        "bounds_text": "De grenzen zijn het 50%-, 80%- en 95%-interval van het trendniveau, "
        "niet van losse waarden: losse waarden vallen er vaak buiten.",
        "flags": "Markeringen",
        "flags_text": "p = voorlopig; overige codes volgens de bron.",
    },
    "en": {
        "title": "Title",
        "series": "Series",
        "unit": "Unit",
        "source": "Source",
        "caveat": "Caveat",
        "bounds": "Bounds",
        "bounds_text": "The bounds are the 50%, 80% and 95% intervals of the trend level, not "
        "of single values: single values often lie outside them.",
        "flags": "Flags",
        "flags_text": "p = provisional; other codes as the source gives them.",
    },
}
_STEP = {"M": pd.DateOffset(months=1), "Q": pd.DateOffset(months=3), "A": pd.DateOffset(years=1)}


def chart_table(
    trend: pd.DataFrame, indicator: Indicator, lang: str, *, codes: bool = False
) -> pd.DataFrame:
    """One row per period of the store's trend frame, in the columns of CODES.

    Dates stay dates (typed cells in XLSX, ISO in CSV); numbers are rounded to
    `indicator.decimals`; `codes=True` keeps the stable column codes as headers.
    """
    frame = trend.sort_values("period_start")
    start = pd.to_datetime(frame["period_start"])
    flags = frame["flags"].fillna("").astype(str)
    table = pd.DataFrame(
        {
            "period_start": start.dt.date,
            "period_end": (
                start + _STEP.get(indicator.frequency, _STEP["M"]) - pd.Timedelta(days=1)
            ).dt.date,
            "value": frame["value"].where(frame["observed"].astype(bool)),
            "flags": flags,
            "provisional": flags.str.contains("p"),
        }
    )
    for col in BOUNDS:
        table[col] = frame[col].to_numpy()
    numbers = ["value", *BOUNDS]
    table[numbers] = table[numbers].astype(float).round(indicator.decimals)
    table = table.reset_index(drop=True)
    if codes:
        return table
    return table.rename(columns=HEADERS["en" if lang == "en" else "nl"])


def about(
    indicator: Indicator,
    catalogue: Catalogue,
    lang: str,
    *,
    series: str,
    last_period=None,
    vintage=None,
    demo: bool = False,
) -> dict[str, str]:
    """What the table is, field by field: the 'about' sheet and the README's lines."""
    w = _ABOUT["en" if lang == "en" else "nl"]
    fields = {
        w["title"]: indicator.title(lang),
        w["series"]: series,
        w["unit"]: indicator.unit(lang),
        w["source"]: source_line(
            indicator, catalogue, lang, last_period=last_period, vintage=vintage, demo=demo
        ),
        w["bounds"]: w["bounds_text"],
        w["flags"]: w["flags_text"],
    }
    for n, caveat in enumerate(indicator.caveats, start=1):
        fields[f"{w['caveat']} {n}"] = caveat(lang)
    return fields


def readme(fields: dict[str, str], lang: str) -> str:
    """The 'about' fields as a short Markdown README beside a CSV."""
    lines = [f"# {next(iter(fields.values()))}", ""]
    lines += [f"- **{key}:** {value}" for key, value in list(fields.items())[1:]]
    note = {
        "nl": "Getallen met een punt als decimaalteken; data in de vorm JJJJ-MM-DD.",
        "en": "Numbers with a point as the decimal sign; dates as YYYY-MM-DD.",
    }["en" if lang == "en" else "nl"]
    return "\n".join([*lines, "", note, ""])


def period_words(table: pd.DataFrame, frequency: str, lang: str) -> list[str]:
    """The table's periods as prose labels (for a screen-reader summary of the table)."""
    column = table.columns[0]
    return [formatting.period(day, frequency, lang) for day in table[column]]
