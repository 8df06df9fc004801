"""A round's report: judgements beside the data of its vintage, reproducible after imports."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from indicators.access import LOCAL
from indicators.analysis import find_causal_language
from indicators.framework import Framework
from indicators.framework.demo import DEMO_APPROVER, DEMO_AUTHOR
from indicators.framework.report import report_markdown, round_report
from indicators.framework.words import hidden_note
from indicators.importers.pipeline import import_file
from indicators.store import Store
from indicators.store.workspace import DuckDBWorkspace, workspace_path
from tests.framework.conftest import TESS, TOM, VERA, review_round


@pytest.fixture
def demo_copy(tmp_path: Path, demo_store_path: Path) -> Path:
    """The demonstration store and its workspace, copied so a test may import into it."""
    path = tmp_path / "monitor.duckdb"
    shutil.copyfile(demo_store_path, path)
    shutil.copyfile(workspace_path(demo_store_path), workspace_path(path))
    return path


def _public(store: Store) -> frozenset[str]:
    return frozenset(i.id for i in store.catalogue().indicators if not i.restricted)


def _report(path: Path, round_id: str, lang: str = "en", who=VERA, **kw) -> str:
    store = Store(path)
    fw = Framework(DuckDBWorkspace.beside(path))
    return report_markdown(round_report(store, fw, who, round_id, lang, _public(store), **kw), lang)


def test_the_demonstration_store_has_a_framework_marked_as_demonstration(demo_store_path):
    versions = DuckDBWorkspace.beside(demo_store_path).versions()
    assert versions and all(v.is_demo for v in versions)
    assert {v.author for v in versions} == {DEMO_AUTHOR}
    assert {v.actor for v in versions if v.status == "approved"} == {DEMO_APPROVER}
    assert {v.country for v in versions} == {"TUN", "MAR", "IRQ", "TUR"}
    text = _report(demo_store_path, "TUN-2026-04")
    assert "Demonstration framework — not a real review" in text


def test_a_round_says_what_was_judged_on_what_evidence_beside_the_data(demo_store_path):
    text = _report(demo_store_path, "TUN-2026-04")
    assert "Judgement: on track" in text and "Judgement: off track" in text
    assert "Confidence: likely (66–90%)" in text
    assert "document: Verslag gemengde commissie, maart 2026" in text
    assert "What the data say** (31 March 2026)" in text
    assert "Returned after an order to leave (NL; baseline 2016–2021" in text
    # the judgement and the data's verdict point different ways: a visible note
    assert "Note: the judgement is ‘on track’, but the data point the other way" in text
    # what changed since the November round
    assert "What changed since the last round" in text
    assert "revised values: Returned after an order to leave" in text
    assert "too early to judge → on track" in text


def test_a_viewer_never_sees_restricted_evidence_in_a_report(demo_store_path):
    text = _report(demo_store_path, "TUN-2026-04", who=VERA)
    assert "return_travel_documents" not in text and "Travel documents" not in text
    # Said in the plural form its count takes ("1 reference to a restricted indicator").
    counts = [int(n) for n in re.findall(r"(\d+) references? to (?:a )?restricted", text)]
    assert counts and all(hidden_note(n, "en") in text for n in counts)
    store = Store(demo_store_path)
    everything = frozenset(i.id for i in store.catalogue().indicators)
    fw = Framework(DuckDBWorkspace.beside(demo_store_path))
    full = report_markdown(round_report(store, fw, TESS, "TUN-2026-04", "en", everything), "en")
    assert "return_travel_documents" in full


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_contributed_appears_only_beside_the_approved_plausible_claim(demo_store_path, lang):
    text = _report(demo_store_path, "TUN-2026-04", lang)
    word = "contributed" if lang == "en" else "bijgedragen"
    for line in text.splitlines():
        quoted = line.split("“")[0]  # the claim's own words are the taskforce's, in quotes
        if find_causal_language(quoted):
            assert word in quoted and ("plausibly" in quoted or "aannemelijk" in quoted), line
        assert find_causal_language(quoted, contribution_allowed=True) == [], line


def _revise_returns(tmp_path: Path) -> Path:
    """A later file that revises Tunisia's returns from the Netherlands upwards."""
    lines = ["indicator,country,reporter,period,value,lower,upper,flags,source"]
    lines += [f"return_returned,TUN,NL,{y}-Q{q},{90 + q},,,,eurostat_migr_eirtn"
              for y in (2024, 2025) for q in (1, 2, 3, 4)]  # fmt: skip
    path = tmp_path / "revised_returns.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_pack_of_a_past_round_reproduces_its_figures_after_a_later_import(demo_copy, tmp_path):
    before = {lang: _report(demo_copy, "TUN-2026-04", lang) for lang in ("nl", "en")}
    report = import_file(demo_copy, "template", _revise_returns(tmp_path),
                         vintage=dt.date(2026, 9, 30))  # fmt: skip
    assert report.revised > 0
    after = {lang: _report(demo_copy, "TUN-2026-04", lang) for lang in ("nl", "en")}
    assert after == before
    # A round prepared on the new vintage sees the revised figures.
    fw = Framework(DuckDBWorkspace.beside(demo_copy))
    fw.seed([review_round(id="TUN-2026-10", date=dt.date(2026, 10, 8),
                          vintage=dt.date(2026, 9, 30), title="October")],
            author=TESS.user, approver=TOM.user)  # fmt: skip
    later = _report(demo_copy, "TUN-2026-10")
    assert "revised values: Returned after an order to leave (NL) 8" not in later  # own title
    assert "revised values: Returned after an order to leave 8" in later
    line = next(x for x in later.splitlines() if x.startswith("- Returned after an order"))
    was = next(x for x in before["en"].splitlines() if x.startswith("- Returned after an order"))
    assert line != was


def test_the_framework_as_it_stood_then(demo_copy):
    fw = Framework(DuckDBWorkspace.beside(demo_copy))
    judged = fw.latest("judgement", "TUN-2026-04/TUN-O2")
    then = judged.at
    fw.save(TESS, _edited(fw, "TUN-2026-04/TUN-O2"), judged.version)
    fw.approve(TOM, "judgement", "TUN-2026-04/TUN-O2", judged.version + 1)
    assert "Judgement: too early to judge" in _report(demo_copy, "TUN-2026-04")
    assert "Judgement: off track" in _report(demo_copy, "TUN-2026-04", as_of=then)


def _edited(fw: Framework, record_id: str):
    from dataclasses import replace

    [entry] = [e for e in fw.entries(TESS, "judgement", country="TUN") if e.record.id == record_id]
    return replace(entry.record, rating="too_early", rationale="Wait for the 2026 figures.")


def test_an_unknown_round_is_a_clear_error(demo_store_path):
    from indicators.errors import InputError

    with pytest.raises(InputError, match="no review round 'TUN-1999'"):
        _report(demo_store_path, "TUN-1999")


def test_no_workspace_means_no_framework(fresh_store_path):
    assert not workspace_path(fresh_store_path).exists()
    assert Framework(DuckDBWorkspace.beside(fresh_store_path)).entries(LOCAL, "objective") == []


def test_the_pack_of_a_round_carries_its_judgements_and_what_changed(demo_store_path):
    import io

    from pptx import Presentation
    from pypdf import PdfReader

    from indicators.export.pack import Pack, to_pdf, to_pptx

    store = Store(demo_store_path)
    lines = _report(demo_store_path, "TUN-2026-04").splitlines()
    pack = Pack("TUN", "Tunisia", "en", [], store.events("TUN"), store.catalogue(), True, False,
                None, round_lines=lines)  # fmt: skip
    pdf = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(
        io.BytesIO(to_pdf(pack, dt.date(2026, 4, 20)))).pages)  # fmt: skip
    for said in ("Judgement: on track", "What the data say", "What changed since the last round",
                 "Note: the judgement is ‘on track’", "plausibly contributed"):  # fmt: skip
        assert said in pdf, said
    slides = Presentation(io.BytesIO(to_pptx(pack, dt.date(2026, 4, 20)))).slides
    text = " ".join(s.text for slide in slides for s in slide.shapes if s.has_text_frame)
    assert "Judgement: off track" in text and "changed judgement" in text


def test_a_round_names_its_months_in_the_language_asked_for(demo_store_path):
    # The fitted comparison is kept per process; it carries its windows' labels.
    nl = _report(demo_store_path, "TUN-2026-04", "nl")
    en = _report(demo_store_path, "TUN-2026-04", "en")
    assert "mrt 2026" in nl
    assert "Mar 2026" in en and "mrt 2026" not in en
