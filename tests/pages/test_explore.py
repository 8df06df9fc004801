"""Explore under AppTest: countries and reporting areas, indexed, per capita, log, vintage."""

from __future__ import annotations

import json

import pytest

from indicators import formatting
from indicators.rescale import gaps, index_to_window, per_capita
from indicators.store import write_store
from tests.apptest import notices, open_page, texts


def chart(at) -> dict:
    (spec,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return spec


def lines(spec: dict) -> dict[str, list]:
    return {tr["name"]: tr["y"] for tr in spec["data"] if tr.get("mode") == "lines+markers"}


def test_default_view_and_its_link(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("explore")
    spec = chart(at)
    assert set(lines(spec)) == {"Marokko", "Tunesië", "Irak", "Turkije"}
    assert spec["layout"]["yaxis"]["title"]["text"] == "detecties"
    assert "4 reeksen van jan 2016" in texts(at)  # the chart in words
    assert at.query_params["mode"] in (["absolute"], "absolute")


def test_countries_and_reporting_areas_side_by_side(use_store, demo_store_path, store):
    use_store(demo_store_path)
    link = {
        "indicator": "return_orders",
        "countries": "TUN,EGY",
        "reporters": "EU27,NL",
        "lang": "en",
    }
    at = open_page("explore", link)
    series = lines(chart(at))
    assert set(series) == {
        "Tunisia · EU-27",
        "Tunisia · Netherlands",
        "Egypt · EU-27",
        "Egypt · Netherlands",
    }
    direct = store.observations("return_orders", "EGY", "NL")
    assert series["Egypt · Netherlands"] == pytest.approx(
        direct["value"].tolist(), rel=1e-12, nan_ok=True
    )


def test_indexed_view_is_100_on_average_in_the_base_window(use_store, demo_store_path, store):
    use_store(demo_store_path)
    at = open_page("explore", {"indicator": "irregular_detections", "countries": "TUN,MAR"})
    at.radio(key="explore_mode").set_value("indexed").run()
    spec = chart(at)
    assert "2016–2021 = 100" in spec["layout"]["yaxis"]["title"]["text"]
    obs = store.observations("irregular_detections", "TUN", "EU_EXT")
    expected, _ = index_to_window(obs, "2016-01-01", "2021-12-31")
    # The page plots the library's own arithmetic (no fit): equal but for JSON round trips.
    assert lines(spec)["Tunesië"] == pytest.approx(
        expected["value"].tolist(), rel=1e-12, nan_ok=True
    )
    inside = expected[expected["period_start"] <= "2021-12-31"]["value"]
    assert inside.mean() == pytest.approx(100, rel=1e-12)  # the definition of the index
    assert at.query_params["base"] in (["baseline"], "baseline")


def test_per_capita_divides_by_the_population_of_the_year(use_store, demo_store_path, store):
    use_store(demo_store_path)
    at = open_page(
        "explore", {"indicator": "return_returned", "countries": "IRQ", "mode": "per_capita"}
    )
    spec = chart(at)
    assert "per 100.000 inwoners" in spec["layout"]["yaxis"]["title"]["text"]
    obs = store.observations("return_returned", "IRQ", "EU27")
    pop = store.observations("context_population", "IRQ", "NAT")
    first = obs.dropna(subset=["value"]).iloc[0]
    same_year = pop[pop["period_start"].dt.year == first["period_start"].year]["value"].iat[0]
    assert lines(spec)["Irak"][0] == pytest.approx(first["value"] / same_year * 100_000, rel=1e-12)
    assert "United Nations" in texts(at)  # the population's source is cited too


def test_per_capita_is_not_offered_for_a_percentage(use_store, demo_store_path):
    use_store(demo_store_path)
    at = open_page("explore", {"indicator": "context_youth_unemployment", "mode": "per_capita"})
    assert "per_capita" not in at.radio(key="explore_mode").options
    assert any("mode=per_capita" in n for n in notices(at))


def test_log_scale_and_an_earlier_vintage(use_store, demo_store_path, store):
    use_store(demo_store_path)
    at = open_page("explore", {"indicator": "return_returned", "countries": "TUN"})
    latest = lines(chart(at))["Tunesië"]
    at.toggle(key="explore_log").set_value(True).run()
    assert chart(at)["layout"]["yaxis"]["type"] == "log"
    first_vintage = min(store.vintages()).isoformat()
    at.selectbox(key="explore_as_of").set_value(first_vintage).run()
    older = chart(at)
    assert formatting.date(first_vintage, "nl") in older["layout"]["title"]["text"]
    expected = store.observations("return_returned", "TUN", "EU27", min(store.vintages()))
    assert lines(older)["Tunesië"] == pytest.approx(
        expected["value"].tolist(), rel=1e-12, nan_ok=True
    )
    assert lines(older)["Tunesië"] != latest  # the later vintage revised recent quarters
    assert at.query_params["as_of"] in ([first_vintage], first_vintage)


def test_rescaling_leaves_out_what_it_cannot_scale_and_says_so(store):
    obs = store.observations("irregular_detections", None, "EU_EXT")
    late, dropped = index_to_window(obs, "2030-01-01", None)
    assert late.empty and len(dropped) == obs["country_iso3"].nunique()
    pop = store.observations("context_population", None, "NAT")
    scaled, missing = per_capita(obs, pop[pop["country_iso3"] != "TUN"])
    assert missing == [("TUN", "EU_EXT")] and "TUN" not in set(scaled["country_iso3"])


def test_per_capita_breaks_the_line_where_a_year_has_no_population(store):
    obs = store.observations("return_returned", "MAR", "EU27")
    pop = store.observations("context_population", "MAR", "NAT")
    pop = pop[pop["period_start"].dt.year != 2017]  # as the real data has it
    scaled, missing = per_capita(obs, pop)
    assert missing == []  # Morocco stays: only its 2017 is a gap
    in_2017 = scaled["period_start"].dt.year == 2017
    assert in_2017.any() and scaled.loc[in_2017, "value"].isna().all()
    assert scaled.loc[~in_2017, "value"].notna().any()
    assert set(gaps(obs, scaled)["period_start"].dt.year) == {2017}


def test_explore_says_which_years_per_capita_leaves_out(use_store, fresh_store_path):
    with write_store(fresh_store_path) as writer:
        writer.execute(
            "DELETE FROM observations WHERE indicator_id = 'context_population' "
            "AND country_iso3 = 'MAR' AND year(period_start) = 2017"
        )
    use_store(fresh_store_path)
    at = open_page(
        "explore", {"indicator": "return_returned", "countries": "MAR", "mode": "per_capita"}
    )
    said = [c.value for c in at.caption if c.value.startswith("Zonder bevolkingscijfer")]
    assert said and said[0].endswith("Marokko · EU-27: 2017")
    line = lines(chart(at))["Marokko"]
    assert None in line  # the line breaks at 2017 (plotly draws no segment across it)
