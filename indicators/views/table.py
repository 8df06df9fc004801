"""Comparisons as table rows: what the Compare page lists and downloads.

One row per (indicator, country, reporting area): the change, its intervals and its
words, from the series' account (or its status when there is no comparison).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators.analysis.table import RECORD_COLUMNS, comparison_record
from indicators.catalogue import Catalogue
from indicators.citation import DEMO_MARK
from indicators.views.account import Account

TABLE_KEYS = [
    "indicator_id",
    "indicator",
    "country_iso3",
    "country",
    "reporter",
    "comparison_countries",
    "status",
]


def comparison_row(cat: Catalogue, acc: Account, requested: Sequence[str] | None) -> dict:
    """One row of the account's comparison. `requested`: the comparison countries asked
    for (None: the default ones); listed when the panel's comparison method used them."""
    view, lang = acc.view, acc.view.lang
    c = acc.comparison
    row = {
        "indicator_id": view.indicator_id,
        "indicator": cat.indicator_by_id[view.indicator_id].title(lang),
        "country_iso3": view.country,
        "country": cat.country_by_iso3[view.country].name(lang),
        "reporter": view.reporter,
        "comparison_countries": ",".join(acc.comparison_countries),
        "status": "ok" if c is not None else "too_few",
    }
    if c is None:
        return row | dict.fromkeys(RECORD_COLUMNS)
    # methods_agree stays the comparison's own (no two methods pointing opposite ways);
    # the account's robustness line counts the verdicts behind it.
    words = {"likelihood": acc.likelihood, "sentence": acc.text, "verdict": acc.verdict}
    return row | comparison_record(c, lang) | words


def detectable_band(sdc_pct: float | None, scale: str | None) -> tuple[float, float] | None:
    """The band of changes (in % of window A's level) too small to detect, or None.

    On the log scale +x% and its mirror -x/(1+x)% are the same size of change; on the
    level scale the band is symmetric.
    """
    if sdc_pct is None or pd.isna(sdc_pct):
        return None
    sdc = float(sdc_pct)
    low = 100 * (1 / (1 + sdc / 100) - 1) if scale == "log" else -sdc
    return (low, sdc)


def comparison_frame(rows: list[dict], lang: str, demo: bool) -> pd.DataFrame:
    """The rows as the table the page shows and downloads (marked when demonstration)."""
    columns = TABLE_KEYS + RECORD_COLUMNS + (["data_status"] if demo else [])
    if demo:
        rows = [r | {"data_status": DEMO_MARK[lang]} for r in rows]
    return pd.DataFrame(rows, columns=columns)
