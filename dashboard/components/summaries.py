"""A chart in words: the text a screen reader gets and the caption under the chart.

Numbers, periods and dates in the reader's language (indicators.formatting); counted
texts take their plural form from the catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from dashboard import services
from dashboard.i18n import t, tn
from dashboard.services.charts import events_in_view, provisional_runs
from indicators import formatting

if TYPE_CHECKING:
    from indicators.catalogue import Indicator


def _value(x: float, indicator: Indicator, lang: str, *, unit: bool = True) -> str:
    text = formatting.number(x, lang, indicator.decimals)
    return f"{text} {indicator.short_unit}".rstrip() if unit else text


def chart_summary(obs: pd.DataFrame, indicator: Indicator, lang: str) -> str:
    """Observations in words: how many, from when to when, the latest value."""
    values = obs.dropna(subset=["value"])
    if values.empty:
        return t("no_data", lang)
    return tn("chart_summary", len(values), lang, **_span(values, indicator, lang))


def _span(values: pd.DataFrame, indicator: Indicator, lang: str) -> dict[str, object]:
    """What both summaries say of the values shown: how many, from when to when, the last."""
    last, freq = values.iloc[-1], indicator.frequency
    return {
        "n": len(values),
        "first": formatting.period(values["period_start"].min(), freq, lang, short=True),
        "last": formatting.period(values["period_start"].max(), freq, lang, short=True),
        "value": _value(last["value"], indicator, lang),
        "period": formatting.period(last["period_start"], freq, lang, short=True),
    }


def trend_summary(
    trend: pd.DataFrame, indicator: Indicator, lang: str, events: pd.DataFrame | None = None
) -> str:
    """The short text a screen reader gets for a trend chart: values, level, marks."""
    seen = trend[trend["observed"].astype(bool)]
    if seen.empty:
        return t("no_data", lang)
    end = trend.iloc[-1]
    parts = [
        tn(
            "trend_summary",
            len(seen),
            lang,
            **_span(seen, indicator, lang),
            end=formatting.period(end["period_start"], indicator.frequency, lang, short=True),
            level=_value(end["level"], indicator, lang),
            low=_value(end["lo95"], indicator, lang, unit=False),
            high=_value(end["hi95"], indicator, lang),
        )
    ]
    if runs := provisional_runs(trend):
        parts.append(tn("provisional_shaded", len(runs), lang, k=len(runs)))
    marked = events_in_view(events, trend)
    if len(marked):
        listed = [
            f"{services.event_label(str(r.type), lang)} "
            f"{formatting.date(pd.Timestamp(str(r.event_date)), lang, short=True)}"
            for r in marked.itertuples()
        ]
        parts.append(t("events_marked", lang, events="; ".join(listed)))
    return " ".join(parts)


def series_trend_summary(indicator: Indicator, country: str, reporter: str, lang: str) -> str:
    """`trend_summary` of a stored series with its country's events, cached per store."""
    return _series_trend_summary(services.token(), indicator.id, country, reporter, lang)


@st.cache_data(show_spinner=False, max_entries=4000)
def _series_trend_summary(
    token: str, indicator_id: str, country: str, reporter: str, lang: str
) -> str:
    indicator = services.catalogue().indicator_by_id[indicator_id]
    trend = services.trend(indicator_id, country, reporter)
    return trend_summary(trend, indicator, lang, services.events(country))


def forest_summary(rows: pd.DataFrame, lang: str) -> str:
    """The forest plot in one sentence: how many changes of each kind, where methods differ."""
    counts = rows["verdict"].value_counts()
    kinds = ", ".join(
        f"{counts[v]} {services.verdict_words(v, lang)}"
        for v in ("increase", "decrease", "little_change", "no_detectable_change")
        if v in counts
    )
    disagree = rows.loc[~rows["methods_agree"].astype(bool), "label"].tolist()
    text = tn("forest_summary", len(rows), lang, n=len(rows), kinds=kinds)
    if disagree:
        text += " " + t("forest_disagree", lang, rows="; ".join(disagree))
    return text


def series_summary(frame: pd.DataFrame, unit: str, lang: str, decimals: int = 0) -> str:
    """The chart in words: per series its latest value and period, and the range shown."""
    values = frame.dropna(subset=["value"]).sort_values("period_start")
    if values.empty:
        return t("no_data", lang)
    latest = values.groupby("series", sort=True).tail(1)
    parts = [
        f"{r.series}: {formatting.number(r.value, lang, decimals)}{unit} "
        f"({formatting.period(r.period_start, 'M', lang, short=True)})"
        for r in latest.itertuples()
    ]
    return tn(
        "series_summary",
        len(latest),
        lang,
        n=len(latest),
        first=formatting.period(values["period_start"].min(), "M", lang, short=True),
        last=formatting.period(values["period_start"].max(), "M", lang, short=True),
        latest="; ".join(parts),
    )
