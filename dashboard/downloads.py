"""Downloads: a chart's files from its card, a country's pack and bundle from its page.

The files are made only when a button is clicked (Streamlit's deferred downloads run
the callable on a separate thread), from the very figure the card shows and the very
view the page shows (area, windows, comparison countries, language). Every button's
data goes through `restricted_files.guarded`: in the request that makes the file it
refuses what this session may not export, audits a restricted export and grants the
file to this session's browser alone. Everything else goes through `services`.
"""

from __future__ import annotations

import collections.abc
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import progress, restricted_files, services
from dashboard.i18n import t, tn
from dashboard.services import exports

if TYPE_CHECKING:
    from indicators.catalogue import Indicator
    from indicators.views import SeriesView


def renderer_problem() -> str | None:
    return exports.renderer_problem()


def file_stem(indicator: Indicator, obs: pd.DataFrame, view: SeriesView | None = None) -> str:
    """What the chart's files are called (the view's stem; Explore: the observations')."""
    return exports.file_stem(indicator.id, obs, view)


def chart_downloads(
    indicator: Indicator,
    fig: go.Figure,
    obs: pd.DataFrame,
    lang: str,
    key: str,
    view: SeriesView | None = None,
) -> None:
    """A popover with PNG, SVG, PDF of the card's figure and CSV, XLSX of its numbers.

    With a view, the files follow it; without (Explore), they hold the card's own
    numbers, perhaps rescaled, for the default windows.
    """
    if obs.empty or not services.allowed("export") or not services.can_view(indicator):
        return
    if view is not None:
        content = exports.content_maker(exports.chart_request(view))
    else:
        y_title = fig.layout.yaxis.title.text
        unit = y_title if y_title and y_title != indicator.unit(lang) else None
        content = exports.content_maker(exports.observed_request(indicator.id, obs), obs, unit)
    stem = file_stem(indicator, obs, view)
    problem = renderer_problem()
    with st.popover(t("download", lang), icon=":material/download:", key=f"{key}_downloads"):
        formats = exports.DATA_FORMATS if problem else exports.IMAGE_FORMATS + exports.DATA_FORMATS
        row = st.container(horizontal=True)
        for fmt in formats:
            make = exports.chart_maker(content, lang, fmt, fig)
            row.download_button(
                "README" if fmt == "md" else fmt.upper(),
                restricted_files.guarded([indicator.id], f"chart_{fmt}", make),
                file_name=f"{stem}_{lang}.{fmt}",
                mime=exports.MEDIA[fmt],
                key=f"{key}_download_{fmt}",
                on_click="ignore",
            )
        if problem:
            st.segmented_control(
                t("browser_format", lang), ["png", "svg"], default="png", key=browser_key(key)
            )
            st.caption(t("no_renderer", lang, reason=problem))
        else:
            st.caption(t("download_help", lang))


def figure_downloads(
    fig: go.Figure,
    frame: pd.DataFrame,
    about: dict[str, str],
    indicator_ids: list[str],
    stem: str,
    lang: str,
    key: str,
) -> None:
    """A popover with the figure's images and the rows behind it (the forest plot's)."""
    if not services.allowed("export"):
        return
    formats = (
        exports.DATA_FORMATS if renderer_problem() else exports.IMAGE_FORMATS + exports.DATA_FORMATS
    )
    with st.popover(t("download", lang), icon=":material/download:", key=f"{key}_downloads"):
        row = st.container(horizontal=True)
        for fmt in formats:
            row.download_button(
                "README" if fmt == "md" else fmt.upper(),
                restricted_files.guarded(
                    indicator_ids, f"figure_{fmt}", _figure_maker(fig, fmt, frame, about)
                ),
                file_name=f"{stem}_{lang}.{fmt}",
                mime=exports.MEDIA[fmt],
                key=f"{key}_download_{fmt}",
                on_click="ignore",
            )


def _figure_maker(
    fig: go.Figure, fmt: str, frame: pd.DataFrame, about: dict[str, str]
) -> collections.abc.Callable[[], bytes]:
    return lambda: exports.figure_file(fig, fmt, frame, about)


def browser_key(key: str) -> str:
    return f"{key}_browser_format"


def browser_format(key: str) -> str:
    """The format of the chart's own image button: PNG, or SVG where the server cannot."""
    return st.session_state.get(browser_key(key)) or "png"


def pack_buttons(
    country: str, reporter: str, windows: tuple[str, str], comparison: Sequence[str], lang: str
) -> None:
    """One click for the country briefing of the page's view as PDF or PPTX, and a
    bundle of chosen charts: the page's area, windows (period ids), comparison
    countries and language."""
    if not services.allowed("export"):
        return
    problem = renderer_problem()
    if problem:
        st.caption(t("no_renderer", lang, reason=problem))
        return
    ids = sorted(services.visible_ids())
    name = services.catalogue().country_by_iso3[country].name(lang)
    a, b = (services.period_window(w) for w in windows)
    round_id = progress.pack_round_choice(country, lang)  # issue 17: a round in the pack
    round_text = progress.round_text_maker(round_id, lang) if round_id else None
    # One under the other: the country page holds them in a narrow popover.
    for fmt in exports.PACK_FORMATS:
        file_name, make = exports.pack_maker(
            country, reporter, (a, b), comparison, lang, fmt, round_id, round_text
        )
        st.download_button(
            t(f"pack_{fmt}", lang, country=name),
            restricted_files.guarded(ids, f"pack_{fmt}", make, country=country, round=round_id),
            file_name=file_name,
            mime=exports.MEDIA[fmt],
            key=f"country_pack_{fmt}",
            on_click="ignore",
            icon=":material/description:",
            width="stretch",
        )
    _bundle_popover(country, reporter, windows, comparison, lang, round_id)


def _bundle_popover(
    country: str,
    reporter: str,
    windows: tuple[str, str],
    comparison: Sequence[str],
    lang: str,
    round_id: str | None = None,
) -> None:
    """A zip of the chosen charts (PNG, SVG, CSV) with a README in both languages."""
    cat = services.catalogue()
    available = services.availability()
    mine = available[(available["country_iso3"] == country) & (available["n_values"] > 0)]
    with_data = set(mine["indicator_id"])
    visible = services.visible_ids()
    options = [i.id for i in cat.indicators if i.id in visible and i.id in with_data]
    with st.expander(t("bundle", lang), icon=":material/folder_zip:"):
        chosen = st.multiselect(
            t("bundle_charts", lang),
            options,
            default=options,
            format_func=lambda i: cat.indicator_by_id[i].title(lang),
            key="country_bundle_charts",
            placeholder=t("choose_options", lang),
            select_all=False,  # Streamlit's 'Select all' is English only
        )
        a, b = windows
        requests = [
            exports.chart_request(
                services.view(
                    i, country, reporter=reporter, a=a, b=b, comparison=comparison, lang=lang
                )
            )
            for i in chosen
        ]
        windows_shown = (services.period_window(a), services.period_window(b))
        round_file = progress.round_file_maker(round_id, lang) if round_id else None
        file_name, make = exports.bundle_maker(requests, country, windows_shown, lang, round_file)
        st.download_button(
            tn("bundle_download", len(requests), lang, n=len(requests)),
            restricted_files.guarded(list(chosen), "bundle", make, country=country, round=round_id),
            file_name=file_name,
            mime=exports.MEDIA["zip"],
            key="country_bundle",
            on_click="ignore",
            disabled=not requests,
        )
