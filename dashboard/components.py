"""Reusable pieces of screen: notices, chart cards, gap cells, shareable choices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import downloads, services
from dashboard.i18n import DEFAULT_LANG, LANG_NAMES, t, tn
from dashboard.services.charts import events_in_view, provisional_runs
from indicators import formatting
from indicators.markup import markdown

if TYPE_CHECKING:
    from indicators.catalogue import Indicator
    from indicators.views import Account

LANG_KEY = "app_lang"


def current_lang() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANG)


def language_switch() -> str:
    """Dutch by default, English one click away; the choice lives in the URL too."""
    url_state(LANG_KEY, "lang", list(LANG_NAMES), DEFAULT_LANG, DEFAULT_LANG, notice=False)
    lang = st.sidebar.radio(
        t("language", st.session_state[LANG_KEY]),
        list(LANG_NAMES),
        format_func=LANG_NAMES.get,
        key=LANG_KEY,
        horizontal=True,
    )
    to_url(LANG_KEY, "lang", lang)
    # Streamlit writes <html lang="en">; screen readers and hyphenation need the truth.
    st.sidebar.html(
        f"<script>document.documentElement.lang = {lang!r};</script>",
        unsafe_allow_javascript=True,
    )
    if st.session_state.get("_lang_drawn", lang) != lang:
        _relabel_choices()
    st.session_state["_lang_drawn"] = lang
    return lang


def _relabel_choices() -> None:
    """After a language switch, hand every URL-backed widget its value again.

    Streamlit's browser side keeps a choice as the label it showed ("Tunesië
    (prioriteitsland)"); a value set from the script is sent again and drawn with
    the new language's labels.
    """
    for key in st.session_state.get("_url_keys", ()):
        if key in st.session_state and key != LANG_KEY:
            st.session_state[key] = st.session_state[key]


def _register(key: str) -> None:
    keys = st.session_state.setdefault("_url_keys", set())
    keys.add(key)


def demo_notice(lang: str) -> None:
    status = services.demo_status()
    if status == "demo":
        st.warning(t("demo_banner", lang), icon="⚠️")
    elif status == "mixed":
        st.info(t("mixed_banner", lang), icon="ℹ️")


def literal(value: object) -> str:
    """A value from the store, a file or a link, ready to sit in Markdown as plain text."""
    return markdown(value)


def bad_link(param: str, value: str, lang: str) -> None:
    """The notice for a link's unknown value; the value is shown as text, never markup
    (a link's parameter could otherwise draw a link or fetch an image inside the app)."""
    st.info(t("bad_link", lang, what=literal(f"{param}={value}")))


def url_choice(param: str, options: Sequence[str], default: str, lang: str) -> str:
    """A value from the URL if it is a valid option, else the default with a notice."""
    value = st.query_params.get(param)
    if value is None:
        return default
    if value in options:
        return value
    bad_link(param, value, lang)
    return default


def url_choices(
    param: str,
    options: Sequence[str],
    default: Sequence[str],
    lang: str,
    *,
    label: str,
    key: str,
    format_func=str,
) -> list[str]:
    """A multiselect whose choice lives in the URL as a comma-separated list.

    Unknown values in a link are dropped with a notice; a link with none left
    falls back to the default.
    """
    _register(key)
    if key not in st.session_state:
        chosen = list(default)
        value = st.query_params.get(param)
        if value is not None:
            wanted = [v for v in value.split(",") if v]
            unknown = [v for v in wanted if v not in options]
            if unknown:
                bad_link(param, ",".join(unknown), lang)
            chosen = [v for v in wanted if v in options] or chosen
        st.session_state[key] = chosen
    chosen = st.multiselect(
        label,
        list(options),
        format_func=format_func,
        key=key,
        placeholder=t("choose_options", lang),
        select_all=False,  # Streamlit's 'Select all' is English only
    )
    st.query_params[param] = ",".join(chosen)
    return chosen


def url_state(
    key: str,
    param: str,
    options: Sequence[str],
    default: str | list[str],
    lang: str,
    *,
    notice: bool = True,
) -> None:
    """Give widget `key` its value from the URL (a shared link) before it is drawn.

    The URL wins on the first run of a page and whenever it changed since this page
    last wrote it (a followed link); otherwise the widget keeps what the user chose,
    also across a language switch. A value that is not an option falls back to the
    default with a notice. Lists travel as comma-separated values. Pair with `to_url`.
    """
    _register(key)
    raw = st.query_params.get(param)
    if key in st.session_state and (raw is None or raw == st.session_state.get(f"_url_{key}")):
        return
    many = isinstance(default, list)
    if raw is None:
        value: str | list[str] = default
    elif many:
        wanted = [v for v in raw.split(",") if v]
        value = [v for v in wanted if v in options]
        if len(value) != len(wanted) and notice:
            bad_link(param, raw, lang)
    elif raw in options:
        value = raw
    else:
        if notice:
            bad_link(param, raw, lang)
        value = default
    st.session_state[key] = value


def to_url(key: str, param: str, value: str | list[str]) -> None:
    """Write the value shown for widget `key` into the URL: a copied link reopens this view."""
    text = ",".join(value) if isinstance(value, list) else str(value)
    st.query_params[param] = text
    st.session_state[f"_url_{key}"] = text


def restricted_in_link(param: str, lang: str) -> list[str]:
    """Indicators a shared link names but this session may not see: each gets a notice."""
    cat = services.catalogue()
    named = (st.query_params.get(param) or "").split(",")
    hidden = [i for i in named if i in cat.indicator_by_id]
    hidden = [i for i in hidden if not services.can_view(cat.indicator_by_id[i])]
    for ind_id in hidden:
        gap_cell(cat.indicator_by_id[ind_id], "restricted", lang)
    return hidden


def url_radio(
    param: str,
    options: Sequence[str],
    default: str,
    lang: str,
    *,
    label: str,
    key: str,
    prefix: str,
    help: str | None = None,
    where=st,
) -> str:
    """A horizontal radio whose choice lives in the URL; option `o` shows t(prefix + o)."""
    _register(key)
    if st.session_state.get(key) not in options:
        st.session_state[key] = url_choice(param, options, default, lang)
    value = where.radio(
        label,
        list(options),
        format_func=lambda o: t(prefix + o, lang),
        key=key,
        horizontal=True,
        help=help,
    )
    st.query_params[param] = value
    return value


def sphere_tag(indicator: Indicator, lang: str) -> str:
    return f"{t('sphere', lang)}: **{t('sphere_' + indicator.sphere, lang)}**"


def gap_cell(indicator: Indicator, kind: str, lang: str) -> None:
    """An explicit cell for a gap: 'no_data', 'restricted' or 'too_few'."""
    with st.container(border=True):
        st.markdown(f"**{indicator.title(lang)}**")
        st.caption(sphere_tag(indicator, lang))
        text = t(kind, lang)
        if kind == "restricted" and services.principal().local:
            real = services.holds_real_figures(indicator.id)
            text = t("restricted_local" if real else "restricted_local_none", lang)
        st.info(text, icon=":material/lock:" if kind == "restricted" else ":material/block:")


def chart_summary(obs: pd.DataFrame, indicator: Indicator, lang: str) -> str:
    values = obs.dropna(subset=["value"])
    if values.empty:
        return t("no_data", lang)
    last = values.iloc[-1]
    freq = indicator.frequency
    return tn(
        "chart_summary",
        len(values),
        lang,
        n=len(values),
        first=formatting.period(values["period_start"].min(), freq, lang, short=True),
        last=formatting.period(values["period_start"].max(), freq, lang, short=True),
        value=_value(last["value"], indicator, lang),
        period=formatting.period(last["period_start"], freq, lang, short=True),
    )


def _value(x: float, indicator: Indicator, lang: str, *, unit: bool = True) -> str:
    text = formatting.number(x, lang, indicator.decimals)
    return f"{text} {indicator.short_unit}".rstrip() if unit else text


def trend_summary(
    trend: pd.DataFrame, indicator: Indicator, lang: str, events: pd.DataFrame | None = None
) -> str:
    """The short text a screen reader gets for a trend chart: values, level, marks."""
    seen = trend[trend["observed"].astype(bool)]
    if seen.empty:
        return t("no_data", lang)
    last, end = seen.iloc[-1], trend.iloc[-1]
    freq = indicator.frequency
    parts = [
        tn(
            "trend_summary",
            len(seen),
            lang,
            n=len(seen),
            first=formatting.period(seen["period_start"].min(), freq, lang, short=True),
            last=formatting.period(seen["period_start"].max(), freq, lang, short=True),
            value=_value(last["value"], indicator, lang),
            period=formatting.period(last["period_start"], freq, lang, short=True),
            end=formatting.period(end["period_start"], freq, lang, short=True),
            level=_value(end["level"], indicator, lang),
            low=_value(end["lo95"], indicator, lang, unit=False),
            high=_value(end["hi95"], indicator, lang),
        )
    ]
    if runs := provisional_runs(trend):
        parts.append(tn("provisional_shaded", len(runs), lang, k=len(runs)))
    marked = events_in_view(events, trend)
    if len(marked):
        listed = [
            f"{services.event_label(str(r.type), lang)} "
            f"{formatting.date(pd.Timestamp(str(r.event_date)), lang, short=True)}"
            for r in marked.itertuples()
        ]
        parts.append(t("events_marked", lang, events="; ".join(listed)))
    return " ".join(parts)


def series_trend_summary(indicator: Indicator, country: str, reporter: str, lang: str) -> str:
    """`trend_summary` of a stored series with its country's events, cached per store."""
    return _series_trend_summary(services.token(), indicator.id, country, reporter, lang)


@st.cache_data(show_spinner=False, max_entries=4000)
def _series_trend_summary(
    token: str, indicator_id: str, country: str, reporter: str, lang: str
) -> str:
    indicator = services.catalogue().indicator_by_id[indicator_id]
    trend = services.trend(indicator_id, country, reporter)
    return trend_summary(trend, indicator, lang, services.events(country))


TOOLBAR_KEY = "chart_toolbar"


def toolbar_switch(lang: str) -> None:
    """Charts' toolbars on demand: off, a keyboard passes no toolbar buttons on the way."""
    st.sidebar.toggle(t("chart_toolbar", lang), key=TOOLBAR_KEY, help=t("chart_toolbar_help", lang))


def plotly_config(filename: str, fmt: str = "png") -> dict:
    """The browser's own image button: a sensible file name and twice screen size; the
    toolbar only when asked for (the card's download menu holds the files otherwise)."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in filename)[:120]
    return {
        "displayModeBar": bool(st.session_state.get(TOOLBAR_KEY, False)),
        "displaylogo": False,
        "toImageButtonOptions": {"format": fmt, "filename": safe, "scale": 2},
    }


def chart_card(
    indicator: Indicator,
    fig: go.Figure,
    obs: pd.DataFrame,
    lang: str,
    key: str,
    filename: str,
    *,
    account: Account | None = None,
    summary: str | None = None,
) -> None:
    """A chart with what must travel with it: the series' account (verdict, aim,
    headline, details), a summary, source line, caveat and sphere."""
    view = account.view if account is not None else None
    with st.container(border=True):
        summary = summary or chart_summary(obs, indicator, lang)
        name = f"{downloads.file_stem(indicator, obs, view)}_{lang}" if len(obs) else filename
        config = plotly_config(name, downloads.browser_format(key))
        if indicator.restricted and services.principal().signed_in:
            # A restricted chart leaves only through the download menu, which is audited.
            config["modeBarButtonsToRemove"] = ["toImage"]
        st.plotly_chart(fig, width="stretch", key=key, config=config, alt=summary)
        if account is not None:
            account_text(account, lang)
        st.caption(summary)
        st.caption(
            account.source if account is not None else services.citation(indicator, obs, lang)
        )
        caveat = indicator.caveats[0](lang) if indicator.caveats else ""
        st.caption(f"{sphere_tag(indicator, lang)} · {t('caveat', lang)}: {caveat}")
        downloads.chart_downloads(indicator, fig, obs, lang, key, view)


def account_text(account: Account, lang: str) -> None:
    """The account as a reader meets it: verdict and aim, the headline, then the details
    for those who open them."""
    if account.verdict_words:
        st.markdown(f"**{account.verdict_words}** · {account.aim}")
    st.markdown(account.headline)
    if account.details:
        with st.expander(t("details", lang)):
            st.markdown("\n".join(f"- {d}" for d in account.details))


def _signed_pct(x: float | None, lang: str) -> str:
    return formatting.change_percent(None if x is None or pd.isna(x) else float(x), lang)


def _interval(low: float, high: float, lang: str) -> str:
    return f"{_signed_pct(low, lang)} … {_signed_pct(high, lang)}"


def forest_summary(rows: pd.DataFrame, lang: str) -> str:
    """The forest plot in one sentence: how many changes of each kind, where methods differ."""
    counts = rows["verdict"].value_counts()
    kinds = ", ".join(
        f"{counts[v]} {services.verdict_words(v, lang)}"
        for v in ("increase", "decrease", "little_change", "no_detectable_change")
        if v in counts
    )
    disagree = rows.loc[~rows["methods_agree"].astype(bool), "label"].tolist()
    text = tn("forest_summary", len(rows), lang, n=len(rows), kinds=kinds)
    if disagree:
        text += " " + t("forest_disagree", lang, rows="; ".join(disagree))
    return text


def methods_panel(panel: pd.DataFrame, row, account: Account, lang: str) -> None:
    """The robustness panel of one comparison: its methods side by side, whether their
    verdicts agree (the account's words), and the smallest detectable change."""
    shown = pd.DataFrame(
        {
            t("method", lang): panel["label"],
            t("change_pct", lang): panel["estimate_pct"].map(lambda x: _signed_pct(x, lang)),
            t("interval80", lang): [
                _interval(lo, hi, lang)
                for lo, hi in zip(panel["low80_pct"], panel["high80_pct"], strict=True)
            ],
            t("interval95", lang): [
                _interval(lo, hi, lang)
                for lo, hi in zip(panel["low95_pct"], panel["high95_pct"], strict=True)
            ],
            t("probability_increase", lang): panel["probability_increase"].map(
                lambda p: formatting.percent(p, lang, 0, ratio=True)
            ),
            t("likelihood_term", lang): panel["likelihood"],
            t("verdict", lang): panel["verdict"].map(lambda v: services.verdict_words(v, lang)),
            t("overlaps_all", lang): panel["within_all"].map(
                lambda ok: "✔ " + t("yes", lang) if ok else "✖ " + t("no", lang)
            ),
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
    sdc = row.smallest_detectable_change_pct
    band = None
    if sdc is not None and pd.notna(sdc):
        # On the log scale +x% and its mirror -x/(1+x)% are the same size of change.
        low = 100 * (1 / (1 + sdc / 100) - 1) if row.scale == "log" else -sdc
        band = (low, float(sdc))
    rows = panel.assign(
        label=panel["label"].str.split(" (", regex=False).str[0],
        **{k: panel[f"{k}_pct"] for k in ("estimate", "low80", "high80", "low95", "high95")},
    )
    fig = services.forest_chart(
        rows[["label", "estimate", "low80", "high80", "low95", "high95", "verdict"]],
        lang,
        title=t("methods_chart_title", lang, n=len(panel)),
        x_title=t("forest_axis", lang),
        band=band,
        band_label=t("sdc_band", lang),
    )
    summary = "; ".join(
        f"{label}: {_signed_pct(est, lang)} [{_interval(lo, hi, lang)}]"
        for label, est, lo, hi in zip(
            rows["label"], rows["estimate"], rows["low95"], rows["high95"], strict=True
        )
    )
    st.plotly_chart(
        fig,
        width="stretch",
        key=f"compare_methods_{row.indicator_id}_{row.country_iso3}_{row.reporter}",
        config=plotly_config(f"methods_{row.indicator_id}_{row.country_iso3}"),
        alt=summary,
    )
    st.caption(summary)
    # The words count the methods' verdicts (the account's); the icon says whether any
    # two of them point opposite ways, the comparison's own rule (Method page).
    robustness = account.robustness
    if robustness is not None and robustness.agree:
        st.success(robustness.summary, icon=":material/check_circle:")
    elif robustness is not None and row.methods_agree:
        st.info(robustness.summary, icon=":material/info:")
    elif robustness is not None:
        st.warning(robustness.summary, icon=":material/warning:")
    if sdc is not None and pd.notna(sdc) and account.verdict == "no_detectable_change":
        # Beside a detected change the smallest detectable one would read as a contradiction.
        st.markdown(
            t(
                "sdc_line",
                lang,
                size=formatting.percent(sdc, lang, 0 if sdc >= 10 else 1),
                a=row.window_a,
            )
        )
    st.caption(
        f"{t('evidence_quality', lang)}: {row.evidence_quality} · "
        f"n = {row.n_a} / {row.n_b} · {t('trend_method', lang)}: {row.trend_method}"
    )


def series_summary(frame: pd.DataFrame, unit: str, lang: str, decimals: int = 0) -> str:
    """The chart in words: per series its latest value and period, and the range shown."""
    values = frame.dropna(subset=["value"]).sort_values("period_start")
    if values.empty:
        return t("no_data", lang)
    latest = values.groupby("series", sort=True).tail(1)
    parts = [
        f"{r.series}: {formatting.number(r.value, lang, decimals)}{unit} "
        f"({formatting.period(r.period_start, 'M', lang, short=True)})"
        for r in latest.itertuples()
    ]
    return tn(
        "series_summary",
        len(latest),
        lang,
        n=len(latest),
        first=formatting.period(values["period_start"].min(), "M", lang, short=True),
        last=formatting.period(values["period_start"].max(), "M", lang, short=True),
        latest="; ".join(parts),
    )
