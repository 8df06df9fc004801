"""Compare two windows of a series: the change, how sure we are, and in words.

`compare_periods(series, a, b, comparison=None)` fits the trend model and compares;
`compare_trend(trend, a, b, ...)` compares an already fitted (or stored) trend, with
arithmetic only. Both return a `Comparison`:

- the headline change (absolute and percent) between the window means of the
  compared quantity fixed for the indicator (arithmetic mean by default; see
  `indicators.analysis.means`), with 80% and 95% intervals calibrated under
  persistent noise, heavy tails, small counts, short annual series, gaps and
  possibly biased provisional values;
- `probability_increase`: P(change > 0) from the interval's own distribution (a
  flat prior, the meaning it always had), and beside it the probabilities that are
  put into words: `probability_above_margin` = P(change > +m),
  `probability_below_margin` = P(change < −m) and `probability_no_change`, under a
  sceptical prior (`indicators.analysis.sceptical`), m = `margin` (the indicator's
  `margin_pct` of window A's level); `likelihood` is the term of the worded one
  (`indicators.analysis.direction.worded_change`);
- the robustness panel (`methods`, see `indicators.analysis.methods`) and
  `methods_agree`, defined on verdicts: False only when two methods that estimate
  the headline's quantity find opposite directions;
- the smallest detectable change for these windows, the evidence quality, and
  calibrated sentences in Dutch and English;
- `provisional_bias`, `provisional_bias_se`, `provisional_revisions`: the bias of
  provisional values that the headline corrected by, from the source's revision
  history (`indicators.analysis.provisional`); None and 0 when there was none to use.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.analysis import methods as panel
from indicators.analysis.change import Spread, Units
from indicators.analysis.detectable import count_growth, smallest_detectable_change
from indicators.analysis.direction import DEFAULT_MARGIN_PCT, Z975, worded_change
from indicators.analysis.means import WindowMeans, window_means
from indicators.analysis.provisional import ProvisionalBias, bias_fields
from indicators.analysis.quality import assess_quality
from indicators.analysis.results import CHANGE_FIELDS, Change, Comparison, MethodResult
from indicators.analysis.sceptical import (
    ChangeProbabilities,
    sceptical_mixture,
    sceptical_probabilities,
)
from indicators.analysis.series import PERIOD_FREQ, SeriesData, as_series_data, to_model_scale
from indicators.analysis.statements import describe, verdict
from indicators.analysis.student import t_ppf
from indicators.analysis.trend import TrendResult, estimate_trend
from indicators.analysis.windows import Window, WindowSpec, parse_window
from indicators.errors import InsufficientDataError

Text = str | Mapping[str, str]
# The scale each compared quantity is a difference on.
COMPARED_SCALES = {"arithmetic_mean": "linear", "geometric_mean": "log"}


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
    margin_pct: float = DEFAULT_MARGIN_PCT,
    compared_quantity: str = "arithmetic_mean",
    provisional_bias: ProvisionalBias | None = None,
) -> Comparison:
    """Fit the trend of `series` and compare window `b` with window `a`.

    `series`: values indexed by period start (or an observations frame with bounds
    and flags). `comparison`: comparison-country series, either wide (index period
    start, one column per country) or long (country_iso3, period_start, value).
    `provisional_bias`: the source's estimate from its revision history
    (`indicators.analysis.provisional`); None: the prior bias term.
    Raises InsufficientDataError when a window has no values or the series is too short.
    """
    trend = estimate_trend(series, frequency=frequency, value_kind=value_kind, scale=scale)
    return compare_trend(
        trend,
        a,
        b,
        comparison,
        subject=subject,
        margin_pct=margin_pct,
        compared_quantity=compared_quantity,
        provisional_bias=provisional_bias,
    )


def compare_trend(
    trend: TrendResult,
    a: WindowSpec,
    b: WindowSpec,
    comparison: pd.DataFrame | None = None,
    *,
    subject: Text | None = None,
    events: Sequence[Text] = (),
    margin_pct: float = DEFAULT_MARGIN_PCT,
    compared_quantity: str = "arithmetic_mean",
    provisional_bias: ProvisionalBias | None = None,
) -> Comparison:
    """Compare two windows of a fitted trend: arithmetic only, no model fitting.

    `subject` (what the sentences are about) and `events` (what window B coincided
    with) are plain strings or {"nl": ..., "en": ...} mappings.
    """
    wa, wb = parse_window(a), parse_window(b)
    window_a, window_b = wa.mask(trend.periods), wb.mask(trend.periods)
    h = headline_change(trend.data, wa, wb, margin_pct, compared_quantity, provisional_bias)
    observed = trend.data.observed
    results, note = _panel(
        trend, h.spread, h.units, h.means, window_a, window_b, h.in_a, h.in_b, comparison
    )
    means, units, scale, probs, detectable = h.means, h.units, h.scale, h.probs, h.detectable
    in_a, in_b = h.in_a, h.in_b
    top = results[0]
    level_a = units.reference_level
    margin = h.margin
    headline_fields = {k: getattr(top, k) for k in CHANGE_FIELDS}
    result = Comparison(
        a=wa,
        b=wb,
        scale=scale,
        value_kind=trend.data.value_kind,
        trend_method=trend.method,
        level_a=level_a,
        level_b=_level(means.mean_b, scale),
        n_a=int(in_a.sum()),
        n_b=int(in_b.sum()),
        **headline_fields,
        likelihood="",
        likelihood_nl="",
        methods=tuple(results),
        methods_agree=methods_agree(results),
        smallest_detectable_change=units.absolute(detectable),
        smallest_detectable_change_pct=units.percent(detectable),
        quality=assess_quality(observed, trend.data.flags, window_a | window_b),
        compared_quantity=compared_quantity,
        margin=margin,
        margin_pct=margin_pct if level_a != 0 else None,
        probability_above_margin=probs.above,
        probability_below_margin=probs.below,
        probability_no_change=probs.no_change,
        noise_phi=means.phi,
        headline_method=means.method,
        headline_df=means.df,
        comparison_note=note,
        **bias_fields(provisional_bias),
    )
    result = dataclasses.replace(result, verdict=verdict(result))
    wording = worded_change(result)
    result = dataclasses.replace(result, likelihood=wording.term.en, likelihood_nl=wording.term.nl)
    sentences = {
        lang: describe(
            result, lang, subject=_in(subject, lang), events=[_in(e, lang) or "" for e in events]
        )
        for lang in ("nl", "en")
    }
    return dataclasses.replace(result, sentence_nl=sentences["nl"], sentence_en=sentences["en"])


@dataclass(frozen=True, eq=False)
class HeadlineChange:
    """The headline change of two windows and what is needed to word it."""

    means: WindowMeans
    spread: Spread
    units: Units
    scale: str
    probs: ChangeProbabilities
    detectable: float  # on the compared scale
    margin: float  # in the series' units
    in_a: np.ndarray
    in_b: np.ndarray


def headline_change(
    data: SeriesData,
    wa: Window,
    wb: Window,
    margin_pct: float = DEFAULT_MARGIN_PCT,
    compared_quantity: str = "arithmetic_mean",
    provisional_bias: ProvisionalBias | None = None,
) -> HeadlineChange:
    """Window B's mean against window A's: the part of a comparison that needs no trend."""
    if compared_quantity not in COMPARED_SCALES:
        raise ValueError(f"compared_quantity must be one of {sorted(COMPARED_SCALES)}")
    in_a, in_b = wa.mask(data.periods) & data.observed, wb.mask(data.periods) & data.observed
    for window, inside in ((wa, in_a), (wb, in_b)):
        if not inside.any():
            raise InsufficientDataError(f"too few data points: no values in {window.label}")
    scale = COMPARED_SCALES[compared_quantity]
    values = to_model_scale(data.value, scale)  # type: ignore[arg-type]
    in_a, in_b = in_a & np.isfinite(values), in_b & np.isfinite(values)
    if not (in_a.any() and in_b.any()):
        raise InsufficientDataError("too few data points: no positive values for a geometric mean")
    counts = data.value_kind == "count" and scale == "linear"
    means = window_means(
        values,
        in_a,
        in_b,
        frequency=data.frequency,
        provisional=data.provisional,
        counts=counts,
        provisional_bias=provisional_bias,
        log_scale=scale == "log",
    )
    spread = means.spread()
    units = Units(scale, means.mean_a)
    sd = (spread.high95 - spread.low95) / (2 * t_ppf(0.975, means.df))
    margin = abs(units.reference_level) * margin_pct / 100
    probs = _sceptical(means, spread, units, margin)
    # At a rise of δ a count's window B is noisier: its variance follows its level.
    growth = (
        count_growth(means.mean_a, means.mean_b, means.var_a, means.var_b, means.cov_ab)
        if counts
        else None
    )
    detectable = smallest_detectable_change(sd, means.df, growth=growth)
    return HeadlineChange(means, spread, units, scale, probs, detectable, margin, in_a, in_b)


def _sceptical(
    means: WindowMeans, spread: Spread, units: Units, margin: float
) -> ChangeProbabilities:
    """The sceptical probabilities in the series' units.

    On the linear scale from the headline's own sampling distribution (the mixture over
    φ, Student t for the estimated variance); on the log scale, where a margin is not
    symmetric, from the reported interval read as normal (what `worded_change`
    recomputes for a stored row without its probabilities).
    """
    if units.scale == "linear":
        parts = means.mixture or ((1.0, means.sd**2),)
        return sceptical_mixture(
            spread.estimate, [(w, float(np.sqrt(max(v, 0.0)))) for w, v in parts], margin, means.df
        )
    low, high = units.absolute(spread.low95), units.absolute(spread.high95)
    return sceptical_probabilities(
        units.absolute(spread.estimate), (high - low) / (2 * Z975), margin
    )


@dataclass(frozen=True)
class HeadlineSummary:
    """The headline of a comparison without the panel: what the calibration study checks."""

    estimate: float
    low80: float
    high80: float
    low95: float
    high95: float
    probability_above_margin: float
    probability_below_margin: float
    verdict: str
    term_low: float  # lower bound (%) of the worded probability's step of the scale
    smallest_detectable_change: float


def headline_only(
    series: pd.Series | pd.DataFrame,
    a: WindowSpec,
    b: WindowSpec,
    *,
    frequency: str | None = None,
    value_kind: str | None = None,
    margin_pct: float = DEFAULT_MARGIN_PCT,
    compared_quantity: str = "arithmetic_mean",
    provisional_bias: ProvisionalBias | None = None,
) -> HeadlineSummary:
    """The headline numbers and worded term of `compare_periods`, without fitting a trend.

    The same functions compute them, so they equal `compare_periods`' headline fields;
    fast enough for simulation studies of thousands of series.
    """
    data = as_series_data(series, frequency=frequency, value_kind=value_kind)
    h = headline_change(
        data, parse_window(a), parse_window(b), margin_pct, compared_quantity, provisional_bias
    )
    fields = Change.fields_from(h.spread, h.units)
    row = fields | {
        "margin": h.margin,
        "margin_pct": margin_pct,
        "level_a": h.units.reference_level,
        "probability_above_margin": h.probs.above,
        "probability_below_margin": h.probs.below,
        "value_kind": value_kind,
    }
    row["verdict"] = verdict(_Row(row))  # type: ignore[arg-type]  # duck-typed Change
    wording = worded_change(row)
    return HeadlineSummary(
        fields["estimate"],
        fields["low80"],
        fields["high80"],
        fields["low95"],
        fields["high95"],
        h.probs.above,
        h.probs.below,
        row["verdict"],
        wording.term.low,
        h.units.absolute(h.detectable),
    )


class _Row:
    """Attribute access to a dict, for `verdict`."""

    def __init__(self, values: dict) -> None:
        self.__dict__.update(values)


def _in(text: Text | None, lang: str) -> str | None:
    return text if text is None or isinstance(text, str) else text[lang]


def methods_agree(results: Sequence[MethodResult]) -> bool:
    """False only when two methods estimating the headline's quantity point opposite ways.

    Agreement is on verdicts, not on overlapping intervals: every method of the panel
    is calibrated for the same quantity, so two of them finding a rise and a fall is
    a real disagreement, while one finding a rise and another no detectable change
    is what calibrated methods of different power do. The change relative to
    comparison countries is a different quantity and is not part of the vote.
    """
    signs = {
        1 if m.low95 > 0 else -1 if m.high95 < 0 else 0
        for m in results
        if m.name in panel.SAME_QUANTITY
    }
    return not {1, -1} <= signs


def _panel(
    trend: TrendResult,
    headline: Spread,
    units: Units,
    means: WindowMeans,
    window_a: np.ndarray,
    window_b: np.ndarray,
    in_a: np.ndarray,
    in_b: np.ndarray,
    comparison: pd.DataFrame | None,
) -> tuple[list[MethodResult], str | None]:
    """The panel's methods (the headline first) and a note when comparison is not possible."""
    values = to_model_scale(trend.data.value, units.scale)  # type: ignore[arg-type]
    out = [MethodResult.from_spread("adjusted_means", headline, units)]
    block = panel.period_means(values, in_a, in_b, means.phi)
    if block is not None:
        out.append(MethodResult.from_spread("period_means", block, units))
    smooth = panel.trend_means(trend, window_a, window_b, units.scale)
    if smooth is not None:
        out.append(MethodResult.from_spread("trend_means", smooth, units))
    note = None
    others = comparison_matrix(comparison, trend)
    if others is not None:
        did = panel.relative_to_comparison(
            to_model_scale(trend.data.value, trend.scale), others, in_a, in_b, trend.scale
        )
        if did is None:
            note = "too_few_placebos"
        else:
            did_units = Units(trend.scale, did[1])
            method = MethodResult.from_spread("relative_to_comparison", did[0], did_units)
            checks = panel.comparison_checks(
                to_model_scale(trend.data.value, trend.scale),
                others,
                window_a,
                window_b,
                trend.scale,
            )
            if checks is not None:
                method = dataclasses.replace(
                    method,
                    placebo_units=checks.placebo_units,
                    placebo_as_large=checks.placebo_as_large,
                    pre_gap=did_units.absolute(checks.pre_gap),
                    pre_gap_pct=did_units.percent(checks.pre_gap),
                    pre_fit=checks.pre_fit,
                    pre_placebos=checks.pre_placebos,
                )
            out.append(method)
    return out, note


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
