"""Overview: priority countries × themes, the direction from window A to B in each cell.

No traffic lights: each indicator gets a symbol, its verdict in words, the likelihood
term of the more likely direction and the evidence quality. Cells say how recent the
data are and how many indicators have too little data, and lead to the country page.
"""

from __future__ import annotations

import streamlit as st

from dashboard import services
from dashboard.components import language, url_state
from dashboard.i18n import formatting, t, tn

lang = language.current()
cat = services.catalogue()
periods = {p.id: p for p in cat.periods}
default_a, default_b = services.default_periods()
areas = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
st.title(t("page_overview", lang))
st.caption(t("overview_intro", lang))

url_state.restore("overview_a", "a", list(periods), default_a, lang)
url_state.restore("overview_b", "b", list(periods), default_b, lang)
url_state.restore("overview_reporter", "reporter", ["EU27", "NL"], "EU27", lang)
labels = {p.id: f"{p.title(lang)} ({p.label})" for p in cat.periods}
left, middle, right = st.columns(3)
a = left.selectbox(t("window_a", lang), list(periods), format_func=labels.get, key="overview_a")
b = middle.selectbox(t("window_b", lang), list(periods), format_func=labels.get, key="overview_b")
with right:
    reporter = (
        st.segmented_control(
            t("reporter", lang),
            ["EU27", "NL"],
            format_func=areas.get,
            key="overview_reporter",
            help=t("reporter_help", lang),
        )
        or "EU27"
    )
if a == b:
    st.info(t("same_windows", lang))
    a, b = default_a, default_b
url_state.save("overview_a", "a", a)
url_state.save("overview_b", "b", b)
url_state.save("overview_reporter", "reporter", reporter)

visible = [i for i in cat.indicators if services.can_view(i)]
themes = list(cat.themes)
# A compact matrix: a row per priority country, a cell per theme with one symbol per
# indicator; the cell's tooltip gives each indicator's direction in words, and the
# cell opens that theme's section on the country page. Four rows fit the first screen.
header = st.columns([1.2] + [1] * len(themes))
header[0].markdown(f"**{t('country', lang)}**")
for col, theme in zip(header[1:], themes, strict=True):
    col.markdown(f"**{theme.title(lang)}**")
# The cells word verdict, aim and evidence, which comparison countries do not change:
# the stored summary (default windows, default comparison countries) where it applies,
# else a comparison without them (one method fewer to compute per cell).
group = None if (a, b) == (default_a, default_b) else ()
for country in [c for c in cat.countries if c.role == "priority"]:
    row = st.columns([1.2] + [1] * len(themes), vertical_alignment="center")
    newest_of_country = []
    link = {"country": country.iso3, "reporter": reporter, "a": a, "b": b, "lang": lang}
    for cell, theme in zip(row[1:], themes, strict=True):
        lines, symbols, latest, too_little = [], [], [], 0
        members = [i for i in visible if i.theme == theme.id]
        for ind in members:
            view = services.view(
                ind.id, country.iso3, reporter=reporter, a=a, b=b, comparison=group, lang=lang
            )
            account = services.account(view)
            info = services.series_availability(ind.id, country.iso3, view.reporter)
            if info is not None and info["n_values"] > 0:
                latest.append(info["last_period"])
            if not account.ok:
                too_little += 1
                symbols.append("·")
                lines.append(f"- {ind.title(lang)}: *{t(account.status + '_short', lang)}*")
                continue
            symbols.append(account.wording.symbol)
            evidence = f"{t('evidence', lang)}: {account.quality}"
            lines.append(
                f"- {ind.title(lang)}: **{account.verdict_words}**; {account.aim} {evidence}"
            )
        newest_of_country += latest
        few = tn("too_little_data", len(members), lang, k=too_little, n=len(members))
        with cell:
            st.page_link(
                "app_pages/country.py",
                label=" ".join(symbols) if symbols else t("no_data_short", lang),
                query_params={**link, "theme": theme.id},
                help="\n".join(lines + ["", few]),
            )
    newest = max(newest_of_country) if newest_of_country else None
    dated = (
        f"{t('latest_data', lang)}: {formatting.period(newest, 'M', lang)}"
        if newest is not None
        else t("no_data", lang)
    )
    with row[0]:
        st.page_link(
            "app_pages/country.py",
            label=f"**{country.name(lang)}**",
            query_params=link,
            help=t("open_country", lang),
        )
        st.caption(dated)
st.caption(t("overview_legend", lang))
