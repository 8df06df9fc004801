"""`build --from` over the whole ../shared/realdata folder: every file accounted for, and
the figures the store holds checked against sums computed here from the raw files.

The expected outcome of each file is written out below, with why: a file whose
outcome changes must change here too, on purpose.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from indicators.catalogue import DATA_DIR
from indicators.store import Store
from tests.conftest import REALDATA

# file (path inside realdata) -> (status, format detected or None, words in the reason)
EXPECTED = {
    # Derived long tables: not a producer's published format.
    "eurostat/migr_asyappctza_by_geo_nat_sex_DERIVED__gdidata.csv": (
        "refused", None, "not a published format"),
    "eurostat/migr_eipre_by_citizen_DERIVED__natix.csv": (
        "refused", None, "not a published format"),
    "iom_mmp/iom_mmp_global_2014_2025-04__gdidata.csv": (
        "refused", None, "not a published format"),
    "unhcr/unhcr_by_asylum_origin_group_DERIVED__gdidata.csv": (
        "refused", None, "not a published format"),
    "returns/frontex_return_ops_N_RETURNEES_MSNAME_DEST_new.csv": (
        "refused", None, "without dates"),
    # Annual asylum applications for a monthly indicator: the monthly variant instead.
    "eurostat/migr_asyappctza_sdmxcsv2_both__natix.csv": (
        "refused", "eurostat", "migr_asyappctzm"),
    # Temporary protection (people displaced from Ukraine) fits no indicator.
    "eurostat/migr_asytpsm_sdmxcsv2_both__natix.csv": (
        "refused", "eurostat", "feeds no indicator"),
    # Citizen = Total only: not one row for a country of the store.
    "eurostat/migr_eipre_sdmxcsv_labels__natix.csv": ("refused", "eurostat", "no row"),
    "eurostat/migr_eirfs_sdmxcsv_labels__natix.csv": ("refused", "eurostat", "no row"),
    # Totals over all countries of origin only ('-'): no country.
    "unhcr/unhcr_refugee_data_finder_EU_UK__natix.csv": ("refused", "unhcr", "no row"),
    "frontex/frontex_ibc_by_route_nat_month__gdidata.csv": ("imported", "frontex-ibc", ""),
    "iom_mmp/MissingMigrants-Global-2026-05-06--19_42_11.csv": ("imported", "iom-mmp", ""),
    "iom_mmp/iom_europe__giocopp.csv": ("imported", "iom-mmp", ""),
}  # fmt: skip
# The list of return operations and its table by year hold the same sums: whichever
# is imported second (by modification time) adds nothing.
RETURNS = (
    "returns/frontex_return_ops_returnees.csv",
    "returns/frontex_return_ops_N_RETURNEES_YEARS_MSNAME_new.csv",
)


@pytest.fixture(scope="module")
def built(realdata_build):
    return realdata_build, Store(realdata_build.path)


def test_every_file_is_accounted_for(built):
    result, _ = built
    on_disk = sorted(str(p.relative_to(REALDATA)) for p in REALDATA.rglob("*.csv") if p.is_file())
    assert sorted(f.file for f in result.files) == on_disk
    for name, (status, fmt, words) in EXPECTED.items():
        outcome = result.outcome(name)
        assert (outcome.status, outcome.format) == (status, fmt), name
        if status == "refused":
            assert words in outcome.reason and outcome.instead, name
        else:
            report = outcome.report
            assert report.rows_read > 0 and report.rows_used > 0 and report.indicators
            assert {"TUN", "MAR"} <= set(report.countries)
    returns = sorted(result.outcome(n).status for n in RETURNS)
    assert returns == ["imported", "nothing new"]
    assert all(result.outcome(n).format == "frontex-returns" for n in RETURNS)


def test_the_later_iom_extract_revises_the_earlier_one(built):
    result, store = built
    export = result.outcome("iom_mmp/MissingMigrants-Global-2026-05-06--19_42_11.csv").report
    europe = result.outcome("iom_mmp/iom_europe__giocopp.csv").report
    # The export's own date (its name) is earlier than the other file's modification time.
    assert export.vintage == dt.date(2026, 5, 6) and export.vintage_from.endswith("file name")
    assert europe.vintage > export.vintage and europe.revised > 0
    assert europe.import_id > export.import_id
    # What the store shows for an overlapping month is the later file's figure.
    revised = store.revisions(export.vintage, europe.vintage, "protection_dead_missing")
    assert len(revised) and set(revised["import_id"]) == {europe.import_id}


def test_detections_equal_the_raw_sums_over_routes_and_border_types(built):
    _, store = built
    raw = pd.read_csv(REALDATA / "frontex/frontex_ibc_by_route_nat_month__gdidata.csv")
    for iso3 in ("TUN", "MAR", "IRQ", "TUR"):
        want = raw[raw["nat"] == iso3].groupby("month")["n"].sum()
        got = store.observations("irregular_detections", iso3, "EU_EXT")
        got = got.set_index(got["period_start"].dt.strftime("%Y-%m"))["value"]
        assert len(want) > 100
        pd.testing.assert_series_equal(
            got.sort_index(), want.astype(float).sort_index(), check_names=False
        )


def test_return_operations_equal_the_raw_sums_and_morocco_has_no_data(built):
    _, store = built
    raw = pd.read_csv(REALDATA / "returns/frontex_return_ops_returnees.csv")
    raw["year"] = raw["DATE"].str[:4].astype(int)
    for iso3, name in (("TUN", "Tunisia"), ("IRQ", "Iraq"), ("TUR", "Turkey")):
        want = raw[raw["DEST"] == name].groupby("year")["N_RETURNEES"].sum()
        got = store.observations("return_frontex_ops", iso3, "EU27")
        got = got.set_index(got["period_start"].dt.year.astype("int64"))["value"]
        assert len(want) >= 5
        pd.testing.assert_series_equal(
            got.sort_index(), want.astype(float).sort_index(), check_names=False
        )
    # No operation to Morocco in the raw list: no data, which is not zero.
    assert not raw["DEST"].str.contains("Morocco").any()
    assert store.observations("return_frontex_ops", "MAR").empty
    assert store.series_summary("return_frontex_ops", "MAR", "EU27") is None


# The names each priority country goes by in IOM's free-text country fields.
IOM_NAMES = {
    "TUN": {"Tunisia"},
    "MAR": {"Morocco"},
    "IRQ": {"Iraq"},
    "TUR": {"Türkiye", "Turkey"},
}
IOM_EXPORT = "iom_mmp/MissingMigrants-Global-2026-05-06--19_42_11.csv"
IOM_EUROPE = "iom_mmp/iom_europe__giocopp.csv"


def _iom_sums(name: str, iso3: str) -> pd.Series:
    """Dead plus missing per month over the incidents of one raw IOM file that name
    `iso3` by origin, country of incident or route (data/reference/iom_routes.csv),
    each incident once: the rule of the importer's docstring, computed here in pandas."""
    raw = pd.read_csv(REALDATA / name, dtype=str, keep_default_na=False)
    export = "Incident Date" in raw.columns
    date, dead, missing, route = (
        ("Incident Date", "Number Dead", "Minimum Estimated Number of Missing", "Migration route")
        if export
        else ("Incident date", "No. dead", "No. missing", "Route")
    )
    routes = pd.read_csv(DATA_DIR / "reference" / "iom_routes.csv", keep_default_na=False)
    via = set(routes.loc[routes["countries"].str.split("|").map(lambda c: iso3 in c), "route"])
    names = IOM_NAMES[iso3]

    def names_one(values: pd.Series, wanted: set[str]) -> pd.Series:
        return values.str.split(",").map(lambda parts: bool(wanted & {p.strip() for p in parts}))

    named = names_one(raw["Country of Origin"], names) | names_one(raw[route], via)
    if not export:
        incident = raw["Country of Incident"].str.split(r" - | \(", n=1, regex=True).str[0]
        named |= incident.str.strip().isin(names)
    count = sum(pd.to_numeric(raw[c], errors="coerce").fillna(0) for c in (dead, missing))
    fmt = "%a, %m/%d/%Y - %H:%M" if export else "%Y-%m-%d"
    month = pd.to_datetime(raw[date], format=fmt).dt.strftime("%Y-%m")
    return count[named].groupby(month[named]).sum().astype(float)


@pytest.mark.parametrize("iso3", sorted(IOM_NAMES))
def test_dead_and_missing_equal_the_raw_iom_sums(built, iso3):
    result, store = built
    export = _iom_sums(IOM_EXPORT, iso3)
    europe = _iom_sums(IOM_EUROPE, iso3)
    assert len(europe) > 24, "the Europe file covers years of months for every priority country"

    def stored(as_of: dt.date | None) -> pd.Series:
        got = store.observations("protection_dead_missing", iso3, "WORLD", as_of=as_of)
        assert got["flags"].str.contains("m").all()  # minimum estimates, said on every value
        return got.set_index(got["period_start"].dt.strftime("%Y-%m"))["value"].sort_index()

    # As known when the website export was taken: its own sums, nothing else.
    first = result.outcome(IOM_EXPORT).report.vintage
    pd.testing.assert_series_equal(stored(first), export.sort_index(), check_names=False)
    # Now: the later Europe file revises every month it holds; the export's other
    # months (incidents away from the Europe routes) stand.
    want = europe.combine_first(export).sort_index()
    pd.testing.assert_series_equal(stored(None), want, check_names=False)


def test_a_public_store_carries_no_demonstration_content(built):
    _, store = built
    assert store.demo_status() == "real"
    events = store.events()
    assert len(events) and not events["is_demo"].any()
    summaries = store.series_summaries()
    assert len(summaries)
    for text in pd.concat([summaries["sentence_nl"], summaries["sentence_en"]]):
        assert "emonstrat" not in text  # no sentence cites a demonstration event
