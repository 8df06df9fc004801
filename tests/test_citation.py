from __future__ import annotations

import datetime as dt

from indicators.citation import DEMO_MARK, source_line


def test_source_line_is_computed_from_the_catalogue(catalogue):
    ind = catalogue.indicator("return_orders")
    line = source_line(
        ind, catalogue, "en", last_period=dt.date(2025, 12, 31), vintage=dt.date(2026, 3, 31)
    )
    src = catalogue.source_by_id["eurostat_migr_eiord"]
    assert line.startswith("Source: ")
    assert src.producer in line and src.dataset in line and src.title in line
    assert "data to Q4 2025" in line and "vintage of 31 March 2026" in line
    assert DEMO_MARK["en"] not in line


def test_demo_source_line_says_so_in_both_languages(catalogue):
    ind = catalogue.indicator("irregular_detections")
    for lang, word in (("nl", "gegevens t/m december 2025"), ("en", "data to December 2025")):
        line = source_line(ind, catalogue, lang, last_period=dt.date(2025, 12, 31), demo=True)
        assert line.startswith(DEMO_MARK[lang])
        assert word in line


def test_two_sources_are_both_cited(catalogue):
    line = source_line(catalogue.indicator("return_rate"), catalogue, "nl")
    assert line.startswith("Bronnen: ") and "migr_eirtn" in line and "migr_eiord" in line


def test_dutch_source_line_has_no_iso_dates(catalogue):
    ind = catalogue.indicator("return_orders")
    line = source_line(
        ind, catalogue, "nl", last_period=dt.date(2025, 12, 31), vintage=dt.date(2026, 3, 31)
    )
    assert "gegevens t/m 4e kwartaal 2025" in line and "versie van 31 maart 2026" in line
