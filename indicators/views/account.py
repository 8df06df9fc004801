"""The one account of a series: what the product says about it, everywhere.

`account(store, view)` gives, for one `SeriesView`, the headline, verdict and
likelihood, details, smallest detectable change, robustness, evidence quality, the
events that coincided, source line, caveat, desired direction, sphere of influence and
the file stem. The page, the overview cell, every download, bundle, pack and the CLI
render this object; none of them composes a sentence of its own.

Two rules live only here: whether the stored summary can be used or the comparison
must be recomputed from the stored trend (`_uses_summary`), and which probability is
put into words (`worded_direction`).
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from indicators import events as event_text
from indicators.analysis.direction import Wording, worded_change
from indicators.analysis.provisional import ProvisionalBias, bias_fields
from indicators.analysis.quality import EvidenceQuality
from indicators.analysis.results import Comparison, MethodResult
from indicators.analysis.statements import (
    LITTLE_CHANGE_PCT,
    change_text,
    comparison_checks_text,
    quality_text,
    verdict,
)
from indicators.analysis.stored import compare_from_store, provisional_bias
from indicators.analysis.windows import Window
from indicators.catalogue import Catalogue, Indicator
from indicators.citation import period_label, source_line
from indicators.errors import InsufficientDataError
from indicators.export.filenames import chart_stem
from indicators.store import Store
from indicators.views import words as W
from indicators.views.series import SeriesView, default_comparison, default_windows, subject


@dataclass(frozen=True)
class MethodRow:
    """One method of the robustness panel, with its own verdict."""

    name: str
    label: str
    verdict: str
    verdict_words: str
    change: str
    interval: str


@dataclass(frozen=True)
class Robustness:
    """The panel's methods and whether they agree: agreement is by verdict, row by row."""

    rows: tuple[MethodRow, ...]
    summary: str

    @property
    def agree(self) -> bool:
        return len({r.verdict for r in self.rows}) <= 1

    def counts(self) -> dict[str, int]:
        """How many methods reached each verdict."""
        out: dict[str, int] = {}
        for r in self.rows:
            out[r.verdict] = out.get(r.verdict, 0) + 1
        return out


@dataclass(frozen=True)
class Account:
    """Everything said about one series in one view, in the view's language."""

    view: SeriesView
    status: str  # 'ok', 'no_data', 'too_few' (no trend), 'too_few_comparison'
    subject: str
    headline: str
    aim: str
    details: tuple[str, ...]
    source: str
    caveat: str
    desired_direction: str
    sphere: str
    stem: str
    data_date: str | None
    demo: bool
    events: tuple[str, ...] = ()
    verdict: str | None = None
    wording: Wording | None = None
    smallest_detectable: str | None = None
    robustness: Robustness | None = None
    quality: str | None = None  # the evidence-quality level in words
    quality_level: str | None = None
    comparison_countries: tuple[str, ...] = ()  # those the panel's comparison method used
    from_summary: bool = False
    comparison: Comparison | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def verdict_words(self) -> str | None:
        """'↑ higher — more than 10% higher: likely (66–90%)'; for no detectable change
        the worded probability is of a change beyond the margin, never of a direction."""
        return self.wording.words(self.view.lang) if self.wording is not None else None

    @property
    def likelihood(self) -> str | None:
        """'very likely (90–99%)' for a detectable change; None otherwise (no direction
        is worded where no change was detected)."""
        return self.wording.chance_words(self.view.lang) if self.wording is not None else None

    @property
    def text(self) -> str:
        """The short account that travels with a chart: headline and aim."""
        return " ".join(p for p in (self.headline, self.aim) if p)

    @property
    def full_text(self) -> str:
        """Headline, aim and every detail."""
        return " ".join(p for p in (self.headline, self.aim, *self.details) if p)

    def to_dict(self) -> dict:
        """The account as plain JSON-ready values (the CLI's `--json`)."""
        v = self.view
        out = {
            "lang": v.lang,
            "window_a": v.a.label,
            "window_b": v.b.label,
            "comparison": list(v.comparison),
            **{
                k: getattr(self, k)
                for k in (
                    "status",
                    "subject",
                    "headline",
                    "verdict",
                    "verdict_words",
                    "likelihood",
                    "aim",
                    "smallest_detectable",
                    "quality",
                    "source",
                    "caveat",
                    "desired_direction",
                    "sphere",
                    "stem",
                )
            },
            "details": list(self.details),
            "events": list(self.events),
            "comparison_countries": list(self.comparison_countries),
        }
        if self.robustness is not None:
            out["robustness"] = {
                "agree": self.robustness.agree,
                "summary": self.robustness.summary,
                "methods": [dataclasses.asdict(r) for r in self.robustness.rows],
            }
        return out


def account(
    store: Store,
    view: SeriesView,
    catalogue: Catalogue | None = None,
    *,
    comparison: Comparison | None = None,
) -> Account:
    """The account of `view`, from the stored summary or the stored trend (no fitting).

    `comparison`: one made elsewhere for this very view (the CLI's `--refit`), worded
    by the same rules.
    """
    cat = catalogue or store.catalogue()
    ind = cat.indicator_by_id[view.indicator_id]
    obs = store.observations(ind.id, view.country, view.reporter)
    base = _base(cat, ind, view, obs)
    summary = store.series_summary(ind.id, view.country, view.reporter)
    if summary is None or not obs["value"].notna().any():
        return Account(status="no_data", headline=W.word(W.HEADLINES, "no_data", view.lang), **base)
    if summary["status"] != "ok":
        return Account(status="too_few", headline=summary[f"sentence_{view.lang}"], **base)
    try:
        c, used, stored = (
            _comparison(store, cat, view, summary, obs)
            if comparison is None
            else (comparison, _used(comparison, view), False)
        )
    except InsufficientDataError:
        c = None
    if c is None:
        labels = {"a": view.a.label, "b": view.b.label}
        headline = W.word(W.HEADLINES, "too_few_comparison", view.lang).format(**labels)
        return Account(status="too_few_comparison", headline=headline, **base)
    events = _events(store, view)
    names = {code: cat.country_by_iso3[code].name(view.lang) for code in used}
    # The trend's scale is the stored summary's (what the chart draws), whichever
    # comparison is worded.
    level = W.level_key(summary.get("scale"), ind.compared_quantity)
    return _described(c, view, ind, base, events, names, stored, level)


def worded(c: Comparison) -> Wording:
    """What may be said about a comparison: verdict, direction word, worded probability.

    The single call site of the inference layer's rule (`worded_change`, issue 13).
    """
    return worded_change(c)


# --- the stored summary or the stored trend ---------------------------------------
def _uses_summary(cat: Catalogue, view: SeriesView, summary: dict) -> bool:
    """The stored summary holds exactly this view's comparison: the default windows
    and the default comparison countries."""
    stored = tuple(_span(w) for w in default_windows(cat))
    return (
        (_span(view.a), _span(view.b)) == stored
        and summary.get("window_a") == default_windows(cat)[0].label
        and view.comparison == default_comparison(cat, view.country)
    )


def _span(w: Window) -> tuple:
    return (w.start, w.end)


def _comparison(
    store: Store, cat: Catalogue, view: SeriesView, summary: dict, obs: pd.DataFrame
) -> tuple[Comparison | None, tuple[str, ...], bool]:
    """(comparison or None, comparison countries it used, whether it is the stored one)."""
    if _uses_summary(cat, view, summary):
        if not isinstance(summary.get("verdict"), str):
            return None, (), True
        ind = cat.indicator_by_id[view.indicator_id]
        bias = provisional_bias(store, view.indicator_id, obs)
        c = comparison_from_summary(summary, view, ind, obs, bias)
        codes = summary.get("comparison_countries")
        used = tuple(codes.split(",")) if isinstance(codes, str) and codes else ()
        return c, used, True
    c = compare_from_store(
        store,
        view.indicator_id,
        view.country,
        view.reporter,
        view.a,
        view.b,
        list(view.comparison) or None,
    )
    return c, _used(c, view), False


def _used(c: Comparison, view: SeriesView) -> tuple[str, ...]:
    """The view's comparison countries when the panel's comparison method used them."""
    with_group = any(m.name == "relative_to_comparison" for m in c.methods)
    return view.comparison if with_group else ()


def comparison_from_summary(
    summary: dict,
    view: SeriesView,
    indicator: Indicator,
    obs: pd.DataFrame,
    bias: ProvisionalBias | None = None,
) -> Comparison:
    """The stored default comparison of a series as a `Comparison` (its numbers only);
    `obs` (the series' observations) gives the number of values in each window, `bias`
    the provisional bias estimate the precomputation corrected by (the same history)."""
    seen = obs.dropna(subset=["value"])
    starts = pd.DatetimeIndex(pd.to_datetime(seen["period_start"]))
    methods = tuple(MethodResult(**m) for m in _json(summary["methods"]))
    fields: dict[str, Any] = {
        k: _number(summary[k])
        for k in (
            "estimate",
            "estimate_pct",
            "low80",
            "high80",
            "low95",
            "high95",
            "low80_pct",
            "high80_pct",
            "low95_pct",
            "high95_pct",
            "probability_increase",
            "level_a",
            "level_b",
            "smallest_detectable_change",
            "smallest_detectable_change_pct",
        )
    }

    # The stored sceptical probabilities, so the words are those computed from the
    # headline's own distribution, not re-approximated from its interval (None: an
    # older store without them, then worded_change recomputes).
    def stored(name: str) -> float:
        value = _number(summary.get(name))
        return math.nan if value is None else value

    return Comparison(
        a=view.a,
        b=view.b,
        scale=str(summary["scale"]),
        value_kind=indicator.value_kind,
        trend_method=str(summary["method"]),
        n_a=int(view.a.mask(starts).sum()),
        n_b=int(view.b.mask(starts).sum()),
        likelihood=str(summary["likelihood"]),
        likelihood_nl=str(summary["likelihood_nl"]),
        methods=methods,
        methods_agree=bool(summary["methods_agree"]),
        quality=EvidenceQuality(**_json(summary["quality"])),
        verdict=str(summary["verdict"]),
        margin_pct=_number(summary.get("margin_pct")),
        margin=stored("margin"),
        probability_above_margin=stored("probability_above_margin"),
        probability_below_margin=stored("probability_below_margin"),
        **fields,
        **bias_fields(bias),
    )


def _json(value: object) -> Any:
    """A JSON column as the store returns it: already parsed, or still text."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


# --- words -------------------------------------------------------------------------
def _base(cat: Catalogue, ind: Indicator, view: SeriesView, obs: pd.DataFrame) -> dict:
    lang = view.lang
    last = pd.Timestamp(obs["period_end"].max()).date() if len(obs) else None
    vintage = pd.Timestamp(obs["vintage"].max()).date() if len(obs) else None
    demo = bool(obs["is_demo"].any()) if len(obs) else False
    data_date = period_label(last, ind.frequency) if last else None
    return {
        "view": view,
        "subject": subject(cat, view),
        "aim": aim(ind.desired_direction, None, lang),
        "details": (),
        "source": source_line(ind, cat, lang, last_period=last, vintage=vintage, demo=demo),
        "caveat": ind.caveats[0](lang) if ind.caveats else "",
        "desired_direction": ind.desired_direction,
        "sphere": W.word(W.SPHERES, ind.sphere, lang),
        "stem": stem(cat, view, data_date),
        "data_date": data_date,
        "demo": demo,
    }


def stem(
    cat: Catalogue,
    view: SeriesView,
    data_date: str | None,
    countries: Sequence[str] | None = None,
) -> str:
    """The file stem of a view's chart: countries (the view's own unless given),
    indicator, area, windows, comparison countries when not the default, data date."""
    windows = _windows(view)
    countries = list(countries or [view.country])
    if view.comparison != default_comparison(cat, view.country):
        countries += ["vs", *view.comparison] if view.comparison else ["vs-none"]
    return chart_stem(view.indicator_id, countries, view.reporter, windows, data_date)


def _windows(view: SeriesView) -> str:
    return f"{view.a.label}_vs_{view.b.label}"


def _described(
    c: Comparison,
    view: SeriesView,
    ind: Indicator,
    base: dict,
    events: tuple[str, ...],
    used: dict[str, str],
    stored: bool,
    level: str = "level",
) -> Account:
    lang = view.lang
    wording = worded(c)
    robustness = _robustness(c, lang)
    sdc = _size(c, c.smallest_detectable_change, c.smallest_detectable_change_pct, lang)
    details = []
    if c.verdict not in ("increase", "decrease"):
        details.append(
            W.word(W.DETAILS, "chance", lang).format(
                event=wording.event_words(lang), chance=wording.chance_words(lang)
            )
        )
    if c.verdict == "no_detectable_change":
        details.append(W.word(W.DETAILS, "detectable", lang).format(size=sdc))
    details.append(robustness.summary)
    if used:
        names = ", ".join(used.values())
        details.append(W.word(W.DETAILS, "comparison", lang).format(countries=names))
        checks = comparison_checks_text(c, lang)
        if checks:
            details.append(checks)
    details.append(quality_text(c, lang))
    if events:
        details.append(
            W.word(W.DETAILS, "events", lang).format(b=view.b.label, events="; ".join(events))
        )
    said = aim(ind.desired_direction, c.verdict, lang, level)
    return Account(
        **(base | {"details": tuple(details), "aim": said}),
        status="ok",
        headline=headline(c, wording, lang),
        events=events,
        verdict=c.verdict,
        wording=wording,
        smallest_detectable=sdc,
        robustness=robustness,
        quality=c.quality.words(lang),
        quality_level=c.quality.level,
        comparison_countries=tuple(used),
        from_summary=stored,
        comparison=c,
    )


def headline(c: Comparison, wording: Wording, lang: str) -> str:
    """The one sentence a reader sees first: verdict, size, and likelihood where a
    change was detected."""
    template = W.word(W.HEADLINES, c.verdict, lang)
    unit_on_high = "{change}" not in template
    return template.format(
        term=wording.term.words(lang),
        range=wording.term.range_label,
        # Percentage points are said once, with the change: "−5.0 percentage points
        # (95% interval −9.7 to −0.28); more than 3.2 lower: …".
        event=wording.event_words(lang, unit=unit_on_high),
        a=c.a.label,
        b=c.b.label,
        change=change_text(c, c.estimate, c.estimate_pct, lang),
        # A verdict without a change names the unit on the interval's upper end.
        low=change_text(c, c.low95, c.low95_pct, lang, unit=False),
        high=change_text(c, c.high95, c.high95_pct, lang, unit=unit_on_high),
        margin=f"{LITTLE_CHANGE_PCT:g}",
    )


def aim(desired: str, verdict_key: str | None, lang: str, level: str = "level") -> str:
    """'The partnership aims for higher; the level moved that way.' (never 'effect').

    `level` is the key of `words.LEVELS` the series uses (`words.level_key`): a
    log-scale series says 'the average level' or 'the typical level'.
    """
    if desired == "none":
        return W.word(W.AIM, "none", lang)
    wanted = W.word(W.AIM, desired, lang)
    if verdict_key is None:
        return wanted + "."
    if verdict_key in ("increase", "decrease"):
        moved = "with" if (verdict_key == "increase") == (desired == "up") else "against"
    else:
        moved = verdict_key
    said = W.word(W.MOVED, moved, lang).format(level=W.word(W.LEVELS, level, lang))
    return f"{wanted}; {said}"


def _robustness(c: Comparison, lang: str) -> Robustness:
    rows = tuple(
        MethodRow(
            m.name,
            m.label_nl if lang == "nl" else m.label_en,
            verdict(m),
            W.verdict_words(verdict(m), lang),
            change_text(c, m.estimate, m.estimate_pct, lang),
            f"{change_text(c, m.low95, m.low95_pct, lang)} – "
            f"{change_text(c, m.high95, m.high95_pct, lang)}",
        )
        for m in c.methods
    )
    verdicts = [r.verdict for r in rows]
    if len(set(verdicts)) <= 1:
        summary = W.word(W.DETAILS, "methods_all", lang).format(
            n=len(rows), verdict=W.verdict_words(verdicts[0], lang)
        )
    else:
        counts = {v: verdicts.count(v) for v in dict.fromkeys(verdicts)}
        listed = "; ".join(
            W.word(W.COUNT, "methods", lang).format(k=k, verdict=W.verdict_words(v, lang))
            for v, k in counts.items()
        )
        summary = W.word(W.DETAILS, "methods_split", lang).format(n=len(rows), counts=listed)
    return Robustness(rows, summary)


def _size(c: Comparison, absolute: float, pct: float | None, lang: str) -> str:
    return change_text(c, absolute, pct, lang).lstrip("+")


def _events(store: Store, view: SeriesView) -> tuple[str, ...]:
    """The country's own events inside window B (never data breaks), dated by month."""
    ev = event_text.in_window(store.events(view.country), view.country, view.b)
    return tuple(event_text.dated(r, view.lang) for _, r in ev.iterrows())


def observed_stem(cat: Catalogue, indicator_id: str, obs: pd.DataFrame) -> str:
    """The file stem of a chart of observations (Explore: several countries and the
    default windows), by the same rule as a view's."""
    ind = cat.indicator_by_id[indicator_id]
    countries = sorted(obs["country_iso3"].unique()) if len(obs) else []
    reporter = str(obs["reporter"].iat[0]) if len(obs) else ind.reporters[0]
    last = pd.Timestamp(obs["period_end"].max()).date() if len(obs) else None
    first = countries[0] if countries else cat.countries[0].iso3
    view = SeriesView(ind.id, first, reporter, *default_windows(cat), ())
    data_date = period_label(last, ind.frequency) if last else None
    return chart_stem(ind.id, countries or [first], reporter, _windows(view), data_date)
