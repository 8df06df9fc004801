"""Compare periods under AppTest: windows, countries, indicators, comparison group, table."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from dashboard import services
from dashboard.i18n import t
from indicators.analysis import compare_from_store
from indicators.analysis.statements import verdict
from indicators.export import tables
from indicators.views import account, series_view
from tests.apptest import notices, open_page, texts


def forest(at) -> dict:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return next(
        s for s in specs if "no change" in json.dumps(s) or "geen verandering" in json.dumps(s)
    )


def methods(at) -> pd.DataFrame:
    """The robustness panel's table: one row per method."""
    names = (t("method", "nl"), t("method", "en"))
    return next(df.value for df in at.dataframe if df.value.columns[0] in names)


def table(at) -> pd.DataFrame:
    return next(df.value for df in at.dataframe if "indicator_id" in df.value.columns)


def test_defaults_are_the_named_periods_and_priority_countries(use_store, demo_store_path, store):
    use_store(demo_store_path)
    at = open_page("compare")
    frame = table(at)
    assert set(frame["country_iso3"]) == {"MAR", "TUN", "IRQ", "TUR"}
    assert set(frame["window_a"]) == {"2016–2021"} and set(frame["window_b"]) == {"2022–2025"}
    # The page shows what the library computes from the stored trends, nothing else.
    row = frame[
        (frame["indicator_id"] == "irregular_detections") & (frame["country_iso3"] == "TUN")
    ]
    direct = compare_from_store(
        store, "irregular_detections", "TUN", "EU_EXT", "2016-2021", "2022-2025"
    )
    # Same stored trends, same library call: only rounding (and the table's JSON) between them.
    assert row["estimate_pct"].iat[0] == pytest.approx(direct.estimate_pct, rel=1e-9)
    assert row["low95"].iat[0] == pytest.approx(direct.low95, rel=1e-9)
    told = account(store, series_view(store.catalogue(), "irregular_detections", "TUN"), None)
    assert row["likelihood"].iat[0] == told.likelihood and row["sentence"].iat[0] == told.text
    # One forest line per row with a value, labelled by country and indicator.
    spec = forest(at)
    markers = [tr for tr in spec["data"] if tr.get("mode") == "markers" and tr["y"] != [None]]
    labels = [y for tr in markers for y in tr["y"]]
    assert (
        len(labels) == len(frame)
        and "Tunesië · Detecties van irreguliere grensoverschrijdingen" in labels
    )
    # The panel opens on the first row whose methods disagree, else the first row.
    first = next((r.label for r in frame.itertuples() if not r.methods_agree), None)
    shown = at.selectbox(key="compare_panel")
    assert shown.value == (first or shown.options[0])
    assert "Tunesië · Detecties van irreguliere grensoverschrijdingen" in shown.options
    assert t("demo_banner", "nl") in texts(at)


def test_custom_windows_from_a_link(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page(
        "compare",
        {
            "a": "2017-2019",
            "b": "2023-2024",
            "countries": "TUN",
            "indicators": "irregular_detections",
        },
    )
    frame = table(at)
    assert len(frame) == 1
    assert frame["window_a"].iat[0] == "2017–2019" and frame["window_b"].iat[0] == "2023–2024"
    assert frame["n_a"].iat[0] <= 36 and frame["n_b"].iat[0] <= 24
    assert at.selectbox(key="compare_a").value == "custom"
    assert at.slider(key="compare_a_years").value == (2017, 2019)


def test_changing_a_window_changes_the_comparison(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("compare", {"countries": "MAR", "indicators": "return_returned"})
    before = table(at)["estimate"].iat[0]
    at.selectbox(key="compare_b").set_value("taskforce").run()
    after = table(at)
    assert after["window_b"].iat[0] == "2025–"
    assert after["estimate"].iat[0] != before
    assert at.query_params["b"] in (["taskforce"], "taskforce")


def test_comparison_group_choice_changes_the_panel(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("compare", {"countries": "TUN", "indicators": "irregular_detections"})
    assert table(at)["comparison_countries"].iat[0] == "DZA,EGY,NGA"
    assert len(methods(at)) == 4  # with comparison countries: four methods side by side
    at.radio(key="compare_group").set_value("none").run()
    assert table(at)["comparison_countries"].iat[0] == ""
    assert table(at)["n_methods"].iat[0] == 3
    at.radio(key="compare_group").set_value("choose").run()
    at.multiselect(key="compare_group_countries").set_value(["EGY"]).run()
    frame = table(at)
    assert frame["comparison_countries"].iat[0] == "EGY" and frame["n_methods"].iat[0] == 4


def test_robustness_panel_and_smallest_detectable_change(use_store, demo_store_path, store):
    use_store(demo_store_path)
    at = open_page(
        "compare", {"countries": "IRQ", "indicators": "irregular_detections", "lang": "en"}
    )
    direct = compare_from_store(
        store, "irregular_detections", "IRQ", "EU_EXT", "2016-2021", "2022-2025"
    )
    panel = methods(at)
    assert list(panel["Method"]) == [m.label_en for m in direct.methods]
    # The methods side by side in a chart too, with the smallest detectable change shaded.
    chart = next(
        json.loads(c.proto.spec)
        for c in at.get("plotly_chart")
        if f"The {len(direct.methods)} methods side by side" in c.proto.spec
    )
    band = chart["layout"]["shapes"][-1]
    assert band["x1"] == pytest.approx(direct.smallest_detectable_change_pct, rel=1e-9)
    shown = texts(at)
    # Beside a detected change the smallest detectable one is not said (it would contradict).
    detected = direct.verdict in ("increase", "decrease")
    assert ("Smallest detectable change" in shown) is not detected
    if not detected:
        assert f"{direct.smallest_detectable_change_pct:,.0f}%" in shown
    # The table's agreement is the comparison's rule (no two methods pointing opposite
    # ways); the panel's words count the rows' verdicts, as the account says them.
    agree = "methods agree" if direct.methods_agree else "methods disagree"
    assert any(agree in v for df in at.dataframe for v in df.value.iloc[:, 1].astype(str))
    cat = store.catalogue()
    told = account(store, series_view(cat, "irregular_detections", "IRQ", lang="en"), cat)
    assert told.robustness.agree == (len({verdict(m) for m in direct.methods}) == 1)
    boxes = [m.value for m in [*at.success, *at.info, *at.warning]]
    assert told.robustness.summary in boxes


def test_bad_links_fall_back_with_a_notice(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("compare", {"a": "sometime", "countries": "TUN,ATL", "group": "weird"})
    shown = " ".join(notices(at))
    assert "a=sometime" in shown and "countries=ATL" in shown and "group=weird" in shown
    frame = table(at)
    assert set(frame["country_iso3"]) == {"TUN"} and set(frame["window_a"]) == {"2016–2021"}


def test_language_switch_keeps_the_choices(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("compare", {"countries": "TUR", "indicators": "return_orders", "b": "taskforce"})
    at.sidebar.radio(key="app_lang").set_value("en").run()
    frame = table(at)
    assert frame["country"].iat[0] == "Türkiye" and frame["indicator"].iat[0] == "Orders to leave"
    assert frame["window_b"].iat[0] == "2025–"
    assert at.title[0].value == "Compare periods"


def test_the_downloaded_table_is_the_shown_table_and_carries_no_formulas(
    use_store, demo_store_path
):
    use_store(demo_store_path)
    at = open_page("compare", {"countries": "TUN,MAR", "indicators": "return_returned"})
    frame = table(at)
    data = services.table_csv(frame)
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back.columns) == list(frame.columns) and len(back) == len(frame)
    assert (back["data_status"] == "Demonstratiegegevens — geen officiële statistiek").all()
    # A hostile label in the table reaches the file inert, in CSV and in XLSX.
    frame.loc[0, "indicator"] = '=HYPERLINK("http://x")'
    csv_cells = pd.read_csv(io.BytesIO(services.table_csv(frame)), encoding="utf-8-sig")
    xlsx = pd.read_excel(
        io.BytesIO(services.table_xlsx(frame, {"title": "t"})), sheet_name="data", engine="calamine"
    )
    for back in (csv_cells, xlsx):
        assert back.loc[0, "indicator"] == "'" + frame.loc[0, "indicator"]
        # CSV and XLSX hold the figures rounded (four significant digits here), not
        # 15-digit floats.
        assert back["estimate"].tolist() == pytest.approx(frame["estimate"].tolist(), rel=1e-3)
        assert back["estimate"].tolist() == tables.rounded(frame)["estimate"].tolist()
    labels = [b.label for b in at.get("download_button") if b.key.startswith("compare_download")]
    assert labels == [t("download_csv", "nl"), t("download_xlsx", "nl")]


def test_reporting_area_and_chosen_group_come_back_from_a_link(use_store, demo_store_path):
    use_store(demo_store_path)
    link = {
        "countries": "MAR",
        "indicators": "return_returned",
        "reporter": "NL",
        "group": "choose",
        "with": "DZA",
    }
    at = open_page("compare", link)
    frame = table(at)
    assert frame["reporter"].iat[0] == "NL"
    assert frame["comparison_countries"].iat[0] == "DZA"
    assert at.multiselect(key="compare_group_countries").value == ["DZA"]
    assert at.query_params["with"] in (["DZA"], "DZA")
