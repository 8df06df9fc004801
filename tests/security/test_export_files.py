"""Exports never write through a planted symlink (issue 15, attack 12)."""

from __future__ import annotations

import os
import stat

import pytest

from indicators.cli import main
from indicators.files import write_file


def test_an_export_replaces_a_symlink_at_its_name_and_leaves_its_target_alone(
    demo_store_path, tmp_path, capsys
):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    args = ["export", "chart", "--store", str(demo_store_path), "--country", "TUN"]
    args += ["--indicator", "irregular_detections", "--format", "csv", "--out", str(out)]
    assert main(args) == 0
    (written,) = out.iterdir()  # the predictable name
    written.unlink()
    os.symlink(victim, written)
    assert main(args) == 0
    assert victim.read_text(encoding="utf-8") == "precious"
    assert stat.S_ISREG(os.lstat(written).st_mode)
    assert written.read_text(encoding="utf-8-sig").startswith("Begin periode,")  # the table
    assert [p.name for p in out.iterdir()] == [written.name]  # no temporary file left


def test_write_file_leaves_nothing_behind_when_it_fails(tmp_path):
    target = tmp_path / "folder"
    target.mkdir()
    with pytest.raises(IsADirectoryError):
        write_file(target, b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["folder"]
    write_file(tmp_path / "a.csv", b"1")
    write_file(tmp_path / "a.csv", b"2")
    assert (tmp_path / "a.csv").read_bytes() == b"2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "folder"]
