"""Calibrated sentences in Dutch and English, from templates and the one likelihood scale.

Four verdicts, kept apart on purpose:
- 'increase' / 'decrease': the 95% interval excludes no change;
- 'little_change': the 95% interval includes no change and lies within ±10% of the
  window-A level, so larger changes are ruled out ("evidence of little change");
- 'no_detectable_change': the 95% interval includes no change and is too wide to rule
  out a sizeable one ("no detectable change (wide interval)") — not "no change".

Sentences describe; they never explain. `CAUSAL_WORDS` lists the phrases no sentence
may contain, `find_causal_language` finds them, and the test suite runs it over every
template and every sentence generated from the demonstration store.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from indicators import formatting
from indicators.analysis.direction import worded_change
from indicators.analysis.methods import LABELS, SAME_QUANTITY
from indicators.texts import ByLang, by_lang, t, tn

if TYPE_CHECKING:
    from indicators.analysis.results import Change, Comparison

LITTLE_CHANGE_PCT = 10.0
CAUSAL_WORDS: tuple[str, ...] = (
    "caused",
    "causes",
    "because of",
    "led to",
    "leads to",
    "due to",
    "thanks to",
    "as a result of",
    "effect of",
    "impact of",
    "attributable to",
    "veroorzaakt",
    "leidde tot",
    "leidt tot",
    "dankzij",
    "als gevolg van",
    "effect van",
    "door de",
    "door het",
    "toe te schrijven aan",
)
_CAUSAL = re.compile(r"\b(" + "|".join(re.escape(w) for w in CAUSAL_WORDS) + r")\b", re.IGNORECASE)
# "Contributed" is not "caused": it may be said of an approved contribution claim with
# status plausible contribution (indicators/framework/wording.py), and nowhere else.
CONTRIBUTION_WORDS: tuple[str, ...] = (
    "contributed",
    "contributes",
    "contributing to",
    "bijgedragen",
    "bijdraagt",
    "bijdroeg",
    "draagt bij",
    "droeg bij",
    "droegen bij",
)
_CONTRIBUTION = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in CONTRIBUTION_WORDS) + r")\b", re.IGNORECASE
)

# The sentences' templates, from the library's gettext catalogue (indicators/locale),
# by name and then language.
TEMPLATES: dict[str, ByLang] = {
    "increase": by_lang("statement_increase"),
    "decrease": by_lang("statement_decrease"),
    "no_detectable_change": by_lang("statement_no_detectable_change"),
    "little_change": by_lang("statement_little_change"),
    "detectable": by_lang("statement_detectable"),
    "agree": by_lang("statement_agree"),
    "disagree": by_lang("statement_disagree"),
    "too_few_placebos": by_lang("statement_too_few_placebos"),
    "pre_fit": by_lang("statement_pre_fit"),
    "pre_misfit": by_lang("statement_pre_misfit"),
    "quality": by_lang("statement_quality"),
    "flagged": by_lang("statement_flagged"),
    "break": by_lang("statement_break"),
    "events": by_lang("statement_events"),
    "subject": by_lang("statement_subject"),
    "too_few_comparison": by_lang("statement_too_few_comparison"),
    "no_windows": by_lang("statement_no_windows"),
}


def find_causal_language(text: str, *, contribution_allowed: bool = False) -> list[str]:
    """Every causal phrase in `text` (empty when the text only describes).

    Contribution wording ("contributed", "heeft bijgedragen") counts too, unless
    `contribution_allowed` — true only for an approved claim with status plausible
    contribution. Causal words ("caused", "led to") are never allowed.
    """
    found = [m.group(0) for m in _CAUSAL.finditer(text)]
    if not contribution_allowed:
        found += [m.group(0) for m in _CONTRIBUTION.finditer(text)]
    return found


def verdict(c: Change) -> str:
    """'increase', 'decrease', 'little_change' or 'no_detectable_change'.

    Works on any change with 95% intervals: the headline or one method of the panel.
    'little_change' uses the comparison's margin (`margin_pct`, default 10%).
    """
    if c.low95 > 0:
        return "increase"
    if c.high95 < 0:
        return "decrease"
    margin = getattr(c, "margin_pct", None) or LITTLE_CHANGE_PCT
    pcts = (c.low95_pct, c.high95_pct)
    if all(p is not None and abs(p) <= margin for p in pcts):
        return "little_change"
    return "no_detectable_change"


def describe(
    c: Comparison,
    lang: str,
    *,
    subject: str | None = None,
    events: Sequence[str] = (),
) -> str:
    """The full statement: the change, detectability, methods, evidence quality, events."""
    parts = [_headline(c, lang)]
    if c.verdict != "little_change":
        size = _size(c, c.smallest_detectable_change, c.smallest_detectable_change_pct, lang)
        parts.append(TEMPLATES["detectable"][lang].format(size=size))
    parts.append(_methods(c, lang))
    parts.append(_quality(c, lang))
    if events:
        parts.append(TEMPLATES["events"][lang].format(b=c.b.label, events="; ".join(events)))
    text = " ".join(parts)
    if subject:
        return TEMPLATES["subject"][lang].format(
            subject=subject, sentence=text[0].lower() + text[1:]
        )
    return text


def _headline(c: Comparison, lang: str) -> str:
    wording = worded_change(c)
    fields = {
        "a": c.a.label,
        "b": c.b.label,
        "term": wording.term.words(lang),
        "range": wording.term.range_label,
        "change": _change(c, c.estimate, c.estimate_pct, lang),
        "low": _change(c, c.low95, c.low95_pct, lang),
        "high": _change(c, c.high95, c.high95_pct, lang),
        "margin": wording.margin_label(lang),
    }
    return TEMPLATES[c.verdict][lang].format(**fields)


def _methods(c: Comparison, lang: str) -> str:
    voting = [m for m in c.methods if m.name in SAME_QUANTITY]
    if c.methods_agree:
        text = TEMPLATES["agree"][lang].format(n=len(voting))
    else:
        details = "; ".join(
            f"{LABELS[m.name][lang].split(' (')[0].lower()}: "
            f"{_change(c, m.estimate, m.estimate_pct, lang)} "
            f"[{_change(c, m.low95, m.low95_pct, lang)}, "
            f"{_change(c, m.high95, m.high95_pct, lang)}]"
            for m in voting
        )
        text = TEMPLATES["disagree"][lang].format(details=details)
    note = getattr(c, "comparison_note", None)
    if note in TEMPLATES:
        text += " " + TEMPLATES[note][lang]
    checks = comparison_checks_text(c, lang)
    return f"{text} {checks}" if checks else text


def comparison_checks_text(c: Comparison, lang: str) -> str | None:
    """The cross-country placebos and the pre-period fit of the comparison with other
    countries, with how many placebos there were; None without that comparison."""
    did = next((m for m in c.methods if m.name == "relative_to_comparison"), None)
    if did is None or did.placebo_units is None or did.pre_fit is None:
        return None
    parts = []
    if did.placebo_units:
        parts.append(
            tn(  # '1 of 3 shows', '2 of 3 show': the verb agrees with x
                "statement_placebos",
                did.placebo_as_large or 0,
                lang,
                k=_number(did.placebo_units, lang, 0),
                x=_number(did.placebo_as_large or 0, lang, 0),
            )
        )
    gap = _change(
        c, did.pre_gap if did.pre_gap is not None else float("nan"), did.pre_gap_pct, lang
    )
    parts.append(
        TEMPLATES["pre_fit" if did.pre_fit else "pre_misfit"][lang].format(
            a=c.a.label, b=c.b.label, gap=gap, n=_number(did.pre_placebos or 0, lang, 0)
        )
    )
    return " ".join(parts)


def quality_text(c: Comparison, lang: str) -> str:
    """'Evidence quality: good (96% of periods have a value, …).'"""
    return _quality(c, lang)


def _quality(c: Comparison, lang: str) -> str:
    q = c.quality
    flags = ""
    if q.share_flagged > 0:
        flags += TEMPLATES["flagged"][lang].format(share=_number(100 * q.share_flagged, lang, 0))
    if q.break_in_series:
        flags += TEMPLATES["break"][lang]
    return TEMPLATES["quality"][lang].format(
        level=q.words(lang),
        coverage=_number(100 * q.coverage, lang, 0),
        provisional=_number(100 * q.share_provisional, lang, 0),
        flags=flags,
    )


def _change(
    c: Comparison, absolute: float, pct: float | None, lang: str, *, unit: bool = True
) -> str:
    """A signed change: percentage points for percentages, percent where it exists.

    unit=False leaves out the word "percentage points" (the ends of an interval whose
    change already said it); a percent sign is part of the figure and always kept.
    """
    if c.value_kind == "percent":
        return _signed(absolute, lang, _decimals(absolute)) + (
            " " + t("points", lang) if unit else ""
        )
    if pct is not None:
        return _signed(pct, lang, 0 if abs(pct) >= 10 else 1) + "%"
    return _signed(absolute, lang, _decimals(absolute))


def change_text(
    c: Comparison, absolute: float, pct: float | None, lang: str, *, unit: bool = True
) -> str:
    """A signed change as sentences write it: '+57%', '−1,2 procentpunt'; unit=False
    gives the figure alone for percentage points ('−1,2'), as an interval's ends
    beside a change that already named its unit."""
    return _change(c, absolute, pct, lang, unit=unit)


def _size(c: Comparison, absolute: float, pct: float | None, lang: str) -> str:
    return _change(c, absolute, pct, lang).lstrip("+")


def _decimals(x: float) -> int:
    return formatting.decimals_for(x)


def _signed(x: float, lang: str, decimals: int) -> str:
    return formatting.signed(x, lang, decimals)


def _number(x: float, lang: str, decimals: int) -> str:
    return formatting.number(x, lang, decimals)
