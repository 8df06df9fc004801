"""`partnership-monitor serve`: one process by default, --processes N behind nginx."""

from __future__ import annotations

import os

from indicators.cli import main, parser


def test_serve_is_one_process_unless_asked_for_more():
    assert parser().parse_args(["serve"]).processes is None  # `make run`
    assert parser().parse_args(["serve", "--processes"]).processes == (os.cpu_count() or 2)
    assert parser().parse_args(["serve", "--processes", "3"]).processes == 3


def test_serve_refuses_zero_processes_with_a_clear_error(capsys, tmp_path):
    assert main(["serve", "--processes", "0", "--store", str(tmp_path / "x.duckdb")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "--processes needs at least 1" in err
    assert "Traceback" not in err
