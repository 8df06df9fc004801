"""The session's language: Dutch by default, English one click away, kept in the URL."""

from __future__ import annotations

import streamlit as st

from dashboard.components import url_state
from dashboard.i18n import DEFAULT_LANG, LANG_NAMES, t

LANG_KEY = "app_lang"


def current() -> str:
    """The language the session speaks (pages ask after the entry script drew the switch)."""
    return st.session_state.get(LANG_KEY, DEFAULT_LANG)


def switch() -> str:
    """The sidebar's language choice; a switch relabels every URL-backed widget."""
    url_state.restore(LANG_KEY, "lang", list(LANG_NAMES), DEFAULT_LANG, DEFAULT_LANG, notice=False)
    lang = st.sidebar.radio(
        t("language", st.session_state[LANG_KEY]),
        list(LANG_NAMES),
        format_func=LANG_NAMES.get,
        key=LANG_KEY,
        horizontal=True,
    )
    url_state.save(LANG_KEY, "lang", lang)
    # Streamlit writes <html lang="en">; screen readers and hyphenation need the truth.
    st.sidebar.html(
        f"<script>document.documentElement.lang = {lang!r};</script>",
        unsafe_allow_javascript=True,
    )
    if st.session_state.get("_lang_drawn", lang) != lang:
        url_state.relabel(keep=LANG_KEY)
    st.session_state["_lang_drawn"] = lang
    return lang
