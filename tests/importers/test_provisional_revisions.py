"""The provisional bias from a real store's revision history: two vintages, one import each.

The first vintage has four provisional quarters that the second makes final (each
revised up by 9-14%, whole counts), and the second brings two new provisional quarters. The
estimate rests on the four made final, and every channel (stored summary, page's
comparison from the store, CLI) corrects the new provisional quarters by it.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators.analysis.provisional import estimate_bias, revision_history
from indicators.analysis.stored import compare_from_store, provisional_bias
from indicators.importers.pipeline import import_file
from indicators.store import Store
from indicators.views import series_view
from indicators.views.account import account

HEADER = "indicator,country,reporter,period,value,lower,upper,flags,source\n"
ROW = "return_travel_documents,MAR,NL,{period},{value},,,{flag},taskforce_internal\n"
# The four quarters of 2024: provisional (first vintage) and final (second); counts.
PROVISIONAL = [88, 99, 110, 117]
FINAL = [100, 110, 120, 130]
RATIOS = [p / f for p, f in zip(PROVISIONAL, FINAL, strict=True)]


def _file(tmp_path: Path, name: str, rows: list[tuple[str, float, str]]) -> Path:
    path = tmp_path / name
    body = "".join(ROW.format(period=p, value=f"{v:.0f}", flag=f) for p, v, f in rows)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


@pytest.fixture
def revised_store(store_copy: Path, tmp_path: Path) -> Path:
    rng = np.random.default_rng(13)
    early = [
        (f"{year}-Q{q}", 100 + rng.normal(0, 8), "")
        for year in range(2016, 2024)
        for q in range(1, 5)
    ]
    provisional = [(f"2024-Q{q}", v, "p") for q, v in enumerate(PROVISIONAL, start=1)]
    import_file(
        store_copy,
        "template",
        _file(tmp_path, "first.csv", early + provisional),
        vintage=dt.date(2025, 1, 15),
    )
    made_final = [(f"2024-Q{q}", v, "") for q, v in enumerate(FINAL, start=1)]
    new = [("2025-Q1", 95.0, "p"), ("2025-Q2", 97.0, "p")]
    import_file(
        store_copy,
        "template",
        _file(tmp_path, "second.csv", made_final + new),
        vintage=dt.date(2025, 7, 15),
    )
    return store_copy


def test_the_bias_is_the_mean_log_ratio_of_the_values_made_final(revised_store):
    store = Store(revised_store)
    history = revision_history(store, "return_travel_documents")
    # The two new quarters are in the history too (no old value): they do not count.
    assert len(history) == 6
    found = estimate_bias(history)
    logs = np.log(RATIOS)
    assert found is not None and found.count == 4
    assert found.bias == pytest.approx(logs.mean(), abs=1e-4)
    assert found.se == pytest.approx(logs.std(ddof=1) / 2, abs=1e-4)
    # As known before the second vintage there is no history: no estimate.
    obs = store.observations("return_travel_documents", "MAR", "NL")
    assert provisional_bias(store, "return_travel_documents", obs) == found
    early = store.observations("return_travel_documents", "MAR", "NL", as_of=dt.date(2025, 2, 1))
    assert provisional_bias(store, "return_travel_documents", early, dt.date(2025, 2, 1)) is None


def test_every_channel_corrects_by_the_same_estimate(revised_store):
    store = Store(revised_store)
    found = provisional_bias(
        store, "return_travel_documents", store.observations("return_travel_documents", "MAR")
    )
    assert found is not None
    # The page's comparison of the default windows, from the stored trend ...
    c = compare_from_store(
        store, "return_travel_documents", "MAR", "NL", "2016-2021", "2022-2025", None
    )
    assert (c.provisional_bias, c.provisional_bias_se, c.provisional_revisions) == (
        found.bias,
        found.se,
        4,
    )
    # ... equals the summary the precomputation stored (same history, same correction).
    summary = store.series_summary("return_travel_documents", "MAR", "NL")
    assert summary is not None
    assert summary["estimate"] == pytest.approx(c.estimate, rel=1e-9)
    assert summary["low95"] == pytest.approx(c.low95, rel=1e-9)
    # The account that page, CLI and exports word reads the same estimate.
    cat = store.catalogue()
    view = series_view(cat, "return_travel_documents", "MAR", reporter="NL", lang="en")
    told = account(store, view, cat)
    assert told.comparison is not None
    assert told.comparison.provisional_bias == found.bias
    # Uncorrected, window B's mean would be lower by the provisional quarters' share
    # of the bias.
    from indicators.analysis.comparison import compare_trend
    from indicators.analysis.stored import trend_from_store

    trend = trend_from_store(store, "return_travel_documents", "MAR", "NL")
    plain = compare_trend(trend, "2016-2021", "2022-2025")
    shift = c.estimate - plain.estimate
    b_values = store.observations("return_travel_documents", "MAR")
    in_b = pd.to_datetime(b_values["period_start"]) >= pd.Timestamp("2022-01-01")
    expected = (95.0 + 97.0) * (math.exp(-found.bias) - 1) / int(in_b.sum())
    assert shift == pytest.approx(expected, rel=1e-6)
