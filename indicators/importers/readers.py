"""Reading source files: text tables as text columns (never DuckDB's sniffer, which
turns the sex code `T` into a boolean), xlsx sheets, and the row numbers that
messages cite (as a spreadsheet shows them: header = 1).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from indicators.errors import InputError, Problem, Unstreamable


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


def head_line(path: Path) -> str:
    """The first line of a file, read alone; Unstreamable when it is not plain UTF-8
    text ending in a line break (the whole-file reader then says what is wrong)."""
    with path.open("rb") as fh:
        raw = fh.readline(1 << 20)
    if not raw.endswith(b"\n"):
        raise Unstreamable("no line break in the first megabyte")
    try:
        return raw.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError:
        raise Unstreamable("not UTF-8") from None


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
    if not isinstance(frame.index, pd.RangeIndex):
        # pandas turns the first fields of rows longer than the header into an index.
        raise _long_row(file, text, header, sep)
    frame.columns = [str(c).strip() for c in frame.columns]
    return _checked(frame, file, text, header, sep)


# Bytes of the file per chunk a streamed read hands over: the memory a chunk takes while
# it is mapped and validated is a small multiple of this, whatever the file's size.
CHUNK_BYTES = 8 << 20


def table_chunks(
    path: Path,
    required: list[str],
    *,
    sep: str = ",",
    categorical: bool = True,
    chunk_bytes: int | None = None,
    final_newline: bool = False,
) -> Iterator[pd.DataFrame]:
    """A well-formed CSV in chunks of text columns, without reading the file whole.

    Each chunk's index counts the file's data rows (so `source_rows` gives the line
    numbers messages cite). Raises Unstreamable, possibly after some chunks, whenever
    the whole-file `read_table` (or `read_text`) would refuse the file or read it
    differently: bytes that are not UTF-8, no rows, a line end that is a lone CR, a
    repeated or missing column name, a row with the wrong number of fields, and, with
    `final_newline`, a last line without its line break. The caller then reads the file
    with `read_table`, which says what is wrong; so a streamed read never changes a
    message, and memory stays a few chunks large on the files that import.
    `categorical`: columns as categoricals (few distinct values, as most columns have).
    `chunk_bytes`: bytes of the file per chunk (default CHUNK_BYTES).
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    header = _scan(path, final_newline)
    names = next(csv.reader(io.StringIO(header), delimiter=sep), [])
    stripped = [h.strip() for h in names]
    if len(set(names)) != len(names) or len(set(stripped)) != len(stripped):
        raise Unstreamable("repeated column names")
    if any(c not in stripped for c in required):
        raise Unstreamable("missing columns")
    text_type = pa.dictionary(pa.int32(), pa.string()) if categorical else pa.string()
    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(block_size=chunk_bytes or CHUNK_BYTES),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={name: text_type for name in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        if reader.schema.names != names:
            raise Unstreamable("the header reads differently")
        start = 0
        for batch in reader:
            frame = batch.to_pandas()
            frame.columns = stripped
            frame.index = pd.RangeIndex(start, start + len(frame))
            start += len(frame)
            yield frame
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeDecodeError) as exc:
        raise Unstreamable(str(exc)) from None
    if start == 0:
        raise Unstreamable("no rows")


def keyed_lines(
    path: Path, sep: str, chunk_bytes: int
) -> tuple[list[str], Iterator[tuple[int, list[str], list[str]]]]:
    """A wide table's header fields, and its data lines in chunks of about `chunk_bytes`:
    (index of the chunk's first data row, each line's first field, the rest of each line).

    Nothing past the first field is split here: a caller that skips most lines on their
    key (Eurostat's bulk TSV, where most series are for countries the store does not
    keep) pays only for a search per line. Raises Unstreamable, possibly after some
    chunks, where the whole-file reader would refuse the file or read it differently
    (bytes that are not UTF-8, a lone CR, a quote, a repeated column name, a line with
    another number of fields than the header, no final line break, no rows); blank
    lines are passed over, as that reader does.
    """
    fh = path.open("rb")
    try:
        header = _text(fh.readline(1 << 20), "utf-8-sig")
        if not header.endswith("\n"):
            raise Unstreamable("no line break in the first megabyte")
        names = header.rstrip("\n").split(sep)
        if len(set(names)) != len(names) or len({n.strip() for n in names}) != len(names):
            raise Unstreamable("repeated column names")
    except BaseException:
        fh.close()
        raise
    return names, _keyed_chunks(fh, sep, len(names) - 1, chunk_bytes)


def _keyed_chunks(fh, sep: str, width: int, chunk_bytes: int):
    with fh:
        start, carry = 0, b""
        while block := fh.read(chunk_bytes):
            data = carry + block
            cut = data.rfind(b"\n") + 1
            carry, text = data[cut:], _text(data[:cut], "utf-8")
            keys, rests = [], []
            for line in text.split("\n"):
                if not line:
                    continue
                tab = line.find(sep)
                if tab < 0 or line.count(sep) != width:
                    raise Unstreamable("a row with another number of fields than the header")
                keys.append(line[:tab])
                rests.append(line[tab + 1 :])
            if keys:
                yield start, keys, rests
                start += len(keys)
        if carry:
            raise Unstreamable("no final line break")
        if not start:
            raise Unstreamable("no rows")


def _text(raw: bytes, encoding: str) -> str:
    """Complete lines as text with LF line ends; Unstreamable for what the whole-file
    reader treats otherwise (not UTF-8, a lone CR, a quoted field)."""
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise Unstreamable("not UTF-8") from None
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            raise Unstreamable("a line end that is a lone CR")
        text = text.replace("\r\n", "\n")
    if '"' in text:
        raise Unstreamable("a quote (the whole-file reader parses quoted fields)")
    return text


def _scan(path: Path, final_newline: bool) -> str:
    """The header line, after one pass in small blocks that checks what the whole-file
    reader checks on the text as a whole (see `table_chunks`)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    header: str | None = None
    seen_text = False
    last = b""
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError:
                raise Unstreamable("not UTF-8") from None
            seen_text = seen_text or bool(text.strip())
            # A CR not followed by LF (the pair may straddle two blocks).
            joined = last[-1:] + block
            if joined.count(b"\r") != joined.count(b"\r\n") + (joined.endswith(b"\r")):
                raise Unstreamable("a line end that is a lone CR")
            if header is None:
                header = text
            elif "\n" not in header:
                header += text
                if len(header) > 1 << 20:
                    raise Unstreamable("a header line of over a million characters")
            last = block
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise Unstreamable("not UTF-8") from None
    if last.endswith(b"\r"):
        raise Unstreamable("a line end that is a lone CR")
    if not seen_text or header is None:
        raise Unstreamable("empty")
    if final_newline and not last.endswith(b"\n"):
        raise Unstreamable("no final line break")
    return first_line(header)


def _long_row(file: str, text: str, header: list[str], sep: str) -> InputError:
    """The error for the first row with more fields than the header."""
    for n, fields in enumerate(csv.reader(io.StringIO(text), delimiter=sep), start=1):
        if len(fields) > len(header):
            reason = f"{len(fields)} fields, the header has {len(header)}"
            return InputError(Problem(file, n, None, f"a row with too many fields: {reason}"))
    return InputError(Problem(file, None, None, "a row with more fields than the header"))


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


# The largest sheet an import reads: the reader allocates rows x columns cells, so a
# 1.5 KB file with cells A1 and XFD1048576 once asked for 512 GiB.
MAX_SHEET_CELLS = 20_000_000
_CELL_REF = re.compile(
    rb'<(?:\w+:)?(?:dimension ref|c r)="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"'
)


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def sheet_extent(path: Path) -> tuple[int, int]:
    """(rows, columns) the first sheet spans, from its declared dimension and every cell
    reference, read from the zip without building the sheet."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        sheets = sorted(n for n in zf.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
        if not sheets:
            return 0, 0
        first = min(sheets, key=lambda n: int(re.sub(r"\D", "", n)))
        rows = cols = 0
        tail = b""
        with zf.open(first) as fh:
            while chunk := fh.read(1 << 20):
                data = tail + chunk
                for m in _CELL_REF.finditer(data):
                    for letters, digits in ((m.group(1), m.group(2)), (m.group(3), m.group(4))):
                        if letters:
                            cols = max(cols, _column_number(letters))
                            rows = max(rows, int(digits))
                    if rows * cols > MAX_SHEET_CELLS:
                        return rows, cols
                tail = data[-64:]
        return rows, cols


def read_sheet(path: Path, file: str) -> pd.DataFrame:
    """The first sheet of an xlsx as text cells (empty cells as '')."""
    try:
        rows, cols = sheet_extent(path)
    except Exception as exc:  # a broken zip: say so, like the reader would
        raise InputError(Problem(file, None, None, f"not a readable xlsx file: {exc}")) from None
    if rows * cols > MAX_SHEET_CELLS:
        reason = (
            f"the sheet spans {rows:,} rows x {cols:,} columns, over the limit of "
            f"{MAX_SHEET_CELLS:,} cells: delete the stray cells far outside the table"
        )
        raise InputError(Problem(file, None, None, reason))
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=str, engine="calamine", header=None)
    except Exception as exc:  # calamine raises its own types for broken zip/xml
        raise InputError(Problem(file, None, None, f"not a readable xlsx file: {exc}")) from None
    return frame.fillna("")


def source_rows(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(frame.index.to_numpy() + 2, index=frame.index)
