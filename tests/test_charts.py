from __future__ import annotations

import pytest

from indicators.charts import PALETTE, observed_spec, to_figure


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_observed_figure_is_valid_plotly(store, catalogue, lang):
    # The app skips plotly's validation for speed; here every spec is validated.
    for ind in catalogue.indicators:
        for reporter in ind.reporters:
            obs = store.observations(ind.id, "TUN", reporter)
            if obs.empty:
                continue
            fig = to_figure(observed_spec(obs, ind, lang), validate=True)
            assert fig.layout.title.text == ind.title(lang)
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
