"""Trends and default comparisons for every series, computed when the data change.

Registered with `@deriver`, so it runs inside every build and import transaction:
pages read `trends`, `trend_models` and `series_summaries` and never fit a model.

- A full build (`changed` None) fits every series. An import passes the keys whose
  observations changed: exactly those series are refitted and their rows replaced.
  Priority-country summaries whose default comparison uses a changed comparison-country
  series get their summary recomputed from their stored trend (no refit).
- Fits run in parallel worker processes (`indicators.analysis.workers`), one per
  available core, each limited to one BLAS/OpenMP thread, so two fits never fight
  over a core. A handful of series is fitted in-process (starting workers costs more).
- Each series also gets its default comparison: the named periods with role 'a'
  (baseline 2016–2021) and 'b' (partnership 2022–2025), against the comparison
  countries when it is a priority country, its provisional values corrected by the
  bias their source's revision history shows (`indicators.analysis.provisional`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from indicators import events as event_text
from indicators.analysis.provisional import (
    ProvisionalBias,
    bias_by_source,
    revision_history,
    series_bias,
)
from indicators.analysis.stored import comparison_countries, trend_from_rows
from indicators.analysis.summary import (
    OBS_COLUMNS,
    SeriesOutcome,
    SeriesTask,
    analyse_series,
    cost,
    summarise,
)
from indicators.analysis.windows import Window
from indicators.analysis.workers import run_parallel
from indicators.store import StoreWriter
from indicators.store.writer import SeriesKey
from indicators.views.series import subject_text

KEY_COLUMNS = ["indicator_id", "country_iso3", "reporter"]


@dataclass(frozen=True)
class PrecomputeReport:
    fitted: int
    too_few: int
    summaries: int


def precompute(
    writer: StoreWriter, changed: set[SeriesKey] | None = None, *, workers: int | None = None
) -> PrecomputeReport:
    """Refit the changed series (all when None) and write their derived rows."""
    context = _Context.read(writer)
    existing = writer.series_keys()
    keys = existing if changed is None else set(changed)
    fitted_keys = sorted(keys & existing)
    obs = writer.latest_observations(
        None if changed is None else _with_comparisons(fitted_keys, context)
    )
    groups = _by_series(obs)
    tasks = [context.task(key, groups, existing) for key in fitted_keys]
    outcomes = run_parallel(analyse_series, tasks, workers=workers, cost=cost)
    _write(writer, keys, outcomes)
    dependants = _dependants(keys, existing, context) if changed is not None else []
    resummarised = _resummarise(writer, dependants, context, existing)
    _write_summaries(writer, resummarised, list(resummarised.values()))
    return PrecomputeReport(
        sum(o.model_row is not None for o in outcomes),
        sum(o.model_row is None for o in outcomes),
        len(outcomes) + len(resummarised),
    )


@dataclass(frozen=True)
class _Context:
    """What the build knows about indicators, countries, periods and events."""

    metadata: dict[str, dict]
    roles: dict[str, str]
    names: dict[str, dict[str, str]]
    areas: dict[str, dict[str, str]]
    windows: tuple[Window, Window] | None
    events: pd.DataFrame
    # Per (indicator, source): the provisional values' bias from the revision history.
    biases: dict[tuple[str, str], ProvisionalBias]

    @classmethod
    def read(cls, writer: StoreWriter) -> _Context:
        countries = writer.reference_frame("countries")
        areas = writer.reference_frame("reporting_areas")
        return cls(
            writer.indicator_metadata(),
            dict(zip(countries["iso3"], countries["role"], strict=True)),
            {r.iso3: {"nl": r.name_nl, "en": r.name_en} for r in countries.itertuples()},
            {r.code: {"nl": r.name_nl, "en": r.name_en} for r in areas.itertuples()},
            _default_windows(writer.reference_frame("periods")),
            writer.reference_frame("events"),
            bias_by_source(revision_history(writer)),
        )

    def task(self, key: SeriesKey, groups: dict, existing: set[SeriesKey]) -> SeriesTask:
        indicator, country, reporter = key
        codes = tuple(
            c
            for c in comparison_countries(self.roles, country)
            if (indicator, c, reporter) in existing
        )
        others = [
            groups[(indicator, c, reporter)] for c in codes if (indicator, c, reporter) in groups
        ]
        comparison = (
            pd.concat(others)[["country_iso3", "period_start", "value"]] if others else None
        )
        return SeriesTask(
            key,
            groups[key][OBS_COLUMNS].reset_index(drop=True),
            self.metadata[indicator]["value_kind"],
            self.windows,
            comparison,
            codes,
            self.subject(key),
            self.events_for(country),
            float(self.metadata[indicator].get("margin_pct", 10.0)),
            str(self.metadata[indicator].get("compared_quantity", "arithmetic_mean")),
            series_bias(self.biases, indicator, groups[key]),
        )

    def subject(self, key: SeriesKey) -> dict[str, str]:
        indicator, country, reporter = key
        meta = self.metadata[indicator]
        return {
            lang: subject_text(
                meta["title"][lang],
                self.names[country][lang],
                self.areas[reporter][lang],
                several_areas=len(meta["reporters"]) > 1,
            )
            for lang in ("nl", "en")
        }

    def events_for(self, country: str) -> tuple[dict[str, str], ...]:
        """The country's own events inside window B (never data breaks)."""
        if self.windows is None or self.events.empty:
            return ()
        ev = event_text.in_window(self.events, country, self.windows[1])
        return tuple(
            {lang: event_text.dated(r, lang) for lang in ("nl", "en")} for _, r in ev.iterrows()
        )


def _default_windows(periods: pd.DataFrame) -> tuple[Window, Window] | None:
    by_role = {r.role: r for r in periods.itertuples()}
    if "a" not in by_role or "b" not in by_role:
        return None
    return tuple(  # type: ignore[return-value]
        Window(
            pd.Timestamp(by_role[role].start_date),
            pd.Timestamp(by_role[role].end_date) if pd.notna(by_role[role].end_date) else None,
            str(by_role[role].label),
        )
        for role in ("a", "b")
    )


def _with_comparisons(keys: Iterable[SeriesKey], context: _Context) -> set[SeriesKey]:
    """The keys plus the comparison-country series their default comparison reads."""
    out = set(keys)
    for indicator, country, reporter in list(out):
        out |= {(indicator, c, reporter) for c in comparison_countries(context.roles, country)}
    return out


def _dependants(
    keys: set[SeriesKey], existing: set[SeriesKey], context: _Context
) -> list[SeriesKey]:
    """Priority-country series (not refitted) whose default comparison reads a changed series."""
    touched = {(i, r) for i, c, r in keys if context.roles.get(c) == "comparison"}
    return sorted(
        k
        for k in existing - keys
        if (k[0], k[2]) in touched and context.roles.get(k[1]) == "priority"
    )


def _resummarise(
    writer: StoreWriter, keys: list[SeriesKey], context: _Context, existing: set[SeriesKey]
) -> dict[SeriesKey, dict]:
    """New summaries for fitted series, from their stored trends (too-few ones keep theirs)."""
    if not keys:
        return {}
    rows = _by_series(writer.derived_rows("trends", keys))
    models = writer.derived_rows("trend_models", keys).set_index(KEY_COLUMNS)
    groups = _by_series(writer.latest_observations(_with_comparisons(keys, context)))
    return {
        key: summarise(
            context.task(key, groups, existing),
            trend_from_rows(rows[key], models.loc[key].to_dict()),
        )
        for key in keys
        if key in models.index
    }


def _by_series(frame: pd.DataFrame) -> dict[SeriesKey, pd.DataFrame]:
    return {key: part for key, part in frame.groupby(KEY_COLUMNS, sort=False)}


def _write(writer: StoreWriter, keys: set[SeriesKey], outcomes: list[SeriesOutcome]) -> None:
    trends = [o.trend_rows for o in outcomes if o.trend_rows is not None]
    models = [o.model_row for o in outcomes if o.model_row is not None]
    writer.replace_derived("trends", keys, pd.concat(trends) if trends else pd.DataFrame())
    writer.replace_derived("trend_models", keys, pd.DataFrame(models))
    _write_summaries(writer, keys, [o.summary for o in outcomes])


def _write_summaries(writer: StoreWriter, keys: Iterable[SeriesKey], summaries: list[dict]) -> None:
    writer.replace_derived("series_summaries", keys, pd.DataFrame(summaries))
