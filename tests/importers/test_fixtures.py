"""Every importer on a small file in its real layout (tests/fixtures/), without realdata.

The headers are exactly those of the published files (tests/fixtures/README.md says
which); the values are made up, so the expected figures below are worked out by hand
from the fixture rows: a sum over routes or participating states, an incident counted
once for each country its origin, route or place names, a confidential cell kept as a
missing value with its flag.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from indicators.cli import main
from indicators.importers.pipeline import import_file
from indicators.store import Store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VINTAGE = dt.date(2025, 3, 1)


def _imported(store_path: Path, name: str, fmt: str = "auto") -> tuple[object, dict]:
    """Import a fixture; the report and {(indicator, country, reporter, period): (value, flags)}."""
    report = import_file(store_path, fmt, FIXTURES / name, vintage=VINTAGE)
    rows = Store(store_path).observations(report.indicators[0], None, None)
    stored = {
        (r.indicator_id, r.country_iso3, r.reporter, r.period_start.strftime("%Y-%m")): (
            None if pd.isna(r.value) else r.value,
            r.flags,
        )
        for r in rows.itertuples()
    }
    return report, stored


def test_eurostat_sdmx_csv_1_with_labels(store_copy):
    report, stored = _imported(store_copy, "eurostat_migr_eirfs_sdmx1_labels.csv")
    assert report.detected == "eurostat" and report.rows_read == 8
    key = "irregular_refused_entry"
    assert stored == {
        (key, "MAR", "EU27", "2021-01"): (1200, ""),
        (key, "MAR", "EU27", "2022-01"): (1350, "p"),
        (key, "MAR", "NL", "2021-01"): (85, ""),
        (key, "MAR", "NL", "2022-01"): (90, "e"),
        (key, "TUN", "NL", "2022-01"): (None, "c"),  # confidential: no figure, flag kept
    }
    # Austria, an air-border breakdown and the citizen total are skipped, each with why.
    assert report.rows_skipped == 3
    assert {k.split(":")[0] for k in report.skipped} == {"border", "geo", "citizen"}


def test_eurostat_sdmx_csv_2_with_codes_and_labels(store_copy):
    report, stored = _imported(store_copy, "eurostat_migr_asyappctzm_sdmx2_both.csv")
    assert report.detected == "eurostat" and report.rows_read == 7
    key = "irregular_asylum_applications"
    assert stored == {
        (key, "IRQ", "EU27", "2024-01"): (2480, "p"),
        (key, "IRQ", "NL", "2024-01"): (310, ""),
        (key, "IRQ", "NL", "2024-02"): (295, ""),
        (key, "TUR", "NL", "2024-01"): (520, ""),
    }
    assert {k.split(":")[0] for k in report.skipped} == {"sex", "asyl_app", "geo"}


def test_eurostat_bulk_tsv(store_copy):
    report, stored = _imported(store_copy, "estat_migr_eirtn1.tsv")
    assert report.detected == "eurostat" and report.rows_read == 10  # 5 lines x 2 quarters
    key = "return_returned"
    assert stored == {
        (key, "MAR", "EU27", "2023-01"): (640, ""),
        (key, "MAR", "EU27", "2023-04"): (715, "p"),
        (key, "MAR", "NL", "2023-01"): (25, ""),
        (key, "MAR", "NL", "2023-04"): (None, "c"),  # ':' with flag c
        (key, "TUN", "NL", "2023-01"): (12, ""),
        (key, "TUN", "NL", "2023-04"): (14, ""),
    }


FRONTEX = {
    # summed over routes and border types; an empty cell is no figure, a 0 is zero
    ("irregular_detections", "MAR", "EU_EXT", "2024-01"): (220 + 18 + 95, ""),
    ("irregular_detections", "MAR", "EU_EXT", "2024-02"): (0, ""),
    ("irregular_detections", "TUN", "EU_EXT", "2024-01"): (410 + 3, ""),
    ("irregular_detections", "TUN", "EU_EXT", "2024-02"): (385, ""),
    ("irregular_detections", "TUR", "EU_EXT", "2024-02"): (57, ""),
}


def test_frontex_ibc_long_table(store_copy):
    report, stored = _imported(store_copy, "frontex_ibc_long.csv")
    assert report.detected == "frontex-ibc" and report.rows_read == 10
    assert stored == FRONTEX
    assert report.skipped == {
        "n: an empty cell (no figure)": 1,
        "nat: a country outside the store's list": 1,
    }


def test_frontex_ibc_wide_xlsx_gives_the_long_tables_figures(store_copy):
    report, stored = _imported(store_copy, "frontex_ibc_wide.xlsx")
    assert report.detected == "frontex-ibc"
    assert stored == FRONTEX


def test_iom_mmp_website_export(store_copy):
    report, stored = _imported(store_copy, "iom_mmp_website_export.csv")
    assert report.detected == "iom-mmp" and report.rows_read == 4
    key = "protection_dead_missing"
    assert stored == {
        # Morocco by origin and by its route (Western Mediterranean: MAR, DZA): 3 + 2
        (key, "MAR", "WORLD", "2024-01"): (5, "m"),
        (key, "DZA", "WORLD", "2024-01"): (5, "m"),
        (key, "TUN", "WORLD", "2024-01"): (1, "m"),
        # unknown origin on the Central Mediterranean route (LBY, TUN): Tunisia's
        (key, "TUN", "WORLD", "2024-02"): (4, "m"),
        # Iraq by origin, Türkiye by the land route: the incident counts for both
        (key, "IRQ", "WORLD", "2024-02"): (2, "m"),
        (key, "TUR", "WORLD", "2024-02"): (2, "m"),
    }


def test_iom_mmp_full_dataset_layout(store_copy):
    report, stored = _imported(store_copy, "iom_mmp_full_dataset.csv")
    assert report.detected == "iom-mmp" and report.rows_read == 3
    key = "protection_dead_missing"
    assert stored == {
        # origin Iraq on the Eastern Mediterranean route (TUR, LBN, SYR): 5 + 1 each
        (key, "IRQ", "WORLD", "2023-03"): (6, "m"),
        # ... and Türkiye also as the place of the second incident ("Türkiye - near the
        # land border"), counted once: 6 + 1
        (key, "TUR", "WORLD", "2023-03"): (7, "m"),
        # dead 17, missing -5 (found dead later): IOM's own total of 12, for Egypt by
        # origin and Tunisia by the route
        (key, "EGY", "WORLD", "2023-04"): (12, "m"),
        (key, "TUN", "WORLD", "2023-04"): (12, "m"),
    }


RETURNS = {
    ("return_frontex_ops", "TUN", "EU27", "2022-01"): (21 + 4 + 30, ""),
    ("return_frontex_ops", "IRQ", "EU27", "2023-01"): (18 + 0, ""),
    ("return_frontex_ops", "TUR", "EU27", "2023-01"): (9, ""),
}


def test_frontex_return_operations_list(store_copy):
    report, stored = _imported(store_copy, "frontex_return_ops_list.csv")
    assert report.detected == "frontex-returns" and report.rows_read == 7
    assert stored == RETURNS  # Georgia is outside the store's countries: skipped
    assert report.rows_skipped == 1


def test_frontex_return_operations_by_year_feed_the_same_figures(store_copy, capsys):
    assert (
        main(
            [
                "import",
                "auto",
                str(FIXTURES / "frontex_return_ops_by_year.csv"),
                "--store",
                str(store_copy),
                "--vintage",
                VINTAGE.isoformat(),
            ]
        )
        == 0
    )
    assert "frontex-returns" in capsys.readouterr().out
    rows = Store(store_copy).observations("return_frontex_ops", None, None)
    stored = {
        (r.indicator_id, r.country_iso3, r.reporter, r.period_start.strftime("%Y-%m")): (
            r.value,
            r.flags,
        )
        for r in rows.itertuples()
    }
    assert stored == RETURNS  # 'all destinations' is an aggregate, not a country


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.suffix != ".md"))
def test_every_fixture_is_recognised_and_imports(store_copy, name):
    report = import_file(store_copy, "auto", FIXTURES / name, dry_run=True)
    assert report.detected and report.rows_used > 0, name
