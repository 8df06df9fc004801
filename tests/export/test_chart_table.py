"""The table behind a trend chart holds what the chart shows, ready for a spreadsheet."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from indicators.export import tables
from indicators.export.chart_table import CODES, HEADERS, about, chart_table, readme


@pytest.fixture
def tunisia(store, catalogue):
    ind = catalogue.indicator("irregular_detections")
    return ind, store.trend(ind.id, "TUN", "EU_EXT")


def test_observations_with_flags_and_the_trend_level_with_its_bounds(tunisia):
    ind, trend = tunisia
    table = chart_table(trend, ind, "en", codes=True)
    assert tuple(table.columns) == CODES and len(table) == len(trend)
    seen = table.dropna(subset=["value"])
    assert len(seen) == int(trend["observed"].sum())
    assert (table["lo95"] <= table["lo80"]).all() and (table["lo80"] <= table["lo50"]).all()
    assert (table["lo50"] <= table["level"]).all() and (table["level"] <= table["hi50"]).all()
    assert (table["hi50"] <= table["hi80"]).all() and (table["hi80"] <= table["hi95"]).all()
    assert table["provisional"].dtype == bool


def test_real_dates_and_values_at_the_indicators_precision(tunisia, catalogue):
    ind, trend = tunisia
    table = chart_table(trend, ind, "nl", codes=True)
    assert isinstance(table["period_start"].iat[0], dt.date)
    assert table["period_end"].iat[0] == dt.date(2016, 1, 31)  # monthly
    assert (table["level"] == table["level"].round(ind.decimals)).all()
    rate = catalogue.indicator("return_rate")
    assert rate.decimals == 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_headers_in_the_language_or_as_codes(tunisia, lang):
    ind, trend = tunisia
    assert list(chart_table(trend, ind, lang).columns) == [HEADERS[lang][c] for c in CODES]


def test_xlsx_has_typed_columns_and_an_about_sheet(tunisia, catalogue):
    ind, trend = tunisia
    table = chart_table(trend, ind, "nl")
    fields = about(ind, catalogue, "nl", series="Tunesië, EU-buitengrenzen", demo=True)
    book = openpyxl.load_workbook(io.BytesIO(tables.to_xlsx(table, fields)))
    data = book["data"]
    assert isinstance(data["A2"].value, dt.datetime)  # a date cell, not text
    assert isinstance(data["F2"].value, (int, float))  # a number cell, not text
    assert data["E2"].value in (True, False)
    sheet = {r[0].value: r[1].value for r in book["about"].iter_rows(min_row=2)}
    assert sheet["Titel"] == ind.title("nl") and "trendniveau" in sheet["Grenzen"]


def test_csv_has_no_comment_lines_and_a_readme_says_what_it_is(tunisia, catalogue):
    ind, trend = tunisia
    csv = tables.to_csv(chart_table(trend, ind, "en")).decode("utf-8-sig")
    assert csv.startswith("Period start,Period end,Value,")
    assert "#" not in csv.splitlines()[0]
    frame = pd.read_csv(io.StringIO(csv))
    assert frame["Trend level"].map(lambda x: len(str(x)) < 12).all()  # no 15-digit floats
    text = readme(about(ind, catalogue, "en", series="Tunisia"), "en")
    assert text.startswith(f"# {ind.title('en')}") and "not of single values" in text
