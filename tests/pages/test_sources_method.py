"""Data & sources and Method under AppTest: shown from the catalogue and the library."""

from __future__ import annotations

import pytest

from dashboard.i18n import t
from indicators.analysis import SCALE, calibration
from indicators.analysis.methods import LABELS
from indicators.store import Store
from indicators.views.words import SYMBOLS, VERDICTS
from tests.apptest import notices, open_page, texts


def frame_with(at, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_catalogue_lists_every_indicator_with_what_the_store_holds(
    use_store, demo_store_path, store, catalogue
):
    use_store(demo_store_path)
    at = open_page("sources")
    overview = frame_with(at, "countries")
    assert list(overview["id"]) == [i.id for i in catalogue.indicators]
    avail = store.availability()
    held = avail[(avail["indicator_id"] == "return_frontex_ops") & (avail["n_values"] > 0)]
    row = overview.set_index("id").loc["return_frontex_ops"]
    assert row["countries"] == held["country_iso3"].nunique()
    assert row["sphere"] == t("sphere_" + catalogue.indicator("return_frontex_ops").sphere, "nl")


def test_a_link_opens_one_indicator_with_its_citation_and_licence(
    use_store, demo_store_path, catalogue
):
    use_store(demo_store_path)
    ind = catalogue.indicator("protection_dead_missing")
    at = open_page("sources", {"indicator": ind.id, "lang": "en"})
    opened = [e for e in at.expander if e.proto.expanded]
    assert [e.label for e in opened] == [f"{ind.title('en')} (`{ind.id}`)"]
    shown = "\n".join(m.value for m in opened[0].markdown)
    assert ind.definition("en") in shown and ind.counts("en") in shown
    for sid in ind.sources:
        src = catalogue.source_by_id[sid]
        assert src.citation_full in shown and src.licence in shown
    assert all(c("en") in shown for c in ind.caveats)


def test_a_bad_indicator_link_says_so(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("sources", {"indicator": "no_such_thing"})
    assert any("indicator=no_such_thing" in n for n in notices(at))
    assert not any(e.proto.expanded for e in at.expander)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_method_page_explains_with_the_librarys_own_scale(use_store, demo_store_path, lang):
    use_store(demo_store_path)
    at = open_page("method", {"lang": lang})
    # Which frequency each indicator uses and why, from the catalogue itself.
    frequencies = at.dataframe[0].value
    cat = Store(demo_store_path).catalogue()
    assert list(frequencies.iloc[:, 0]) == [i.title(lang) for i in cat.indicators]
    assert list(frequencies.iloc[:, 2]) == [i.frequency_why(lang) for i in cat.indicators]
    scale = at.dataframe[1].value
    assert list(scale.iloc[:, 0]) == [step.words(lang) for step in SCALE]
    assert list(scale.iloc[:, 1]) == [step.range_label for step in SCALE]
    rules = at.dataframe[2].value  # each verdict with its one rule, from the view layer
    assert list(rules.iloc[:, 0]) == [f"{SYMBOLS[v]} {VERDICTS[v][lang]}" for v in VERDICTS]
    methods = at.dataframe[3].value
    assert list(methods.iloc[:, 0]) == [labels[lang] for labels in LABELS.values()]
    # The calibration study's table is the stored result's, never typed in the page.
    study = at.dataframe[4].value
    expected = calibration.study_table(calibration.load_study(), lang)
    assert study.astype(str).values.tolist() == expected.astype(str).values.tolist()
    shown = texts(at)
    heading = {
        "nl": "Waarom het dashboard geen oorzaken aanwijst",
        "en": "Why the dashboard makes no causal claims",
    }
    assert heading[lang] in shown
    nodetect = {"nl": "niet hetzelfde als 'geen verandering'", "en": "not the same as 'no change'"}
    assert nodetect[lang] in shown
    typical = {"nl": "trend: typisch niveau", "en": "trend: typical level"}
    assert typical[lang] in shown
    compared = {"nl": "het gemiddelde niveau", "en": "the average level"}
    assert compared[lang] in shown
