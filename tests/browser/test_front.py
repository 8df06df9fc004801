"""The app in a real browser through nginx: the front's Content-Security-Policy lets
Streamlit draw every chart and blocks nothing it needs, and framing is refused."""

from __future__ import annotations

import pytest

from tests.serving.conftest import front, shared_dir  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_country_page_draws_behind_the_front_with_no_policy_violation(front, page):  # noqa: F811
    blocked: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
    response = page.goto(f"{front.url}/country?country=TUN", wait_until="domcontentloaded")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    page.wait_for_selector(".js-plotly-plot .scatterlayer .trace", timeout=90_000)
    page.wait_for_selector("h1:has-text('Tunesië')", timeout=30_000)
    assert page.locator("[data-testid='stException']").count() == 0
    page.wait_for_timeout(1000)  # late scripts and images report violations too
    assert blocked == []
