"""The one fixed likelihood scale: every probability the product puts into words.

The calibrated-language scale used by the IPCC. Each probability maps to exactly one
term; the bounds are written once, here, and every sentence and page takes its words
from `term`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Likelihood:
    """One step of the scale: its probability range in percent and its words."""

    key: str
    low: float
    high: float
    en: str
    nl: str

    def words(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl

    @property
    def range_label(self) -> str:
        """'90–99%', '> 99%', '< 1%'."""
        if self.high >= 100:
            return f"> {self.low:g}%"
        if self.low <= 0:
            return f"< {self.high:g}%"
        return f"{self.low:g}–{self.high:g}%"


# From most to least likely; a probability belongs to the first step it reaches.
SCALE: tuple[Likelihood, ...] = (
    Likelihood("virtually_certain", 99, 100, "virtually certain", "vrijwel zeker"),
    Likelihood("very_likely", 90, 99, "very likely", "zeer waarschijnlijk"),
    Likelihood("likely", 66, 90, "likely", "waarschijnlijk"),
    Likelihood(
        "about_as_likely_as_not",
        33,
        66,
        "about as likely as not",
        "ongeveer even waarschijnlijk als niet",
    ),
    Likelihood("unlikely", 10, 33, "unlikely", "onwaarschijnlijk"),
    Likelihood("very_unlikely", 1, 10, "very unlikely", "zeer onwaarschijnlijk"),
    Likelihood(
        "exceptionally_unlikely", 0, 1, "exceptionally unlikely", "uitzonderlijk onwaarschijnlijk"
    ),
)


def likelihood(probability: float) -> Likelihood:
    """The step of the scale for a probability between 0 and 1.

    '> 99%' is strict; every other step includes its lower bound, so 0.99 is
    'very likely', 0.90 'very likely', 0.66 'likely' and 0.01 'very unlikely'.
    """
    if not 0.0 <= probability <= 1.0 or math.isnan(probability):
        raise ValueError(f"a probability lies between 0 and 1, not {probability!r}")
    pct = 100.0 * probability
    if pct > 99:
        return SCALE[0]
    for step in SCALE[1:-1]:
        if pct >= step.low:
            return step
    return SCALE[-1]


def term(probability: float, lang: str = "en") -> str:
    """The words for a probability, in Dutch or English."""
    return likelihood(probability).words(lang)
