"""Helpers for page tests under Streamlit's AppTest: open a page as a link would, and
read what it shows. One place, imported by every page test."""

from __future__ import annotations

import json
import re
import string

from streamlit.testing.v1 import AppTest

from tests.conftest import APP

TEXT_KINDS = ("markdown", "caption", "info", "warning", "title", "header", "subheader", "error")


def open_page(page: str = "overview", query: dict | None = None) -> AppTest:
    """Open `page` as a link with `query` would: the link's parameters reach that page
    first (AppTest starts on the entry page, so they are set only after it ran)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if page != "overview":
        at.run()
        for key in list(at.query_params):
            del at.query_params[key]
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Every text element the page shows, one per line."""
    return "\n".join(str(e.value) for kind in TEXT_KINDS for e in at.get(kind))


_ESCAPED = re.compile(r"\\([" + re.escape(string.punctuation) + "])")


def as_read(markdown: object) -> str:
    """Markdown source as a reader sees it: CommonMark drops the backslash before
    punctuation, which the app escapes so a value from a link or file never becomes markup."""
    return _ESCAPED.sub(r"\1", str(markdown))


def notices(at: AppTest) -> list[str]:
    """The page's notices as a reader sees them."""
    return [as_read(i.value) for i in at.info]


def chart_specs(at: AppTest) -> list[dict]:
    """The plotly figures the page draws, as the browser receives them."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def chart_titles(at: AppTest) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in chart_specs(at)]


def param(at: AppTest, name: str) -> str:
    """One URL parameter of the page (AppTest gives a list or a string)."""
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value
