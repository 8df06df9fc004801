"""The framework workspace in PostgreSQL: for several machines writing one framework.

The DuckDB workspace (indicators.store.workspace) is a file beside the store, safe
for several processes on one machine through the store's writer lock. Replicas on
several hosts cannot share a lock file, so a setting (`workspace`) selects this one:
the same table of immutable versions in a PostgreSQL database.

Appends serialise on one row (`generation` in workspace_meta, taken FOR UPDATE), so
the check of each record's latest version and the insert are one step for every
writer everywhere, like under the file lock; the generation also makes the token.
Readers never wait for writers (MVCC), and a failed append rolls back whole.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

import psycopg

from indicators.errors import StoreError, VersionConflict
from indicators.framework.repository import StoredVersion
from indicators.settings import env_name

WORKSPACE_SCHEMA_VERSION = 1
_COLUMNS = (
    "kind, record_id, version, country, round_id, objective_id, status, action, "
    "payload, author, actor, saved_at, comment, is_demo"
)
_TABLES = (
    "CREATE TABLE IF NOT EXISTS workspace_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS framework_versions (
        kind TEXT NOT NULL, record_id TEXT NOT NULL, version INTEGER NOT NULL,
        country TEXT NOT NULL, round_id TEXT, objective_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'returned', 'approved')),
        action TEXT NOT NULL CHECK (action IN ('draft', 'edit', 'approve', 'return')),
        payload TEXT NOT NULL, author TEXT NOT NULL, actor TEXT NOT NULL,
        saved_at TIMESTAMPTZ NOT NULL, comment TEXT NOT NULL, is_demo BOOLEAN NOT NULL,
        PRIMARY KEY (kind, record_id, version))""",
)


class PostgresWorkspace:
    """FrameworkRepository on a PostgreSQL database (`dsn`: a libpq connection string)."""

    def __init__(self, dsn: str) -> None:
        if not dsn:
            raise StoreError(
                "the PostgreSQL workspace needs a connection string: set "
                f"{env_name('workspace_dsn')} (README: Many users at once)"
            )
        self.dsn = dsn
        self._ready = False

    @contextmanager
    def _connect(self) -> Iterator[psycopg.Connection]:
        try:
            con = psycopg.connect(self.dsn, connect_timeout=10, options="-c TimeZone=UTC")
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot reach the PostgreSQL workspace: {exc}".strip()) from None
        try:
            if not self._ready:
                self._create(con)
            yield con
        finally:
            con.close()

    def _create(self, con: psycopg.Connection) -> None:
        """Tables on first use; refuse a database of another schema version."""
        with con.transaction():
            # Two first writers at once: the lock makes one create, the other wait.
            con.execute("SELECT pg_advisory_xact_lock(hashtext('partnership-monitor-ws'))")
            for ddl in _TABLES:
                con.execute(ddl)
            con.execute(
                "INSERT INTO workspace_meta VALUES ('schema_version', %s), ('generation', '0') "
                "ON CONFLICT (key) DO NOTHING",
                [str(WORKSPACE_SCHEMA_VERSION)],
            )
            found = con.execute(
                "SELECT value FROM workspace_meta WHERE key = 'schema_version'"
            ).fetchone()
        if not found or found[0] != str(WORKSPACE_SCHEMA_VERSION):
            raise StoreError(
                f"the PostgreSQL workspace has schema version {found and found[0]}, this "
                f"program needs {WORKSPACE_SCHEMA_VERSION}"
            )
        self._ready = True

    # --- reading -------------------------------------------------------------
    def token(self) -> str:
        with self._connect() as con:
            found = con.execute(
                "SELECT value FROM workspace_meta WHERE key = 'generation'"
            ).fetchone()
        return f"pg-{found[0] if found else 0}"

    def versions(
        self,
        *,
        kind: str | None = None,
        country: str | None = None,
        record_id: str | None = None,
    ) -> list[StoredVersion]:
        sql = (
            f"SELECT {_COLUMNS} FROM framework_versions "  # noqa: S608 - constant columns
            "WHERE (%(kind)s::text IS NULL OR kind = %(kind)s) "
            "AND (%(country)s::text IS NULL OR country = %(country)s) "
            "AND (%(record_id)s::text IS NULL OR record_id = %(record_id)s) "
            'ORDER BY kind COLLATE "C", record_id COLLATE "C", version'
        )
        with self._connect() as con:
            rows = con.execute(
                sql, {"kind": kind, "country": country, "record_id": record_id}
            ).fetchall()
        return [_version(r) for r in rows]

    # --- writing -------------------------------------------------------------
    def append(
        self, rows: Sequence[StoredVersion], expected: Mapping[tuple[str, str], int]
    ) -> None:
        if not rows:
            return
        with self._connect() as con, con.transaction():
            con.execute("SELECT value FROM workspace_meta WHERE key = 'generation' FOR UPDATE")
            for (kind, record_id), version in expected.items():
                found = con.execute(
                    "SELECT version, actor FROM framework_versions "
                    "WHERE kind = %s AND record_id = %s ORDER BY version DESC LIMIT 1",
                    [kind, record_id],
                ).fetchone()
                latest, by = (int(found[0]), str(found[1])) if found else (0, "")
                if latest != version:
                    raise VersionConflict(kind, record_id, version, latest, by)
            with con.cursor() as cur:
                cur.executemany(
                    f"INSERT INTO framework_versions ({_COLUMNS}) "  # noqa: S608 - constants
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [
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
                            _utc(r.at),
                            r.comment,
                            r.is_demo,
                        ]
                        for r in rows
                    ],
                )
            con.execute(
                "UPDATE workspace_meta SET value = (value::bigint + 1)::text "
                "WHERE key = 'generation'"
            )


def _utc(at: dt.datetime) -> dt.datetime:
    # The DuckDB workspace keeps naive UTC: the same instant here, whatever the input.
    return at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)


def _version(row: tuple) -> StoredVersion:
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
        at=_utc(row[11]),
        comment=row[12],
        is_demo=bool(row[13]),
    )
