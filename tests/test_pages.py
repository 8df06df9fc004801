"""Every page under AppTest, asserting what is shown, not only that nothing crashed.

The country page has its own module (test_page_country.py), as do the others.
"""

from __future__ import annotations

import json

import pytest

from dashboard.i18n import t
from tests.apptest import open_page

PAGES = ["overview", "country", "compare", "explore", "sources", "method"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_and_says_demo_data(use_store, demo_store_path, page):
    use_store(demo_store_path)
    at = open_page(page)
    assert any(t("demo_banner", "nl") == w.value for w in at.warning)


def test_link_with_language_opens_english(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("overview", {"lang": "en"})
    assert at.title[0].value == "Overview"


def test_explore_compares_countries(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("explore")
    at.multiselect(key="explore_countries").set_value(["TUN", "EGY"]).run()
    names = {trace["name"] for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]}
    assert {"Tunesië", "Egypte"} <= names and "Marokko" not in names


def test_sources_page_lists_citations_and_imports(use_store, demo_store_path, catalogue):
    use_store(demo_store_path)
    at = open_page("sources")
    frames = [df.value for df in at.dataframe]
    assert any("citation_full" in f.columns for f in frames)
    imports = next(f for f in frames if "sha256" in f.columns)
    assert len(imports) == 2 and imports["is_demo"].all()
