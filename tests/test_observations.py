from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.errors import InputError
from indicators.observations import OBSERVATION_COLUMNS, validate_observations


def _row(**changes) -> dict:
    row = {
        "indicator_id": "return_orders",
        "country_iso3": "TUN",
        "reporter": "EU27",
        "period_start": "2024-01-01",
        "period_end": "2024-03-31",
        "frequency": "Q",
        "value": 100.0,
        "lower": np.nan,
        "upper": np.nan,
        "flags": "",
        "source_id": "eurostat_migr_eiord",
        "vintage": "2025-01-01",
        "is_demo": False,
    }
    row.update(changes)
    return row


@pytest.mark.parametrize(
    ("bad", "column", "reason"),
    [
        ({"indicator_id": "return_vibes"}, "indicator_id", "unknown indicator"),
        ({"country_iso3": "FRA"}, "country_iso3", "not in the store's list"),
        ({"reporter": "MOON"}, "reporter", "unknown reporting area"),
        ({"value": -5.0}, "value", "cannot be negative"),
        ({"lower": 150.0}, "lower", "above the value"),
        ({"upper": 50.0}, "upper", "below the value"),
        ({"flags": "px"}, "flags", "flags must be letters"),
        ({"period_end": "2023-12-31"}, "period_end", "ends before it starts"),
        ({"frequency": "W"}, "frequency", "must be M, Q or A"),
    ],
)
def test_each_problem_names_row_column_and_reason(catalogue, bad, column, reason):
    second = {"period_start": "2024-04-01", "period_end": "2024-06-30", **bad}
    frame = pd.DataFrame([_row(), _row(**second)])
    frame["_row"] = [2, 3]
    with pytest.raises(InputError) as err:
        validate_observations(frame, catalogue, "tunisia.csv")
    problem = err.value.problems[0]
    assert (problem.file, problem.row, problem.column) == ("tunisia.csv", 3, column)
    assert reason in problem.reason
    assert "nothing written" in str(err.value)


def test_duplicate_keys_are_rejected(catalogue):
    frame = pd.DataFrame([_row(), _row(value=120.0)])
    with pytest.raises(InputError, match="duplicate key"):
        validate_observations(frame, catalogue, "dup.csv")


def test_missing_value_is_kept_missing(catalogue):
    out = validate_observations(pd.DataFrame([_row(value=np.nan, flags="c")]), catalogue, "f.csv")
    assert out["value"].isna().all()
    assert list(out.columns) == OBSERVATION_COLUMNS


def test_many_problems_are_counted_but_only_twenty_listed(catalogue):
    frame = pd.DataFrame(
        [
            _row(
                period_start=f"{2010 + i // 4}-{1 + 3 * (i % 4):02d}-01",
                period_end="2030-01-01",
                value=-1.0,
            )
            for i in range(40)
        ]
    )
    with pytest.raises(InputError) as err:
        validate_observations(frame, catalogue, "many.csv")
    assert err.value.total == 40
    assert len(err.value.problems) == 20
    assert "… and 20 more" in str(err.value)


def test_impossible_date_is_a_problem_not_a_crash(catalogue):
    with pytest.raises(InputError) as err:
        validate_observations(pd.DataFrame([_row(period_start="2024-02-30")]), catalogue, "d.csv")
    assert err.value.problems[0].column == "period_start"
    assert "impossible date" in err.value.problems[0].reason
