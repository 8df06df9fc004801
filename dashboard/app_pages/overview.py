"""Overview: priority countries × themes, with how much data each cell has."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, services
from dashboard.i18n import t

lang = components.current_lang()
cat = services.catalogue()
st.title(t("page_overview", lang))
st.caption(t("app_tagline", lang))

avail = services.availability()
with_values = avail[avail["n_values"] > 0]
for country in [c for c in cat.countries if c.role == "priority"]:
    st.subheader(country.name(lang))
    cells = st.columns(len(cat.themes))
    for cell, theme in zip(cells, cat.themes, strict=True):
        theme_ids = [i.id for i in cat.indicators if i.theme == theme.id and services.can_view(i)]
        here = with_values[
            (with_values["country_iso3"] == country.iso3)
            & with_values["indicator_id"].isin(theme_ids)
        ]
        n_with = here["indicator_id"].nunique()
        latest = here["last_period"].max()
        with cell.container(border=True):
            st.markdown(f"**{theme.title(lang)}**")
            st.write(f"{n_with}/{len(theme_ids)} {t('with_data', lang)}")
            if pd.notna(latest):
                st.caption(f"{t('latest_data', lang)}: {latest:%Y-%m}")
            else:
                st.caption(t("no_data", lang))
    if st.button(t("open_country", lang), key=f"overview_open_{country.iso3}"):
        st.session_state["country_iso3"] = country.iso3
        st.switch_page("app_pages/country.py")
