"""The framework in and out of files, for setting it up in bulk.

YAML holds everything (objectives with their links, rounds, judgements, claims); CSV
holds objectives, one row per indicator link (the form a spreadsheet is set up in).
Reading checks every record and names file, row and column; nothing is written
until all of it is valid (`Framework.seed` writes it in one atomic step).
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterable
from pathlib import Path

import yaml

from indicators.errors import InputError, Problem
from indicators.framework.records import (
    KINDS,
    IndicatorLink,
    Objective,
    Record,
    from_payload,
)

SECTIONS = {
    "objectives": "objective",
    "review_rounds": "review_round",
    "judgements": "judgement",
    "claims": "claim",
}
OBJECTIVE_COLUMNS = ("id", "country", "title_nl", "title_en", "description_nl", "description_en")
LINK_COLUMNS = tuple(f.name for f in dataclasses.fields(IndicatorLink))
CSV_COLUMNS = OBJECTIVE_COLUMNS + LINK_COLUMNS


def to_yaml(records: Iterable[Record]) -> str:
    """Every record as YAML, grouped by kind."""
    out: dict[str, list[dict]] = {section: [] for section in SECTIONS}
    by_kind = {kind: section for section, kind in SECTIONS.items()}
    for r in records:
        out[by_kind[r.KIND]].append(r.payload())
    return yaml.safe_dump(out, allow_unicode=True, sort_keys=False)


def to_csv(records: Iterable[Record]) -> str:
    """Objectives, one row per indicator link."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in records:
        if not isinstance(r, Objective):
            continue
        head = {c: getattr(r, c) for c in OBJECTIVE_COLUMNS}
        for link in r.links:
            row = head | {c: getattr(link, c) for c in LINK_COLUMNS}
            writer.writerow({k: "" if v is None else _cell(v) for k, v in row.items()})
    return buf.getvalue()


def _cell(value: object) -> str:
    text = str(value)
    # Spreadsheets run a cell that starts like a formula: keep it text.
    return (
        "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(text) else text
    )


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def read_file(path: Path) -> list[Record]:
    """Records from a .yaml/.yml or .csv file; InputError naming every problem."""
    name = path.name
    if not path.is_file():
        raise InputError(Problem(name, None, None, f"no such file: {path}"))
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".yaml", ".yml"):
        return read_yaml(text, name)
    if path.suffix.lower() == ".csv":
        return read_csv(text, name)
    raise InputError(Problem(name, None, None, "write .yaml, .yml or .csv"))


def read_yaml(text: str, name: str) -> list[Record]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise InputError(Problem(name, None, None, f"not valid YAML: {exc}")) from None
    if not isinstance(data, dict):
        raise InputError(Problem(name, None, None, "expected sections: " + ", ".join(SECTIONS)))
    problems = [Problem(name, None, k, "unknown section") for k in data if k not in SECTIONS]
    records: list[Record] = []
    for section, kind in SECTIONS.items():
        for n, item in enumerate(data.get(section) or [], start=1):
            records += _record(kind, item, Problem(name, n, section, ""), problems)
    return _checked(records, problems, name)


def read_csv(text: str, name: str) -> list[Record]:
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows:
        raise InputError(Problem(name, None, None, "no rows"))
    missing = [c for c in ("id", "country", "indicator_id") if c not in rows[0]]
    problems = [Problem(name, None, c, "missing column") for c in missing]
    if problems:
        raise InputError(problems)
    grouped: dict[str, dict] = {}
    for n, row in enumerate(rows, start=2):
        values = {k: (v or "").lstrip("'") if isinstance(v, str) else v for k, v in row.items()}
        unknown = [k for k in values if k not in CSV_COLUMNS]
        problems += [Problem(name, n, k, "unknown column") for k in unknown]
        head = grouped.setdefault(values["id"], {c: values.get(c, "") for c in OBJECTIVE_COLUMNS})
        head.setdefault("links", []).append(({c: values.get(c) or None for c in LINK_COLUMNS}, n))
    records: list[Record] = []
    for payload in grouped.values():
        links = payload.pop("links")
        payload["links"] = [link for link, _ in links]
        records += _record("objective", payload, Problem(name, links[0][1], None, ""), problems)
    return _checked(records, problems, name)


def _record(kind: str, item: object, where: Problem, problems: list[Problem]) -> list[Record]:
    if not isinstance(item, dict):
        problems.append(dataclasses.replace(where, reason="expected a mapping of fields"))
        return []
    known = {f.name for f in dataclasses.fields(KINDS[kind])}
    for key in item:
        if key not in known:
            problems.append(dataclasses.replace(where, column=str(key), reason="unknown field"))
    try:
        return [from_payload(kind, item)]
    except (KeyError, ValueError, TypeError) as exc:
        problems.append(dataclasses.replace(where, reason=f"cannot read: {exc}"))
        return []


def _checked(records: list[Record], problems: list[Problem], name: str) -> list[Record]:
    for r in records:
        try:
            r.validate()
        except InputError as exc:
            problems += [dataclasses.replace(p, file=f"{name}: {p.file}") for p in exc.problems]
    if problems:
        raise InputError(problems, summary=f"{name}: the framework cannot be imported")
    return records
