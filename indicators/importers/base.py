"""What every importer shares: reading text tables, collecting problems, counting
skipped rows, periods, flags and the step from source rows to observations.

An importer's `parse(path, catalogue, **options)` returns a `Parsed`: tidy
observation rows (see indicators.observations) with `_row`, the source row they
come from, plus counts of what it read and skipped and why. It raises
InputError listing every problem found; it never writes.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from indicators.catalogue import Catalogue
from indicators.errors import InputError, Problem
from indicators.importers.countries import resolver


class Problems:
    """Problems of one file: the first ones kept, all of them counted."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []
        self.total = 0

    def add(self, row: int | None, column: str | None, reason: str) -> None:
        self.total += 1
        if len(self.items) < InputError.max_listed:
            self.items.append(Problem(self.file, row, column, reason))

    def add_mask(self, mask, rows: pd.Series, column: str | None, reason: str) -> None:
        hits = np.asarray(pd.Series(mask).fillna(False), dtype=bool)
        n = int(hits.sum())
        if not n:
            return
        room = max(InputError.max_listed - len(self.items), 0)
        for row in np.asarray(rows)[hits][:room]:
            self.items.append(Problem(self.file, int(row), column, reason))
        self.total += n

    def raise_if_any(self) -> None:
        if self.items:
            items = sorted(self.items, key=lambda p: p.row or 0)
            raise InputError(
                items, f"{self.file}: {self.total} problem(s), nothing written", total=self.total
            )


@dataclass
class Parsed:
    """An importer's result: observation rows and an account of every source row."""

    format: str
    observations: pd.DataFrame
    rows_read: int
    rows_used: int
    skipped: Counter = field(default_factory=Counter)
    skipped_examples: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def skip(self, reason: str, n: int, examples: list[str] | None = None) -> None:
        if n:
            self.skipped[reason] += n
            known = self.skipped_examples.setdefault(reason, [])
            for e in examples or []:
                if e not in known and len(known) < 5:
                    known.append(e)

    @property
    def rows_skipped(self) -> int:
        return sum(self.skipped.values())


# --- reading ------------------------------------------------------------------
def read_text(path: Path, file: str) -> str:
    """The file as text; an empty file or bytes that are not UTF-8 are errors."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(Problem(file, None, None, "the file is empty"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            Problem(
                file,
                line,
                None,
                f"not UTF-8 text (byte 0x{data[exc.start]:02x}): save the file as UTF-8",
            )
        ) from None


def first_line(text: str) -> str:
    """The first line without copying the rest (files can be large)."""
    end = text.find("\n")
    return (text if end < 0 else text[:end]).rstrip("\r")


def read_table(
    path: Path,
    file: str,
    required: list[str],
    *,
    sep: str = ",",
    text: str | None = None,
    fast: bool = False,
) -> pd.DataFrame:
    """A CSV as text columns, checked for its header and for short or long rows.

    Row numbers in messages are line numbers as a spreadsheet shows them (header = 1).
    `fast`: read with Arrow into categorical columns (large files with few distinct
    values per column); a malformed file is read again the slow way for the message.
    """
    text = read_text(path, file) if text is None else text
    header = next(csv.reader(io.StringIO(first_line(text)), delimiter=sep), [])
    header = [h.strip() for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise missing_columns(file, first_line(text), missing, header, sep)
    if fast:
        frame = _read_arrow(text, header, sep)
        if frame is not None:
            return _checked(frame, file, text, header, sep)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_values=[],
            skipinitialspace=False,
        )
    except pd.errors.ParserError as exc:
        msg = str(exc)
        found = re.search(r"line (\d+)", msg)
        row = int(found.group(1)) if found else None
        reason = "malformed row: " + msg.split(". ")[-1].strip()
        if "EOF" in msg:
            reason = "the file ends inside a quoted field (truncated?)"
        raise InputError(Problem(file, row, None, reason)) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    return _checked(frame, file, text, header, sep)


def _read_arrow(text: str, header: list[str], sep: str) -> pd.DataFrame | None:
    """All columns as categoricals of strings, or None when Arrow cannot parse the file."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if len(set(header)) != len(header):
        return None
    types = {name: pa.dictionary(pa.int32(), pa.string()) for name in header}
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            parse_options=pacsv.ParseOptions(delimiter=sep),
            convert_options=pacsv.ConvertOptions(
                column_types=types, strings_can_be_null=False, quoted_strings_can_be_null=False
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    frame = table.to_pandas()
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def _checked(frame: pd.DataFrame, file: str, text: str, header: list[str], sep: str):
    if frame.empty:
        raise InputError(Problem(file, None, None, "the file has a header but no rows"))
    # A truncated file ends in a short row (pandas pads it with empty fields).
    last_line = text.rstrip("\r\n").rsplit("\n", 1)[-1]
    fields = next(csv.reader([last_line], delimiter=sep), [])
    if len(fields) < len(header):
        raise InputError(
            Problem(
                file,
                len(frame) + 1,
                None,
                f"the last row has {len(fields)} of {len(header)} fields (file truncated?)",
            )
        )
    return frame


def missing_columns(
    file: str, first_line: str, missing: list[str], header: list[str], sep: str = ","
) -> InputError:
    """The error for a header without the needed columns, with a hint on the delimiter."""
    hint = ""
    for other in (";", "\t", "|", ","):
        if other != sep and other in first_line:
            hint = f" (the file seems to use {other!r} between columns, expected {sep!r})"
            break
    return InputError(
        Problem(file, 1, ", ".join(missing), f"missing column(s){hint}; found {header}")
    )


def read_sheet(path: Path, file: str) -> pd.DataFrame:
    """The first sheet of an xlsx as text cells (empty cells as '')."""
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=str, engine="calamine", header=None)
    except Exception as exc:  # calamine raises its own types for broken zip/xml
        raise InputError(Problem(file, None, None, f"not a readable xlsx file: {exc}")) from None
    return frame.fillna("")


def source_rows(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(frame.index.to_numpy() + 2, index=frame.index)


# --- values -------------------------------------------------------------------
def by_value(values: pd.Series, fn, dtype=object) -> np.ndarray:
    """`fn` applied once per distinct value, spread over the rows (fast on categoricals)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    table = np.empty(len(uniques), dtype=dtype)
    for i, value in enumerate(uniques):
        table[i] = fn(value)
    return table[codes]


def duplicated(frame: pd.DataFrame, columns: list[str] | None = None) -> pd.Series:
    """Rows equal to an earlier row in `columns` (all columns by default)."""
    columns = list(frame.columns) if columns is None else columns
    codes = pd.DataFrame({c: pd.factorize(frame[c], use_na_sentinel=False)[0] for c in columns})
    return pd.Series(codes.duplicated().to_numpy(), index=frame.index)


def numbers(
    values: pd.Series, rows: pd.Series, column: str, problems: Problems, *, missing=("", ":")
) -> pd.Series:
    """Text to float: `missing` spellings become NaN, anything else not a number is a problem."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    text = pd.Series(uniques, dtype=object).astype(str).str.strip()
    is_missing = text.isin(list(missing)).to_numpy()
    parsed = pd.to_numeric(text.where(~is_missing, None), errors="coerce").to_numpy(float)
    bad = np.isnan(parsed) & ~is_missing
    problems.add_mask(bad[codes], rows, column, "not a number")
    return pd.Series(parsed[codes], index=values.index, dtype="float64")


_PERIOD_PATTERNS = [
    (re.compile(r"^(\d{4})$"), "A"),
    (re.compile(r"^(\d{4})-?Q([1-4])$"), "Q"),
    (re.compile(r"^(\d{4})-?M?(\d{2})$"), "M"),
]


def _period(text: str) -> tuple[str | None, np.datetime64, np.datetime64]:
    nat = np.datetime64("NaT", "us")
    text = str(text).strip()
    for pattern, freq in _PERIOD_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        year = int(m.group(1))
        sub = int(m.group(2)) if m.lastindex and m.lastindex > 1 else 1
        if (freq == "M" and not 1 <= sub <= 12) or not 1900 <= year <= 2100:
            return None, nat, nat
        month = (sub - 1) * 3 + 1 if freq == "Q" else sub
        start = pd.Timestamp(year, month, 1)
        step = {"A": 12, "Q": 3, "M": 1}[freq]
        end = start + pd.DateOffset(months=step) - pd.Timedelta(days=1)
        return freq, np.datetime64(start, "us"), np.datetime64(end, "us")
    return None, nat, nat


def periods(values: pd.Series, rows: pd.Series, column: str, problems: Problems) -> pd.DataFrame:
    """'2024', '2024-Q1'/'2024Q1', '2024-03'/'2024M03' -> frequency, start, end."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    found = [_period(u) for u in uniques]
    freq = np.array([f[0] for f in found] + [None], dtype=object)[:-1]
    start = np.array([f[1] for f in found], dtype="datetime64[us]")
    end = np.array([f[2] for f in found], dtype="datetime64[us]")
    out = pd.DataFrame(
        {"frequency": freq[codes], "period_start": start[codes], "period_end": end[codes]},
        index=values.index,
    )
    problems.add_mask(
        out["frequency"].isna(), rows, column, "not a period (2024, 2024-Q1 or 2024-03)"
    )
    return out


def month_periods(dates: pd.Series) -> pd.DataFrame:
    """Calendar-month periods of timestamps."""
    start = dates.dt.to_period("M").dt.start_time
    end = dates.dt.to_period("M").dt.end_time.dt.normalize()
    return pd.DataFrame({"period_start": start, "period_end": end, "frequency": "M"})


# --- countries and reporting areas --------------------------------------------
def countries(
    values: pd.Series,
    rows: pd.Series,
    column: str,
    catalogue: Catalogue,
    problems: Problems,
    parsed: Parsed,
) -> tuple[pd.Series, pd.Series]:
    """ISO3 codes of the store's countries and a mask of the rows to keep.

    A real country outside the store's list and a group (aggregate, unknown,
    stateless) are skipped and counted; anything else is a problem.
    """
    hit = resolver().resolve_many(values)
    known = set(catalogue.country_by_iso3)
    unknown = hit["kind"].isna()
    problems.add_mask(unknown, rows, column, "not a country code or known country name")
    outside = (hit["kind"] == "country") & ~hit["code"].isin(known)
    group = hit["kind"].isin(["aggregate", "unknown"])
    parsed.skip(
        f"{column}: a country outside the store's list",
        int(outside.sum()),
        list(pd.unique(hit["code"][outside]))[:5],
    )
    parsed.skip(
        f"{column}: an aggregate or unknown, not one country",
        int(group.sum()),
        list(pd.unique(values[group].astype(str)))[:5],
    )
    keep = (hit["kind"] == "country") & hit["code"].isin(known)
    return hit["code"], keep


def reporting_areas(
    values: pd.Series,
    rows: pd.Series,
    column: str,
    catalogue: Catalogue,
    problems: Problems,
    parsed: Parsed,
) -> tuple[pd.Series, pd.Series]:
    """The store's reporting area of each value (EU27_2020 -> EU27, NL -> NL).

    A reporting country or aggregate that the store does not keep is skipped and counted.
    """
    areas = {a["code"] for a in catalogue.reporting_areas}
    names = resolver()

    def one(value) -> tuple[str | None, bool]:
        hit = names.resolve(str(value))
        if hit is None:
            return None, False
        area = names.iso2.get(hit.code) if hit.kind == "country" else hit.reporting_area
        return (area if area in areas else None), True

    area = pd.Series(by_value(values, lambda v: one(v)[0]), index=values.index, dtype=object)
    known = by_value(values, lambda v: one(v)[1], bool)
    problems.add_mask(~known, rows, column, "not a country code or known name")
    skipped = known & area.isna().to_numpy()
    parsed.skip(
        f"{column}: a reporting country or aggregate the store does not keep",
        int(skipped.sum()),
        [str(v) for v in pd.unique(values[skipped])[:5]],
    )
    return area, area.notna()


# --- flags --------------------------------------------------------------------
# Source flag letters -> the store's flag codes (data/reference/flags.csv).
EUROSTAT_FLAGS = {"e": "e", "s": "e", "f": "e", "p": "p", "b": "b", "c": "c", "u": "u", "d": "d"}


def flag_codes(
    values: pd.Series, rows: pd.Series, column: str, problems: Problems, table: dict[str, str]
) -> pd.Series:
    """Source flags ('bd', 'p', 'e ') to store flags; unknown letters are problems."""

    def one(text) -> str | None:
        letters = [ch for ch in str(text).strip().lower() if not ch.isspace()]
        if all(ch in table for ch in letters):
            return "".join(sorted({table[ch] for ch in letters}))
        return None

    out = pd.Series(by_value(values, one), index=values.index, dtype=object)
    problems.add_mask(out.isna(), rows, column, f"unknown flag (known: {''.join(sorted(table))})")
    return out.fillna("")


def observations(
    frame: pd.DataFrame, *, indicator_id, source_id, reporter, country, period: pd.DataFrame
) -> pd.DataFrame:
    """Assemble observation rows (without vintage, set by the pipeline)."""
    out = pd.DataFrame(
        {
            "indicator_id": indicator_id,
            "country_iso3": country,
            "reporter": reporter,
            "period_start": period["period_start"],
            "period_end": period["period_end"],
            "frequency": period["frequency"],
            "value": frame["value"],
            "lower": frame.get("lower", np.nan),
            "upper": frame.get("upper", np.nan),
            "flags": frame.get("flags", ""),
            "source_id": source_id,
            "is_demo": False,
            "_row": frame["_row"],
        },
        index=frame.index,
    )
    return out
