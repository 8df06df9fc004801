"""Compare periods: choose windows A and B over an observed series."""

from __future__ import annotations

import streamlit as st

from dashboard import components, services
from dashboard.i18n import t

lang = components.current_lang()
cat = services.catalogue()
st.title(t("page_compare", lang))
st.caption(t("compare_intro", lang))

periods = {p.id: p for p in cat.periods}
labels = {p.id: f"{p.title(lang)} ({p.label})" for p in cat.periods}
left, right = st.columns(2)
a = left.selectbox(
    t("window_a", lang), list(periods), format_func=labels.get, index=0, key="compare_a"
)
b = right.selectbox(
    t("window_b", lang), list(periods), format_func=labels.get, index=1, key="compare_b"
)
visible = [i for i in cat.indicators if services.can_view(i)]
ids = [i.id for i in visible]
ind_id = st.selectbox(
    t("indicator", lang),
    ids,
    key="compare_indicator",
    format_func=lambda i: cat.indicator_by_id[i].title(lang),
)
codes = [c.iso3 for c in cat.countries]
country = st.selectbox(
    t("country", lang),
    codes,
    key="compare_country",
    format_func=lambda c: cat.country_by_iso3[c].name(lang),
)
ind = cat.indicator_by_id[ind_id]
obs = services.observations(ind_id, country, ind.reporters[0])
if obs["value"].notna().sum() == 0:
    components.gap_cell(ind, "no_data", lang)
else:
    windows = tuple(
        (periods[p].label, periods[p].start, periods[p].end or obs["period_end"].max())
        for p in (a, b)
    )
    title = f"{ind.title(lang)} — {cat.country_by_iso3[country].name(lang)}"
    fig = services.observed_chart(ind_id, [country], ind.reporters[0], lang, title, windows)
    components.chart_card(
        ind,
        fig,
        obs,
        lang,
        key="compare_chart",
        filename=f"{country}_{ind_id}_{periods[a].label}_vs_{periods[b].label}",
    )
