"""Values are data, never markup: the one place that escapes a value for where it goes.

A value from a URL, a file or a user (a link's parameter, a file name, an operator's
name, an imported source line, an event title) must arrive as the text it is, wherever
it is shown. Each target has one function here:

- `markdown`: Streamlit's Markdown (st.markdown, captions, notices, widget labels and
  help) and Markdown files (a bundle's README). Every ASCII punctuation character is
  backslash-escaped (CommonMark renders `\\x` as `x` for all of them), so no link,
  image, emphasis, HTML, Streamlit directive (`:red[...]`, `:material/...:`) or LaTeX
  (`$...$`) can form, and line breaks become spaces, so no heading or list can start.
- `html`: text inside HTML and the HTML subsets of plotly labels, SVG text and
  reportlab paragraphs (PDF): `&`, `<` and `>` become entities, so no element can
  start. (Nothing here builds attribute values from data.)

PPTX text runs and CSV/XLSX cells are not markup (spreadsheet formulas are handled
by `indicators.export.tables`).
"""

from __future__ import annotations

import html as _html
import re
import string

_MARKDOWN_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def markdown(value: object) -> str:
    """`value` as literal text inside Markdown."""
    text = _LINE_BREAKS.sub(" ", str(value))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def html(value: object) -> str:
    """`value` as literal text inside HTML."""
    return _html.escape(str(value), quote=False)


def code(value: object) -> str:
    """`value` as an inline code span in Markdown: shown verbatim, nothing inside is markup.

    The fence is one backtick longer than the longest run of backticks in the value, so
    the value cannot close it early.
    """
    text = _LINE_BREAKS.sub(" ", str(value))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
