"""The indicator catalogue and reference tables, loaded from data/ and validated.

Typed models reject unknown keys, so a typo in a YAML file is an error that
names the file, the entry and the field, never a silently ignored setting.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from indicators.errors import CatalogueError, Problem

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LANGS = ("nl", "en")
Frequency = Literal["M", "Q", "A"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """A text in both interface languages."""

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class Theme(_Model):
    id: str = Field(pattern=r"^[a-z]+$")
    title: Text
    description: Text


class Source(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    producer: str
    title: str
    dataset: str
    citation_full: str
    url_main: str = Field(pattern=r"^https?://")
    licence: str
    date_published: dt.date | None = None
    date_accessed: dt.date | None = None


class Indicator(_Model):
    id: str = Field(pattern=r"^[a-z]+_[a-z0-9_]+$")
    theme: str
    title: Text
    unit: Text
    short_unit: str
    definition: Text
    counts: Text
    desired_direction: Literal["up", "down", "none"]
    frequency: Frequency
    frequency_why: Text | None = None  # why this frequency (Data & sources, Method)
    value_kind: Literal["count", "ratio", "days", "percent"]
    sources: list[str] = Field(min_length=1)
    reporters: list[str] = Field(min_length=1)
    sphere: Literal["control", "influence", "context"]
    sensitivity: Literal["public", "restricted"]
    processing_level: Literal["minor", "major"]
    description_processing: Text | None = None
    caveats: list[Text] = Field(default_factory=list)
    # What a comparison of two windows compares (issue 13), fixed here, never chosen
    # per series from the data, and the change that matters, in percent of window A's
    # level: the worded probability is that of a change beyond it.
    compared_quantity: Literal["arithmetic_mean", "geometric_mean"] = "arithmetic_mean"
    margin_pct: float = Field(default=10.0, gt=0, le=100)

    @field_validator("title")
    @classmethod
    def _title_style(cls, v: Text) -> Text:
        # OWID style: capitalised, no full stop at the end.
        for text in (v.nl, v.en):
            if text.endswith(".") or not text[0].isupper():
                raise ValueError(f"title {text!r} must be capitalised and not end with a full stop")
        return v

    @property
    def restricted(self) -> bool:
        return self.sensitivity == "restricted"

    @property
    def is_count(self) -> bool:
        return self.value_kind == "count"

    @property
    def decimals(self) -> int:
        """The precision figures of this indicator are shown and downloaded with."""
        return 0 if self.is_count else 1


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name_nl: str
    name_en: str
    role: str

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_nl


@dataclass(frozen=True)
class Period:
    id: str
    label: str
    start: dt.date
    end: dt.date | None
    title_nl: str
    title_en: str
    role: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_nl


EVENT_TYPES = ("partnership_milestone", "eu_agreement", "external_shock", "data_break")


@dataclass(frozen=True)
class Catalogue:
    """Everything in data/ that describes the figures, validated together."""

    themes: tuple[Theme, ...]
    sources: tuple[Source, ...]
    indicators: tuple[Indicator, ...]
    countries: tuple[Country, ...]
    reporting_areas: tuple[dict[str, str], ...]
    flags: tuple[dict[str, str], ...]
    periods: tuple[Period, ...]
    events: tuple[dict[str, str], ...]

    @cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def theme_by_id(self) -> dict[str, Theme]:
        return {t.id: t for t in self.themes}

    @cached_property
    def country_by_iso3(self) -> dict[str, Country]:
        return {c.iso3: c for c in self.countries}

    def indicator(self, indicator_id: str) -> Indicator:
        try:
            return self.indicator_by_id[indicator_id]
        except KeyError:
            raise CatalogueError(
                Problem("catalogue", None, "id", f"unknown indicator {indicator_id!r}")
            ) from None


def load_catalogue(data_dir: Path | str = DATA_DIR) -> Catalogue:
    """Load and cross-validate the catalogue; raise CatalogueError listing every problem."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    themes = _load_models(data_dir / "catalogue" / "themes.yaml", Theme, problems)
    sources = _load_models(data_dir / "catalogue" / "sources.yaml", Source, problems)
    indicators = _load_models(data_dir / "catalogue" / "indicators.yaml", Indicator, problems)
    ref = data_dir / "reference"
    countries = [Country(**r) for r in _read_csv(ref / "countries.csv", problems)]
    areas = _read_csv(ref / "reporting_areas.csv", problems)
    flags = _read_csv(ref / "flags.csv", problems)
    periods = [_period(r, ref / "periods.csv", n, problems) for n, r in _numbered(ref, "periods")]
    events = _read_csv(ref / "events.csv", problems)
    cat = Catalogue(
        tuple(themes),
        tuple(sources),
        tuple(indicators),
        tuple(countries),
        tuple(areas),
        tuple(flags),
        tuple(p for p in periods if p),
        tuple(events),
    )
    problems += _cross_check(cat, data_dir)
    if problems:
        raise CatalogueError(problems, summary=f"The catalogue in {data_dir} is invalid")
    return cat


def _load_models(path: Path, model: type[_Model], problems: list[Problem]) -> list:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        problems.append(Problem(path.name, None, None, f"cannot read: {exc}"))
        return []
    if not isinstance(entries, list):
        problems.append(Problem(path.name, None, None, "must be a list of entries"))
        return []
    out, seen = [], set()
    for n, entry in enumerate(entries, start=1):
        name = entry.get("id", f"#{n}") if isinstance(entry, dict) else f"#{n}"
        try:
            obj = model.model_validate(entry)
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(p) for p in err["loc"]) or None
                problems.append(Problem(f"{path.name} entry {name!r}", None, field, err["msg"]))
            continue
        if obj.id in seen:  # type: ignore[attr-defined]
            problems.append(Problem(f"{path.name} entry {name!r}", None, "id", "duplicate id"))
        seen.add(obj.id)  # type: ignore[attr-defined]
        out.append(obj)
    return out


def _read_csv(path: Path, problems: list[Problem]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except OSError as exc:
        problems.append(Problem(path.name, None, None, f"cannot read: {exc}"))
        return []


def _numbered(ref: Path, name: str) -> Iterable[tuple[int, dict[str, str]]]:
    with (ref / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        # Row numbers as a spreadsheet shows them: the header is row 1.
        yield from enumerate(csv.DictReader(fh), start=2)


def _period(row: dict[str, str], path: Path, n: int, problems: list[Problem]) -> Period | None:
    try:
        start = dt.date.fromisoformat(row["start"])
        end = dt.date.fromisoformat(row["end"]) if row["end"] else None
    except ValueError as exc:
        problems.append(Problem(path.name, n, "start/end", f"not a date: {exc}"))
        return None
    if end and end < start:
        problems.append(Problem(path.name, n, "end", "period ends before it starts"))
    fields = {k: row[k] for k in ("id", "label", "title_nl", "title_en", "role")}
    return Period(start=start, end=end, **fields)


def _cross_check(cat: Catalogue, data_dir: Path) -> list[Problem]:
    """References between files: themes, sources, reporting areas, countries."""
    problems = []
    areas = {a["code"] for a in cat.reporting_areas}
    for ind in cat.indicators:
        where = f"indicators.yaml entry {ind.id!r}"
        if ind.theme not in cat.theme_by_id:
            problems.append(Problem(where, None, "theme", f"unknown theme {ind.theme!r}"))
        elif not ind.id.startswith(ind.theme + "_"):
            problems.append(Problem(where, None, "id", f"must start with its theme {ind.theme!r}"))
        for s in ind.sources:
            if s not in cat.source_by_id:
                problems.append(Problem(where, None, "sources", f"unknown source {s!r}"))
        for r in ind.reporters:
            if r not in areas:
                problems.append(Problem(where, None, "reporters", f"unknown reporting area {r!r}"))
    known = set(cat.country_by_iso3) | {"ALL"}
    for n, ev in enumerate(cat.events, start=2):
        if ev.get("country") not in known:
            problems.append(Problem("events.csv", n, "country", f"unknown {ev.get('country')!r}"))
        if ev.get("type") not in EVENT_TYPES:
            problems.append(Problem("events.csv", n, "type", f"must be one of {EVENT_TYPES}"))
    for c in cat.countries:
        if c.role not in ("priority", "comparison"):
            problems.append(
                Problem("countries.csv", None, "role", f"{c.iso3}: bad role {c.role!r}")
            )
    return problems
