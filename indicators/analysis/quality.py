"""The evidence-quality qualifier: how far the figures behind a comparison can carry it.

Judged from the data only: the share of periods in the compared windows that have a
value (coverage), the share of those values that are provisional, and the source's
reliability flags (estimated, low reliability, minimum estimate, break in series).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indicators.texts import by_lang

# The levels' words, from the library's gettext catalogue (indicators/locale).
WORDS = {
    "good": by_lang("quality_good"),
    "fair": by_lang("quality_fair"),
    "limited": by_lang("quality_limited"),
}


@dataclass(frozen=True)
class EvidenceQuality:
    level: str
    coverage: float
    share_provisional: float
    share_flagged: float
    break_in_series: bool

    def words(self, lang: str) -> str:
        return WORDS[self.level][lang]

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "coverage": round(self.coverage, 4),
            "share_provisional": round(self.share_provisional, 4),
            "share_flagged": round(self.share_flagged, 4),
            "break_in_series": self.break_in_series,
        }


def assess_quality(
    observed: np.ndarray, flags: tuple[str, ...] | list[str], window: np.ndarray
) -> EvidenceQuality:
    """Quality of the values inside `window` (a mask over the period grid)."""
    inside = np.flatnonzero(window)
    seen = [int(i) for i in inside if observed[i]]
    coverage = len(seen) / len(inside) if len(inside) else 0.0
    provisional, flagged = _share(flags, seen, "p"), _share(flags, seen, "eum")
    broken = any("b" in flags[i] for i in inside)
    return EvidenceQuality(
        _level(coverage, provisional, flagged, broken), coverage, provisional, flagged, broken
    )


def _share(flags: tuple[str, ...] | list[str], seen: list[int], codes: str) -> float:
    return sum(any(c in flags[i] for c in codes) for i in seen) / max(len(seen), 1)


@dataclass(frozen=True)
class Threshold:
    """The least coverage and the most provisional / flagged shares a level allows."""

    min_coverage: float
    max_provisional: float
    max_flagged: float
    break_allowed: bool


# From best to worst; a comparison gets the first level whose threshold it meets.
THRESHOLDS = {
    "good": Threshold(0.9, 0.1, 0.1, False),
    "fair": Threshold(0.7, 0.25, 0.5, True),
}


def _level(coverage: float, provisional: float, flagged: float, broken: bool) -> str:
    for level, th in THRESHOLDS.items():
        if (
            coverage >= th.min_coverage
            and provisional <= th.max_provisional
            and flagged <= th.max_flagged
            and (th.break_allowed or not broken)
        ):
            return level
    return "limited"
