"""The one bridge between the pages and the `indicators` library.

Pages call these functions; they never open the store or run SQL themselves.
Every cached result is keyed on the store's file identity (`token`), so a store
swapped in by an import is picked up on the next run and old results are not served.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.build import DEFAULT_STORE
from indicators.catalogue import Catalogue, Indicator
from indicators.charts import observed_figure
from indicators.citation import source_line
from indicators.store import Store

STORE_ENV = "PARTNERSHIP_MONITOR_STORE"


def store_path() -> str:
    return os.environ.get(STORE_ENV) or str(DEFAULT_STORE)


@st.cache_resource(show_spinner=False)
def _store_handle(path: str) -> Store:
    return Store(Path(path))


def store() -> Store:
    """The read-only store handle, re-opened when the file was replaced."""
    handle = _store_handle(store_path())
    handle.refresh()
    return handle


def token() -> str:
    return store().token


@st.cache_resource(show_spinner=False, max_entries=4)
def _catalogue(path: str, token: str) -> Catalogue:
    return _store_handle(path).catalogue()


def catalogue() -> Catalogue:
    return _catalogue(store_path(), token())


@st.cache_data(show_spinner=False, max_entries=4)
def _meta(path: str, token: str) -> dict:
    s = _store_handle(path)
    return {"demo_status": s.demo_status(), "vintages": s.vintages(), **s.meta()}


def meta() -> dict:
    return _meta(store_path(), token())


def demo_status() -> str:
    return meta()["demo_status"]


@st.cache_data(show_spinner=False, max_entries=4)
def _availability(path: str, token: str) -> pd.DataFrame:
    return _store_handle(path).availability()


def availability() -> pd.DataFrame:
    return _availability(store_path(), token())


@st.cache_data(show_spinner=False, max_entries=2000)
def _observations(
    path: str,
    token: str,
    indicator_id: str,
    country: str | None,
    reporter: str | None,
    as_of: dt.date | None,
) -> pd.DataFrame:
    return _store_handle(path).observations(indicator_id, country, reporter, as_of)


def observations(
    indicator_id: str,
    country: str | None = None,
    reporter: str | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    return _observations(store_path(), token(), indicator_id, country, reporter, as_of)


@st.cache_data(show_spinner=False, max_entries=16)
def _events(path: str, token: str, country: str | None) -> pd.DataFrame:
    return _store_handle(path).events(country)


def events(country: str | None = None) -> pd.DataFrame:
    return _events(store_path(), token(), country)


@st.cache_data(show_spinner=False, max_entries=4)
def _imports(path: str, token: str) -> pd.DataFrame:
    return _store_handle(path).imports()


def imports() -> pd.DataFrame:
    return _imports(store_path(), token())


@st.cache_resource(show_spinner=False, max_entries=1000)
def _observed_chart(
    path: str,
    token: str,
    indicator_id: str,
    countries: tuple[str, ...],
    reporter: str,
    lang: str,
    title: str,
    windows: tuple,
) -> go.Figure:
    handle = _store_handle(path)
    obs = handle.observations(indicator_id, None, reporter)
    obs = obs[obs["country_iso3"].isin(countries)]
    cat = _catalogue(path, token)
    names = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
    if len(countries) > 1:
        names = {c.iso3: c.name(lang) for c in cat.countries}
    return observed_figure(
        obs,
        cat.indicator_by_id[indicator_id],
        lang,
        series_names=names,
        title=title,
        windows=list(windows) or None,
    )


def observed_chart(
    indicator_id: str,
    countries: list[str] | tuple[str, ...],
    reporter: str,
    lang: str,
    title: str,
    windows: tuple = (),
) -> go.Figure:
    """The observed-series figure; shared between sessions, so callers must not mutate it."""
    return _observed_chart(
        store_path(), token(), indicator_id, tuple(countries), reporter, lang, title, tuple(windows)
    )


def can_view(indicator: Indicator) -> bool:
    """Restricted figures are shown in local mode only while the store is all demonstration."""
    return not indicator.restricted or demo_status() == "demo"


def citation(indicator: Indicator, obs: pd.DataFrame, lang: str) -> str:
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
