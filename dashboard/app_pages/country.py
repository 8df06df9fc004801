"""Country progress: the partnership's events, then per theme each indicator's trend fan.

Everything shown is precomputed (trends, summaries); choices live in the URL.
"""

from __future__ import annotations

import streamlit as st

from dashboard import downloads, progress, services
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

top = st.columns([2, 2, 2, 2])
country = top[0].selectbox(
    t("country", lang),
    codes,
    format_func=lambda c: (
        f"{cat.country_by_iso3[c].name(lang)} ({t(cat.country_by_iso3[c].role, lang)})"
    ),
    key="country_iso3",
)
with top[1]:
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
labels = {p.id: f"{p.title(lang)} ({p.label})" for p in cat.periods}
a = top[2].selectbox(t("window_a", lang), list(periods), format_func=labels.get, key="country_a")
b = top[3].selectbox(t("window_b", lang), list(periods), format_func=labels.get, key="country_b")
if a == b:
    st.info(t("same_windows", lang))
    a, b = default_a, default_b
others = st.multiselect(
    t("comparison_countries", lang),
    [c for c in codes if c != country],
    format_func=lambda c: cat.country_by_iso3[c].name(lang),
    key="country_others",
    help=t("comparison_help", lang),
    placeholder=t("choose_options", lang),
    select_all=False,  # Streamlit's 'Select all' is English only
)
others = [c for c in others if c != country]
for key, param, value in (
    ("country_iso3", "country", country),
    ("country_reporter", "reporter", reporter),
    ("country_a", "a", a),
    ("country_b", "b", b),
    ("country_others", "cmp", others),
):
    url_state.save(key, param, value)

st.title(cat.country_by_iso3[country].name(lang))
downloads.pack_buttons(country, reporter, (a, b), others, lang)
visible = [i for i in cat.indicators if services.can_view(i)]


def view_of(indicator_id: str):  # noqa: ANN201 - a SeriesView
    """The page's view of one indicator: area, windows, comparison countries, language."""
    return services.view(
        indicator_id, country, reporter=reporter, a=a, b=b, comparison=others, lang=lang
    )


# Key figures: one line per indicator, so the whole country reads before any chart.
with st.container(border=True, key="country_key_figures"):
    st.markdown(f"**{t('key_figures', lang)}**")
    lines = []
    for ind in visible:
        # The strip says what each chart's account says: its verdict in the one vocabulary.
        account = services.account(view_of(ind.id))
        info = services.series_availability(ind.id, country, account.view.reporter) or {}
        dated = (
            formatting.period(info["last_period"], ind.frequency, lang, short=True)
            if info.get("n_values")
            else t("no_data_short", lang)
        )
        said = (
            f"{account.wording.symbol} {services.verdict_words(account.verdict, lang)}"
            if account.ok and account.wording is not None and account.verdict
            else f"· *{t(account.status + '_short', lang)}*"
        )
        lines.append(f"- {ind.title(lang)}: **{said}** ({dated})")
    halves = st.columns(2)
    middle = (len(lines) + 1) // 2
    halves[0].markdown("\n".join(lines[:middle]))
    halves[1].markdown("\n".join(lines[middle:]))

events = services.events(country)
with st.expander(f"{t('events', lang)} ({len(events)})"):
    if events.empty:
        st.write(t("no_events", lang))
    for ev in events.itertuples():
        title = ev.title_en if lang == "en" else ev.title_nl
        kind = str(ev.type)
        st.markdown(
            f"{services.event_symbol(kind)} **{formatting.date(ev.event_date, lang)}** · "
            f"{services.event_label(kind, lang)} · {notices.literal(title)}"
        )

progress.country_judgements(country, lang)  # each objective's latest approved judgement

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
        st.caption(theme.description(lang))
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
                title = f"{ind.title(lang)} — {areas[area]}"
                if ind.restricted:
                    title += f" [{t('restricted_badge', lang)}]"
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
