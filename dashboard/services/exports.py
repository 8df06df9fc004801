"""Files for briefings, made when a download is clicked, through the access rule.

Streamlit runs a deferred download's callable on another thread, where the session
is out of reach: each `*_maker` captures this run's store version, catalogue and
access rule (`may_view`) now and returns the callable that makes the bytes later.
The download buttons hand that callable to `restricted_files.guarded`, so the check,
the audit and the grant of a restricted file run inside it.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.services.access import may_view
from dashboard.services.accounts import account
from dashboard.services.cache import catalogue, run_store
from indicators.analysis.windows import Window
from indicators.export import render, tables
from indicators.export.bundle import bundle
from indicators.export.chart import IMAGE_FORMATS, MEDIA_TYPES, chart_file
from indicators.export.chart import figure_file as figure_file
from indicators.export.content import DATA_COLUMNS, ChartContent, ChartRequest, chart_content
from indicators.export.filenames import bundle_name, pack_name
from indicators.export.pack import PACK_FORMATS, pack_content, pack_file
from indicators.views import SeriesView
from indicators.views.account import observed_stem

DATA_FORMATS = ("csv", "xlsx", "md")  # md: the README of what the table is
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
MEDIA = MEDIA_TYPES | {"pptx": PPTX, "zip": "application/zip"}
__all__ = ["DATA_COLUMNS", "DATA_FORMATS", "IMAGE_FORMATS", "MEDIA", "PACK_FORMATS"]


@st.cache_resource(show_spinner=False)
def _warm_renderer() -> str | None:
    """Start the one renderer of this server in the background; None, or why there is none."""
    reason = render.unavailable_reason()
    if reason is None:
        threading.Thread(target=render.warm, name="kaleido-warm", daemon=True).start()
    return reason


def renderer_problem() -> str | None:
    return _warm_renderer()


def chart_request(v: SeriesView) -> ChartRequest:
    """The chart of exactly what the page shows."""
    return ChartRequest.of_view(v)


def observed_request(indicator_id: str, obs: pd.DataFrame) -> ChartRequest:
    """The chart of a set of observations (Explore: several countries, default windows)."""
    countries = tuple(sorted(obs["country_iso3"].unique()))
    return ChartRequest(indicator_id, countries, str(obs["reporter"].iat[0]))


def content_maker(
    request: ChartRequest, shown: pd.DataFrame | None = None, unit: str | None = None
) -> Callable[[], ChartContent]:
    """What one chart's files hold; `shown`: the numbers as the page shows them (rescaled)."""
    store, cat, rule = run_store(), catalogue(), may_view()

    def make() -> ChartContent:
        made = chart_content(store, request, rule, cat)
        if shown is None:
            return made
        return dataclasses.replace(
            made, observations=shown[list(DATA_COLUMNS)].reset_index(drop=True), shown_unit=unit
        )

    return make


def chart_maker(
    content: Callable[[], ChartContent], lang: str, fmt: str, fig: go.Figure
) -> Callable[[], bytes]:
    return lambda: chart_file(content(), lang, fmt, fig)[1]


def pack_maker(
    country: str,
    reporter: str,
    windows: tuple[Window, Window],
    comparison: Sequence[str],
    lang: str,
    fmt: str,
    round_id: str | None = None,
    round_text: Callable[[], str] | None = None,
) -> tuple[str, Callable[[], bytes]]:
    """(file name, maker) of the country pack of the page's view: area, windows,
    comparison countries and language, and the review round chosen beside it (its
    report text made on click, like the pack)."""
    store, rule = run_store(), may_view()
    a, b = windows

    def make() -> bytes:
        pack = pack_content(
            store, country, rule, lang, a, b, reporter=reporter, comparison=list(comparison)
        )
        if round_text is not None:
            pack.round_lines = round_text().splitlines()
        return pack_file(pack, fmt)[1]

    named = f"{country}_{round_id}" if round_id else country
    return pack_name(named, reporter, a.label, b.label, lang, fmt), make


def bundle_maker(
    requests: Sequence[ChartRequest],
    country: str,
    windows: tuple[Window, Window],
    lang: str,
    extra: Callable[[], dict[str, bytes]] | None = None,
) -> tuple[str, Callable[[], bytes]]:
    """(file name, maker) of a bundle of the chosen charts; `extra` makes more files on
    click (a review round's report)."""
    store, rule = run_store(), may_view()
    name = bundle_name((country,), windows[0].label, windows[1].label, lang)
    return name, lambda: bundle(
        store, list(requests), rule, lang, extra=extra() if extra is not None else None
    )


def table_csv(frame: pd.DataFrame) -> bytes:
    """The table as CSV that no spreadsheet reads as a formula, its figures rounded."""
    return tables.to_csv(tables.rounded(frame))


def table_xlsx(frame: pd.DataFrame, about: dict[str, str]) -> bytes:
    """The table as XLSX, with what it is on a second sheet; no formulas, figures rounded."""
    return tables.to_xlsx(tables.rounded(frame), about)


def file_stem(indicator_id: str, obs: pd.DataFrame, v: SeriesView | None = None) -> str:
    """What a chart's files are called: the view's stem, or (Explore) that of the
    observations shown."""
    if v is not None:
        return account(v).stem
    return observed_stem(catalogue(), indicator_id, obs)
