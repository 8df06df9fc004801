"""What the framework says beside the data: claim sentences and disagreement notes."""

from __future__ import annotations

import pytest

from indicators.analysis import find_causal_language
from indicators.errors import InputError
from indicators.framework import ContributionClaim, Rival
from indicators.framework.account import claim_sentence, data_leaning, mismatch_notes
from tests.framework.conftest import judgement

CLAIM = ContributionClaim(
    id="TUN-2025-11/c1",
    country="TUN",
    round="TUN-2025-11",
    objective="TUN-O1",
    claim="Dutch support to coast-guard training reduced departures from Sfax",
    toc_step="Training → more interceptions → fewer departures",
    activity_evidence="Four training cycles 2023–2024 (project reports)",
    rivals=(Rival("eu_policy", "EU–Tunisia memorandum of July 2023"),),
    status="plausible_contribution",
)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_contributed_only_for_an_approved_plausible_claim(lang):
    said = claim_sentence(CLAIM, approved=True, lang=lang)
    assert find_causal_language(said) != []  # it does say "contributed"
    assert find_causal_language(said, contribution_allowed=True) == []  # and nothing causal
    for claim, approved in ((CLAIM, False), (_status("unclear"), True),
                            (_status("not_supported"), True)):  # fmt: skip
        frame = claim_sentence(claim, approved=approved, lang=lang).replace(claim.claim, "")
        assert find_causal_language(frame) == [], frame


def _status(status: str) -> ContributionClaim:
    from dataclasses import replace

    return replace(CLAIM, status=status)


def test_a_claim_that_says_caused_is_refused_with_the_reason():
    from dataclasses import replace

    with pytest.raises(InputError, match="never that the partnership caused"):
        replace(CLAIM, claim="The training caused fewer departures").validate()
    CLAIM.validate()


def test_a_plausible_contribution_must_weigh_rival_explanations():
    from dataclasses import replace

    with pytest.raises(InputError, match="rival explanations"):
        replace(CLAIM, rivals=()).validate()


@pytest.mark.parametrize(
    ("verdict", "desired", "leaning"),
    [("decrease", "down", "toward"), ("increase", "down", "away"), ("increase", "up", "toward"),
     ("no_detectable_change", "down", "neither"), ("little_change", "up", "neither"),
     ("decrease", "none", "neither"), (None, "down", "neither")],
)  # fmt: skip
def test_data_leaning(verdict, desired, leaning):
    assert data_leaning(verdict, desired) == leaning


def test_a_note_appears_only_when_judgement_and_data_point_different_ways():
    links = {"Irregular detections": ("down", "increase")}
    [note] = mismatch_notes(judgement(rating="on_track"), links, "en")
    assert "on track" in note and "Irregular detections went up while down is desired" in note
    assert mismatch_notes(judgement(rating="off_track"), links, "en") == []
    assert mismatch_notes(judgement(rating="too_early"), links, "en") == []
    assert mismatch_notes(judgement(rating="on_track"),
                          {"x": ("down", "no_detectable_change")}, "en") == []  # fmt: skip
    [nl] = mismatch_notes(judgement(rating="off_track"), {"Terugkeer": ("up", "increase")}, "nl")
    assert "niet op koers" in nl and "Terugkeer ging omhoog" in nl
