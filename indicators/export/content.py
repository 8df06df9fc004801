"""What one exported chart holds: its figure, its numbers and the words that travel with it.

`chart_content` gathers everything from the store once; the figure, files, bundles
and packs are rendered from that. The figure comes from the same builder the
dashboard calls (indicators.charts), with the same arguments, so what one sees is
what one exports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from indicators.access import LOCAL, Principal, can_view
from indicators.analysis.windows import Window, WindowSpec, named_or_parsed
from indicators.catalogue import LANGS, Catalogue, Indicator
from indicators.charts import observed_figure, to_figure
from indicators.citation import full_citations, period_label, source_line
from indicators.errors import AccessDenied, InputError, Problem
from indicators.export.words import w
from indicators.store import Store
from indicators.views import Account, SeriesView, account, series_view
from indicators.views.account import stem as view_stem
from indicators.views.figure import view_spec

MayView = Callable[[Indicator], bool]
DATA_COLUMNS = [
    "indicator_id",
    "country_iso3",
    "reporter",
    "period_start",
    "period_end",
    "value",
    "lower",
    "upper",
    "flags",
    "source_id",
    "vintage",
    "is_demo",
]


@dataclass(frozen=True)
class ChartRequest:
    """Which chart: one indicator, one or more countries, a reporting area, windows A and B
    (a `Window`, a period id, or a window written like 2016-2021) and the comparison
    countries (None: the default ones)."""

    indicator_id: str
    countries: tuple[str, ...]
    reporter: str | None = None
    a: WindowSpec = "baseline"
    b: WindowSpec = "partnership"
    comparison: tuple[str, ...] | None = None

    @classmethod
    def of_view(cls, view: SeriesView) -> ChartRequest:
        """The chart of exactly what a page shows."""
        return cls(
            view.indicator_id, (view.country,), view.reporter, view.a, view.b, view.comparison
        )


@dataclass
class ChartContent:
    """One chart with everything that must travel with it, in both languages."""

    request: ChartRequest
    indicator: Indicator
    catalogue: Catalogue
    reporter: str
    window_a: Window
    window_b: Window
    observations: pd.DataFrame
    trend: pd.DataFrame
    events: pd.DataFrame
    accounts: dict[str, list[Account]]
    demo: bool
    data_date: str | None
    vintage: dt.date | None
    store_meta: dict[str, str] = field(default_factory=dict)
    # What the values are in when a page shows them rescaled (e.g. 'index, 2016–2021 = 100').
    shown_unit: str | None = None
    # The trend model's scale ("log": the line is the typical level; see charts.trend_spec).
    trend_scale: str | None = None
    store: Store | None = field(default=None, repr=False)

    @property
    def restricted(self) -> bool:
        return self.indicator.restricted

    @property
    def countries(self) -> tuple[str, ...]:
        return self.request.countries

    @property
    def window(self) -> str:
        """'2016–2025': from the start of A to the end of B (or the last value)."""
        end = self.window_b.end.year if self.window_b.end is not None else ""
        return f"{self.window_a.start.year}–{end}"

    def title(self, lang: str) -> str:
        return self.indicator.title(lang)

    def country_names(self, lang: str) -> str:
        return ", ".join(self.catalogue.country_by_iso3[c].name(lang) for c in self.countries)

    def area_name(self, lang: str) -> str:
        areas = {a["code"]: a[f"name_{lang}"] for a in self.catalogue.reporting_areas}
        return areas.get(self.reporter, self.reporter)

    def subtitle(self, lang: str) -> str:
        """Unit, countries, window and reporting area, e.g. 'persons · Tunisia · ...'."""
        windows = f"{self.window_a.label} / {self.window_b.label}"
        return " · ".join(
            [
                self.unit(lang),
                self.country_names(lang),
                f"{w('windows', lang)} {windows}",
                f"{w('reporter', lang)}: {self.area_name(lang)}",
            ]
        )

    def unit(self, lang: str) -> str:
        return self.shown_unit or self.indicator.unit(lang)

    def source(self, lang: str) -> str:
        return source_line(
            self.indicator,
            self.catalogue,
            lang,
            last_period=pd.Timestamp(self.observations["period_end"].max()).date()
            if len(self.observations)
            else None,
            vintage=self.vintage,
            demo=self.demo,
        )

    def caveat(self, lang: str) -> str:
        """The caveat that matters most: the catalogue lists it first."""
        return self.indicator.caveats[0](lang) if self.indicator.caveats else ""

    def sentence(self, lang: str) -> str:
        """The accounts' short text (headline and aim); per country when there are several."""
        accounts = self.accounts[lang]
        if len(accounts) == 1:
            return accounts[0].text
        names = {c.iso3: c.name(lang) for c in self.catalogue.countries}
        parts = [f"{names[a.view.country]}: {a.text}" for a in accounts]
        return " ".join(parts) or w("no_sentence", lang)

    def details(self, lang: str) -> list[str]:
        """Every detail of the accounts (for speaker notes and READMEs)."""
        return [d for a in self.accounts[lang] for d in a.details]

    def citations(self) -> list[str]:
        return full_citations(self.indicator, self.catalogue)

    def figure(self, lang: str) -> go.Figure:
        """The dashboard's figure: one country's trend fan with its events where a trend is
        stored, else the observed series with windows A and B shaded."""
        cat = self.catalogue
        if len(self.countries) == 1 and len(self.trend) and self.store is not None:
            # The view's comparison countries (None asked: the default ones), as the
            # country page draws them when its link names none.
            view = self.accounts[lang][0].view
            return to_figure(view_spec(self.store, cat, view, title=self.title(lang)))
        names = {a["code"]: a[f"name_{lang}"] for a in cat.reporting_areas}
        if len(self.countries) > 1:
            names = {c.iso3: c.name(lang) for c in cat.countries}
        windows = [
            (win.label, win.start.date(), _window_end(win, self.observations))
            for win in (self.window_a, self.window_b)
        ]
        return observed_figure(
            self.observations,
            self.indicator,
            lang,
            series_names=names,
            title=self.title(lang),
            windows=windows,
        )

    def data(self, lang: str) -> pd.DataFrame:
        """The numbers behind the chart, with country names and the unit."""
        frame = self.observations[DATA_COLUMNS].copy()
        names = {c.iso3: c.name(lang) for c in self.catalogue.countries}
        frame.insert(2, "country", frame["country_iso3"].map(names))
        frame.insert(frame.columns.get_loc("value") + 1, "unit", self.unit(lang))
        for col in ("period_start", "period_end", "vintage"):
            frame[col] = pd.to_datetime(frame[col]).dt.strftime("%Y-%m-%d")
        return frame.reset_index(drop=True)

    def stem(self) -> str:
        """The view's file stem; several countries are named together."""
        view = self.accounts["en"][0].view
        return view_stem(self.catalogue, view, self.data_date, self.countries)


def _window_end(win: Window, obs: pd.DataFrame) -> dt.date:
    if win.end is not None:
        return win.end.date()
    return pd.Timestamp(obs["period_end"].max()).date() if len(obs) else win.start.date()


def store_may_view(store: Store, principal: Principal = LOCAL) -> MayView:
    """The access rule for one principal (the CLI is local mode: restricted figures only
    while the store holds nothing but demonstration data)."""
    status = store.demo_status()
    return lambda indicator: can_view(principal, indicator, status)


def chart_content(
    store: Store,
    request: ChartRequest,
    may_view: MayView,
    catalogue: Catalogue | None = None,
) -> ChartContent:
    """Everything one exported chart needs; AccessDenied where it may not be shown."""
    cat = catalogue or store.catalogue()
    ind = cat.indicator(request.indicator_id)
    if not may_view(ind):
        raise AccessDenied(f"{ind.id} is restricted: it cannot be exported here")
    countries = tuple(c.upper() for c in request.countries)
    unknown = [c for c in countries if c not in cat.country_by_iso3]
    if unknown or not countries:
        what = f"unknown country {unknown[0]!r}" if unknown else "no country given"
        raise InputError(Problem("country", None, None, what))
    reporter = request.reporter or ind.reporters[0]
    if reporter not in ind.reporters:
        reason = f"{ind.id} is reported by {', '.join(ind.reporters)}"
        raise InputError(Problem("reporter", None, None, reason))
    a, b = _window(cat, request.a), _window(cat, request.b)
    request = ChartRequest(ind.id, countries, reporter, a, b, request.comparison)
    obs = store.observations(ind.id, None, reporter)
    obs = obs[obs["country_iso3"].isin(countries)].reset_index(drop=True)
    last = pd.Timestamp(obs["period_end"].max()).date() if len(obs) else None
    vintage = pd.Timestamp(obs["vintage"].max()).date() if len(obs) else None
    return ChartContent(
        request=request,
        indicator=ind,
        catalogue=cat,
        reporter=reporter,
        window_a=a,
        window_b=b,
        observations=obs,
        trend=store.trend(ind.id, countries[0], reporter)
        if len(countries) == 1
        else pd.DataFrame(),
        events=store.events(countries[0]) if len(countries) == 1 else pd.DataFrame(),
        trend_scale=_trend_scale(store, ind.id, countries, reporter),
        accounts={
            lang: [account(store, _view(cat, request, c, lang), cat) for c in countries]
            for lang in LANGS
        },
        demo=bool(obs["is_demo"].any()) if len(obs) else False,
        data_date=period_label(last, ind.frequency) if last else None,
        vintage=vintage,
        store_meta=store.meta(),
        store=store,
    )


def _trend_scale(store, indicator_id: str, countries: Sequence[str], reporter: str) -> str | None:
    """The stored trend model's scale of a one-country chart (None for several or none)."""
    if len(countries) != 1:
        return None
    summary = store.series_summary(indicator_id, countries[0], reporter)
    return str(summary["scale"]) if summary and summary.get("scale") else None


def _window(cat: Catalogue, spec: WindowSpec) -> Window:
    """A `Window` as given; a period id or a window written like 2016-2021, read once here."""
    return spec if isinstance(spec, Window) else named_or_parsed(cat.periods, str(spec))


def _view(cat: Catalogue, request: ChartRequest, country: str, lang: str) -> SeriesView:
    return series_view(
        cat,
        request.indicator_id,
        country,
        reporter=request.reporter,
        a=request.a,  # type: ignore[arg-type]
        b=request.b,  # type: ignore[arg-type]
        comparison=request.comparison,
        lang=lang,
    )
