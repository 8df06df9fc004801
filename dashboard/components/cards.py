"""Cards: a chart with what must travel with it, and the cell that stands in for a gap."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import downloads, services
from dashboard.components.summaries import chart_summary
from dashboard.components.toolbar import plotly_config
from dashboard.i18n import t

if TYPE_CHECKING:
    from indicators.catalogue import Indicator
    from indicators.views import Account


def sphere_tag(indicator: Indicator, lang: str) -> str:
    return f"{t('sphere', lang)}: **{t('sphere_' + indicator.sphere, lang)}**"


def gap_cell(indicator: Indicator, kind: str, lang: str) -> None:
    """An explicit cell for a gap: 'no_data', 'restricted' or 'too_few'."""
    with st.container(border=True):
        st.markdown(f"**{indicator.title(lang)}**")
        st.caption(sphere_tag(indicator, lang))
        text = t(kind, lang)
        if kind == "restricted" and services.principal().local:
            real = services.holds_real_figures(indicator.id)
            text = t("restricted_local" if real else "restricted_local_none", lang)
        st.info(text, icon=":material/lock:" if kind == "restricted" else ":material/block:")


def trend_title(indicator: Indicator, area_name: str, lang: str) -> str:
    """A country page chart's title. The warm-up (dashboard/warmup.py) builds the same
    figure: the title is part of the figure's cache key, so both take it from here."""
    title = f"{indicator.title(lang)} — {area_name}"
    if indicator.restricted:
        title += f" [{t('restricted_badge', lang)}]"
    return title


def chart_card(
    indicator: Indicator,
    fig: go.Figure,
    obs: pd.DataFrame,
    lang: str,
    key: str,
    filename: str,
    *,
    account: Account | None = None,
    summary: str | None = None,
) -> None:
    """A chart with what must travel with it: the series' account (verdict, aim,
    headline, details), a summary, source line, caveat and sphere."""
    view = account.view if account is not None else None
    with st.container(border=True):
        summary = summary or chart_summary(obs, indicator, lang)
        name = f"{downloads.file_stem(indicator, obs, view)}_{lang}" if len(obs) else filename
        config = plotly_config(name, downloads.browser_format(key))
        if indicator.restricted and services.principal().signed_in:
            # A restricted chart leaves only through the download menu, which is audited.
            config["modeBarButtonsToRemove"] = ["toImage"]
        st.plotly_chart(fig, width="stretch", key=key, config=config, alt=summary)
        if account is not None:
            account_text(account, lang)
        st.caption(summary)
        st.caption(
            account.source if account is not None else services.citation(indicator, obs, lang)
        )
        caveat = indicator.caveats[0](lang) if indicator.caveats else ""
        st.caption(f"{sphere_tag(indicator, lang)} · {t('caveat', lang)}: {caveat}")
        downloads.chart_downloads(indicator, fig, obs, lang, key, view)


def account_text(account: Account, lang: str) -> None:
    """The account as a reader meets it: verdict and aim, the headline, then the details
    for those who open them."""
    if account.verdict_words:
        st.markdown(f"**{account.verdict_words}** · {account.aim}")
    st.markdown(account.headline)
    if account.details:
        with st.expander(t("details", lang)):
            st.markdown("\n".join(f"- {d}" for d in account.details))
