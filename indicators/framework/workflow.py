"""Four eyes on every record: taskforce members draft, a second person approves.

- A taskforce member (or an admin) drafts or edits; every save is a new version.
- Someone else — never the author of that version — approves it, or returns it with
  a comment. Approved versions are locked: an edit after approval is a new draft
  version, and the approved one stays what viewers and the round's pack see until
  the new one is approved in turn.
- Viewers (and evaluators) see approved versions only; indicator evidence they may
  not see (`access.can_view`) is left out and counted.
- Every change is written to the audit log; two people saving the same record get a
  VersionConflict, never a lost update.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from indicators import audit
from indicators.access import Principal, Role
from indicators.errors import AccessDenied, InputError, Problem
from indicators.framework.records import (
    ContributionClaim,
    Judgement,
    Objective,
    Record,
    from_payload,
)
from indicators.framework.repository import FrameworkRepository, StoredVersion

DRAFTER = Role.TASKFORCE  # who may draft, edit, approve and return


@dataclass(frozen=True)
class Entry:
    """What one person may see of one record: the version shown and its history state."""

    record: Record
    shown: StoredVersion  # the version this person sees
    latest: StoredVersion  # the newest version (a draft may be newer than the approved one)
    approved: StoredVersion | None  # the newest approved version
    hidden_evidence: int = 0  # indicator references left out for this person

    @property
    def kind(self) -> str:
        return self.shown.kind

    @property
    def pending(self) -> bool:
        """A newer draft or returned version waits behind the approved one."""
        return self.latest.version != (self.approved.version if self.approved else -1)


def may_draft(principal: Principal) -> bool:
    return principal.signed_in and principal.role >= DRAFTER


def sees_drafts(principal: Principal) -> bool:
    return may_draft(principal)


class Framework:
    """The results framework over one repository, with its rules."""

    def __init__(
        self,
        repo: FrameworkRepository,
        *,
        audit_path: Path | None = None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.repo = repo
        self.audit_path = audit_path
        self.clock = clock

    # --- reading -------------------------------------------------------------
    def entries(
        self,
        principal: Principal,
        kind: str,
        *,
        country: str | None = None,
        round_id: str | None = None,
        visible: Iterable[str] | None = None,
        as_of: dt.datetime | None = None,
    ) -> list[Entry]:
        """The records of a kind this person may see, as they stood at `as_of` (default now).

        `visible`: the indicator ids this person may see (`access.visible_ids`); None
        means all. Drafts show only to people who may draft.
        """
        chains: dict[str, list[StoredVersion]] = {}
        for v in self.repo.versions(kind=kind, country=country):
            if as_of is None or v.at <= as_of:
                chains.setdefault(v.record_id, []).append(v)
        out = []
        allowed = None if visible is None else set(visible)
        for chain in chains.values():
            latest = chain[-1]
            if round_id is not None and latest.round_id != round_id:
                continue
            approved = next((v for v in reversed(chain) if v.status == "approved"), None)
            shown = latest if sees_drafts(principal) else approved
            if shown is None:
                continue
            record, hidden = _restrict(from_payload(kind, dict(shown.payload)), allowed)
            out.append(Entry(record, shown, latest, approved, hidden))
        return sorted(out, key=lambda e: e.record.id)

    def history(self, kind: str, record_id: str) -> list[StoredVersion]:
        return self.repo.versions(kind=kind, record_id=record_id)

    def latest(self, kind: str, record_id: str) -> StoredVersion | None:
        chain = self.history(kind, record_id)
        return chain[-1] if chain else None

    # --- writing -------------------------------------------------------------
    def save(self, principal: Principal, record: Record, expected_version: int) -> StoredVersion:
        """Draft a new record (expected_version 0) or a new version of one.

        Raises InputError naming each bad field, AccessDenied, or VersionConflict; in
        every case nothing is written.
        """
        _require_drafter(principal)
        record.validate()
        # One read of the country's records serves the reference and country checks.
        known = self.repo.versions(country=record.country)
        self._check_references(record, known=known)
        chain = [v for v in known if (v.kind, v.record_id) == (record.KIND, record.id)]
        current = chain[-1] if chain else self.latest(record.KIND, record.id)
        if current is not None and current.country != record.country:
            raise InputError(
                Problem(f"{record.KIND} {record.id}", None, "country", "cannot change country")
            )
        row = self._row(
            record,
            version=expected_version + 1,
            status="draft",
            action="edit" if expected_version else "draft",
            author=principal.user,
            actor=principal.user,
        )
        self.repo.append([row], {(record.KIND, record.id): expected_version})
        self._audit(principal, "framework_save", record, row)
        return row

    def approve(
        self, principal: Principal, kind: str, record_id: str, expected_version: int, comment=""
    ) -> StoredVersion:
        """Approve the latest version; the approver is never its author."""
        return self._review(principal, kind, record_id, expected_version, "approve", comment)

    def send_back(
        self, principal: Principal, kind: str, record_id: str, expected_version: int, comment: str
    ) -> StoredVersion:
        """Return the latest version to its author with a comment (required)."""
        if not comment.strip():
            raise InputError(
                Problem(f"{kind} {record_id}", None, "comment", "say why it goes back")
            )
        return self._review(principal, kind, record_id, expected_version, "return", comment)

    def _review(
        self,
        principal: Principal,
        kind: str,
        record_id: str,
        expected_version: int,
        action: str,
        comment: str,
    ) -> StoredVersion:
        _require_drafter(principal)
        current = self.latest(kind, record_id)
        where = f"{kind} {record_id}"
        if current is None:
            raise InputError(Problem(where, None, "id", "no such record"))
        if current.status != "draft":
            state = "already approved" if current.status == "approved" else "returned"
            raise InputError(
                Problem(where, None, "status", f"version {current.version} is {state}")
            )
        if current.author == principal.user:
            raise AccessDenied(
                f"{where}: you wrote version {current.version}; a second person must review it"
            )
        row = replace(
            current,
            version=expected_version + 1,
            status="approved" if action == "approve" else "returned",
            action=action,
            actor=principal.user,
            at=self.clock(),
            comment=comment.strip(),
        )
        self.repo.append([row], {(kind, record_id): expected_version})
        record = from_payload(kind, dict(current.payload))
        self._audit(principal, f"framework_{action}", record, row)
        return row

    def seed(self, records: Iterable[Record], *, author: str, approver: str | None) -> int:
        """Write records in bulk (CLI import, the demonstration framework).

        With an approver each record gets a draft version and an approval by that
        second name, in one atomic write; without one, drafts only. Existing records
        get a new version on top of their latest. Returns the number of records.
        """
        records = list(records)
        if approver is not None and approver == author:
            raise InputError(Problem("import", None, "approver", "must differ from the author"))
        problems: list[Problem] = []
        for r in records:
            try:
                r.validate()
            except InputError as exc:
                problems += exc.problems
        if problems:
            raise InputError(problems, summary="the framework cannot be imported")
        self._check_references(*records)
        rows, expected = [], {}
        for r in records:
            current = self.latest(r.KIND, r.id)
            base = current.version if current else 0
            expected[(r.KIND, r.id)] = base
            draft = self._row(r, base + 1, "draft", "edit" if base else "draft", author, author)
            rows.append(draft)
            if approver is not None:
                rows.append(replace(draft, version=base + 2, status="approved", action="approve",
                                    actor=approver))  # fmt: skip
        self.repo.append(rows, expected)
        return len(records)

    def _row(
        self, record: Record, version: int, status: str, action: str, author: str, actor: str
    ) -> StoredVersion:
        return StoredVersion(
            kind=record.KIND,
            record_id=record.id,
            version=version,
            country=record.country,
            round_id=record.round_id,
            objective_id=record.objective_id,
            status=status,
            action=action,
            payload=record.payload(),
            author=author,
            actor=actor,
            at=self.clock(),
            is_demo=bool(getattr(record, "is_demo", False)),
        )

    def _check_references(self, *records: Record, known: list[StoredVersion] | None = None) -> None:
        """A judgement or claim names a round and an objective of its own country."""
        pending = {(r.KIND, r.id): r for r in records}
        seen = {(v.kind, v.record_id): v for v in known or []}
        problems = []
        for r in records:
            if not isinstance(r, Judgement | ContributionClaim):
                continue
            for kind, ref, column in (("review_round", r.round, "round"),
                                      ("objective", r.objective, "objective")):  # fmt: skip
                other = pending.get((kind, ref))
                country = other.country if other else None
                if other is None:
                    found = seen.get((kind, ref)) or self.latest(kind, ref)
                    country = found.country if found else None
                if country is None:
                    problems.append(Problem(f"{r.KIND} {r.id}", None, column, f"no {kind} {ref!r}"))
                elif country != r.country:
                    problems.append(
                        Problem(f"{r.KIND} {r.id}", None, column, f"{ref!r} is for {country}")
                    )
        if problems:
            raise InputError(problems, summary="references to unknown records")

    def _audit(self, principal: Principal, action: str, record: Record, row: StoredVersion) -> None:
        audit.record(
            principal,
            action,
            record.indicator_ids(),
            detail={
                "kind": row.kind,
                "id": row.record_id,
                "version": row.version,
                "status": row.status,
                "country": row.country,
                "round": row.round_id,
            },
            path=self.audit_path,
        )


def _require_drafter(principal: Principal) -> None:
    if not may_draft(principal):
        raise AccessDenied(
            "only a signed-in taskforce member or admin may draft or review framework records"
        )


def _restrict(record: Record, allowed: set[str] | None) -> tuple[Record, int]:
    """Leave out indicator evidence this person may not see; say how much was left out."""
    if allowed is None:
        return record, 0
    if isinstance(record, Judgement):
        kept = tuple(e for e in record.evidence if e.kind != "indicator" or e.ref in allowed)
        return replace(record, evidence=kept), len(record.evidence) - len(kept)
    if isinstance(record, Objective):
        kept_links = tuple(x for x in record.links if x.indicator_id in allowed)
        return replace(record, links=kept_links), len(record.links) - len(kept_links)
    if isinstance(record, ContributionClaim) and record.observed:
        if record.observed.indicator_id not in allowed:
            return replace(record, observed=None), 1
    return record, 0


def judgement_id(round_id: str, objective_id: str) -> str:
    """One judgement per objective per round."""
    return f"{round_id}/{objective_id}"
