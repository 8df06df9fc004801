"""UNHCR Refugee Data Finder exports, and the date a file's figures were known.

The realdata UNHCR export holds totals over all origins only (refused: see
test_realdata_build); the export users download with "Country of origin" ticked is
written here in the same column layout.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from indicators.errors import InputError
from indicators.importers.pipeline import import_file
from indicators.importers.public import build_public_store, known_at
from indicators.store import Store
from tests.conftest import realdata

HEADER = (
    'Year,"Country of Asylum","Country of Origin","Country of Asylum ISO",'
    '"Country of Origin ISO",Refugees,"Returned Refugees","Asylum Seekers",IDPs,'
    '"Returned IDPs",Stateless,HST,OOC\n'
)
ROWS = [
    "2022,-,Tunisia,-,TUN,1800,0,5200,0,0,0,0,0",  # all countries of asylum: WORLD
    "2023,-,Tunisia,-,TUN,1950,0,6100,0,0,0,0,0",
    "2023,-,Morocco,-,MAR,2400,3,9800,0,0,0,0,0",
    "2023,Netherlands,Morocco,NLD,MAR,310,0,420,0,0,0,0,0",  # in the Netherlands: NL
    "2023,Germany,Morocco,DEU,MAR,900,0,2000,0,0,0,0,0",  # another asylum country
    "2023,-,Eritrea,-,ERI,150000,0,40000,0,0,0,0,0",  # origin outside the store's list
    "2023,Austria,-,AUT,-,90000,0,40000,0,0,0,0,0",  # totals over all origins
]


def export(tmp_path: Path, rows=ROWS, name: str = "unhcr_export.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "\n".join(rows) + "\n", "utf-8")
    return path


def test_refugees_and_asylum_seekers_by_origin_worldwide_and_in_nl(store_copy, tmp_path):
    report = import_file(store_copy, "auto", export(tmp_path))
    assert report.detected == "unhcr" and report.rows_read == len(ROWS)
    assert report.rows_used == 4 and report.rows_skipped == 3
    assert report.indicators == ["context_refugees_abroad"]
    store = Store(store_copy)
    tun = store.observations("context_refugees_abroad", "TUN", "WORLD")
    assert list(tun["value"]) == [1800 + 5200, 1950 + 6100]
    assert list(tun["frequency"]) == ["A", "A"]  # end-year stocks: annual only
    assert list(store.observations("context_refugees_abroad", "MAR", "NL")["value"]) == [730]
    assert list(store.observations("context_refugees_abroad", "MAR", "WORLD")["value"]) == [12200]
    reasons = " ".join(report.skipped)
    assert "all countries of origin together" in reasons and "neither as worldwide" in reasons
    assert "outside the store's list" in reasons


def test_a_bad_unhcr_row_names_row_and_column(store_copy, tmp_path):
    bad = [*ROWS[:2], "2023,-,Tunisia,-,TUN,many,0,1,0,0,0,0,0"]
    with pytest.raises(InputError) as info:
        import_file(store_copy, "unhcr", export(tmp_path, bad))
    assert "row 4" in str(info.value) and "'Refugees'" in str(info.value)


def test_the_known_date_comes_from_the_file_name_else_its_modification_time(tmp_path):
    stamped = tmp_path / "MissingMigrants-Global-2026-05-06--19_42_11.csv"
    stamped.write_text("x\n", "utf-8")
    assert known_at(stamped, "iom-mmp") == (
        dt.datetime(2026, 5, 6, 19, 42, 11),
        "the date in the file name",
    )
    plain = export(tmp_path)
    os.utime(plain, (1_700_000_000, 1_700_000_000))
    when, source = known_at(plain, "unhcr")
    assert when == dt.datetime(2023, 11, 14, 22, 13, 20) and "modification time" in source
    sdmx = tmp_path / "eirfs.csv"
    sdmx.write_text(
        "DATAFLOW,LAST UPDATE,freq,geo,TIME_PERIOD,OBS_VALUE\n"
        "ESTAT:MIGR_EIRFS(1.0),09/04/24 23:00:00,A,NL,2023,5\n"
        "ESTAT:MIGR_EIRFS(1.0),11/04/24 10:00:00,A,NL,2022,5\n",
        "utf-8",
    )
    assert known_at(sdmx, "eurostat")[0] == dt.datetime(2024, 4, 11, 10, 0)


def test_a_later_extract_revises_an_earlier_one_in_one_build(tmp_path):
    folder = tmp_path / "public"
    folder.mkdir()
    early = export(folder, ROWS[:2], "unhcr_2024-03-01.csv")
    late = export(folder, ["2023,-,Tunisia,-,TUN,2000,0,6100,0,0,0,0,0"], "unhcr_2024-09-01.csv")
    # Names sort the other way round from the dates in them on purpose.
    early.rename(folder / "b_unhcr_2024-03-01.csv")
    late.rename(folder / "a_unhcr_2024-09-01.csv")
    result = build_public_store(tmp_path / "public.duckdb", folder)
    first = result.outcome("b_unhcr_2024-03-01.csv").report
    second = result.outcome("a_unhcr_2024-09-01.csv").report
    assert (first.vintage, second.vintage) == (dt.date(2024, 3, 1), dt.date(2024, 9, 1))
    assert second.revised == 1 and second.import_id > first.import_id
    store = Store(tmp_path / "public.duckdb")
    assert list(store.observations("context_refugees_abroad", "TUN", "WORLD")["value"]) == [
        7000,
        8100,
    ]
    then = store.observations("context_refugees_abroad", "TUN", "WORLD", as_of=first.vintage)
    assert list(then["value"]) == [7000, 8050]
    # --vintage overrides the files' own dates (same day: the later-known file supersedes).
    again = build_public_store(tmp_path / "again.duckdb", folder, vintage=dt.date(2025, 1, 2))
    report = again.outcome("a_unhcr_2024-09-01.csv").report
    assert report.vintage == dt.date(2025, 1, 2) and report.vintage_from == "--vintage"
    assert report.superseded == 1


def test_the_realdata_unhcr_export_of_totals_is_refused_with_what_to_download(tmp_path):
    folder = tmp_path / "public"
    folder.mkdir()
    source = realdata("unhcr", "unhcr_refugee_data_finder_EU_UK__natix.csv")
    (folder / source.name).write_bytes(source.read_bytes())
    (folder / "ok.csv").write_text(HEADER + ROWS[0] + "\n", "utf-8")
    result = build_public_store(tmp_path / "public.duckdb", folder)
    refused = result.outcome(source.name)
    assert refused.status == "refused" and "all countries of origin" in refused.reason
    assert "Country of origin" in refused.instead
    assert result.outcome("ok.csv").status == "imported"
