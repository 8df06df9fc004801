"""Explore: any indicator across countries and reporting areas.

Absolute values, indexed (a named window = 100) or per 100,000 inhabitants where the
population is known; optionally on a log scale and as known on an earlier vintage.
Every choice lives in the URL, so a link reopens the same view.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import services
from dashboard.components import cards, language, summaries, url_state
from dashboard.i18n import formatting, t

lang = language.current()
cat = services.catalogue()
st.title(t("page_explore", lang))
st.caption(t("explore_intro", lang))

visible = [i for i in cat.indicators if services.can_view(i)]
ids = [i.id for i in visible]
if url_state.restricted_in_link("indicator", lang):  # a shared link beyond this role
    st.session_state["explore_indicator"] = "irregular_detections"
elif st.session_state.get("explore_indicator") not in ids:
    st.session_state["explore_indicator"] = url_state.choice(
        "indicator", ids, "irregular_detections", lang
    )
ind_id = st.selectbox(
    t("indicator", lang),
    ids,
    key="explore_indicator",
    format_func=lambda i: cat.indicator_by_id[i].title(lang),
)
if st.session_state.get("explore_shown") not in (None, ind_id):
    st.query_params.pop("reporters", None)  # the areas of the previous indicator
st.session_state["explore_shown"] = ind_id
st.query_params["indicator"] = ind_id
ind = cat.indicator_by_id[ind_id]

areas = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
names = {c.iso3: c.name(lang) for c in cat.countries}
left, right = st.columns([2, 1])
with left:
    countries = url_state.choices(
        "countries",
        list(names),
        [c.iso3 for c in cat.countries if c.role == "priority"],
        lang,
        label=t("countries", lang),
        format_func=names.get,
        key="explore_countries",
    )
with right:
    reporters = url_state.choices(
        "reporters",
        ind.reporters,
        ind.reporters[:1],
        lang,
        label=t("reporters", lang),
        format_func=areas.get,
        key=f"explore_reporters_{ind_id}",
    )

# --- how to show it: absolute, indexed, per capita; log scale; vintage -------------
per_capita_ok = ind.is_count and ind.id != services.POPULATION
modes = [m for m in services.EXPLORE_MODES if m != "per_capita" or per_capita_ok]
c1, c2, c3 = st.columns([2, 1, 1])
mode = url_state.radio(
    "mode",
    modes,
    "absolute",
    lang,
    label=t("explore_mode", lang),
    key="explore_mode",
    prefix="mode_",
    help=t("explore_mode_help", lang),
    where=c1,
)
if not per_capita_ok:
    c1.caption(t("per_capita_unavailable", lang))

periods = {p.id: p for p in cat.periods}
base_default = next((p.id for p in cat.periods if p.role == "a"), cat.periods[0].id)
if "explore_base" not in st.session_state:
    st.session_state["explore_base"] = url_state.choice("base", list(periods), base_default, lang)
base_id = c2.selectbox(
    t("index_base", lang),
    list(periods),
    format_func=lambda p: f"{periods[p].title(lang)} ({periods[p].label})",
    key="explore_base",
    disabled=mode != "indexed",
)
if mode == "indexed":
    st.query_params["base"] = base_id
else:
    st.query_params.pop("base", None)
base = periods[base_id]

if "explore_log" not in st.session_state:
    st.session_state["explore_log"] = st.query_params.get("log") == "1"
log_y = c3.toggle(t("log_scale", lang), key="explore_log", help=t("log_scale_help", lang))
if log_y:
    st.query_params["log"] = "1"
else:
    st.query_params.pop("log", None)

# "As of": the figures as they were known on an earlier vintage (revisions undone).
vintages = [v.isoformat() for v in services.meta()["vintages"]]
as_of: dt.date | None = None
if len(vintages) > 1:
    latest = "latest"
    if "explore_as_of" not in st.session_state:
        st.session_state["explore_as_of"] = url_state.choice(
            "as_of", [latest, *vintages], latest, lang
        )
    chosen = c3.selectbox(
        t("as_of", lang),
        [latest, *vintages],
        format_func=lambda v: t("as_of_latest", lang) if v == latest else v,
        key="explore_as_of",
        help=t("as_of_help", lang),
    )
    if chosen == latest:
        st.query_params.pop("as_of", None)
    else:
        st.query_params["as_of"] = chosen
        as_of = dt.date.fromisoformat(chosen)

# --- the chart ------------------------------------------------------------------------
if not countries or not reporters:
    st.info(t("compare_choose", lang))
    st.stop()
frame, left_out = services.explore_view(
    ind_id,
    countries,
    reporters,
    mode,
    (base.start.isoformat(), base.end.isoformat() if base.end else None),
    as_of,
)
if frame["value"].notna().sum() == 0:
    cards.gap_cell(ind, "no_data", lang)
else:
    frame = services.label_series(frame, lang)
    y_title = {
        "absolute": ind.unit(lang),
        "indexed": t("indexed_unit", lang, base=base.label),
        "per_capita": t("per_capita_unit", lang, unit=ind.unit(lang)),
    }[mode]
    title = f"{ind.title(lang)}" + (
        f" — {t('mode_' + mode, lang).lower()}" if mode != "absolute" else ""
    )
    if as_of is not None:
        title += f" ({t('as_of', lang).lower()} {formatting.date(as_of, lang)})"
    fig = services.explore_chart(frame, ind, lang, title=title, y_title=y_title, log_y=log_y)
    short = {"absolute": f" {ind.short_unit}".rstrip(), "indexed": "", "per_capita": ""}[mode]
    decimals = 0 if mode == "absolute" and ind.is_count else 1
    cards.chart_card(
        ind,
        fig,
        frame,
        lang,
        key="explore_chart",
        filename=f"{ind_id}_{mode}_{'-'.join(reporters)}_{'-'.join(countries)}",
        summary=summaries.series_summary(frame, short, lang, decimals),
    )
    if mode == "per_capita":
        st.caption(services.citation(cat.indicator_by_id[services.POPULATION], frame, lang))
    if as_of is None:
        # Each series' one account (default windows and comparison countries), as the
        # country page and the chart's files say it; rescaling changes no verdict.
        shown_series = frame[["country_iso3", "reporter"]].drop_duplicates()
        with st.container(key="explore_accounts"):
            for country, area in shown_series.itertuples(index=False):
                told = services.account(services.view(ind_id, country, reporter=area, lang=lang))
                said = f"**{told.verdict_words}** · {told.aim}" if told.verdict_words else ""
                st.markdown(
                    f"{names[country]} · {areas[area]}: {said} {told.headline}".replace("  ", " ")
                )
if mode == "per_capita" and len(frame):
    # Periods kept as gaps (no population estimate of their year): said, not hidden.
    plain, _ = services.explore_view(ind_id, countries, reporters, "absolute", as_of=as_of)
    lost = services.rescale_gaps(plain, frame)
    if len(lost):
        years = lost.groupby(["country_iso3", "reporter"])["period_start"]
        said = "; ".join(
            f"{names[c]} · {areas[r]}: " + ", ".join(str(y) for y in sorted(set(p.dt.year)))
            for (c, r), p in years
        )
        st.caption(f"{t('per_capita_gaps', lang)}: {said}")
if left_out:
    reason = t(f"left_out_{mode}", lang)
    shown = ", ".join(f"{names[c]} · {areas[r]}" for c, r in left_out)
    st.caption(f"{reason}: {shown}")
missing = sorted(set(countries) - set(frame["country_iso3"]) - {c for c, _ in left_out})
if missing:
    st.caption(t("no_data", lang) + " " + ", ".join(names[c] for c in missing))
