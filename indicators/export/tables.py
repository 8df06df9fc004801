"""CSV and XLSX of the numbers behind a chart, safe to open in a spreadsheet.

A cell that starts with '=', '+', '-', '@', a tab or a carriage return can be read
as a formula (CSV injection); such text cells get a leading apostrophe. Numbers stay
numbers: only text is ever neutralised.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet could take for a formula, made inert; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell and column name neutralised."""
    out = frame.copy()
    out.columns = [str(neutralise(str(c))) for c in out.columns]
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise).astype(object)
    return out


def to_csv(frame: pd.DataFrame, header_lines: list[str] | None = None) -> bytes:
    """UTF-8 CSV (with BOM, so Excel reads the accents); optional '# ' comment lines first."""
    buf = io.StringIO()
    for line in header_lines or []:
        buf.write("# " + " ".join(str(neutralise(line)).split()) + "\r\n")
    # CRLF as RFC 4180 has it; it also makes the writer quote a text holding a lone CR.
    safe_frame(frame).to_csv(buf, index=False, lineterminator="\r\n")
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(frame: pd.DataFrame, about: Mapping[str, str] | None = None) -> bytes:
    """An XLSX with the data on the first sheet and what it is (source, caveats) on 'about'."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        safe_frame(frame).to_excel(writer, sheet_name="data", index=False)
        if about:
            info = pd.DataFrame({"field": list(about), "value": list(about.values())})
            safe_frame(info).to_excel(writer, sheet_name="about", index=False)
        for sheet in writer.book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    # openpyxl stores any str starting with '=' as a formula: force text.
                    if isinstance(cell.value, str):
                        cell.data_type = "s"
    return buf.getvalue()


# How many digits a comparison table's figures keep: percentages to a tenth, probabilities
# to three decimals, anything else to four significant digits (no 15-digit floats).
PERCENT_DECIMALS = 1
PROBABILITY_DECIMALS = 3
SIGNIFICANT = 4


def rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every float column rounded as a reader needs it (see above)."""
    out = frame.copy()
    for col in out.columns:
        if not pd.api.types.is_float_dtype(out[col]):
            continue
        name = str(col)
        if "probability" in name:
            out[col] = out[col].round(PROBABILITY_DECIMALS)
        elif name.endswith("_pct") or "pct_" in name:
            out[col] = out[col].round(PERCENT_DECIMALS)
        else:
            out[col] = out[col].map(_significant)
    return out


def _significant(x: float) -> float:
    if not math.isfinite(x) or x == 0:
        return x
    return round(x, SIGNIFICANT - 1 - math.floor(math.log10(abs(x))))
