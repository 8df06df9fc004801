"""A review round as it stood: judgements, claims, and the figures of its vintage.

`round_report` gathers what a pack, a bundle and the CLI print for one round:

- each objective with its indicator links, and per link what the data said *as
  known on the round's vintage* (`Store.observations(as_of=vintage)`, fitted and
  compared the way every stored trend is), so a later import never changes the
  pack of a past round;
- the approved judgement (or, for a taskforce member, the latest draft marked as
  such) with its evidence and a visible note where judgement and data disagree;
- the contribution claims, worded by `account.claim_sentence`;
- what changed since the country's previous round: new data, revised figures
  (by vintage) and changed judgements.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

import pandas as pd

from indicators import formatting as fmt
from indicators.access import Principal
from indicators.analysis.comparison import Comparison, compare_periods
from indicators.analysis.stored import provisional_bias
from indicators.analysis.windows import Window
from indicators.catalogue import Catalogue
from indicators.errors import InputError, InsufficientDataError, Problem
from indicators.framework.account import claim_sentence, mismatch_notes
from indicators.framework.records import (
    ContributionClaim,
    IndicatorLink,
    Judgement,
    Objective,
    ReviewRound,
)
from indicators.framework.words import hidden_note, label, word
from indicators.framework.workflow import Entry, Framework
from indicators.store import Store
from indicators.views.account import headline, worded


@dataclass(frozen=True)
class LinkFigures:
    """What one linked indicator's data said on the round's vintage."""

    link: IndicatorLink
    title: str
    status: str  # 'ok', 'no_data', 'too_few'
    window_a: str
    window_b: str
    verdict: str | None = None
    change_pct: float | None = None
    low95_pct: float | None = None
    high95_pct: float | None = None
    headline: str = ""
    n_values: int = 0
    last_period: dt.date | None = None


@dataclass(frozen=True)
class ObjectiveReport:
    objective: Entry
    figures: tuple[LinkFigures, ...]
    judgement: Entry | None
    notes: tuple[str, ...]
    claims: tuple[Entry, ...]
    previous_rating: str | None = None


@dataclass(frozen=True)
class RoundChanges:
    """Since the previous round of the same country."""

    previous: ReviewRound | None
    new_values: dict[str, int] = field(default_factory=dict)  # indicator title → count
    revised_values: dict[str, int] = field(default_factory=dict)
    changed_judgements: tuple[tuple[str, str, str], ...] = ()  # objective, before, now


@dataclass(frozen=True)
class RoundReport:
    round: Entry
    objectives: tuple[ObjectiveReport, ...]
    changes: RoundChanges
    lang: str
    demo: bool

    @property
    def record(self) -> ReviewRound:
        return self.round.record  # type: ignore[return-value]


def rounds(framework: Framework, principal: Principal, country: str) -> list[Entry]:
    """The review rounds of a country this person may see, newest first."""
    entries = framework.entries(principal, "review_round", country=country)
    return sorted(entries, key=lambda e: e.record.date, reverse=True)  # type: ignore[attr-defined]


def round_report(
    store: Store,
    framework: Framework,
    principal: Principal,
    round_id: str,
    lang: str,
    visible: frozenset[str],
    *,
    as_of: dt.datetime | None = None,
) -> RoundReport:
    """The report of one round (see the module docstring). `visible`: `access.visible_ids`.

    `as_of` reproduces the framework as it stood then (default: now); the figures are
    always those of the round's vintage.
    """
    found = [e for e in framework.entries(principal, "review_round", as_of=as_of)
             if e.record.id == round_id]  # fmt: skip
    if not found:
        raise InputError(Problem("round", None, None, f"no review round {round_id!r} to show"))
    entry = found[0]
    rnd: ReviewRound = entry.record  # type: ignore[assignment]
    cat = store.catalogue()
    kw: dict[str, Any] = dict(country=rnd.country, visible=visible, as_of=as_of)
    objectives = framework.entries(principal, "objective", **kw)
    judgements = {e.record.objective_id: e for e in
                  framework.entries(principal, "judgement", round_id=rnd.id, **kw)}  # fmt: skip
    claims = framework.entries(principal, "claim", round_id=rnd.id, **kw)
    previous = _previous(framework, principal, rnd, as_of)
    before = {}
    if previous is not None:
        earlier = framework.entries(principal, "judgement", round_id=previous.id, **kw)
        before = {e.record.objective_id: e.record.rating for e in earlier}  # type: ignore[attr-defined]
    reports = []
    for obj_entry in objectives:
        obj: Objective = obj_entry.record  # type: ignore[assignment]
        figures = tuple(link_figures(store, cat, rnd, link, lang) for link in obj.links)
        j = judgements.get(obj.id)
        notes: tuple[str, ...] = ()
        if j is not None:
            verdicts = {f.title: (f.link.desired_direction, f.verdict) for f in figures}
            notes = tuple(mismatch_notes(j.record, verdicts, lang))  # type: ignore[arg-type]
        reports.append(
            ObjectiveReport(
                obj_entry,
                figures,
                j,
                notes,
                tuple(c for c in claims if c.record.objective_id == obj.id),
                before.get(obj.id),
            )
        )
    changes = _changes(store, rnd, previous, reports, before, lang)
    demo = bool(getattr(rnd, "is_demo", False)) or any(
        getattr(r.objective.record, "is_demo", False) for r in reports
    )
    return RoundReport(entry, tuple(reports), changes, lang, demo)


def _previous(
    framework: Framework, principal: Principal, rnd: ReviewRound, as_of: dt.datetime | None
) -> ReviewRound | None:
    entries = framework.entries(principal, "review_round", country=rnd.country, as_of=as_of)
    earlier = [r for r in (cast(ReviewRound, e.record) for e in entries) if r.date < rnd.date]
    return max(earlier, key=lambda r: r.date) if earlier else None


def windows(link: IndicatorLink, vintage: dt.date, lang: str) -> tuple[Window, Window]:
    """Window A is the link's baseline; window B runs from its end to the round's vintage."""
    b_start = link.baseline_end + dt.timedelta(days=1)
    b_end = max(vintage, b_start)
    return (
        Window(pd.Timestamp(link.baseline_start), pd.Timestamp(link.baseline_end),
               _span(link.baseline_start, link.baseline_end, lang)),
        Window(pd.Timestamp(b_start), pd.Timestamp(b_end), _span(b_start, b_end, lang)),
    )  # fmt: skip


def _span(start: dt.date, end: dt.date, lang: str) -> str:
    """'2016–2021' for whole years, else 'jan 2022 – mrt 2026'."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}–{end.year}" if start.year != end.year else str(start.year)
    first = fmt.period(start, "M", lang, short=True)
    return f"{first} – {fmt.period(end, 'M', lang, short=True)}"


# Figures as known on a vintage never change while the store file stays the same (its
# token is in the key), so the fitted comparison is kept per process.
_PINNED: dict[tuple, Comparison | None] = {}


def link_figures(
    store: Store, cat: Catalogue, rnd: ReviewRound, link: IndicatorLink, lang: str
) -> LinkFigures:
    """What one linked indicator's data said as known on the round's vintage (fits a trend)."""
    ind = cat.indicator_by_id.get(link.indicator_id)
    title = ind.title(lang) if ind else link.indicator_id
    a, b = windows(link, rnd.vintage, lang)
    obs = store.observations(link.indicator_id, rnd.country, link.reporter, as_of=rnd.vintage)
    obs = obs[obs["value"].notna()]
    base: dict[str, Any] = dict(
        link=link, title=title, window_a=a.label, window_b=b.label, n_values=len(obs)
    )
    if obs.empty or ind is None:
        return LinkFigures(status="no_data", **base)
    base["last_period"] = pd.Timestamp(obs["period_start"].max()).date()
    # The language too: the comparison carries the windows' labels ('jan 2022' / 'Jan 2022').
    key = (store.token, link.indicator_id, rnd.country, link.reporter, rnd.vintage,
           a.start, a.end, b.start, b.end, lang)  # fmt: skip
    if key not in _PINNED:
        series = obs.set_index(pd.to_datetime(obs["period_start"]))
        try:
            _PINNED[key] = compare_periods(
                series,
                a,
                b,
                frequency=ind.frequency,
                value_kind=ind.value_kind,
                provisional_bias=provisional_bias(store, ind.id, obs, as_of=rnd.vintage),
            )
        except InsufficientDataError:
            _PINNED[key] = None
        while len(_PINNED) > 512:
            _PINNED.pop(next(iter(_PINNED)))
    c = _PINNED[key]
    if c is None:
        return LinkFigures(status="too_few", **base)
    return LinkFigures(
        status="ok",
        verdict=c.verdict,
        change_pct=c.estimate_pct,
        low95_pct=c.low95_pct,
        high95_pct=c.high95_pct,
        headline=headline(c, worded(c), lang),
        **base,
    )


def _changes(
    store: Store,
    rnd: ReviewRound,
    previous: ReviewRound | None,
    reports: list[ObjectiveReport],
    before: dict,
    lang: str,
) -> RoundChanges:
    if previous is None:
        return RoundChanges(None)
    linked = {f.link.indicator_id: f.title for r in reports for f in r.figures}
    rev = store.revisions(previous.vintage, rnd.vintage)
    rev = rev[(rev["country_iso3"] == rnd.country) & rev["indicator_id"].isin(list(linked))]
    new = rev["old_vintage"].isna()

    def count(frame: pd.DataFrame) -> dict[str, int]:
        return {linked[k]: int(n) for k, n in frame.groupby("indicator_id").size().items()}

    changed = []
    for r in reports:
        obj: Objective = r.objective.record  # type: ignore[assignment]
        if r.judgement is None or obj.id not in before:
            continue
        now = r.judgement.record.rating  # type: ignore[attr-defined]
        if before[obj.id] != now:
            changed.append((obj.title(lang), before[obj.id], now))
    return RoundChanges(previous, count(rev[new]), count(rev[~new]), tuple(changed))


# --- text ----------------------------------------------------------------------


def approval_line(entry: Entry, lang: str) -> str:
    v = entry.shown
    if v.status == "approved":
        return word("approved_by", lang).format(
            who=v.actor, when=fmt.date(v.at, lang), version=v.version
        )
    return word("draft_by", lang).format(who=v.author, version=v.version)


def ambition_text(link: IndicatorLink, lang: str) -> str:
    if link.ambition_low_pct is None or link.ambition_high_pct is None:
        return ""
    low = fmt.change_percent(link.ambition_low_pct, lang)
    high = fmt.change_percent(link.ambition_high_pct, lang)
    return f"{word('ambition', lang)} {low} {'tot' if lang == 'nl' else 'to'} {high}"


def link_text(link: IndicatorLink, lang: str) -> str:
    """'baseline 2016–2021 · down · ambition −30% to −10% · expected path late · …'."""
    parts = [
        f"{word('baseline', lang)} {_span(link.baseline_start, link.baseline_end, lang)}",
        label(link.desired_direction, lang),
        ambition_text(link, lang),
        f"{word('path', lang)}: {label(link.expected_path, lang)}",
    ]
    if link.too_early_until:
        parts.append(f"{word('too_early_until', lang)} {fmt.date(link.too_early_until, lang)}")
    return " · ".join(p for p in parts if p)


def figures_text(f: LinkFigures, lang: str) -> str:
    if f.status != "ok":
        return word(f.status, lang)
    return f.headline


def report_markdown(report: RoundReport, lang: str, escape=lambda s: s) -> str:  # noqa: ANN001
    """The round as Markdown (bundle README, CLI). `escape` makes user text safe."""
    r = report.record
    e = escape
    out = [f"## {word('round', lang)}: {e(r.title or r.id)}", ""]
    if report.demo:
        out += [f"**{word('demo', lang)}**", ""]
    out += [
        f"{fmt.date(r.date, lang)} · {word('prepared_on', lang)} {fmt.date(r.vintage, lang)}",
        "",
    ]
    for o in report.objectives:
        obj: Objective = o.objective.record  # type: ignore[assignment]
        out += [f"### {word('objective', lang)}: {e(obj.title(lang))}", ""]
        if o.objective.hidden_evidence:
            out += [hidden_note(o.objective.hidden_evidence, lang), ""]
        out += [f"**{word('data', lang)}** ({fmt.date(r.vintage, lang)})", ""]
        for f in o.figures:
            out.append(f"- {e(f.title)} ({e(f.link.reporter)}; {link_text(f.link, lang)}): "
                       f"{figures_text(f, lang)}")  # fmt: skip
        out.append("")
        if o.judgement is None:
            out += [word("no_judgement", lang), ""]
        else:
            j: Judgement = o.judgement.record  # type: ignore[assignment]
            out += [f"**{word('judgement', lang)}: {label(j.rating, lang)}** — "
                    f"{approval_line(o.judgement, lang)}", ""]  # fmt: skip
            out += [f"{word('rationale', lang)}: {e(j.rationale)}", ""]
            out += [f"{word('confidence', lang)}: {confidence_words(j.confidence, lang)}", ""]
            if j.evidence:
                out.append(f"{word('evidence', lang)}:")
                out += [_evidence_line(x, lang, e) for x in j.evidence]
                out.append("")
            if o.judgement.hidden_evidence:
                out += [
                    hidden_note(o.judgement.hidden_evidence, lang),
                    "",
                ]
            out += [f"> {n}" for n in o.notes] + ([""] if o.notes else [])
        if o.claims:
            out += [f"**{word('claims', lang)}**", ""]
            for c in o.claims:
                out += claim_markdown(c, lang, e)
            out.append("")
    out += [f"### {word('changes', lang)}", ""]
    ch = report.changes
    if ch.previous is None:
        out += [word("first_round", lang), ""]
    else:
        prev = f"{e(ch.previous.title or ch.previous.id)} ({fmt.date(ch.previous.vintage, lang)})"
        out.append(f"- {word('round', lang)}: {prev}")
        for key, counts in (("new_values", ch.new_values), ("revised_values", ch.revised_values)):
            listed = ", ".join(f"{e(t)} {n}" for t, n in counts.items()) or word(
                "nothing_changed", lang
            )
            out.append(f"- {word(key, lang)}: {listed}")
        changed = "; ".join(
            f"{e(t)}: {label(a, lang)} → {label(b, lang)}" for t, a, b in ch.changed_judgements
        )
        changed = changed or word("nothing_changed", lang)
        out += [f"- {word('changed_judgement', lang)}: {changed}", ""]
    return "\n".join(out)


def round_text(
    store: Store,
    framework: Framework,
    principal: Principal,
    round_id: str,
    lang: str,
    visible: frozenset[str],
) -> str:
    """The round's report as the one Markdown text every output carries: the CLI's
    `framework report` and `export --round`, the Progress page's download and the
    country page's pack with a round."""
    report = round_report(store, framework, principal, round_id, lang, visible)
    return report_markdown(report, lang) + "\n"


def _evidence_line(x, lang: str, e) -> str:  # noqa: ANN001
    note = f" — {e(x.note)}" if x.note else ""
    return f"- {label(x.kind, lang)}: {e(x.ref)}{note}"


def claim_markdown(c: Entry, lang: str, e) -> list[str]:  # noqa: ANN001
    claim: ContributionClaim = c.record  # type: ignore[assignment]
    approved = c.shown.status == "approved"
    out = [f"- {e(claim_sentence(claim, approved=approved, lang=lang))}",
           f"  - {word('toc', lang)}: {e(claim.toc_step)}",
           f"  - {word('activity', lang)}: {e(claim.activity_evidence)}"]  # fmt: skip
    if claim.observed:
        sentence = claim.observed.sentence_en if lang == "en" else claim.observed.sentence_nl
        out.append(f"  - {word('observed', lang)}: {e(sentence)}")
    if claim.rivals:
        rivals = "; ".join(f"{label(r.kind, lang)}: {e(r.description)}" for r in claim.rivals)
        out.append(f"  - {word('rivals', lang)}: {rivals}")
    if claim.tests:
        tests = "; ".join(f"{label(t.test, lang)} ({label(t.result, lang)}): {e(t.description)}"
                          for t in claim.tests)  # fmt: skip
        out.append(f"  - {word('tests', lang)}: {tests}")
    out.append(f"  - {approval_line(c, lang)}")
    return out


def confidence_words(key: str, lang: str) -> str:
    """The confidence word with its range, from the one likelihood scale."""
    from indicators.analysis.likelihood import SCALE

    step = next((s for s in SCALE if s.key == key), None)
    return f"{step.words(lang)} ({step.range_label})" if step else key
