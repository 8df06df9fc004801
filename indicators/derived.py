"""Derived results that must follow the observations they come from.

Every write path (a build, an import) ends by calling `refresh_derived` inside its
store transaction, so derived tables (trend fits, computed ratios) are refreshed in
the same atomic swap as the data: a reader never sees new data with old trends.

A deriver is `fn(writer, changed)` where `changed` is the set of series keys
(indicator_id, country_iso3, reporter) whose observations changed, or None for
"everything" (a full build). Modules register theirs with `@deriver`.
"""

from __future__ import annotations

from collections.abc import Callable

from indicators.store import StoreWriter

SeriesKey = tuple[str, str, str]
Deriver = Callable[[StoreWriter, "set[SeriesKey] | None"], None]
_DERIVERS: list[Deriver] = []


def deriver(fn: Deriver) -> Deriver:
    """Register a function to run after every change of observations."""
    _DERIVERS.append(fn)
    return fn


def refresh_derived(writer: StoreWriter, changed: set[SeriesKey] | None = None) -> None:
    """Run every registered deriver, in registration order."""
    for fn in _DERIVERS:
        fn(writer, changed)


# Registers the trend fits and default comparisons (indicators.analysis.precompute);
# imported here so that every write path that refreshes derived results runs it.
import indicators.analysis.precompute  # noqa: E402, F401
