"""Downloads from a chart card in a real browser: the file arrives and holds what it should."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from indicators.export.render import unavailable_reason
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def _download(page, key: str) -> Path:
    with page.expect_download(timeout=120_000) as info:
        page.locator(f".st-key-{key} button").click()
    download = info.value
    assert download.suggested_filename.startswith("TUN_irregular_detections_")
    return Path(download.path())


def test_chart_card_downloads_png_and_csv(live_server, page):
    if unavailable_reason():
        pytest.skip(unavailable_reason())
    page.goto(
        f"{live_server}/country?country=TUN&lang=en&theme=irregular", wait_until="domcontentloaded"
    )
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    key = "country_chart_irregular_detections"
    page.locator(f".st-key-{key}_downloads button").first.click()
    page.wait_for_selector(f".st-key-{key}_download_png", timeout=30_000)
    screenshot(page, "chart_download_menu")
    png = _download(page, f"{key}_download_png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">I", png[16:20])[0] == 2000
    csv_text = _download(page, f"{key}_download_csv").read_text(encoding="utf-8-sig")
    # A plain table of what the chart shows, each row saying it is demonstration data.
    header, first = csv_text.splitlines()[:2]
    assert header.startswith("Period start,Period end,Value,") and "Trend level" in header
    assert first.endswith(",Demonstration data — not official statistics")
