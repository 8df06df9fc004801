"""Every page under AppTest, asserting what is shown, not only that nothing crashed."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.i18n import t
from indicators.store import write_store
from tests.conftest import APP

PAGES = ["overview", "country", "compare", "explore", "sources", "method"]


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


def chart_titles(at: AppTest) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in (
            "markdown",
            "caption",
            "info",
            "warning",
            "title",
            "header",
            "subheader",
            "error",
        )
        for e in at.get(kind)
    ]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_and_says_demo_data(use_store, demo_store_path, page):
    use_store(demo_store_path)
    at = open_page(page)
    assert any(t("demo_banner", "nl") == w.value for w in at.warning)


def _expected_charts(store, catalogue, country: str) -> int:
    """Indicators whose series (EU-27 where it exists) has a stored trend."""
    summaries = store.series_summaries(country=country)
    ok = summaries[summaries["status"] == "ok"]
    n = 0
    for ind in catalogue.indicators:
        area = "EU27" if "EU27" in ind.reporters else ind.reporters[0]
        n += bool(((ok["indicator_id"] == ind.id) & (ok["reporter"] == area)).any())
    return n


def test_country_page_shows_every_indicator_with_a_trend(
    use_store, demo_store_path, store, catalogue
):
    use_store(demo_store_path)
    at = open_page("country", {"country": "MAR"})
    assert at.title[0].value == "Marokko"
    assert len(at.get("plotly_chart")) == _expected_charts(store, catalogue, "MAR")
    shown = texts(at)
    assert t("no_data", "nl") in shown  # Morocco has no Frontex return operations
    captions = [c.value for c in at.caption]
    assert sum(
        "Demonstratiegegevens — geen officiële statistiek (gemodelleerd naar" in c for c in captions
    ) == len(at.get("plotly_chart"))


def test_choosing_a_country_changes_the_page_and_the_url(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("country")
    at.selectbox(key="country_iso3").set_value("TUN").run()
    assert at.title[0].value == "Tunesië"
    assert at.query_params["country"] == ["TUN"] or at.query_params["country"] == "TUN"


def test_language_switch_keeps_the_view(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUR"})
    at.sidebar.radio(key="app_lang").set_value("en").run()
    assert at.title[0].value == "Türkiye"
    assert any(t("demo_banner", "en") == w.value for w in at.warning)
    assert "Source" in texts(at) or any("modelled on" in c.value for c in at.caption)


def test_link_with_language_opens_english(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("overview", {"lang": "en"})
    assert at.title[0].value == "Overview"


def test_bad_link_falls_back_with_a_notice(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("country", {"country": "ATL"})
    assert any("country=ATL" in i.value for i in at.info)
    assert at.title[0].value == "Irak"


def test_real_restricted_figures_are_not_shown_in_local_mode(use_store, fresh_store_path):
    with write_store(fresh_store_path) as writer:
        writer.execute(
            "UPDATE observations SET is_demo = false WHERE indicator_id = 'return_id_response_days'"
        )
    use_store(fresh_store_path)
    at = open_page("country", {"country": "TUN"})
    assert t("restricted_local", "nl") in texts(at)
    # The other restricted indicators hold demonstration figures only: the gap says so.
    assert t("restricted_local_none", "nl") in texts(at)
    assert not any("Reactietijd" in title for title in chart_titles(at))


def test_demo_only_store_shows_restricted_demo_figures(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUN"})
    assert any("Reactietijd" in title for title in chart_titles(at))


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
