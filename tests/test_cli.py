from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from indicators.cli import main
from indicators.store import SCHEMA_VERSION
from tests.test_catalogue import REQUIRED_IDS


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """The real console entry point, in a subprocess, as an operator runs it."""
    return subprocess.run(
        [sys.executable, "-m", "indicators.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_info_json_lists_countries_and_indicators(demo_store_path):
    result = run_cli("info", "--store", str(demo_store_path), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert len(info["countries"]) >= 7
    assert REQUIRED_IDS <= {i["id"] for i in info["indicators"]}
    assert info["demo"] is True and info["data_status"] == "demo"
    assert info["schema_version"] == SCHEMA_VERSION
    assert sum(info["observations_per_source"].values()) == info["observations"]


def test_series_json_carries_ranges_flags_source_and_vintage(demo_store_path, store):
    result = run_cli(
        "series",
        "--store",
        str(demo_store_path),
        "--country",
        "TUN",
        "--indicator",
        "irregular_prevented_departures",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["observations"]
    expected = store.observations("irregular_prevented_departures", "TUN")
    assert len(rows) == len(expected)
    assert all(r["lower"] <= r["value"] <= r["upper"] for r in rows if r["value"] is not None)
    assert rows[-1]["flags"] == "p"
    assert {r["source_id"] for r in rows} == {"partner_authorities"}
    assert all(r["vintage"] for r in rows)


def test_series_with_reporter_filters(demo_store_path, capsys):
    assert (
        main(
            [
                "series",
                "--store",
                str(demo_store_path),
                "--country",
                "MAR",
                "--indicator",
                "return_orders",
                "--reporter",
                "NL",
                "--json",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)["observations"]
    assert rows and {r["reporter"] for r in rows} == {"NL"}


def test_unknown_indicator_exits_1_with_message(demo_store_path, capsys):
    code = main(
        [
            "series",
            "--store",
            str(demo_store_path),
            "--country",
            "TUN",
            "--indicator",
            "irregular_vibes",
        ]
    )
    assert code == 1
    assert "unknown indicator 'irregular_vibes'" in capsys.readouterr().err


def test_missing_store_exits_1(tmp_path, capsys):
    assert main(["info", "--store", str(tmp_path / "none.duckdb")]) == 1
    assert "partnership-monitor build" in capsys.readouterr().err


def test_build_if_needed_builds_once(tmp_path, capsys):
    path = tmp_path / "s.duckdb"
    assert main(["build", "--if-needed", "--store", str(path)]) == 0
    assert "no store yet" in capsys.readouterr().out
    assert main(["build", "--if-needed", "--store", str(path)]) == 0
    assert "up to date" in capsys.readouterr().out


def test_help_of_the_command_and_of_every_subcommand_prints(capsys):
    """--help formats every help text (a bare % in one of them crashed the top-level help)."""
    from indicators.cli import parser

    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    names = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"build", "info", "series", "trend", "compare", "export", "import", "serve"} <= set(
        names
    )
    listing = capsys.readouterr().out
    for name in names:
        assert name in listing
        with pytest.raises(SystemExit) as stop:
            main([name, "--help"])
        assert stop.value.code == 0, name
        assert f"usage: partnership-monitor {name}" in capsys.readouterr().out


def test_the_installed_entry_point_runs(demo_store_path):
    """pyproject's `partnership-monitor = indicators.cli:main` still resolves."""
    script = Path(sys.executable).with_name("partnership-monitor")
    result = subprocess.run(
        [str(script), "info", "--store", str(demo_store_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"store: {demo_store_path}")


# The command runs in a process of its own: lowering the priority is for the rest of
# the process, and this test process must keep its own (tests/conftest.py).
_PRIORITY_AFTER = (
    "import os, sys; from indicators.cli import main; base = os.nice(0); "
    "main(sys.argv[1:]); print(os.nice(0) - base)"
)


@pytest.mark.parametrize(
    ("command", "setting", "lowered"),
    [
        (["build", "--if-needed"], "7", 7),  # a writer lowers itself by the setting
        (["build", "--if-needed"], "0", 0),  # 0 leaves it
        (["info"], "7", 0),  # a reader never does
    ],
)
def test_writing_commands_lower_their_cpu_priority(demo_store_path, command, setting, lowered):
    env = {**os.environ, "PARTNERSHIP_MONITOR_WRITER_NICE": setting}
    done = subprocess.run(
        [sys.executable, "-c", _PRIORITY_AFTER, *command, "--store", str(demo_store_path)],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )  # fmt: skip
    assert done.stdout.splitlines()[-1] == str(lowered), done.stdout
