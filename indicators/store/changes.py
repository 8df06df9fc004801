"""What an import would change: each incoming row against what the store knew.

Shared by the read-only handle (for `--dry-run`) and the writer (inside the
transaction that applies the import), so both answer with the same SQL.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from indicators.store.queries import LATEST

# new: no value for the key at or before the import's vintage; unchanged: the same
# value, range and flags; superseded: a different value stored at this very vintage
# by an earlier import (a corrected file the same day: the new import supersedes it,
# and the imports table records which import it superseded); revised: a different
# value known at an earlier vintage. A contradiction within one import (one key
# twice) never gets here: indicators.observations refuses it.
_CLASSIFY = f"""
    SELECT CASE
        WHEN k.indicator_id IS NULL THEN 'new'
        WHEN k.value IS NOT DISTINCT FROM i.value AND k.lower IS NOT DISTINCT FROM i.lower
             AND k.upper IS NOT DISTINCT FROM i.upper AND k.flags = i.flags
             AND k.period_end = CAST(i.period_end AS DATE) THEN 'unchanged'
        WHEN k.vintage = CAST(i.vintage AS DATE) THEN 'superseded'
        ELSE 'revised' END AS change,
        k.value AS previous_value, k.vintage AS previous_vintage,
        k.import_id AS previous_import
    FROM incoming_rows i
    LEFT JOIN ({LATEST}) k
      ON k.indicator_id = i.indicator_id AND k.country_iso3 = i.country_iso3
     AND k.reporter = i.reporter AND k.period_start = CAST(i.period_start AS DATE)
     AND k.source_id = i.source_id
    ORDER BY i._position
"""  # noqa: S608 - constant SQL

# Values that differ between what was known on two dates (or that appeared).
_REVISIONS = f"""
    SELECT n.indicator_id, n.country_iso3, n.reporter, n.period_start, n.source_id,
           o.value AS old_value, n.value AS new_value, o.flags AS old_flags,
           n.flags AS new_flags, o.vintage AS old_vintage, n.vintage AS new_vintage,
           n.import_id
    FROM ({LATEST}) n
    LEFT JOIN ({LATEST}) o
      USING (indicator_id, country_iso3, reporter, period_start, source_id)
    WHERE n.vintage > ? AND (? IS NULL OR n.indicator_id = ?)
      AND (o.indicator_id IS NULL OR o.value IS DISTINCT FROM n.value
           OR o.flags <> n.flags OR o.lower IS DISTINCT FROM n.lower
           OR o.upper IS DISTINCT FROM n.upper)
    ORDER BY n.indicator_id, n.country_iso3, n.reporter, n.period_start
"""  # noqa: S608 - constant SQL


def classify(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> pd.DataFrame:
    """`change`, `previous_value`, `previous_vintage`, `previous_import` per row, in order.

    All rows of `frame` share one vintage (an import has one).
    """
    if frame.empty:
        return pd.DataFrame(
            {"change": [], "previous_value": [], "previous_vintage": [], "previous_import": []}
        )
    vintage = pd.Timestamp(frame["vintage"].iloc[0]).date()
    incoming = frame.assign(_position=range(len(frame)))
    con.register("incoming_rows", incoming)
    try:
        return con.execute(_CLASSIFY, [vintage, vintage]).df()
    finally:
        con.unregister("incoming_rows")


def revisions(
    con: duckdb.DuckDBPyConnection, old, new, indicator_id: str | None = None
) -> pd.DataFrame:
    """Every value known on `new` that differs from (or was unknown on) `old`."""
    return con.execute(_REVISIONS, [new, new, old, old, old, indicator_id, indicator_id]).df()
