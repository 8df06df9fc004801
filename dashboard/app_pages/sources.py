"""Data & sources: the catalogue, sources with full citations, and the import history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, services
from dashboard.i18n import t

lang = components.current_lang()
cat = services.catalogue()
st.title(t("page_sources", lang))

st.header(t("catalogue", lang))
for theme in cat.themes:
    st.subheader(theme.title(lang))
    for ind in (i for i in cat.indicators if i.theme == theme.id):
        badge = f" · 🔒 {t('restricted_badge', lang)}" if ind.restricted else ""
        with st.expander(f"{ind.title(lang)} (`{ind.id}`){badge}"):
            st.markdown(f"**{t('definition', lang)}:** {ind.definition(lang)}")
            st.markdown(f"**{t('counts', lang)}:** {ind.counts(lang)}")
            st.markdown(
                f"**{t('unit', lang)}:** {ind.unit(lang)} · "
                f"**{t('frequency', lang)}:** {t('freq_' + ind.frequency, lang)} · "
                f"{components.sphere_tag(ind, lang)}"
            )
            if ind.description_processing:
                st.markdown(ind.description_processing(lang))
            st.markdown(f"**{t('caveats', lang)}:**")
            for caveat in ind.caveats:
                st.markdown(f"- {caveat(lang)}")
            for sid in ind.sources:
                src = cat.source_by_id[sid]
                st.caption(f"{src.citation_full} {src.url_main} — {src.licence}")

st.header(t("sources", lang))
st.dataframe(
    pd.DataFrame([s.model_dump() for s in cat.sources])[
        ["producer", "title", "dataset", "citation_full", "url_main", "licence"]
    ],
    hide_index=True,
    width="stretch",
)

st.header(t("imports", lang))
st.dataframe(services.imports(), hide_index=True, width="stretch")

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
