"""Who may see what: the one access rule for pages, counts, comparisons and exports.

Caches are shared between all sessions of a server, so every service that returns an
indicator's data checks `can_view` *before* its cache, and a cached result that spans
indicators takes `visible_ids()` as part of its key.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard import auth
from dashboard.services.cache import catalogue, meta, per_run, token
from indicators import access, audit
from indicators.catalogue import Indicator
from indicators.errors import AccessDenied

AUDITED_KEY = "auth_audited_views"
_RUN_PRINCIPAL = "_services_principal"
# Who the cache warm-up (dashboard/warmup.py) computes as: a signed-in viewer sees the
# public indicators only, so nothing restricted enters a shared cache unasked and
# nothing is audited.
WARM_UP = access.Principal(
    user="warm-up", email=None, groups=(), role=access.Role.VIEWER, signed_in=True
)


def note_principal(who: access.Principal) -> None:
    st.session_state[_RUN_PRINCIPAL] = who


def principal() -> access.Principal:
    """This run's principal, as app.py established it (read afresh on every run)."""
    who = st.session_state.get(_RUN_PRINCIPAL)
    return who if isinstance(who, access.Principal) else auth.current()


def demo_status() -> str:
    return meta()["demo_status"]


def can_view(indicator: Indicator) -> bool:
    """May this session see the indicator? Local mode: restricted only on an all-demo store."""
    return access.can_view(principal(), indicator, demo_status())


def may_view() -> Callable[[Indicator], bool]:
    """This session's access rule as a function that needs no session (for files made
    off the script thread when a download is clicked)."""
    who, status = principal(), demo_status()
    return lambda indicator: access.can_view(who, indicator, status)


def allowed(action: str) -> bool:
    """May this session use 'analysis', 'export' or 'import'?"""
    return access.allowed(principal(), action)


def visible_ids() -> frozenset[str]:
    """The indicators this session may see; part of the key of every cross-indicator cache."""
    return per_run(
        "visible_ids",
        lambda: access.visible_ids(principal(), catalogue().indicators, demo_status()),
    )


def require_view(indicator_id: str, **detail: str | None) -> Indicator:
    """The indicator, or AccessDenied; a restricted one is audited once per session and key."""
    ind = catalogue().indicator(indicator_id)
    if not can_view(ind):
        raise AccessDenied(f"{indicator_id} is restricted")
    who = principal()
    if ind.restricted and who.signed_in:
        key = (indicator_id, *sorted((k, str(v)) for k, v in detail.items()))
        seen = st.session_state.setdefault(AUDITED_KEY, set())
        if key not in seen:
            audit.record(who, "view", [indicator_id], detail=_detail(detail))
            seen.add(key)
    return ind


def record_export(
    indicator_ids: list[str] | tuple[str, ...], export: str, **detail: object
) -> None:
    """Check an export before it is built and audit it when it holds a restricted indicator.

    Raises AccessDenied when the session may not export, or may not see one of them.
    """
    if not allowed("export"):
        raise AccessDenied("exports need the evaluator role or higher")
    cat = catalogue()
    inds = [cat.indicator(i) for i in indicator_ids]
    hidden = [i.id for i in inds if not can_view(i)]
    if hidden:
        raise AccessDenied(f"restricted: {', '.join(hidden)}")
    restricted = [i.id for i in inds if i.restricted]
    who = principal()
    if restricted and who.signed_in:
        audit.record(who, "export", restricted, export=export, detail=_detail(detail))


def _detail(detail: dict) -> dict:
    return {k: v for k, v in detail.items() if v is not None} | {"store_token": token()}
