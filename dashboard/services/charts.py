"""Figures, built by the library's chart builders and shared between sessions."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.services.accounts import _check
from dashboard.services.cache import cached, catalogue
from dashboard.services.data import Reading
from indicators import events as event_text
from indicators.catalogue import Indicator
from indicators.charts import (
    EVENT_STYLES,
    forest_figure,
    observed_figure,
    to_figure,
)
from indicators.charts import events_in_view as events_in_view  # for text summaries
from indicators.charts import provisional_runs as provisional_runs
from indicators.citation import DEMO_MARK
from indicators.store import Store
from indicators.views import SeriesView
from indicators.views.figure import view_spec


@cached(resource=True, max_entries=1000, check=lambda v, *_, **__: _check(v))
def trend_chart(store: Store, v: SeriesView, title: str, demo: bool = False) -> go.Figure:
    """The view's trend fan with events and comparison countries; shared: do not mutate."""
    note = DEMO_MARK[v.lang] if demo else None
    spec = view_spec(Reading(store), catalogue(), v, title=title, note=note)  # type: ignore[arg-type]
    return to_figure(spec)


def forest_chart(rows: pd.DataFrame, lang: str, **options: object) -> go.Figure:
    return forest_figure(rows, lang, **options)


def label_series(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Add `series`: the country, or 'country · reporting area' when areas differ."""
    cat = catalogue()
    countries = {c.iso3: c.name(lang) for c in cat.countries}
    areas = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
    several = frame["reporter"].nunique() > 1
    keys = zip(frame["country_iso3"], frame["reporter"], strict=True)
    return frame.assign(
        series=[f"{countries[c]} · {areas[r]}" if several else countries[c] for c, r in keys]
    )


def explore_chart(
    frame: pd.DataFrame,
    indicator: Indicator,
    lang: str,
    *,
    title: str,
    y_title: str,
    log_y: bool,
) -> go.Figure:
    """Every series of `frame` (labelled by `label_series`) on one chart."""
    return observed_figure(
        frame, indicator, lang, series="series", title=title, y_title=y_title, log_y=log_y
    )


def event_label(kind: str, lang: str) -> str:
    return event_text.label(kind, lang)


def event_title(event: Mapping[str, object], lang: str) -> str:
    """An event's title, marked when it is demonstration data (as charts and exports say)."""
    return event_text.title(event, lang)


def event_symbol(kind: str) -> str:
    """The marker shape the charts use for an event type, as a text symbol for lists."""
    shapes = {"star": "★", "diamond": "◆", "x": "✖", "triangle-down": "▼"}
    return shapes.get(EVENT_STYLES.get(kind, {}).get("symbol", ""), "•")


def demo_mark(lang: str) -> str:
    return DEMO_MARK[lang]
