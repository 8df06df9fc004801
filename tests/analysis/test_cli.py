"""`partnership-monitor trend` and `compare`, as operators and evaluators run them."""

from __future__ import annotations

import json

import pytest

from indicators.cli import main
from tests.analysis.test_comparison import ISSUE_KEYS
from tests.test_cli import run_cli

TUN = ["--country", "TUN", "--indicator", "irregular_detections"]


def _json(capsys, *args: str) -> dict:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_compare_json_has_the_issue_fields(demo_store_path):
    windows = ["--a", "2016-2021", "--b", "2022-2025"]
    result = run_cli("compare", "--store", str(demo_store_path), *TUN, *windows, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert ISSUE_KEYS <= set(data)
    assert data["demo"] is True and data["notice"] == "Demonstration data — not official statistics"
    assert data["low95"] <= data["estimate"] <= data["high95"]
    for m in data["methods"]:
        assert m["low95"] <= m["estimate"] <= m["high95"]
    assert "relative_to_comparison" in {m["name"] for m in data["methods"]}
    assert data["sentence_en"].startswith("Detections of irregular border crossings, Tunisia: ")


def test_compare_matches_the_stored_default_summary(demo_store_path, store, capsys):
    data = _json(
        capsys,
        "compare",
        "--store",
        str(demo_store_path),
        *TUN,
        "--a",
        "baseline",
        "--b",
        "partnership",
        "--json",
    )
    summary = store.series_summary("irregular_detections", "TUN", "EU_EXT")
    for key in ("estimate", "low95", "high95", "probability_increase", "likelihood"):
        assert (
            # JSON carries the stored summary's floats as they are (repr round-trips).
            data[key] == pytest.approx(summary[key], rel=1e-12)
            if key != "likelihood"
            else data[key] == summary[key]
        )


def test_compare_with_chosen_comparison_countries_and_refit(demo_store_path, capsys):
    args = [
        "compare",
        "--store",
        str(demo_store_path),
        *TUN,
        "--a",
        "2017-2019",
        "--b",
        "2023-2024",
    ]
    stored = _json(capsys, *args, "--comparison", "DZA,EGY", "--json")
    refit = _json(capsys, *args, "--comparison", "dza, egy", "--refit", "--json")
    # Stored (fitted by a worker) and refitted here: equal up to the optimiser's last digits.
    assert stored["estimate"] == pytest.approx(refit["estimate"], rel=1e-6)
    assert stored["high95"] == pytest.approx(refit["high95"], rel=1e-6)
    none = _json(capsys, *args, "--comparison", "none", "--json")
    assert "relative_to_comparison" not in {m["name"] for m in none["methods"]}
    did = next(m for m in stored["methods"] if m["name"] == "relative_to_comparison")
    full = _json(capsys, *args, "--json")
    assert did != next(m for m in full["methods"] if m["name"] == "relative_to_comparison")


def test_trend_json_gives_levels_with_intervals(demo_store_path, store):
    result = run_cli(
        "trend", "--store", str(demo_store_path), *TUN, "--reporter", "EU_EXT", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["status"] == "ok" and data["frequency"] == "M" and data["demo"] is True
    periods = data["periods"]
    assert len(periods) == len(store.trend("irregular_detections", "TUN", "EU_EXT"))
    for p in periods:
        assert (
            p["lo95"] <= p["lo80"] <= p["lo50"] <= p["level"] <= p["hi50"] <= p["hi80"] <= p["hi95"]
        )


def test_trend_text_output_is_a_table(demo_store_path, capsys):
    assert main(["trend", "--store", str(demo_store_path), *TUN]) == 0
    assert "level" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--country", "ATL"], "unknown country 'ATL'"),
        (["--reporter", "NL"], "reported by EU_EXT"),
        (["--a", "2030-2031"], "too few data points"),
        (["--a", "someday"], "cannot read 'someday'"),
        (["--comparison", "DZA,XYZ"], "unknown country 'XYZ'"),
    ],
)
def test_compare_errors_name_the_problem(demo_store_path, capsys, extra, message):
    options = dict(zip(TUN[::2], TUN[1::2], strict=True)) | {"--a": "2016-2021", "--b": "2022-2025"}
    options |= dict(zip(extra[::2], extra[1::2], strict=True))
    args = ["compare", "--store", str(demo_store_path)] + [x for kv in options.items() for x in kv]
    assert main(args) == 1
    assert message in capsys.readouterr().err


def test_trend_of_a_series_without_values_exits_1(demo_store_path, capsys):
    code = main(
        [
            "trend",
            "--store",
            str(demo_store_path),
            "--country",
            "MAR",
            "--indicator",
            "return_frontex_ops",
        ]
    )
    assert code == 1
    assert "no values" in capsys.readouterr().err
