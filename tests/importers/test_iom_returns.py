"""IOM Missing Migrants (both real layouts) and the Frontex return-operations list."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from indicators.cli import main
from indicators.errors import InputError
from indicators.importers.pipeline import import_file
from indicators.store import Store
from tests.conftest import realdata
from tests.importers.conftest import BROKEN, broken_copy, digest

TUR_ROUTES = {"Eastern Mediterranean", "Türkiye-Europe land route", "Iran to Türkiye",
              "Syria to Türkiye"}  # fmt: skip


def _by_month(frame: pd.DataFrame, dates: pd.Series, total: pd.Series) -> pd.Series:
    month = dates.dt.strftime("%Y-%m")
    return total.groupby(month).sum().astype(float).sort_index()


def _stored(path, country: str) -> pd.Series:
    obs = Store(path).observations("protection_dead_missing", country, "WORLD")
    assert set(obs["flags"]) == {"m"}  # minimum estimates, flagged
    return obs.set_index(obs["period_start"].dt.strftime("%Y-%m"))["value"].sort_index()


def test_full_dataset_layout_turkiye_by_origin_incident_country_or_route(store_copy):
    path = realdata("iom_mmp", "iom_europe__giocopp.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    report = import_file(store_copy, "auto", path, vintage=dt.date(2026, 5, 6))
    assert report.detected == "iom-mmp" and report.rows_read == len(raw)
    assert report.rows_used + report.rows_skipped == len(raw)
    num = {
        c: pd.to_numeric(raw[c].replace("NA", "0").replace("", "0"))
        for c in ("No. dead", "No. missing")
    }
    total = num["No. dead"] + num["No. missing"]
    # IOM's own dead-and-missing column agrees with dead + missing.
    assert (total == pd.to_numeric(raw["No. dead/missing"])).all()
    origin = raw["Country of Origin"].str.contains("Türkiye|Turkey", regex=True)
    mine = origin | (raw["Country of Incident"] == "Türkiye") | raw["Route"].isin(TUR_ROUTES)
    expected = _by_month(raw[mine], pd.to_datetime(raw["Incident date"][mine]), total[mine])
    pd.testing.assert_series_equal(_stored(store_copy, "TUR"), expected, check_names=False)


def test_website_export_layout_morocco_by_origin_or_route(store_copy):
    path = realdata("iom_mmp", "MissingMigrants-Global-2026-05-06--19_42_11.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    report = import_file(store_copy, "iom-mmp", path)
    assert report.rows_read == len(raw)
    dead = pd.to_numeric(raw["Number Dead"].replace("", "0"))
    missing = pd.to_numeric(raw["Minimum Estimated Number of Missing"].replace("", "0"))
    routes = {"Western Mediterranean", "Western Africa / Atlantic route to the Canary Islands"}
    mine = raw["Country of Origin"].str.contains("Morocco") | raw["Migration route"].isin(routes)
    dates = pd.to_datetime(raw["Incident Date"], format="%a, %m/%d/%Y - %H:%M")
    expected = _by_month(raw[mine], dates[mine], (dead + missing)[mine])
    pd.testing.assert_series_equal(_stored(store_copy, "MAR"), expected, check_names=False)


@pytest.mark.parametrize(("how", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_iom_broken_copies_fail_clearly(store_copy, tmp_path, capsys, how, expected):
    real = realdata("iom_mmp", "iom_europe__giocopp.csv")
    text = real.read_text(encoding="utf-8")
    if how in ("non-numeric", "negative count"):
        # Column 7 is "No. dead" on lines without quoted commas before it.
        lines = text.splitlines(keepends=True)
        parts = lines[5].split(",")
        parts[7] = "12x" if how == "non-numeric" else "-3"
        data = ("".join(lines[:5]) + ",".join(parts) + "".join(lines[6:])).encode()
    else:
        data = broken_copy(text, how, -1)
    path = tmp_path / real.name
    path.write_bytes(data)
    before = digest(store_copy)
    code = main(["import", "iom-mmp", str(path), "--store", str(store_copy)])
    err = capsys.readouterr().err
    assert code == 1 and real.name in err, err
    assert expected in err or (how == "wrong delimiter" and "missing column" in err), err
    assert digest(store_copy) == before


def test_return_operations_sum_by_destination_and_year_and_no_rows_is_no_data(store_copy):
    path = realdata("returns", "frontex_return_ops_returnees.csv")
    raw = pd.read_csv(path, dtype={"N_RETURNEES": "int64"}, keep_default_na=False)
    report = import_file(store_copy, "auto", path, vintage=dt.date(2025, 1, 31))
    assert report.detected == "frontex-returns" and report.rows_read == len(raw)
    store = Store(store_copy)
    for name, iso3 in (("Tunisia", "TUN"), ("Nigeria", "NGA"), ("Egypt", "EGY")):
        mine = raw[raw["DEST"] == name]
        expected = mine.groupby(mine["DATE"].str[:4])["N_RETURNEES"].sum().astype(float)
        obs = store.observations("return_frontex_ops", iso3, "EU27")
        got = obs.set_index(obs["period_start"].dt.strftime("%Y"))["value"]
        pd.testing.assert_series_equal(got, expected, check_names=False)
    # Morocco and Algeria: no rows in the list, so no data - not zero.
    assert not raw["DEST"].isin(["Morocco", "Algeria"]).any()
    assert store.observations("return_frontex_ops", "MAR").empty
    assert store.observations("return_frontex_ops", "DZA").empty


@pytest.mark.parametrize(("how", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_return_list_broken_copies_fail_clearly(store_copy, tmp_path, capsys, how, expected):
    real = realdata("returns", "frontex_return_ops_returnees.csv")
    path = tmp_path / real.name
    path.write_bytes(broken_copy(real.read_text(encoding="utf-8"), how, -1))
    before = digest(store_copy)
    code = main(["import", "frontex-returns", str(path), "--store", str(store_copy)])
    err = capsys.readouterr().err
    assert code == 1 and expected in err and real.name in err, err
    assert digest(store_copy) == before


def test_garbage_destination_is_an_error(store_copy, tmp_path):
    path = tmp_path / "ops.csv"
    path.write_text(
        "ROID,DATE,MSNAME,DEST,N_RETURNEES\nRO-1,2024-01-02T00:00:00Z,Germany,Narnia,3\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="row 2, column 'DEST'"):
        import_file(store_copy, "frontex-returns", path)
