"""Typed records of the results framework: objectives, review rounds, judgements, claims.

Each record is a frozen dataclass that knows its country, the round it belongs to (if
any) and how to become the JSON payload the workspace keeps. `validate()` lists every
problem with the field it concerns, so a form can say exactly what is wrong and save
nothing. Judgements and contribution claims are written by people: nothing here
computes a rating from the data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from indicators.analysis.likelihood import SCALE
from indicators.analysis.statements import find_causal_language
from indicators.errors import InputError, Problem

DIRECTIONS = ("up", "down", "none")
EXPECTED_PATHS = ("steady", "late", "none_until_end", "stepwise")
RATINGS = ("on_track", "off_track", "too_early", "cannot_assess")
EVIDENCE_KINDS = ("indicator", "event", "document")
RIVAL_KINDS = ("event", "eu_policy", "measurement", "other")
EVIDENCE_TESTS = ("hoop", "smoking_gun", "straw_in_the_wind", "doubly_decisive")
TEST_RESULTS = ("passed", "failed", "not_yet")
CLAIM_STATUSES = ("plausible_contribution", "unclear", "not_supported")
CONFIDENCE = tuple(s.key for s in SCALE)  # the one likelihood scale, nothing else


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _float(value: Any) -> float | None:
    if value in (None, ""):
        return None
    return float(value)


class _Checks:
    """Collects problems for one record, each naming the field it is about."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.problems: list[Problem] = []

    def add(self, column: str, reason: str, row: int | None = None) -> None:
        self.problems.append(Problem(self.where, row, column, reason))

    def text(self, column: str, value: str, row: int | None = None) -> None:
        if not str(value or "").strip():
            self.add(column, "must not be empty", row)

    def choice(self, column: str, value: str, options: tuple[str, ...], row: int | None = None):
        if value not in options:
            self.add(column, f"{value!r} is not one of {', '.join(options)}", row)

    def raise_if_any(self, summary: str) -> None:
        if self.problems:
            raise InputError(self.problems, summary=summary)


@dataclass(frozen=True)
class IndicatorLink:
    """How one indicator serves an objective: baseline, direction, ambition, path."""

    indicator_id: str
    reporter: str
    baseline_start: dt.date
    baseline_end: dt.date
    desired_direction: str
    expected_path: str
    too_early_until: dt.date | None = None
    # The ambition is a range of change against the baseline mean, in percent: never a
    # point, so that nobody reads a single number as a pass mark.
    ambition_low_pct: float | None = None
    ambition_high_pct: float | None = None

    def check(self, checks: _Checks, row: int) -> None:
        checks.text("indicator_id", self.indicator_id, row)
        checks.text("reporter", self.reporter, row)
        if self.baseline_end < self.baseline_start:
            checks.add("baseline_end", "the baseline ends before it starts", row)
        checks.choice("desired_direction", self.desired_direction, DIRECTIONS, row)
        checks.choice("expected_path", self.expected_path, EXPECTED_PATHS, row)
        low, high = self.ambition_low_pct, self.ambition_high_pct
        if (low is None) != (high is None):
            checks.add("ambition", "an ambition is a range: give both ends or neither", row)
        elif low is not None and high is not None and not low < high:
            checks.add("ambition", "an ambition is a range, not a point: low < high", row)

    @classmethod
    def from_dict(cls, d: dict) -> IndicatorLink:
        return cls(
            indicator_id=str(d["indicator_id"]),
            reporter=str(d.get("reporter") or "EU27"),
            baseline_start=_date(d["baseline_start"]),  # type: ignore[arg-type]
            baseline_end=_date(d["baseline_end"]),  # type: ignore[arg-type]
            desired_direction=str(d["desired_direction"]),
            expected_path=str(d["expected_path"]),
            too_early_until=_date(d.get("too_early_until")),
            ambition_low_pct=_float(d.get("ambition_low_pct")),
            ambition_high_pct=_float(d.get("ambition_high_pct")),
        )


@dataclass(frozen=True)
class EvidenceRef:
    """A reference to an indicator, an event or a document that supports a judgement."""

    kind: str
    ref: str
    note: str = ""

    @classmethod
    def from_dict(cls, d: dict) -> EvidenceRef:
        return cls(str(d["kind"]), str(d["ref"]), str(d.get("note") or ""))


@dataclass(frozen=True)
class Rival:
    """A rival explanation of the observed change: an event, EU policy, measurement."""

    kind: str
    description: str
    ref: str = ""  # an event's date|type, a document, …

    @classmethod
    def from_dict(cls, d: dict) -> Rival:
        return cls(str(d["kind"]), str(d["description"]), str(d.get("ref") or ""))


@dataclass(frozen=True)
class EvidenceTest:
    """One process-tracing test: what would have to be true, and whether it was."""

    test: str
    description: str
    result: str = "not_yet"

    @classmethod
    def from_dict(cls, d: dict) -> EvidenceTest:
        return cls(str(d["test"]), str(d["description"]), str(d.get("result") or "not_yet"))


@dataclass(frozen=True)
class ObservedChange:
    """The computed comparison a claim rests on, as it stood when the claim was written."""

    indicator_id: str
    reporter: str
    window_a: str
    window_b: str
    verdict: str = ""
    change_pct: float | None = None
    low95_pct: float | None = None
    high95_pct: float | None = None
    sentence_nl: str = ""
    sentence_en: str = ""

    @classmethod
    def from_dict(cls, d: dict) -> ObservedChange:
        return cls(
            str(d["indicator_id"]),
            str(d.get("reporter") or "EU27"),
            str(d["window_a"]),
            str(d["window_b"]),
            str(d.get("verdict") or ""),
            _float(d.get("change_pct")),
            _float(d.get("low95_pct")),
            _float(d.get("high95_pct")),
            str(d.get("sentence_nl") or ""),
            str(d.get("sentence_en") or ""),
        )


@dataclass(frozen=True)
class Record:
    """What every kind of record shares: an id, a country and a demonstration mark."""

    KIND: ClassVar[str] = ""
    id: str
    country: str

    @property
    def round_id(self) -> str | None:
        return None

    @property
    def objective_id(self) -> str | None:
        return None

    def indicator_ids(self) -> list[str]:
        """Indicators the record refers to (for access checks and the audit)."""
        return []

    def payload(self) -> dict:
        return _plain(dataclasses.asdict(self))

    def validate(self) -> None:
        checks = _Checks(f"{self.KIND} {self.id or '(new)'}")
        checks.text("id", self.id)
        checks.text("country", self.country)
        self._check(checks)
        checks.raise_if_any(f"the {self.KIND.replace('_', ' ')} cannot be saved")

    def _check(self, checks: _Checks) -> None:  # pragma: no cover - overridden
        pass


@dataclass(frozen=True)
class Objective(Record):
    KIND: ClassVar[str] = "objective"
    title_nl: str = ""
    title_en: str = ""
    description_nl: str = ""
    description_en: str = ""
    links: tuple[IndicatorLink, ...] = ()
    is_demo: bool = False

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_nl

    def indicator_ids(self) -> list[str]:
        return [link.indicator_id for link in self.links]

    def _check(self, checks: _Checks) -> None:
        checks.text("title_nl", self.title_nl)
        checks.text("title_en", self.title_en)
        if not self.links:
            checks.add("links", "link at least one indicator")
        for n, link in enumerate(self.links, start=1):
            link.check(checks, n)

    @classmethod
    def from_payload(cls, d: dict) -> Objective:
        return cls(
            id=str(d["id"]),
            country=str(d["country"]),
            title_nl=str(d.get("title_nl") or ""),
            title_en=str(d.get("title_en") or ""),
            description_nl=str(d.get("description_nl") or ""),
            description_en=str(d.get("description_en") or ""),
            links=tuple(IndicatorLink.from_dict(x) for x in d.get("links") or ()),
            is_demo=bool(d.get("is_demo")),
        )


@dataclass(frozen=True)
class ReviewRound(Record):
    """A taskforce review: its date, and the store vintage it was prepared on."""

    KIND: ClassVar[str] = "review_round"
    date: dt.date = dt.date(1970, 1, 1)
    vintage: dt.date = dt.date(1970, 1, 1)  # `Store.observations(as_of=vintage)` is that day
    title: str = ""
    is_demo: bool = False

    @property
    def round_id(self) -> str | None:
        return self.id

    def _check(self, checks: _Checks) -> None:
        if self.vintage > self.date:
            checks.add("vintage", "a round cannot be prepared on data from after its date")

    @classmethod
    def from_payload(cls, d: dict) -> ReviewRound:
        return cls(
            id=str(d["id"]),
            country=str(d["country"]),
            date=_date(d["date"]),  # type: ignore[arg-type]
            vintage=_date(d["vintage"]),  # type: ignore[arg-type]
            title=str(d.get("title") or ""),
            is_demo=bool(d.get("is_demo")),
        )


@dataclass(frozen=True)
class _InRound(Record):
    """A record about one objective in one review round."""

    round: str = ""
    objective: str = ""

    @property
    def round_id(self) -> str | None:
        return self.round

    @property
    def objective_id(self) -> str | None:
        return self.objective

    def _check(self, checks: _Checks) -> None:
        checks.text("round", self.round)
        checks.text("objective", self.objective)


@dataclass(frozen=True)
class Judgement(_InRound):
    """A person's judgement of one objective's progress in one round."""

    KIND: ClassVar[str] = "judgement"
    rating: str = ""
    rationale: str = ""
    confidence: str = ""
    evidence: tuple[EvidenceRef, ...] = ()
    is_demo: bool = False

    def indicator_ids(self) -> list[str]:
        return [e.ref for e in self.evidence if e.kind == "indicator"]

    def _check(self, checks: _Checks) -> None:
        super()._check(checks)
        checks.choice("rating", self.rating, RATINGS)
        checks.text("rationale", self.rationale)
        checks.choice("confidence", self.confidence, CONFIDENCE)
        for n, e in enumerate(self.evidence, start=1):
            checks.choice("evidence.kind", e.kind, EVIDENCE_KINDS, n)
            checks.text("evidence.ref", e.ref, n)

    @classmethod
    def from_payload(cls, d: dict) -> Judgement:
        return cls(
            id=str(d["id"]),
            country=str(d["country"]),
            round=str(d.get("round") or ""),
            objective=str(d.get("objective") or ""),
            rating=str(d.get("rating") or ""),
            rationale=str(d.get("rationale") or ""),
            confidence=str(d.get("confidence") or ""),
            evidence=tuple(EvidenceRef.from_dict(x) for x in d.get("evidence") or ()),
            is_demo=bool(d.get("is_demo")),
        )


@dataclass(frozen=True)
class ContributionClaim(_InRound):
    """A contribution claim with its theory-of-change step, evidence and rivals."""

    KIND: ClassVar[str] = "claim"
    claim: str = ""
    toc_step: str = ""
    activity_evidence: str = ""
    observed: ObservedChange | None = None
    rivals: tuple[Rival, ...] = ()
    tests: tuple[EvidenceTest, ...] = ()
    status: str = "unclear"
    is_demo: bool = False

    def indicator_ids(self) -> list[str]:
        return [self.observed.indicator_id] if self.observed else []

    def _check(self, checks: _Checks) -> None:
        super()._check(checks)
        checks.text("claim", self.claim)
        if causal := find_causal_language(self.claim, contribution_allowed=True):
            checks.add(
                "claim",
                f"says {', '.join(repr(c) for c in causal)}: a contribution claim can say "
                "'contributed', never that the partnership caused a change",
            )
        checks.text("toc_step", self.toc_step)
        checks.text("activity_evidence", self.activity_evidence)
        checks.choice("status", self.status, CLAIM_STATUSES)
        if self.status == "plausible_contribution" and not self.rivals:
            checks.add("rivals", "a plausible contribution needs its rival explanations weighed")
        for n, r in enumerate(self.rivals, start=1):
            checks.choice("rivals.kind", r.kind, RIVAL_KINDS, n)
            checks.text("rivals.description", r.description, n)
        for n, x in enumerate(self.tests, start=1):
            checks.choice("tests.test", x.test, EVIDENCE_TESTS, n)
            checks.choice("tests.result", x.result, TEST_RESULTS, n)
            checks.text("tests.description", x.description, n)

    @classmethod
    def from_payload(cls, d: dict) -> ContributionClaim:
        observed = d.get("observed")
        return cls(
            id=str(d["id"]),
            country=str(d["country"]),
            round=str(d.get("round") or ""),
            objective=str(d.get("objective") or ""),
            claim=str(d.get("claim") or ""),
            toc_step=str(d.get("toc_step") or ""),
            activity_evidence=str(d.get("activity_evidence") or ""),
            observed=ObservedChange.from_dict(observed) if observed else None,
            rivals=tuple(Rival.from_dict(x) for x in d.get("rivals") or ()),
            tests=tuple(EvidenceTest.from_dict(x) for x in d.get("tests") or ()),
            status=str(d.get("status") or "unclear"),
            is_demo=bool(d.get("is_demo")),
        )


KINDS: dict[str, type[Record]] = {
    k.KIND: k for k in (Objective, ReviewRound, Judgement, ContributionClaim)
}


def from_payload(kind: str, payload: dict) -> Record:
    """The typed record of a stored payload."""
    return KINDS[kind].from_payload(payload)  # type: ignore[attr-defined]


def _plain(value: Any) -> Any:
    """JSON-ready: dates as ISO text, tuples as lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


__all__ = [
    "CLAIM_STATUSES",
    "CONFIDENCE",
    "DIRECTIONS",
    "EVIDENCE_KINDS",
    "EVIDENCE_TESTS",
    "EXPECTED_PATHS",
    "KINDS",
    "RATINGS",
    "RIVAL_KINDS",
    "ContributionClaim",
    "EvidenceRef",
    "EvidenceTest",
    "IndicatorLink",
    "Judgement",
    "ObservedChange",
    "Objective",
    "Record",
    "ReviewRound",
    "Rival",
    "from_payload",
]
