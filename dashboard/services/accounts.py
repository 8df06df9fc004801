"""The account of a series as the view layer gives it, cached and access-checked.

Pages build a `SeriesView` with `view(...)` and render `account(view)`: they compose
no sentence of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.services.access import demo_status, require_view
from dashboard.services.cache import cached, catalogue, per_run
from dashboard.services.data import Reading
from indicators import views
from indicators.analysis.table import methods_frame
from indicators.analysis.windows import Window, parse_window
from indicators.export.filenames import comparison_name as _comparison_name
from indicators.store import Store
from indicators.views import Account, SeriesView
from indicators.views.table import comparison_frame, comparison_row
from indicators.views.table import detectable_band as _detectable_band


def view(
    indicator_id: str,
    country: str,
    *,
    reporter: str | None = None,
    a: Window | str | None = None,
    b: Window | str | None = None,
    comparison: Sequence[str] | None = None,
    lang: str = "nl",
) -> SeriesView:
    """The view of one series: windows as period ids or Windows; comparison None: default."""
    return views.series_view(
        catalogue(),
        indicator_id,
        country,
        reporter=reporter,
        a=a,
        b=b,
        comparison=comparison,
        lang=lang,
    )


def _check(v: SeriesView) -> None:
    require_view(v.indicator_id, country=v.country, reporter=v.reporter)


@cached(max_entries=8000, check=_check)
def account(store: Store, v: SeriesView) -> Account:
    """The one account of a series in a view (shared between sessions)."""
    return views.account(Reading(store), v, catalogue())  # type: ignore[arg-type]


def default_periods() -> tuple[str, str]:
    """The ids of the named periods with role 'a' and 'b' (baseline and partnership)."""
    return per_run("default_periods", lambda: views.default_periods(catalogue()))


def default_comparison(country: str) -> list[str]:
    """The comparison countries a view of `country` has when none are chosen."""
    return list(views.default_comparison(catalogue(), country))


def period_window(period_id: str) -> Window:
    """A named period as a comparison window."""
    return views.window(catalogue(), period_id)


def years_window(first: int, last: int) -> Window:
    """Whole calendar years `first` to `last` as a comparison window."""
    return parse_window(f"{first}-{last}")


def area_for(indicator_id: str, reporter: str | None) -> str:
    """The reporting area an indicator is shown for when `reporter` is asked for."""
    return views.area_for(catalogue().indicator_by_id[indicator_id], reporter)


def comparison_table(
    items: list[tuple[str, str, str]],
    a: Window,
    b: Window,
    group: tuple[str, ...] | None,
    lang: str,
) -> pd.DataFrame:
    """One row per (indicator, country, reporter) from its account: change, intervals, words."""
    cat = catalogue()
    rows = []
    for indicator_id, country, reporter in items:
        v = view(indicator_id, country, reporter=reporter, a=a, b=b, comparison=group, lang=lang)
        rows.append(comparison_row(cat, account(v), group))
    return comparison_frame(rows, lang, demo_status() == "demo")


def comparison_methods(acc: Account) -> pd.DataFrame:
    """The robustness panel of an account's comparison: its methods side by side."""
    return methods_frame(acc.comparison, acc.view.lang) if acc.comparison else pd.DataFrame()


def detectable_band(sdc_pct: float | None, scale: str | None) -> tuple[float, float] | None:
    """The band of changes too small to detect, in % of window A's level (None: unknown)."""
    return _detectable_band(sdc_pct, scale)


def comparison_name(a: Window, b: Window) -> str:
    """The file name (without extension) of a comparison table or forest chart."""
    return _comparison_name(a.label, b.label)
