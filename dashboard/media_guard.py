"""The HTTP side of restricted downloads: a `/media/` file is served only to its grant.

Streamlit builds a download in two requests: the click asks the server (over the
session's websocket) to run the button's callable, and the browser then fetches the
file from `/media/<hash>.<ext>` over plain HTTP, a route that knows no session. So:

- `restricted_files.guarded()` makes the file: check, build and audit inside the
  button's callable, in the request that makes it.
- A file that holds a restricted indicator is *granted* to the session that made it:
  `MediaGuard` (the ASGI middleware `dashboard/asgi.py` installs) serves its
  `/media/` URL for a minute to requests carrying that browser's cookies while the
  session is connected; every other request gets 404. The URL is a hash of the
  content, the same on every run, so without the guard anyone who learnt it could
  fetch the file later without any session.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from streamlit.runtime import Runtime

GRANT_SECONDS = 60.0
MEDIA_PREFIX = "/media/"
# The cookies that tie a request to a browser: the signed identity cookie of st.login
# and the XSRF cookie Streamlit sets on every browser.
AUTH_COOKIE = "_streamlit_user"
XSRF_COOKIE = "_streamlit_xsrf"


@dataclass
class Grant:
    session_id: str
    browser: str  # what the browser's cookies must hash to
    expires: float


@dataclass
class _Grants:
    by_content: dict[str, list[Grant]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


_GRANTS = _Grants()


def _xsrf_token(value: str) -> str:
    """The XSRF cookie's token: its encoded form changes its mask, the token does not."""
    try:
        from streamlit.web.server.starlette.starlette_app_utils import decode_xsrf_token_string

        token, _ = decode_xsrf_token_string(value)
        return token.hex()
    except Exception:  # noqa: BLE001 - an undecodable cookie simply binds as it is
        return value


def browser_binding(cookies: Mapping[str, str]) -> str:
    """A hash of the cookies that identify one browser; '' when it sent none."""
    parts = []
    if cookies.get(AUTH_COOKIE):
        parts.append("user=" + cookies[AUTH_COOKIE])
    if cookies.get(XSRF_COOKIE):
        parts.append("xsrf=" + _xsrf_token(cookies[XSRF_COOKIE]))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest() if parts else ""


def grant(content: bytes, session_id: str, browser: str) -> None:
    """Let one session's browser fetch `content` for the next GRANT_SECONDS."""
    key = hashlib.sha256(content).hexdigest()
    now = time.monotonic()
    with _GRANTS.lock:
        live = [g for g in _GRANTS.by_content.get(key, []) if g.expires > now]
        live.append(Grant(session_id, browser, now + GRANT_SECONDS))
        _GRANTS.by_content[key] = live


def restricted(content: bytes) -> bool:
    with _GRANTS.lock:
        return hashlib.sha256(content).hexdigest() in _GRANTS.by_content


def admit(content: bytes, browser: str, is_live: Callable[[str], bool]) -> bool:
    """May a request with these cookies have this file? True for unrestricted files.

    A restricted file's content stays registered after its grants expire, so a later
    request for the same URL is refused rather than served. (A grant is not used up by
    one fetch: the browser's download fetches the file more than once.)
    """
    key = hashlib.sha256(content).hexdigest()
    now = time.monotonic()
    with _GRANTS.lock:
        grants = _GRANTS.by_content.get(key)
        if grants is None:
            return True
        for g in grants:
            if g.expires > now and browser and g.browser == browser and is_live(g.session_id):
                return True
        return False


class MediaGuard:
    """ASGI middleware: `/media/` files that hold restricted figures need their grant."""

    def __init__(self, app: Callable) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or MEDIA_PREFIX not in path or not Runtime.exists():
            await self.app(scope, receive, send)
            return
        name = path.rsplit("/", 1)[-1]
        manager = Runtime.instance().media_file_mgr
        file = manager.read_file(name) if manager.can_read_files else None
        if file is not None:
            cookies = _cookies(scope)
            runtime = Runtime.instance()
            if not admit(file.content, browser_binding(cookies), runtime.is_active_session):
                await _not_found(send)
                return
        await self.app(scope, receive, send)


def _cookies(scope: dict) -> dict[str, str]:
    from http.cookies import SimpleCookie

    jar: SimpleCookie = SimpleCookie()
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed cookie header binds to nothing
                return {}
    return {k: m.value for k, m in jar.items()}


async def _not_found(send: Callable) -> None:
    body = b"File not found"
    await send(
        {
            "type": "http.response.start",
            "status": 404,
            "headers": [(b"content-type", b"text/plain"), (b"content-length", b"%d" % len(body))],
        }
    )
    await send({"type": "http.response.body", "body": body})
