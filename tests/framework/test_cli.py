"""`partnership-monitor framework`: YAML and CSV in and out, all or nothing; round reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indicators.cli import main
from indicators.store.workspace import DuckDBWorkspace, workspace_path


@pytest.fixture
def demo_copy(tmp_path: Path, demo_store_path: Path) -> Path:
    path = tmp_path / "demo" / "monitor.duckdb"
    path.parent.mkdir()
    shutil.copyfile(demo_store_path, path)
    shutil.copyfile(workspace_path(demo_store_path), workspace_path(path))
    return path


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_export_then_import_into_an_empty_workspace_round_trips(demo_copy, fresh_store_path, fmt,
                                                                 tmp_path, capsys):  # fmt: skip
    out = tmp_path / f"framework.{fmt}"
    assert main(["framework", "export", "--format", fmt, "--out", str(out),
                 "--store", str(demo_copy)]) == 0  # fmt: skip
    assert not workspace_path(fresh_store_path).exists()
    assert main(["framework", "import", str(out), "--store", str(fresh_store_path)]) == 0
    source = DuckDBWorkspace.beside(demo_copy).versions()
    copied = DuckDBWorkspace.beside(fresh_store_path).versions()
    kinds = {"objective"} if fmt == "csv" else {"objective", "review_round", "judgement", "claim"}
    # CSV is for setting up a real framework: it has no demonstration column.
    plain = (lambda p: {**p, "is_demo": False}) if fmt == "csv" else dict
    wanted = {(v.kind, v.record_id): plain(dict(v.payload)) for v in source if v.kind in kinds}
    assert {(v.kind, v.record_id): dict(v.payload) for v in copied} == wanted
    assert {v.status for v in copied} == {"draft"}  # a second person approves in the app
    assert "drafts to approve in the app" in capsys.readouterr().out


def test_a_bad_file_names_row_and_column_and_writes_nothing(fresh_store_path, tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "objectives:\n"
        "- {id: TUN-O9, country: TUN, title_nl: x, title_en: x, colour: red, links: [\n"
        "   {indicator_id: return_rate, reporter: EU27, baseline_start: 2016-01-01,\n"
        "    baseline_end: 2021-12-31, desired_direction: up, expected_path: soon,\n"
        "    ambition_low_pct: 10, ambition_high_pct: 10}]}\n",
        encoding="utf-8",
    )
    assert main(["framework", "import", str(bad), "--store", str(fresh_store_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: bad.yaml: the framework cannot be imported")
    assert "bad.yaml, row 1, column 'colour': unknown field" in err
    assert "column 'expected_path'" in err and "not a point" in err
    assert not workspace_path(fresh_store_path).exists()


def test_approved_by_must_be_a_second_person(demo_copy, fresh_store_path, tmp_path, capsys):
    out = tmp_path / "f.yaml"
    main(["framework", "export", "--out", str(out), "--store", str(demo_copy)])
    assert main(["framework", "import", str(out), "--approved-by", "Bram Jansen",
                 "--store", str(fresh_store_path)]) == 0  # fmt: skip
    versions = DuckDBWorkspace.beside(fresh_store_path).versions()
    assert {v.actor for v in versions if v.status == "approved"} == {"Bram Jansen"}


def test_the_report_of_a_round(demo_copy, capsys):
    assert main(["framework", "report", "--round", "TUN-2026-04", "--lang", "en",
                 "--store", str(demo_copy)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "## Review round: Taskforce Tunesië, april 2026" in out
    assert "What changed since the last round" in out
    assert main(["framework", "report", "--round", "nope", "--store", str(demo_copy)]) == 1
    assert "error: " in capsys.readouterr().err
