"""One exception hierarchy for the project.

Each class also subclasses the built-in it resembles, so callers that only know
Python's own exceptions still catch them sensibly (as in ibis).
"""

from __future__ import annotations

from dataclasses import dataclass


class ProjectError(Exception):
    """Base class: an error the project expects and can explain to a user."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and why it is wrong."""

    file: str
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.reason}"


class FetchError(RuntimeError, ProjectError):
    """A download failed (network, HTTP status, empty answer)."""


class RenderError(RuntimeError, ProjectError):
    """A static image cannot be made here (no chromium, or the renderer failed)."""


class ServingError(RuntimeError, ProjectError):
    """The front or an app process could not start, reload or answer in time."""


class SettingError(ValueError, ProjectError):
    """An environment variable of the project holds a value that does not parse."""


class InputError(ValueError, ProjectError):
    """Bad input: a file, a form or a catalogue entry. Lists every problem found."""

    max_listed = 20

    def __init__(
        self,
        problems: list[Problem] | Problem,
        summary: str | None = None,
        total: int | None = None,
    ) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        if not self.problems:
            raise ValueError("InputError needs at least one problem")
        # A million bad rows are counted, not all kept: `total` may exceed len(problems).
        self.total = max(total or 0, len(self.problems))
        self.summary = summary or f"{self.total} problem(s) found"
        super().__init__(self.render())

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Rebuilt from its parts in another process: the default would call
        # InputError(message) and list the message's characters as problems.
        return (type(self), (self.problems, self.summary, self.total))

    def render(self) -> str:
        lines = [self.summary + ":"]
        lines += [f"  - {p}" for p in self.problems[: self.max_listed]]
        rest = self.total - min(len(self.problems), self.max_listed)
        if rest > 0:
            lines.append(f"  … and {rest} more")
        return "\n".join(lines)


class CatalogueError(InputError):
    """The indicator catalogue or a reference table in data/ is invalid."""


class StoreError(RuntimeError, ProjectError):
    """The store is missing, from another schema version, or cannot be written."""


class InsufficientDataError(ValueError, ProjectError):
    """A series has too few usable points for the requested analysis."""

    def __init__(self, message: str, *, n_points: int = 0, needed: int = 0) -> None:
        super().__init__(message)
        self.n_points = n_points
        self.needed = needed

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Keeps the counts when it crosses a process boundary (a worker's result).
        return (_rebuild_insufficient, (type(self), str(self), self.n_points, self.needed))


class AccessDenied(PermissionError, ProjectError):
    """The signed-in user (or local mode) may not see or export this indicator."""


def _rebuild_insufficient(
    cls: type[InsufficientDataError], message: str, n_points: int, needed: int
) -> InsufficientDataError:
    return cls(message, n_points=n_points, needed=needed)


class VersionConflict(ValueError, ProjectError):
    """Someone saved the record after this writer opened it."""

    def __init__(self, kind: str, record_id: str, expected: int, found: int, by: str = "") -> None:
        self.kind, self.record_id, self.expected, self.found, self.by = (
            kind,
            record_id,
            expected,
            found,
            by,
        )
        who = f" by {by}" if by else ""
        super().__init__(
            f"{kind.replace('_', ' ')} {record_id!r} was changed{who} after you opened it "
            f"(you started from version {expected}, it is now at version {found}). "
            "Nothing of yours was saved: reload it and apply your change again."
        )


class Unstreamable(ProjectError):
    """A file the streamed reader (importers.readers.table_chunks) cannot take: it is
    malformed, and the whole-file reader names the row and reason, or has a quirk the
    streamed reader does not reproduce. The importers catch it and read the file whole;
    it reaches no one else."""
