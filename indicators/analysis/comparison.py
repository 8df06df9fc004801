"""Compare two windows of a series: the change, how sure we are, and in words.

`compare_periods(series, a, b, comparison=None)` fits the trend model and compares;
`compare_trend(trend, a, b, ...)` compares an already fitted (or stored) trend, with
arithmetic only. Both return a `Comparison`:

- the headline change (absolute and percent) between the seasonally adjusted means
  of the windows, with 80% and 95% intervals from the fitted noise model (AR(1)
  noise widens them, as autocorrelation must);
- `probability_increase` and its term from the one likelihood scale;
- the robustness panel (`methods`, see `indicators.analysis.methods`) and
  `methods_agree`: True when all their 95% intervals share at least one value;
- the smallest detectable change for these windows, the evidence quality, and
  calibrated sentences in Dutch and English.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from indicators.analysis import methods as panel
from indicators.analysis.change import Spread, Units
from indicators.analysis.detectable import smallest_detectable_change
from indicators.analysis.likelihood import likelihood
from indicators.analysis.quality import EvidenceQuality, assess_quality
from indicators.analysis.series import PERIOD_FREQ, to_model_scale
from indicators.analysis.statements import describe, verdict
from indicators.analysis.trend import TrendResult, estimate_trend
from indicators.analysis.windows import Window, WindowSpec, parse_window
from indicators.errors import InsufficientDataError

Text = str | Mapping[str, str]


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

    def to_dict(self) -> dict:
        """Plain JSON-ready values; windows as labels and ISO dates."""
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        out["a"], out["b"] = _window_dict(self.a), _window_dict(self.b)
        out["methods"] = [m.to_dict() for m in self.methods]
        out["quality"] = self.quality.to_dict()
        return _clean_dict(out)


def compare_periods(
    series: pd.Series | pd.DataFrame,
    a: WindowSpec,
    b: WindowSpec,
    comparison: pd.DataFrame | None = None,
    *,
    frequency: str | None = None,
    value_kind: str | None = None,
    scale: str = "auto",
    subject: Text | None = None,
) -> Comparison:
    """Fit the trend of `series` and compare window `b` with window `a`.

    `series`: values indexed by period start (or an observations frame with bounds
    and flags). `comparison`: comparison-country series, either wide (index period
    start, one column per country) or long (country_iso3, period_start, value).
    Raises InsufficientDataError when a window has no values or the series is too short.
    """
    trend = estimate_trend(series, frequency=frequency, value_kind=value_kind, scale=scale)
    return compare_trend(trend, a, b, comparison, subject=subject)


def compare_trend(
    trend: TrendResult,
    a: WindowSpec,
    b: WindowSpec,
    comparison: pd.DataFrame | None = None,
    *,
    subject: Text | None = None,
    events: Sequence[Text] = (),
) -> Comparison:
    """Compare two windows of a fitted trend: arithmetic only, no model fitting.

    `subject` (what the sentences are about) and `events` (what window B coincided
    with) are plain strings or {"nl": ..., "en": ...} mappings.
    """
    wa, wb = parse_window(a), parse_window(b)
    window_a, window_b = wa.mask(trend.periods), wb.mask(trend.periods)
    observed = trend.data.observed
    in_a, in_b = window_a & observed, window_b & observed
    for window, inside in ((wa, in_a), (wb, in_b)):
        if not inside.any():
            raise InsufficientDataError(f"too few data points: no values in {window.label}")
    headline = panel.adjusted_means(trend, in_a, in_b)
    units = Units(trend.scale, headline.reference)
    results = _panel(trend, headline.spread, units, window_a, window_b, in_a, in_b, comparison)
    detectable = smallest_detectable_change(headline.sd, headline.df)
    top = results[0]
    step = likelihood(top.probability_increase)
    headline_fields = {k: getattr(top, k) for k in CHANGE_FIELDS}
    result = Comparison(
        a=wa,
        b=wb,
        scale=trend.scale,
        value_kind=trend.data.value_kind,
        trend_method=trend.method,
        level_a=units.reference_level,
        level_b=_level(headline.reference + headline.spread.estimate, trend.scale),
        n_a=int(in_a.sum()),
        n_b=int(in_b.sum()),
        **headline_fields,
        likelihood=step.en,
        likelihood_nl=step.nl,
        methods=tuple(results),
        methods_agree=methods_agree(results),
        smallest_detectable_change=units.absolute(detectable),
        smallest_detectable_change_pct=units.percent(detectable),
        quality=assess_quality(observed, trend.data.flags, window_a | window_b),
    )
    result = dataclasses.replace(result, verdict=verdict(result))
    sentences = {
        lang: describe(
            result, lang, subject=_in(subject, lang), events=[_in(e, lang) or "" for e in events]
        )
        for lang in ("nl", "en")
    }
    return dataclasses.replace(result, sentence_nl=sentences["nl"], sentence_en=sentences["en"])


def _in(text: Text | None, lang: str) -> str | None:
    return text if text is None or isinstance(text, str) else text[lang]


def methods_agree(results: Sequence[MethodResult]) -> bool:
    """True when every method's 95% interval shares at least one value with all others."""
    return max(m.low95 for m in results) <= min(m.high95 for m in results)


def _panel(
    trend: TrendResult,
    headline: Spread,
    units: Units,
    window_a: np.ndarray,
    window_b: np.ndarray,
    in_a: np.ndarray,
    in_b: np.ndarray,
    comparison: pd.DataFrame | None,
) -> list[MethodResult]:
    values = trend.model_value
    out = [MethodResult.from_spread("adjusted_means", headline, units)]
    means = panel.period_means(values, in_a, in_b)
    if means is not None:
        out.append(
            MethodResult.from_spread(
                "period_means", means, Units(trend.scale, float(values[in_a].mean()))
            )
        )
    ends, end_level = panel.trend_ends(trend, window_a, window_b)
    out.append(MethodResult.from_spread("trend_ends", ends, Units(trend.scale, end_level)))
    others = comparison_matrix(comparison, trend)
    if others is not None:
        did = panel.relative_to_comparison(values, others, in_a, in_b, trend.scale)
        if did is not None:
            out.append(
                MethodResult.from_spread(
                    "relative_to_comparison", did[0], Units(trend.scale, did[1])
                )
            )
    return out


def comparison_matrix(comparison: pd.DataFrame | None, trend: TrendResult) -> np.ndarray | None:
    """Comparison countries' values on the target's grid and model scale (rows: countries)."""
    if comparison is None or len(comparison) == 0:
        return None
    wide = comparison
    if {"country_iso3", "period_start", "value"} <= set(comparison.columns):
        wide = comparison.pivot_table(
            index="period_start", columns="country_iso3", values="value", aggfunc="last"
        )
    index = pd.DatetimeIndex(pd.to_datetime(wide.index)).to_period(PERIOD_FREQ[trend.frequency])
    grid = trend.periods.to_period(PERIOD_FREQ[trend.frequency])
    aligned = (
        pd.DataFrame(wide.to_numpy(dtype=float), index=index).groupby(level=0).last().reindex(grid)
    )
    matrix = to_model_scale(aligned.to_numpy(dtype=float).T, trend.scale)  # type: ignore[arg-type]
    return matrix if np.isfinite(matrix).any() else None


def _level(model_value: float, scale: str) -> float:
    return float(np.exp(model_value)) if scale == "log" else model_value


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
