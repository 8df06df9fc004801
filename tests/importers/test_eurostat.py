"""Eurostat SDMX-CSV 1.0/2.0 and bulk TSV: real extracts and fixtures in their layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from indicators.catalogue import load_catalogue
from indicators.cli import main
from indicators.errors import InputError
from indicators.importers.eurostat import mappings
from indicators.importers.pipeline import import_file
from indicators.store import Store
from tests.conftest import realdata
from tests.importers.conftest import BROKEN, broken_copy, digest

EU27_LABEL = "European Union - 27 countries (from 2020)"


def test_mapping_is_catalogue_data_that_matches_the_catalogue():
    cat = load_catalogue()
    for code, m in mappings().items():
        ind = cat.indicator(m.indicator)
        # The source names the family: migr_eiord covers migr_eiord1, ..._ctza covers ..._ctzm.
        assert any(code.startswith(cat.source_by_id[s].dataset[:-1]) for s in ind.sources), code
        if m.frequency != ind.frequency:
            assert m.use_instead and mappings()[m.use_instead].frequency == ind.frequency
    for needed in ("migr_eiord", "migr_eirtn", "migr_eipre", "migr_eirfs", "migr_asyappctza"):
        assert needed in mappings()


def test_real_sdmx_csv_labels_every_row_is_accounted_for(store_copy):
    path = realdata("eurostat", "migr_eirfs_sdmxcsv_labels__natix.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    report = import_file(store_copy, "auto", path, dry_run=True)
    assert report.detected == "eurostat" and report.rows_read == len(raw)
    kept_geo = raw["geo"].isin([EU27_LABEL, "Netherlands"])
    assert report.rows_used == 0 and report.rows_skipped == len(raw)
    by_reason = {k.split(":")[0] + ":" + k.split(" ")[-1]: v for k, v in report.skipped.items()}
    assert sum(v for k, v in by_reason.items() if k.startswith("citizen")) == kept_geo.sum()
    assert sum(v for k, v in by_reason.items() if k.startswith("geo")) == (~kept_geo).sum()


def test_real_sdmx_csv_labels_breakdowns_are_skipped_by_the_mapping(store_copy):
    path = realdata("eurostat", "migr_eipre_sdmxcsv_labels__natix.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    report = import_file(store_copy, "eurostat", path, dry_run=True)
    reason = next(v for k, v in report.skipped.items() if k.startswith("reason"))
    assert reason == (raw["reason"] != "Total").sum()
    apprehen = next(v for k, v in report.skipped.items() if k.startswith("apprehen"))
    assert apprehen == ((raw["reason"] == "Total") & (raw["apprehen"] != "Total")).sum()
    assert report.rows_skipped == len(raw)


def test_real_sdmx_csv_2_codes_and_labels_values_match_the_file(wide_store):
    path = realdata("eurostat", "migr_asyappctza_sdmxcsv2_both__natix.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    report = import_file(wide_store, "eurostat", path, vintage=dt.date(2025, 3, 1))
    mine = raw[(raw["citizen"] == "UA") & (raw["geo"] == "NL")]
    assert report.added == len(mine) == report.rows_used
    obs = Store(wide_store).observations("irregular_asylum_applications", "UKR", "NL")
    expected = mine.assign(v=pd.to_numeric(mine["OBS_VALUE"]).astype(float))
    got = dict(zip(obs["period_start"].dt.year.astype(str), obs["value"], strict=True))
    assert got == dict(zip(expected["TIME_PERIOD"], expected["v"], strict=True))
    assert obs["value"].sum() == expected["v"].sum()


def test_annual_file_for_a_monthly_indicator_is_refused_with_the_variant_to_use(store_copy):
    path = realdata("eurostat", "migr_asyappctza_sdmxcsv2_both__natix.csv")
    with pytest.raises(InputError, match="import migr_asyappctzm instead"):
        import_file(store_copy, "eurostat", path)


def test_a_dataset_that_fits_no_indicator_is_refused_with_its_reason(store_copy):
    path = realdata("eurostat", "migr_asytpsm_sdmxcsv2_both__natix.csv")
    with pytest.raises(InputError, match="temporary protection.*feeds no indicator"):
        import_file(store_copy, "eurostat", path)


def test_unknown_dataset_is_an_error(store_copy, tmp_path):
    text = realdata("eurostat", "migr_asytpsm_sdmxcsv2_both__natix.csv").read_text("utf-8")
    path = tmp_path / "other.csv"
    path.write_text(text.replace("MIGR_ASYTPSM", "MIGR_OTHERX"), "utf-8")
    with pytest.raises(InputError, match="unknown dataset 'migr_otherx'"):
        import_file(store_copy, "eurostat", path)


# --- fixtures written in Eurostat's layouts (return statistics are not in realdata) ----
ROWS = [
    # citizen, geo, period, value, flag
    ("MA", "EU27_2020", "2023-Q1", "7,015", ""),
    ("MA", "EU27_2020", "2023-Q2", "6890", "p"),
    ("MA", "NL", "2023-Q1", "215", ""),
    ("TN", "NL", "2023-Q1", ":", "c"),
    ("TN", "EL", "2023-Q1", "40", ""),  # Greece reports: not a reporting area of the store
    ("SY", "NL", "2023-Q1", "90", ""),  # a real country outside the store's list
    ("TOTAL", "NL", "2023-Q1", "9000", ""),  # an aggregate
]


def sdmx1(tmp_path: Path, rows=ROWS, name: str = "eiord1.csv") -> Path:
    lines = ["DATAFLOW,LAST UPDATE,freq,citizen,age,sex,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"]
    for c, g, p, v, f in rows:
        v = v.replace(",", "")
        lines.append(f"ESTAT:MIGR_EIORD1(1.0),01/03/25,Q,{c},TOTAL,T,PER,{g},{p},{v},{f}")
        lines.append(f"ESTAT:MIGR_EIORD1(1.0),01/03/25,Q,{c},TOTAL,F,PER,{g},{p},1,")
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sdmx2_codes(tmp_path: Path) -> Path:
    head = "STRUCTURE,STRUCTURE_ID,ACTION,freq,c_dest,citizen,unit,geo,"
    lines = [head + "TIME_PERIOD,OBS_VALUE,OBS_FLAG"]
    for c, g, p, v, f in ROWS:
        v = v.replace(",", "")
        lines.append(f"dataflow,ESTAT:MIGR_EIRTN1(1.0),I,Q,THRD,{c},PER,{g},{p},{v},{f}")
    path = tmp_path / "eirtn1.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def bulk_tsv(tmp_path: Path, name: str = "estat_migr_eirtn1.tsv") -> Path:
    periods = ["2023Q1", "2023Q2"]
    series: dict[tuple[str, str], dict[str, str]] = {}
    for c, g, p, v, f in ROWS:
        series.setdefault((c, g), {})[p.replace("-", "")] = (v.replace(",", "") + " " + f).strip()
    lines = ["freq,c_dest,citizen,unit,geo\\TIME_PERIOD\t" + "\t".join(f"{p} " for p in periods)]
    for (c, g), cells in series.items():
        row = [f"Q,THRD,{c},PER,{g}"] + [cells.get(p, ":") for p in periods]
        lines.append("\t".join(row))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("writer", [sdmx1, sdmx2_codes, bulk_tsv])
def test_three_layouts_give_the_same_observations(store_copy, tmp_path, writer):
    path = writer(tmp_path)
    report = import_file(store_copy, "auto", path, vintage=dt.date(2025, 3, 1))
    indicator = "return_orders" if writer is sdmx1 else "return_returned"
    store = Store(store_copy)
    eu = store.observations(indicator, "MAR", "EU27")
    assert list(eu["value"]) == [7015, 6890] and list(eu["flags"]) == ["", "p"]
    nl = store.observations(indicator, "MAR", "NL")["value"]
    # The bulk TSV has a cell for every period: `:` there is a value stored as missing.
    assert list(nl.dropna()) == [215] and len(nl) == (2 if writer is bulk_tsv else 1)
    tn = store.observations(indicator, "TUN", "NL")
    assert tn["value"].isna().all() and tn["flags"].iloc[0] == "c"
    assert store.observations(indicator, "TUN", "EU27").empty  # no data, not zero
    assert report.added == (6 if writer is bulk_tsv else 4)
    skipped = " ".join(report.skipped)
    assert "outside the store's list" in skipped and "aggregate" in skipped
    assert report.rows_used + report.rows_skipped == report.rows_read


def test_a_revised_extract_adds_a_vintage(store_copy, tmp_path):
    import_file(store_copy, "eurostat", sdmx1(tmp_path), vintage=dt.date(2024, 6, 1))
    revised = [("MA", "EU27_2020", "2023-Q1", "7100", "")] + ROWS[1:]
    report = import_file(
        store_copy, "eurostat", sdmx1(tmp_path, revised, "v2.csv"), vintage=dt.date(2024, 9, 1)
    )
    assert (report.added, report.revised, report.unchanged) == (0, 1, 3)
    store = Store(store_copy)
    assert store.observations("return_orders", "MAR", "EU27")["value"].iloc[0] == 7100
    old = store.observations("return_orders", "MAR", "EU27", as_of=dt.date(2024, 7, 1))
    assert old["value"].iloc[0] == 7015
    changes = store.revisions(dt.date(2024, 7, 1))
    assert list(changes["old_value"]) == [7015] and list(changes["new_value"]) == [7100]


def test_file_without_dataset_name_needs_dataset_option(store_copy, tmp_path, capsys):
    path = bulk_tsv(tmp_path, "download.tsv")
    assert main(["import", "eurostat", str(path), "--store", str(store_copy)]) == 1
    assert "--dataset" in capsys.readouterr().err
    args = ["import", "eurostat", str(path), "--dataset", "migr_eirtn1", "--store", str(store_copy)]
    assert main(args) == 0


@pytest.mark.parametrize(("how", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_copies_of_a_real_file_fail_clearly_and_change_nothing(
    fresh_store_path, tmp_path, capsys, how, expected
):
    real = realdata("eurostat", "migr_eirfs_sdmxcsv_labels__natix.csv")
    path = tmp_path / real.name
    path.write_bytes(broken_copy(real.read_text(encoding="utf-8"), how, -3))
    before = digest(fresh_store_path)
    code = main(["import", "eurostat", str(path), "--store", str(fresh_store_path)])
    err = capsys.readouterr().err
    assert code == 1 and expected in err and real.name in err, err
    assert digest(fresh_store_path) == before
