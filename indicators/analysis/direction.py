"""The direction of travel between two windows, in words from the one likelihood scale.

An overview cell says which way a series went and how sure we are, never with a
colour alone: a symbol, a verdict in words, and the likelihood term of the more
likely direction. "No detectable change" stays apart from "little change".
"""

from __future__ import annotations

from dataclasses import dataclass

from indicators.analysis.likelihood import Likelihood, likelihood

SYMBOLS = {
    "increase": "↑",
    "decrease": "↓",
    "little_change": "≈",
    "no_detectable_change": "↕",
}
VERDICT_WORDS = {
    "increase": {"en": "higher", "nl": "hoger"},
    "decrease": {"en": "lower", "nl": "lager"},
    "little_change": {"en": "little change", "nl": "weinig verandering"},
    "no_detectable_change": {
        "en": "no detectable change (wide interval)",
        "nl": "geen aantoonbare verandering (breed interval)",
    },
}
_LEANING = {
    "higher": {"en": "higher", "nl": "hoger"},
    "lower": {"en": "lower", "nl": "lager"},
}


@dataclass(frozen=True)
class Direction:
    """The verdict of a comparison and the likelihood of its more likely direction."""

    verdict: str
    leaning: str  # 'higher' or 'lower': the more likely side of no change
    probability: float  # of `leaning`, between 0.5 and 1
    term: Likelihood

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.verdict]

    def words(self, lang: str) -> str:
        """'↑ higher — very likely (90–99%)'; '↕ no detectable change … — higher: likely …'."""
        lang = "en" if lang == "en" else "nl"
        chance = f"{self.term.words(lang)} ({self.term.range_label})"
        head = f"{self.symbol} {VERDICT_WORDS[self.verdict][lang]}"
        if self.verdict in ("increase", "decrease"):
            return f"{head} — {chance}"
        return f"{head} — {_LEANING[self.leaning][lang]}: {chance}"


def direction_of_travel(verdict: str, probability_increase: float) -> Direction:
    """The direction for a stored or computed comparison; ValueError for unknown verdicts."""
    if verdict not in SYMBOLS:
        raise ValueError(f"unknown verdict {verdict!r}; expected one of {sorted(SYMBOLS)}")
    higher = probability_increase >= 0.5
    probability = probability_increase if higher else 1.0 - probability_increase
    return Direction(verdict, "higher" if higher else "lower", probability, likelihood(probability))
