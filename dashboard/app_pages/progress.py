"""Voortgang / Progress: one country's review round — objectives, judgements, claims.

Each objective shows what the data say (the series' account) and, beside it, the
judgement people wrote, with a visible note when the two point different ways.
Taskforce members draft; a second person approves or returns. Choices live in the URL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st

from dashboard import progress as P
from dashboard import services
from dashboard.components import language, notices, url_state
from dashboard.i18n import t

lang = language.current()
cat = services.catalogue()
who = services.principal()
priority = [c.iso3 for c in cat.countries if c.role == "priority"] or [cat.countries[0].iso3]
url_state.restore("progress_country", "country", priority, priority[0], lang)
country = st.selectbox(
    t("country", lang),
    priority,
    format_func=lambda c: cat.country_by_iso3[c].name(lang),
    key="progress_country",
)
url_state.save("progress_country", "country", country)
st.title(f"{t('progress_page', lang)} — {cat.country_by_iso3[country].name(lang)}")
st.caption(t("progress_intro", lang))
if P.can_draft():
    st.caption(t("progress_drafter_note", lang))
elif who.local:
    st.caption(t("progress_local_note", lang))
else:
    st.caption(t("progress_viewer_note", lang))

FLASH = "progress_flash"
if flash := st.session_state.pop(FLASH, None):
    st.success(flash)


# User text shown as Markdown: the one escaping every page uses (indicators.markup).
_md = notices.literal


def _errors(exc: Exception) -> None:
    st.error(P.error_message(exc, lang, _md), icon=":material/error:")


def _done(message: str) -> None:
    P.forget()
    st.session_state[FLASH] = message
    st.rerun()


def _opened(key: str, version: int) -> int:
    """The version this person opened the form on: kept until they save (no lost update)."""
    return st.session_state.setdefault(f"{key}_opened", version)


def _review_buttons(entry: P.Entry, key: str) -> None:
    """Approve / return for a draft someone else wrote."""
    latest = entry.latest
    if not P.can_draft() or latest.status != "draft" or latest.author == who.user:
        return
    approval = P.approval_line(replace(entry, shown=latest), lang)
    st.markdown(f"**{t('progress_to_review', lang)}** · {approval}")
    comment = st.text_input(t("progress_comment", lang), key=f"{key}_comment")
    left, right = st.columns(2)
    approve = left.button(t("progress_approve", lang), key=f"{key}_approve", type="primary")
    back = right.button(t("progress_send_back", lang), key=f"{key}_return")
    if approve or back:
        try:
            if approve:
                row = P.approve(latest, comment)
                _done(t("progress_approved_msg", lang).format(version=row.version))
            else:
                row = P.send_back(latest, comment)
                _done(t("progress_returned_msg", lang).format(version=row.version))
        except P.FORM_ERRORS as exc:
            _errors(exc)


def _state(entry: P.Entry) -> None:
    """Approval line, a newer version waiting, a return comment."""
    st.caption(P.approval_line(entry, lang))
    if entry.pending and entry.approved is not None and P.can_draft():
        st.caption(
            t("progress_pending", lang).format(
                status=P.label(entry.latest.status, lang), version=entry.latest.version
            )
        )
    if entry.latest.status == "returned" and P.can_draft():
        st.warning(
            t("progress_returned_note", lang).format(
                who=_md(entry.latest.actor), comment=_md(entry.latest.comment)
            )
        )


# --- the round -----------------------------------------------------------------
round_entries = P.rounds(country)
round_ids = [e.record.id for e in round_entries]
url_state.restore(
    "progress_round", "round", round_ids or [""], round_ids[0] if round_ids else "", lang
)

if P.can_draft():
    with st.expander(t("progress_new_round", lang)):
        with st.form("progress_new_round", clear_on_submit=False):
            when = st.date_input(
                t("progress_round_date", lang), value=dt.date.today(), key="progress_new_round_date"
            )
            known = sorted(P.vintages(), reverse=True)
            vintage = st.selectbox(
                t("progress_round_vintage", lang),
                known,
                key="progress_new_round_vintage",
                format_func=lambda d: d.isoformat(),
            )
            title = st.text_input(t("progress_round_title", lang), key="progress_new_round_title")
            if st.form_submit_button(t("progress_save_draft", lang), key="progress_new_round_save"):
                try:
                    row = P.save_round(country, when, vintage, title.strip())
                    st.session_state["progress_round"] = row.record_id
                    _done(t("progress_saved", lang).format(version=row.version))
                except P.FORM_ERRORS as exc:
                    _errors(exc)

if not round_entries:
    st.info(t("progress_no_rounds", lang))
    st.stop()

round_id = st.selectbox(
    t("progress_round", lang),
    round_ids,
    format_func=lambda r: next(
        f"{e.record.title or e.record.id} ({e.record.date:%Y-%m-%d})"  # type: ignore[attr-defined]
        for e in round_entries
        if e.record.id == r
    ),
    key="progress_round",
)
url_state.save("progress_round", "round", round_id)
round_entry = next(e for e in round_entries if e.record.id == round_id)
rnd = round_entry.record
if rnd.is_demo:
    st.caption(t("progress_demo_framework", lang))
_state(round_entry)
_review_buttons(round_entry, f"progress_rr_{rnd.id}")
P.round_download(rnd.id, country, lang)
latest = P.latest_vintage()
if latest is not None and latest > rnd.vintage:
    st.info(t("progress_vintage_moved", lang).format(vintage=rnd.vintage.isoformat()))

objectives = P.entries("objective", country)
if not objectives:
    st.info(t("progress_no_objectives", lang))
    st.stop()
judgements = {e.record.objective_id: e for e in P.entries("judgement", country, rnd.id)}
claims = P.entries("claim", country, rnd.id)
likelihood_keys = P.LIKELIHOOD_KEYS

for obj_entry in objectives:
    obj = obj_entry.record
    st.header(obj.title(lang))
    if obj.description_nl or obj.description_en:
        st.caption(obj.description_en if lang == "en" else obj.description_nl)
    if obj_entry.hidden_evidence:
        st.caption(P.hidden_note(obj_entry.hidden_evidence, lang))
    data_col, judged_col = st.columns(2)
    verdicts: dict[str, tuple[str, str | None]] = {}
    with data_col:
        st.subheader(t("progress_data_now", lang))
        for link in obj.links:
            acc = P.link_account(link, country, lang)
            ind = cat.indicator_by_id.get(link.indicator_id)
            name = ind.title(lang) if ind else link.indicator_id
            st.markdown(f"**{_md(name)}** ({_md(link.reporter)})")
            st.caption(P.link_text(link, lang))
            if acc is None:
                continue
            st.write(acc.headline)
            verdicts[name] = (link.desired_direction, acc.verdict)
    j_entry = judgements.get(obj.id)
    with judged_col:
        st.subheader(t("progress_rating", lang))
        if j_entry is None:
            st.write(P.report_word("no_judgement", lang))
        else:
            j = j_entry.record
            st.markdown(f"**{P.label(j.rating, lang)}**")
            st.write(j.rationale)
            st.caption(
                f"{t('progress_confidence', lang)}: {P.confidence_words(j.confidence, lang)}"
            )
            for ev in j.evidence:
                note = f" — {_md(ev.note)}" if ev.note else ""
                st.markdown(f"- {P.label(ev.kind, lang)}: {_md(ev.ref)}{note}")
            if j_entry.hidden_evidence:
                st.caption(P.hidden_note(j_entry.hidden_evidence, lang))
            for note in P.mismatch_notes(j, verdicts, lang):
                st.warning(note, icon=":material/compare_arrows:")
            _state(j_entry)
            _review_buttons(j_entry, f"progress_j_{j.id}")
    for c_entry in (c for c in claims if c.record.objective_id == obj.id):
        c = c_entry.record
        with st.container(border=True):
            approved = c_entry.shown.status == "approved"
            st.markdown(_md(P.claim_sentence(c, approved=approved, lang=lang)))
            st.caption(f"{P.label(c.status, lang)} · {_md(c.toc_step)}")
            if c.observed:
                st.caption(c.observed.sentence_en if lang == "en" else c.observed.sentence_nl)
            for r in c.rivals:
                st.markdown(f"- {P.label(r.kind, lang)}: {_md(r.description)}")
            for x in c.tests:
                st.markdown(
                    f"- {P.label(x.test, lang)} ({P.label(x.result, lang)}): {_md(x.description)}"
                )
            _state(c_entry)
            _review_buttons(c_entry, f"progress_c_{c.id}")

    if not P.can_draft():
        continue
    # --- drafting -------------------------------------------------------------
    jid = P.judgement_id(rnd.id, obj.id)
    form_key = f"progress_jform_{jid}"
    current = j_entry.latest if j_entry else None
    base = P.judgement_payload(current) if current else None
    with st.expander(t("progress_judgement_form", lang)):
        with st.form(form_key):
            opened = _opened(form_key, current.version if current else 0)
            rating = st.selectbox(
                t("progress_rating", lang),
                P.RATINGS,
                format_func=lambda k: P.label(k, lang),
                index=P.RATINGS.index(base.rating) if base else 0,
                key=f"{form_key}_rating",
            )
            rationale = st.text_area(
                t("progress_rationale", lang),
                value=base.rationale if base else "",
                key=f"{form_key}_rationale",
            )
            confidence = st.selectbox(
                t("progress_confidence", lang),
                likelihood_keys,
                format_func=lambda k: P.confidence_words(k, lang),
                index=likelihood_keys.index(base.confidence)
                if base and base.confidence in likelihood_keys
                else 3,
                key=f"{form_key}_confidence",
            )
            evidence = st.text_area(
                t("progress_evidence", lang),
                value=P.evidence_text(base.evidence) if base else "",
                key=f"{form_key}_evidence",
            )
            if st.form_submit_button(t("progress_save_draft", lang), key=f"{form_key}_save"):
                try:
                    row = P.save_judgement(
                        rnd.id,
                        obj,
                        rating=rating,
                        rationale=rationale,
                        confidence=confidence,
                        evidence=evidence,
                        opened=opened,
                    )
                    st.session_state.pop(f"{form_key}_opened", None)
                    _done(t("progress_saved", lang).format(version=row.version))
                except P.FORM_ERRORS as exc:
                    _errors(exc)
    claim_key = f"progress_cform_{rnd.id}_{obj.id}"
    with st.expander(t("progress_claim_form", lang)):
        with st.form(claim_key):
            text = st.text_area(t("progress_claim", lang), key=f"{claim_key}_claim")
            toc = st.text_input(t("progress_toc_step", lang), key=f"{claim_key}_toc")
            activity = st.text_area(t("progress_activity", lang), key=f"{claim_key}_activity")
            linked = [x.indicator_id for x in obj.links]
            observed_id = st.selectbox(
                t("progress_observed", lang),
                ["", *linked],
                key=f"{claim_key}_observed",
                format_func=lambda i: (
                    cat.indicator_by_id[i].title(lang) if i else t("progress_none", lang)
                ),
            )
            rivals = st.text_area(t("progress_rivals", lang), key=f"{claim_key}_rivals")
            tests = st.text_area(t("progress_tests", lang), key=f"{claim_key}_tests")
            status = st.selectbox(
                t("progress_status", lang),
                P.CLAIM_STATUSES,
                index=1,
                format_func=lambda k: P.label(k, lang),
                key=f"{claim_key}_status",
            )
            if st.form_submit_button(t("progress_save_draft", lang), key=f"{claim_key}_save"):
                try:
                    n = 1 + sum(1 for c in claims if c.record.objective_id == obj.id)
                    row = P.save_claim(
                        rnd.id,
                        obj,
                        n,
                        claim=text,
                        toc_step=toc,
                        activity=activity,
                        observed_indicator=observed_id,
                        rivals=rivals,
                        tests=tests,
                        status=status,
                    )
                    _done(t("progress_saved", lang).format(version=row.version))
                except P.FORM_ERRORS as exc:
                    _errors(exc)
