"""Frontex detections of irregular border crossings: the real long table and the wide xlsx."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from indicators.cli import main
from indicators.importers.pipeline import import_file
from indicators.store import Store
from tests.conftest import realdata
from tests.importers.conftest import BROKEN, broken_copy, digest

STORE_COUNTRIES = ["MAR", "TUN", "IRQ", "TUR", "DZA", "EGY", "NGA"]


def _real():
    path = realdata("frontex", "frontex_ibc_by_route_nat_month__gdidata.csv")
    return path, pd.read_csv(path, dtype={"n": "int64"}, keep_default_na=False)


def _expected(raw: pd.DataFrame) -> pd.Series:
    mine = raw[raw["nat"].isin(STORE_COUNTRIES)]
    return mine.groupby(["nat", "month"])["n"].sum()


def _stored(path) -> pd.Series:
    store = Store(path)
    obs = store.observations("irregular_detections", None, "EU_EXT")
    obs = obs.assign(month=obs["period_start"].dt.strftime("%Y-%m"))
    return obs.set_index(["country_iso3", "month"])["value"].sort_index()


def test_real_long_table_sums_routes_and_border_types(store_copy):
    path, raw = _real()
    report = import_file(store_copy, "auto", path, vintage=dt.date(2025, 6, 3))
    expected = _expected(raw)
    assert report.detected == "frontex-ibc" and report.added == len(expected)
    assert report.rows_read == len(raw)
    assert report.rows_used == raw["nat"].isin(STORE_COUNTRIES).sum()
    assert report.rows_used + report.rows_skipped == len(raw)
    stored = _stored(store_copy)
    pd.testing.assert_series_equal(
        stored, expected.astype(float).sort_index(), check_names=False, check_index_type=False
    )
    groups = raw["nat"].isin(["OOO", "OOS", "STL"]).sum()
    assert next(v for k, v in report.skipped.items() if "aggregate or unknown" in k) == groups
    # Again: nothing added.
    assert import_file(store_copy, "frontex-ibc", path).added == 0


def test_wide_xlsx_layout_gives_the_same_figures(store_copy, tmp_path):
    _, raw = _real()
    raw = raw[raw["nat"].isin([*STORE_COUNTRIES, "SYR", "OOO"])]
    wide = raw.pivot_table(index=["route", "type", "nat"], columns="month", values="n")
    wide = wide.reset_index().rename(
        columns={"route": "Route", "type": "Border location", "nat": "Nationality"}
    )
    wide.columns = [
        pd.Timestamp(c).strftime("%b %Y") if c[:2].isdigit() else c for c in wide.columns
    ]
    xlsx = tmp_path / "Monthly_detections_of_IBC.xlsx"
    with pd.ExcelWriter(xlsx) as writer:
        pd.DataFrame([["Detections of IBC, data as of 3 June 2025"]]).to_excel(
            writer, index=False, header=False
        )
        wide.to_excel(writer, index=False, startrow=2)
    report = import_file(store_copy, "auto", xlsx)
    assert report.detected == "frontex-ibc" and report.rows_read == len(wide)
    stored = _stored(store_copy)
    pd.testing.assert_series_equal(
        stored,
        _expected(raw).astype(float).sort_index(),
        check_names=False,
        check_index_type=False,
    )


@pytest.mark.parametrize(("how", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_copies_fail_clearly_and_change_nothing(store_copy, tmp_path, capsys, how, expected):
    real, _ = _real()
    path = tmp_path / real.name
    path.write_bytes(broken_copy(real.read_text(encoding="utf-8"), how, -1))
    before = digest(store_copy)
    code = main(["import", "frontex-ibc", str(path), "--store", str(store_copy)])
    err = capsys.readouterr().err
    assert code == 1 and expected in err and real.name in err, err
    assert digest(store_copy) == before
