"""The template importer and the import pipeline: provenance, vintages, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from indicators.catalogue import DATA_DIR
from indicators.cli import main
from indicators.errors import InputError
from indicators.importers.pipeline import import_file
from indicators.store import Store
from tests.importers.conftest import digest

EXAMPLE = DATA_DIR / "templates" / "internal_figures_example.csv"
HEADER = "indicator,country,reporter,period,value,lower,upper,flags,source\n"


def write(tmp_path: Path, body: str, name: str = "figures.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def test_example_template_imports_with_provenance(store_copy):
    report = import_file(store_copy, "template", EXAMPLE, vintage=dt.date(2025, 1, 15))
    raw = pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)
    assert report.rows_read == len(raw) and report.added == len(raw) and report.rows_skipped == 0
    store = Store(store_copy)
    imports = store.imports()
    row = imports.iloc[0]
    assert row["file_name"] == EXAMPLE.name and row["sha256"] == digest(EXAMPLE)
    assert (row["rows_read"], row["rows_accepted"], row["rows_rejected"]) == (len(raw), len(raw), 0)
    assert row["operator"] and row["importer_version"].startswith("template/")
    assert "taskforce_internal" in row["summary"] and not row["is_demo"]
    obs = store.observations("return_id_response_days", "TUN")
    assert list(obs["import_id"].unique()) == [row["import_id"]]
    # Range and flags kept; the confidential empty value is missing, not zero.
    q1, q2 = obs.iloc[0], obs.iloc[1]
    assert (q1["value"], q1["lower"], q1["upper"], q1["flags"]) == (63, 55, 71, "e")
    assert pd.isna(q2["value"]) and q2["flags"] == "c"
    # Names in Dutch and English resolve: Tunesië, Türkiye.
    assert len(store.observations("smuggling_arrests", "TUR")) == 1
    # An indicator with no rows for a country is no data, not zero.
    assert store.observations("return_travel_documents", "TUN").empty
    assert store.demo_status() == "real"


def test_same_file_twice_adds_nothing_and_leaves_the_store_as_it_was(store_copy):
    import_file(store_copy, "template", EXAMPLE, vintage=dt.date(2025, 1, 15))
    before = digest(store_copy)
    again = import_file(store_copy, "template", EXAMPLE, vintage=dt.date(2025, 2, 1))
    assert (again.added, again.revised, again.unchanged) == (0, 0, 6)
    assert again.import_id is None and again.earlier_imports == [1]
    assert digest(store_copy) == before


def test_revision_keeps_both_vintages_answers_as_of_and_lists_revisions(store_copy, tmp_path):
    first = write(tmp_path, "return_travel_documents,MAR,NL,2024-Q1,42,,,p,taskforce_internal\n")
    import_file(store_copy, "template", first, vintage=dt.date(2024, 5, 1))
    revised = write(
        tmp_path,
        "return_travel_documents,MAR,NL,2024-Q1,45,,,,taskforce_internal\n"
        "return_travel_documents,MAR,NL,2024-Q2,50,,,p,taskforce_internal\n",
        "revised.csv",
    )
    dry = import_file(store_copy, "template", revised, vintage=dt.date(2024, 8, 1), dry_run=True)
    assert (dry.added, dry.revised, dry.import_id) == (1, 1, None)
    report = import_file(store_copy, "template", revised, vintage=dt.date(2024, 8, 1))
    assert (report.added, report.revised) == (1, 1)
    store = Store(store_copy)
    now = store.observations("return_travel_documents", "MAR")
    assert list(now["value"]) == [45, 50] and list(now["flags"]) == ["", "p"]
    then = store.observations("return_travel_documents", "MAR", as_of=dt.date(2024, 6, 30))
    assert list(then["value"]) == [42] and list(then["flags"]) == ["p"]
    assert store.observations("return_travel_documents", "MAR", as_of=dt.date(2024, 1, 1)).empty
    changes = store.revisions(dt.date(2024, 6, 30), dt.date(2024, 8, 1))
    assert sorted(zip(changes["old_value"].fillna(-1), changes["new_value"], strict=False)) == [
        (-1, 50),
        (42, 45),
    ]
    # The trend of the changed series was refreshed in the same write.
    summary = store.series_summary("return_travel_documents", "MAR", "NL")
    assert summary is not None and summary["n_points"] == 2
    # A corrected file the same day supersedes the earlier import at that vintage: no
    # invented date, the earlier value stays in the store, the provenance says so.
    clash = write(
        tmp_path, "return_travel_documents,MAR,NL,2024-Q1,99,,,,taskforce_internal\n", "clash.csv"
    )
    fixed = import_file(store_copy, "template", clash, vintage=dt.date(2024, 8, 1))
    assert (fixed.superseded, fixed.superseded_imports) == (1, [report.import_id])
    store = Store(store_copy)
    assert list(store.observations("return_travel_documents", "MAR")["value"]) == [99, 50]
    imports = store.imports()
    last = imports[imports["import_id"] == fixed.import_id].iloc[0]
    assert f"supersedes 1 value(s) of import(s) {report.import_id}" in last["summary"]
    kept = store._df(
        "SELECT value FROM observations WHERE indicator_id = ? AND country_iso3 = ? "
        "AND period_start = ? ORDER BY import_id",
        ["return_travel_documents", "MAR", dt.date(2024, 1, 1)],
    )
    assert list(kept["value"]) == [42, 45, 99]
    # A true contradiction within one import (one key twice) is still refused.
    twice = write(tmp_path, _row(value="5") + _row(value="6"), "twice.csv")
    before = digest(store_copy)
    with pytest.raises(InputError, match="duplicate key"):
        import_file(store_copy, "template", twice, vintage=dt.date(2024, 9, 1))
    assert digest(store_copy) == before


ROW = "return_travel_documents,MAR,NL,{period},{value},,,{flag},taskforce_internal\n"


def _row(period: str = "2024-Q1", value: str = "4", flag: str = "", ind: str = "") -> str:
    row = ROW.format(period=period, value=value, flag=flag)
    return row.replace("return_travel_documents", ind) if ind else row


BAD = [
    ("wrong encoding", None, "not UTF-8"),
    ("missing column", HEADER.replace(",source", ""), "missing column"),
    ("extra column", HEADER.replace("\n", ",comment\n"), "unknown column"),
    ("non-numeric", _row(value="many"), "row 2"),
    ("impossible date", _row(period="2024-Q5"), "period"),
    ("negative count", _row(value="-4"), "negative"),
    ("unknown indicator", _row(ind="return_nonsense"), "unknown indicator"),
    ("garbage country", _row().replace("MAR", "Atlantis"), "not a country"),
    ("wrong frequency", _row(period="2024-03"), "frequency"),
    ("bad flag", _row(flag="x"), "flag"),
    ("empty", "", "no rows"),
    ("truncated", _row() + _row(period="2024-Q2")[:40], "truncated"),
    ("duplicate key", _row() * 2, "duplicate key"),
]


@pytest.mark.parametrize(("case", "body", "expected"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_exits_1_with_a_message_and_changes_nothing(
    store_copy, tmp_path, capsys, case, body, expected
):
    path = tmp_path / "bad.csv"
    if case == "wrong encoding":
        path.write_bytes(
            HEADER.encode()
            + "smuggling_arrests,Türkiye,NAT,2024-Q1,4,,,,partner_authorities\n".encode("latin-1")
        )
    elif case in ("missing column", "extra column"):
        row = "return_travel_documents,MAR,NL,2024-Q1,4,,,,taskforce_internal"
        row = row.replace(",taskforce_internal", "") if "source" not in body else row
        path.write_text(body + row + (",a note\n" if "comment" in body else "\n"), "utf-8")
    else:
        path.write_text(HEADER + body, encoding="utf-8")
    before = digest(store_copy)
    code = main(["import", "template", str(path), "--store", str(store_copy)])
    err = capsys.readouterr().err
    assert code == 1 and expected in err and "bad.csv" in err, err
    assert digest(store_copy) == before


def test_many_problems_list_twenty_and_count_the_rest(store_copy, tmp_path):
    body = "".join(
        f"return_travel_documents,MAR,NL,{1996 + i}-Q1,x,,,,taskforce_internal\n" for i in range(30)
    )
    with pytest.raises(InputError) as info:
        import_file(store_copy, "template", write(tmp_path, body))
    assert info.value.total == 30 and "… and 10 more" in str(info.value)


def test_unknown_format_and_undetectable_file(store_copy, tmp_path, capsys):
    path = write(tmp_path, "1,2\n", header="a,b\n")
    assert main(["import", "auto", str(path), "--store", str(store_copy)]) == 1
    assert "cannot tell the format" in capsys.readouterr().err
    with pytest.raises(InputError, match="unknown format"):
        import_file(store_copy, "spreadsheet", path)


def test_xlsx_template_and_cli_json(store_copy, tmp_path, capsys):
    frame = pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)
    xlsx = tmp_path / "figures.xlsx"
    frame.to_excel(xlsx, index=False)
    code = main(["import", "auto", str(xlsx), "--store", str(store_copy), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["detected"] == "template" and data["added"] == len(frame)


def test_country_outside_the_list_is_skipped_and_counted(store_copy, tmp_path):
    body = (
        "smuggling_arrests,Syria,NAT,2024-Q1,4,,,,partner_authorities\n"
        "smuggling_arrests,MA,NAT,2024-Q1,5,,,,partner_authorities\n"
    )
    report = import_file(store_copy, "template", write(tmp_path, body))
    assert report.rows_read == 2 and report.rows_used == 1 and report.rows_skipped == 1
    assert any("outside the store's list" in r for r in report.skipped)
    assert report.skipped_examples[next(iter(report.skipped))] == ["SYR"]


def test_cli_dry_run_writes_nothing(store_copy, capsys):
    before = digest(store_copy)
    code = main(["import", "template", str(EXAMPLE), "--store", str(store_copy), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0 and "Dry run" in out and "6 would be added" in out
    assert digest(store_copy) == before


def test_import_into_a_copy_of_the_demo_store_marks_it_mixed(fresh_store_path):
    import_file(fresh_store_path, "template", EXAMPLE, vintage=dt.date(2027, 1, 1))
    store = Store(fresh_store_path)
    assert store.demo_status() == "mixed"
    latest = store.observations("return_travel_documents", "MAR", "NL")
    real = latest[~latest["is_demo"]]
    assert list(real["value"]) == [42, 51]


def test_import_keeps_the_reader_serving(store_copy):
    reader = Store(store_copy)
    import_file(store_copy, "template", EXAMPLE)
    assert reader.count("observations") == 0  # still the old file
    assert Store(store_copy).count("observations") == 6
