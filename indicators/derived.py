"""Derived results that must follow the observations they come from.

Every write path (a build, an import) ends by calling `refresh_derived` inside its
store transaction, so derived tables (trend fits, default comparisons) are refreshed
in the same atomic swap as the data: a reader never sees new data with old trends.
"""

from __future__ import annotations

from indicators.analysis.precompute import precompute
from indicators.store import StoreWriter
from indicators.store.writer import SeriesKey


def refresh_derived(writer: StoreWriter, changed: set[SeriesKey] | None = None) -> None:
    """Refit the series whose observations changed (`changed`: their keys, None for
    every series) and rewrite their trends, models and summaries."""
    precompute(writer, changed)
