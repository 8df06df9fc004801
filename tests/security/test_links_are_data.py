"""Links are data, never markup (issue 15, attack 3): Markdown and HTML fed through every
URL parameter of every page must come out as text — no link, no image, no element.

The parameter names are read from the pages' own source (every `query_params.get`, every
call of dashboard/components/url_state.py — `restore`, `choice`, `choices`, `radio` —
and compare's window slots), so a parameter added later is attacked too.
"""

from __future__ import annotations

import ast
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from indicators import markup
from tests.conftest import APP, ROOT

PAGES = ["overview", "country", "compare", "explore", "sources", "method"]
# The review's two links, HTML, and bare addresses that GFM would turn into links; in one
# value, so that one run of a page attacks every parameter with all of them.
PAYLOAD = (
    "[Session expired - sign in again](http://127.0.0.1:9/phish) "
    "![x](http://127.0.0.1:9/pixel.png) "
    '<a href="http://127.0.0.1:9/">x</a><img src="http://127.0.0.1:9/i.png"> '
    "see www.evil.example :red[alert] $x$"
)
# What only an unescaped payload can put in an element: a link or image opening, a tag,
# or the attacker's address as a bare (auto-linkable) URL.
# (A backslash before a character makes it literal text in Markdown.)
RENDERED = re.compile(
    r"(?<!\\)\]\(|(?<!\\)!(?<!\\)\[|(?<!\\)<(a|img)\b|127\.0\.0\.1|www\.evil\.example|"
    r"(?<!\\):red(?<!\\)\[",
    re.I,
)
# The parameter's position in each call of dashboard.components.url_state.
PARAM_FUNCS = {"restore": 1, "choice": 0, "choices": 0, "radio": 0}


def url_parameters() -> set[str]:
    """Every URL parameter name the dashboard reads."""
    names = {"a", "b"}  # compare.py's window slots, read through a loop variable
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
            index = PARAM_FUNCS.get(name) if owner == "url_state" else None
            is_get = name == "get" and "query_params" in ast.unparse(func)
            if is_get:
                index = 0
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                names.add(arg.value)
    return names


def test_the_parameters_are_found():
    found = url_parameters()
    assert {"country", "indicator", "a", "b", "reporter", "lang", "cmp"} <= found, found


def _bodies(at: AppTest) -> list[tuple[str, str]]:
    """What each drawn element would render: its proto as text (labels, help, bodies),
    the figure spec for charts; tables are left out (their cells are plain text)."""
    out = []
    stack = [at._tree]
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is None or kind in ("arrow_data_frame", "dataframe", "table"):
            continue
        if kind == "plotly_chart":
            out.append((kind, json.dumps(json.loads(proto.spec))))
        else:
            out.append((kind, str(proto)))
    return out


def _open(page: str, query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90)
    if page != "overview":
        at.run()
        for key in list(at.query_params):
            del at.query_params[key]
    for key, value in query.items():
        at.query_params[key] = value
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_markup_in_any_url_parameter_renders_as_text(use_store, demo_store_path, page):
    use_store(demo_store_path)
    query = {name: PAYLOAD for name in sorted(url_parameters())}
    at = _open(page, query)
    assert not at.exception, [e.value for e in at.exception]
    rendered = [(kind, m.group(0)) for kind, body in _bodies(at) if (m := RENDERED.search(body))]
    assert not rendered, rendered
    # The notice still says which value was wrong, as text.
    if page in ("country", "sources", "compare", "overview"):
        notices = " ".join(str(i.value) for i in at.info)
        assert markup.markdown(PAYLOAD) in notices, notices


def test_markdown_escaping_leaves_no_markup():
    text = markup.markdown("# [a](http://x.example) ![i](y) <b>z</b> :red[r] $x$ *e*\n- l")
    for fragment in ("](", "![", ":red[", "$x$", "*e*", "\n"):
        assert fragment not in text
    assert RENDERED.search(text) is None and "\\<b\\>" in text
    assert (
        re.sub(r"\\(.)", r"\1", text)
        == "# [a](http://x.example) ![i](y) <b>z</b> :red[r] $x$ *e* - l"
    )


def test_html_and_code_escaping():
    assert markup.html('<img src="x">&') == '&lt;img src="x"&gt;&amp;'
    assert markup.code("a`b") == "``a`b``"
    assert markup.code("[x](y)") == "`[x](y)`"
