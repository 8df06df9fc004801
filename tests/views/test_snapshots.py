"""Snapshots of what the product says: accounts, a bundle README, a trend figure's spec.

A change to a sentence, a figure or a README shows as a readable diff in review
(`pytest --snapshot-update` rewrites them). Numbers are rounded to what a reader sees.
That alone does not make them independent of the BLAS kernel: the trend model's
likelihood is flat along some directions, so the optimiser stops at a slightly other
point under another kernel (OPENBLAS_CORETYPE=Haswell moved Tunisia's mean trend
level change from +39.5% to +39.3%). Accounts are therefore matched word for word and
year for year, and their other numbers within a stated tolerance (`NumbersWithin`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re

import pytest
from syrupy.extensions.amber import AmberSnapshotExtension

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


# A number in a sentence: digits with group and decimal marks, signed or not.
NUMBER = re.compile(r"[−+-]?\d(?:[\d.,]*\d)?")
YEAR = re.compile(r"(?:19|20)\d\d")
# What a kernel may move a fitted figure by: 1 unit as shown (a percentage point for
# percentages) or 2% of its size, whichever is larger. Words, years and order may not move.
ABSOLUTE, RELATIVE = 1.0, 0.02


class NumbersWithin(AmberSnapshotExtension):
    """Amber snapshots whose numbers may differ within the tolerance above."""

    def matches(self, *, serialized_data, snapshot_data) -> bool:  # type: ignore[override]
        if serialized_data == snapshot_data:
            return True
        if not isinstance(serialized_data, str) or not isinstance(snapshot_data, str):
            return False
        return _same_words(serialized_data, snapshot_data)


def _same_words(received: str, kept: str) -> bool:
    decimal = "," if '"lang": "nl"' in kept else "."
    mine, theirs = NUMBER.findall(received), NUMBER.findall(kept)
    if NUMBER.sub("#", received) != NUMBER.sub("#", kept) or len(mine) != len(theirs):
        return False
    return all(_close(a, b, decimal) for a, b in zip(mine, theirs, strict=True))


def _close(a: str, b: str, decimal: str) -> bool:
    if YEAR.fullmatch(a.lstrip("+-−")) or YEAR.fullmatch(b.lstrip("+-−")):
        return a == b
    x, y = _value(a, decimal), _value(b, decimal)
    if (x < 0) != (y < 0) and not (abs(x) <= ABSOLUTE and abs(y) <= ABSOLUTE):
        return False
    return abs(x - y) <= max(ABSOLUTE, RELATIVE * max(abs(x), abs(y)))


def _value(token: str, decimal: str) -> float:
    group = "." if decimal == "," else ","
    plain = token.replace("−", "-").replace(group, "").replace(decimal, ".")
    return float(plain)


def test_the_tolerance_lets_a_kernel_move_a_figure_but_not_a_word():
    kept = '{"lang": "nl", "x": "geen aantoonbare verandering: +40% (−0,2% – +79%), 2016–2021"}'
    assert _same_words(kept.replace("+40%", "+39%").replace("−0,2%", "−0,6%"), kept)
    assert not _same_words(kept.replace("geen aantoonbare verandering", "hoger"), kept)
    assert not _same_words(kept.replace("2016", "2017"), kept)
    assert not _same_words(kept.replace("+40%", "+45%"), kept)
    assert not _same_words(kept.replace("+79%", "−79%"), kept)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", SERIES, ids=_id)
def test_accounts(store, snapshot, case, lang):
    indicator, country, choices = case
    cat = store.catalogue()
    told = account(store, series_view(cat, indicator, country, lang=lang, **choices), cat)
    said = json.dumps(told.to_dict(), ensure_ascii=False, indent=1)
    assert said == snapshot.use_extension(NumbersWithin)


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
