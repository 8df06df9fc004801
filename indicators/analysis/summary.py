"""One series, summarised: its trend fitted, its default comparison made, in one row.

This is the work the precomputation hands to worker processes, so it imports no
database driver: a task carries the observations and everything else it needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from indicators.analysis.comparison import compare_trend
from indicators.analysis.provisional import ProvisionalBias
from indicators.analysis.results import CHANGE_FIELDS
from indicators.analysis.statements import TEMPLATES
from indicators.analysis.stored import trend_rows
from indicators.analysis.trend import TrendResult, estimate_trend
from indicators.analysis.windows import Window
from indicators.errors import InsufficientDataError
from indicators.texts import LANGS, tn

if TYPE_CHECKING:  # workers import this module: keep duckdb out of their start-up
    from indicators.store.writer import SeriesKey

OBS_COLUMNS = ["period_start", "frequency", "value", "lower", "upper", "flags"]
COMPARISON_FIELDS = [
    *CHANGE_FIELDS,
    "likelihood",
    "likelihood_nl",
    "verdict",
    "methods_agree",
    "smallest_detectable_change",
    "smallest_detectable_change_pct",
    "level_a",
    "level_b",
    "compared_quantity",
    "margin",
    "margin_pct",
    "probability_above_margin",
    "probability_below_margin",
    "probability_no_change",
]


@dataclass(frozen=True)
class SeriesTask:
    """Everything one worker needs for one series (picklable, no store handle)."""

    key: SeriesKey
    observations: pd.DataFrame
    value_kind: str | None
    windows: tuple[Window, Window] | None
    comparison: pd.DataFrame | None
    comparison_codes: tuple[str, ...]
    subject: dict[str, str]
    events: tuple[dict[str, str], ...]
    margin_pct: float = 10.0
    compared_quantity: str = "arithmetic_mean"
    # The bias of the series' provisional values from its source's revision history.
    provisional_bias: ProvisionalBias | None = None


@dataclass(frozen=True)
class SeriesOutcome:
    key: SeriesKey
    trend_rows: pd.DataFrame | None
    model_row: dict | None
    summary: dict


def analyse_series(task: SeriesTask) -> SeriesOutcome:
    """Fit one series and summarise it (runs in a worker process)."""
    try:
        trend = estimate_trend(task.observations, value_kind=task.value_kind)
    except InsufficientDataError as exc:
        return SeriesOutcome(task.key, None, None, too_few_summary(task, exc))
    rows, model = trend_rows(task.key, trend)
    return SeriesOutcome(task.key, rows, model, summarise(task, trend))


def summarise(task: SeriesTask, trend: TrendResult) -> dict:
    """The series_summaries row of a fitted series, with its default comparison."""
    row = _base_summary(task.key, trend.n_points, trend.periods) | {
        "status": "ok",
        "method": trend.method,
        "scale": trend.scale,
        "frequency": trend.frequency,
    }
    if task.windows is None:
        return row | _sentences("no_windows")
    a, b = task.windows
    try:
        c = compare_trend(
            trend,
            a,
            b,
            task.comparison,
            subject=task.subject,
            events=task.events,
            margin_pct=task.margin_pct,
            compared_quantity=task.compared_quantity,
            provisional_bias=task.provisional_bias,
        )
    except InsufficientDataError:
        labels = {"a": a.label, "b": b.label}
        return (
            row
            | {"window_a": a.label, "window_b": b.label}
            | _sentences("too_few_comparison", **labels)
        )
    used = [m.name for m in c.methods]
    return (
        row
        | {f: getattr(c, f) for f in COMPARISON_FIELDS}
        | {
            "window_a": a.label,
            "window_b": b.label,
            "evidence_quality": c.quality.level,
            "comparison_countries": ",".join(task.comparison_codes)
            if "relative_to_comparison" in used
            else None,
            "sentence_nl": c.sentence_nl,
            "sentence_en": c.sentence_en,
            "methods": json.dumps([m.to_dict() for m in c.methods], ensure_ascii=False),
            "quality": json.dumps(c.quality.to_dict()),
        }
    )


def too_few_summary(task: SeriesTask, exc: InsufficientDataError) -> dict:
    values = task.observations.dropna(subset=["value"])
    row = _base_summary(task.key, exc.n_points, pd.DatetimeIndex(values["period_start"]))
    return (
        row
        | {"status": "too_few"}
        | {
            f"sentence_{lang}": tn(
                "statement_too_few_trend", exc.n_points, lang, n=exc.n_points, needed=exc.needed
            )
            for lang in LANGS
        }
    )


def cost(task: SeriesTask) -> float:
    """Rough fitting cost: monthly series carry a seasonal pattern and more states."""
    obs = task.observations
    return len(obs) * (3 if len(obs) and obs["frequency"].iat[0] == "M" else 1)


def _base_summary(key: SeriesKey, n_points: int, periods: pd.DatetimeIndex) -> dict:
    return {
        "indicator_id": key[0],
        "country_iso3": key[1],
        "reporter": key[2],
        "n_points": int(n_points),
        "first_period": periods.min() if len(periods) else None,
        "last_period": periods.max() if len(periods) else None,
    }


def _sentences(template: str, **fields: object) -> dict:
    return {f"sentence_{lang}": TEMPLATES[template][lang].format(**fields) for lang in LANGS}
