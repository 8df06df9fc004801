"""The framework beside the data: observed changes, disagreement notes, claim sentences.

Nothing here rates progress. A judgement is written by a person; this module only
says what the data's verdict was and puts a visible note beside a judgement that
points the other way, so the reader sees both.
"""

from __future__ import annotations

from collections.abc import Mapping

from indicators.analysis.statements import find_causal_language
from indicators.framework.records import ContributionClaim, Judgement, ObservedChange
from indicators.framework.words import label, went
from indicators.texts import N_, t

# Verdict words for notes (the view layer's own words once it has them).
_TOWARD = {("increase", "up"), ("decrease", "down")}
_AWAY = {("increase", "down"), ("decrease", "up")}


def data_leaning(verdict: str | None, desired: str) -> str:
    """'toward' / 'away' the desired direction, or 'neither' (little or no detectable change)."""
    if (verdict, desired) in _TOWARD:
        return "toward"
    if (verdict, desired) in _AWAY:
        return "away"
    return "neither"


def mismatch_notes(
    judgement: Judgement,
    links: Mapping[str, tuple[str, str | None]],
    lang: str,
) -> list[str]:
    """A note for each linked indicator whose verdict points against the judgement.

    `links`: indicator title → (desired direction, the data's verdict for this round).
    Only a detectable change counts: 'no detectable change' never contradicts anyone.
    """
    notes = []
    for title, (desired, verdict) in links.items():
        leaning = data_leaning(verdict, desired)
        if judgement.rating == "on_track" and leaning == "away":
            key = N_("fw_mismatch_on_track")
        elif judgement.rating == "off_track" and leaning == "toward":
            key = N_("fw_mismatch_off_track")
        else:
            continue
        went_words, direction = went(verdict, lang), label(desired, lang)
        notes.append(t(key, lang, indicator=title, verdict=went_words, direction=direction))
    return notes


def claim_sentence(claim: ContributionClaim, *, approved: bool, lang: str) -> str:
    """The sentence a page or pack prints for a claim.

    "Contributed" is said only of an approved claim with status plausible contribution;
    every other claim is named by its status. The guard checks the wording we add.
    """
    allowed = approved and claim.status == "plausible_contribution"
    if allowed:
        key = N_("fw_claim_plausible")
    elif approved:
        key = N_("fw_claim_other")
    else:
        key = N_("fw_claim_pending")
    status = label(claim.status, lang)
    ours = t(key, lang, claim="", status=status)
    found = find_causal_language(ours, contribution_allowed=allowed)
    if found:  # a template error, never the claim's own words
        raise ValueError(f"causal wording in a claim sentence: {found}")
    return t(key, lang, claim=f"“{claim.claim.strip()}”", status=status)


def observed_from_comparison(
    indicator_id: str, reporter: str, window_a: str, window_b: str, result: Mapping
) -> ObservedChange:
    """Snapshot of a computed comparison (Comparison.to_dict or a summary row) for a claim."""

    def pct(name: str) -> float | None:
        value = result.get(name)
        return None if value is None else float(value)

    return ObservedChange(
        indicator_id=indicator_id,
        reporter=reporter,
        window_a=window_a,
        window_b=window_b,
        verdict=str(result.get("verdict") or ""),
        change_pct=pct("estimate_pct"),
        low95_pct=pct("low95_pct"),
        high95_pct=pct("high95_pct"),
        sentence_nl=str(result.get("sentence_nl") or ""),
        sentence_en=str(result.get("sentence_en") or ""),
    )
