"""Country progress: per theme, every indicator of one country with its source line."""

from __future__ import annotations

import streamlit as st

from dashboard import components, services
from dashboard.i18n import t

lang = components.current_lang()
cat = services.catalogue()
codes = [c.iso3 for c in cat.countries]
if st.session_state.get("country_iso3") not in codes:
    st.session_state["country_iso3"] = components.url_choice("country", codes, codes[0], lang)
country = st.selectbox(
    t("country", lang),
    codes,
    format_func=lambda c: (
        f"{cat.country_by_iso3[c].name(lang)} ({t(cat.country_by_iso3[c].role, lang)})"
    ),
    key="country_iso3",
)
st.query_params["country"] = country
areas = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
reporter = (
    st.segmented_control(
        t("reporter", lang),
        ["EU27", "NL"],
        format_func=areas.get,
        default="EU27",
        key="country_reporter",
        help=t("reporter_help", lang),
    )
    or "EU27"
)

st.title(cat.country_by_iso3[country].name(lang))
events = services.events(country)
with st.expander(f"{t('events', lang)} ({len(events)})", expanded=False):
    if events.empty:
        st.write(t("no_events", lang))
    for ev in events.itertuples():
        title = ev.title_en if lang == "en" else ev.title_nl
        st.markdown(f"- **{ev.event_date:%Y-%m-%d}** · {t('event_' + ev.type, lang)} · {title}")

for theme in cat.themes:
    st.header(theme.title(lang))
    st.caption(theme.description(lang))
    columns = st.columns(2)
    for n, ind in enumerate(i for i in cat.indicators if i.theme == theme.id):
        with columns[n % 2]:
            if not services.can_view(ind):
                components.gap_cell(ind, "restricted", lang)
                continue
            area = reporter if reporter in ind.reporters else ind.reporters[0]
            obs = services.observations(ind.id, country, area)
            if obs["value"].notna().sum() == 0:
                components.gap_cell(ind, "no_data", lang)
                continue
            title = f"{ind.title(lang)} — {areas[area]}"
            if ind.restricted:
                title += f" [{t('restricted_badge', lang)}]"
            fig = services.observed_chart(ind.id, [country], area, lang, title)
            components.chart_card(
                ind,
                fig,
                obs,
                lang,
                key=f"country_chart_{ind.id}",
                filename=f"{country}_{ind.id}_{area}",
            )
