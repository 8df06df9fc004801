from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from indicators import formatting
from indicators.charts import (
    EVENT_LABELS,
    PALETTE,
    date_ticks,
    observed_spec,
    provisional_runs,
    to_figure,
    trend_spec,
)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_observed_figure_is_valid_plotly(store, catalogue, lang):
    # The app skips plotly's validation for speed; here every spec is validated.
    for ind in catalogue.indicators:
        for reporter in ind.reporters:
            obs = store.observations(ind.id, "TUN", reporter)
            if obs.empty:
                continue
            fig = to_figure(observed_spec(obs, ind, lang), validate=True)
            assert fig.layout.title.text.replace("<br>", " ") == ind.title(lang)
            assert fig.layout.yaxis.title.text == ind.unit(lang)


def test_ranges_become_a_band_and_provisional_points_open_markers(store, catalogue):
    ind = catalogue.indicator("irregular_prevented_departures")
    spec = observed_spec(store.observations(ind.id, "TUN"), ind, "en")
    band, line = spec["data"]
    assert band["fill"] == "toself" and "reported range" in band["name"]
    assert line["marker"]["symbol"][-1].endswith("-open")
    assert not line["marker"]["symbol"][0].endswith("-open")


def test_series_differ_by_more_than_colour(store, catalogue):
    ind = catalogue.indicator("irregular_detections")
    obs = store.observations(ind.id, None, "EU_EXT")
    spec = observed_spec(obs, ind, "en")
    lines = [t for t in spec["data"] if t.get("mode") == "lines+markers"]
    assert len(lines) == obs["country_iso3"].nunique()
    assert len({t["line"]["dash"] for t in lines[:6]}) == 6
    assert len({t["marker"]["symbol"][0] for t in lines[:6]}) == 6
    assert {t["line"]["color"] for t in lines} <= set(PALETTE)


def test_windows_are_shaded_and_labelled(store, catalogue):
    ind = catalogue.indicator("return_orders")
    obs = store.observations(ind.id, "MAR", "EU27")
    spec = observed_spec(
        obs,
        ind,
        "nl",
        windows=[
            ("2016–2021", "2016-01-01", "2021-12-31"),
            ("2022–2025", "2022-01-01", "2025-12-31"),
        ],
    )
    assert [s["x0"] for s in spec["layout"]["shapes"]] == ["2016-01-01", "2022-01-01"]
    assert [a["text"] for a in spec["layout"]["annotations"]] == ["2016–2021", "2022–2025"]


def _trend_case(store, indicator_id: str, country: str):
    reporter = store.series_summaries(indicator_id, country)["reporter"].iloc[0]
    return store.trend(indicator_id, country, reporter)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_trend_figure_is_valid_plotly(store, catalogue, lang):
    events = store.events("TUN")
    for ind in catalogue.indicators:
        for reporter in ind.reporters:
            trend = store.trend(ind.id, "TUN", reporter)
            if trend.empty:
                continue
            spec = trend_spec(trend, ind, lang, events=events, note="Demo")
            fig = to_figure(spec, validate=True)
            assert fig.layout.title.text.replace("<br>", " ") == ind.title(lang)
            assert fig.layout.title.subtitle.text == "Demo"


def test_trend_fan_nests_and_the_central_line_is_quiet(store, catalogue):
    ind = catalogue.indicator("irregular_detections")
    trend = _trend_case(store, ind.id, "TUN")
    spec = trend_spec(trend, ind, "en")
    fan = spec["data"][:3]
    # The band is named as the trend level's interval, once in the legend for all three.
    assert [t["name"] for t in fan] == [
        "interval of the trend level (50, 80, 95%)",
        "trend level: 80% interval",
        "trend level: 50% interval",
    ]
    assert [t["showlegend"] for t in fan] == [True, False, False]
    assert {t["legendgroup"] for t in fan} == {"fan"}
    # Each inner band lies within the outer one, and opacity grows inwards.
    for outer, inner in zip(fan, fan[1:], strict=False):
        n = len(trend)
        assert all(o >= i for o, i in zip(outer["y"][:n], inner["y"][:n], strict=True))
    alphas = [float(t["fillcolor"].rsplit(",", 1)[1].rstrip(")")) for t in fan]
    assert alphas == sorted(alphas)
    level = spec["data"][3]
    assert level["name"] == "trend" and level["line"]["width"] <= 1
    observed = next(t for t in spec["data"] if t["name"] == "single values")
    assert observed["mode"] == "markers" and observed["marker"]["size"] > level["line"]["width"]
    assert len(observed["x"]) == int(trend["observed"].sum())


def test_provisional_periods_are_shaded_and_in_the_legend(store, catalogue):
    ind = catalogue.indicator("irregular_prevented_departures")
    trend = _trend_case(store, ind.id, "TUN")
    flagged = trend[trend["flags"].str.contains("p")]
    assert len(flagged)  # the demo marks its latest values provisional
    runs = provisional_runs(trend)
    assert runs[0][0] == f"{flagged['period_start'].min():%Y-%m-%d}"
    spec = trend_spec(trend, ind, "nl")
    rects = [s for s in spec["layout"]["shapes"] if s["type"] == "rect"]
    assert [(r["x0"], r["x1"]) for r in rects] == runs
    assert any(t["name"] == "voorlopige periode" for t in spec["data"])


def test_provisional_runs_split_at_final_values():
    trend = pd.DataFrame(
        {
            "period_start": pd.date_range("2024-01-01", periods=6, freq="MS"),
            "flags": ["", "p", "p", "", "p", ""],
        }
    )
    assert provisional_runs(trend) == [
        ("2024-02-01", "2024-04-01"),
        ("2024-05-01", "2024-06-01"),
    ]


def test_events_differ_by_shape_and_line_style_with_a_legend(store, catalogue):
    ind = catalogue.indicator("irregular_detections")
    events = store.events("TUN")
    spec = trend_spec(_trend_case(store, ind.id, "TUN"), ind, "en", events=events)
    markers = [t for t in spec["data"] if t.get("yaxis") == "y2"]
    assert {t["name"] for t in markers} == {EVENT_LABELS[k]["en"] for k in events["type"].unique()}
    assert len({t["marker"]["symbol"] for t in markers}) == len(markers)
    lines = [s for s in spec["layout"]["shapes"] if s["type"] == "line"]
    assert len(lines) == len(events)
    assert len({s["line"]["dash"] for s in lines}) == len(markers)


def test_comparison_countries_are_drawn_as_their_trend_levels(store, catalogue):
    ind = catalogue.indicator("irregular_detections")
    reporter = "EU_EXT"
    others = pd.concat([store.trend(ind.id, c, reporter) for c in ("EGY", "DZA")])
    spec = trend_spec(
        store.trend(ind.id, "TUN", reporter),
        ind,
        "en",
        comparison=others,
        series_names={"EGY": "Egypt", "DZA": "Algeria"},
    )
    lines = [t for t in spec["data"] if t["name"] in ("Egypt", "Algeria")]
    assert len(lines) == 2 and lines[0]["line"]["dash"] != lines[1]["line"]["dash"]
    egypt = store.trend(ind.id, "EGY", reporter)
    assert any(list(line["y"]) == egypt["level"].tolist() for line in lines)


@pytest.mark.parametrize(
    ("first", "last", "lang", "labels"),
    [
        ("2024-01-15", "2025-03-01", "nl", ["apr 2024", "jul 2024", "okt 2024", "jan 2025"]),
        ("2025-01-01", "2025-03-01", "en", ["Jan 2025", "Feb 2025", "Mar 2025"]),
        ("2016-01-01", "2025-10-01", "nl", ["2016", "2018", "2020", "2022", "2024"]),
    ],
)
def test_date_ticks_use_the_languages_month_names(first, last, lang, labels):
    values, text = date_ticks(dt.date.fromisoformat(first), dt.date.fromisoformat(last), lang)
    assert text == labels
    assert all(first <= v <= last for v in values) and values == sorted(values)


def test_dutch_charts_carry_dutch_date_labels_into_the_export(store, catalogue):
    """A short monthly series: the page's and the exported figure's ticks are Dutch."""
    ind = next(i for i in catalogue.indicators if i.frequency == "M")
    obs = store.observations(ind.id, "TUN", ind.reporters[0])
    obs = obs[obs["period_start"] >= obs["period_start"].max() - pd.DateOffset(months=14)]
    spec = observed_spec(obs, ind, "nl")
    axis = spec["layout"]["xaxis"]
    assert axis["tickmode"] == "array" and axis["hoverformat"] == "%m-%Y"
    dutch = set(formatting.month_names("nl"))
    assert all(label.split()[0] in dutch for label in axis["ticktext"])
    fig = to_figure(spec, validate=True)
    assert list(fig.layout.xaxis.ticktext) == axis["ticktext"]
    english = {"Mar", "May", "Oct"} & {label.split()[0] for label in axis["ticktext"]}
    assert not english


def test_a_quarterly_chart_hovers_with_the_quarter_as_the_page_writes_it(store, catalogue):
    """The hover date of a quarterly series names the quarter ("4e kwartaal 2025"),
    not its first month ("10-2025"); d3's %q is the quarter number."""
    ind = next(i for i in catalogue.indicators if i.frequency == "Q")
    obs = store.observations(ind.id, "TUN", ind.reporters[0])
    for lang in ("nl", "en"):
        hover = observed_spec(obs, ind, lang)["layout"]["xaxis"]["hoverformat"]
        written = formatting.period(dt.date(2025, 10, 1), "Q", lang, short=True)
        assert hover.replace("%q", "4").replace("%Y", "2025") == written
        assert "%m" not in hover
    assert observed_spec(obs, ind, "nl")["layout"]["xaxis"]["hoverformat"] == "%qe kwartaal %Y"
