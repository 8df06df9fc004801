"""The country page under AppTest: links, choices, windows, language, gaps, events."""

from __future__ import annotations

from dashboard.i18n import t
from indicators import formatting
from indicators.charts import EVENT_LABELS
from indicators.store import write_store
from indicators.views import account, series_view
from tests.apptest import as_read, chart_titles, notices, open_page, param, texts
from tests.apptest import chart_specs as specs


def sentences(at) -> list[str]:
    # The headlines; the folded details ('- ...' lists) may name the windows too.
    return [m.value for m in at.markdown if "2016–2021" in m.value and not m.value.startswith("- ")]


def headlines(store, country: str, lang: str = "nl", **choices) -> set[str]:
    """The accounts' headlines of every series of `country` that has a comparison."""
    cat = store.catalogue()
    told = [
        account(store, series_view(cat, i.id, country, lang=lang, **choices), cat)
        for i in cat.indicators
    ]
    return {a.headline for a in told if a.ok}


def test_each_chart_is_a_trend_fan_with_its_account(use_store, demo_store_path, store):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUN"})
    charts = specs(at)
    assert charts
    for spec in charts:
        names = [trace.get("name") for trace in spec["data"]]
        assert names[:3] == [
            "interval van het trendniveau (50, 80, 95%)",
            "trendniveau: 80%-interval",
            "trendniveau: 50%-interval",
        ]
        assert names[3].startswith("trend")  # 'trend: typisch niveau' on the log scale
        assert "losse waarden" in names
    shown = sentences(at)
    assert len(shown) == len(charts)
    assert set(shown) <= headlines(store, "TUN")
    # Every chart carries its text summary as the chart's accessible name too.
    alts = [c.proto.alt for c in at.get("plotly_chart")]
    captions = [c.value for c in at.caption]
    assert all(alt and alt in captions for alt in alts)


def test_events_are_listed_in_the_header_and_marked_on_the_charts(
    use_store, demo_store_path, store, catalogue
):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUN"})
    events = store.events("TUN")
    shown = [as_read(m.value) for m in at.markdown]
    for ev in events.itertuples():
        assert any(
            ev.title_nl in line and formatting.date(ev.event_date, "nl") in line for line in shown
        )
    marked = {
        trace["name"]
        for theme in catalogue.themes  # only the open theme's charts are drawn
        for spec in specs(open_page("country", {"country": "TUN", "theme": theme.id}))
        for trace in spec["data"]
        if trace.get("yaxis") == "y2"
    }
    assert marked == {EVENT_LABELS[k]["nl"] for k in events["type"].unique()}


def test_choosing_a_country_redraws_and_updates_the_link(use_store, demo_store_path, store):
    use_store(demo_store_path)
    at = open_page("country", {"country": "MAR"})
    at.selectbox(key="country_iso3").set_value("IRQ").run()
    assert at.title[0].value == "Irak"
    assert param(at, "country") == "IRQ"
    assert set(sentences(at)) <= headlines(store, "IRQ", comparison=["DZA", "EGY", "NGA"])


def test_changing_window_b_recomputes_the_sentences(use_store, demo_store_path, store):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUN"})
    before = sentences(at)
    at.selectbox(key="country_b").set_value("taskforce").run()
    after = [m.value for m in at.markdown if "2025–" in m.value and "2016–2021" in m.value]
    assert param(at, "b") == "taskforce"
    assert after and not set(after) & set(before)
    assert all("2022–2025" not in s for s in after)


def test_comparison_countries_are_drawn_for_context(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUN"})
    at.multiselect(key="country_others").set_value(["EGY"]).run()
    assert param(at, "cmp") == "EGY"
    drawn = [spec for spec in specs(at) if any(tr.get("name") == "Egypte" for tr in spec["data"])]
    assert drawn  # every indicator Egypt has a trend for
    assert len(drawn) < len(specs(at)) + 1


def test_a_shared_link_reopens_the_same_view(use_store, demo_store_path):
    use_store(demo_store_path)
    link = {
        "country": "IRQ",
        "reporter": "NL",
        "a": "baseline",
        "b": "taskforce",
        "cmp": "EGY,DZA",
        "lang": "en",
    }
    at = open_page("country", link)
    assert at.title[0].value == "Iraq"
    assert at.selectbox(key="country_b").value == "taskforce"
    assert at.multiselect(key="country_others").value == ["EGY", "DZA"]
    assert any("Netherlands" in title for title in chart_titles(at))
    names = {tr.get("name") for spec in specs(at) for tr in spec["data"]}
    assert {"Egypt", "Algeria"} <= names
    assert all(param(at, k) == v for k, v in link.items())
    assert not [i for i in at.info if "unknown value" in i.value]  # nothing to complain about


def test_language_switch_keeps_every_choice(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUR", "b": "taskforce", "reporter": "NL"})
    at.multiselect(key="country_others").set_value(["NGA"]).run()
    dutch = sentences(at)
    at.sidebar.radio(key="app_lang").set_value("en").run()
    assert at.title[0].value == "Türkiye"
    assert at.selectbox(key="country_iso3").value == "TUR"
    assert at.selectbox(key="country_b").value == "taskforce"
    assert at.multiselect(key="country_others").value == ["NGA"]
    assert param(at, "b") == "taskforce" and param(at, "cmp") == "NGA"
    english = sentences(at)
    assert len(english) == len(dutch) and english != dutch
    assert any(t("demo_banner", "en") == w.value for w in at.warning)
    # Every chart's demonstration caption is in English now, none left in Dutch.
    captions = [c.value for c in at.caption]
    assert sum("Demonstration data" in c and "modelled on" in c for c in captions) == len(specs(at))
    assert not any("gemodelleerd naar" in c for c in captions)
    assert any("Nigeria" == tr.get("name") for s in specs(at) for tr in s["data"])


def test_bad_or_outdated_link_falls_back_to_defaults_with_notices(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("country", {"country": "ATL", "b": "2030s", "cmp": "EGY,XXX"})
    shown = notices(at)
    assert any("country=ATL" in n for n in shown)
    assert any("b=2030s" in n for n in shown)
    assert any("cmp=EGY,XXX" in n for n in shown)
    assert at.title[0].value == "Irak"
    assert at.selectbox(key="country_b").value == "partnership"
    assert at.multiselect(key="country_others").value == ["EGY"]
    assert param(at, "b") == "partnership"  # the link is repaired


def test_gaps_are_explicit_cells(use_store, demo_store_path, store):
    use_store(demo_store_path)
    at = open_page("country", {"country": "MAR"})
    shown = texts(at)
    assert t("no_data", "nl") in shown
    too_few = store.series_summaries(country="MAR")
    too_few = too_few[too_few["status"] == "too_few"]
    if len(too_few):
        assert t("too_few", "nl") in shown


def test_empty_pickers_speak_the_chosen_language(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUN"})
    assert at.multiselect(key="country_others").placeholder == t("choose_options", "nl")
    at.sidebar.radio(key="app_lang").set_value("en").run()
    assert at.multiselect(key="country_others").placeholder == t("choose_options", "en")


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
    assert t("no_data", "nl") in texts(at)  # Morocco has no Frontex return operations
    drawn = 0
    for theme in catalogue.themes:  # a tab per theme: only the open one's charts are drawn
        at = open_page("country", {"country": "MAR", "theme": theme.id})
        charts = len(at.get("plotly_chart"))
        captions = [c.value for c in at.caption]
        assert (
            sum(
                "Demonstratiegegevens — geen officiële statistiek (gemodelleerd naar" in c
                for c in captions
            )
            == charts
        )
        drawn += charts
    assert drawn == _expected_charts(store, catalogue, "MAR")


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


def test_without_a_link_the_default_comparison_countries_are_chosen_and_drawn(
    use_store, demo_store_path
):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUN"})
    assert at.multiselect(key="country_others").value == ["DZA", "EGY", "NGA"]
    names = {tr.get("name") for spec in specs(at) for tr in spec["data"]}
    assert {"Algerije", "Egypte", "Nigeria"} <= names
