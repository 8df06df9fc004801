"""What a comparison returns: the change, each robustness method's result, the whole.

Their own module so that the wording (statements) and the arithmetic (comparison)
both use the types without importing each other.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np

from indicators.analysis import methods as panel
from indicators.analysis.change import Spread, Units
from indicators.analysis.quality import EvidenceQuality
from indicators.analysis.windows import Window


@dataclass(frozen=True, kw_only=True)
class Change:
    """A change from window A to B: absolute (series' units), percent of A, and intervals."""

    estimate: float
    estimate_pct: float | None
    low80: float
    high80: float
    low95: float
    high95: float
    low80_pct: float | None
    high80_pct: float | None
    low95_pct: float | None
    high95_pct: float | None
    probability_increase: float

    @staticmethod
    def fields_from(spread: Spread, units: Units) -> dict[str, Any]:
        """The field values for a model-scale spread, converted with `units`."""
        bounds = ("estimate", "low80", "high80", "low95", "high95")
        out: dict[str, Any] = {k: units.absolute(getattr(spread, k)) for k in bounds}
        out |= {f"{k}_pct": units.percent(getattr(spread, k)) for k in bounds}
        return out | {"probability_increase": spread.probability_increase}


CHANGE_FIELDS = tuple(f.name for f in dataclasses.fields(Change))


@dataclass(frozen=True, kw_only=True)
class MethodResult(Change):
    """One method of the robustness panel."""

    name: str
    label_en: str
    label_nl: str
    # Only for `relative_to_comparison` (see `methods.ComparisonChecks`): the
    # cross-country placebos and the pre-period fit check, the gap in the series' units.
    placebo_units: int | None = None
    placebo_as_large: int | None = None
    pre_gap: float | None = None
    pre_gap_pct: float | None = None
    pre_fit: bool | None = None
    pre_placebos: int | None = None

    @classmethod
    def from_spread(cls, name: str, spread: Spread, units: Units) -> MethodResult:
        labels = panel.LABELS[name]
        fields = Change.fields_from(spread, units)
        return cls(name=name, label_en=labels["en"], label_nl=labels["nl"], **fields)

    def to_dict(self) -> dict:
        return _clean_dict(dataclasses.asdict(self))


@dataclass(frozen=True, kw_only=True)
class Comparison(Change):
    """Window B against window A: the headline change, the panel, the words."""

    a: Window
    b: Window
    scale: str
    value_kind: str | None
    trend_method: str
    level_a: float
    level_b: float
    n_a: int
    n_b: int
    likelihood: str
    likelihood_nl: str
    methods: tuple[MethodResult, ...]
    methods_agree: bool
    smallest_detectable_change: float
    smallest_detectable_change_pct: float | None
    quality: EvidenceQuality
    verdict: str = ""
    sentence_nl: str = ""
    sentence_en: str = ""
    # Added by issue 13 (the fields above keep their names and meaning).
    compared_quantity: str = "arithmetic_mean"
    margin: float = float("nan")
    margin_pct: float | None = None
    probability_above_margin: float = float("nan")
    probability_below_margin: float = float("nan")
    probability_no_change: float = float("nan")
    noise_phi: float = 0.0
    headline_method: str = ""
    headline_df: float = float("nan")
    comparison_note: str | None = None
    # The provisional values' bias from the source's revision history (mean
    # log(provisional / final)), its standard error and the number of values made final
    # it rests on; None and 0: no estimate, nothing corrected, the prior bias term used.
    provisional_bias: float | None = None
    provisional_bias_se: float | None = None
    provisional_revisions: int = 0

    def to_dict(self) -> dict:
        """Plain JSON-ready values; windows as labels and ISO dates."""
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        out["a"], out["b"] = _window_dict(self.a), _window_dict(self.b)
        out["methods"] = [m.to_dict() for m in self.methods]
        out["quality"] = self.quality.to_dict()
        return _clean_dict(out)


def _window_dict(w: Window) -> dict:
    return {
        "label": w.label,
        "start": w.start.date().isoformat(),
        "end": w.end.date().isoformat() if w.end is not None else None,
    }


def _clean_dict(values: dict) -> dict:
    return {k: _clean(v) for k, v in values.items()}


def _clean(value: object) -> object:
    """NaN/inf become None and numpy scalars plain Python, so the dict is valid JSON."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value
