"""The overview and the four priority countries' pages on a store built from the whole
../shared/realdata folder, in a real browser: no error, every chart holds data, no
demonstration notice, and no band trace without an explicit line mode.

Each country page is opened in Dutch and in English.

The band check reads the figure JSON each drawn chart holds (the graph div's `data`):
plotly draws markers on a trace without a mode when it has fewer than 20 points, so
an annual fan without `mode="lines"` shows its edges as dots.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from indicators.citation import DEMO_MARK
from indicators.serving.apps import AppProcess
from indicators.texts import t as library_text
from tests.browser.conftest import screenshot
from tests.browser.test_every_page import charts_emitted, no_errors_on, open_and_settle

pytestmark = pytest.mark.browser

COUNTRIES = {
    ("MAR", "nl"): "Marokko",
    ("TUN", "nl"): "Tunesië",
    ("IRQ", "nl"): "Irak",
    ("TUR", "nl"): "Turkije",
    ("MAR", "en"): "Morocco",
    ("TUN", "en"): "Tunisia",
    ("IRQ", "en"): "Iraq",
    ("TUR", "en"): "Türkiye",
}
FIGURES_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(el =>
    (el.data || []).map(t => ({
        name: t.name || '', fill: t.fill || null, mode: t.mode || null,
        n: (t.x || []).filter(v => v !== null).length})))"""


@pytest.fixture(scope="module")
def realdata_server(realdata_build):
    with AppProcess.on_free_port(realdata_build.path) as app:
        yield app.url, realdata_build.path


def _drawn_right(page, expected: int) -> None:
    figures = page.evaluate(FIGURES_JS)
    assert len(figures) == expected
    for traces in figures:
        # Every chart holds data: some trace with values beyond the legend-only ones.
        assert any(t["n"] > 0 for t in traces), traces
        for t in traces:
            if t["fill"]:
                assert t["mode"] == "lines", t


def _no_demonstration(page, lang: str) -> None:
    # Neither the demonstration mark nor a demonstration event ("… (demonstratie, …").
    assert page.get_by_text(DEMO_MARK[lang]).count() == 0
    assert page.get_by_text(f"({library_text('event_demo', lang)}").count() == 0


def test_overview_on_the_realdata_store(realdata_server, page):
    url, store = realdata_server
    expected = charts_emitted(store, "overview", {})
    open_and_settle(page, url, expected, "Overzicht")
    no_errors_on(page)
    _drawn_right(page, expected)
    _no_demonstration(page, "nl")
    screenshot(page, "realdata_overview")


@pytest.mark.parametrize(("country", "lang"), list(COUNTRIES))
def test_priority_country_page_on_the_realdata_store(
    realdata_server, page, catalogue, country, lang
):
    url, store = realdata_server
    drawn = 0
    for theme in catalogue.themes:  # a tab per theme (theme=): only the open one is drawn
        query = {"country": country, "lang": lang, "theme": theme.id}
        expected = charts_emitted(store, "country", query)
        if not expected:
            continue  # no real data for this theme here: nothing to draw
        open_and_settle(page, f"{url}/country?{urlencode(query)}", expected,
                        COUNTRIES[(country, lang)])  # fmt: skip
        no_errors_on(page)
        _drawn_right(page, expected)
        _no_demonstration(page, lang)
        screenshot(page, f"realdata_country_{country}_{lang}_{theme.id}")
        drawn += expected
    assert drawn >= 1  # every priority country has real detections and IOM figures
