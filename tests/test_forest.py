"""The forest plot and the comparison tables behind it, on real stored comparisons."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.analysis import compare_from_store
from indicators.analysis.table import RECORD_COLUMNS, comparison_record, methods_frame
from indicators.charts import FOREST_COLUMNS, VERDICT_MARKERS, forest_spec, to_figure

SERIES = [
    ("irregular_detections", "TUN", "EU_EXT"),
    ("irregular_detections", "IRQ", "EU_EXT"),
    ("return_returned", "MAR", "EU27"),
    ("context_youth_unemployment", "TUR", "NAT"),
]


@pytest.fixture(scope="module")
def comparisons(store):
    return [compare_from_store(store, *key, "2016-2021", "2022-2025") for key in SERIES]


@pytest.fixture(scope="module")
def rows(comparisons) -> pd.DataFrame:
    records = [
        comparison_record(c, "en") | {"label": f"{key[1]} {key[0]}", "country": key[1]}
        for key, c in zip(SERIES, comparisons, strict=True)
    ]
    frame = pd.DataFrame(records)
    for k in ("estimate", "low80", "high80", "low95", "high95"):
        frame[k] = frame[f"{k}_pct"]
    return frame


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_forest_is_valid_plotly_with_one_line_per_row(rows, lang):
    spec = forest_spec(
        rows[FOREST_COLUMNS + ["country"]], lang, title="T", x_title="X", group="country"
    )
    fig = to_figure(spec, validate=True)
    points = [tr for tr in fig.data if tr.mode == "markers" and tr.y != (None,)]
    assert sorted(y for tr in points for y in tr.y) == sorted(rows["label"])
    # Each row's 95% interval is drawn from its own bounds.
    wide = [tr for tr in fig.data if tr.mode == "lines" and tr.line.width == 1.5]
    drawn = {y: x for tr in wide for x, y in zip(tr.x, tr.y, strict=True) if y is not None}
    for row in rows.itertuples():
        # The chart carries the row's own float: only plotly's JSON round trip may touch it.
        assert drawn[row.label] == pytest.approx(row.high95, rel=1e-12)


def test_verdict_is_carried_by_shape_and_legend_not_colour(rows):
    spec = forest_spec(rows[FOREST_COLUMNS], "en", title="T", x_title="X")
    points = next(tr for tr in spec["data"] if tr["mode"] == "markers")
    assert points["marker"]["symbol"] == [VERDICT_MARKERS[v] for v in rows["verdict"]]
    legend = {tr["name"] for tr in spec["data"] if tr.get("showlegend")}
    assert len(legend) == rows["verdict"].nunique()
    zero = spec["layout"]["shapes"][0]
    assert zero["x0"] == zero["x1"] == 0
    assert "80%" in spec["layout"]["xaxis"]["title"]["text"]


def test_record_and_panel_hold_the_comparison(comparisons):
    for c in comparisons:
        record = comparison_record(c, "nl")
        assert list(record) == RECORD_COLUMNS
        assert record["low95"] <= record["estimate"] <= record["high95"]
        assert record["sentence"] == c.sentence_nl and record["likelihood"] == c.likelihood_nl
        panel = methods_frame(c, "en")
        assert list(panel["method"]) == [m.name for m in c.methods]
        assert panel["within_all"].all() == c.methods_agree
        assert panel.loc[0, "verdict"] == c.verdict  # the headline method is the headline
