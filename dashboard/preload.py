"""The first chart sooner (issue 16): the served index.html names the chunks a page needs.

Streamlit's front end loads the code of an element only when the first such element
arrives over the websocket. For plotly that is a 4.7 MB chunk
(`static/js/PlotlyChart.<hash>.js`): the browser began fetching and compiling it about
0.8 s into Tunisia's page, after the script had sent its first chart. `PreloadLinks`
adds `<link rel="modulepreload">` for it (and for the other lazily-loaded chunks every
page was seen to fetch) to index.html, so the browser fetches and compiles them while
the websocket connects and the script runs.

The links are relative (`./static/js/...`), as Streamlit's own are, so they work under
nginx's path too; a `<link>` is no inline script, so the front's policy needs no new
hash (`script-src 'self'` covers modulepreload: indicators/serving/nginx.py).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import streamlit

STATIC = Path(streamlit.__file__).resolve().parent / "static"
# The lazily-loaded chunks Tunisia's page fetched after index.html in Chromium's
# network timeline (Playwright `page.on("request")`, Streamlit 1.67): plotly's for the
# charts; the sidebar's language radio, toolbar toggle and page links; st.html.
LAZY_CHUNKS = ("PlotlyChart", "Radio", "Checkbox", "Html", "PageLink")
# A module's static imports lead its file: `import{a as b}from"./x.js";import"./y.js";`.
_STATIC_IMPORT = re.compile(r'\s*import\s*(?:[\w\s{},*$]*?from\s*)?"\./([^"/]+\.js)"\s*;?')
# What index.html loads already: its entry script and the links before it.
_PRELOADED = re.compile(
    r'<(?:link rel="modulepreload"|script type="module")[^>]*(?:href|src)="\./static/js/([^"]+)"'
)


def chunk_hrefs(static: Path = STATIC, names: Iterable[str] = LAZY_CHUNKS) -> list[str]:
    """The relative hrefs of the named chunks and of their static imports, less what
    index.html already preloads; a name the installed Streamlit lacks is left out."""
    js = static / "static" / "js"
    known = set(_PRELOADED.findall((static / "index.html").read_text(encoding="utf-8")))
    wanted: list[str] = []
    todo = [f.name for name in names for f in sorted(js.glob(f"{name}.*.js")) if _hashed(f, name)]
    while todo:
        chunk = todo.pop(0)
        if chunk in known or not (js / chunk).is_file():
            continue
        known.add(chunk)
        wanted.append(chunk)
        todo.extend(_static_imports(js / chunk))
    return [f"./static/js/{chunk}" for chunk in wanted]


def _hashed(path: Path, name: str) -> bool:
    """`PlotlyChart.D9Z0_fxz.js`, not `PlotlyChartSomething.x.js` or `Html.esm.x.js`."""
    return re.fullmatch(rf"{re.escape(name)}\.[\w-]+\.js", path.name) is not None


def _static_imports(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        head = f.read(16_384)  # the imports; the bundle itself is megabytes
    found, pos = [], 0
    while m := _STATIC_IMPORT.match(head, pos):
        found.append(m.group(1))
        pos = m.end()
    return found


def link_tags(hrefs: Iterable[str]) -> bytes:
    # `crossorigin` as on Streamlit's own links: the preload must match the request
    # the module loader makes, or the browser fetches the chunk a second time.
    return "".join(f'<link rel="modulepreload" crossorigin href="{h}">' for h in hrefs).encode()


class PreloadLinks:
    """ASGI middleware: GET responses of Streamlit's index.html (at "/" and at every page's
    path, which Streamlit answers with the same file) get the preload links before
    `</head>`, with Content-Length to match.

    Streamlit gzips index.html at a page's path (not at "/"): that body is unpacked and
    sent as it is at "/", since it is a few kB. HEAD responses are left alone.
    """

    def __init__(self, app: Callable, hrefs: Iterable[str] | None = None) -> None:
        self.app = app
        self.tags = link_tags(chunk_hrefs() if hrefs is None else hrefs)

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not self.tags:
            await self.app(scope, receive, send)
            return
        # Starlette's FileResponse would otherwise hand the server a path, not a body.
        extensions = {k: v for k, v in scope.get("extensions", {}).items() if "pathsend" not in k}
        start: dict | None = None
        body: list[bytes] = []

        async def rewrite(message: dict) -> None:
            nonlocal start
            if message["type"] == "http.response.start" and _is_html(message):
                start = message  # held until the whole body is in
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            head, html = self._with_links(start, b"".join(body))
            await send(head)
            await send({"type": "http.response.body", "body": html})

        await self.app(scope | {"extensions": extensions}, receive, rewrite)

    def _with_links(self, start: dict, html: bytes) -> tuple[dict, bytes]:
        headers = start.get("headers", [])
        encoding = _header(headers, b"content-encoding")
        if encoding == b"gzip":
            html = gzip.decompress(html)
        elif encoding not in (None, b"identity"):
            return start, html  # an encoding we cannot read: served as it came
        if b"</head>" in html and self.tags not in html:
            html = html.replace(b"</head>", self.tags + b"</head>", 1)
        # The validators described the file on disk, not this body.
        dropped = {b"content-length", b"content-encoding", b"etag", b"last-modified"}
        kept = [(k, v) for k, v in headers if k.lower() not in dropped]
        return start | {"headers": [*kept, (b"content-length", str(len(html)).encode())]}, html


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    return next((v.lower() for k, v in headers if k.lower() == name), None)


def _is_html(start: dict) -> bool:
    kind = _header(start.get("headers", []), b"content-type") or b""
    return start.get("status") == 200 and kind.startswith(b"text/html")
