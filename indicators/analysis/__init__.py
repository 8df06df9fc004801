"""Trends and period comparisons with calibrated uncertainty: pure functions, typed results.

For scripts and notebooks::

    from indicators.analysis import estimate_trend, compare_periods
    trend = estimate_trend(series)        # pandas Series indexed by period start
    result = compare_periods(series, "2016-2021", "2022-2025", comparison=frame)
    result.to_dict()                      # the JSON of `partnership-monitor compare`

`compare_from_store` compares any two windows of a stored series without fitting.
Too short a series raises `InsufficientDataError` ("too few data points").
"""

from indicators.analysis.comparison import compare_periods, compare_trend
from indicators.analysis.likelihood import SCALE, Likelihood, likelihood
from indicators.analysis.quality import EvidenceQuality
from indicators.analysis.results import Comparison, MethodResult
from indicators.analysis.statements import CAUSAL_WORDS, find_causal_language
from indicators.analysis.stored import compare_from_store, trend_from_store
from indicators.analysis.trend import TrendResult, estimate_trend
from indicators.analysis.windows import Window, parse_window
from indicators.errors import InsufficientDataError

__all__ = [
    "CAUSAL_WORDS",
    "SCALE",
    "Comparison",
    "EvidenceQuality",
    "InsufficientDataError",
    "Likelihood",
    "MethodResult",
    "TrendResult",
    "Window",
    "compare_from_store",
    "compare_periods",
    "compare_trend",
    "estimate_trend",
    "find_causal_language",
    "likelihood",
    "parse_window",
    "trend_from_store",
]
