"""Downloads in the dashboard: each chart card's files and the country page's packs.

Deferred downloads run their callable only when clicked; the test records the real
callables as the app registers them (the media file manager's own method, wrapped)
and runs them, then opens what they made.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile

import pandas as pd
from pptx import Presentation
from pypdf import PdfReader

from indicators.citation import DEMO_MARK
from tests.apptest import open_page


def _button(at, key: str):
    (button,) = [b for b in at.get("download_button") if b.key == key]
    return button


def _click(at, clicks: dict, key: str) -> bytes:
    return clicks[_button(at, key).proto.deferred_file_id]()


def test_chart_card_offers_images_and_data(use_store, demo_store_path, clicks, renderer):
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUN", "lang": "en", "theme": "irregular"})
    key = "country_chart_irregular_detections"
    png = _click(at, clicks, f"{key}_download_png")
    assert struct.unpack(">II", png[16:24])[0] == 2000  # twice the export width
    pdf = PdfReader(io.BytesIO(_click(at, clicks, f"{key}_download_pdf")))
    assert DEMO_MARK["en"] in " ".join(pdf.pages[0].extract_text().split())
    svg = _click(at, clicks, f"{key}_download_svg").decode("utf-8")
    assert "Detections of irregular border crossings" in svg and "Frontex" in svg
    # What the card draws: single values, the trend level and its bounds, English headers.
    frame = pd.read_csv(io.BytesIO(_click(at, clicks, f"{key}_download_csv")))
    assert frame["Value"].notna().any() and frame["Trend level"].notna().all()
    assert (frame["Trend level 95% lower bound"] <= frame["Trend level"]).all()
    readme = _click(at, clicks, f"{key}_download_md").decode("utf-8")
    assert readme.startswith("# Detections of irregular border crossings")


def test_browser_image_button_gets_a_file_name_that_says_what_it_holds(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("country", {"country": "MAR", "lang": "nl", "theme": "irregular"})
    names = [json.loads(c.proto.config)["toImageButtonOptions"] for c in at.get("plotly_chart")]
    assert names and all(n["scale"] == 2 for n in names)
    assert any(n["filename"].startswith("MAR_irregular_detections_") for n in names)
    assert all(n["filename"].endswith("_nl") for n in names)


def test_country_page_packs(use_store, demo_store_path, clicks, renderer):
    use_store(demo_store_path)
    at = open_page("country", {"country": "IRQ", "lang": "en"})
    assert _button(at, "country_pack_pdf").proto.label == "Country briefing Iraq (PDF)"
    slides = Presentation(io.BytesIO(_click(at, clicks, "country_pack_pptx"))).slides
    first = " ".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert "Country briefing: Iraq" in first and DEMO_MARK["en"] in first


def test_without_chromium_the_card_says_why_and_the_browser_offers_svg(
    use_store, demo_store_path, monkeypatch, tmp_path
):
    monkeypatch.setenv("PARTNERSHIP_MONITOR_CHROMIUM", str(tmp_path / "none"))
    use_store(demo_store_path)
    at = open_page("country", {"country": "TUN", "lang": "en", "theme": "irregular"})
    keys = {b.key for b in at.get("download_button")}
    key = "country_chart_irregular_detections"
    assert {f"{key}_download_csv", f"{key}_download_xlsx"} <= keys
    assert not [k for k in keys if k.endswith(("_png", "_svg", "_pdf", "_pptx"))]
    captions = " ".join(c.value for c in at.caption)
    assert "Server-side PNG, SVG and PDF are not available here" in captions
    assert "PARTNERSHIP_MONITOR_CHROMIUM" in captions
    at.session_state[f"{key}_browser_format"] = "svg"
    at.run()
    (chart,) = [c for c in at.get("plotly_chart") if c.proto.id and key in c.proto.id]
    config = json.loads(chart.proto.config)
    assert config["toImageButtonOptions"]["format"] == "svg"


def test_downloads_follow_the_windows_chosen_on_the_page(use_store, demo_store_path, clicks):
    use_store(demo_store_path)
    at = open_page(
        "country",
        {
            "country": "TUN",
            "lang": "en",
            "a": "partnership",
            "b": "taskforce",
            "theme": "irregular",
        },
    )
    key = "country_chart_irregular_detections"
    (chart,) = [c for c in at.get("plotly_chart") if key in c.proto.id]
    name = json.loads(chart.proto.config)["toImageButtonOptions"]["filename"]
    # The view's stem names both windows (one name per pair of windows).
    assert name == "TUN_irregular_detections_EU_EXT_2022-2025_vs_2025-_data-2025-12_en"
    readme = _click(at, clicks, f"{key}_download_md").decode("utf-8").splitlines()
    statement = next(line for line in readme if line.startswith("- **Statement:**"))
    assert "2022–2025" in statement and "2025–" in statement
    table = _click(at, clicks, f"{key}_download_csv").decode("utf-8-sig")
    assert table.startswith("Period start,") and "Trend level 95% lower bound" in table


def test_country_page_bundle_of_chosen_charts(use_store, demo_store_path, store, clicks, renderer):
    use_store(demo_store_path)
    at = open_page("country", {"country": "MAR", "lang": "nl"})
    chosen = ["irregular_detections", "return_rate"]
    at.multiselect(key="country_bundle_charts").set_value(chosen).run()
    with zipfile.ZipFile(io.BytesIO(_click(at, clicks, "country_bundle"))) as zf:
        names = zf.namelist()
        readme = zf.read("README.md").decode("utf-8")
    assert len(names) == 3 * len(chosen) + 1
    assert {n.split("_")[0] for n in names if n != "README.md"} == {"MAR"}
    for indicator_id in chosen:
        assert store.catalogue().indicator_by_id[indicator_id].title("nl") in readme
    assert DEMO_MARK["nl"] in readme


def test_explore_csv_holds_the_numbers_the_chart_shows(use_store, demo_store_path, clicks):
    """Rescaled on the page (indexed to the baseline = 100), rescaled in the download."""
    use_store(demo_store_path)
    at = open_page("explore", {"lang": "en"})
    at.radio(key="explore_mode").set_value("indexed").run()
    frame = pd.read_csv(io.BytesIO(_click(at, clicks, "explore_chart_download_csv")), comment="#")
    baseline = frame[frame["period_start"].between("2016-01-01", "2021-12-31")]
    means = baseline.groupby(["country_iso3", "reporter"])["value"].mean()
    assert len(means) >= 2 and ((means - 100).abs() < 1e-6).all()
    assert frame["unit"].str.contains("100").all()  # says it is an index, not detections


def test_forest_plot_has_a_download_menu_with_rounded_rows(
    use_store, demo_store_path, clicks, renderer
):
    use_store(demo_store_path)
    at = open_page("compare", {"lang": "en"})
    keys = {b.key for b in at.get("download_button")}
    assert {f"compare_forest_download_{f}" for f in ("png", "svg", "csv", "xlsx")} <= keys
    rows = pd.read_csv(io.BytesIO(_click(at, clicks, "compare_forest_download_csv")))
    assert {"label", "estimate_pct", "low95_pct", "high95_pct", "verdict"} <= set(rows.columns)
    assert (rows["estimate_pct"] == rows["estimate_pct"].round(1)).all()
    svg = _click(at, clicks, "compare_forest_download_svg").decode("utf-8")
    assert "<svg" in svg
