"""The bridge between the Progress page (and the country page) and the results framework.

Reads are cached on the workspace file's identity, the store's token, whether this
person sees drafts and which indicators they may see — so a result computed for a
taskforce member is never handed to a viewer, and a save shows on the next run.
Writes go through `indicators.framework.Framework` (four eyes, version check, audit)
onto the workspace beside the store, under the store's writer lock.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import cast

import streamlit as st

from dashboard import services
from dashboard.i18n import t
from indicators import formatting
from indicators.access import Principal
from indicators.analysis.likelihood import SCALE
from indicators.analysis.windows import Window
from indicators.errors import AccessDenied, InputError
from indicators.framework import (
    ContributionClaim,
    Framework,
    IndicatorLink,
    Judgement,
    Objective,
    ReviewRound,
    StoredVersion,
    VersionConflict,
    judgement_id,
)
from indicators.framework.account import claim_sentence, mismatch_notes, observed_from_comparison
from indicators.framework.forms import (
    FormProblems,
    evidence_text,
    parse_evidence,
    parse_rivals,
    parse_tests,
)
from indicators.framework.records import CLAIM_STATUSES, RATINGS
from indicators.framework.report import approval_line, confidence_words, link_text
from indicators.framework.report import word as report_word
from indicators.framework.words import hidden_note as hidden_note
from indicators.framework.words import label
from indicators.framework.workflow import Entry, may_draft
from indicators.store.workspaces import open_workspace
from indicators.views import account, series_view
from indicators.views.account import Account


def framework() -> Framework:
    """The framework on this app's workspace (the setting picks DuckDB beside the store
    or PostgreSQL; short-lived connections either way)."""
    return Framework(open_workspace(services.store_path()))


def workspace_token() -> str:
    return services.per_run(
        "workspace_token", lambda: open_workspace(services.store_path()).token()
    )


def can_draft() -> bool:
    return may_draft(services.principal())


@st.cache_resource(show_spinner=False, max_entries=256)
def _entries(
    path: str,
    token: str,
    who: Principal,
    kind: str,
    country: str | None,
    round_id: str | None,
    visible: frozenset[str],
) -> list[Entry]:
    return Framework(open_workspace(path)).entries(
        who, kind, country=country, round_id=round_id, visible=visible
    )


def entries(kind: str, country: str | None = None, round_id: str | None = None) -> list[Entry]:
    """The records of a kind this session may see (drafts only for drafters)."""
    return _entries(
        services.store_path(),
        workspace_token(),
        services.principal(),
        kind,
        country,
        round_id,
        services.visible_ids(),
    )


def rounds(country: str) -> list[Entry]:
    """Newest first."""
    found = entries("review_round", country)
    return sorted(found, key=lambda e: cast(ReviewRound, e.record).date, reverse=True)


def link_windows(link: IndicatorLink) -> tuple[Window, Window]:
    """A: the baseline; B: from its end to the latest data (the account's windows)."""
    import pandas as pd

    b_start = link.baseline_end + dt.timedelta(days=1)
    a = Window(pd.Timestamp(link.baseline_start), pd.Timestamp(link.baseline_end),
               f"{link.baseline_start.year}–{link.baseline_end.year}")  # fmt: skip
    return a, Window(pd.Timestamp(b_start), None, f"{b_start.year}–")


@st.cache_resource(show_spinner=False, max_entries=512)
def _account(path: str, token: str, link: IndicatorLink, country: str, lang: str) -> Account:
    store = services.store()
    a, b = link_windows(link)
    view = series_view(store.catalogue(), link.indicator_id, country, reporter=link.reporter,
                       a=a, b=b, comparison=(), lang=lang)  # fmt: skip
    return account(store, view, store.catalogue())


def link_account(link: IndicatorLink, country: str, lang: str) -> Account | None:
    """The series' account for a link (None when this session may not see the indicator)."""
    ind = services.catalogue().indicator_by_id.get(link.indicator_id)
    if ind is None or not services.can_view(ind):
        return None
    return _account(services.store_path(), services.token(), link, country, lang)


def latest_vintage() -> dt.date | None:
    vintages = services.per_run("store_vintages", lambda: services.store().vintages())
    return max(vintages) if vintages else None


def vintages() -> list[dt.date]:
    return services.per_run("store_vintages", lambda: services.store().vintages())


def forget() -> None:
    """After a save: drop cached reads so the next run reads the new workspace file."""
    _entries.clear()


# --- what the page shows ---------------------------------------------------------
LIKELIHOOD_KEYS = [s.key for s in SCALE]
FORM_ERRORS = (InputError, VersionConflict, AccessDenied)


def error_message(exc: Exception, lang: str, escape) -> str:  # noqa: ANN001
    """A failed save in the reader's words: every problem, or who changed the record."""
    if isinstance(exc, VersionConflict):
        return escape(
            t("progress_conflict", lang).format(
                who=exc.by or "?", expected=exc.expected, found=exc.found
            )
        )
    if isinstance(exc, InputError):
        return exc.summary + ":\n" + "\n".join(f"- {escape(str(p))}" for p in exc.problems)
    return escape(str(exc))


# --- saving: every form builds its record here, checks all of it, then saves ------
def save_round(country: str, when: dt.date, vintage: dt.date | None, title: str) -> StoredVersion:
    record = ReviewRound(
        f"{country}-{when:%Y-%m-%d}", country, date=when, vintage=vintage or when, title=title
    )
    row = framework().save(services.principal(), record, 0)
    forget()
    return row


def save_judgement(
    round_id: str,
    objective: Objective,
    *,
    rating: str,
    rationale: str,
    confidence: str,
    evidence: str,
    opened: int,
) -> StoredVersion:
    """Save a judgement as a new draft version; `opened` is the version the form showed."""
    form = FormProblems()
    record = Judgement(
        judgement_id(round_id, objective.id),
        objective.country,
        round=round_id,
        objective=objective.id,
        rating=rating,
        rationale=rationale.strip(),
        confidence=confidence,
        evidence=form.parse(parse_evidence, evidence),
    )
    form.check(record)
    row = framework().save(services.principal(), record, opened)
    forget()
    return row


def save_claim(
    round_id: str,
    objective: Objective,
    number: int,
    *,
    claim: str,
    toc_step: str,
    activity: str,
    observed_indicator: str,
    rivals: str,
    tests: str,
    status: str,
) -> StoredVersion:
    """Save a new contribution claim; its observed change is the link's computed account."""
    form = FormProblems()
    observed = None
    if observed_indicator:
        link = next(x for x in objective.links if x.indicator_id == observed_indicator)
        nl, en = (link_account(link, objective.country, lang) for lang in ("nl", "en"))
        if nl is not None and en is not None and nl.comparison is not None:
            observed = replace(
                observed_from_comparison(
                    link.indicator_id, link.reporter, nl.view.a.label, nl.view.b.label,
                    nl.comparison.to_dict(),
                ),
                sentence_nl=nl.headline,
                sentence_en=en.headline,
            )  # fmt: skip
    record = ContributionClaim(
        f"{round_id}/{objective.id}/c{number}",
        objective.country,
        round=round_id,
        objective=objective.id,
        claim=claim.strip(),
        toc_step=toc_step.strip(),
        activity_evidence=activity.strip(),
        observed=observed,
        rivals=form.parse(parse_rivals, rivals),
        tests=form.parse(parse_tests, tests),
        status=status,
    )
    form.check(record)
    row = framework().save(services.principal(), record, 0)
    forget()
    return row


def judgement_payload(version: StoredVersion) -> Judgement:
    return Judgement.from_payload(dict(version.payload))


def approve(version: StoredVersion, comment: str) -> StoredVersion:
    row = framework().approve(
        services.principal(), version.kind, version.record_id, version.version, comment
    )
    forget()
    return row


def send_back(version: StoredVersion, comment: str) -> StoredVersion:
    row = framework().send_back(
        services.principal(), version.kind, version.record_id, version.version, comment
    )
    forget()
    return row


__all__ = [
    "CLAIM_STATUSES",
    "RATINGS",
    "Entry",
    "approval_line",
    "claim_sentence",
    "confidence_words",
    "evidence_text",
    "judgement_id",
    "label",
    "link_text",
    "mismatch_notes",
    "report_word",
]


# --- the country page's box --------------------------------------------------------
def latest_approved_judgements(country: str) -> list[tuple[Objective, Judgement, ReviewRound]]:
    """Per objective, its judgement in the latest round that has an approved one."""
    dates = {e.record.id: e.record for e in entries("review_round", country)}
    best: dict[str, tuple[Judgement, ReviewRound]] = {}
    for e in entries("judgement", country):
        if e.approved is None or e.record.round_id not in dates:
            continue
        j = judgement_payload(e.approved)
        rnd = cast(ReviewRound, dates[j.round])
        if j.objective not in best or best[j.objective][1].date < rnd.date:
            best[j.objective] = (j, rnd)
    out = []
    for o in entries("objective", country):
        if o.record.id in best:
            out.append((cast(Objective, o.record), *best[o.record.id]))
    return out


def judgements_line(country: str, lang: str) -> str | None:
    """The objectives' latest approved ratings in one line of the key figures, or None."""
    found = latest_approved_judgements(country)
    if not found:
        return None
    said = " · ".join(f"{_escape(o.title(lang))}: **{label(j.rating, lang)}**" for o, j, _ in found)
    return f"**{t('progress_country_judgements', lang)}** — {said}"


def country_judgements(country: str, lang: str) -> None:
    """Each objective's latest approved judgement, with its round and linked indicators."""
    found = latest_approved_judgements(country)
    if not found:
        return
    # Folded, with the ratings on the label ('op koers (1), niet op koers (1)'); the
    # key figures say each objective's rating already (judgements_line).
    ratings = Counter(label(j.rating, lang) for _, j, _ in found)
    said = ", ".join(f"{words} ({n})" for words, n in ratings.items())
    title = f"{t('progress_country_judgements', lang)}: {said}"
    with st.expander(title, icon=":material/checklist:"):
        names = services.catalogue().indicator_by_id
        for obj, j, rnd in found:
            linked = ", ".join(names[x.indicator_id].title(lang) for x in obj.links
                               if x.indicator_id in names)  # fmt: skip
            demo = f" · {t('progress_demo_framework', lang)}" if obj.is_demo else ""
            st.markdown(
                f"{_escape(obj.title(lang))}: **{label(j.rating, lang)}** "
                f"({_escape(rnd.title or rnd.id)}, {formatting.date(rnd.date, lang)}){demo}"
            )
            st.caption(linked)
        st.page_link("app_pages/progress.py", label=t("progress_open_progress", lang),
                     query_params={"country": country, "lang": lang})  # fmt: skip


def _escape(text: str) -> str:
    out = str(text)
    for ch in "\\`*_{}[]()<>#+-.!|~$":
        out = out.replace(ch, "\\" + ch)
    return out


def round_download(round_id: str, country: str, lang: str) -> None:
    """The round's report (judgements, claims, figures of its vintage) as Markdown."""
    if not services.allowed("export"):
        return
    from dashboard import restricted_files

    linked = {x.indicator_id for o in entries("objective", country) for x in o.record.links}
    ids = sorted(linked & services.visible_ids())
    text = round_text_maker(round_id, lang)

    def make() -> bytes:
        return text().encode("utf-8")

    st.download_button(
        t("progress_round_pack", lang),
        restricted_files.guarded(ids, "round_report", make, country=country, round=round_id),
        file_name=f"round_{round_id}_{lang}.md".replace("/", "_"),
        mime="text/markdown",
        key=f"progress_round_report_{round_id}",
        on_click="ignore",
        icon=":material/description:",
    )


def round_text_maker(round_id: str, lang: str) -> Callable[[], str]:
    """Makes the round's report text when called (a download's callable runs on click,
    outside the page run): this session's person, store and visible indicators."""
    from indicators.framework.report import round_text

    visible = services.visible_ids()
    who, store, path = services.principal(), services.store(), services.store_path()
    return lambda: round_text(store, Framework(open_workspace(path)), who, round_id, lang, visible)


def round_file_maker(round_id: str, lang: str) -> Callable[[], dict[str, bytes]]:
    """The round's report as a bundle's file (`round_<id>_<lang>.md`), made when called."""
    from indicators.export.filenames import round_name

    text = round_text_maker(round_id, lang)
    return lambda: {round_name(round_id, lang): text().encode("utf-8")}


# --- the country page's pack with a round --------------------------------------------
def pack_round_choice(country: str, lang: str) -> str | None:
    """The review round the country's briefing pack carries, chosen beside its buttons.

    None (no round) by default, and when the country has no round this person may see.
    """
    found = rounds(country)
    if not found:
        return None
    names = {
        e.record.id: f"{cast(ReviewRound, e.record).title or e.record.id} "
        f"({formatting.date(cast(ReviewRound, e.record).date, lang)})"
        for e in found
    }
    options: list[str | None] = [None, *names]
    return st.selectbox(
        t("progress_pack_round", lang),
        options,
        format_func=lambda r: t("progress_pack_no_round", lang) if r is None else names[r],
        key="country_pack_round",
        help=t("progress_pack_round_help", lang),
    )
