"""Snapshots of what the product says: accounts, a bundle README, a trend figure's spec.

A change to a sentence, a figure or a README shows as a readable diff in review
(`pytest --snapshot-update` rewrites them). Numbers are rounded to what a reader sees,
so the snapshots do not depend on the BLAS kernel that fitted the trends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math

import pytest

from indicators.export.bundle import readme
from indicators.export.content import ChartRequest, chart_content, store_may_view
from indicators.views import account, series_view
from indicators.views.figure import view_spec

# (indicator, country, choices): defaults, the view, other areas and verdicts, a gap.
SERIES = [
    ("return_orders", "TUN", {}),
    ("return_orders", "TUN", {"reporter": "NL", "b": "taskforce", "comparison": ["MAR", "EGY"]}),
    ("irregular_detections", "TUN", {}),
    ("return_rate", "MAR", {}),
    ("protection_dead_missing", "IRQ", {"comparison": []}),
    ("context_youth_unemployment", "TUN", {"b": "taskforce"}),
]


def _id(case) -> str:
    indicator, country, choices = case
    shown = {k: "+".join(v) if isinstance(v, list) else v for k, v in choices.items()}
    return "-".join([indicator, country, *(f"{k}={v or 'none'}" for k, v in shown.items())])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", SERIES, ids=_id)
def test_accounts(store, snapshot, case, lang):
    indicator, country, choices = case
    cat = store.catalogue()
    told = account(store, series_view(cat, indicator, country, lang=lang, **choices), cat)
    assert json.dumps(told.to_dict(), ensure_ascii=False, indent=1) == snapshot


def test_bundle_readme(store, snapshot):
    requests = [
        ChartRequest("irregular_detections", ("TUN",)),
        ChartRequest("return_orders", ("TUN",), "NL", "baseline", "taskforce", ("MAR", "EGY")),
    ]
    cat = store.catalogue()
    contents = [
        dataclasses.replace(  # the store's build time and fingerprint are not the README's text
            chart_content(store, r, store_may_view(store), cat), store_meta={"schema_version": "n"}
        )
        for r in requests
    ]
    names = sorted(f"{c.stem()}_en.{ext}" for c in contents for ext in ("png", "svg", "csv"))
    text = readme(contents, names, "en", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert text == snapshot


def test_trend_figure_spec(store, snapshot):
    cat = store.catalogue()
    view = series_view(cat, "return_orders", "TUN", reporter="NL", comparison=["EGY"], lang="en")
    assert _rounded(view_spec(store, cat, view, title="Orders to leave")) == snapshot


def _rounded(value: object) -> object:
    """Every float to three significant digits: what a reader of the chart sees."""
    if isinstance(value, float):
        if not math.isfinite(value) or value == 0:
            return value
        return float(f"{value:.3g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value
