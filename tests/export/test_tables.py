"""CSV and XLSX exports cannot carry formulas; file names are safe."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.export import tables
from indicators.export.filenames import chart_stem, safe_name
from indicators.export.tables import FORMULA_STARTS, neutralise, to_csv, to_xlsx

HOSTILE = [
    "=1+1",
    "+SUM(A1:A9)",
    "-2+3",
    "@SUM(1)",
    "\t=cmd",
    "\r=cmd",
    '=HYPERLINK("http://evil.example","click")',
    "=cmd|' /C calc'!A0",
]


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"label": HOSTILE, "value": range(len(HOSTILE)), "neg": [-1.5] * 8})


def test_csv_neutralises_every_hostile_text_and_keeps_numbers():
    text = to_csv(_frame(), header_lines=["=evil header"]).decode("utf-8-sig")
    first, rest = text.split("\r\n", 1)
    assert first == "# '=evil header"
    rows = list(csv.DictReader(io.StringIO(rest, newline="")))
    assert [r["label"] for r in rows] == ["'" + h for h in HOSTILE]
    assert all(r["neg"] == "-1.5" for r in rows)  # numbers stay numbers, minus and all


def test_xlsx_holds_no_formula_cell():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(_frame(), {"caveat": "=2*3"})))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    labels = [c.value for c in book["data"]["A"][1:]]
    assert labels == ["'" + h for h in HOSTILE]
    assert book["about"]["B2"].value == "'=2*3"
    assert book["data"]["C2"].value == -1.5


@given(st.text(max_size=30))
def test_neutralised_text_never_starts_like_a_formula(text):
    out = neutralise(text)
    assert not str(out).startswith(FORMULA_STARTS)
    assert str(out).removeprefix("'") == text or out == text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("../../etc/passwd", "etc_passwd"),
        ("Türkiye – 2016/2021", "Turkiye_2016_2021"),
        ("a b\nc\x00d", "a_b_c_d"),
        ("...", "export"),
        ("x" * 300, "x" * 120),
    ],
)
def test_safe_name(raw, expected):
    assert safe_name(raw) == expected


def test_chart_stem_says_what_the_file_holds():
    stem = chart_stem("irregular_detections", ("TUN", "MAR"), "EU27", "2016–2025", "2025-12")
    assert stem == "TUN-MAR_irregular_detections_EU27_2016-2025_data-2025-12"


def test_comparison_figures_are_rounded_as_a_reader_needs_them():
    frame = pd.DataFrame(
        {
            "estimate_pct": [61.23456789012345],
            "probability_above_margin": [0.912345678],
            "level_a": [2570.4567891234],
            "estimate": [-0.000123456789],
            "n": [12],
            "label": ["x"],
        }
    )
    out = tables.rounded(frame)
    assert out.iloc[0].tolist() == [61.2, 0.912, 2570.0, -0.0001235, 12, "x"]
    text = tables.to_csv(out).decode("utf-8-sig")
    assert "61.2," in text and "0.912," in text and "61.234" not in text
