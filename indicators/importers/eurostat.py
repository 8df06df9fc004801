"""Eurostat files: SDMX-CSV 1.0 (codes or labels), SDMX-CSV 2.0 (codes, or codes
and labels side by side) and the bulk TSV layout (`freq,citizen,geo\\TIME_PERIOD`).

Which dataset feeds which indicator, and which rows to keep, is data:
data/catalogue/eurostat.yaml. `citizen` is the country, `geo` the reporting area
(EU27_2020 -> EU27, NL -> NL; other reporting countries are skipped and counted).
Flags: e, s, f -> e (estimated); p provisional; b break; c confidential (also a
CONF_STATUS); u low reliability; d definition differs. `:` is a missing value.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict

from indicators.catalogue import DATA_DIR, Catalogue, Frequency
from indicators.errors import InputError, Problem
from indicators.importers import fields, places, readers
from indicators.importers.countries import resolver
from indicators.importers.problems import Parsed, Problems

MAPPING_FILE = DATA_DIR / "catalogue" / "eurostat.yaml"
NOT_DIMENSIONS = {
    "DATAFLOW", "LAST UPDATE", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION",
    "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG", "CONF_STATUS",
}  # fmt: skip
FREQ_NAMES = {"A": "annual", "Q": "quarterly", "M": "monthly"}
_DATASET = re.compile(r"(?:ESTAT:)?([A-Za-z]+_[A-Za-z0-9_]+?)(?:\$[^()]*)?(?:\([\d.]+\))?$")


# Eurostat datasets users download for these themes that fit no indicator of the
# catalogue, with the reason (said per file instead of "unknown dataset").
FITS_NO_INDICATOR = {
    "migr_asytpsm": (
        "migr_asytpsm counts beneficiaries of temporary protection, the scheme for people "
        "displaced from Ukraine; it says nothing about departures from, returns to or "
        "protection of nationals of the partnership countries, so it feeds no indicator "
        "(for asylum applications by citizenship import migr_asyappctzm)"
    ),
}


class DatasetMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    dataset: str
    indicator: str
    frequency: Frequency
    use_instead: str | None = None
    keep: dict[str, list[str]] = {}


@cache
def mappings(path: Path = MAPPING_FILE) -> dict[str, DatasetMap]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {e["dataset"]: DatasetMap.model_validate(e) for e in entries}


def parse(path: Path, catalogue: Catalogue, dataset: str | None = None) -> Parsed:
    file = path.name
    text = readers.read_text(path, file)
    first = readers.first_line(text)
    if "\t" in first and "\\" in first.split("\t", 1)[0]:
        frame, layout = _bulk_tsv(text, file), "bulk TSV"
    elif first.lstrip('"').startswith("DATAFLOW"):
        frame, layout = _sdmx_csv(text, file, "DATAFLOW"), "SDMX-CSV 1.0"
    elif first.lstrip('"').startswith("STRUCTURE"):
        frame, layout = _sdmx_csv(text, file, "STRUCTURE_ID"), "SDMX-CSV 2.0"
    else:
        raise InputError(
            Problem(
                file,
                1,
                None,
                "not a Eurostat file: expected SDMX-CSV (DATAFLOW or STRUCTURE first) "
                "or the bulk TSV layout (freq,...,geo\\TIME_PERIOD)",
            )
        )
    mapping = _mapping(frame, file, dataset)
    parsed = Parsed("eurostat", pd.DataFrame(), len(frame), 0)
    parsed.notes.append(f"{layout}, dataset {mapping.dataset} -> {mapping.indicator}")
    return _map(frame, mapping, catalogue, parsed, file)


# --- layouts -> one long frame: dimensions, TIME_PERIOD, OBS_VALUE, OBS_FLAG, _row ---
def _sdmx_csv(text: str, file: str, dataset_column: str) -> pd.DataFrame:
    frame = readers.read_table(
        Path(file), file, [dataset_column, "TIME_PERIOD", "OBS_VALUE"], text=text, fast=True
    )
    columns = list(frame.columns)
    t = columns.index("TIME_PERIOD")
    if dataset_column == "STRUCTURE_ID" and columns[t + 1] != "OBS_VALUE":
        # Codes and labels side by side: each code column is followed by its label.
        start = columns.index("STRUCTURE_NAME") + 1 if "STRUCTURE_NAME" in columns else 2
        codes = columns[start : t + 1 : 2]
        keep = [dataset_column, *codes, "OBS_VALUE"]
        keep += [c for c in ("OBS_FLAG", "CONF_STATUS") if c in columns]
        frame = frame[keep]
    frame = frame.rename(columns={dataset_column: "_dataset"})
    frame["_row"] = readers.source_rows(frame)
    return frame


def _bulk_tsv(text: str, file: str) -> pd.DataFrame:
    # Eurostat's bulk files end every line with a line break. Without one the last
    # cell may have been cut (`130 p` read as `13`) and would import silently.
    if not text.endswith("\n"):
        line = text.count("\n") + 1
        reason = "the file ends inside a row, without a line break (file truncated?)"
        raise InputError(Problem(file, line, None, reason))
    wide = readers.read_table(Path(file), file, [], sep="\t", text=text)
    head = wide.columns[0]
    dims = [d.strip() for d in head.split("\\", 1)[0].split(",")]
    keys = wide[head].str.split(",", expand=True)
    if keys.shape[1] != len(dims):
        bad = keys.isna().any(axis=1) if keys.shape[1] > len(dims) else keys.index == keys.index
        problems = Problems(file)
        problems.add_mask(bad, readers.source_rows(wide), head, f"expected {len(dims)} codes")
        problems.raise_if_any()
    keys.columns = dims
    cells = wide.drop(columns=[head])
    cells.columns = [c.strip() for c in cells.columns]
    rows = readers.source_rows(wide)
    long = cells.assign(_row=rows).melt(id_vars="_row", var_name="TIME_PERIOD", value_name="cell")
    keys = keys.assign(_row=rows)
    long = long.merge(keys, on="_row", how="left")
    cell = long["cell"].str.strip()
    parts = cell.str.extract(r"^(?P<v>[^\s]*)\s*(?P<f>.*)$")
    long["OBS_VALUE"] = parts["v"].fillna("")
    long["OBS_FLAG"] = parts["f"].fillna("")
    long["_dataset"] = ""
    # Row numbers stay the line of the series; the period says which cell.
    return long.drop(columns=["cell"])


# --- mapping ------------------------------------------------------------------------
def _dataset_code(value: str) -> str:
    m = _DATASET.match(value.strip())
    return m.group(1).lower() if m else value.strip().lower()


def _mapping(frame: pd.DataFrame, file: str, dataset: str | None) -> DatasetMap:
    known = mappings()
    if dataset:
        found = {dataset.lower()}
    else:
        found = {_dataset_code(str(v)) for v in pd.unique(frame["_dataset"]) if v}
        if not found:
            named = [d for d in known if re.search(rf"(^|[^a-z0-9]){d}([^a-z0-9]|$)", file.lower())]
            found = set(named[-1:]) if named else set()
    if not found:
        raise InputError(
            Problem(file, None, None, "cannot tell the Eurostat dataset: pass --dataset CODE")
        )
    if len(found) > 1:
        raise InputError(
            Problem(file, None, "DATAFLOW", f"several datasets in one file: {sorted(found)}")
        )
    code = found.pop()
    if code in FITS_NO_INDICATOR:
        raise InputError(Problem(file, None, None, FITS_NO_INDICATOR[code]))
    if code not in known:
        raise InputError(
            Problem(
                file,
                None,
                None,
                f"unknown dataset {code!r}: no indicator is fed by it "
                f"(known: {', '.join(sorted(known))}; see data/catalogue/eurostat.yaml)",
            )
        )
    return known[code]


def _map(
    frame: pd.DataFrame, m: DatasetMap, catalogue: Catalogue, parsed: Parsed, file: str
) -> Parsed:
    ind = catalogue.indicator(m.indicator)
    if m.frequency != ind.frequency:
        hint = f": import {m.use_instead} instead" if m.use_instead else ""
        raise InputError(
            Problem(
                file,
                None,
                "freq",
                f"dataset {m.dataset} gives {FREQ_NAMES[m.frequency]} figures but indicator "
                f"{ind.id} is {FREQ_NAMES[ind.frequency]}; figures are never split or summed "
                f"across periods{hint}",
            )
        )
    problems = Problems(file)
    rows = frame["_row"]
    for col in ("citizen", "geo"):
        if col not in frame.columns:
            raise InputError(Problem(file, 1, col, "missing dimension column"))
    dims = [c for c in frame.columns if c not in NOT_DIMENSIONS and not c.startswith("_")]
    problems.add_mask(
        fields.duplicated(frame, dims + ["TIME_PERIOD"]),
        rows,
        "TIME_PERIOD",
        "duplicate row (the same dimensions and period twice)",
    )
    value = fields.numbers(frame["OBS_VALUE"], rows, "OBS_VALUE", problems)
    problems.add_mask(value < 0, rows, "OBS_VALUE", "a count cannot be negative")
    period = fields.periods(frame["TIME_PERIOD"], rows, "TIME_PERIOD", problems)
    wrong = period["frequency"].notna() & (period["frequency"] != m.frequency)
    problems.add_mask(
        wrong, rows, "TIME_PERIOD", f"not a {FREQ_NAMES[m.frequency]} period, as {m.dataset} is"
    )
    flags = fields.flag_codes(
        frame.get("OBS_FLAG", pd.Series("", frame.index)),
        rows,
        "OBS_FLAG",
        problems,
        fields.EUROSTAT_FLAGS,
    )
    if "CONF_STATUS" in frame:
        conf = fields.by_value(frame["CONF_STATUS"], lambda v: str(v).strip() != "", bool)
        flags = flags.where(~conf, (flags + "c").map(lambda f: "".join(sorted(set(f)))))
    keep = pd.Series(True, index=frame.index)
    for dim in dims:
        if dim in ("citizen", "geo", "freq"):
            continue
        if dim in m.keep:
            wanted = set(m.keep[dim])
            ok = pd.Series(
                fields.by_value(frame[dim], lambda v, w=wanted: str(v).strip() in w, bool),
                index=frame.index,
            )
            other = ~ok & keep
            parsed.skip(
                f"{dim}: another breakdown than {m.keep[dim][0]}",
                int(other.sum()),
                list(pd.unique(frame[dim][other]))[:3],
            )
            keep &= ok
        elif frame[dim].nunique() > 1:
            problems.add(
                None,
                dim,
                f"dimension {dim!r} has several values and data/catalogue/eurostat.yaml does "
                f"not say which rows of {m.dataset} to keep",
            )
    area, area_ok = _areas(frame, rows, catalogue, problems, parsed, keep)
    country, country_ok = _countries(frame, rows, catalogue, problems, parsed, keep & area_ok)
    problems.raise_if_any()
    in_indicator = area.isin(ind.reporters)
    parsed.skip(
        f"geo: a reporting area {ind.id} does not use",
        int((keep & area_ok & country_ok & ~in_indicator).sum()),
    )
    keep &= area_ok & country_ok & in_indicator
    values = pd.DataFrame({"value": value, "flags": flags, "_row": rows})
    obs = fields.observations(
        values[keep],
        indicator_id=ind.id,
        source_id=ind.sources[0],
        reporter=area[keep],
        country=country[keep],
        period=period[keep],
    )
    parsed.observations = obs
    parsed.rows_used = int(keep.sum())
    return parsed


def _areas(frame, rows, catalogue, problems, parsed, keep):
    area, ok = places.reporting_areas(
        frame["geo"], rows, "geo", catalogue, problems, Parsed("", pd.DataFrame(), 0, 0)
    )
    # Count skips only among rows still kept, so every row is counted once.
    _count_once(parsed, "geo: a reporting country or aggregate the store does not keep",
                keep & ~ok & area.isna(), frame["geo"])  # fmt: skip
    return area, ok


def _countries(frame, rows, catalogue, problems, parsed, keep):
    scratch = Parsed("", pd.DataFrame(), 0, 0)
    code, ok = places.countries(frame["citizen"], rows, "citizen", catalogue, problems, scratch)
    hit = resolver().resolve_many(frame["citizen"])
    outside = keep & (hit["kind"] == "country") & ~ok
    group = keep & hit["kind"].isin(["aggregate", "unknown"])
    _count_once(parsed, "citizen: a country outside the store's list", outside, hit["code"])
    _count_once(
        parsed, "citizen: an aggregate or unknown, not one country", group, frame["citizen"]
    )
    return code, ok


def _count_once(parsed: Parsed, reason: str, mask: pd.Series, values: pd.Series) -> None:
    mask = np.asarray(mask, dtype=bool)
    parsed.skip(reason, int(mask.sum()), [str(v) for v in pd.unique(values[mask])[:5]])
