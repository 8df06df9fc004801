"""The charts' toolbar, on demand: off by default, so a keyboard passes no toolbar
buttons on the way through a page (the card's download menu holds the files)."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import t

TOOLBAR_KEY = "chart_toolbar"


def switch(lang: str) -> None:
    """The sidebar switch that shows every chart's toolbar."""
    st.sidebar.toggle(t("chart_toolbar", lang), key=TOOLBAR_KEY, help=t("chart_toolbar_help", lang))


def plotly_config(filename: str, fmt: str = "png") -> dict:
    """The browser's own image button: a sensible file name and twice screen size; the
    toolbar only when asked for."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in filename)[:120]
    return {
        "displayModeBar": bool(st.session_state.get(TOOLBAR_KEY, False)),
        "displaylogo": False,
        "toImageButtonOptions": {"format": fmt, "filename": safe, "scale": 2},
    }
