"""Real series shapes drawn right: a short annual series and a spiky monthly count.

Plotly draws markers on a scatter trace without a mode when it has fewer than 20
points, so an annual band of 9 values came out as three rows of coloured dots.
Every band (fill) trace must say `mode="lines"`; the figure JSON is what the
browser draws, so it is read from there.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from indicators.analysis.stored import trend_rows
from indicators.analysis.trend import estimate_trend
from indicators.charts import observed_spec, to_figure, trend_spec


def _fitted(values, starts, frequency: str, indicator_id: str) -> tuple[pd.DataFrame, str]:
    series = pd.Series(np.asarray(values, dtype=float), index=pd.DatetimeIndex(starts))
    trend = estimate_trend(series, frequency=frequency, value_kind="count")
    rows, model = trend_rows((indicator_id, "TUN", "EU27"), trend)
    return rows, str(model["scale"])


def _annual_nine():
    values = [1520, 1310, 1745, 990, 1210, 1640, 880, 1105, 1400]  # returnees per year
    return _fitted(values, pd.date_range("2016-01-01", periods=9, freq="YS"), "A", "x")


def _spiky_monthly():
    """Tunisia-like detections: a low base with outbursts in 2011 and 2023."""
    rng = np.random.default_rng(7)
    starts = pd.date_range("2009-01-01", "2025-04-01", freq="MS")
    base = rng.gamma(4.0, 40.0, len(starts))
    season = 1 + 0.6 * np.sin((starts.month.to_numpy() - 4) / 12 * 2 * np.pi)
    values = base * season
    for year, peak in ((2011, 6000.0), (2023, 4500.0)):
        months = (starts.year == year) & (starts.month >= 2) & (starts.month <= 9)
        values[months] += peak * rng.uniform(0.4, 1.0, months.sum())
    return _fitted(np.round(values), starts, "M", "irregular_detections")


def _figure_json(spec) -> list[dict]:
    return json.loads(to_figure(spec, validate=True).to_json())["data"]


def _no_band_without_lines(traces: list[dict]) -> None:
    bands = [t for t in traces if t.get("fill")]
    assert bands, "the chart has no band"
    for band in bands:
        assert band.get("mode") == "lines", band.get("name")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_annual_series_of_nine_values_draws_its_fan_as_areas(catalogue, lang):
    rows, scale = _annual_nine()
    ind = catalogue.indicator("return_frontex_ops")
    traces = _figure_json(trend_spec(rows, ind, lang, scale=scale))
    _no_band_without_lines(traces)
    fan = [t for t in traces if t.get("fill")]
    assert len(fan) == 3 and all(len(t["x"]) == 18 for t in fan)  # 9 periods, there and back
    observed = [t for t in traces if t.get("mode") == "markers" and len(t["x"]) == 9]
    assert len(observed) == 1  # only the observed values are dots


def test_a_reported_range_band_draws_as_an_area(store, catalogue):
    ind = catalogue.indicator("irregular_prevented_departures")
    obs = store.observations(ind.id, "TUN").head(9)
    obs = obs.assign(lower=obs["value"] * 0.9, upper=obs["value"] * 1.1)
    _no_band_without_lines(_figure_json(observed_spec(obs, ind, "en")))


def test_a_spiky_monthly_count_names_its_line_the_typical_level(catalogue):
    rows, scale = _spiky_monthly()
    assert scale == "log"  # outbursts: the model works on the log scale
    ind = catalogue.indicator("irregular_detections")
    for lang, name in (("en", "typical level"), ("nl", "typisch niveau")):
        traces = _figure_json(trend_spec(rows, ind, lang, scale=scale))
        _no_band_without_lines(traces)
        line = next(t for t in traces if t.get("mode") == "lines" and not t.get("fill"))
        assert name in line["name"] and name in line["hovertemplate"]
    # The typical level: about half the seasonally adjusted values lie above it (it is
    # not an average that outbursts pull up), and the outbursts lie far above it.
    seen = rows[rows["observed"]]
    adjusted = seen["value"] / np.exp(seen["seasonal"])
    above = (adjusted > seen["level"]).mean()
    assert 0.3 < above < 0.7
    outburst = seen[pd.to_datetime(seen["period_start"]).dt.year == 2011]
    assert (outburst["value"] > outburst["hi95"]).any()
    # The 95% fan stays within the data's range: no level far below every point.
    assert rows["lo95"].min() > 0 and rows["level"].median() > seen["value"].quantile(0.1)


def test_a_linear_scale_trend_keeps_the_plain_name(catalogue):
    rows, _ = _annual_nine()
    ind = catalogue.indicator("return_frontex_ops")
    traces = _figure_json(trend_spec(rows, ind, "en", scale="linear"))
    line = next(t for t in traces if t.get("mode") == "lines" and not t.get("fill"))
    assert line["name"] == "trend"
