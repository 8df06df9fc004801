"""Reading the Progress page's line-per-item fields into records, with the line at fault.

    indicator: irregular_detections — falling since 2023
    event: 2023-07-16|agreement
    document: Verslag gemengde commissie, maart 2026

Each problem names the field and the line, so a form can say exactly what to fix.
"""

from __future__ import annotations

from indicators.errors import InputError, Problem
from indicators.framework.records import (
    EVIDENCE_KINDS,
    EVIDENCE_TESTS,
    RIVAL_KINDS,
    TEST_RESULTS,
    EvidenceRef,
    EvidenceTest,
    Rival,
)


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def _split(line: str, field: str, n: int, kinds: tuple[str, ...]) -> tuple[str, str]:
    kind, sep, rest = line.partition(":")
    kind = kind.strip().lower().replace(" ", "_")
    if not sep or kind not in kinds or not rest.strip():
        raise InputError(
            Problem("form", n, field, f"write '<{' | '.join(kinds)}>: …', not {line!r}")
        )
    return kind, rest.strip()


def _collect(text: str, field: str, parse):  # noqa: ANN001, ANN202
    out, problems = [], []
    for n, line in _lines(text):
        try:
            out.append(parse(line, n))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems, summary=f"{field}: some lines cannot be read")
    return tuple(out)


def parse_evidence(text: str) -> tuple[EvidenceRef, ...]:
    def one(line: str, n: int) -> EvidenceRef:
        kind, rest = _split(line, "evidence", n, EVIDENCE_KINDS)
        ref, _, note = rest.partition(" — ")
        return EvidenceRef(kind, ref.strip(), note.strip())

    return _collect(text, "evidence", one)


def parse_rivals(text: str) -> tuple[Rival, ...]:
    def one(line: str, n: int) -> Rival:
        kind, rest = _split(line, "rivals", n, RIVAL_KINDS)
        return Rival(kind, rest)

    return _collect(text, "rivals", one)


def parse_tests(text: str) -> tuple[EvidenceTest, ...]:
    def one(line: str, n: int) -> EvidenceTest:
        test, rest = _split(line, "tests", n, EVIDENCE_TESTS)
        description, sep, result = rest.rpartition("=")
        if not sep:
            description, result = rest, "not_yet"
        result = result.strip().lower().replace(" ", "_")
        if result not in TEST_RESULTS:
            raise InputError(
                Problem("form", n, "tests", f"the result is one of {', '.join(TEST_RESULTS)}")
            )
        return EvidenceTest(test, description.strip(), result)

    return _collect(text, "tests", one)


def evidence_text(evidence: tuple[EvidenceRef, ...]) -> str:
    """The form's text for existing evidence (the inverse of parse_evidence)."""
    return "\n".join(f"{e.kind}: {e.ref}" + (f" — {e.note}" if e.note else "") for e in evidence)


def rivals_text(rivals: tuple[Rival, ...]) -> str:
    return "\n".join(f"{r.kind}: {r.description}" for r in rivals)


def tests_text(tests: tuple[EvidenceTest, ...]) -> str:
    return "\n".join(f"{t.test}: {t.description} = {t.result}" for t in tests)


class FormProblems:
    """Every problem of one form at once: its line fields and the record's own checks."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def parse(self, parse, text: str) -> tuple:  # noqa: ANN001
        try:
            return parse(text)
        except InputError as exc:
            self.problems += exc.problems
            return ()

    def check(self, record) -> None:  # noqa: ANN001
        """Validate the record; raise with every problem found in the form."""
        try:
            record.validate()
        except InputError as exc:
            self.problems += exc.problems
        if self.problems:
            raise InputError(self.problems, summary="nothing was saved; please correct")
