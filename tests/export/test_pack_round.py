"""The country page's briefing pack and bundle take a review round (issue 17).

The round's section is the one text the CLI's `framework report` prints (one account),
and a later import leaves it as it was: its figures are those of the round's vintage.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

from pptx import Presentation

from indicators.cli import main
from indicators.importers.pipeline import import_file
from indicators.store.workspace import workspace_path
from tests.apptest import open_page
from tests.export.test_downloads import _click

ROUND = "TUN-2026-04"


def _pack_notes(at, clicks, key: str = "country_pack_pptx") -> str:
    slides = Presentation(io.BytesIO(_click(at, clicks, key))).slides
    return "\n".join(s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide)


def _with_round(lang: str = "en"):
    at = open_page("country", {"country": "TUN", "lang": lang})
    at.selectbox(key="country_pack_round").set_value(ROUND).run()
    return at


def _cli_report(path: Path, capsys) -> list[str]:
    capsys.readouterr()
    assert main(["framework", "report", "--round", ROUND, "--lang", "en",
                 "--store", str(path)]) == 0  # fmt: skip
    text = capsys.readouterr().out
    return [x.replace("**", "").lstrip("#> ") for x in text.splitlines() if x.strip()]


def test_the_country_pack_carries_a_round_as_of_its_vintage(
    use_store,
    demo_store_path,
    tmp_path,
    clicks,  # noqa: F811 (the fixture imported above)
    renderer,
    capsys,
):
    path = tmp_path / "monitor.duckdb"
    shutil.copyfile(demo_store_path, path)
    shutil.copyfile(workspace_path(demo_store_path), workspace_path(path))
    use_store(path)
    at = open_page("country", {"country": "TUN", "lang": "en"})
    assert at.selectbox(key="country_pack_round").value is None  # no round unless chosen
    assert at.selectbox(key="country_pack_round").options[1].startswith("Taskforce Tunesië, april")

    at.selectbox(key="country_pack_round").set_value(ROUND).run()
    expected = "\n".join(_cli_report(path, capsys))
    assert "Judgement: on track" in expected and "What changed since the last round" in expected
    assert expected in _pack_notes(at, clicks)
    at.multiselect(key="country_bundle_charts").set_value(["return_returned"]).run()
    with zipfile.ZipFile(io.BytesIO(_click(at, clicks, "country_bundle"))) as z:
        report = z.read(f"round_{ROUND}_en.md").decode("utf-8")
    assert [x.replace("**", "").lstrip("#> ") for x in report.splitlines() if x.strip()] == (
        expected.splitlines()
    )

    # Months later, after an import that revises the round's figures, the round's
    # section still says what the data said at its vintage.
    revised = tmp_path / "revised_returns.csv"
    lines = ["indicator,country,reporter,period,value,lower,upper,flags,source"]
    lines += [f"return_returned,TUN,NL,{y}-Q{q},{90 + q},,,,eurostat_migr_eirtn"
              for y in (2024, 2025) for q in (1, 2, 3, 4)]  # fmt: skip
    revised.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_file(path, "template", revised, vintage=dt.date(2026, 9, 30)).revised > 0
    use_store(path)
    later = _cli_report(path, capsys)
    assert "\n".join(later) in _pack_notes(_with_round(), clicks)
    # Real figures joined the demonstration ones, so restricted evidence is now left out
    # (local mode shows it on an all-demonstration store only); every figure still shown
    # is word for word what it said before the import.
    figures = [x for x in later if x.startswith("- ") and "; baseline " in x]
    assert any(x.startswith("- Returned after an order to leave") for x in figures)
    assert set(figures) <= set(expected.splitlines())
