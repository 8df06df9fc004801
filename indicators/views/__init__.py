"""The view layer: the one account of a series that every screen and file renders.

from indicators.views import series_view, account
view = series_view(catalogue, "return_orders", "TUN", reporter="NL", b="taskforce",
                   comparison=["MAR", "EGY"], lang="en")
acc = account(store, view, catalogue)
acc.headline, acc.verdict_words, acc.aim, acc.details, acc.source, acc.stem
"""

from indicators.views.account import Account, MethodRow, Robustness, account, worded
from indicators.views.series import (
    SeriesView,
    area_for,
    default_comparison,
    default_periods,
    default_windows,
    series_view,
    subject,
    window,
)

__all__ = [
    "Account",
    "MethodRow",
    "Robustness",
    "SeriesView",
    "account",
    "area_for",
    "default_comparison",
    "default_periods",
    "default_windows",
    "series_view",
    "subject",
    "window",
    "worded",
]
