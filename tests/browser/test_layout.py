"""What a reader sees at two common screen sizes, in a real browser (issue 16).

At 1280×800 and 1920×1080: the overview's Tunisia row and the country page's first
chart start above the fold, no chart title runs past its plot (plotly cuts a title
off instead of wrapping it), and the Dutch page writes numbers and dates the Dutch
way. Screenshots land in test-artifacts/.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot
from tests.test_dutch_forms import offending

pytestmark = pytest.mark.browser

SIZES = [(1280, 800), (1920, 1080)]
# Streamlit is done when its status widget ("Running…") is gone and charts have settled.
SETTLED = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
# Every chart title's box against its plot's box, in page pixels.
TITLE_BOXES = """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
    const p = plot.getBoundingClientRect();
    const t = plot.querySelector('.gtitle');
    const b = t ? t.getBoundingClientRect() : null;
    return {plot: [p.left, p.right], title: b ? [b.left, b.right] : null,
            text: t ? t.textContent : ''};
})"""


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def sized(browser, request):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    page = context.new_page()
    yield page, width, height
    context.close()


def _open(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stMain']", timeout=90_000)
    page.wait_for_function(SETTLED, timeout=120_000)


def test_overview_shows_tunisia_above_the_fold(live_server, sized):
    page, width, height = sized
    _open(page, f"{live_server}/")
    row = page.locator("[data-testid='stMain'] a", has_text="Tunesië").first
    row.wait_for(timeout=60_000)
    box = row.bounding_box()
    assert box is not None and box["y"] + box["height"] <= height, box
    screenshot(page, f"overview_{width}x{height}")


def _country(page, live_server: str) -> None:
    _open(page, f"{live_server}/country?country=TUN")
    page.wait_for_selector(".js-plotly-plot .gtitle", timeout=120_000)
    page.wait_for_function(SETTLED, timeout=120_000)


def test_country_page_first_chart_above_the_fold(live_server, sized):
    page, width, height = sized
    _country(page, live_server)
    first = page.locator(".js-plotly-plot").first.bounding_box()
    screenshot(page, f"country_tunisia_fold_{width}x{height}")
    assert first is not None and first["y"] < height, first


def test_country_page_titles_whole_and_dutch_forms(live_server, sized):
    page, width, height = sized
    _country(page, live_server)
    boxes = page.evaluate(TITLE_BOXES)
    assert boxes
    for box in boxes:
        (left, right), title = box["plot"], box["title"]
        assert title is not None, box
        assert left - 1 <= title[0] and title[1] <= right + 1, box  # not cut at either side
    main = page.locator("[data-testid='stMain']").inner_text()
    assert offending(main) == []
    assert "Demonstratiegegevens" in main
    ticks = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot .xtick text')]"
        ".map(t => t.textContent)"
    )
    assert ticks and not [t for t in ticks if t.split()[0] in {"Mar", "May", "Oct", "Jan"}]
    screenshot(page, f"country_tunisia_{width}x{height}")


def test_overview_answers_under_its_own_name(live_server, page):
    # Streamlit serves the default page at '/' only; '/overview' (a typed or old link)
    # leads there with the link's choices instead of 'Page not found'.
    _open(page, f"{live_server}/overview?b=taskforce")
    page.wait_for_url("**/?*b=taskforce*", timeout=60_000)
    main = page.locator("[data-testid='stMain']")
    # The URL changes before the rerun it asks for has drawn the overview: wait for it.
    main.locator("h1", has_text="Overzicht").wait_for(timeout=60_000)
    assert main.locator("h1", has_text="Overzicht").count() == 1
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
