"""One exported chart, opened and read back: PNG size, SVG and PDF texts, CSV, XLSX."""

from __future__ import annotations

import datetime as dt
import io
import json
import struct

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from indicators import formatting
from indicators.citation import DEMO_MARK
from indicators.errors import AccessDenied, InputError
from indicators.export.chart import about, chart_file, export_figure
from indicators.export.content import ChartRequest, chart_content, store_may_view
from indicators.export.figure import WIDTH
from indicators.settings import CLASSIFICATION_DEFAULT
from indicators.store import Store
from tests.apptest import chart_specs, open_page
from tests.export.conftest import assert_no_causal_words

TUN = ChartRequest("irregular_detections", ("TUN",))


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_png_is_twice_screen_size(store, renderer, lang):
    content = chart_content(store, TUN, store_may_view(store))
    name, data = chart_file(content, lang, "png")
    width, height = _png_size(data)
    assert width == 2 * WIDTH and height == 2 * export_figure(content, lang).layout.height
    assert name == f"TUN_irregular_detections_EU_EXT_2016-2021_vs_2022-2025_data-2025-12_{lang}.png"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_svg_and_pdf_carry_title_source_sentence_and_mark(store, renderer, lang):
    content = chart_content(store, TUN, store_may_view(store))
    svg = chart_file(content, lang, "svg")[1].decode("utf-8")
    pdf = PdfReader(io.BytesIO(chart_file(content, lang, "pdf")[1]))
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    title, source = content.title(lang), content.source(lang)
    assert title in svg and DEMO_MARK[lang] in svg
    assert source.split(" (")[0] in svg  # the source line is wrapped over lines in the image
    data_to = formatting.period(f"{content.data_date}-01", "M", lang)  # monthly series
    assert content.store_meta and data_to in svg
    for text in (title, DEMO_MARK[lang], content.source(lang)[:60]):
        assert " ".join(text.split()) in pdf_text, text
    first_words = " ".join(content.sentence(lang).split()[:8])
    assert first_words in pdf_text


def _traces(figure: dict) -> list[dict]:
    """What a figure draws: each trace's kind, name and points (texts aside)."""
    keys = ("type", "mode", "name", "x", "y", "fill")
    return [{k: trace.get(k) for k in keys} for trace in figure["data"]]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_exported_figure_draws_what_the_dashboard_draws(use_store, demo_store_path, lang):
    """The CLI's export of a chart and the country page's chart of the same series: the
    same traces, point for point (the export only adds its texts around them)."""
    use_store(demo_store_path)
    store = Store(demo_store_path)
    theme = store.catalogue().indicator_by_id[TUN.indicator_id].theme  # only its tab is drawn
    at = open_page("country", {"country": "TUN", "lang": lang, "theme": theme})
    content = chart_content(store, TUN, store_may_view(store))
    title = content.title(lang)
    shown = [
        spec
        for spec in chart_specs(at)  # the page wraps long titles between words
        if " ".join(spec["layout"]["title"]["text"].replace("<br>", " ").split()).startswith(title)
    ]
    assert len(shown) == 1, [spec["layout"]["title"]["text"] for spec in chart_specs(at)]
    exported = json.loads(export_figure(content, lang).to_json())
    assert _traces(exported) == _traces(shown[0])
    assert len(exported["data"]) > 2  # points, fan and events: a real chart, not an empty one


def test_exporting_does_not_change_the_builders_figure(store):
    content = chart_content(store, TUN, store_may_view(store))
    built = content.figure("en")
    before = built.to_json()
    export_figure(content, "en", built)
    assert built.to_json() == before


def test_restricted_export_refused_where_it_may_not_be_shown(store):
    request = ChartRequest("return_travel_documents", ("TUN",))
    with pytest.raises(AccessDenied, match="restricted"):
        chart_content(store, request, lambda ind: not ind.restricted)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_restricted_export_carries_the_classification_marking(store, renderer, lang, monkeypatch):
    request = ChartRequest("return_travel_documents", ("TUN", "MAR"), "NL", "2016-2019", "2023-")
    content = chart_content(store, request, store_may_view(store))
    svg = chart_file(content, lang, "svg")[1].decode("utf-8")
    assert CLASSIFICATION_DEFAULT[lang] in svg
    monkeypatch.setenv("PARTNERSHIP_MONITOR_CLASSIFICATION", "STG Geheim")
    assert "STG GEHEIM" in chart_file(content, lang, "svg")[1].decode("utf-8")
    assert about(content, lang)["classification"] == "STG Geheim"
    public = chart_content(store, TUN, store_may_view(store))
    assert "STG" not in chart_file(public, lang, "svg")[1].decode("utf-8")


def test_csv_and_xlsx_hold_the_numbers_behind_the_chart(store):
    content = chart_content(store, TUN, store_may_view(store))
    """The table holds what the chart draws: values, trend level and its bounds."""
    csv_bytes = chart_file(content, "en", "csv")[1]
    text = csv_bytes.decode("utf-8-sig")
    assert not text.startswith("#") and "\n#" not in text  # metadata is not in comment lines
    frame = pd.read_csv(io.BytesIO(csv_bytes), encoding="utf-8-sig")
    obs = store.observations("irregular_detections", "TUN", "EU_EXT")
    ind = store.catalogue().indicator("irregular_detections")
    assert frame["Value"].dropna().tolist() == obs["value"].round(ind.decimals).tolist()
    assert {"Trend level", "Trend level 95% lower bound", "Trend level 50% upper bound"} <= set(
        frame.columns
    )
    assert frame["Period start"].iat[0] == "2016-01-01"
    readme = chart_file(content, "en", "md")[1].decode("utf-8")
    assert DEMO_MARK["en"] in readme and "not of single values" in readme
    book = openpyxl.load_workbook(io.BytesIO(chart_file(content, "nl", "xlsx")[1]))
    about_sheet = {r[0].value: r[1].value for r in book["about"].iter_rows(min_row=2)}
    assert about_sheet["demonstration"] == DEMO_MARK["nl"]
    assert about_sheet["source"].startswith(DEMO_MARK["nl"])
    assert book["data"].max_row == len(content.trend) + 1
    assert book["data"]["A1"].value == "Begin periode"
    assert isinstance(book["data"]["A2"].value, dt.datetime)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_causal_words_in_any_exported_text(store, lang):
    may_view = store_may_view(store)
    for ind in store.catalogue().indicators:
        content = chart_content(store, ChartRequest(ind.id, ("MAR", "IRQ")), may_view)
        for text in about(content, lang).values():
            assert_no_causal_words(text)


def test_other_windows_get_a_fresh_sentence(store):
    request = ChartRequest("irregular_detections", ("TUN",), a="2016-2019", b="2023-2025")
    content = chart_content(store, request, store_may_view(store))
    assert "2016–2019" in content.sentence("en") and "2023–2025" in content.sentence("en")
    assert "2016–2019" in content.sentence("nl")


def test_bad_requests_say_what_is_wrong(store):
    with pytest.raises(InputError, match="unknown country 'XXX'"):
        chart_content(store, ChartRequest("irregular_detections", ("XXX",)), lambda i: True)
    with pytest.raises(InputError, match="reported by"):
        chart_content(store, ChartRequest("irregular_detections", ("TUN",), "NL"), lambda i: True)
