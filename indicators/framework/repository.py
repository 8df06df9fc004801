"""The narrow interface between the results framework and whatever keeps its records.

Every record is kept as a chain of immutable versions: a draft, an edit, an approval
or a return is one more row, and nothing is ever updated or deleted, so the full
history is the table itself. An implementation keeps SQL to itself (DuckDB beside
the store in `indicators.store.workspace`; PostgreSQL for many users) and promises:

- `append` writes all its rows or none, and refuses (VersionConflict) when a record's
  latest version is not the one the writer started from — no lost update;
- readers never block on a writer and a failed write leaves what readers see as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

ACTIONS = ("draft", "edit", "approve", "return")


@dataclass(frozen=True)
class StoredVersion:
    """One immutable row of a record's history."""

    kind: str
    record_id: str
    version: int
    country: str
    round_id: str | None
    objective_id: str | None
    status: str  # draft / returned / approved
    action: str  # what made this version: draft / edit / approve / return
    payload: Mapping = field(hash=False)
    author: str  # who wrote the content of this version
    actor: str  # who made this row (the approver for an approval)
    at: dt.datetime
    comment: str = ""
    is_demo: bool = False


@runtime_checkable
class FrameworkRepository(Protocol):
    """Where framework records live. Small on purpose: two reads, one write."""

    def versions(
        self,
        *,
        kind: str | None = None,
        country: str | None = None,
        record_id: str | None = None,
    ) -> list[StoredVersion]:
        """Every stored version matching the filters, by kind, id and version."""
        ...

    def append(
        self, rows: Sequence[StoredVersion], expected: Mapping[tuple[str, str], int]
    ) -> None:
        """Add `rows` atomically. `expected[(kind, id)]` is the latest version the writer
        saw (0 for a new record); any mismatch raises VersionConflict and adds nothing."""
        ...

    def token(self) -> str:
        """Changes whenever the content does: part of every cache key above this layer."""
        ...
