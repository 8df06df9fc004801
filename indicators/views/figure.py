"""The chart of a view: the trend fan of its series with the country's events and the
trend levels of its comparison countries — the same figure on the page and in files."""

from __future__ import annotations

from typing import Any

import pandas as pd

from indicators.analysis.windows import Window
from indicators.catalogue import Catalogue
from indicators.charts import trend_spec
from indicators.store import Store
from indicators.views.series import SeriesView


def view_spec(
    store: Store,
    catalogue: Catalogue,
    view: SeriesView,
    *,
    title: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """The plotly spec of the view's trend chart (empty trend: no fan)."""
    levels = [store.trend(view.indicator_id, c, view.reporter) for c in view.comparison]
    levels = [frame for frame in levels if len(frame)]
    trend = store.trend(view.indicator_id, view.country, view.reporter)
    return trend_spec(
        trend,
        catalogue.indicator_by_id[view.indicator_id],
        view.lang,
        title=title,
        events=store.events(view.country),
        comparison=pd.concat(levels) if levels else None,
        series_names={c.iso3: c.name(view.lang) for c in catalogue.countries},
        note=note,
        scale=(store.series_summary(view.indicator_id, view.country, view.reporter) or {}).get(
            "scale"
        ),
        windows=[_shaded(catalogue, w, view.lang, trend) for w in (view.a, view.b)],
    )


def _shaded(catalogue: Catalogue, w: Window, lang: str, trend: pd.DataFrame) -> tuple:
    """(name, start, end) of a window as the chart shades it: a named period by its title,
    an open end at the trend's last period (not today, so the figure is reproducible)."""
    named = next(
        (
            p.title(lang)
            for p in catalogue.periods
            if p.label == w.label and pd.Timestamp(p.start) == w.start
        ),
        w.label,
    )
    last = pd.Timestamp(trend["period_start"].max()) if len(trend) else w.start
    return named, w.start.date().isoformat(), (w.end or last).date().isoformat()
