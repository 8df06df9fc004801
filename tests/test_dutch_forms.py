"""Every page in Dutch writes numbers and dates as a Dutch civil servant would.

Prose (titles, headers, text, captions, notices, tooltips of the overview cells) may
hold no English number form ("4.4", "43.4%", "2,570.5") and no ISO date
("2026-03-31", "2025-12", "2025-Q4"): those belong in file names and data columns.
"""

from __future__ import annotations

import re

import pytest

from tests.test_pages import open_page

# A decimal point followed by one or two digits is English ("4.4", "43.4%"); Dutch
# groups thousands with a point and always three digits after it ("2.570").
ENGLISH_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])")
# Groups of three after commas and then a decimal point: "2,570.5", "1,234,567".
ENGLISH_GROUPING = re.compile(r"\d,\d{3}(?:\.\d|,\d{3})")
ISO_DATE = re.compile(r"\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2]|Q[1-4])(?:-\d{2})?\b")

PAGES = [
    ("overview", {}),
    ("country", {"country": "TUN"}),
    ("country", {"country": "TUN", "theme": "irregular"}),
    ("country", {"country": "MAR", "theme": "context"}),
    ("compare", {}),
    ("explore", {}),
    ("sources", {}),
    ("method", {}),
]


def prose(at) -> list[str]:
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning")
    found = [e.value for kind in kinds for e in getattr(at, kind)]
    found += [link.proto.help for link in at.get("page_link") if link.proto.help]
    found += [link.proto.label for link in at.get("page_link")]
    return [text for text in found if isinstance(text, str)]


def offending(text: str) -> list[str]:
    # Links carry codes in their query strings, and licences a version: not numbers.
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\bCC[- ]BY(?:[- ][A-Z]{2})*[- ]\d\.\d\b", "CC BY", text)
    return [
        m.group(0)
        for pattern in (ENGLISH_DECIMAL, ENGLISH_GROUPING, ISO_DATE)
        for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize(("page", "query"), PAGES, ids=[f"{p}-{q}" for p, q in PAGES])
def test_dutch_pages_have_no_english_numbers_or_iso_dates(use_store, demo_store_path, page, query):
    use_store(demo_store_path)
    at = open_page(page, {"lang": "nl", **query})
    assert not at.exception, [e.value for e in at.exception]
    texts = prose(at)
    assert len(texts) > 3  # the page said something
    bad = {text[:120]: found for text in texts if (found := offending(text))}
    assert bad == {}


@pytest.mark.parametrize(
    "text",
    ["laatste waarde 2,570.5", "+4.4%", "versie van 2026-03-31", "t/m 2025-Q4", "43.4 %"],
)
def test_the_checks_catch_english_forms(text):
    assert offending(text)


@pytest.mark.parametrize(
    "text", ["laatste waarde 2.570", "+4,4%", "17 maart 2020", "2016–2021", "43,4%"]
)
def test_the_checks_let_dutch_forms_pass(text):
    assert not offending(text)
