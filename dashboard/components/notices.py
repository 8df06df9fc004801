"""Notices on a page, and the one way a value from outside is shown in them: as text."""

from __future__ import annotations

import streamlit as st

from dashboard import services
from dashboard.i18n import t
from indicators.markup import markdown


def literal(value: object) -> str:
    """A value from the store, a file or a link, ready to sit in Markdown as plain text."""
    return markdown(value)


def bad_link(param: str, value: str, lang: str) -> None:
    """The notice for a link's unknown value; the value is shown as text, never markup
    (a link's parameter could otherwise draw a link or fetch an image inside the app)."""
    st.info(t("bad_link", lang, what=literal(f"{param}={value}")))


def demo_notice(lang: str) -> None:
    status = services.demo_status()
    if status == "demo":
        st.warning(t("demo_banner", lang), icon="⚠️")
    elif status == "mixed":
        st.info(t("mixed_banner", lang), icon="ℹ️")
