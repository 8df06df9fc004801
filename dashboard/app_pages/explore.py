"""Explore: one indicator across countries and reporting areas."""

from __future__ import annotations

import streamlit as st

from dashboard import components, services
from dashboard.i18n import t

lang = components.current_lang()
cat = services.catalogue()
st.title(t("page_explore", lang))
st.caption(t("explore_intro", lang))

visible = [i for i in cat.indicators if services.can_view(i)]
ids = [i.id for i in visible]
wanted = st.query_params.get("indicator")
if wanted in cat.indicator_by_id and wanted not in ids:  # a shared link beyond this role
    components.gap_cell(cat.indicator_by_id[wanted], "restricted", lang)
    st.session_state["explore_indicator"] = "irregular_detections"
elif st.session_state.get("explore_indicator") not in ids:
    st.session_state["explore_indicator"] = components.url_choice(
        "indicator", ids, "irregular_detections", lang
    )
ind_id = st.selectbox(
    t("indicator", lang),
    ids,
    key="explore_indicator",
    format_func=lambda i: cat.indicator_by_id[i].title(lang),
)
st.query_params["indicator"] = ind_id
ind = cat.indicator_by_id[ind_id]
areas = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
reporter = st.selectbox(
    t("reporter", lang), ind.reporters, format_func=areas.get, key="explore_reporter"
)
names = {c.iso3: c.name(lang) for c in cat.countries}
chosen = st.multiselect(
    t("countries", lang),
    list(names),
    format_func=names.get,
    default=[c.iso3 for c in cat.countries if c.role == "priority"],
    key="explore_countries",
)
obs = services.observations(ind_id, None, reporter)
obs = obs[obs["country_iso3"].isin(chosen)]
if obs["value"].notna().sum() == 0:
    components.gap_cell(ind, "no_data", lang)
else:
    title = f"{ind.title(lang)} — {areas[reporter]}"
    fig = services.observed_chart(ind_id, sorted(chosen), reporter, lang, title)
    components.chart_card(
        ind, fig, obs, lang, key="explore_chart", filename=f"{ind_id}_{reporter}_{'-'.join(chosen)}"
    )
    missing = sorted(set(chosen) - set(obs["country_iso3"]))
    if missing:
        st.caption(t("no_data", lang) + " " + ", ".join(names[c] for c in missing))
