"""The bias of provisional values, estimated from their source's revision history.

A provisional value that was later made final says how far off provisional values of
that source and indicator tend to be. From every such pair in the store's history (old
flags with 'p', new flags without) the bias is the mean of log(provisional / final),
with its standard error and the number of pairs: −0.08 means provisional values
come in about 8% low. A comparison divides the provisional values of a series by
exp(bias) and takes the standard error as the uncertainty of the bias that all of
them share (`indicators.analysis.means`).

With fewer than `MIN_REVISIONS` such pairs there is no estimate: nothing is
corrected, and the prior shared-bias variance (`means.PROVISIONAL_BIAS_SD`) stays.

The history is read through the store layer's `vintages()` and
`revisions(old, new, indicator_id)` (reader and writer alike), consecutive vintages
pairwise, so that each provisional value made final is counted once.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol, TypedDict

import numpy as np
import pandas as pd

# Fewer provisional values made final than this: no estimate (a standard error from
# two differences says little).
MIN_REVISIONS = 3
REVISION_COLUMNS = ["indicator_id", "source_id", "old_value", "new_value", "old_flags", "new_flags"]


@dataclass(frozen=True)
class ProvisionalBias:
    """Mean log(provisional / final) of one source's indicator, its standard error, count."""

    bias: float
    se: float
    count: int

    @property
    def factor(self) -> float:
        """What a provisional value is, as a multiple of its final value."""
        return math.exp(self.bias)


class RevisionHistory(Protocol):
    """What the store layer offers for this: `Store` and `StoreWriter` both do."""

    def vintages(self) -> list[dt.date]: ...

    def revisions(
        self, old: dt.date, new: dt.date | None = None, indicator_id: str | None = None
    ) -> pd.DataFrame: ...


def estimate_bias(revisions: pd.DataFrame) -> ProvisionalBias | None:
    """The bias of the provisional values in `revisions` that were made final, or None.

    `revisions`: rows as `revisions()` returns them (old/new value and flags).
    """
    made_final = revisions[
        revisions["old_flags"].fillna("").str.contains("p", regex=False)
        & ~revisions["new_flags"].fillna("").str.contains("p", regex=False)
    ]
    old = made_final["old_value"].to_numpy(dtype=float)
    new = made_final["new_value"].to_numpy(dtype=float)
    # A log ratio needs two positive values; a zero revised to a zero says nothing.
    usable = np.isfinite(old) & np.isfinite(new) & (old > 0) & (new > 0)
    ratios = np.log(old[usable] / new[usable])
    if len(ratios) < MIN_REVISIONS:
        return None
    se = float(np.std(ratios, ddof=1) / math.sqrt(len(ratios)))
    return ProvisionalBias(float(ratios.mean()), se, len(ratios))


def bias_by_source(revisions: pd.DataFrame) -> dict[tuple[str, str], ProvisionalBias]:
    """Per (indicator_id, source_id): the estimate, where there is one."""
    out = {}
    for key, part in revisions.groupby(["indicator_id", "source_id"], sort=True):
        found = estimate_bias(part)
        if found is not None:
            out[(str(key[0]), str(key[1]))] = found
    return out


def revision_history(
    store: RevisionHistory, indicator_id: str | None = None, as_of: dt.date | None = None
) -> pd.DataFrame:
    """Every change between consecutive vintages (of one indicator, or all), up to `as_of`."""
    vintages = [v for v in store.vintages() if as_of is None or v <= as_of]
    parts = [store.revisions(old, new, indicator_id) for old, new in pairwise(vintages)]
    parts = [p[REVISION_COLUMNS] for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=REVISION_COLUMNS)


def series_bias(
    estimates: dict[tuple[str, str], ProvisionalBias],
    indicator_id: str,
    observations: pd.DataFrame,
) -> ProvisionalBias | None:
    """The estimate for one series' provisional values (`observations`: its latest values).

    None when they come from no source with an estimate, or from several sources
    (one shared correction would be wrong for some of them).
    """
    if "source_id" not in observations:
        return None
    flags = observations["flags"].fillna("").astype(str)
    sources = set(observations.loc[flags.str.contains("p", regex=False), "source_id"])
    if len(sources) != 1:
        return None
    return estimates.get((indicator_id, str(next(iter(sources)))))


class BiasFields(TypedDict):
    """A comparison's fields for the estimate it used."""

    provisional_bias: float | None
    provisional_bias_se: float | None
    provisional_revisions: int


def bias_fields(bias: ProvisionalBias | None) -> BiasFields:
    """The comparison's fields for an estimate (None, None, 0: no estimate, the prior applies)."""
    if bias is None:
        return {"provisional_bias": None, "provisional_bias_se": None, "provisional_revisions": 0}
    return {
        "provisional_bias": bias.bias,
        "provisional_bias_se": bias.se,
        "provisional_revisions": bias.count,
    }
