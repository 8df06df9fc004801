"""Sign-in through the organisation's identity provider (Streamlit's OpenID Connect).

Sign-in is configured by an [auth] section in .streamlit/secrets.toml (see
.streamlit/secrets.example.toml). Without it the app runs in local mode, which the
sidebar says plainly. Who may see what is decided in indicators.access; this module
only turns `st.user` into a Principal.
"""

from __future__ import annotations

import time
from dataclasses import replace

import streamlit as st

from dashboard.i18n import t
from indicators.access import LOCAL, AccessRules, Principal, Role, load_access
from indicators.errors import InputError, Problem


def sign_in_configured() -> bool:
    """True when secrets.toml has an [auth] section (a provider to sign in with)."""
    try:
        return "auth" in st.secrets
    except st.errors.StreamlitSecretNotFoundError as exc:
        if "pars" in str(exc).lower():  # a broken secrets.toml is an error, not local mode
            raise InputError(Problem("secrets.toml", None, None, str(exc))) from None
        return False
    except FileNotFoundError:
        return False


@st.cache_resource(show_spinner=False, ttl=60)
def _rules() -> AccessRules:
    # Re-read at most once a minute: a changed access file applies without a restart.
    return load_access()


def _signed_in_claims() -> dict | None:
    if not st.user.is_logged_in:
        return None
    claims = st.user.to_dict()
    expires = claims.get("exp")
    if isinstance(expires, int | float) and expires < time.time():
        return None  # Streamlit does not check the identity token's expiry; we do
    return claims


def principal() -> Principal | None:
    """The session's principal; None when sign-in is configured but nobody is signed in."""
    if not sign_in_configured():
        return LOCAL
    claims = _signed_in_claims()
    if claims is None:
        return None
    return _rules().principal(claims)


def require_principal(lang: str) -> Principal:
    """The principal, or a sign-in screen and a stop. Called once per run by app.py."""
    who = principal()
    if who is None:
        st.title(t("app_title", lang))
        st.info(t("sign_in_needed", lang), icon=":material/login:")
        if st.button(t("sign_in", lang), key="auth_sign_in", type="primary"):
            st.login()
        st.stop()
    assert who is not None
    return who


def current() -> Principal:
    """The principal of this run, read afresh from `st.user` (never from session state).

    Pages only run after `require_principal`, so nobody signed in means a bug: such a
    session is treated as a viewer, the least privileged role.
    """
    return principal() or replace(LOCAL, user="anonymous", role=Role.VIEWER, signed_in=True)


def account_box(who: Principal, lang: str) -> None:
    """Sidebar: who is signed in and as what, or the local-mode notice."""
    if who.local:
        st.sidebar.warning(t("local_mode_notice", lang), icon=":material/computer:")
        return
    st.sidebar.caption(
        t("signed_in_as", lang, user=who.user, role=t("role_" + who.role.label, lang))
    )
    if st.sidebar.button(t("sign_out", lang), key="auth_sign_out"):
        st.logout()
