"""What a store file of another schema version holds, read without the version check.

`Store` refuses a file whose schema version is not this program's. Before `make store`
replaces such a file it must know whether the file is a demonstration store (nothing
to lose: data/ rebuilds it) or holds imported figures (never replaced behind the
user's back). This module answers that from whatever tables the old file has.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb


@dataclass(frozen=True)
class StoreProbe:
    """A store file as found: its schema version and what it holds.

    `holds` is 'demo' (only demonstration figures and imports), 'empty', 'real' (some
    figure or import is not demonstration data) or 'unknown' (the file could not be
    read, or lacks the columns that tell); `problem` says why when it is 'unknown'.
    """

    schema_version: str | None
    holds: str
    problem: str | None = None

    @property
    def demonstration(self) -> bool:
        """Nothing in the file that data/ cannot rebuild."""
        return self.holds in ("demo", "empty")


def probe_store(path: Path | str) -> StoreProbe:
    """Read `path` read-only, whatever its schema version; never raises for a bad file."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS probed (READ_ONLY)", [str(path)])
    except duckdb.Error as exc:
        con.close()
        return StoreProbe(None, "unknown", str(exc).splitlines()[0])
    try:
        columns = set(
            con.execute(
                "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = ?",
                ["probed"],
            ).fetchall()
        )
        version = None
        if {("meta", "key"), ("meta", "value")} <= columns:
            row = con.execute(
                "SELECT value FROM probed.meta WHERE key = ?", ["schema_version"]
            ).fetchone()
            version = None if row is None else str(row[0])
        return StoreProbe(version, *_holds(con, columns))
    except duckdb.Error as exc:
        return StoreProbe(None, "unknown", str(exc).splitlines()[0])
    finally:
        con.close()


def _holds(con: duckdb.DuckDBPyConnection, columns: set[tuple[str, str]]) -> tuple[str, str | None]:
    """('demo' | 'empty' | 'real' | 'unknown', problem) from the observations and imports."""
    if ("observations", "is_demo") not in columns:
        return "unknown", "it has no observations table with a demonstration flag"
    # A store whose imports include one of real files is not a demonstration store, even
    # when those imports added no figure. A missing flag counts as real.
    real = "SELECT count(*), count(*) FILTER (WHERE is_demo IS NOT TRUE) FROM probed.{}"
    tables = ["observations"] + (["imports"] if ("imports", "is_demo") in columns else [])
    queries = [real.format(t) for t in tables]  # table names from this list only
    counts = [con.execute(q).fetchone() or (0, 0) for q in queries]
    if any(real for _, real in counts):
        return "real", None
    return ("empty" if counts[0][0] == 0 else "demo"), None
