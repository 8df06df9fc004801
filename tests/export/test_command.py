"""`partnership-monitor export`: files written, clear errors and exit codes."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfReader

from indicators.citation import DEMO_MARK
from indicators.cli import main


def test_export_chart_in_every_format(demo_store_path, tmp_path, renderer, capsys):
    args = ["export", "chart", "--store", str(demo_store_path), "--country", "tun"]
    args += ["--indicator", "irregular_detections", "--a", "2016-2019", "--b", "partnership"]
    args += ["--lang", "en", "--format", "png,svg,pdf,csv,xlsx", "--out", str(tmp_path)]
    assert main(args) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    stem = "TUN_irregular_detections_EU_EXT_2016-2019_vs_2022-2025_data-2025-12_en"
    assert names == sorted(f"{stem}.{x}" for x in ("png", "svg", "pdf", "csv", "xlsx"))
    assert DEMO_MARK["en"] in PdfReader(tmp_path / f"{stem}.pdf").pages[0].extract_text()
    assert capsys.readouterr().out.count("wrote ") == 5


def test_export_chart_to_a_named_file(demo_store_path, tmp_path):
    out = tmp_path / "sub" / "numbers.csv"
    args = ["export", "chart", "--store", str(demo_store_path), "--country", "MAR"]
    assert main([*args, "--indicator", "return_rate", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("Begin periode,")  # Dutch by default


def test_export_bundle_and_pack(demo_store_path, tmp_path, renderer):
    base = ["--store", str(demo_store_path), "--out", str(tmp_path), "--lang", "en"]
    ids = "irregular_detections,return_rate"
    assert main(["export", "bundle", "--country", "IRQ", "--indicator", ids, *base]) == 0
    (zipped,) = tmp_path.glob("*.zip")
    assert zipped.name == "IRQ_briefing_bundle_baseline_partnership_en.zip"
    assert "README.md" in zipfile.ZipFile(zipped).namelist()
    assert main(["export", "pack", "--country", "IRQ", "--format", "pdf", *base]) == 0
    (pdf,) = tmp_path.glob("*.pdf")
    assert (
        "Country briefing: Iraq" in PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
    )


@pytest.mark.parametrize(
    "extra, message",
    [
        (["chart", "--indicator", "nope", "--country", "TUN"], "unknown indicator 'nope'"),
        (["chart", "--indicator", "return_rate", "--country", "TUN", "--format", "gif"], "gif"),
        (["pack", "--country", "TUN,MAR"], "one country"),
        (["bundle", "--country", "TUN"], "needs --indicator"),
    ],
)
def test_bad_arguments_fail_with_a_message(demo_store_path, tmp_path, capsys, extra, message):
    args = ["export", extra[0], "--store", str(demo_store_path), "--out", str(tmp_path)]
    assert main(args + extra[1:]) == 1
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_without_chromium_the_cli_says_why(demo_store_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PARTNERSHIP_MONITOR_CHROMIUM", str(tmp_path / "no-chromium"))
    args = ["export", "chart", "--store", str(demo_store_path), "--country", "TUN"]
    args += ["--indicator", "return_rate", "--format", "png", "--out", str(tmp_path)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "No chromium found" in err and "PARTNERSHIP_MONITOR_CHROMIUM" in err
    csv_args = [*args[:-4], "--format", "csv", "--out", str(tmp_path)]
    assert main(csv_args) == 0  # data exports need no browser
