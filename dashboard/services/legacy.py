"""The pages' older calls, kept only until every page takes the account (`accounts`).

Window B against A as a dict and the comparison table from label strings: what the
country page, overview and Compare page asked for before the view layer.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from dashboard.services.access import demo_status, require_view
from dashboard.services.accounts import default_periods, period_window
from dashboard.services.cache import cached, catalogue
from dashboard.services.data import _summary_index, events, trend
from indicators.analysis import Comparison, compare_from_store
from indicators.analysis.direction import Wording, worded_change
from indicators.analysis.statements import TEMPLATES
from indicators.analysis.table import RECORD_COLUMNS, comparison_record, methods_frame
from indicators.analysis.windows import Window
from indicators.charts import trend_figure
from indicators.citation import DEMO_MARK
from indicators.errors import InsufficientDataError
from indicators.store import Store


def _series(indicator_id: str, country: str, reporter: str, *_: object, **__: object) -> None:
    require_view(indicator_id, country=country, reporter=reporter)


@cached(max_entries=4000, check=_series)
def comparison(
    store: Store,
    indicator_id: str,
    country: str,
    reporter: str,
    a: str,
    b: str,
    group: tuple[str, ...] | None = None,
) -> Comparison | None:
    """Window b against window a from the stored trend (None: too few data points).

    `group`: None for the default comparison countries, else the ISO3 codes to
    compare against (empty: no comparison countries).
    """
    cat = catalogue()
    ind, where = cat.indicator_by_id[indicator_id], cat.country_by_iso3[country]
    subject = {lang: f"{ind.title(lang)}, {where.name(lang)}" for lang in ("nl", "en")}
    codes = "default" if group is None else [c for c in group if c != country]
    try:
        return compare_from_store(
            store, indicator_id, country, reporter, a, b, codes, subject=subject
        )
    except InsufficientDataError:
        return None


def default_comparison_group(country: str) -> list[str]:
    """The comparison countries a priority country is compared with by default."""
    cat = catalogue()
    if cat.country_by_iso3[country].role != "priority":
        return []
    return sorted(c.iso3 for c in cat.countries if c.role == "comparison")


COMPARISON_TABLE_KEYS = [
    "indicator_id",
    "indicator",
    "country_iso3",
    "country",
    "reporter",
    "comparison_countries",
    "status",
]


def comparison_table(
    items: list[tuple[str, str, str]],
    a: str,
    b: str,
    group: tuple[str, ...] | None,
    lang: str,
) -> pd.DataFrame:
    """One row per (indicator, country, reporter): the change, its intervals, its words."""
    cat = catalogue()
    demo = demo_status() == "demo"
    rows = []
    for indicator_id, country, reporter in items:
        c = comparison(indicator_id, country, reporter, a, b, group)
        used = default_comparison_group(country) if group is None else list(group)
        with_group = c is not None and any(m.name == "relative_to_comparison" for m in c.methods)
        row = {
            "indicator_id": indicator_id,
            "indicator": cat.indicator_by_id[indicator_id].title(lang),
            "country_iso3": country,
            "country": cat.country_by_iso3[country].name(lang),
            "reporter": reporter,
            "comparison_countries": ",".join(x for x in used if x != country) if with_group else "",
            "status": "ok" if c is not None else "too_few",
        }
        row |= comparison_record(c, lang) if c is not None else dict.fromkeys(RECORD_COLUMNS)
        if demo:
            row["data_status"] = DEMO_MARK["en" if lang == "en" else "nl"]
        rows.append(row)
    columns = COMPARISON_TABLE_KEYS + RECORD_COLUMNS + (["data_status"] if demo else [])
    return pd.DataFrame(rows, columns=columns)


def comparison_methods(
    indicator_id: str,
    country: str,
    reporter: str,
    a: str,
    b: str,
    group: tuple[str, ...] | None,
    lang: str,
) -> pd.DataFrame:
    """The robustness panel of one comparison: methods side by side."""
    c = comparison(indicator_id, country, reporter, a, b, group)
    return methods_frame(c, lang) if c is not None else pd.DataFrame()


def series_comparison(
    indicator_id: str, country: str, reporter: str, a: str, b: str, *, panel: bool = True
) -> dict:
    """Window B against A for one series: status, verdict, probability, quality, sentences."""
    require_view(indicator_id, country=country, reporter=reporter)
    summary = _summary_index().get((indicator_id, country, reporter))
    if summary is None:
        return {"status": "no_data"}
    if summary["status"] != "ok":
        return _outcome("too_few", summary)
    if (a, b) == default_periods() and summary["window_a"] == period_window(a).label:
        status = "ok" if isinstance(summary["verdict"], str) else "too_few_comparison"
        kind = catalogue().indicator(indicator_id).value_kind
        return _outcome(status, dict(summary) | {"value_kind": kind})
    wa, wb = period_window(a), period_window(b)
    c = comparison(indicator_id, country, reporter, _spec(wa), _spec(wb), None if panel else ())
    if c is None:
        return {"status": "too_few_comparison"} | {
            f"sentence_{lang}": TEMPLATES["too_few_comparison"][lang].format(a=wa.label, b=wb.label)
            for lang in ("nl", "en")
        }
    return _outcome("ok", c.to_dict() | {"evidence_quality": c.quality.level})


def _spec(window: Window) -> str:
    return window.label.replace("–", "-")


OUTCOME_KEYS = (
    "verdict",
    "probability_increase",
    "evidence_quality",
    "sentence_nl",
    "sentence_en",
    "estimate",
    "low95",
    "high95",
    "level_a",
    "value_kind",
    "margin",
    "probability_above_margin",
    "probability_below_margin",
)


def _outcome(status: str, row: dict) -> dict:
    return {"status": status} | {k: row.get(k) for k in OUTCOME_KEYS}


def direction(result: dict) -> Wording | None:
    """What may be said of a comparison result (worded_change), None when there is none."""
    if result["status"] != "ok":
        return None
    return worded_change(result)


def _check_chart(indicator_id: str, country: str, reporter: str, *_: object, **__: object) -> None:
    require_view(indicator_id, country=country, reporter=reporter)


@cached(resource=True, max_entries=1000, check=_check_chart)
def trend_chart(
    store: Store,
    indicator_id: str,
    country: str,
    reporter: str,
    lang: str,
    title: str,
    others: tuple[str, ...] | list[str] = (),
    demo: bool = False,
    windows: tuple[str, str] | tuple = (),
) -> go.Figure:
    """Observed points over the trend fan with events, windows A and B shaded (period ids);
    shared, so callers must not mutate it."""
    cat = catalogue()
    shaded = [
        (p.title(lang), p.start.isoformat(), (p.end or dt.date.today()).isoformat())
        for p in (next(q for q in cat.periods if q.id == pid) for pid in windows)
    ]
    levels = [trend(indicator_id, c, reporter) for c in others]
    return trend_figure(
        trend(indicator_id, country, reporter),
        cat.indicator_by_id[indicator_id],
        lang,
        title=title,
        events=events(country),
        comparison=pd.concat(levels) if levels else None,
        series_names={c.iso3: c.name(lang) for c in cat.countries},
        note=DEMO_MARK[lang] if demo else None,
        scale=(_summary_index().get((indicator_id, country, reporter)) or {}).get("scale"),
        windows=shaded,
    )
