"""The Progress page in the running app (AppTest): draft → approve → lock with two people.

AppTest seeds `st.user` from `at.user` and `st.secrets` from `at.secrets`; the same
flow runs through a real OpenID Connect provider in tests/browser/test_progress.py.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators import audit
from indicators.store.workspace import DuckDBWorkspace, workspace_path
from tests.conftest import APP

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-only-cookie-secret-not-used-anywhere-else",
    "client_id": "partnership-monitor",
    "client_secret": "test-only",
    "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
}
PEOPLE = {
    "tess": {"email": "tess@example.org", "groups": ["pm-taskforce"]},
    "tom": {"email": "tom@example.org", "groups": ["pm-taskforce"]},
    "vera": {"email": "vera@example.org", "groups": []},
}
MEETING = dt.date(2026, 6, 4)
ROUND = f"TUN-{MEETING:%Y-%m-%d}"
JUDGEMENT = f"{ROUND}/TUN-O1"


@pytest.fixture
def app_store(monkeypatch, tmp_path: Path, demo_store_path: Path) -> Path:
    """A private copy of the demonstration store and its workspace; an audit log in tmp."""
    path = tmp_path / "monitor.duckdb"
    shutil.copyfile(demo_store_path, path)
    shutil.copyfile(workspace_path(demo_store_path), workspace_path(path))
    monkeypatch.setenv("PARTNERSHIP_MONITOR_STORE", str(path))
    monkeypatch.setenv("PARTNERSHIP_MONITOR_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    st.cache_data.clear()
    st.cache_resource.clear()
    return path


def open_progress(person: str | None, round_id: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    if person is not None:
        at.secrets["auth"] = AUTH
        at.user = {"is_logged_in": True, **PEOPLE[person]}
    at.query_params["country"] = "TUN"
    if round_id:
        at.query_params["round"] = round_id
    at.run()
    at.switch_page("app_pages/progress.py").run()
    _ok(at)
    return at


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "warning", "title", "header", "subheader", "error",
             "success", "text")  # fmt: skip
    shown = "\n".join(str(e.value) for kind in kinds for e in at.get(kind))
    return shown.replace("\\", "")  # user text is Markdown-escaped on the page


def _button(at: AppTest, key: str):
    return next(b for b in at.button if b.key == key)


def test_viewers_see_approved_records_and_the_data_beside_them(app_store):
    at = open_progress("vera", "TUN-2026-04")
    shown = texts(at)
    assert "Voortgang — Tunesië" in shown
    assert "U ziet alleen goedgekeurde records." in shown
    assert "op koers" in shown and "niet op koers" in shown
    assert "Wat de gegevens zeggen" in shown
    assert "Let op: het oordeel is ‘op koers’, maar de gegevens wijzen de andere kant op" in shown
    # restricted evidence is left out for a viewer, and said to be
    assert "return_travel_documents" not in shown
    assert re.search(
        r"\b(1 verwijzing naar een indicator|\d+ verwijzingen naar indicatoren) met beperkte "
        r"toegang weggelaten",
        shown,
    )
    assert not [b for b in at.button if b.key and b.key.startswith("progress_")]  # no forms


def test_draft_approve_lock_with_two_people(app_store):
    log = Path(str(app_store.parent / "audit.jsonl"))
    # Tess prepares a round for Tunisia.
    at = open_progress("tess")
    at.date_input(key="progress_new_round_date").set_value(MEETING)
    at.text_input(key="progress_new_round_title").input("Taskforce Tunesië, juni 2026")
    _button(at, "progress_new_round_save").click().run()
    _ok(at)
    assert "Opgeslagen als concept (versie 1)" in texts(at)
    # She cannot approve her own round.
    assert not [b for b in at.button if b.key == f"progress_rr_{ROUND}_approve"]

    # Tom approves it.
    at = open_progress("tom", ROUND)
    _button(at, f"progress_rr_{ROUND}_approve").click().run()
    _ok(at)
    assert "Goedgekeurd (versie 2)." in texts(at)

    # Tess drafts a judgement; a viewer does not see the draft.
    at = open_progress("tess", ROUND)
    form = f"progress_jform_{JUDGEMENT}"
    at.selectbox(key=f"{form}_rating").set_value("on_track")
    at.text_area(key=f"{form}_rationale").input("Returns from the Netherlands kept rising.")
    at.selectbox(key=f"{form}_confidence").set_value("likely")
    at.text_area(key=f"{form}_evidence").input(
        "indicator: return_returned — NL series\ndocument: Verslag juni 2026"
    )
    _button(at, f"{form}_save").click().run()
    _ok(at)
    assert "Opgeslagen als concept (versie 1)" in texts(at)
    assert "Returns from the Netherlands kept rising." not in texts(open_progress("vera", ROUND))

    # Tom approves; the viewer now sees it.
    at = open_progress("tom", ROUND)
    _button(at, f"progress_j_{JUDGEMENT}_approve").click().run()
    _ok(at)
    assert "Returns from the Netherlands kept rising." in texts(open_progress("vera", ROUND))

    # An edit after the lock is a new draft; the viewer keeps seeing the approved version.
    at = open_progress("tom", ROUND)
    at.text_area(key=f"{form}_rationale").input("Rising, but the EU ratio fell.")
    _button(at, f"{form}_save").click().run()
    _ok(at)
    assert "Opgeslagen als concept (versie 3)" in texts(at)
    viewer = texts(open_progress("vera", ROUND))
    assert "Returns from the Netherlands kept rising." in viewer
    assert "Rising, but the EU ratio fell." not in viewer
    history = DuckDBWorkspace.beside(app_store).versions(record_id=JUDGEMENT)
    assert [(v.version, v.status, v.actor) for v in history] == [
        (1, "draft", "tess@example.org"), (2, "approved", "tom@example.org"),
        (3, "draft", "tom@example.org"),
    ]  # fmt: skip
    actions = [e["action"] for e in audit.read_log(log)]
    assert actions.count("framework_save") == 3 and actions.count("framework_approve") == 2


def test_a_bad_form_says_what_is_wrong_and_saves_nothing(app_store):
    at = open_progress("tess", "TUN-2026-04")
    form = "progress_cform_TUN-2026-04_TUN-O1"
    at.text_area(key=f"{form}_claim").input("The training caused more returns.")
    at.text_area(key=f"{form}_rivals").input("weather: storms")
    _button(at, f"{form}_save").click().run()
    _ok(at)
    shown = texts(at)
    assert "never that the partnership caused a change" in shown
    assert "row 1, column 'rivals'" in shown
    claims = {v.record_id for v in DuckDBWorkspace.beside(app_store).versions(kind="claim")}
    assert claims == {"TUN-2026-04/c1", "TUN-2026-04/c2"}  # the demonstration claims only


def test_two_people_editing_one_judgement_the_second_is_told(app_store):
    jid = "TUN-2026-04/TUN-O2"
    form = f"progress_jform_{jid}"
    tess, tom = open_progress("tess", "TUN-2026-04"), open_progress("tom", "TUN-2026-04")
    tom.text_area(key=f"{form}_rationale").input("Tom's reading.")
    _button(tom, f"{form}_save").click().run()
    _ok(tom)
    tess.text_area(key=f"{form}_rationale").input("Tess's reading.")
    _button(tess, f"{form}_save").click().run()
    _ok(tess)
    assert "tom@example.org heeft dit record gewijzigd nadat u het opende" in texts(tess)
    assert "u begon bij versie 2, het is nu versie 3" in texts(tess)
    latest = DuckDBWorkspace.beside(app_store).versions(record_id=jid)[-1]
    assert latest.payload["rationale"] == "Tom's reading."


def test_local_mode_reads_but_cannot_draft(app_store):
    at = open_progress(None, "TUN-2026-04")
    assert "Lokale modus" in texts(at)
    assert not [b for b in at.button if b.key and b.key.endswith("_save")]


def test_the_country_page_shows_each_objectives_latest_approved_judgement(app_store):
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["country"] = "TUN"
    at.run()
    at.switch_page("app_pages/country.py").run()
    _ok(at)
    shown = texts(at)
    assert "Voortgang per doelstelling" in shown
    assert "Minder irreguliere vertrekken en minder doden op zee: **niet op koers**" in shown
    assert "Taskforce Tunesië, april 2026, 16 april 2026" in shown  # a Dutch date, never ISO
