"""The bad-input battery (issue 15, items 8 and 9): every attack the review made on the
importers, and more, through the CLI. Each case must end in one `error: …` line naming
what is wrong, exit code 1, and leave the store byte for byte as it was.

Each format has one valid base file (checked below: it imports in a dry run), and each
case breaks it in one way, so a case fails for the reason it names.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from indicators.cli import main

TEMPLATE_HEAD = "indicator,country,reporter,period,value,lower,upper,flags,source\n"
TEMPLATE_ROW = "return_travel_documents,MAR,NL,2024-Q1,42,40,44,,taskforce_internal\n"
SDMX_HEAD = "DATAFLOW,LAST UPDATE,freq,citizen,age,sex,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
SDMX_ROW = "ESTAT:MIGR_EIORD1(1.0),01/03/25,Q,MA,TOTAL,T,PER,NL,{p},{v},\n"
TSV_HEAD = "freq,c_dest,citizen,unit,geo\\TIME_PERIOD\t2023Q1 \t2023Q2 \n"
TSV_ROW = "Q,THRD,MA,PER,NL\t215 \t130 p\n"
IBC_HEAD = "route,type,nat,month,n\n"
IBC_ROW = "Central Mediterranean,sea,Tunisia,{m},{n}\n"
RET_HEAD = "ROID,DATE,MSNAME,DEST,N_RETURNEES\n"
RET_ROW = "RO-1,{d},Germany,Morocco,{n}\n"
IOM_HEAD = "Incident date,No. dead,No. missing,Country of Origin,Route,Country of Incident\n"
IOM_ROW = "{d},{dead},1,Morocco,Western Mediterranean,Spain\n"

BASES = {
    "template": ("figures.csv", TEMPLATE_HEAD + TEMPLATE_ROW),
    "eurostat": ("eiord1.csv", SDMX_HEAD + SDMX_ROW.format(p="2023-Q1", v="215")),
    "eurostat-tsv": ("estat_migr_eirtn1.tsv", TSV_HEAD + TSV_ROW),
    "frontex-ibc": ("detections.csv", IBC_HEAD + IBC_ROW.format(m="2024-03", n="12")),
    "frontex-returns": ("returns.csv", RET_HEAD + RET_ROW.format(d="2024-01-02", n="3")),
    "iom-mmp": ("iom.csv", IOM_HEAD + IOM_ROW.format(d="2024-03-01", dead="2")),
}
FORMAT = {"eurostat-tsv": "eurostat"}


def _t(row: str) -> str:
    return TEMPLATE_HEAD + row


def _r(**over: str) -> str:
    """The template's valid row with some fields replaced."""
    names, values = TEMPLATE_HEAD.strip().split(","), TEMPLATE_ROW.strip().split(",")
    fields = dict(zip(names, values, strict=True)) | over
    return _t(",".join(fields.values()) + "\n")


# (id, base, file name or None for the base's, content, expected words in the message)
CASES: list[tuple[str, str, str | None, str | bytes, str]] = [
    # --- template: the figures themselves -------------------------------------------
    ("tpl-not-a-number", "template", None, _r(value="x"), "not a number"),
    ("tpl-1e308", "template", None, _r(value="1e308", lower="", upper=""), "not plausible"),
    ("tpl-inf", "template", None, _r(value="inf", lower="", upper=""), "value"),
    ("tpl-nan-text", "template", None, _r(value="nan"), "not a number"),
    ("tpl-negative-count", "template", None, _r(value="-5", lower="", upper=""), "negative"),
    ("tpl-fractional-count", "template", None, _r(value="2.5", lower="", upper=""),
     "whole number"),
    ("tpl-year-1700", "template", None, _r(period="1700"), "not a period"),
    ("tpl-year-1989", "template", None, _r(period="1989-Q4"), "not a period"),
    ("tpl-year-2090", "template", None, _r(period="2090"), "not a period"),
    ("tpl-year-2099-q", "template", None, _r(period="2099-Q1"), "not a period"),
    ("tpl-month-2600", "template", None, _r(period="2600-01"), "not a period"),
    ("tpl-month-9999", "template", None, _r(period="9999-12"), "not a period"),
    ("tpl-month-13", "template", None, _r(period="2024-13"), "not a period"),
    ("tpl-quarter-5", "template", None, _r(period="2024-Q5"), "not a period"),
    ("tpl-lower-minus-1e300", "template", None, _r(lower="-1e300"), "negative"),
    ("tpl-lower-above-value", "template", None, _r(lower="50", upper="60"), "lower bound"),
    ("tpl-upper-below-value", "template", None, _r(lower="1", upper="10"), "upper bound"),
    ("tpl-bounds-without-value", "template", None, _r(value=""), "bound without a value"),
    ("tpl-days-negative", "template", None,
     _r(indicator="return_id_response_days", value="-3", lower="", upper=""), "negative"),
    ("tpl-unknown-indicator", "template", None, _r(indicator="no_such_indicator"),
     "unknown indicator"),
    ("tpl-unknown-country", "template", None, _r(country="Atlantis"), "country"),
    ("tpl-unknown-flag", "template", None, _r(flags="z"), "flag"),
    ("tpl-unknown-source", "template", None, _r(source="no_such_source"), "source"),
    ("tpl-unknown-reporter", "template", None, _r(reporter="MARS"), "reporting area"),
    # --- template: the file -----------------------------------------------------------
    ("tpl-missing-column", "template", None,
     "indicator,country,reporter,period,source\nreturn_travel_documents,MAR,NL,2024-Q1,x\n",
     "missing column"),
    ("tpl-extra-column", "template", None,
     TEMPLATE_HEAD.strip() + ",colour\n" + TEMPLATE_ROW.strip() + ",red\n", "unknown column"),
    ("tpl-too-many-fields", "template", None, _t(TEMPLATE_ROW.strip() + ",extra,more\n"
                                                 + TEMPLATE_ROW.replace("2024-Q1", "2024-Q2")),
     "row"),
    ("tpl-cr-only-lines", "template", None, (TEMPLATE_HEAD + TEMPLATE_ROW).replace("\n", "\r"),
     ""),
    ("tpl-empty-file", "template", None, "", "empty"),
    ("tpl-header-only", "template", None, TEMPLATE_HEAD, "no rows"),
    ("tpl-not-utf8", "template", None,
     (TEMPLATE_HEAD + TEMPLATE_ROW).encode().replace(b"MAR", b"M\xe9R"), "not UTF-8"),
    ("tpl-open-quote", "template", None, _t('return_travel_documents,MAR,NL,2024-Q1,"42\n'),
     "truncated"),
    ("tpl-short-last-row", "template", None, _t(TEMPLATE_ROW + "return_travel_documents,MAR"),
     "truncated"),
    ("tpl-semicolons", "template", None, (TEMPLATE_HEAD + TEMPLATE_ROW).replace(",", ";"),
     "';'"),
    ("tpl-duplicate-row", "template", None, _t(TEMPLATE_ROW * 2), "duplicate"),
    ("tpl-binary-junk", "template", None, b"\x00\x01\x02PK\x03\x04" * 50, ""),
    # --- template as xlsx -------------------------------------------------------------
    ("xlsx-bomb", "template", "bomb.xlsx", "xlsx-bomb", "over the limit of"),
    ("xlsx-not-a-zip", "template", "broken.xlsx", b"this is not a zip file", "xlsx"),
    ("xlsx-1e308", "template", "big.xlsx", "xlsx-1e308", "not plausible"),
    # --- Eurostat SDMX-CSV and bulk TSV -----------------------------------------------
    ("sdmx-1e308", "eurostat", None, SDMX_HEAD + SDMX_ROW.format(p="2023-Q1", v="1e308"),
     "not plausible"),
    ("sdmx-year-1700", "eurostat", None, SDMX_HEAD + SDMX_ROW.format(p="1700-Q1", v="5"),
     "period"),
    ("sdmx-year-2099", "eurostat", None, SDMX_HEAD + SDMX_ROW.format(p="2099-Q1", v="5"),
     "period"),
    ("sdmx-negative", "eurostat", None, SDMX_HEAD + SDMX_ROW.format(p="2023-Q1", v="-1"),
     "negative"),
    ("sdmx-not-a-number", "eurostat", None, SDMX_HEAD + SDMX_ROW.format(p="2023-Q1", v="abc"),
     "not a number"),
    ("tsv-cut-mid-value", "eurostat-tsv", None, TSV_HEAD + TSV_ROW.replace("130 p\n", "13"),
     "truncated"),
    ("tsv-wrong-codes", "eurostat-tsv", None, TSV_HEAD + "Q,THRD,MA\t215 \t130 p\n", "codes"),
    # --- Frontex detections -----------------------------------------------------------
    ("ibc-month-9999", "frontex-ibc", None, IBC_HEAD + IBC_ROW.format(m="9999-12", n="1"),
     "month"),
    ("ibc-month-2600", "frontex-ibc", None, IBC_HEAD + IBC_ROW.format(m="2600-01", n="1"),
     "month"),
    ("ibc-month-1700", "frontex-ibc", None, IBC_HEAD + IBC_ROW.format(m="1700-01", n="1"),
     "month"),
    ("ibc-negative", "frontex-ibc", None, IBC_HEAD + IBC_ROW.format(m="2024-03", n="-4"),
     "negative"),
    ("ibc-1e308", "frontex-ibc", None, IBC_HEAD + IBC_ROW.format(m="2024-03", n="1e308"),
     "not plausible"),
    ("ibc-not-a-number", "frontex-ibc", None, IBC_HEAD + IBC_ROW.format(m="2024-03", n="x"),
     "not a number"),
    ("ibc-missing-column", "frontex-ibc", None, "route,type,nat,n\na,b,Tunisia,1\n", "missing"),
    # --- Frontex return operations ----------------------------------------------------
    ("ret-date-9999", "frontex-returns", None, RET_HEAD + RET_ROW.format(d="9999-12-31", n="3"),
     "date"),
    ("ret-date-1700", "frontex-returns", None, RET_HEAD + RET_ROW.format(d="1700-01-01", n="3"),
     "date"),
    ("ret-fraction", "frontex-returns", None, RET_HEAD + RET_ROW.format(d="2024-01-02", n="2.5"),
     "whole number"),
    ("ret-negative", "frontex-returns", None, RET_HEAD + RET_ROW.format(d="2024-01-02", n="-1"),
     "negative"),
    ("ret-1e308", "frontex-returns", None, RET_HEAD + RET_ROW.format(d="2024-01-02", n="1e308"),
     "not plausible"),
    # --- IOM Missing Migrants ---------------------------------------------------------
    ("iom-date-9999", "iom-mmp", None, IOM_HEAD + IOM_ROW.format(d="12/31/9999", dead="1"),
     "date"),
    ("iom-date-1700", "iom-mmp", None, IOM_HEAD + IOM_ROW.format(d="1700-01-01", dead="1"),
     "date"),
    ("iom-not-a-number", "iom-mmp", None, IOM_HEAD + IOM_ROW.format(d="2024-03-01", dead="x"),
     "not a number"),
    ("iom-negative", "iom-mmp", None, IOM_HEAD + IOM_ROW.format(d="2024-03-01", dead="-2"),
     "negative"),
    ("iom-1e308", "iom-mmp", None, IOM_HEAD + IOM_ROW.format(d="2024-03-01", dead="1e308"),
     "not plausible"),
    ("iom-missing-column", "iom-mmp", None, "Incident date,Route\n2024-03-01,x\n", "missing"),
]  # fmt: skip


def _xlsx(path: Path, kind: str) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    if kind == "xlsx-bomb":
        ws["A1"], ws["XFD1048576"] = "indicator", "x"
    else:
        ws.append(TEMPLATE_HEAD.strip().split(","))
        row = TEMPLATE_ROW.strip().split(",")
        row[4], row[5], row[6] = "1e308", "", ""
        ws.append(row)
    wb.save(path)


@pytest.fixture(scope="module")
def battery_store(tmp_path_factory, demo_store_path) -> Path:
    path = tmp_path_factory.mktemp("battery") / "monitor.duckdb"
    shutil.copyfile(demo_store_path, path)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_battery_is_large():
    assert len(CASES) >= 50
    assert {base for _, base, *_ in CASES} == set(BASES)


@pytest.mark.parametrize("base", sorted(BASES))
def test_every_base_file_is_valid(base, battery_store, tmp_path, capsys):
    name, content = BASES[base]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code = main(["import", FORMAT.get(base, base), str(path), "--store", str(battery_store),
                 "--dry-run"])  # fmt: skip
    assert code == 0, capsys.readouterr().err


@pytest.mark.parametrize(("case", "base", "name", "content", "expected"), CASES,
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_bad_input_is_a_clear_error_and_changes_nothing(
    case, base, name, content, expected, battery_store, tmp_path, capsys
):
    path = tmp_path / (name or BASES[base][0])
    if isinstance(content, str) and content.startswith("xlsx-"):
        _xlsx(path, content)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    before = _sha(battery_store)
    code = main(["import", FORMAT.get(base, base), str(path), "--store", str(battery_store)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith("error: ") and "Traceback" not in err, err
    assert expected.lower() in err.lower(), err
    assert path.name in err or name is not None or "missing" in err or expected == "", err
    assert _sha(battery_store) == before


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    battery_store, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("PARTNERSHIP_MONITOR_MAX_IMPORT_MB", "0.0001")
    path = tmp_path / "figures.csv"
    path.write_text(TEMPLATE_HEAD + TEMPLATE_ROW * 20, encoding="utf-8")
    before = _sha(battery_store)
    assert main(["import", "template", str(path), "--store", str(battery_store)]) == 1
    assert "over the limit" in capsys.readouterr().err
    assert _sha(battery_store) == before


def test_no_such_file_and_an_undetectable_file(battery_store, tmp_path, capsys):
    assert main(["import", "template", str(tmp_path / "nope.csv"), "--store",
                 str(battery_store)]) == 1  # fmt: skip
    assert "no such file" in capsys.readouterr().err
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["import", "auto", str(odd), "--store", str(battery_store)]) == 1
    assert "cannot tell the format" in capsys.readouterr().err
