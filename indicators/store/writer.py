"""The single write path: every change is made on a copy and swapped in atomically.

Readers (the dashboard) keep the old file open and keep serving; they see the new
file when they re-open it. A failure at any point removes the copy and leaves the
live store byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from indicators.catalogue import Catalogue
from indicators.errors import StoreError
from indicators.store.queries import LATEST
from indicators.store.schema import SCHEMA_VERSION, TABLES

SeriesKey = tuple[str, str, str]
DERIVED_TABLES = ("trends", "trend_models", "series_summaries")
_KEY_COLUMNS = ["indicator_id", "country_iso3", "reporter"]


class StoreWriter:
    """A read-write connection to a temporary copy of the store."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def execute(self, sql: str, params: list | tuple = ()) -> duckdb.DuckDBPyConnection:
        return self.con.execute(sql, list(params))

    def set_meta(self, key: str, value: str) -> None:
        self.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def meta(self, key: str) -> str | None:
        row = self.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def write_catalogue(self, cat: Catalogue, *, demo_events: bool = True) -> None:
        """Replace the descriptive tables with the catalogue's current content.

        `demo_events=False` leaves the demonstration events out (a store of real
        data only carries the real reference events).
        """
        for table in (
            "themes",
            "countries",
            "reporting_areas",
            "flags",
            "sources",
            "indicators",
            "periods",
            "events",
        ):
            self.execute(f"DELETE FROM {table}")  # noqa: S608 - table names are constants
        for pos, t in enumerate(cat.themes):
            self.execute(
                "INSERT INTO themes VALUES (?, ?, ?, ?, ?, ?)",
                [t.id, pos, t.title.nl, t.title.en, t.description.nl, t.description.en],
            )
        for c in cat.countries:
            self.execute(
                "INSERT INTO countries VALUES (?, ?, ?, ?, ?)",
                [c.iso3, c.iso2, c.name_nl, c.name_en, c.role],
            )
        for a in cat.reporting_areas:
            self.execute(
                "INSERT INTO reporting_areas VALUES (?, ?, ?, ?, ?)",
                [a["code"], a["name_nl"], a["name_en"], a["description_nl"], a["description_en"]],
            )
        for f in cat.flags:
            self.execute(
                "INSERT INTO flags VALUES (?, ?, ?)", [f["code"], f["name_nl"], f["name_en"]]
            )
        for s in cat.sources:
            self.execute(
                "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    s.id,
                    s.producer,
                    s.title,
                    s.dataset,
                    s.citation_full,
                    s.url_main,
                    s.licence,
                    s.date_published,
                    s.date_accessed,
                ],
            )
        for pos, i in enumerate(cat.indicators):
            self.execute(
                "INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    i.id,
                    i.theme,
                    pos,
                    i.frequency,
                    i.value_kind,
                    i.sphere,
                    i.sensitivity,
                    json.dumps(i.model_dump(mode="json"), ensure_ascii=False),
                ],
            )
        for p in cat.periods:
            self.execute(
                "INSERT INTO periods VALUES (?, ?, ?, ?, ?, ?, ?)",
                [p.id, p.label, p.start, p.end, p.title_nl, p.title_en, p.role],
            )
        for e in cat.events:
            if not demo_events and e["demo"].strip().lower() == "true":
                continue
            self.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    e["date"],
                    e["country"],
                    e["type"],
                    e["title_nl"],
                    e["title_en"],
                    e["source"],
                    e["demo"].strip().lower() == "true",
                ],
            )

    def next_import_id(self) -> int:
        row = self.execute("SELECT coalesce(max(import_id), 0) + 1 FROM imports").fetchone()
        return int(row[0]) if row else 1

    def add_import(self, record: dict) -> int:
        """Record one import (see the imports table) and return its id."""
        import_id = self.next_import_id()
        cols = [
            "format",
            "file_name",
            "sha256",
            "importer_version",
            "rows_read",
            "rows_accepted",
            "rows_rejected",
            "rows_skipped",
            "imported_at",
            "operator",
            "vintage",
            "is_demo",
            "summary",
        ]
        self.execute(
            f"INSERT INTO imports VALUES ({', '.join('?' * 14)})",  # noqa: S608 - placeholders only
            [import_id] + [record[c] for c in cols],
        )
        return import_id

    def insert_observations(self, frame: pd.DataFrame, import_id: int) -> int:
        """Append validated observations (indicators.observations shape) for one import."""
        staged = frame.assign(import_id=import_id)
        self.con.register("staged_observations", staged)
        try:
            self.execute(
                """INSERT INTO observations
                   SELECT indicator_id, country_iso3, reporter, CAST(period_start AS DATE),
                          CAST(period_end AS DATE), frequency, value, lower, upper, flags,
                          source_id, CAST(vintage AS DATE), import_id, is_demo
                   FROM staged_observations"""
            )
        finally:
            self.con.unregister("staged_observations")
        return len(staged)

    def classify(self, frame: pd.DataFrame) -> pd.DataFrame:
        """What inserting `frame` changes, row by row (see indicators.store.changes)."""
        from indicators.store.changes import classify

        return classify(self.con, frame)

    # --- derived results: read inputs, replace rows per series key ----------
    def vintages(self) -> list[dt.date]:
        """Every vintage the observations have, oldest first."""
        rows = self.execute("SELECT DISTINCT vintage FROM observations ORDER BY 1").fetchall()
        return [r[0] for r in rows]

    def revisions(
        self, old: dt.date, new: dt.date | None = None, indicator_id: str | None = None
    ) -> pd.DataFrame:
        """Values known on `new` (default: now) that differ from what was known on `old`."""
        from indicators.store.changes import revisions

        return revisions(self.con, old, new or dt.date.max, indicator_id)

    def series_keys(self) -> set[SeriesKey]:
        """Every (indicator_id, country_iso3, reporter) that has observations."""
        rows = self.execute(
            "SELECT DISTINCT indicator_id, country_iso3, reporter FROM observations"
        ).fetchall()
        return {(r[0], r[1], r[2]) for r in rows}

    def latest_observations(self, keys: Iterable[SeriesKey] | None = None) -> pd.DataFrame:
        """Latest vintage per period for the given series (all when None), in period order."""
        with self._keys(keys) as joined:
            return self.execute(
                f"""SELECT latest.* FROM ({LATEST}) latest {joined}
                    ORDER BY indicator_id, country_iso3, reporter, period_start""",  # noqa: S608
                [None, None],
            ).df()

    def indicator_metadata(self) -> dict[str, dict]:
        rows = self.execute("SELECT id, metadata FROM indicators").fetchall()
        return {r[0]: json.loads(r[1]) for r in rows}

    def reference_frame(self, table: str) -> pd.DataFrame:
        """A reference table (countries, reporting areas, periods, events) as the build wrote it."""
        if table not in ("countries", "reporting_areas", "periods", "events"):
            raise ValueError(f"not a reference table: {table}")
        return self.execute(f"SELECT * FROM {table}").df()  # noqa: S608 - checked name

    def derived_rows(self, table: str, keys: Iterable[SeriesKey] | None = None) -> pd.DataFrame:
        """Rows of a derived table for the given series (all when None)."""
        self._check_derived(table)
        with self._keys(keys) as joined:
            return self.execute(f"SELECT t.* FROM {table} t {joined}").df()  # noqa: S608

    def replace_derived(self, table: str, keys: Iterable[SeriesKey], rows: pd.DataFrame) -> None:
        """Delete the table's rows for `keys`, then insert `rows` (matched by column name)."""
        self._check_derived(table)
        keys = list(keys)
        with self._keys(keys):
            self.execute(
                f"""DELETE FROM {table} AS t USING wanted_keys AS w
                    WHERE t.indicator_id = w.indicator_id AND t.country_iso3 = w.country_iso3
                      AND t.reporter = w.reporter"""  # noqa: S608 - checked table name
            )
        if len(rows):
            self.con.register("staged_derived", rows)
            try:
                self.execute(f"INSERT INTO {table} BY NAME SELECT * FROM staged_derived")  # noqa: S608
            finally:
                self.con.unregister("staged_derived")

    @staticmethod
    def _check_derived(table: str) -> None:
        if table not in DERIVED_TABLES:
            raise ValueError(f"not a derived table: {table}")

    @contextmanager
    def _keys(self, keys: Iterable[SeriesKey] | None) -> Iterator[str]:
        """Register the wanted keys and yield the JOIN clause that restricts to them."""
        if keys is None:
            yield ""
            return
        frame = pd.DataFrame(list(keys), columns=_KEY_COLUMNS, dtype=str)
        self.con.register("wanted_keys", frame)
        try:
            yield "JOIN wanted_keys USING (indicator_id, country_iso3, reporter)"
        finally:
            self.con.unregister("wanted_keys")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    for ddl in TABLES.values():
        con.execute(ddl)
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


@contextmanager
def writer_lock(path: Path | str) -> Iterator[None]:
    """The one lock every writer of the store at `path` holds: build, build --from,
    import, fetch and the workspace beside the store. Readers never take it.

    Whoever holds it first removes the temporary copies that writers killed before they
    could clean up left behind (`.NAME.tmp-PID`, `.NAME.public-PID`): while the lock is
    held no other writer can be using one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            remove_stale_copies(path)
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


_writer_lock = writer_lock  # the name the workspace module imports


def workspace_path(store_path: Path | str) -> Path:
    """Where the workspace of a store lives: next to it, named after it (its saves
    take this store's lock, so the lock's holder cleans up their copies too)."""
    store_path = Path(store_path)
    return store_path.with_name(store_path.stem + ".workspace.duckdb")


def stale_copies(path: Path) -> list[Path]:
    """Temporary copies of the store at `path` and of its workspace (and their WAL files)."""
    folder = path.parent
    found: list[Path] = []
    workspace = workspace_path(path).name
    for pattern in (f".{path.name}.tmp-*", f".{path.name}.public-*", f".{workspace}.tmp-*"):
        found += [p for p in folder.glob(pattern) if p.is_file() and not p.is_symlink()]
    return sorted(found)


def remove_stale_copies(path: Path) -> list[Path]:
    """Remove what `stale_copies` finds; call only while holding the writer lock."""
    removed = []
    for copy in stale_copies(path):
        copy.unlink(missing_ok=True)
        removed.append(copy)
    return removed


@contextmanager
def write_store(path: Path | str, *, fresh: bool = False) -> Iterator[StoreWriter]:
    """Open a copy of the store (or a new empty one) and swap it in if the block succeeds.

    A failure of the disk (full, read-only, gone) while copying, writing or swapping is
    a StoreError that says so; the copy is removed and the store is left as it was.
    """
    path = Path(path)
    with writer_lock(path):
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        tmp.unlink(missing_ok=True)
        if not fresh and not path.exists():
            raise StoreError(f"No store at {path}: run `partnership-monitor build` first")
        try:
            with _disk_errors(path):
                if not fresh:
                    shutil.copyfile(path, tmp)
                con = duckdb.connect(str(tmp))
            try:
                with _disk_errors(path):
                    if fresh:
                        create_schema(con)
                    writer = StoreWriter(con)
                    _check_version(writer, path)
                    con.execute("BEGIN TRANSACTION")
                with _disk_errors(path):  # the caller's writes can fill the disk too
                    yield writer
                with _disk_errors(path):
                    con.execute("COMMIT")
                    con.execute("CHECKPOINT")
            finally:
                with contextlib.suppress(duckdb.Error):
                    con.close()
            with _disk_errors(path):
                _fsync(tmp)
                os.replace(tmp, path)
                _fsync(path.parent)
        finally:
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + ".wal").unlink(missing_ok=True)


@contextmanager
def _disk_errors(path: Path) -> Iterator[None]:
    """Turn the disk's failures (OSError, DuckDB's I/O and fatal errors) into StoreError."""
    try:
        yield
    except StoreError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise StoreError(f"could not write {path}: {reason}; the store was not changed") from None
    except (duckdb.IOException, duckdb.FatalException) as exc:
        first = str(exc).splitlines()[0]
        raise StoreError(f"could not write {path}: {first}; the store was not changed") from None


def _check_version(writer: StoreWriter, path: Path) -> None:
    found = writer.meta("schema_version")
    if found != str(SCHEMA_VERSION):
        raise StoreError(
            f"{path} has schema version {found}, this program needs {SCHEMA_VERSION}: "
            "rebuild it with `partnership-monitor build`"
        )


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
