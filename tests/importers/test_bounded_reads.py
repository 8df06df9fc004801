"""Large text files are read in chunks (issue 15: an import peaks at <= 3x its file).

Each test forces chunks of a few kilobytes, so a small file spans many of them, and
checks what chunking must not change: the observations, the account of skipped rows,
and problems that need the whole file (a key repeated in a later chunk, a second
dataset, a dimension whose values differ between chunks, a malformed row far down).
The peak memory itself is measured by `bench/run.py bench_big_csv`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.catalogue import load_catalogue
from indicators.errors import InputError
from indicators.importers import eurostat, frontex_ibc, readers, template, unhcr
from indicators.importers.pipeline import import_file
from indicators.store import Store
from tests.importers.conftest import digest

SMALL = 2048
QUARTERS = [f"{y}-Q{q}" for y in range(2010, 2025) for q in range(1, 5)]
GEOS = ["EU27_2020", "NL", "BE", "DE", "FR"]


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of SMALL bytes, and no whole-file read of a file that streams."""
    real = readers.table_chunks
    whole: list[str] = []

    def chunks(*args, **kwargs):
        kwargs["chunk_bytes"] = SMALL
        return real(*args, **kwargs)

    def read_text(path, file):
        whole.append(file)
        return real_read_text(path, file)

    real_read_text = readers.read_text
    monkeypatch.setattr(readers, "table_chunks", chunks)
    monkeypatch.setattr(readers, "read_text", read_text)
    monkeypatch.setattr(eurostat, "TSV_CHUNK_BYTES", SMALL)
    return whole


def _sdmx(path: Path, extra: list[str] | None = None, age: str = "TOTAL") -> Path:
    lines = ["DATAFLOW,LAST UPDATE,freq,citizen,age,sex,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"]
    for citizen in ("MA", "TN", "FR", "DE"):
        for sex in ("T", "M", "F"):
            for geo in GEOS:
                for i, q in enumerate(QUARTERS):
                    flag = "p" if i % 7 == 0 else ""
                    lines.append(
                        f"ESTAT:MIGR_EIORD1(1.0),15/03/25 23:00:00,Q,{citizen},{age},{sex},PER,"
                        f"{geo},{q},{(i * 5) % 400},{flag}"
                    )
    path.write_text("\n".join(lines + (extra or [])) + "\n", encoding="utf-8")
    return path


def _tsv(path: Path, extra: list[str] | None = None) -> Path:
    head = "freq,unit,citizen,sex,age,geo\\TIME_PERIOD\t" + "\t".join(f"{q} " for q in QUARTERS)
    lines = [head]
    for citizen in ("MA", "TN", "IQ", "FR", "DE"):
        for sex in ("T", "M", "F"):
            for geo in GEOS:
                cells = [
                    ":" if i % 9 == 0 else f"{i * 5} p" if i % 4 else f"{i}" for i in range(60)
                ]
                lines.append(f"Q,PER,{citizen},{sex},TOTAL,{geo}\t" + "\t".join(cells))
    path.write_text("\n".join(lines + (extra or [])) + "\n", encoding="utf-8")
    return path


def _template(path: Path, extra: list[str] | None = None) -> Path:
    lines = ["indicator,country,reporter,period,value,lower,upper,flags,source"]
    for country in ("MAR", "TUN", "FRA", "Algerije", "DEU"):
        for i, q in enumerate(QUARTERS):
            v = 20 + i
            lines.append(
                f"return_travel_documents,{country},NL,{q},{v},{v - 2},{v + 3},,taskforce_internal"
            )
    path.write_text("\n".join(lines[:1] + lines[1:] + (extra or [])) + "\n", encoding="utf-8")
    return path


def _ibc(path: Path, extra: list[str] | None = None) -> Path:
    lines = ["route,type,nat,month,n"]
    for route in ("Central Mediterranean", "Western Mediterranean"):
        for nat in ("Tunisia", "Morocco", "France", "Syria"):
            for i, month in enumerate(
                f"{y}-{m:02d}" for y in range(2015, 2025) for m in range(1, 13)
            ):
                lines.append(f"{route},sea,{nat},{month},{'' if i % 6 == 0 else i * 3}")
    path = path.with_suffix(".csv")
    path.write_text("\n".join(lines + (extra or [])) + "\n", encoding="utf-8")
    return path


def _unhcr(path: Path, extra: list[str] | None = None) -> Path:
    lines = ['Year,"Country of Asylum ISO","Country of Origin ISO",Refugees,"Asylum Seekers"']
    for year in range(1995, 2025):
        for origin in ("TUN", "MAR", "ERI", "-"):
            for asylum in ("-", "NLD", "DEU", "FRA", "BEL", "ITA", "ESP"):
                seekers = "" if year % 5 == 0 else year - 1990
                lines.append(f"{year},{asylum},{origin},{year * 3},{seekers}")
    path = path.with_suffix(".csv")
    path.write_text("\n".join(lines + (extra or [])) + "\n", encoding="utf-8")
    return path


def _unstreamable(*args, **kwargs):
    raise readers.Unstreamable("read whole")


def _frame(parsed):
    obs = parsed.observations.astype(str).sort_values(["_row", "period_start"])
    return obs.reset_index(drop=True)


@pytest.mark.parametrize(
    ("module", "writer"),
    [
        (eurostat, _sdmx),
        (eurostat, _tsv),
        (template, _template),
        (frontex_ibc, _ibc),
        (unhcr, _unhcr),
    ],
)
def test_chunks_give_what_the_whole_file_gives(tmp_path, small_chunks, monkeypatch, module, writer):
    path = writer(tmp_path / "migr_eiord1.csv")
    assert path.stat().st_size > 8 * SMALL  # many chunks
    catalogue = load_catalogue()
    streamed = module.parse(path, catalogue)
    assert small_chunks == []  # the streamed parse never read the file whole
    monkeypatch.setattr(readers, "table_chunks", _unstreamable)
    monkeypatch.setattr(readers, "keyed_lines", _unstreamable)
    whole = module.parse(path, catalogue)
    assert len(streamed.observations) > 0
    assert _frame(streamed).equals(_frame(whole))
    assert (streamed.rows_read, streamed.rows_used) == (whole.rows_read, whole.rows_used)
    assert streamed.skipped == whole.skipped and streamed.notes == whole.notes


def test_a_streamed_import_reads_no_whole_text_and_writes(tmp_path, small_chunks, store_copy):
    path = _tsv(tmp_path / "estat_migr_eiord1.tsv")
    report = import_file(store_copy, "eurostat", path, dataset="migr_eiord1")
    assert small_chunks == [] and report.added > 0
    stored = Store(store_copy).observations("return_orders", "MAR", "EU27")
    assert len(stored) == 60  # a cell per quarter; `:` is stored as missing
    assert stored["value"].isna().sum() == len(range(0, 60, 9))


def _refused(store: Path, fmt: str, path: Path, **options) -> str:
    before = digest(store)
    with pytest.raises(InputError) as err:
        import_file(store, fmt, path, **options)
    assert digest(store) == before
    return str(err.value)


def test_a_row_repeated_in_a_later_chunk_is_a_duplicate(tmp_path, small_chunks, store_copy):
    row = "ESTAT:MIGR_EIORD1(1.0),15/03/25 23:00:00,Q,MA,TOTAL,T,PER,EU27_2020,2010-Q1,5,"
    path = _sdmx(tmp_path / "migr_eiord1.csv", extra=[row])
    last = len(path.read_text().splitlines())
    message = _refused(store_copy, "eurostat", path)
    assert f"row {last}" in message and "duplicate row" in message and "TIME_PERIOD" in message


def test_a_series_repeated_in_a_later_chunk_is_a_duplicate(tmp_path, small_chunks, store_copy):
    path = _tsv(tmp_path / "estat_migr_eiord1.tsv")
    first_series = path.read_text().splitlines()[1]
    path = _tsv(tmp_path / "estat_migr_eiord1.tsv", extra=[first_series])
    last = len(path.read_text().splitlines())
    message = _refused(store_copy, "eurostat", path, dataset="migr_eiord1")
    assert f"row {last}" in message and "duplicate row" in message


def test_a_second_dataset_in_a_later_chunk_is_refused(tmp_path, small_chunks, store_copy):
    row = "ESTAT:MIGR_EIRTN1(1.0),15/03/25 23:00:00,Q,MA,TOTAL,T,PER,EU27_2020,2030-Q1,5,"
    message = _refused(store_copy, "eurostat", _sdmx(tmp_path / "e.csv", extra=[row]))
    assert "several datasets in one file" in message and "migr_eirtn1" in message


def test_a_dimension_that_differs_between_chunks_is_refused(tmp_path, small_chunks, store_copy):
    lines = _sdmx(tmp_path / "migr_eiord1.csv").read_text().splitlines()
    cut = len(lines) * 3 // 4  # the last quarter of the file, chunks away from the first
    resid = [lines[0].replace(",unit,", ",unit,resid,")]
    resid += [line.replace(",PER,", ",PER,A," if n < cut else ",PER,B,")
              for n, line in enumerate(lines[1:], start=1)]  # fmt: skip
    path = tmp_path / "migr_eiord1.csv"
    path.write_text("\n".join(resid) + "\n", encoding="utf-8")
    message = _refused(store_copy, "eurostat", path)
    assert "dimension 'resid' has several values" in message


def test_a_malformed_row_far_down_names_its_row(tmp_path, small_chunks, store_copy):
    path = _template(tmp_path / "t.csv", extra=["return_travel_documents,MAR,NL,2024-Q1,1,2"])
    last = len(path.read_text().splitlines())
    message = _refused(store_copy, "template", path)
    assert f"row {last}" in message and "fields" in message
    assert small_chunks == ["t.csv"]  # the streamed read gave way to the whole-file reader
