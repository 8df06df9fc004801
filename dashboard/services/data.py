"""The store's data, cached per store version and checked against the access rule."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.services.access import can_view, require_view, visible_ids
from dashboard.services.cache import cached, catalogue
from indicators.catalogue import Indicator
from indicators.citation import source_line
from indicators.rescale import gaps, index_to_window, per_capita
from indicators.store import Store

SeriesKey = tuple[str, str, str]
EXPLORE_MODES = ("absolute", "indexed", "per_capita")
POPULATION = "context_population"


def _series(
    indicator_id: str, country: str | None = None, reporter: str | None = None, *_, **__
) -> None:
    require_view(indicator_id, country=country, reporter=reporter)


@cached(max_entries=8)
def _availability(store: Store, visible: frozenset[str]) -> pd.DataFrame:
    frame = store.availability()
    return frame[frame["indicator_id"].isin(visible)].reset_index(drop=True)


def availability() -> pd.DataFrame:
    """Values per indicator, country and area: only indicators this session may see."""
    return _availability(visible_ids())


def holds_real_figures(indicator_id: str) -> bool:
    """Whether the store holds any real (not demonstration) value of the indicator.

    For saying what is true in a gap cell; the figures themselves stay behind can_view.
    """
    every = frozenset(catalogue().indicator_by_id)
    frame = _availability(every)
    rows = frame[frame["indicator_id"] == indicator_id]
    return bool(((rows["n_values"] > 0) & ~rows["any_demo"].astype(bool)).any())


@cached(max_entries=2000, check=_series)
def observations(
    store: Store,
    indicator_id: str,
    country: str | None = None,
    reporter: str | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """One indicator's observations (as known on `as_of`)."""
    return store.observations(indicator_id, country, reporter, as_of)


@cached(max_entries=16)
def events(store: Store, country: str | None = None) -> pd.DataFrame:
    return store.events(country)


@cached(max_entries=4)
def _imports(store: Store) -> tuple[pd.DataFrame, dict[int, frozenset[str]]]:
    return store.imports(), store.import_indicators()


def imports() -> pd.DataFrame:
    """The import history this session may see: an import that brought values of an
    indicator it may not see is left out whole (its file name, operator and counts
    would tell of the restricted figures)."""
    frame, touched = _imports()
    visible = visible_ids()
    keep = [touched.get(int(i), frozenset()) <= visible for i in frame["import_id"]]
    return frame[keep].reset_index(drop=True)


@cached(max_entries=16)
def _revisions(store: Store, old: dt.date, new: dt.date) -> pd.DataFrame:
    return store.revisions(old, new)


def revisions(old: dt.date, new: dt.date) -> pd.DataFrame:
    """Values known on `new` that differ from (or were unknown on) `old`; viewable ones only."""
    frame = _revisions(old, new)
    visible = {i.id for i in catalogue().indicators if can_view(i)}
    return frame[frame["indicator_id"].isin(visible)].reset_index(drop=True)


@cached(max_entries=2000, check=_series)
def trend(store: Store, indicator_id: str, country: str, reporter: str) -> pd.DataFrame:
    """The stored trend of one series (empty when it has none): no fitting here."""
    return store.trend(indicator_id, country, reporter)


@cached(resource=True, max_entries=4)
def _summary_index(store: Store) -> dict[SeriesKey, dict]:
    frame = store.series_summaries()
    return {
        (r["indicator_id"], r["country_iso3"], r["reporter"]): r for r in frame.to_dict("records")
    }


def series_summary(indicator_id: str, country: str, reporter: str) -> dict | None:
    """The precomputed summary of one series (shared between sessions: do not mutate)."""
    require_view(indicator_id, country=country, reporter=reporter)
    return _summary_index().get((indicator_id, country, reporter))


@cached(resource=True, max_entries=8)
def _availability_index(store: Store, visible: frozenset[str]) -> dict[SeriesKey, dict]:
    frame = _availability(visible)
    return {
        (r["indicator_id"], r["country_iso3"], r["reporter"]): r for r in frame.to_dict("records")
    }


def series_availability(indicator_id: str, country: str, reporter: str) -> dict | None:
    """Values, first and last period, demo flag of one series (shared: do not mutate)."""
    return _availability_index(visible_ids()).get((indicator_id, country, reporter))


def citation(indicator: Indicator, obs: pd.DataFrame, lang: str) -> str:
    """The source line of the observations shown."""
    last = obs["period_end"].max() if len(obs) else None
    vintage = obs["vintage"].max() if len(obs) else None
    return source_line(
        indicator,
        catalogue(),
        lang,
        last_period=last.date() if last is not None else None,
        vintage=vintage.date() if vintage is not None else None,
        demo=bool(obs["is_demo"].any()) if len(obs) else False,
    )


def _explore_check(indicator_id: str, countries, reporters, *_, **__) -> None:  # noqa: ANN001
    require_view(indicator_id, countries=",".join(countries), reporter=",".join(reporters))


@cached(max_entries=200, check=_explore_check)
def explore_view(
    store: Store,
    indicator_id: str,
    countries: tuple[str, ...],
    reporters: tuple[str, ...],
    mode: str = "absolute",
    base: tuple[str, str | None] = ("2016-01-01", "2021-12-31"),
    as_of: dt.date | None = None,
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Observations (as known on `as_of`) in `mode`, and the series that mode left out.

    mode: 'absolute'; 'indexed' (mean over the window `base` = 100); 'per_capita'
    (per 100,000 inhabitants, from context_population).
    """
    obs = store.observations(indicator_id, None, None, as_of)
    obs = obs[obs["country_iso3"].isin(countries) & obs["reporter"].isin(reporters)]
    if mode == "indexed":
        return index_to_window(obs, *base)
    if mode == "per_capita":
        return per_capita(obs, store.observations(POPULATION, None, None, as_of))
    return obs, []


def rescale_gaps(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The periods a rescaled frame kept without their value (per capita: no population
    estimate of the year), by series and period start."""
    return gaps(before, after)


class Reading:
    """The store as the view layer reads it, through this server's caches.

    `indicators.views` asks a store for observations, summaries, events and trends; on
    a page with twenty accounts and charts those are the same few queries many times.
    Anything else goes to the store handle itself.
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    def observations(
        self,
        indicator_id: str,
        country: str | None = None,
        reporter: str | None = None,
        as_of: dt.date | None = None,
    ) -> pd.DataFrame:
        return observations(indicator_id, country, reporter, as_of)

    def series_summary(self, indicator_id: str, country: str, reporter: str) -> dict | None:
        row = _summary_index().get((indicator_id, country, reporter))
        return dict(row) if row is not None else None

    def events(self, country: str | None = None) -> pd.DataFrame:
        return events(country)

    def trend(self, indicator_id: str, country: str, reporter: str) -> pd.DataFrame:
        return trend(indicator_id, country, reporter)

    def __getattr__(self, name: str):  # noqa: ANN204 - whatever the store offers
        return getattr(self._store, name)
