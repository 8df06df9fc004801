"""The framework workspace in DuckDB: a small database file beside the store.

The store file is replaced on every import, so objectives, rounds, judgements and
claims cannot live in it. They live in `<store>.workspace.duckdb`, written the way
the store is: a copy, the change, `os.replace` — under the store's one writer lock,
so an import and a judgement never write at the same time. No process ever holds
the workspace open: readers attach it read-only for one query and let go, so the
dashboard keeps serving while someone saves, and a failed save leaves the file as it
was. The SQL is plain enough to port (see `indicators.framework.repository`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from indicators.errors import StoreError, VersionConflict
from indicators.framework.repository import StoredVersion
from indicators.store.reader import file_identity
from indicators.store.writer import _fsync, workspace_path, writer_lock

WORKSPACE_SCHEMA_VERSION = 1
_COLUMNS = (
    "kind, record_id, version, country, round_id, objective_id, status, action, "
    "payload, author, actor, saved_at, comment, is_demo"
)
_TABLES = (
    "CREATE TABLE workspace_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    """CREATE TABLE framework_versions (
        kind VARCHAR NOT NULL, record_id VARCHAR NOT NULL, version INTEGER NOT NULL,
        country VARCHAR NOT NULL, round_id VARCHAR, objective_id VARCHAR,
        status VARCHAR NOT NULL CHECK (status IN ('draft', 'returned', 'approved')),
        action VARCHAR NOT NULL CHECK (action IN ('draft', 'edit', 'approve', 'return')),
        payload VARCHAR NOT NULL, author VARCHAR NOT NULL, actor VARCHAR NOT NULL,
        saved_at TIMESTAMP NOT NULL, comment VARCHAR NOT NULL, is_demo BOOLEAN NOT NULL,
        PRIMARY KEY (kind, record_id, version))""",
)


class DuckDBWorkspace:
    """FrameworkRepository on a DuckDB file beside the store."""

    def __init__(self, path: Path | str, *, lock_for: Path | str | None = None) -> None:
        self.path = Path(path)
        # The lock is the store's: one writer at a time for the store and its workspace.
        self.lock_for = Path(lock_for) if lock_for else self.path

    @classmethod
    def beside(cls, store_path: Path | str) -> DuckDBWorkspace:
        return cls(workspace_path(store_path), lock_for=store_path)

    # --- reading -------------------------------------------------------------
    def token(self) -> str:
        try:
            return "-".join(str(x) for x in file_identity(self.path))
        except FileNotFoundError:
            return "absent"

    def versions(
        self,
        *,
        kind: str | None = None,
        country: str | None = None,
        record_id: str | None = None,
    ) -> list[StoredVersion]:
        if not self.path.exists():
            return []
        sql = (
            f"SELECT {_COLUMNS} FROM ws.framework_versions "  # noqa: S608 - constant columns
            "WHERE (CAST(? AS VARCHAR) IS NULL OR kind = ?) "
            "AND (CAST(? AS VARCHAR) IS NULL OR country = ?) "
            "AND (CAST(? AS VARCHAR) IS NULL OR record_id = ?) "
            "ORDER BY kind, record_id, version"
        )
        with self._reading() as con:
            rows = con.execute(sql, [kind, kind, country, country, record_id, record_id]).fetchall()
        return [_version(r) for r in rows]

    @contextmanager
    def _reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = duckdb.connect(":memory:")
        try:
            con.execute("ATTACH ? AS ws (READ_ONLY)", [str(self.path)])
            found = con.execute(
                "SELECT value FROM ws.workspace_meta WHERE key = 'schema_version'"
            ).fetchone()
            if not found or found[0] != str(WORKSPACE_SCHEMA_VERSION):
                raise StoreError(
                    f"{self.path} has workspace schema version {found and found[0]}, this "
                    f"program needs {WORKSPACE_SCHEMA_VERSION}"
                )
            yield con
        finally:
            con.close()

    # --- writing -------------------------------------------------------------
    def append(
        self, rows: Sequence[StoredVersion], expected: Mapping[tuple[str, str], int]
    ) -> None:
        if not rows:
            return
        with self._writing() as con:
            for (kind, record_id), version in expected.items():
                found = con.execute(
                    "SELECT version, actor FROM framework_versions "
                    "WHERE kind = ? AND record_id = ? "
                    "ORDER BY version DESC LIMIT 1",
                    [kind, record_id],
                ).fetchone()
                latest, by = (int(found[0]), str(found[1])) if found else (0, "")
                if latest != version:
                    raise VersionConflict(kind, record_id, version, latest, by)
            for r in rows:
                con.execute(
                    f"INSERT INTO framework_versions ({_COLUMNS}) "  # noqa: S608 - constants
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        r.kind,
                        r.record_id,
                        r.version,
                        r.country,
                        r.round_id,
                        r.objective_id,
                        r.status,
                        r.action,
                        json.dumps(dict(r.payload), ensure_ascii=False, sort_keys=True),
                        r.author,
                        r.actor,
                        r.at.replace(tzinfo=None),
                        r.comment,
                        r.is_demo,
                    ],
                )

    @contextmanager
    def _writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-write connection to a copy, swapped in only if the block succeeds."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with writer_lock(self.lock_for):
            tmp = self.path.with_name(f".{self.path.name}.tmp-{os.getpid()}")
            tmp.unlink(missing_ok=True)
            fresh = not self.path.exists()
            if not fresh:
                shutil.copyfile(self.path, tmp)
            try:
                con = duckdb.connect(str(tmp))
                try:
                    if fresh:
                        for ddl in _TABLES:
                            con.execute(ddl)
                        con.execute(
                            "INSERT INTO workspace_meta VALUES ('schema_version', ?)",
                            [str(WORKSPACE_SCHEMA_VERSION)],
                        )
                    con.execute("BEGIN TRANSACTION")
                    yield con
                    con.execute("COMMIT")
                    con.execute("CHECKPOINT")
                finally:
                    con.close()
                _fsync(tmp)
                os.replace(tmp, self.path)
                _fsync(self.path.parent)
            finally:
                tmp.unlink(missing_ok=True)
                Path(str(tmp) + ".wal").unlink(missing_ok=True)


def _version(row: tuple) -> StoredVersion:
    at = row[11]
    if isinstance(at, dt.datetime) and at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return StoredVersion(
        kind=row[0],
        record_id=row[1],
        version=int(row[2]),
        country=row[3],
        round_id=row[4],
        objective_id=row[5],
        status=row[6],
        action=row[7],
        payload=json.loads(row[8]),
        author=row[9],
        actor=row[10],
        at=at,
        comment=row[12],
        is_demo=bool(row[13]),
    )
