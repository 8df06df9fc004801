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
from indicators.analysis.trend import TREND_COLUMNS
from indicators.catalogue import Catalogue, Indicator
from indicators.citation import source_line
from indicators.texts import LANGS, N_, t

# The trend level and its bounds, named as the trend frame names them (one rule).
BOUNDS = tuple(c for c in TREND_COLUMNS if c not in ("period_start", "value", "observed"))
CODES = ("period_start", "period_end", "value", "flags", "provisional", *BOUNDS)
# Column headers and the 'about' words, from the library's gettext catalogue
# (indicators/locale): the keys are declared here for `make translations`.
_HEADER_KEYS = (
    N_("table_period_start"),
    N_("table_period_end"),
    N_("table_value"),
    N_("table_flags"),
    N_("table_provisional"),
    N_("table_level"),
    N_("table_lo50"),
    N_("table_hi50"),
    N_("table_lo80"),
    N_("table_hi80"),
    N_("table_lo95"),
    N_("table_hi95"),
    N_("table_demonstration"),
    N_("table_classification"),
)
_ABOUT_KEYS = (
    N_("table_about_title"),
    N_("table_about_series"),
    N_("table_about_unit"),
    N_("table_about_source"),
    N_("table_about_caveat"),
    N_("table_about_bounds"),
    N_("table_about_bounds_text"),
    N_("table_about_flags"),
    N_("table_about_flags_text"),
)
HEADERS = {lang: {c: t(f"table_{c}", lang) for c in CODES} for lang in LANGS}


def _about(word: str, lang: str) -> str:
    return t(f"table_about_{word}", lang)


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
    return table.rename(columns={c: t(f"table_{c}", lang) for c in CODES})


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
    fields = {
        _about("title", lang): indicator.title(lang),
        _about("series", lang): series,
        _about("unit", lang): indicator.unit(lang),
        _about("source", lang): source_line(
            indicator, catalogue, lang, last_period=last_period, vintage=vintage, demo=demo
        ),
        _about("bounds", lang): _about("bounds_text", lang),
        _about("flags", lang): _about("flags_text", lang),
    }
    for n, caveat in enumerate(indicator.caveats, start=1):
        fields[f"{_about('caveat', lang)} {n}"] = caveat(lang)
    return fields


def readme(fields: dict[str, str], lang: str) -> str:
    """The 'about' fields as a short Markdown README beside a CSV."""
    lines = [f"# {next(iter(fields.values()))}", ""]
    lines += [f"- **{key}:** {value}" for key, value in list(fields.items())[1:]]
    return "\n".join([*lines, "", t("table_readme_note", lang), ""])


def period_words(table: pd.DataFrame, frequency: str, lang: str) -> list[str]:
    """The table's periods as prose labels (for a screen-reader summary of the table)."""
    column = table.columns[0]
    return [formatting.period(day, frequency, lang) for day in table[column]]
