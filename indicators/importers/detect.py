"""Which importer reads a file: by name (FORMAT) or by looking at it (`auto`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from indicators.errors import InputError, Problem

# FORMAT -> module in indicators.importers with a `parse(path, catalogue, ...)`.
FORMATS = {
    "template": "template",
    "eurostat": "eurostat",
    "frontex-ibc": "frontex_ibc",
    "iom-mmp": "iom_mmp",
    "frontex-returns": "frontex_returns",
}


def importer(fmt: str, file: str) -> Callable:
    if fmt not in FORMATS:
        known = ", ".join([*FORMATS, "auto"])
        raise InputError(Problem(file, None, None, f"unknown format {fmt!r} (known: {known})"))
    module = importlib.import_module(f"indicators.importers.{FORMATS[fmt]}")
    return module.parse


def _first_line(path: Path) -> str:
    with path.open("rb") as fh:
        raw = fh.readline(65536)
    return raw.decode("utf-8-sig", errors="replace").strip()


def detect(path: Path) -> str:
    """The format of a file, from its first line (or first sheet for xlsx)."""
    file = path.name
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from indicators.importers.readers import read_sheet

        head = " ".join(
            " ".join(str(v).strip().lower() for v in row)
            for row in read_sheet(path, file).head(30).to_numpy()
        )
        if "indicator" in head and "period" in head and "value" in head:
            return "template"
        if "nationality" in head or "route" in head:
            return "frontex-ibc"
        raise InputError(Problem(file, None, None, "cannot tell the format of this workbook"))
    if not path.read_bytes()[:1]:
        raise InputError(Problem(file, None, None, "the file is empty"))
    line = _first_line(path)
    low = line.lower()
    cols = {c.strip().strip('"').lower() for c in line.replace("\t", ",").split(",")}
    if "\\time" in low or low.startswith(("dataflow,", "structure,", '"dataflow"', '"structure"')):
        return "eurostat"
    if {"indicator", "country", "period", "value"} <= cols:
        return "template"
    if {"route", "nat", "month", "n"} <= cols or {"route", "nationality"} <= cols:
        return "frontex-ibc"
    if "main id" in cols or "incident id" in cols:
        return "iom-mmp"
    if {"msname", "dest", "n_returnees"} <= cols:
        return "frontex-returns"
    raise InputError(
        Problem(
            file,
            1,
            None,
            "cannot tell the format from the header; name it: " + ", ".join(FORMATS),
        )
    )
