"""Downloads: a chart's files from its card, a country's pack from its page.

The files are made only when a button is clicked (Streamlit's deferred downloads run
the callable on a separate thread), from the very figure the card shows. Every
button's data goes through `restricted_files.guarded`: in the request that makes the
file it refuses what this session may not export, audits a restricted export and
grants the file to this session's browser alone. One renderer is started once per
server, in the background, so the first image does not wait for a browser to start.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import progress, restricted_files, services
from dashboard.i18n import t, tn
from indicators.analysis.windows import named_or_parsed
from indicators.catalogue import Indicator
from indicators.citation import period_label
from indicators.export import render
from indicators.export.bundle import bundle
from indicators.export.chart import IMAGE_FORMATS, MEDIA_TYPES, chart_file
from indicators.export.content import DATA_COLUMNS, ChartContent, ChartRequest, chart_content
from indicators.export.filenames import chart_stem, safe_name
from indicators.export.pack import PACK_FORMATS, pack_content, pack_file

DATA_FORMATS = ("csv", "xlsx")
DEFAULT_WINDOWS = ("baseline", "partnership")
Windows = tuple[str, str] | None
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@st.cache_resource(show_spinner=False)
def _warm_renderer() -> str | None:
    """Start the one renderer of this server in the background; None, or why there is none."""
    reason = render.unavailable_reason()
    if reason is None:
        threading.Thread(target=render.warm, name="kaleido-warm", daemon=True).start()
    return reason


def renderer_problem() -> str | None:
    return _warm_renderer()


def file_stem(indicator: Indicator, obs: pd.DataFrame, windows: Windows = None) -> str:
    """What the chart's files are called: countries, indicator, area, window, data date."""
    countries = sorted(obs["country_iso3"].unique()) if len(obs) else []
    reporter = str(obs["reporter"].iat[0]) if len(obs) else indicator.reporters[0]
    last = obs["period_end"].max() if len(obs) else None
    data_date = period_label(last.date(), indicator.frequency) if last is not None else None
    a, b = (named_or_parsed(services.catalogue().periods, w) for w in windows or DEFAULT_WINDOWS)
    end = b.end.year if b.end is not None else (last.year if last is not None else "")
    return chart_stem(indicator.id, countries, reporter, f"{a.start.year}-{end}", data_date)


def _request(indicator: Indicator, obs: pd.DataFrame, windows: Windows) -> ChartRequest:
    countries = tuple(sorted(obs["country_iso3"].unique()))
    a, b = windows or DEFAULT_WINDOWS
    return ChartRequest(indicator.id, countries, str(obs["reporter"].iat[0]), a, b)


def chart_downloads(
    indicator: Indicator,
    fig: go.Figure,
    obs: pd.DataFrame,
    lang: str,
    key: str,
    windows: Windows = None,
) -> None:
    """A popover with PNG, SVG, PDF of the card's figure and CSV, XLSX of its numbers."""
    if obs.empty or not services.allowed("export") or not services.can_view(indicator):
        return
    store, cat = services.store(), services.catalogue()
    request = _request(indicator, obs, windows)
    stem = file_stem(indicator, obs, windows)
    problem = renderer_problem()

    shown = obs[list(DATA_COLUMNS)].reset_index(drop=True)
    y_title = fig.layout.yaxis.title.text
    unit = y_title if y_title and y_title != indicator.unit(lang) else None

    def content() -> ChartContent:
        # Runs when clicked, off the script thread: everything it needs is captured here.
        # The numbers are the card's own (the explore page may show them rescaled).
        made = chart_content(store, request, lambda ind: True, cat)  # access checked above
        return dataclasses.replace(made, observations=shown, shown_unit=unit)

    with st.popover(t("download", lang), icon=":material/download:", key=f"{key}_downloads"):
        formats = DATA_FORMATS if problem else IMAGE_FORMATS + DATA_FORMATS
        row = st.container(horizontal=True)
        for fmt in formats:
            row.download_button(
                fmt.upper(),
                restricted_files.guarded(
                    [indicator.id], f"chart_{fmt}", _maker(content, lang, fmt, fig)
                ),
                file_name=f"{stem}_{lang}.{fmt}",
                mime=MEDIA_TYPES[fmt],
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


def browser_key(key: str) -> str:
    return f"{key}_browser_format"


def browser_format(key: str) -> str:
    """The format of the chart's own image button: PNG, or SVG where the server cannot."""
    return st.session_state.get(browser_key(key)) or "png"


def _maker(
    content: Callable[[], ChartContent], lang: str, fmt: str, fig: go.Figure
) -> Callable[[], bytes]:
    return lambda: chart_file(content(), lang, fmt, fig)[1]


def pack_buttons(country: str, lang: str, windows: Windows = None, reporter: str = "EU27") -> None:
    """One click for the country briefing as PDF or PPTX, and a bundle of chosen charts."""
    if not services.allowed("export"):
        return
    problem = renderer_problem()
    if problem:
        st.caption(t("no_renderer", lang, reason=problem))
        return
    store = services.store()
    visible = services.visible_ids()
    ids = sorted(visible)
    name = services.catalogue().country_by_iso3[country].name(lang)
    a, b = windows or DEFAULT_WINDOWS
    round_id = progress.pack_round_choice(country, lang)  # issue 17: a round in the pack
    round_text = progress.round_text_maker(round_id, lang) if round_id else None
    stem = safe_name(f"{country}_briefing_{round_id}" if round_id else f"{country}_briefing")
    columns = st.columns(len(PACK_FORMATS) + 1)
    for column, fmt in zip(columns, PACK_FORMATS, strict=False):

        def make(fmt: str = fmt) -> bytes:
            pack = pack_content(store, country, lambda ind: ind.id in visible, lang, a, b)
            if round_text is not None:
                pack.round_lines = round_text().splitlines()
            return pack_file(pack, fmt)[1]

        column.download_button(
            t(f"pack_{fmt}", lang, country=name),
            restricted_files.guarded(ids, f"pack_{fmt}", make, country=country, round=round_id),
            file_name=f"{stem}_{lang}.{fmt}",
            mime=PPTX if fmt == "pptx" else MEDIA_TYPES["pdf"],
            key=f"country_pack_{fmt}",
            on_click="ignore",
            icon=":material/description:",
        )
    with columns[-1]:
        _bundle_popover(country, lang, (a, b), reporter, visible, round_id)


def _bundle_popover(
    country: str,
    lang: str,
    windows: tuple[str, str],
    reporter: str,
    visible: frozenset[str],
    round_id: str | None = None,
) -> None:
    """A zip of the chosen charts (PNG, SVG, CSV) with a README in both languages."""
    store, cat = services.store(), services.catalogue()
    available = services.availability()
    mine = available[(available["country_iso3"] == country) & (available["n_values"] > 0)]
    with_data = set(mine["indicator_id"])
    options = [i.id for i in cat.indicators if i.id in visible and i.id in with_data]
    with st.popover(t("bundle", lang), icon=":material/folder_zip:"):
        chosen = st.multiselect(
            t("bundle_charts", lang),
            options,
            default=options,
            format_func=lambda i: cat.indicator_by_id[i].title(lang),
            key="country_bundle_charts",
            placeholder=t("choose_options", lang),
            select_all=False,  # Streamlit's 'Select all' is English only
        )
        round_file = progress.round_file_maker(round_id, lang) if round_id else None
        requests = [
            ChartRequest(
                i,
                (country,),
                reporter if reporter in cat.indicator_by_id[i].reporters else None,
                *windows,
            )
            for i in chosen
        ]
        st.download_button(
            tn("bundle_download", len(requests), lang, n=len(requests)),
            restricted_files.guarded(
                list(chosen),
                "bundle",
                lambda: bundle(
                    store,
                    requests,
                    lambda ind: ind.id in visible,
                    lang,
                    extra=round_file() if round_file else None,
                ),  # fmt: skip
                country=country,
                round=round_id,
            ),
            file_name=f"{country}_briefing_bundle_{windows[0]}_{windows[1]}_{lang}.zip",
            mime="application/zip",
            key="country_bundle",
            on_click="ignore",
            disabled=not requests,
        )
