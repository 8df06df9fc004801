"""The served app: Streamlit's own ASGI app around `dashboard/app.py`, plus two guards.

`streamlit run dashboard/asgi.py` (what `make run`, `partnership-monitor serve`, the
browser tests and the benchmark start) finds `app` below and serves it. AppTest runs
`dashboard/app.py` directly; what differs here is only what the HTTP layer adds:

- `MediaGuard` (dashboard/media_guard.py): a restricted file's `/media/` URL
  serves only the session's own browser, once, while the session lives.
- `SecurityHeaders`: the app cannot be framed by another site (clickjacking), and the
  browser neither sniffs types nor sends the app's URLs (with their query parameters)
  to other sites.
- `PreloadLinks` (dashboard/preload.py): index.html preloads plotly's chunk, so the
  first chart does not wait for its download and compile.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from types import ModuleType

from starlette.middleware import Middleware

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard.media_guard import MediaGuard  # noqa: E402
from dashboard.preload import PreloadLinks  # noqa: E402

# What holds whether or not the nginx front is in between: no framing by any site
# (clickjacking), no plugins, no <base> rewriting links. The front adds the full policy
# (indicators/serving/nginx.py CSP: script, style, image and connect sources); it is
# not sent here because the browser tests' own probes (Playwright's string
# predicates) need script evaluation, and a browser combines both policies anyway.
SECURITY_HEADERS: dict[str, str] = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every HTTP response that lacks them."""

    def __init__(self, app: Callable) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message = message | {"headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _preload() -> ModuleType:
    """What every page needs, imported once as the process starts, and the warm-up.

    pandas, plotly, DuckDB and the library take seconds to import, and the first script
    run would otherwise pay for them. Imported here, once Streamlit's runtime exists,
    rather than at the top: declaring a cached function before that makes Streamlit
    warn 'No runtime found' for each.
    """
    from dashboard import auth, downloads, progress, restricted_files, services, warmup  # noqa: F401
    from dashboard.components import (  # noqa: F401
        cards,
        language,
        notices,
        panels,
        summaries,
        toolbar,
        url_state,
    )

    return warmup


@contextlib.asynccontextmanager
async def lifespan(_app: st.App) -> AsyncIterator[None]:
    """Warm the caches before the server answers anyone, then keep each new store warm.

    Streamlit's runtime (and its caches) has started when this runs, and the server
    takes no connection, its health check included, until it yields: behind the front,
    nginx sends visitors only to a process that has warmed (dashboard/warmup.py), and
    the first visitors no longer wait for the imports and the first accounts.
    """
    warmup = await asyncio.to_thread(_preload)
    watcher = warmup.StoreWatcher()
    warmed = await asyncio.to_thread(warmup.warm_now)
    watcher.start(warmed)
    try:
        yield
    finally:
        watcher.stop()


app = st.App(
    str(ROOT / "dashboard" / "app.py"),
    lifespan=lifespan,
    middleware=[Middleware(SecurityHeaders), Middleware(MediaGuard), Middleware(PreloadLinks)],
)
