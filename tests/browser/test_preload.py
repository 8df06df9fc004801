"""index.html preloads plotly's chunk (dashboard/preload.py), on the live app (issue 16).

The served page must carry the links at every path Streamlit answers with index.html
(at "/" plain, at a page's path gzipped by Streamlit), with a Content-Length that fits
the longer body, and every link must resolve. In Chromium the preload must be the
fetch the module loader uses: a link that did not match would fetch 4.7 MB twice.
"""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

from dashboard.preload import chunk_hrefs

PAGES = ["/", "/index.html", "/country?country=TUN", "/method"]
LINK = re.compile(r'<link rel="modulepreload" crossorigin href="(\./static/js/[^"]+)">')


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
        return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()


@pytest.mark.parametrize("accept", ["gzip", "identity"])
@pytest.mark.parametrize("path", PAGES)
def test_index_html_preloads_plotly_wherever_it_is_served(live_server, path, accept):
    status, headers, body = _get(live_server + path, **{"Accept-Encoding": accept})
    assert status == 200
    assert headers.get("content-encoding", "identity") == "identity"
    assert int(headers["content-length"]) == len(body)
    html = body.decode()
    hrefs = LINK.findall(html)
    assert any(re.fullmatch(r"\./static/js/PlotlyChart\.[\w-]+\.js", h) for h in hrefs), hrefs
    assert html.index(hrefs[0]) < html.index("</head>")
    assert len(hrefs) == len(set(hrefs))  # nothing Streamlit's own links load already


def test_every_preloaded_chunk_resolves(live_server):
    _, _, body = _get(live_server + "/country?country=TUN")
    page = live_server + "/country"  # what a relative href resolves against
    for href in LINK.findall(body.decode()):
        status, headers, _ = _get(urljoin(page, href))
        assert status == 200, href
        assert "javascript" in headers["content-type"], href


@pytest.mark.browser
def test_chromium_fetches_the_plotly_chunk_once_and_draws(live_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # empty cache
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: "/PlotlyChart." in r.url and fetched.append(r.url))
    page.goto(f"{live_server}/country?country=TUN", wait_until="domcontentloaded")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
    context.close()
    assert len(fetched) == 1, fetched


def _static_dir(tmp_path: Path, files: dict[str, str]) -> Path:
    js = tmp_path / "static" / "js"
    js.mkdir(parents=True)
    for name, text in files.items():
        (js / name).write_text(text, encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<head><script type="module" crossorigin src="./static/js/index.E1.js"></script>'
        '<link rel="modulepreload" crossorigin href="./static/js/shared.S1.js"></head>',
        encoding="utf-8",
    )
    return tmp_path


def test_chunks_are_followed_through_their_static_imports_only(tmp_path):
    static = _static_dir(
        tmp_path,
        {
            "index.E1.js": "",
            "shared.S1.js": "",
            # Static imports lead; a dynamic import and a string later in the bundle
            # are not the chunk's dependencies.
            "PlotlyChart.P1.js": 'import{a as b}from"./shared.S1.js";import"./index.E1.js";'
            'import*as c from"./wrap.W1.js";var x=import("./later.L1.js"),y=\'from"./no.js"\';',
            "wrap.W1.js": 'import{t}from"./deep.D1.js";export const w=1;',
            "deep.D1.js": "export const t=1;",
            "later.L1.js": "",
            "PlotlyChartExtra.X1.js": "",  # another chunk whose name begins the same
        },
    )
    assert chunk_hrefs(static, ["PlotlyChart", "Missing"]) == [
        "./static/js/PlotlyChart.P1.js",
        "./static/js/wrap.W1.js",
        "./static/js/deep.D1.js",
    ]
