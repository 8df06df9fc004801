"""The Method page's tables, from the library's own scales so the explanation cannot drift."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.services.access import visible_ids
from dashboard.services.cache import catalogue
from indicators import formatting
from indicators.analysis import SCALE, calibration
from indicators.analysis.methods import LABELS as METHOD_LABELS
from indicators.analysis.quality import THRESHOLDS
from indicators.analysis.quality import WORDS as QUALITY_WORDS
from indicators.analysis.statements import LITTLE_CHANGE_PCT
from indicators.views.words import RULES, SYMBOLS, VERDICTS, word
from indicators.views.words import verdict_words as verdict_words


def likelihood_scale(lang: str) -> pd.DataFrame:
    """The one likelihood scale: term and probability range, most likely first."""
    return pd.DataFrame(
        {
            t("likelihood_term", lang): [step.words(lang) for step in SCALE],
            t("probability", lang): [step.range_label for step in SCALE],
        }
    )


def verdict_rules(lang: str) -> pd.DataFrame:
    """Each verdict with its symbol and the rule that decides it."""
    lang = "en" if lang == "en" else "nl"
    return pd.DataFrame(
        {
            t("verdict", lang): [f"{SYMBOLS[v]} {VERDICTS[v][lang]}" for v in VERDICTS],
            t("criteria", lang): [
                word(RULES, v, lang).format(margin=f"{LITTLE_CHANGE_PCT:g}") for v in VERDICTS
            ],
        }
    )


def method_labels(lang: str) -> pd.DataFrame:
    """The methods of the robustness panel, the headline first, with what each does."""
    return pd.DataFrame(
        {
            t("method", lang): [labels[lang] for labels in METHOD_LABELS.values()],
            t("method_how", lang): [t(f"how_{name}", lang) for name in METHOD_LABELS],
        }
    )


def quality_words(level: str, lang: str) -> str:
    """'good' / 'goed': the evidence-quality qualifier in words."""
    return QUALITY_WORDS[level][lang]


def evidence_levels(lang: str) -> pd.DataFrame:
    """The evidence-quality levels and the thresholds that decide them."""
    rows = [
        {
            t("evidence_quality", lang): QUALITY_WORDS[level][lang],
            t("criteria", lang): t(
                "quality_criteria",
                lang,
                coverage=formatting.percent(th.min_coverage, lang, 0, ratio=True),
                provisional=formatting.percent(th.max_provisional, lang, 0, ratio=True),
                flagged=formatting.percent(th.max_flagged, lang, 0, ratio=True),
            )
            + ("" if th.break_allowed else " " + t("quality_no_break", lang)),
        }
        for level, th in THRESHOLDS.items()
    ]
    rows.append(
        {
            t("evidence_quality", lang): QUALITY_WORDS["limited"][lang],
            t("criteria", lang): t("quality_otherwise", lang),
        }
    )
    return pd.DataFrame(rows)


def verdict_symbol(verdict: str) -> str:
    """'↑', '↕': the verdict's symbol in the one vocabulary (charts, strip, overview)."""
    return SYMBOLS[verdict]


def frequencies(lang: str) -> pd.DataFrame:
    """Each indicator this session may see, its frequency and why (Method page)."""
    rows = [
        {
            t("indicator", lang): ind.title(lang),
            t("frequency", lang): t("freq_" + ind.frequency, lang),
            t("frequency_why", lang): ind.frequency_why(lang) if ind.frequency_why else "",
        }
        for ind in catalogue().indicators
        if ind.id in visible_ids()
    ]
    return pd.DataFrame(rows)


def calibration_study(lang: str) -> pd.DataFrame | None:
    """The calibration study's table from its stored result; None when it was never written."""
    result = calibration.load_study()
    return None if result is None else calibration.study_table(result, lang)
