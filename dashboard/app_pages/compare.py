"""Compare periods: windows A and B, countries and indicators, a forest plot of changes.

Every number comes from the stored trends (arithmetic only, cached per choice): the
headline change with 80% and 95% intervals, the robustness panel per row, the
smallest detectable change, and the table behind it all as a download.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard import downloads, restricted_files, services
from dashboard.components import language, notices, panels, summaries, toolbar, url_state
from dashboard.i18n import formatting, t

lang = language.current()
cat = services.catalogue()
st.title(t("page_compare", lang))
st.caption(t("compare_intro", lang))

# --- windows A and B: a named period, or any span of years --------------------
periods = {p.id: p for p in cat.periods}
CUSTOM = "custom"
YEARS = re.compile(r"^(\d{4})-(\d{4})$")
first_year = min(p.start.year for p in cat.periods)
last_year = max([p.end.year for p in cat.periods if p.end] + [first_year])


def _period_label(pid: str) -> str:
    if pid == CUSTOM:
        return t("custom_years", lang)
    p = periods[pid]
    return f"{p.title(lang)} ({p.label})"


def window_choice(slot: str, role: str, column):  # noqa: ANN201 - a Window
    """Window A or B: a named period, or whole calendar years."""
    default = next((p.id for p in cat.periods if p.role == role), cat.periods[0].id)
    key = f"compare_{slot}"
    if key not in st.session_state:
        wanted = st.query_params.get(slot)
        match = YEARS.match(wanted or "")
        if wanted in periods or wanted is None:
            st.session_state[key] = wanted or default
        elif match and first_year - 20 <= int(match[1]) <= int(match[2]) <= last_year + 5:
            st.session_state[key] = CUSTOM
            st.session_state[f"{key}_years"] = (int(match[1]), int(match[2]))
        else:
            notices.bad_link(slot, wanted, lang)
            st.session_state[key] = default
    choice = column.selectbox(
        t(f"window_{slot}", lang), [*periods, CUSTOM], format_func=_period_label, key=key
    )
    if choice != CUSTOM:
        st.query_params[slot] = choice
        return services.period_window(choice)
    base = periods[default]
    if f"{key}_years" not in st.session_state:
        st.session_state[f"{key}_years"] = (base.start.year, (base.end or base.start).year)
    low, high = column.slider(
        t("years", lang),
        min_value=min(first_year, 2010),
        max_value=max(last_year, 2026),
        key=f"{key}_years",
    )
    st.query_params[slot] = f"{low}-{high}"
    return services.years_window(low, high)


left, right = st.columns(2)
window_a = window_choice("a", "a", left)
window_b = window_choice("b", "b", right)

# --- countries, indicators, reporting area, comparison group ------------------
names = {c.iso3: c.name(lang) for c in cat.countries}
countries = url_state.choices(
    "countries",
    list(names),
    [c.iso3 for c in cat.countries if c.role == "priority"],
    lang,
    label=t("countries", lang),
    format_func=names.get,
    key="compare_countries",
)
visible = [i.id for i in cat.indicators if services.can_view(i)]
if "compare_indicators" not in st.session_state:  # a shared link beyond this role
    url_state.restricted_in_link("indicators", lang)
indicators = url_state.choices(
    "indicators",
    visible,
    [i for i in ("irregular_detections", "return_returned") if i in visible],
    lang,
    label=t("indicators", lang),
    format_func=lambda i: cat.indicator_by_id[i].title(lang),
    key="compare_indicators",
)
areas = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
area_col, group_col = st.columns([1, 2])
if "compare_reporter" not in st.session_state:
    st.session_state["compare_reporter"] = url_state.choice(
        "reporter", ["EU27", "NL"], "EU27", lang
    )
reporter = (
    area_col.segmented_control(
        t("reporter", lang),
        ["EU27", "NL"],
        format_func=areas.get,
        key="compare_reporter",
        help=t("reporter_help", lang),
    )
    or "EU27"
)
st.query_params["reporter"] = reporter
group_mode = url_state.radio(
    "group",
    ["default", "none", "choose"],
    "default",
    lang,
    label=t("comparison_group", lang),
    key="compare_group",
    prefix="group_",
    help=t("comparison_group_help", lang),
    where=group_col,
)
group: tuple[str, ...] | None = None
if group_mode == "none":
    group = ()
if group_mode == "choose":
    with group_col:
        group = tuple(
            url_state.choices(
                "with",
                list(names),
                services.default_comparison(countries[0] if countries else cat.countries[0].iso3),
                lang,
                label=t("comparison_countries", lang),
                format_func=names.get,
                key="compare_group_countries",
            )
        )
else:
    st.query_params.pop("with", None)

if not countries or not indicators:
    st.info(t("compare_choose", lang))
    st.stop()

# --- the comparisons, the forest plot, the table ----------------------------------
items = []
for ind_id in indicators:
    area = services.area_for(ind_id, reporter)
    items += [(ind_id, country, area) for country in countries]
table = services.comparison_table(items, window_a, window_b, group, lang)
table["label"] = table["country"] + " · " + table["indicator"]
ok = table[(table["status"] == "ok") & table["estimate_pct"].notna()]

st.header(t("forest_title", lang))
if ok.empty:
    st.info(t("too_few", lang))
else:
    # Percent of window A's level: one axis for indicators in different units.
    pct = ["estimate", "low80", "high80", "low95", "high95"]
    rows = ok[["label", "verdict", "country"]].assign(**{k: ok[f"{k}_pct"] for k in pct})
    title = t("forest_chart_title", lang, a=ok["window_a"].iat[0], b=ok["window_b"].iat[0])
    fig = services.forest_chart(
        rows, lang, title=title, x_title=t("forest_axis", lang), group="country"
    )
    with st.container(border=True):
        st.plotly_chart(
            fig,
            width="stretch",
            key="compare_forest",
            config=toolbar.plotly_config(services.comparison_name(window_a, window_b)),
            alt=summaries.forest_summary(ok, lang),
        )
        st.caption(summaries.forest_summary(ok, lang))
        if services.demo_status() != "real":
            st.caption(services.demo_mark(lang))
        downloads.figure_downloads(
            fig,
            rows[["label", "country", *pct, "verdict"]].rename(
                columns={k: f"{k}_pct" for k in pct}  # percent of window A's level
            ),
            {
                "title": title,
                "axis": t("forest_axis", lang),
                "summary": summaries.forest_summary(ok, lang),
                "status": services.demo_mark(lang) if services.demo_status() != "real" else "",
            },
            sorted(set(ok["indicator_id"])),
            f"forest_{window_a}_vs_{window_b}",
            lang,
            "compare_forest",
        )
missing = table[table["status"] != "ok"]
if len(missing):
    st.caption(t("too_few", lang) + " " + "; ".join(missing["label"]))

st.header(t("robustness_panel", lang))
st.caption(t("robustness_intro", lang))
if len(ok):
    # Every row's agreement at a glance (icon and words, not colour), one panel in full.
    agreement = [
        ("✔ " if agree else "⚠ ") + t("methods_agree" if agree else "methods_disagree", lang)
        for agree in ok["methods_agree"]
    ]
    st.dataframe(
        pd.DataFrame(
            {
                t("row_label", lang): ok["label"],
                t("robustness_panel", lang): agreement,
                t("verdict", lang): [services.verdict_words(v, lang) for v in ok["verdict"]],
                t("sdc_short", lang): ok["smallest_detectable_change_pct"].map(
                    lambda x: formatting.percent(x if pd.notna(x) else None, lang, 0)
                ),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    labels = ok["label"].tolist()
    first = next((n for n, agree in enumerate(ok["methods_agree"]) if not agree), 0)
    if st.session_state.get("compare_panel") not in labels:
        st.session_state["compare_panel"] = labels[first]
    chosen = st.selectbox(t("panel_for", lang), labels, key="compare_panel")
    row = next(r for r in ok.itertuples() if r.label == chosen)
    with st.container(border=True):
        account = services.account(
            services.view(
                row.indicator_id,
                row.country_iso3,
                reporter=row.reporter,
                a=window_a,
                b=window_b,
                comparison=group,
                lang=lang,
            )
        )
        st.markdown(f"**{row.label}** — {account.verdict_words} · {account.aim}")
        st.markdown(account.headline)
        panels.methods_panel(services.comparison_methods(account), row, account, lang)

st.header(t("compare_table", lang))
st.dataframe(table.drop(columns=["label"]), hide_index=True, width="stretch")
if services.allowed("export"):
    shown = table.drop(columns=["label"])
    name = services.comparison_name(window_a, window_b)
    about = {
        "title": t("forest_chart_title", lang, a=window_a.label, b=window_b.label),
        "note": t("compare_intro", lang),
        "status": services.demo_mark(lang) if services.demo_status() != "real" else "",
    }
    left, right = st.columns(2)
    for column, kind, data, mime in (
        (left, "csv", services.table_csv(shown), "text/csv"),
        (
            right,
            "xlsx",
            services.table_xlsx(shown, about),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ):
        column.download_button(
            t(f"download_{kind}", lang),
            restricted_files.table_data(list(indicators), f"compare_table_{kind}", data),
            file_name=f"{name}.{kind}",
            mime=mime,
            key=f"compare_download_{kind}",
            on_click="ignore",
        )
