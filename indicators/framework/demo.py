"""A plausible results framework for the demonstration store, marked as demonstration.

Written beside a freshly built demonstration store when its workspace holds nothing
yet (nobody's work is ever replaced). Two demonstration reviewers sign every record
so the four-eyes history looks as it would in use. The Tunisia rounds sit on the
demonstration store's two vintages, so the later round shows new and revised
figures and a changed judgement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from indicators.framework.account import observed_from_comparison
from indicators.framework.records import (
    ContributionClaim,
    EvidenceRef,
    EvidenceTest,
    IndicatorLink,
    Judgement,
    Objective,
    Record,
    ReviewRound,
    Rival,
)
from indicators.framework.report import link_figures
from indicators.framework.workflow import Framework, judgement_id
from indicators.store import Store
from indicators.store.workspaces import open_workspace

DEMO_AUTHOR = "demo: A. de Vries (taskforce)"
DEMO_APPROVER = "demo: B. Jansen (taskforce)"
D = dt.date


def _link(indicator: str, reporter: str, direction: str, path: str, **kw) -> IndicatorLink:
    return IndicatorLink(indicator, reporter, D(2016, 1, 1), D(2021, 12, 31), direction, path, **kw)


def _objectives() -> list[Objective]:
    obj = [
        Objective(
            "TUN-O1", "TUN",
            title_nl="Meer terugkeer van Tunesiërs zonder verblijfsrecht",
            title_en="More returns of Tunisians without a right to stay",
            description_nl="Samenwerking bij identificatie en terugkeer (memorandum 2023).",
            description_en="Cooperation on identification and return (2023 memorandum).",
            links=(
                _link("return_returned", "NL", "up", "late", too_early_until=D(2025, 6, 30),
                      ambition_low_pct=10.0, ambition_high_pct=30.0),
                _link("return_rate", "EU27", "up", "steady"),
                _link("return_travel_documents", "NL", "up", "stepwise"),
            ),
        ),
        Objective(
            "TUN-O2", "TUN",
            title_nl="Minder irreguliere vertrekken en minder doden op zee",
            title_en="Fewer irregular departures and fewer deaths at sea",
            links=(
                _link("irregular_detections", "EU_EXT", "down", "steady",
                      ambition_low_pct=-40.0, ambition_high_pct=-15.0),
                _link("protection_dead_missing", "WORLD", "down", "none_until_end",
                      too_early_until=D(2026, 12, 31)),
            ),
        ),
        Objective(
            "MAR-O1", "MAR",
            title_nl="Meer terugkeer van Marokkanen zonder verblijfsrecht",
            title_en="More returns of Moroccans without a right to stay",
            links=(_link("return_returned", "EU27", "up", "late",
                         too_early_until=D(2026, 6, 30)),),
        ),
        Objective(
            "IRQ-O1", "IRQ",
            title_nl="Meer vrijwillige terugkeer met herintegratiesteun",
            title_en="More voluntary return with reintegration support",
            links=(_link("protection_avrr_assisted", "WORLD", "up", "steady"),),
        ),
        Objective(
            "TUR-O1", "TUR",
            title_nl="Minder irreguliere doorreis via Türkiye",
            title_en="Less irregular transit through Türkiye",
            links=(_link("irregular_detections", "EU_EXT", "down", "stepwise"),),
        ),
    ]  # fmt: skip
    return [replace(o, is_demo=True) for o in obj]


def _rounds() -> list[ReviewRound]:
    rounds = [
        ReviewRound("TUN-2025-11", "TUN", date=D(2025, 11, 20), vintage=D(2025, 9, 30),
                    title="Taskforce Tunesië, november 2025"),
        ReviewRound("TUN-2026-04", "TUN", date=D(2026, 4, 16), vintage=D(2026, 3, 31),
                    title="Taskforce Tunesië, april 2026"),
        ReviewRound("MAR-2026-04", "MAR", date=D(2026, 4, 23), vintage=D(2026, 3, 31),
                    title="Taskforce Marokko, april 2026"),
        ReviewRound("IRQ-2026-05", "IRQ", date=D(2026, 5, 7), vintage=D(2026, 3, 31),
                    title="Taskforce Irak, mei 2026"),
        ReviewRound("TUR-2026-05", "TUR", date=D(2026, 5, 21), vintage=D(2026, 3, 31),
                    title="Taskforce Türkiye, mei 2026"),
    ]  # fmt: skip
    return [replace(r, is_demo=True) for r in rounds]


def _judgement(rnd: str, obj: str, rating: str, confidence: str, rationale: str, *evidence):
    return Judgement(judgement_id(rnd, obj), rnd[:3], round=rnd, objective=obj, rating=rating,
                     rationale=rationale, confidence=confidence,
                     evidence=tuple(EvidenceRef(*e) for e in evidence), is_demo=True)  # fmt: skip


def _judgements() -> list[Judgement]:
    return [
        _judgement("TUN-2025-11", "TUN-O1", "too_early", "about_as_likely_as_not",
                   "Alleen de eerste terugkeercijfers over 2025 waren bekend; het memorandum "
                   "werkt volgens de verwachting pas laat door.",
                   ("indicator", "return_returned"), ("event", "2023-07-16|agreement")),
        _judgement("TUN-2025-11", "TUN-O2", "cannot_assess", "about_as_likely_as_not",
                   "Nog geen cijfers over detecties en slachtoffers in deze gegevensversie.",
                   ("document", "Ambtsbericht Tunesië 2025")),
        _judgement("TUN-2026-04", "TUN-O1", "on_track", "likely",
                   "Terugkeer uit Nederland ligt sinds 2022 hoger dan in de basisperiode, "
                   "binnen de ambitie. De terugkeerratio van de EU daalde; de taskforce weegt "
                   "de Nederlandse cijfers zwaarder voor deze doelstelling.",
                   ("indicator", "return_returned"), ("indicator", "return_travel_documents",
                   "beperkte toegang"), ("document", "Verslag gemengde commissie, maart 2026")),
        _judgement("TUN-2026-04", "TUN-O2", "off_track", "likely",
                   "De taskforce ziet geen duurzame daling van vertrekken en het aantal "
                   "doden op zee blijft hoog.",
                   ("indicator", "irregular_detections"), ("indicator", "protection_dead_missing"),
                   ("event", "2023-07-16|agreement")),
        _judgement("MAR-2026-04", "MAR-O1", "too_early", "about_as_likely_as_not",
                   "Verwacht verloop is laat; te vroeg om te oordelen tot medio 2026.",
                   ("indicator", "return_returned")),
        _judgement("IRQ-2026-05", "IRQ-O1", "on_track", "likely",
                   "Meer begeleide vrijwillige terugkeer dan in de basisperiode.",
                   ("indicator", "protection_avrr_assisted")),
        _judgement("TUR-2026-05", "TUR-O1", "cannot_assess", "unlikely",
                   "Detecties hangen sterk af van patrouille-inzet; geen eenduidig beeld.",
                   ("indicator", "irregular_detections")),
    ]  # fmt: skip


def _claims(store: Store) -> list[ContributionClaim]:
    cat = store.catalogue()
    rnd = next(r for r in _rounds() if r.id == "TUN-2026-04")
    link = _objectives()[0].links[0]
    nl, en = (link_figures(store, cat, rnd, link, lang) for lang in ("nl", "en"))
    observed = None
    if nl.status == "ok":
        observed = replace(
            observed_from_comparison(link.indicator_id, link.reporter, nl.window_a, nl.window_b, {
                "verdict": nl.verdict, "estimate_pct": nl.change_pct,
                "low95_pct": nl.low95_pct, "high95_pct": nl.high95_pct}),
            sentence_nl=nl.headline, sentence_en=en.headline,
        )  # fmt: skip
    return [
        ContributionClaim(
            "TUN-2026-04/c1", "TUN", round="TUN-2026-04", objective="TUN-O1",
            claim="De Nederlandse steun aan identificatie op de consulaten heeft bijgedragen "
            "aan meer terugkeer.",
            toc_step="Snellere identificatie → meer afgegeven reisdocumenten → meer terugkeer",
            activity_evidence="Twee uitgezonden identificatie-experts sinds 2023 "
            "(projectverslagen 2023–2025).",
            observed=observed,
            rivals=(
                Rival("eu_policy", "EU-memorandum met Tunesië, juli 2023", "2023-07-16|agreement"),
                Rival("measurement", "Eurostat telt sinds 2024 ook begeleide vertrekken mee"),
            ),
            tests=(
                EvidenceTest("hoop", "Reisdocumenten stegen vóór de terugkeer", "passed"),
                EvidenceTest("smoking_gun", "Consulaten noemen de experts als reden", "not_yet"),
            ),
            status="plausible_contribution", is_demo=True,
        ),
        ContributionClaim(
            "TUN-2026-04/c2", "TUN", round="TUN-2026-04", objective="TUN-O2",
            claim="Training van de kustwacht verminderde vertrekken vanuit Sfax.",
            toc_step="Training → meer onderscheppingen → minder vertrekken",
            activity_evidence="Vier trainingscycli 2023–2024.",
            rivals=(Rival("measurement", "Patrouille-inzet wisselt sterk per seizoen"),
                    Rival("eu_policy", "EU-financiering van de Tunesische kustwacht")),
            tests=(EvidenceTest("straw_in_the_wind", "Minder onderscheppingen gemeld in 2025",
                                "failed"),),
            status="unclear", is_demo=True,
        ),
    ]  # fmt: skip


def demo_records(store: Store) -> list[Record]:
    """Every record of the demonstration framework, rounds and objectives first."""
    return [*_objectives(), *_rounds(), *_judgements(), *_claims(store)]


def _fixed(moment: dt.datetime) -> Callable[[], dt.datetime]:
    return lambda: moment


def seed_demo_framework(store_path: Path | str) -> int:
    """Write the demonstration framework into a demonstration store's workspace, if empty.

    The workspace is the one the app opens (`open_workspace`: the DuckDB file beside
    the store, or PostgreSQL when the setting selects it), so the demonstration shows
    its framework whichever is selected. Returns the number of records written (0 when
    there was work already).
    """
    repo = open_workspace(store_path)
    if repo.versions():
        return 0
    store = Store(store_path)
    if store.demo_status() != "demo":
        return 0  # a store with real figures never gets demonstration judgements
    records = demo_records(store)
    dates = {r.id: r.date for r in records if isinstance(r, ReviewRound)}
    written = 0
    # Signed when a taskforce would have: objectives before the first round, each
    # round's records a few days after its meeting (so `as_of` reads like history).
    for when in sorted({None, *dates.values()}, key=lambda d: d or dt.date.min):
        batch = [r for r in records if dates.get(r.round_id) == when]  # type: ignore[arg-type]
        moment = dt.datetime.combine((when or D(2025, 10, 1)) + dt.timedelta(days=3),
                                     dt.time(10, 0), dt.UTC)  # fmt: skip
        fw = Framework(repo, clock=_fixed(moment))
        written += fw.seed(batch, author=DEMO_AUTHOR, approver=DEMO_APPROVER)
    return written
