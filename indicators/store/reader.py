"""Read-only access to the store, for the dashboard, the CLI and the analyses.

The file is attached READ_ONLY to an in-memory database, so a writer can swap a new
file in at any time: this handle keeps reading the old one. Noticing the swap is the
job of indicators.store.versions (a new handle on the new file).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import duckdb
import pandas as pd

from indicators.catalogue import Catalogue, Country, Indicator, Period, Source, Text, Theme
from indicators.errors import StoreError
from indicators.store.queries import LATEST
from indicators.store.schema import SCHEMA_VERSION


# Latest vintage per observation key, optionally as known on a given date; within
# one vintage date the later import (a same-day correction) supersedes the earlier.
def file_identity(path: Path) -> tuple[int, int, int]:
    st = os.stat(path)
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class Store:
    """A read-only handle on one store file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._open()

    def _open(self) -> None:
        if not self.path.exists():
            raise StoreError(f"No store at {self.path}: run `partnership-monitor build` first")
        for _ in range(10):
            identity = file_identity(self.path)
            con = duckdb.connect(":memory:")
            con.execute("ATTACH ? AS store (READ_ONLY)", [str(self.path)])
            if file_identity(self.path) == identity:
                break  # the identity names the file that was attached
            con.close()  # replaced while attaching: the token would name the wrong file
        con.execute("USE store")
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if not version or version[0] != str(SCHEMA_VERSION):
            con.close()
            raise StoreError(
                f"{self.path} has schema version {version and version[0]}, this program needs "
                f"{SCHEMA_VERSION}: rebuild it with `partnership-monitor build`"
            )
        self._con, self.identity = con, identity

    @property
    def token(self) -> str:
        """Changes whenever the file does: part of every cache key above this layer."""
        return "-".join(str(x) for x in self.identity)

    def _df(self, sql: str, params: list | tuple = ()) -> pd.DataFrame:
        # A cursor per call: DuckDB connections are not shared between threads.
        cur = self._con.cursor()
        try:
            cur.execute("USE store")
            return cur.execute(sql, list(params)).df()
        finally:
            cur.close()

    def _rows(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        cur = self._con.cursor()
        try:
            cur.execute("USE store")
            return cur.execute(sql, list(params)).fetchall()
        finally:
            cur.close()

    # --- descriptive tables -------------------------------------------------
    def meta(self) -> dict[str, str]:
        return dict(self._rows("SELECT key, value FROM meta ORDER BY key"))

    def catalogue(self) -> Catalogue:
        """The catalogue as it was when the store was built: the app never reads data/."""
        themes = [
            Theme(id=r[0], title=Text(nl=r[1], en=r[2]), description=Text(nl=r[3], en=r[4]))
            for r in self._rows(
                "SELECT id, title_nl, title_en, description_nl, description_en "
                "FROM themes ORDER BY position"
            )
        ]
        sources = [
            Source(**r)
            for r in self._df("SELECT * FROM sources ORDER BY id")
            .astype(object)
            .where(lambda d: d.notna(), None)
            .to_dict("records")
        ]
        indicators = [
            Indicator.model_validate(json.loads(r[0]))
            for r in self._rows("SELECT metadata FROM indicators ORDER BY position")
        ]
        countries = [
            Country(*r)
            for r in self._rows(
                "SELECT iso3, iso2, name_nl, name_en, role FROM countries "
                "ORDER BY role DESC, name_en"
            )
        ]
        areas = self._df("SELECT * FROM reporting_areas ORDER BY code").to_dict("records")
        flags = self._df("SELECT * FROM flags ORDER BY code").to_dict("records")
        periods = [
            Period(r[0], r[1], r[2], r[3], r[4], r[5], r[6])
            for r in self._rows(
                "SELECT id, label, start_date, end_date, title_nl, title_en, role FROM periods "
                "ORDER BY start_date"
            )
        ]
        events = [
            {
                "date": str(r[0]),
                "country": r[1],
                "type": r[2],
                "title_nl": r[3],
                "title_en": r[4],
                "source": r[5],
                "demo": str(r[6]).lower(),
            }
            for r in self._rows("SELECT * FROM events ORDER BY event_date")
        ]
        return Catalogue(
            tuple(themes),
            tuple(sources),
            tuple(indicators),
            tuple(countries),
            tuple(areas),
            tuple(flags),
            tuple(periods),
            tuple(events),
        )

    def events(self, country: str | None = None) -> pd.DataFrame:
        return self._df(
            "SELECT * FROM events WHERE ? IS NULL OR country IN (?, 'ALL') ORDER BY event_date",
            [country, country],
        )

    def imports(self) -> pd.DataFrame:
        return self._df("SELECT * FROM imports ORDER BY import_id DESC")

    def import_indicators(self) -> dict[int, frozenset[str]]:
        """The indicators each import brought values for (to hide restricted imports)."""
        rows = self._rows(
            "SELECT DISTINCT import_id, indicator_id FROM observations ORDER BY 1, 2", []
        )
        out: dict[int, set[str]] = {}
        for import_id, indicator_id in rows:
            out.setdefault(int(import_id), set()).add(str(indicator_id))
        return {k: frozenset(v) for k, v in out.items()}

    def imports_of_file(self, sha256: str) -> list[int]:
        """Ids of earlier imports of a file with this content."""
        rows = self._rows("SELECT import_id FROM imports WHERE sha256 = ? ORDER BY 1", [sha256])
        return [r[0] for r in rows]

    def classify(self, frame: pd.DataFrame) -> pd.DataFrame:
        """What importing `frame` would do to each row (see indicators.store.changes)."""
        from indicators.store.changes import classify

        cur = self._con.cursor()
        try:
            cur.execute("USE store")
            return classify(cur, frame)
        finally:
            cur.close()

    def revisions(
        self, old: dt.date, new: dt.date | None = None, indicator_id: str | None = None
    ) -> pd.DataFrame:
        """Values known on `new` (default: now) that differ from what was known on `old`."""
        from indicators.store.changes import revisions

        cur = self._con.cursor()
        try:
            cur.execute("USE store")
            return revisions(cur, old, new or dt.date.max, indicator_id)
        finally:
            cur.close()

    # --- observations -------------------------------------------------------
    def observations(
        self,
        indicator_id: str,
        country: str | None = None,
        reporter: str | None = None,
        as_of: dt.date | None = None,
    ) -> pd.DataFrame:
        """Latest known value per period (as known on `as_of`), oldest period first."""
        return self._df(
            f"""SELECT * FROM ({LATEST}) latest
                WHERE indicator_id = ? AND (? IS NULL OR country_iso3 = ?)
                  AND (? IS NULL OR reporter = ?)
                ORDER BY country_iso3, reporter, period_start""",  # noqa: S608 - constant SQL
            [as_of, as_of, indicator_id, country, country, reporter, reporter],
        )

    def availability(self) -> pd.DataFrame:
        """Per indicator, country and reporting area: how many values and for which periods."""
        return self._df(
            f"""SELECT indicator_id, country_iso3, reporter,
                       count(value) AS n_values, count(*) AS n_rows,
                       min(period_start) AS first_period, max(period_end) AS last_period,
                       max(vintage) AS vintage, bool_or(is_demo) AS any_demo,
                       sum(CASE WHEN contains(flags, 'p') THEN 1 ELSE 0 END) AS n_provisional
                FROM ({LATEST}) latest
                GROUP BY ALL ORDER BY ALL""",  # noqa: S608 - constant SQL
            [None, None],
        )

    def counts_by_source(self) -> pd.DataFrame:
        return self._df(
            """SELECT source_id, is_demo, count(*) AS observations, max(vintage) AS vintage
               FROM observations GROUP BY ALL ORDER BY source_id"""
        )

    def vintages(self) -> list[dt.date]:
        return [r[0] for r in self._rows("SELECT DISTINCT vintage FROM observations ORDER BY 1")]

    def demo_status(self) -> str:
        """'demo' (only demonstration data), 'mixed', 'real' or 'empty'."""
        row = self._rows("SELECT bool_or(is_demo), bool_and(is_demo) FROM observations")[0]
        if row[0] is None:
            return "empty"
        return "demo" if row[1] else ("mixed" if row[0] else "real")

    def count(self, table: str) -> int:
        if table not in ("observations", "imports", "events", "countries", "indicators"):
            raise ValueError(f"not a countable table: {table}")
        return int(self._rows(f"SELECT count(*) FROM {table}")[0][0])  # noqa: S608

    def country_roles(self) -> dict[str, str]:
        """ISO3 code -> 'priority' or 'comparison' (cheaper than the whole catalogue)."""
        return dict(self._rows("SELECT iso3, role FROM countries ORDER BY iso3"))

    # --- derived results (written by indicators.analysis.precompute) ----------
    def trend(self, indicator_id: str, country: str, reporter: str) -> pd.DataFrame:
        """The stored trend of one series: one row per period, oldest first (empty if none)."""
        return self._df(
            """SELECT * FROM trends WHERE indicator_id = ? AND country_iso3 = ? AND reporter = ?
               ORDER BY period_start""",
            [indicator_id, country, reporter],
        )

    def trend_model(self, indicator_id: str, country: str, reporter: str) -> dict | None:
        """Noise model and level covariance of one series' trend, or None."""
        frame = self._df(
            """SELECT * FROM trend_models
               WHERE indicator_id = ? AND country_iso3 = ? AND reporter = ?""",
            [indicator_id, country, reporter],
        )
        return frame.iloc[0].to_dict() if len(frame) else None

    def series_summary(self, indicator_id: str, country: str, reporter: str) -> dict | None:
        """Status, evidence quality and default comparison of one series, or None."""
        frame = self.series_summaries(indicator_id, country, reporter)
        return frame.iloc[0].to_dict() if len(frame) else None

    def series_summaries(
        self,
        indicator_id: str | None = None,
        country: str | None = None,
        reporter: str | None = None,
    ) -> pd.DataFrame:
        """Every series summary (optionally filtered); `methods` and `quality` as Python objects."""
        frame = self._df(
            """SELECT * FROM series_summaries
               WHERE (? IS NULL OR indicator_id = ?) AND (? IS NULL OR country_iso3 = ?)
                 AND (? IS NULL OR reporter = ?)
               ORDER BY indicator_id, country_iso3, reporter""",
            [indicator_id, indicator_id, country, country, reporter, reporter],
        )
        for col in ("methods", "quality"):
            frame[col] = [json.loads(v) if isinstance(v, str) else None for v in frame[col]]
        return frame
