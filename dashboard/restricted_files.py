"""Download buttons whose check, build and audit cannot be skipped (see media_guard).

`guarded()` is the `data` of every download button that may carry a restricted
indicator: the access check, the build, the audit line and the grant of the file to
this session's browser all run inside the callable, which Streamlit runs in the
request that makes the file. No `on_click` message is involved, so a client that
drops one skips nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard import services
from dashboard.media_guard import browser_binding, grant
from indicators import access, audit
from indicators.errors import AccessDenied


def guarded(
    indicator_ids: list[str] | tuple[str, ...],
    export: str,
    make: Callable[[], bytes],
    **detail: object,
) -> Callable[[], bytes]:
    """What a download button gets as `data`: check, build, audit and grant, on click.

    Who is asking, the store's demonstration status and the catalogue are taken now,
    in the script run that draws the button; everything else happens in the callable,
    which Streamlit runs off the script thread when the button is clicked.
    """
    who = services.principal()
    demo = services.demo_status()
    cat = services.catalogue()
    store_token = services.token()
    ctx = get_script_run_ctx()
    session_id = ctx.session_id if ctx is not None else ""
    browser = browser_binding(dict(st.context.cookies)) if ctx is not None else ""
    ids = list(indicator_ids)

    def data() -> bytes:
        if not access.allowed(who, "export"):
            raise AccessDenied("exports need the evaluator role or higher")
        inds = [cat.indicator(i) for i in ids]
        hidden = [i.id for i in inds if not access.can_view(who, i, demo)]
        if hidden:
            raise AccessDenied(f"restricted: {', '.join(hidden)}")
        if session_id and Runtime.exists() and not Runtime.instance().is_active_session(session_id):
            raise AccessDenied("the session that offered this download has ended")
        content = make()
        held = sorted(i.id for i in inds if i.restricted)
        if held:
            if who.signed_in:
                extra = {k: v for k, v in detail.items() if v is not None}
                audit.record(
                    who, "export", held, export=export, detail=extra | {"store_token": store_token}
                )
            grant(content, session_id, browser)
        return content

    return data


def table_data(
    indicator_ids: list[str] | tuple[str, ...], export: str, data: bytes
) -> bytes | Callable[[], bytes]:
    """A table already made: as it is when it holds only public indicators (a plain file,
    as before), else through `guarded` so that its check, audit and grant apply."""
    cat = services.catalogue()
    if not any(cat.indicator(i).restricted for i in indicator_ids):
        return data
    return guarded(indicator_ids, export, lambda: data)
