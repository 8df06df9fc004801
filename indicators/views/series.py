"""Which series a screen or a file is about: the one place its choices are resolved.

A `SeriesView` is what every channel (page, overview cell, download, bundle, pack,
CLI) hands to `indicators.views.account`: indicator, country, reporting area, windows
A and B as `Window` objects, comparison countries and language. The rules that used
to be repeated by each channel live here, once:

- the reporting area an indicator is shown for (`area_for`);
- the default windows (the named periods with role 'a' and 'b');
- the default comparison countries (`indicators.analysis.stored.comparison_countries`);
- what a series is called in a sentence (`subject`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from indicators.analysis.stored import comparison_countries
from indicators.analysis.windows import Window
from indicators.catalogue import Catalogue, Indicator, Period
from indicators.errors import InputError, Problem

LANGS = ("nl", "en")


@dataclass(frozen=True)
class SeriesView:
    """One series as a user chose to see it (hashable: services cache on it)."""

    indicator_id: str
    country: str
    reporter: str
    a: Window
    b: Window
    comparison: tuple[str, ...]
    lang: str = "nl"

    def in_lang(self, lang: str) -> SeriesView:
        """The same view in another language."""
        return replace(self, lang=_lang(lang))


WindowChoice = Window | str | None


def series_view(
    catalogue: Catalogue,
    indicator_id: str,
    country: str,
    *,
    reporter: str | None = None,
    a: WindowChoice = None,
    b: WindowChoice = None,
    comparison: Sequence[str] | None = None,
    lang: str = "nl",
) -> SeriesView:
    """The view of one series, every choice checked against the catalogue.

    `a`, `b`: a `Window` or the id of a named period (None: the periods with role 'a'
    and 'b'). `comparison`: ISO3 codes (None: the default comparison countries of
    `country`; an empty sequence: none). `reporter`: the area asked for; an indicator
    not reported by it is shown for its own first area (`area_for`).
    """
    ind = catalogue.indicator(indicator_id)
    country = country.upper()
    if country not in catalogue.country_by_iso3:
        raise InputError(Problem("country", None, None, f"unknown country {country!r}"))
    default_a, default_b = default_windows(catalogue)
    return SeriesView(
        ind.id,
        country,
        area_for(ind, reporter),
        window(catalogue, a) if a is not None else default_a,
        window(catalogue, b) if b is not None else default_b,
        comparison_for(catalogue, country, comparison),
        _lang(lang),
    )


def area_for(indicator: Indicator, reporter: str | None) -> str:
    """The reporting area shown: the one asked for when the indicator has it, else its first."""
    return reporter if reporter in indicator.reporters else indicator.reporters[0]


def window(catalogue: Catalogue, choice: Window | str) -> Window:
    """A `Window` as given, or the named period with that id (never a label string)."""
    if isinstance(choice, Window):
        return choice
    for period in catalogue.periods:
        if period.id == choice:
            return period_window(period)
    known = ", ".join(p.id for p in catalogue.periods)
    raise InputError(Problem("window", None, None, f"no named period {choice!r} ({known})"))


def period_window(period: Period) -> Window:
    """A named period of the catalogue as a comparison window."""
    end = pd.Timestamp(period.end) if period.end else None
    return Window(pd.Timestamp(period.start), end, period.label)


def default_periods(catalogue: Catalogue) -> tuple[str, str]:
    """The ids of the named periods with role 'a' and 'b' (first and last when unmarked)."""
    roles = {p.role: p.id for p in catalogue.periods}
    ids = [p.id for p in catalogue.periods]
    return roles.get("a", ids[0]), roles.get("b", ids[-1])


def default_windows(catalogue: Catalogue) -> tuple[Window, Window]:
    """Windows A and B of a view that names none."""
    a, b = default_periods(catalogue)
    return window(catalogue, a), window(catalogue, b)


def default_comparison(catalogue: Catalogue, country: str) -> tuple[str, ...]:
    """The comparison countries of a priority country; none for the others."""
    roles = {c.iso3: c.role for c in catalogue.countries}
    return tuple(comparison_countries(roles, country))


def comparison_for(
    catalogue: Catalogue, country: str, codes: Sequence[str] | None
) -> tuple[str, ...]:
    """The comparison countries of a view: the default for None, else the codes given."""
    if codes is None:
        return default_comparison(catalogue, country)
    chosen = tuple(dict.fromkeys(c.strip().upper() for c in codes if c.strip()))
    unknown = [c for c in chosen if c not in catalogue.country_by_iso3]
    if unknown:
        raise InputError(Problem("comparison", None, None, f"unknown country {unknown[0]!r}"))
    return tuple(c for c in chosen if c != country)


def subject(catalogue: Catalogue, view: SeriesView, lang: str | None = None) -> str:
    """What a series is called where the indicator's title is not already in view:
    'Orders to leave, Tunisia (Netherlands)'. The area is named only when the
    indicator is reported for more than one."""
    lang = _lang(lang or view.lang)
    ind = catalogue.indicator_by_id[view.indicator_id]
    return subject_text(
        ind.title(lang),
        catalogue.country_by_iso3[view.country].name(lang),
        area_name(catalogue, view.reporter, lang),
        several_areas=len(ind.reporters) > 1,
    )


def subject_text(title: str, country: str, area: str, *, several_areas: bool) -> str:
    """The one rule of what a sentence calls a series, from names already in the
    language: 'Title, Country', with '(Area)' only for an indicator of several areas.
    The precomputation, which has no catalogue, names its stored sentences through it."""
    return f"{title}, {country}" + (f" ({area})" if several_areas else "")


def area_name(catalogue: Catalogue, code: str, lang: str) -> str:
    """'EU-27', 'Nederland': a reporting area's name."""
    names = {a["code"]: a[f"name_{_lang(lang)}"] for a in catalogue.reporting_areas}
    return names.get(code, code)


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "nl"
