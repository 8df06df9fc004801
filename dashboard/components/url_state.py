"""Choices that live in the URL, so that a copied link reopens the same view.

Every URL-backed widget registers its key, so that a language switch can hand each
its value again (`relabel`). A link's value that is not an option falls back to the
default with a notice, shown as text (`notices.bad_link`).

- `restore` before a widget is drawn and `save` after it: the widget's own key;
- `choice`: a single value read from the URL (the caller draws and writes it);
- `choices`, `radio`: a multiselect and a horizontal radio that do both.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from dashboard import services
from dashboard.components.cards import gap_cell
from dashboard.components.notices import bad_link
from dashboard.i18n import t

_KEYS = "_url_keys"


def _register(key: str) -> None:
    keys = st.session_state.setdefault(_KEYS, set())
    keys.add(key)


def relabel(*, keep: str) -> None:
    """After a language switch, hand every URL-backed widget but `keep` its value again.

    Streamlit's browser side keeps a choice as the label it showed ("Tunesië
    (prioriteitsland)"); a value set from the script is sent again and drawn with
    the new language's labels.
    """
    for key in st.session_state.get(_KEYS, ()):
        if key in st.session_state and key != keep:
            st.session_state[key] = st.session_state[key]


def restore(
    key: str,
    param: str,
    options: Sequence[str],
    default: str | list[str],
    lang: str,
    *,
    notice: bool = True,
) -> None:
    """Give widget `key` its value from the URL (a shared link) before it is drawn.

    The URL wins on the first run of a page and whenever it changed since this page
    last wrote it (a followed link); otherwise the widget keeps what the user chose,
    also across a language switch. A value that is not an option falls back to the
    default with a notice. Lists travel as comma-separated values. Pair with `save`.
    """
    _register(key)
    raw = st.query_params.get(param)
    if key in st.session_state and (raw is None or raw == st.session_state.get(f"_url_{key}")):
        return
    many = isinstance(default, list)
    if raw is None:
        value: str | list[str] = default
    elif many:
        wanted = [v for v in raw.split(",") if v]
        value = [v for v in wanted if v in options]
        if len(value) != len(wanted) and notice:
            bad_link(param, raw, lang)
    elif raw in options:
        value = raw
    else:
        if notice:
            bad_link(param, raw, lang)
        value = default
    st.session_state[key] = value


def save(key: str, param: str, value: str | list[str]) -> None:
    """Write the value shown for widget `key` into the URL: a copied link reopens this view."""
    text = ",".join(value) if isinstance(value, list) else str(value)
    st.query_params[param] = text
    st.session_state[f"_url_{key}"] = text


def choice(param: str, options: Sequence[str], default: str, lang: str) -> str:
    """A value from the URL if it is a valid option, else the default with a notice."""
    value = st.query_params.get(param)
    if value is None:
        return default
    if value in options:
        return value
    bad_link(param, value, lang)
    return default


def choices(
    param: str,
    options: Sequence[str],
    default: Sequence[str],
    lang: str,
    *,
    label: str,
    key: str,
    format_func=str,
) -> list[str]:
    """A multiselect whose choice lives in the URL as a comma-separated list.

    Unknown values in a link are dropped with a notice; a link with none left
    falls back to the default.
    """
    _register(key)
    if key not in st.session_state:
        chosen = list(default)
        value = st.query_params.get(param)
        if value is not None:
            wanted = [v for v in value.split(",") if v]
            unknown = [v for v in wanted if v not in options]
            if unknown:
                bad_link(param, ",".join(unknown), lang)
            chosen = [v for v in wanted if v in options] or chosen
        st.session_state[key] = chosen
    chosen = st.multiselect(
        label,
        list(options),
        format_func=format_func,
        key=key,
        placeholder=t("choose_options", lang),
        select_all=False,  # Streamlit's 'Select all' is English only
    )
    st.query_params[param] = ",".join(chosen)
    return chosen


def radio(
    param: str,
    options: Sequence[str],
    default: str,
    lang: str,
    *,
    label: str,
    key: str,
    prefix: str,
    help: str | None = None,
    where=st,
) -> str:
    """A horizontal radio whose choice lives in the URL; option `o` shows t(prefix + o)."""
    _register(key)
    if st.session_state.get(key) not in options:
        st.session_state[key] = choice(param, options, default, lang)
    value = where.radio(
        label,
        list(options),
        format_func=lambda o: t(prefix + o, lang),
        key=key,
        horizontal=True,
        help=help,
    )
    st.query_params[param] = value
    return value


def restricted_in_link(param: str, lang: str) -> list[str]:
    """Indicators a shared link names but this session may not see: each gets a notice."""
    cat = services.catalogue()
    named = (st.query_params.get(param) or "").split(",")
    hidden = [i for i in named if i in cat.indicator_by_id]
    hidden = [i for i in hidden if not services.can_view(cat.indicator_by_id[i])]
    for ind_id in hidden:
        gap_cell(cat.indicator_by_id[ind_id], "restricted", lang)
    return hidden
