"""The overview under AppTest: directions in words, counts, links, windows, language."""

from __future__ import annotations

from urllib.parse import parse_qs

import pandas as pd

from dashboard.i18n import t
from indicators import formatting
from indicators.analysis.quality import WORDS as QUALITY
from indicators.store import write_store
from indicators.views import account, series_view
from tests.apptest import notices, open_page


def cells(at) -> list:
    """The matrix cells: links to a theme's section, in order (country by country)."""
    return [link for link in at.get("page_link") if "theme=" in link.proto.query_string]


def cell_texts(at) -> list[str]:
    """Each cell's indicators in words (its tooltip), with its count of gaps."""
    return [link.proto.help for link in cells(at)]


def line_for(at, title: str, country_index: int) -> str:
    """The line of one indicator in the cells of the n-th priority country."""
    matches = [
        line
        for block in cell_texts(at)
        for line in block.split("\n")
        if line.startswith(f"- {title}:")
    ]
    return matches[country_index]


def links(at) -> list[dict]:
    return [
        {k: v[0] for k, v in parse_qs(link.proto.query_string).items()} | {"_page": link.proto.page}
        for link in cells(at)
    ]


def priority(catalogue) -> list[str]:
    """Priority countries in the order the page shows them (the store's: by English name)."""
    ordered = sorted(catalogue.countries, key=lambda c: c.name_en)
    return [c.iso3 for c in ordered if c.role == "priority"]


def test_each_cell_gives_direction_likelihood_and_evidence_in_words(
    use_store, demo_store_path, store, catalogue
):
    use_store(demo_store_path)
    at = open_page("overview")
    countries = priority(catalogue)
    ind = catalogue.indicator("irregular_detections")
    for n, iso3 in enumerate(countries):
        row = store.series_summary(ind.id, iso3, "EU_EXT")
        told = account(store, series_view(catalogue, ind.id, iso3), catalogue)
        line = line_for(at, ind.title("nl"), n)
        assert told.verdict_words in line and told.aim in line
        assert told.wording.term.words("nl") in line and told.wording.symbol in line
        assert line.endswith(f"bewijs: {QUALITY[row['evidence_quality']]['nl']}")
    # No traffic lights: nothing coloured but the demonstration banner.
    assert not at.success and not at.error
    assert t("demo_banner", "nl") in [w.value for w in at.warning]
    assert not any("bewijs" in w.value for w in [*at.warning, *at.info])


def test_cells_count_too_little_data_and_date_the_latest_values(
    use_store, demo_store_path, store, catalogue
):
    use_store(demo_store_path)
    at = open_page("overview")
    captions = [c.value for c in at.caption if t("latest_data", "nl") in c.value]
    assert len(captions) == len(priority(catalogue))
    counts = [text.split("\n")[-1] for text in cell_texts(at)]
    avail = store.availability()
    summaries = store.series_summaries()
    ok = {
        (r.indicator_id, r.country_iso3, r.reporter)
        for r in summaries.itertuples()
        if r.status == "ok" and isinstance(r.verdict, str)
    }
    expected, dates = [], []
    for iso3 in priority(catalogue):
        newest = []
        for theme in catalogue.themes:
            members = [i for i in catalogue.indicators if i.theme == theme.id]
            keys = [
                (i.id, iso3, "EU27" if "EU27" in i.reporters else i.reporters[0]) for i in members
            ]
            here = avail.set_index(["indicator_id", "country_iso3", "reporter"]).reindex(keys)
            newest.append(pd.Timestamp(here["last_period"].max()))
            short = sum(k not in ok for k in keys)
            expected.append(t("too_little_data", "nl", k=short, n=len(members)))
        dates.append(f"{t('latest_data', 'nl')}: {formatting.period(max(newest), 'M', 'nl')}")
    assert counts == expected
    assert captions == dates
    assert any(not c.startswith("0 van ") for c in counts)  # some cells do have gaps


def test_a_cell_leads_to_the_country_page_with_the_view(use_store, demo_store_path, catalogue):
    use_store(demo_store_path)
    at = open_page("overview", {"reporter": "NL"})
    found = links(at)
    assert len(found) == len(priority(catalogue)) * len(catalogue.themes)
    assert {f["country"] for f in found} == set(priority(catalogue))
    assert all(f["_page"] == "country" for f in found)
    themes = [th.id for th in catalogue.themes]
    assert [f["theme"] for f in found] == themes * len(priority(catalogue))
    assert all(
        (f["a"], f["b"], f["reporter"], f["lang"]) == ("baseline", "partnership", "NL", "nl")
        for f in found
    )
    # Following the link opens that country with the same choices.
    target = next(f for f in found if f["country"] == "TUN")
    country = open_page("country", {k: v for k, v in target.items() if k != "_page"})
    assert country.title[0].value == "Tunesië"
    assert country.segmented_control(key="country_reporter").value == "NL"
    assert country.selectbox(key="country_b").value == "partnership"


def test_changing_the_windows_recomputes_cells_and_links(
    use_store, demo_store_path, store, catalogue
):
    use_store(demo_store_path)
    at = open_page("overview")
    at.selectbox(key="overview_b").set_value("taskforce").run()
    assert not at.exception
    assert at.query_params["b"] in (["taskforce"], "taskforce")
    assert {f["b"] for f in links(at)} == {"taskforce"}
    ind = catalogue.indicator("return_returned")
    view = series_view(catalogue, ind.id, "IRQ", reporter="EU27", b="taskforce")
    expected = account(store, view, catalogue).verdict_words
    iraq = priority(catalogue).index("IRQ")
    assert expected in line_for(at, ind.title("nl"), iraq)


def test_language_switch_keeps_the_windows(use_store, demo_store_path, catalogue):
    use_store(demo_store_path)
    at = open_page("overview", {"b": "taskforce"})
    dutch = cell_texts(at)
    at.sidebar.radio(key="app_lang").set_value("en").run()
    assert at.title[0].value == "Overview"
    assert at.selectbox(key="overview_b").value == "taskforce"
    english = cell_texts(at)
    assert len(english) == len(dutch) and "evidence:" in english[0]
    assert {f["lang"] for f in links(at)} == {"en"}


def test_bad_link_falls_back_with_a_notice(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("overview", {"a": "1999", "reporter": "XX"})
    shown = notices(at)
    assert any("a=1999" in n for n in shown) and any("reporter=XX" in n for n in shown)
    assert at.selectbox(key="overview_a").value == "baseline"


def test_restricted_indicators_leave_no_trace_for_who_may_not_see_them(
    use_store, fresh_store_path, demo_store_path, catalogue
):
    restricted = catalogue.indicator("return_id_response_days")
    members = [i for i in catalogue.indicators if i.theme == restricted.theme]
    public = [i for i in members if not i.restricted]
    use_store(demo_store_path)
    shown = open_page("overview")
    assert f"- {restricted.title('nl')}:" in "\n".join(cell_texts(shown))
    with write_store(fresh_store_path) as writer:
        writer.execute(
            f"UPDATE observations SET is_demo = false WHERE indicator_id = '{restricted.id}'"
        )
    use_store(fresh_store_path)
    hidden = open_page("overview")
    assert restricted.title("nl") not in "\n".join(cell_texts(hidden))
    counts = [text.split("\n")[-1] for text in cell_texts(hidden)]
    # A store holding real figures shows no restricted indicator in local mode.
    position = [th.id for th in catalogue.themes].index(restricted.theme)
    theme_counts = counts[position :: len(catalogue.themes)]
    assert len(theme_counts) == 4
    assert all(f"van {len(public)} indicatoren" in c for c in theme_counts), theme_counts
