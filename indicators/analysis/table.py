"""Comparisons as tables: the rows behind the forest plot and the robustness panel.

`comparison_record` flattens one `Comparison` into plain columns (one row of the
table a user downloads); `methods_frame` lists the robustness panel's methods side by
side. Both are pure: the page and the exports get the same columns.
"""

from __future__ import annotations

import pandas as pd

from indicators.analysis.direction import Wording, worded_change
from indicators.analysis.results import Comparison
from indicators.analysis.statements import verdict

# Interval columns, in the series' units and in percent of window A's level.
CHANGE_COLUMNS = [
    "estimate",
    "low80",
    "high80",
    "low95",
    "high95",
    "estimate_pct",
    "low80_pct",
    "high80_pct",
    "low95_pct",
    "high95_pct",
]
RECORD_COLUMNS = [
    "window_a",
    "window_b",
    "n_a",
    "n_b",
    "level_a",
    "level_b",
    *CHANGE_COLUMNS,
    "probability_increase",
    "margin",
    "probability_above_margin",
    "probability_below_margin",
    "likelihood",
    "verdict",
    "methods_agree",
    "n_methods",
    "smallest_detectable_change",
    "smallest_detectable_change_pct",
    "evidence_quality",
    "scale",
    "trend_method",
    "sentence",
]


def comparison_record(c: Comparison, lang: str) -> dict:
    """One comparison as a flat row with RECORD_COLUMNS (words in `lang`)."""
    return {
        "window_a": c.a.label,
        "window_b": c.b.label,
        "n_a": c.n_a,
        "n_b": c.n_b,
        "level_a": c.level_a,
        "level_b": c.level_b,
        **{k: getattr(c, k) for k in CHANGE_COLUMNS},
        "probability_increase": c.probability_increase,
        "margin": c.margin,
        "probability_above_margin": c.probability_above_margin,
        "probability_below_margin": c.probability_below_margin,
        "likelihood": c.likelihood_nl if lang == "nl" else c.likelihood,
        "verdict": c.verdict,
        "methods_agree": c.methods_agree,
        "n_methods": len(c.methods),
        "smallest_detectable_change": c.smallest_detectable_change,
        "smallest_detectable_change_pct": c.smallest_detectable_change_pct,
        "evidence_quality": c.quality.words(lang),
        "scale": c.scale,
        "trend_method": c.trend_method,
        "sentence": c.sentence_nl if lang == "nl" else c.sentence_en,
    }


def methods_frame(c: Comparison, lang: str) -> pd.DataFrame:
    """The robustness panel: one row per method, the headline method first.

    `within_all` says whether the method's 95% interval overlaps every other
    method's (the panel agrees when it does for all of them).
    """
    rows = []
    for m in c.methods:
        others = [o for o in c.methods if o is not m]
        rows.append(
            {
                "method": m.name,
                "label": m.label_nl if lang == "nl" else m.label_en,
                **{k: getattr(m, k) for k in CHANGE_COLUMNS},
                "probability_increase": m.probability_increase,
                # The method's own change, worded as the headline is: beyond the margin.
                "likelihood": _worded(c, m).term.words(lang),
                "verdict": verdict(m),
                "within_all": all(m.low95 <= o.high95 and o.low95 <= m.high95 for o in others),
            }
        )
    return pd.DataFrame(rows)


def _worded(c: Comparison, m: object) -> Wording:
    fields = {k: getattr(m, k) for k in CHANGE_COLUMNS}
    row = fields | {"verdict": verdict(m), "level_a": c.level_a, "value_kind": c.value_kind}  # type: ignore[arg-type]
    return worded_change(row, margin=c.margin)
