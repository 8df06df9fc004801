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
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

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
# Bulk TSV lines are wide (one cell per period) and grow about twentyfold in the long
# shape, so they are read in smaller chunks than the long layouts.
TSV_CHUNK_BYTES = 1 << 20
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
    """The file's observations, read in chunks so memory stays bounded (issue 15); a
    file the streamed reader cannot take is read whole, which names what is wrong."""
    file = path.name
    try:
        return _parse(file, catalogue, dataset, *_streamed(path, file))
    except readers.Unstreamable:
        return _parse(file, catalogue, dataset, *_whole(path, file))


class _Chunk(NamedTuple):
    """One chunk in the long shape: dimensions, TIME_PERIOD, OBS_VALUE, OBS_FLAG, _row
    and _dataset. `lines`: for the bulk TSV, each source line's key cell and row (a
    repeated line repeats every cell of it); None when every row is a line."""

    frame: pd.DataFrame
    lines: pd.DataFrame | None = None


def _layout(first: str, file: str) -> tuple[str, str]:
    """The layout and the column naming the dataset, from the first line."""
    if "\t" in first and "\\" in first.split("\t", 1)[0]:
        return "bulk TSV", ""
    if first.lstrip('"').startswith("DATAFLOW"):
        return "SDMX-CSV 1.0", "DATAFLOW"
    if first.lstrip('"').startswith("STRUCTURE"):
        return "SDMX-CSV 2.0", "STRUCTURE_ID"
    raise InputError(
        Problem(
            file,
            1,
            None,
            "not a Eurostat file: expected SDMX-CSV (DATAFLOW or STRUCTURE first) "
            "or the bulk TSV layout (freq,...,geo\\TIME_PERIOD)",
        )
    )


def _streamed(path: Path, file: str) -> tuple[str, Iterator[_Chunk]]:
    layout, column = _layout(readers.head_line(path), file)
    if layout == "bulk TSV":
        wides = readers.table_chunks(
            path, [], sep="\t", categorical=False, chunk_bytes=TSV_CHUNK_BYTES, final_newline=True
        )
        return layout, (_bulk_tsv_chunk(wide, file, streamed=True) for wide in wides)
    frames = readers.table_chunks(path, [column, "TIME_PERIOD", "OBS_VALUE"])
    return layout, (_sdmx_chunk(frame, column) for frame in frames)


def _whole(path: Path, file: str) -> tuple[str, Iterator[_Chunk]]:
    text = readers.read_text(path, file)
    layout, column = _layout(readers.first_line(text), file)
    if layout == "bulk TSV":
        return layout, iter([_bulk_tsv(text, file)])
    frame = readers.read_table(
        Path(file), file, [column, "TIME_PERIOD", "OBS_VALUE"], text=text, fast=True
    )
    return layout, iter([_sdmx_chunk(frame, column)])


class _State:
    """What mapping chunk by chunk carries from one chunk to the next."""

    def __init__(self, file: str) -> None:
        self.problems = Problems(file)
        # Per dimension that no `keep` names: its distinct values (two are enough).
        self.values: dict[str, set] = {}
        # 64-bit hashes of earlier chunks' keys, sorted per chunk; two different keys
        # share a hash with a chance of about n^2 / 2^65 (1e-7 at 3 million rows).
        self.hashes: list[np.ndarray] = []

    def repeated(self, keys: pd.DataFrame, rows: pd.Series) -> np.ndarray:
        """The rows whose key an earlier chunk already had."""
        hashes = pd.util.hash_pandas_object(keys, index=False).to_numpy()
        hit = np.zeros(len(hashes), dtype=bool)
        for earlier in self.hashes:
            at = np.searchsorted(earlier, hashes).clip(max=len(earlier) - 1)
            hit |= earlier[at] == hashes
        self.hashes.append(np.sort(hashes))
        return np.asarray(rows)[hit]


def _parse(
    file: str, catalogue: Catalogue, dataset: str | None, layout: str, chunks: Iterator[_Chunk]
) -> Parsed:
    parsed = Parsed("eurostat", pd.DataFrame(), 0, 0)
    state = _State(file)
    mapping: DatasetMap | None = None
    found: list[pd.DataFrame] = []
    for chunk in chunks:
        if mapping is None:
            mapping = _mapping(chunk.frame, file, dataset)
            _check_frequency(mapping, catalogue, file)
        elif not dataset:
            _same_dataset(chunk.frame, mapping, file)
        parsed.rows_read += len(chunk.frame)
        obs = _map(chunk, mapping, catalogue, parsed, state)
        if obs is not None:
            found.append(obs)
    assert mapping is not None  # a read gives at least one chunk
    for dim, values in state.values.items():
        if len(values) > 1:
            state.problems.add(
                None,
                dim,
                f"dimension {dim!r} has several values and data/catalogue/eurostat.yaml does "
                f"not say which rows of {mapping.dataset} to keep",
            )
    state.problems.raise_if_any()
    parsed.notes.append(f"{layout}, dataset {mapping.dataset} -> {mapping.indicator}")
    parsed.observations = pd.concat(found) if len(found) > 1 else found[0]
    return parsed


# --- layouts -> the long shape (see _Chunk) ------------------------------------------
def _sdmx_chunk(frame: pd.DataFrame, dataset_column: str) -> _Chunk:
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
    return _Chunk(frame)


def _bulk_tsv(text: str, file: str) -> _Chunk:
    # Eurostat's bulk files end every line with a line break. Without one the last
    # cell may have been cut (`130 p` read as `13`) and would import silently.
    if not text.endswith("\n"):
        line = text.count("\n") + 1
        reason = "the file ends inside a row, without a line break (file truncated?)"
        raise InputError(Problem(file, line, None, reason))
    wide = readers.read_table(Path(file), file, [], sep="\t", text=text)
    return _bulk_tsv_chunk(wide, file)


def _bulk_tsv_chunk(wide: pd.DataFrame, file: str, streamed: bool = False) -> _Chunk:
    head = wide.columns[0]
    dims = [d.strip() for d in head.split("\\", 1)[0].split(",")]
    keys = wide[head].str.split(",", expand=True)
    if keys.shape[1] != len(dims):
        if streamed:  # read whole, so the message lists every such line of the file
            raise readers.Unstreamable("a series key with the wrong number of codes")
        bad = keys.isna().any(axis=1) if keys.shape[1] > len(dims) else keys.index == keys.index
        problems = Problems(file)
        problems.add_mask(bad, readers.source_rows(wide), head, f"expected {len(dims)} codes")
        problems.raise_if_any()
    cells = wide.drop(columns=[head])
    rows = readers.source_rows(wide)
    n, p = len(wide), len(cells.columns)
    # The long shape, period after period as `melt` gives it, built from codes: each
    # dimension and the period are categoricals, so a cell copies a code, not a string.
    period, periods = pd.factorize(pd.Index([c.strip() for c in cells.columns]))
    long = pd.DataFrame(
        {
            "_row": np.tile(rows.to_numpy(), p),
            "TIME_PERIOD": pd.Categorical.from_codes(np.repeat(period, n), periods),
        }
    )
    for i, dim in enumerate(dims):
        codes = pd.Categorical(keys[i])
        long[dim] = pd.Categorical.from_codes(np.tile(codes.codes, p), codes.categories)
    # Cells repeat (`:`, round figures): split each distinct cell once.
    cell, cells_seen = pd.factorize(cells.to_numpy(dtype=object).ravel(order="F"))
    parts = pd.Series(cells_seen).str.strip().str.extract(r"^(?P<v>[^\s]*)\s*(?P<f>.*)$")
    long["OBS_VALUE"] = parts["v"].fillna("").to_numpy()[cell]
    long["OBS_FLAG"] = parts["f"].fillna("").to_numpy()[cell]
    long["_dataset"] = ""
    # Row numbers stay the line of the series; the period says which cell.
    return _Chunk(long, pd.DataFrame({"key": wide[head], "_row": rows}))


# --- mapping ------------------------------------------------------------------------
def _dataset_code(value: str) -> str:
    m = _DATASET.match(value.strip())
    return m.group(1).lower() if m else value.strip().lower()


def _dataset_codes(frame: pd.DataFrame) -> set[str]:
    return {_dataset_code(str(v)) for v in pd.unique(frame["_dataset"]) if v}


def _same_dataset(frame: pd.DataFrame, mapping: DatasetMap, file: str) -> None:
    """A later chunk names no other dataset than the first did."""
    other = _dataset_codes(frame) - {mapping.dataset}
    if other:
        found = sorted(other | {mapping.dataset})
        raise InputError(Problem(file, None, "DATAFLOW", f"several datasets in one file: {found}"))


def _mapping(frame: pd.DataFrame, file: str, dataset: str | None) -> DatasetMap:
    known = mappings()
    if dataset:
        found = {dataset.lower()}
    else:
        found = _dataset_codes(frame)
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


def _check_frequency(m: DatasetMap, catalogue: Catalogue, file: str) -> None:
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


def _map(
    chunk: _Chunk, m: DatasetMap, catalogue: Catalogue, parsed: Parsed, state: _State
) -> pd.DataFrame | None:
    """One chunk's observations, or None when it has problems (added to `state`)."""
    frame = chunk.frame
    file = state.problems.file
    ind = catalogue.indicator(m.indicator)
    problems = state.problems
    rows = frame["_row"]
    for col in ("citizen", "geo"):
        if col not in frame.columns:
            raise InputError(Problem(file, 1, col, "missing dimension column"))
    dims = [c for c in frame.columns if c not in NOT_DIMENSIONS and not c.startswith("_")]
    key = dims + ["TIME_PERIOD"]
    lines = chunk.lines if chunk.lines is not None else frame[key].assign(_row=rows)
    again = state.repeated(lines.drop(columns="_row"), lines["_row"])
    problems.add_mask(
        fields.duplicated(frame, key).to_numpy() | rows.isin(again).to_numpy(),
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
        else:  # several values across the file are a problem (see _parse)
            distinct = state.values.setdefault(dim, set())
            if len(distinct) < 2:
                distinct.update(pd.unique(frame[dim])[:2])
    area, area_ok = _areas(frame, rows, catalogue, problems, parsed, keep)
    country, country_ok = _countries(frame, rows, catalogue, problems, parsed, keep & area_ok)
    if problems.items:
        return None
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
    parsed.rows_used += int(keep.sum())
    return obs


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
