"""The one bridge between the pages and the `indicators` library.

Pages call these functions; they never open the store or run SQL themselves.
Every cached result is keyed on the store's file identity (`token`), so a store
swapped in by an import is picked up on the next run and old results are not served.

Access: `can_view(indicator)` is the one rule for restricted indicators (pages, counts,
comparisons, exports). Caches are shared between all sessions of a server, so every
function here that returns an indicator's data checks `can_view` *before* its cache,
and a cached result that spans indicators takes `visible_ids()` as part of its key:
a result computed for a taskforce member is never handed to a viewer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import auth
from dashboard.i18n import t
from indicators import access, audit, formatting
from indicators.analysis import SCALE, Comparison, calibration, compare_from_store
from indicators.analysis.direction import Wording, worded_change
from indicators.analysis.methods import LABELS as METHOD_LABELS
from indicators.analysis.quality import THRESHOLDS
from indicators.analysis.quality import WORDS as QUALITY_WORDS
from indicators.analysis.statements import TEMPLATES
from indicators.analysis.table import RECORD_COLUMNS, comparison_record, methods_frame
from indicators.analysis.windows import Window
from indicators.catalogue import Catalogue, Indicator
from indicators.charts import (
    EVENT_LABELS,
    EVENT_STYLES,
    forest_figure,
    observed_figure,
    trend_figure,
)
from indicators.citation import DEMO_MARK, source_line
from indicators.errors import AccessDenied, InsufficientDataError
from indicators.export import tables
from indicators.rescale import index_to_window, per_capita
from indicators.settings import settings
from indicators.store import Store, StoreVersions


def store_path() -> str:
    return str(settings().store)


@st.cache_resource(show_spinner=False)
def _versions(path: str) -> StoreVersions:
    return StoreVersions(path)


def _store_handle(path: str, token: str | None = None) -> Store:
    """The handle of the file version `token` names (the current one when None)."""
    versions = _versions(path)
    return versions.current() if token is None else versions.at(token)


def store() -> Store:
    """The read-only store handle of this run's file version (current outside a run)."""
    path, value = st.session_state.get(_RUN_TOKEN, (None, None))
    if path == store_path() and value is not None:
        return _store_handle(path, value)
    return _store_handle(store_path())


_RUN_TOKEN = "_services_store_token"


_RUN_PRINCIPAL = "_services_principal"
_RUN_MEMO = "_services_run_memo"
T = TypeVar("T")


def start_run(who: access.Principal) -> None:
    """Check the store file once per script run and note this run's principal.

    app.py calls this on every run, after `auth.require_principal` and before the page:
    every cached call below is keyed on the token and checks access, and without this
    a page with twenty charts would stat the file and parse the secrets a few hundred
    times per run.
    """
    st.session_state[_RUN_TOKEN] = (store_path(), _store_handle(store_path()).token)
    st.session_state[_RUN_PRINCIPAL] = who
    st.session_state[_RUN_MEMO] = {}


def per_run(name: str, compute: Callable[[], T]) -> T:
    """`compute()` once per script run (values fixed by this run's store and principal)."""
    memo = st.session_state.get(_RUN_MEMO)
    if memo is None:
        return compute()
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def token() -> str:
    path, value = st.session_state.get(_RUN_TOKEN, (None, None))
    return value if path == store_path() else _store_handle(store_path()).token


@st.cache_resource(show_spinner=False, max_entries=4)
def _catalogue(path: str, token: str) -> Catalogue:
    return _store_handle(path, token).catalogue()


def catalogue() -> Catalogue:
    return per_run("catalogue", lambda: _catalogue(store_path(), token()))


@st.cache_data(show_spinner=False, max_entries=4)
def _meta(path: str, token: str) -> dict:
    s = _store_handle(path, token)
    return {"demo_status": s.demo_status(), "vintages": s.vintages(), **s.meta()}


def meta() -> dict:
    return per_run("meta", lambda: _meta(store_path(), token()))


def demo_status() -> str:
    return meta()["demo_status"]


@st.cache_data(show_spinner=False, max_entries=8)
def _availability(path: str, token: str, visible: frozenset[str]) -> pd.DataFrame:
    frame = _store_handle(path, token).availability()
    return frame[frame["indicator_id"].isin(visible)].reset_index(drop=True)


def availability() -> pd.DataFrame:
    """Values per indicator, country and area: only indicators this session may see."""
    return _availability(store_path(), token(), visible_ids())


def frequencies(lang: str) -> pd.DataFrame:
    """Each indicator this session may see, its frequency and why (Method page)."""
    rows = [
        {
            t("indicator", lang): ind.title(lang),
            t("frequency", lang): t("freq_" + ind.frequency, lang),
            t("frequency_why", lang): ind.frequency_why(lang) if ind.frequency_why else "",
        }
        for ind in catalogue().indicators
        if ind.id in visible_ids()
    ]
    return pd.DataFrame(rows)


def holds_real_figures(indicator_id: str) -> bool:
    """Whether the store holds any real (not demonstration) value of the indicator.

    For saying what is true in a gap cell; the figures themselves stay behind can_view.
    """
    every = frozenset(catalogue().indicator_by_id)
    frame = _availability(store_path(), token(), every)
    rows = frame[frame["indicator_id"] == indicator_id]
    return bool(((rows["n_values"] > 0) & ~rows["any_demo"].astype(bool)).any())


@st.cache_data(show_spinner=False, max_entries=2000)
def _observations(
    path: str,
    token: str,
    indicator_id: str,
    country: str | None,
    reporter: str | None,
    as_of: dt.date | None,
) -> pd.DataFrame:
    return _store_handle(path, token).observations(indicator_id, country, reporter, as_of)


def observations(
    indicator_id: str,
    country: str | None = None,
    reporter: str | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    require_view(indicator_id, country=country, reporter=reporter)
    return _observations(store_path(), token(), indicator_id, country, reporter, as_of)


@st.cache_data(show_spinner=False, max_entries=16)
def _events(path: str, token: str, country: str | None) -> pd.DataFrame:
    return _store_handle(path, token).events(country)


def events(country: str | None = None) -> pd.DataFrame:
    return _events(store_path(), token(), country)


@st.cache_data(show_spinner=False, max_entries=4)
def _imports(path: str, token: str) -> tuple[pd.DataFrame, dict[int, frozenset[str]]]:
    handle = _store_handle(path, token)
    return handle.imports(), handle.import_indicators()


def imports() -> pd.DataFrame:
    """The import history this session may see: an import that brought values of an
    indicator it may not see is left out whole (its file name, operator and counts
    would tell of the restricted figures)."""
    frame, touched = _imports(store_path(), token())
    visible = visible_ids()
    keep = [touched.get(int(i), frozenset()) <= visible for i in frame["import_id"]]
    return frame[keep].reset_index(drop=True)


@st.cache_data(show_spinner=False, max_entries=16)
def _revisions(path: str, token: str, old: dt.date, new: dt.date) -> pd.DataFrame:
    return _store_handle(path, token).revisions(old, new)


def revisions(old: dt.date, new: dt.date) -> pd.DataFrame:
    """Values known on `new` that differ from (or were unknown on) `old`; viewable ones only."""
    frame = _revisions(store_path(), token(), old, new)
    cat = catalogue()
    visible = {i.id for i in cat.indicators if can_view(i)}
    return frame[frame["indicator_id"].isin(visible)].reset_index(drop=True)


@st.cache_resource(show_spinner=False, max_entries=1000)
def _observed_chart(
    path: str,
    token: str,
    indicator_id: str,
    countries: tuple[str, ...],
    reporter: str,
    lang: str,
    title: str,
    windows: tuple,
) -> go.Figure:
    handle = _store_handle(path, token)
    obs = handle.observations(indicator_id, None, reporter)
    obs = obs[obs["country_iso3"].isin(countries)]
    cat = _catalogue(path, token)
    names = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
    if len(countries) > 1:
        names = {c.iso3: c.name(lang) for c in cat.countries}
    return observed_figure(
        obs,
        cat.indicator_by_id[indicator_id],
        lang,
        series_names=names,
        title=title,
        windows=list(windows) or None,
    )


def observed_chart(
    indicator_id: str,
    countries: list[str] | tuple[str, ...],
    reporter: str,
    lang: str,
    title: str,
    windows: tuple = (),
) -> go.Figure:
    """The observed-series figure; shared between sessions, so callers must not mutate it."""
    require_view(indicator_id, countries=",".join(countries), reporter=reporter)
    return _observed_chart(
        store_path(), token(), indicator_id, tuple(countries), reporter, lang, title, tuple(windows)
    )


# --- access ---------------------------------------------------------------------
AUDITED_KEY = "auth_audited_views"


def principal() -> access.Principal:
    """This run's principal, as app.py established it (read afresh on every run)."""
    who = st.session_state.get(_RUN_PRINCIPAL)
    return who if isinstance(who, access.Principal) else auth.current()


def can_view(indicator: Indicator) -> bool:
    """May this session see the indicator? Local mode: restricted only on an all-demo store."""
    return access.can_view(principal(), indicator, demo_status())


def allowed(action: str) -> bool:
    """May this session use 'analysis', 'export' or 'import'?"""
    return access.allowed(principal(), action)


def visible_ids() -> frozenset[str]:
    """The indicators this session may see; part of the key of every cross-indicator cache."""
    return per_run(
        "visible_ids",
        lambda: access.visible_ids(principal(), catalogue().indicators, demo_status()),
    )


def require_view(indicator_id: str, **detail: str | None) -> Indicator:
    """The indicator, or AccessDenied; a restricted one is audited once per session and key."""
    ind = catalogue().indicator(indicator_id)
    if not can_view(ind):
        raise AccessDenied(f"{indicator_id} is restricted")
    who = principal()
    if ind.restricted and who.signed_in:
        key = (indicator_id, *sorted((k, str(v)) for k, v in detail.items()))
        seen = st.session_state.setdefault(AUDITED_KEY, set())
        if key not in seen:
            audit.record(who, "view", [indicator_id], detail=_detail(detail))
            seen.add(key)
    return ind


def _detail(detail: dict) -> dict:
    return {k: v for k, v in detail.items() if v is not None} | {"store_token": token()}


def citation(indicator: Indicator, obs: pd.DataFrame, lang: str) -> str:
    last = obs["period_end"].max() if len(obs) else None
    vintage = obs["vintage"].max() if len(obs) else None
    return source_line(
        indicator,
        catalogue(),
        lang,
        last_period=last.date() if last is not None else None,
        vintage=vintage.date() if vintage is not None else None,
        demo=bool(obs["is_demo"].any()) if len(obs) else False,
    )


# --- period comparisons (Compare page): stored trends, arithmetic only --------
@st.cache_data(show_spinner=False, max_entries=4000)
def _comparison(
    path: str,
    token: str,
    indicator_id: str,
    country: str,
    reporter: str,
    a: str,
    b: str,
    group: tuple[str, ...] | None,
) -> Comparison | None:
    cat = _catalogue(path, token)
    ind, where = cat.indicator_by_id[indicator_id], cat.country_by_iso3[country]
    subject = {lang: f"{ind.title(lang)}, {where.name(lang)}" for lang in ("nl", "en")}
    codes = "default" if group is None else [c for c in group if c != country]
    try:
        return compare_from_store(
            _store_handle(path, token),
            indicator_id,
            country,
            reporter,
            a,
            b,
            codes,
            subject=subject,
        )
    except InsufficientDataError:
        return None


def comparison(
    indicator_id: str,
    country: str,
    reporter: str,
    a: str,
    b: str,
    group: tuple[str, ...] | None = None,
) -> Comparison | None:
    """Window b against window a from the stored trend (None: too few data points).

    `group`: None for the default comparison countries, else the ISO3 codes to
    compare against (empty: no comparison countries).
    """
    require_view(indicator_id, country=country, reporter=reporter)
    return _comparison(store_path(), token(), indicator_id, country, reporter, a, b, group)


def default_comparison_group(country: str) -> list[str]:
    """The comparison countries a priority country is compared with by default."""
    cat = catalogue()
    if cat.country_by_iso3[country].role != "priority":
        return []
    return sorted(c.iso3 for c in cat.countries if c.role == "comparison")


COMPARISON_TABLE_KEYS = [
    "indicator_id",
    "indicator",
    "country_iso3",
    "country",
    "reporter",
    "comparison_countries",
    "status",
]


def comparison_table(
    items: list[tuple[str, str, str]],
    a: str,
    b: str,
    group: tuple[str, ...] | None,
    lang: str,
) -> pd.DataFrame:
    """One row per (indicator, country, reporter): the change, its intervals, its words."""
    cat = catalogue()
    demo = demo_status() == "demo"
    rows = []
    for indicator_id, country, reporter in items:
        c = comparison(indicator_id, country, reporter, a, b, group)
        used = default_comparison_group(country) if group is None else list(group)
        with_group = c is not None and any(m.name == "relative_to_comparison" for m in c.methods)
        row = {
            "indicator_id": indicator_id,
            "indicator": cat.indicator_by_id[indicator_id].title(lang),
            "country_iso3": country,
            "country": cat.country_by_iso3[country].name(lang),
            "reporter": reporter,
            "comparison_countries": ",".join(x for x in used if x != country) if with_group else "",
            "status": "ok" if c is not None else "too_few",
        }
        row |= comparison_record(c, lang) if c is not None else dict.fromkeys(RECORD_COLUMNS)
        if demo:
            row["data_status"] = DEMO_MARK["en" if lang == "en" else "nl"]
        rows.append(row)
    columns = COMPARISON_TABLE_KEYS + RECORD_COLUMNS + (["data_status"] if demo else [])
    return pd.DataFrame(rows, columns=columns)


def comparison_methods(
    indicator_id: str,
    country: str,
    reporter: str,
    a: str,
    b: str,
    group: tuple[str, ...] | None,
    lang: str,
) -> pd.DataFrame:
    """The robustness panel of one comparison: methods side by side."""
    c = comparison(indicator_id, country, reporter, a, b, group)
    return methods_frame(c, lang) if c is not None else pd.DataFrame()


def demo_mark(lang: str) -> str:
    return DEMO_MARK["en" if lang == "en" else "nl"]


def forest_chart(rows: pd.DataFrame, lang: str, **options: object) -> go.Figure:
    return forest_figure(rows, lang, **options)


def table_csv(frame: pd.DataFrame) -> bytes:
    """The table as CSV that no spreadsheet reads as a formula."""
    return tables.to_csv(frame)


def table_xlsx(frame: pd.DataFrame, about: dict[str, str]) -> bytes:
    """The table as XLSX, with what it is on a second sheet; no formulas either."""
    return tables.to_xlsx(frame, about)


# --- Explore: one indicator, any countries and reporting areas, rescaled ---------
EXPLORE_MODES = ("absolute", "indexed", "per_capita")
POPULATION = "context_population"


@st.cache_data(show_spinner=False, max_entries=200)
def _explore_view(
    path: str,
    token: str,
    indicator_id: str,
    countries: tuple[str, ...],
    reporters: tuple[str, ...],
    mode: str,
    base: tuple[str, str | None],
    as_of: dt.date | None,
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    handle = _store_handle(path, token)
    obs = handle.observations(indicator_id, None, None, as_of)
    obs = obs[obs["country_iso3"].isin(countries) & obs["reporter"].isin(reporters)]
    if mode == "indexed":
        return index_to_window(obs, *base)
    if mode == "per_capita":
        return per_capita(obs, handle.observations(POPULATION, None, None, as_of))
    return obs, []


def explore_view(
    indicator_id: str,
    countries: list[str] | tuple[str, ...],
    reporters: list[str] | tuple[str, ...],
    mode: str = "absolute",
    base: tuple[str, str | None] = ("2016-01-01", "2021-12-31"),
    as_of: dt.date | None = None,
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Observations (as known on `as_of`) in `mode`, and the series that mode left out.

    mode: 'absolute'; 'indexed' (mean over the window `base` = 100); 'per_capita'
    (per 100,000 inhabitants, from context_population).
    """
    require_view(indicator_id, countries=",".join(countries), reporter=",".join(reporters))
    return _explore_view(
        store_path(), token(), indicator_id, tuple(countries), tuple(reporters), mode, base, as_of
    )


def label_series(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Add `series`: the country, or 'country · reporting area' when areas differ."""
    cat = catalogue()
    countries = {c.iso3: c.name(lang) for c in cat.countries}
    areas = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
    several = frame["reporter"].nunique() > 1
    keys = zip(frame["country_iso3"], frame["reporter"], strict=True)
    return frame.assign(
        series=[f"{countries[c]} · {areas[r]}" if several else countries[c] for c, r in keys]
    )


def explore_chart(
    frame: pd.DataFrame,
    indicator: Indicator,
    lang: str,
    *,
    title: str,
    y_title: str,
    log_y: bool,
) -> go.Figure:
    """Every series of `frame` (labelled by `label_series`) on one chart."""
    return observed_figure(
        frame, indicator, lang, series="series", title=title, y_title=y_title, log_y=log_y
    )


# --- precomputed analysis: trends and comparisons --------------------------------
SeriesKey = tuple[str, str, str]


@st.cache_resource(show_spinner=False, max_entries=4)
def _summary_index(path: str, token: str) -> dict[SeriesKey, dict]:
    frame = _store_handle(path, token).series_summaries()
    return {
        (r["indicator_id"], r["country_iso3"], r["reporter"]): r for r in frame.to_dict("records")
    }


def series_summary(indicator_id: str, country: str, reporter: str) -> dict | None:
    """The precomputed summary of one series (shared between sessions: do not mutate)."""
    require_view(indicator_id, country=country, reporter=reporter)
    return _summary_index(store_path(), token()).get((indicator_id, country, reporter))


def default_periods() -> tuple[str, str]:
    """The ids of the named periods with role 'a' and 'b' (baseline and partnership)."""

    def find() -> tuple[str, str]:
        roles = {p.role: p.id for p in catalogue().periods}
        ids = [p.id for p in catalogue().periods]
        return roles.get("a", ids[0]), roles.get("b", ids[-1])

    return per_run("default_periods", find)


def period_window(period_id: str) -> Window:
    """A named period as a comparison window."""
    windows = per_run(
        "period_windows",
        lambda: {
            p.id: Window(pd.Timestamp(p.start), pd.Timestamp(p.end) if p.end else None, p.label)
            for p in catalogue().periods
        },
    )
    return windows[period_id]


def series_comparison(
    indicator_id: str, country: str, reporter: str, a: str, b: str, *, panel: bool = True
) -> dict:
    """Window B against A for one series: status, verdict, probability, quality, sentences.

    The named default pair comes straight from the precomputed summaries; any other
    pair is compared from the stored trend with arithmetic only (no fitting), cached.
    `panel=False` leaves the comparison countries out (the headline is the same).
    status: 'ok', 'no_data', 'too_few' (no trend) or 'too_few_comparison'.
    """
    summary = series_summary(indicator_id, country, reporter)
    if summary is None:
        return {"status": "no_data"}
    if summary["status"] != "ok":
        return _outcome("too_few", summary)
    if (a, b) == default_periods() and summary["window_a"] == period_window(a).label:
        status = "ok" if isinstance(summary["verdict"], str) else "too_few_comparison"
        kind = catalogue().indicator(indicator_id).value_kind
        return _outcome(status, dict(summary) | {"value_kind": kind})
    wa, wb = period_window(a), period_window(b)
    c = comparison(indicator_id, country, reporter, _spec(wa), _spec(wb), None if panel else ())
    if c is None:
        return {"status": "too_few_comparison"} | {
            f"sentence_{lang}": TEMPLATES["too_few_comparison"][lang].format(a=wa.label, b=wb.label)
            for lang in ("nl", "en")
        }
    return _outcome("ok", c.to_dict() | {"evidence_quality": c.quality.level})


def _spec(window: Window) -> str:
    """A named period as `comparison` takes it: '2016-2021', '2025-'."""
    return window.label.replace("–", "-")


# What an overview cell needs to word a result (worded_change reads these).
OUTCOME_KEYS = (
    "verdict",
    "probability_increase",
    "evidence_quality",
    "sentence_nl",
    "sentence_en",
    "estimate",
    "low95",
    "high95",
    "level_a",
    "value_kind",
    "margin",
    "probability_above_margin",
    "probability_below_margin",
)


def _outcome(status: str, row: dict) -> dict:
    return {"status": status} | {k: row.get(k) for k in OUTCOME_KEYS}


def quality_words(level: str, lang: str) -> str:
    """'good' / 'goed': the evidence-quality qualifier in words."""
    return QUALITY_WORDS[level]["en" if lang == "en" else "nl"]


def direction(result: dict) -> Wording | None:
    """What may be said of a comparison result (worded_change), None when there is none."""
    if result["status"] != "ok":
        return None
    return worded_change(result)


@st.cache_data(show_spinner=False, max_entries=2000)
def _trend(path: str, token: str, indicator_id: str, country: str, reporter: str) -> pd.DataFrame:
    return _store_handle(path, token).trend(indicator_id, country, reporter)


def trend(indicator_id: str, country: str, reporter: str) -> pd.DataFrame:
    """The stored trend of one series (empty when it has none): no fitting here."""
    require_view(indicator_id, country=country, reporter=reporter)
    return _trend(store_path(), token(), indicator_id, country, reporter)


@st.cache_resource(show_spinner=False, max_entries=1000)
def _trend_chart(
    path: str,
    token: str,
    indicator_id: str,
    country: str,
    reporter: str,
    others: tuple[str, ...],
    lang: str,
    title: str,
    demo: bool,
    windows: tuple[str, str] = (),
) -> go.Figure:
    cat = _catalogue(path, token)
    shaded = [
        (p.title(lang), p.start.isoformat(), (p.end or dt.date.today()).isoformat())
        for p in (next(q for q in cat.periods if q.id == pid) for pid in windows)
    ]
    comparison_levels = [_trend(path, token, indicator_id, c, reporter) for c in others]
    return trend_figure(
        _trend(path, token, indicator_id, country, reporter),
        cat.indicator_by_id[indicator_id],
        lang,
        title=title,
        events=_events(path, token, country),
        comparison=pd.concat(comparison_levels) if comparison_levels else None,
        series_names={c.iso3: c.name(lang) for c in cat.countries},
        note=DEMO_MARK[lang] if demo else None,
        scale=(_summary_index(path, token).get((indicator_id, country, reporter)) or {}).get(
            "scale"
        ),
        windows=shaded,
    )


def trend_chart(
    indicator_id: str,
    country: str,
    reporter: str,
    lang: str,
    title: str,
    others: list[str] | tuple[str, ...] = (),
    demo: bool = False,
    windows: tuple[str, str] = (),
) -> go.Figure:
    """Observed points over the trend fan with events, windows A and B shaded (period ids);
    shared, so callers must not mutate it."""
    require_view(indicator_id, country=country, reporter=reporter)
    return _trend_chart(
        store_path(),
        token(),
        indicator_id,
        country,
        reporter,
        tuple(others),
        lang,
        title,
        demo,
        tuple(windows),
    )


def event_label(kind: str, lang: str) -> str:
    return EVENT_LABELS.get(kind, {}).get("en" if lang == "en" else "nl", kind)


def event_symbol(kind: str) -> str:
    """The marker shape the charts use for an event type, as a text symbol for lists."""
    shapes = {"star": "★", "diamond": "◆", "x": "✖", "triangle-down": "▼"}
    return shapes.get(EVENT_STYLES.get(kind, {}).get("symbol", ""), "•")


@st.cache_resource(show_spinner=False, max_entries=8)
def _availability_index(path: str, token: str, visible: frozenset[str]) -> dict[SeriesKey, dict]:
    frame = _availability(path, token, visible)
    return {
        (r["indicator_id"], r["country_iso3"], r["reporter"]): r for r in frame.to_dict("records")
    }


def series_availability(indicator_id: str, country: str, reporter: str) -> dict | None:
    """Values, first and last period, demo flag of one series (shared: do not mutate)."""
    return _availability_index(store_path(), token(), visible_ids()).get(
        (indicator_id, country, reporter)
    )


# --- Method page: the library's own scales, so the explanation cannot drift ----------
def likelihood_scale(lang: str) -> pd.DataFrame:
    """The one likelihood scale: term and probability range, most likely first."""
    return pd.DataFrame(
        {
            t("likelihood_term", lang): [step.words(lang) for step in SCALE],
            t("probability", lang): [step.range_label for step in SCALE],
        }
    )


def method_labels(lang: str) -> pd.DataFrame:
    """The methods of the robustness panel, the headline first, with what each does."""
    return pd.DataFrame(
        {
            t("method", lang): [labels[lang] for labels in METHOD_LABELS.values()],
            t("method_how", lang): [t(f"how_{name}", lang) for name in METHOD_LABELS],
        }
    )


def calibration_study(lang: str) -> pd.DataFrame | None:
    """The calibration study's table from its stored result; None when it was never written."""
    result = calibration.load_study()
    return None if result is None else calibration.study_table(result, lang)


def evidence_levels(lang: str) -> pd.DataFrame:
    """The evidence-quality levels and the thresholds that decide them."""
    rows = [
        {
            t("evidence_quality", lang): QUALITY_WORDS[level][lang],
            t("criteria", lang): t(
                "quality_criteria",
                lang,
                coverage=formatting.percent(th.min_coverage, lang, 0, ratio=True),
                provisional=formatting.percent(th.max_provisional, lang, 0, ratio=True),
                flagged=formatting.percent(th.max_flagged, lang, 0, ratio=True),
            )
            + ("" if th.break_allowed else " " + t("quality_no_break", lang)),
        }
        for level, th in THRESHOLDS.items()
    ]
    rows.append(
        {
            t("evidence_quality", lang): QUALITY_WORDS["limited"][lang],
            t("criteria", lang): t("quality_otherwise", lang),
        }
    )
    return pd.DataFrame(rows)
