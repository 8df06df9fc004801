"""Which importer reads a file: by name (FORMAT) or by looking at it (`auto`)."""

from __future__ import annotations

import importlib
import re
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
    "unhcr": "unhcr",
}


# Where to download what each format reads (README: Formats and where to download them).
DOWNLOAD = {
    "template": "our own template (data/templates/internal_figures_example.csv)",
    "eurostat": "the dataset's SDMX-CSV from the Eurostat data browser, "
    "or `partnership-monitor fetch eurostat DATASET --keep FILE`",
    "frontex-ibc": "Frontex's monthly 'Detections of irregular border crossings' xlsx "
    "(frontex.europa.eu, Migratory map)",
    "iom-mmp": "the Missing Migrants Project export or full dataset (missingmigrants.iom.int, "
    "Downloads)",
    "frontex-returns": "the list of Frontex return operations ROID,DATE,MSNAME,DEST,N_RETURNEES "
    "(Statewatch 'deportation-union', clean_data/returnees.csv) or its table by year "
    "(N_RETURNEES_YEARS_MSNAME)",
    "unhcr": "the UNHCR Refugee Data Finder export with countries of origin "
    "(unhcr.org/refugee-statistics/download, 'Country of origin' ticked)",
}

# Layouts seen in circulation that are not a producer's published format: header
# columns -> (what the file is, what to download instead).
DERIVED = [
    (
        {"geo", "year", "nat", "sex", "n"},
        "a derived long table of Eurostat asylum applicants (migr_asyappctza)",
        "Eurostat migr_asyappctzm (monthly) as SDMX-CSV: "
        "`partnership-monitor fetch eurostat migr_asyappctzm --keep FILE`",
    ),
    (
        {"citizen", "geo", "year", "illegal third country nationals"},
        "a derived long table of Eurostat migr_eipre by citizenship",
        "Eurostat migr_eipre as SDMX-CSV: `partnership-monitor fetch eurostat migr_eipre "
        "--keep FILE`",
    ),
    (
        {"t", "type", "route", "geo", "dead", "month"},
        "a derived table of IOM Missing Migrants incidents",
        DOWNLOAD["iom-mmp"],
    ),
    (
        {"geo", "year", "from", "group", "n"},
        "a derived long table of UNHCR population figures",
        DOWNLOAD["unhcr"],
    ),
    (
        {"dest", "msname", "n_returnees"},
        "totals of Frontex return operations over the whole period, without dates "
        "(an annual indicator cannot be read from them)",
        DOWNLOAD["frontex-returns"],
    ),
]


def refusal(path: Path, exc: Exception) -> tuple[str, str]:
    """Why a file whose format could not be told is refused, and what to download instead."""
    cols = _columns(path) if path.suffix.lower() not in (".xlsx", ".xlsm") else set()
    for needed, what, instead in DERIVED:
        if needed <= cols:
            return f"not a published format: {what}", instead
    return str(exc), "one of the formats in the README table 'Formats and where to download them'"


def instead(fmt: str | None, reason: str) -> str:
    """What to download instead of a file of `fmt` that was refused for `reason`."""
    found = re.search(r"(?:import|use|download) (migr_[a-z0-9]+)", reason)
    if found:
        return f"Eurostat {found.group(1)}: `partnership-monitor fetch eurostat {found.group(1)}`"
    return DOWNLOAD.get(fmt or "", "")


def _columns(path: Path) -> set[str]:
    line = _first_line(path)
    return {c.strip().strip('"').lower() for c in line.replace("\t", ",").split(",")}


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
    if (
        "year" in cols
        and any("country of origin" in c for c in cols)
        and (any(c.startswith("refugees") for c in cols))
    ):
        return "unhcr"
    if {"msname", "dest", "n_returnees", "date"} <= cols or {"year", "dest"} <= cols:
        return "frontex-returns"
    raise InputError(
        Problem(
            file,
            1,
            None,
            "cannot tell the format from the header; name it: " + ", ".join(FORMATS),
        )
    )
