"""Draft → approve → lock, returns, history, conflicts and what each person sees."""

from __future__ import annotations

import pytest

from indicators import audit
from indicators.errors import AccessDenied, InputError
from indicators.framework import EvidenceRef, VersionConflict
from indicators.framework.workflow import Entry
from tests.framework.conftest import ADA, TESS, TOM, VERA, judgement


def _judgements(fw, who, **kw) -> list[Entry]:
    return fw.entries(who, "judgement", country="TUN", **kw)


def test_a_draft_is_seen_by_the_taskforce_only_until_a_second_person_approves_it(prepared):
    draft = prepared.save(TESS, judgement(), expected_version=0)
    assert (draft.version, draft.status, draft.author) == (1, "draft", TESS.user)
    assert _judgements(prepared, VERA) == []
    assert [e.shown.status for e in _judgements(prepared, TOM)] == ["draft"]

    approved = prepared.approve(TOM, "judgement", draft.record_id, expected_version=1)
    assert (approved.version, approved.status, approved.actor) == (2, "approved", TOM.user)
    [seen] = _judgements(prepared, VERA)
    assert seen.record.rating == "on_track" and seen.shown.version == 2


def test_nobody_approves_their_own_draft(prepared):
    prepared.save(TESS, judgement(), 0)
    with pytest.raises(AccessDenied, match="second person"):
        prepared.approve(TESS, "judgement", judgement().id, 1)
    assert prepared.latest("judgement", judgement().id).status == "draft"


def test_an_admin_may_approve_and_a_viewer_may_not_draft(prepared):
    with pytest.raises(AccessDenied):
        prepared.save(VERA, judgement(), 0)
    prepared.save(TESS, judgement(), 0)
    with pytest.raises(AccessDenied):
        prepared.approve(VERA, "judgement", judgement().id, 1)
    assert prepared.approve(ADA, "judgement", judgement().id, 1).status == "approved"


def test_an_edit_after_approval_is_a_new_draft_and_the_approved_version_stays_shown(prepared):
    prepared.save(TESS, judgement(), 0)
    prepared.approve(TOM, "judgement", judgement().id, 1)
    edit = prepared.save(TOM, judgement(rating="off_track"), expected_version=2)
    assert (edit.version, edit.status, edit.action) == (3, "draft", "edit")
    [viewer] = _judgements(prepared, VERA)
    assert viewer.record.rating == "on_track" and viewer.shown.version == 2
    [member] = _judgements(prepared, TESS)
    assert member.record.rating == "off_track" and member.pending
    # Tom wrote version 3, so Tess may approve it now.
    prepared.approve(TESS, "judgement", judgement().id, 3)
    [viewer] = _judgements(prepared, VERA)
    assert viewer.record.rating == "off_track"
    history = prepared.history("judgement", judgement().id)
    assert [(v.version, v.action, v.actor) for v in history] == [
        (1, "draft", TESS.user), (2, "approve", TOM.user),
        (3, "edit", TOM.user), (4, "approve", TESS.user),
    ]  # fmt: skip


def test_a_returned_record_carries_the_comment_and_needs_an_edit(prepared):
    prepared.save(TESS, judgement(), 0)
    with pytest.raises(InputError, match="comment"):
        prepared.send_back(TOM, "judgement", judgement().id, 1, "  ")
    back = prepared.send_back(TOM, "judgement", judgement().id, 1, "Name the evidence.")
    assert (back.status, back.comment) == ("returned", "Name the evidence.")
    with pytest.raises(InputError, match="returned"):
        prepared.approve(TOM, "judgement", judgement().id, 2)
    prepared.save(TESS, judgement(evidence=(EvidenceRef("document", "memo-42"),)), 2)
    assert prepared.approve(TOM, "judgement", judgement().id, 3).status == "approved"


def test_two_people_editing_the_same_record_lose_nothing(prepared):
    prepared.save(TESS, judgement(), 0)
    opened_by_tess = opened_by_tom = prepared.latest("judgement", judgement().id).version
    prepared.save(TOM, judgement(rationale="Tom's wording."), opened_by_tom)
    with pytest.raises(VersionConflict, match=r"version 1, it is now at version 2") as exc:
        prepared.save(TESS, judgement(rationale="Tess's wording."), opened_by_tess)
    assert TOM.user in str(exc.value)
    latest = prepared.latest("judgement", judgement().id)
    assert latest.version == 2 and latest.payload["rationale"] == "Tom's wording."


def test_a_bad_form_names_every_field_and_saves_nothing(prepared):
    bad = judgement(rating="green", rationale=" ", confidence="sure", round="nope")
    with pytest.raises(InputError) as exc:
        prepared.save(TESS, bad, 0)
    columns = {p.column for p in exc.value.problems}
    assert {"rating", "rationale", "confidence"} <= columns
    assert prepared.latest("judgement", bad.id) is None


def test_a_judgement_must_name_a_round_and_objective_of_its_country(prepared):
    with pytest.raises(InputError, match="no review_round 'TUN-1999'"):
        prepared.save(TESS, judgement(round="TUN-1999"), 0)
    with pytest.raises(InputError, match="is for TUN"):
        prepared.save(TESS, judgement(country="MAR"), 0)


def test_restricted_evidence_is_left_out_for_a_viewer_and_counted(prepared):
    evidence = (
        EvidenceRef("indicator", "irregular_detections"),
        EvidenceRef("indicator", "return_travel_documents", "restricted figures"),
        EvidenceRef("event", "2023-07-16|agreement"),
    )
    prepared.save(TESS, judgement(evidence=evidence), 0)
    prepared.approve(TOM, "judgement", judgement().id, 1)
    public = {"irregular_detections"}
    [viewer] = _judgements(prepared, VERA, visible=public)
    assert [e.ref for e in viewer.record.evidence] == [
        "irregular_detections",
        "2023-07-16|agreement",
    ]
    assert viewer.hidden_evidence == 1
    [member] = _judgements(prepared, TOM, visible=public | {"return_travel_documents"})
    assert len(member.record.evidence) == 3 and member.hidden_evidence == 0


def test_every_change_is_audited(prepared, audit_log):
    prepared.save(TESS, judgement(), 0)
    prepared.send_back(TOM, "judgement", judgement().id, 1, "Why likely?")
    prepared.save(TESS, judgement(confidence="very_likely"), 2)
    prepared.approve(TOM, "judgement", judgement().id, 3)
    events = [e for e in audit.read_log(audit_log)]
    assert [(e["action"], e["user"], e["detail"]["version"]) for e in events] == [
        ("framework_save", TESS.user, 1), ("framework_return", TOM.user, 2),
        ("framework_save", TESS.user, 3), ("framework_approve", TOM.user, 4),
    ]  # fmt: skip
    audit.verify_log(audit_log)


def test_the_state_at_a_moment_is_reproducible(prepared):
    prepared.save(TESS, judgement(), 0)
    prepared.approve(TOM, "judgement", judgement().id, 1)
    moment = prepared.latest("judgement", judgement().id).at
    prepared.save(TOM, judgement(rating="off_track"), 2)
    prepared.approve(TESS, "judgement", judgement().id, 3)
    [then] = _judgements(prepared, VERA, as_of=moment)
    [now] = _judgements(prepared, VERA)
    assert (then.record.rating, now.record.rating) == ("on_track", "off_track")
