"""Data & sources: the catalogue, what each indicator counts, its sources with full
citation and licence, what the store holds, and the import history.

A link with `?indicator=<id>` opens that indicator's entry.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import services
from dashboard.components import cards, language, notices
from dashboard.i18n import formatting, t, tn

lang = language.current()
cat = services.catalogue()
st.title(t("page_sources", lang))
st.caption(t("sources_intro", lang))

# --- the catalogue at a glance ----------------------------------------------------
areas = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
avail = services.availability()
with_values = avail[avail["n_values"] > 0]
held = with_values.groupby("indicator_id").agg(
    countries=("country_iso3", "nunique"),
    first=("first_period", "min"),
    last=("last_period", "max"),
)
overview = pd.DataFrame(
    [
        {
            "id": ind.id,
            "title": ind.title(lang),
            "theme": cat.theme_by_id[ind.theme].title(lang),
            "unit": ind.unit(lang),
            "frequency": t("freq_" + ind.frequency, lang),
            "sphere": t("sphere_" + ind.sphere, lang),
            "access": t("restricted_badge" if ind.restricted else "public", lang),
            "reporters": ", ".join(areas[r] for r in ind.reporters),
            "sources": "; ".join(cat.source_by_id[s].producer for s in ind.sources),
            "countries": int(held["countries"].get(ind.id, 0)),
            "first": held["first"].get(ind.id),
            "last": held["last"].get(ind.id),
        }
        for ind in cat.indicators
    ]
)
st.header(t("catalogue", lang))
st.dataframe(
    overview,
    hide_index=True,
    width="stretch",
    column_config={
        "id": st.column_config.TextColumn("id"),
        "title": st.column_config.TextColumn(t("indicator", lang)),
        "theme": st.column_config.TextColumn(t("theme", lang)),
        "unit": st.column_config.TextColumn(t("unit", lang)),
        "frequency": st.column_config.TextColumn(t("frequency", lang)),
        "sphere": st.column_config.TextColumn(t("sphere", lang)),
        "access": st.column_config.TextColumn(t("access", lang)),
        "reporters": st.column_config.TextColumn(t("reporters", lang)),
        "sources": st.column_config.TextColumn(t("sources", lang)),
        "countries": st.column_config.NumberColumn(t("countries_with_data", lang)),
        "first": st.column_config.DateColumn(t("first_period", lang), format="YYYY-MM"),
        "last": st.column_config.DateColumn(t("last_period", lang), format="YYYY-MM"),
    },
)
st.caption(t("countries_with_data_help", lang))

# --- every indicator in full ----------------------------------------------------------
wanted = st.query_params.get("indicator")
if wanted is not None and wanted not in cat.indicator_by_id:
    notices.bad_link("indicator", wanted, lang)
for theme in cat.themes:
    st.subheader(theme.title(lang))
    st.caption(theme.description(lang))
    for ind in (i for i in cat.indicators if i.theme == theme.id):
        badge = f" · 🔒 {t('restricted_badge', lang)}" if ind.restricted else ""
        with st.expander(f"{ind.title(lang)} (`{ind.id}`){badge}", expanded=ind.id == wanted):
            st.markdown(f"**{t('definition', lang)}:** {ind.definition(lang)}")
            st.markdown(f"**{t('counts', lang)}:** {ind.counts(lang)}")
            st.markdown(
                f"**{t('unit', lang)}:** {ind.unit(lang)} · "
                f"**{t('frequency', lang)}:** {t('freq_' + ind.frequency, lang)} · "
                f"**{t('reporters', lang)}:** {', '.join(areas[r] for r in ind.reporters)} · "
                f"{cards.sphere_tag(ind, lang)}"
            )
            st.caption(t("sphere_" + ind.sphere + "_help", lang))
            if ind.frequency_why:
                st.markdown(f"**{t('frequency_why', lang)}:** {ind.frequency_why(lang)}")
            if ind.description_processing:
                st.markdown(f"**{t('processing', lang)}:** {ind.description_processing(lang)}")
            st.markdown(f"**{t('caveats', lang)}:**")
            for caveat in ind.caveats:
                st.markdown(f"- {caveat(lang)}")
            st.markdown(f"**{t('sources', lang)}:**")
            for sid in ind.sources:
                src = cat.source_by_id[sid]
                dates = " · ".join(
                    f"{t(label, lang)} {formatting.date(day, lang)}"
                    for label, day in (
                        ("published", src.date_published),
                        ("accessed", src.date_accessed),
                    )
                    if day
                )
                st.markdown(
                    f"- {src.citation_full} <{src.url_main}>  \n"
                    f"  {t('licence', lang)}: {src.licence}" + (f" · {dates}" if dates else "")
                )
            if ind.restricted:
                st.caption(t("restricted", lang))

# --- sources, import history, named periods ----------------------------------------
st.header(t("sources", lang))
st.dataframe(
    pd.DataFrame([s.model_dump() for s in cat.sources])[
        ["producer", "title", "dataset", "citation_full", "url_main", "licence", "date_accessed"]
    ],
    hide_index=True,
    width="stretch",
    column_config={
        "producer": st.column_config.TextColumn(t("producer", lang)),
        "title": st.column_config.TextColumn(t("source_title", lang)),
        "dataset": st.column_config.TextColumn(t("dataset", lang)),
        "citation_full": st.column_config.TextColumn(t("citation", lang)),
        "url_main": st.column_config.LinkColumn(t("link", lang)),
        "licence": st.column_config.TextColumn(t("licence", lang)),
        "date_accessed": st.column_config.DateColumn(t("accessed", lang)),
    },
)

st.header(t("imports", lang))
st.caption(t("imports_intro", lang))
st.dataframe(
    services.imports(),
    hide_index=True,
    width="stretch",
    column_config={
        "import_id": st.column_config.NumberColumn("#"),
        "format": st.column_config.TextColumn(t("import_format", lang)),
        "file_name": st.column_config.TextColumn(t("file", lang)),
        "sha256": st.column_config.TextColumn("SHA-256"),
        "rows_accepted": st.column_config.NumberColumn(t("rows_accepted", lang)),
        "rows_rejected": st.column_config.NumberColumn(t("rows_rejected", lang)),
        "imported_at": st.column_config.DatetimeColumn(t("imported_at", lang)),
        "vintage": st.column_config.DateColumn(t("vintage", lang)),
        "is_demo": st.column_config.CheckboxColumn(t("is_demo", lang)),
    },
)

# Revisions: what changed between two vintages (older values stay in the store).
st.header(t("revisions", lang))
st.caption(t("revisions_intro", lang))
vintages = [v.isoformat() for v in services.meta()["vintages"]]
if len(vintages) < 2:
    st.info(t("revisions_none", lang))
else:
    left, right = st.columns(2)
    old = left.selectbox(t("revisions_from", lang), vintages[:-1], key="sources_rev_from")
    newer = [v for v in vintages if v > old]
    new = right.selectbox(
        t("revisions_to", lang), newer, index=len(newer) - 1, key="sources_rev_to"
    )
    changes = services.revisions(dt.date.fromisoformat(old), dt.date.fromisoformat(new))
    st.caption(tn("revisions_count", len(changes), lang, n=len(changes)))
    st.dataframe(changes, hide_index=True, width="stretch")

st.header(t("periods", lang))
st.dataframe(
    pd.DataFrame(
        [
            {"label": p.label, "title": p.title(lang), "start": p.start, "end": p.end}
            for p in cat.periods
        ]
    ),
    hide_index=True,
)
