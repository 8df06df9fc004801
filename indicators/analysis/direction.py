"""What may be said about a comparison: the verdict, a direction word, the worded probability.

`worded_change(result)` is the one function every sentence, overview cell, export
and view takes its words from (the view layer in `indicators/views/` calls it). It
returns a `Wording`:

- `verdict`: 'increase' / 'decrease' (the 95% interval excludes no change),
  'little_change' (it lies within ±margin) or 'no_detectable_change';
- `direction`: 'higher' / 'lower' only when the interval supports it (the verdict is
  an increase or a decrease), else None — a leaning inside a wide interval is
  never worded as a direction;
- `event` and `probability`: the probability put into words is that of a change
  that *matters*, beyond the indicator's margin m, under the sceptical prior of
  `indicators.analysis.sceptical` (not a flat-prior P(change > 0)):
  increase → P(change > +m), decrease → P(change < −m), otherwise P(|change| > m);
- `term`: its step of the one likelihood scale, always shown with its range
  (`term.range_label`, e.g. '66–90%').

`direction_of_travel(verdict, probability_increase)` is the older flat-prior
leaning, kept for callers not yet moved over.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from indicators import formatting
from indicators.analysis.likelihood import Likelihood, likelihood
from indicators.analysis.sceptical import sceptical_probabilities
from indicators.texts import by_lang, t

DEFAULT_MARGIN_PCT = 10.0
Z975 = 1.959963984540054
SYMBOLS = {
    "increase": "↑",
    "decrease": "↓",
    "little_change": "≈",
    "no_detectable_change": "↕",
}
# Words from the library's gettext catalogue (indicators/locale), by name, then language.
VERDICT_WORDS: dict[str, dict[str, str]] = {
    "increase": by_lang("verdict_increase"),
    "decrease": by_lang("verdict_decrease"),
    "little_change": by_lang("verdict_little_change"),
    "no_detectable_change": by_lang("verdict_no_detectable_change"),
}
# The event whose probability is worded, with {margin} filled in.
EVENT_WORDS: dict[str, dict[str, str]] = {
    "above_margin": by_lang("event_above_margin"),
    "below_margin": by_lang("event_below_margin"),
    "beyond_margin": by_lang("event_beyond_margin"),
}
_LEANING = {"higher": by_lang("leaning_higher"), "lower": by_lang("leaning_lower")}


@dataclass(frozen=True)
class Wording:
    """What may be said about one comparison, and the numbers behind it."""

    verdict: str
    direction: str | None  # 'higher' / 'lower' only when the 95% interval supports it
    event: str  # 'above_margin', 'below_margin' or 'beyond_margin'
    probability: float  # P(event) under the sceptical prior: the number behind `term`
    term: Likelihood
    margin: float  # the relevant margin m, in the series' units
    margin_pct: float | None  # m in percent of window A's level (None: no level)
    probability_above: float  # P(change > +m)
    probability_below: float  # P(change < −m)
    value_kind: str | None = None

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.verdict]

    def margin_label(self, lang: str, *, unit: bool = True) -> str:
        """'10%', '3.0 percentage points' (percent indicators), or the absolute margin.

        unit=False: '3.0' for percent indicators, in a sentence that already named
        percentage points (a percent sign is part of the figure and always kept).
        """
        if self.value_kind == "percent":
            figure = _number(self.margin, lang, 1)
            return f"{figure} {t('points', lang)}" if unit else figure
        if self.margin_pct is not None:
            return f"{_number(self.margin_pct, lang, 0)}%"
        return _number(self.margin, lang, 1 if abs(self.margin) < 100 else 0)

    def event_words(self, lang: str, *, unit: bool = True) -> str:
        """'more than 10% higher' / 'een verandering van meer dan 10%'; unit=False as
        in `margin_label`."""
        return EVENT_WORDS[self.event][lang].format(margin=self.margin_label(lang, unit=unit))

    def chance_words(self, lang: str) -> str:
        """'likely (66–90%)': the term with its numeric range."""
        return f"{self.term.words(lang)} ({self.term.range_label})"

    def words(self, lang: str) -> str:
        """'↑ higher — more than 10% higher: likely (66–90%)', for an overview cell."""
        head = f"{self.symbol} {VERDICT_WORDS[self.verdict][lang]}"
        return f"{head} — {self.event_words(lang)}: {self.chance_words(lang)}"


def worded_change(result: Any, margin: float | None = None) -> Wording:
    """What may be said about a comparison result, in one place.

    `result` is a `Comparison` or a stored summary row (a mapping) with at least
    `verdict`, `estimate`, `low95`, `high95` and `level_a`. Results that carry the
    sceptical probabilities (`probability_above_margin`, `probability_below_margin`,
    `margin`) are worded from them; older ones get them recomputed from the 95%
    interval (normal approximation). `margin` overrides the result's margin (series
    units); default: the result's, else 10% of window A's level.
    """
    get = _getter(result)
    verdict = str(get("verdict"))
    if verdict not in SYMBOLS:
        raise ValueError(f"unknown verdict {verdict!r}; expected one of {sorted(SYMBOLS)}")
    level_a = _float(get("level_a"))
    m = margin if margin is not None else _float(get("margin"))
    if not math.isfinite(m):
        m = abs(level_a) * DEFAULT_MARGIN_PCT / 100 if math.isfinite(level_a) else math.nan
    above, below = _float(get("probability_above_margin")), _float(get("probability_below_margin"))
    if margin is not None or not (math.isfinite(above) and math.isfinite(below)):
        lo, hi, est = _float(get("low95")), _float(get("high95")), _float(get("estimate"))
        probs = sceptical_probabilities(est, (hi - lo) / (2 * Z975), m)
        above, below = probs.above, probs.below
    if verdict == "increase":
        event, p, direction = "above_margin", above, "higher"
    elif verdict == "decrease":
        event, p, direction = "below_margin", below, "lower"
    else:
        event, p, direction = "beyond_margin", min(1.0, above + below), None
    p = min(max(p, 0.0), 1.0)
    margin_pct = 100 * m / abs(level_a) if math.isfinite(level_a) and level_a != 0 else None
    kind = get("value_kind")
    return Wording(
        verdict=verdict,
        direction=direction,
        event=event,
        probability=p,
        term=likelihood(p),
        margin=m,
        margin_pct=margin_pct,
        probability_above=above,
        probability_below=below,
        value_kind=kind if isinstance(kind, str) else None,
    )


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
        chance = f"{self.term.words(lang)} ({self.term.range_label})"
        head = f"{self.symbol} {VERDICT_WORDS[self.verdict][lang]}"
        if self.verdict in ("increase", "decrease"):
            return f"{head} — {chance}"
        return f"{head} — {_LEANING[self.leaning][lang]}: {chance}"


def direction_of_travel(verdict: str, probability_increase: float) -> Direction:
    """The flat-prior leaning of a comparison; ValueError for unknown verdicts."""
    if verdict not in SYMBOLS:
        raise ValueError(f"unknown verdict {verdict!r}; expected one of {sorted(SYMBOLS)}")
    higher = probability_increase >= 0.5
    probability = probability_increase if higher else 1.0 - probability_increase
    return Direction(verdict, "higher" if higher else "lower", probability, likelihood(probability))


def _getter(result: Any):  # type: ignore[no-untyped-def]
    if isinstance(result, Mapping):
        return result.get
    return lambda name: getattr(result, name, None)


def _float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def _number(x: float, lang: str, decimals: int) -> str:
    return formatting.number(x, lang, decimals)
