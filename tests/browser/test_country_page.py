from __future__ import annotations

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_country_page_renders_charts_in_a_real_browser(live_server, page):
    page.goto(f"{live_server}/country?country=TUN", wait_until="domcontentloaded")
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.wait_for_selector("h1:has-text('Tunesië')", timeout=30_000)
    assert page.locator(".js-plotly-plot").count() >= 1
    assert page.get_by_text("Demonstratiegegevens — geen officiële statistiek").first.is_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    # The chart carries real data points, not an empty frame.
    assert page.locator(".js-plotly-plot .scatterlayer .trace").count() >= 1
    screenshot(page, "country_tunisia")
