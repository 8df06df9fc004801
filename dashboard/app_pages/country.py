"""Country progress: the key figures per theme, then per theme each indicator's trend fan.

One header row (the name, the view's choices behind a button that says them, the
downloads) and the key-figures box fit above the first chart at 1280x800; the events
and the judgements' details follow the charts. Choices live in the URL.
"""

from __future__ import annotations

import streamlit as st

from dashboard import downloads, key_figures, progress, services
from dashboard.components import cards, language, notices, summaries, url_state
from dashboard.i18n import formatting, t

lang = language.current()
cat = services.catalogue()
codes = [c.iso3 for c in cat.countries]
periods = {p.id: p for p in cat.periods}
default_a, default_b = services.default_periods()
areas = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}

url_state.restore("country_iso3", "country", codes, codes[0], lang)
url_state.restore("country_reporter", "reporter", ["EU27", "NL"], "EU27", lang)
url_state.restore("country_a", "a", list(periods), default_a, lang)
url_state.restore("country_b", "b", list(periods), default_b, lang)
# No comparison countries in the link: the country's default ones, as every file has them.
default_others = services.default_comparison(st.session_state.get("country_iso3", codes[0]))
url_state.restore("country_others", "cmp", codes, default_others, lang)

# One row: the country's name, the view's choices folded behind a button that says
# them ('EU-27 · 2016–2021 → 2022–2025 · met Algerije, …') and the briefing's files.
# Every pixel above the key figures and the first chart counts at 1280x800.
state = st.session_state
labels = {p.id: f"{p.title(lang)} ({p.label})" for p in cat.periods}
chosen_others = [
    c for c in state.get("country_others", default_others) if c != state["country_iso3"]
]
said = [
    areas[state["country_reporter"] or "EU27"],
    f"{periods[state['country_a']].label} → {periods[state['country_b']].label}",
]
if chosen_others:
    named = ", ".join(cat.country_by_iso3[c].name(lang) for c in chosen_others)
    said.append(f"{t('compared_with', lang)} {named}")
head = st.columns([5, 8, 4], vertical_alignment="center")
head[0].title(cat.country_by_iso3[state["country_iso3"]].name(lang))
with head[1].popover(
    " · ".join(said), icon=":material/tune:", width="stretch", help=t("view_choices", lang)
):
    country = st.selectbox(
        t("country", lang),
        codes,
        format_func=lambda c: (
            f"{cat.country_by_iso3[c].name(lang)} ({t(cat.country_by_iso3[c].role, lang)})"
        ),
        key="country_iso3",
    )
    reporter = (
        st.segmented_control(
            t("reporter", lang),
            ["EU27", "NL"],
            format_func=areas.get,
            key="country_reporter",
            help=t("reporter_help", lang),
        )
        or "EU27"
    )
    a = st.selectbox(t("window_a", lang), list(periods), format_func=labels.get, key="country_a")
    b = st.selectbox(t("window_b", lang), list(periods), format_func=labels.get, key="country_b")
    others = st.multiselect(
        t("comparison_countries", lang),
        [c for c in codes if c != country],
        format_func=lambda c: cat.country_by_iso3[c].name(lang),
        key="country_others",
        help=t("comparison_help", lang),
        placeholder=t("choose_options", lang),
        select_all=False,  # Streamlit's 'Select all' is English only
    )
if a == b:
    st.info(t("same_windows", lang))
    a, b = default_a, default_b
others = [c for c in others if c != country]
for key, param, value in (
    ("country_iso3", "country", country),
    ("country_reporter", "reporter", reporter),
    ("country_a", "a", a),
    ("country_b", "b", b),
    ("country_others", "cmp", others),
):
    url_state.save(key, param, value)

if services.allowed("export"):
    with head[2].popover(t("country_downloads", lang), icon=":material/download:", width="stretch"):
        downloads.pack_buttons(country, reporter, (a, b), others, lang)
visible = [i for i in cat.indicators if services.can_view(i)]


def view_of(indicator_id: str):  # noqa: ANN201 - a SeriesView
    """The page's view of one indicator: area, windows, comparison countries, language."""
    return services.view(
        indicator_id, country, reporter=reporter, a=a, b=b, comparison=others, lang=lang
    )


# Key figures: a line per theme and the objectives' ratings, so the whole country reads
# before any chart; the events and the judgements' details follow the charts.
key_figures.strip(
    cat.themes,
    visible,
    lambda ind_id: services.account(view_of(ind_id)),
    lang,
    more=[progress.judgements_line(country, lang)],
)

# Themes as tabs the URL names (theme=<id>); only the open tab's charts are drawn.
themes = {th.id: th for th in cat.themes}
chosen = url_state.choice("theme", list(themes), next(iter(themes)), lang)
titles = {th.title(lang): th_id for th_id, th in themes.items()}
tab_key = f"country_theme_{lang}"


def _theme_changed() -> None:
    st.query_params["theme"] = titles[st.session_state[tab_key]]


tabs = st.tabs(
    list(titles), default=themes[chosen].title(lang), key=tab_key, on_change=_theme_changed
)
st.query_params["theme"] = titles.get(st.session_state.get(tab_key), chosen)
for tab, theme in zip(tabs, themes.values(), strict=True):
    if tab.open is False:
        continue
    with tab:
        columns = st.columns(2)
        for n, ind in enumerate(i for i in cat.indicators if i.theme == theme.id):
            with columns[n % 2]:
                if not services.can_view(ind):
                    cards.gap_cell(ind, "restricted", lang)
                    continue
                view = view_of(ind.id)
                account = services.account(view)
                area = view.reporter
                if account.status in ("no_data", "too_few"):
                    cards.gap_cell(ind, account.status, lang)
                    if account.status == "too_few":
                        st.caption(account.headline)
                    continue
                info = services.series_availability(ind.id, country, area) or {}
                title = cards.trend_title(ind, areas[area], lang)
                demo = bool(info.get("any_demo"))
                fig = services.trend_chart(view, title, demo)
                obs = services.observations(ind.id, country, area)
                cards.chart_card(
                    ind,
                    fig,
                    obs,
                    lang,
                    key=f"country_chart_{ind.id}",
                    filename=f"{country}_{ind.id}_{area}",
                    account=account,
                    summary=summaries.series_trend_summary(ind, country, area, lang),
                )
        st.caption(theme.description(lang))  # below: the first chart starts the tab

# The events (marked on the charts too) and the objectives' judgements with their
# rounds fold away side by side after the charts.
events = services.events(country)
beside = st.columns(2)
with beside[0].expander(f"{t('events', lang)} ({len(events)})", icon=":material/event:"):
    if events.empty:
        st.write(t("no_events", lang))
    for ev in events.itertuples():
        kind = str(ev.type)
        st.markdown(
            f"{services.event_symbol(kind)} **{formatting.date(ev.event_date, lang)}** · "
            f"{services.event_label(kind, lang)} · "
            f"{notices.literal(services.event_title(ev._asdict(), lang))}"
        )
with beside[1]:
    progress.country_judgements(country, lang)  # each objective's latest approved judgement
