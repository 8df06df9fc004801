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
from collections.abc import Callable, Iterator
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
# Bytes of a bulk TSV per chunk. Only the kept series' lines grow into the long shape
# (a cell per period), so a chunk may be as large as the long layouts' chunks.
TSV_CHUNK_BYTES = 8 << 20
_VALUE_AND_FLAG = r"^(?P<v>[^\s]*)\s*(?P<f>.*)$"  # a bulk TSV cell: `130 p`, `:`, `7`
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
    """One chunk as series rows and their cells.

    `series`: one row per series row of the source, with its dimensions, `_row` and
    `_dataset` (for SDMX-CSV, where every row is one observation, the whole frame, with
    TIME_PERIOD). `per_series`: the cells each series row holds (a bulk TSV line has
    one per period; 1 for SDMX-CSV). `cells(at)`: the cells of the series rows at
    positions `at`, in the long shape (TIME_PERIOD, OBS_VALUE, OBS_FLAG, maybe
    CONF_STATUS, `_row` and `_series`, the position of the cell's series row): only
    the series that are kept are split into cells, so skipping a series costs a
    look at its key, however many cells it has (issue 15).
    """

    series: pd.DataFrame
    per_series: int
    cells: Callable[[np.ndarray], pd.DataFrame]
    # SDMX-CSV checks the cells of skipped rows too (a row costs the same either way,
    # and a bad figure anywhere in a downloaded extract is worth saying); a bulk TSV
    # checks the kept series' cells only, as splitting the cells of 40 million skipped
    # ones is what made a 200 MB file take minutes.
    check_skipped: bool = False


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
        names, lines = readers.keyed_lines(path, "\t", TSV_CHUNK_BYTES)
        return layout, (
            _bulk_tsv_chunk(names, keys, _rows(start, len(keys)), _split_cells(rests), file, True)
            for start, keys, rests in lines
        )
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
        self.seen = fields.SeenKeys()


def _parse(
    file: str, catalogue: Catalogue, dataset: str | None, layout: str, chunks: Iterator[_Chunk]
) -> Parsed:
    parsed = Parsed("eurostat", pd.DataFrame(), 0, 0)
    state = _State(file)
    mapping: DatasetMap | None = None
    found: list[pd.DataFrame] = []
    for chunk in chunks:
        if mapping is None:
            mapping = _mapping(chunk.series, file, dataset)
            _check_frequency(mapping, catalogue, file)
        elif not dataset:
            _same_dataset(chunk.series, mapping, file)
        parsed.rows_read += len(chunk.series) * chunk.per_series
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


# --- layouts -> series rows and cells (see _Chunk) ----------------------------------
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

    def cells(at: np.ndarray) -> pd.DataFrame:
        return frame.iloc[at].assign(_series=at)

    return _Chunk(frame, 1, cells, check_skipped=True)


def _rows(start: int, n: int) -> pd.Series:
    """Row numbers as messages cite them of `n` data rows from the `start`-th."""
    return readers.source_rows(pd.DataFrame(index=pd.RangeIndex(start, start + n)))


def _split_cells(rests: list[str]) -> Callable[[np.ndarray], np.ndarray]:
    """The cells of the lines at given positions, from the text after each line's key
    (every line has as many cells as the header has periods: see readers.keyed_lines)."""

    def cells(at: np.ndarray) -> np.ndarray:
        if not len(at):
            return np.empty((0, 0), dtype=object)
        flat = "\t".join([rests[i] for i in at]).split("\t")
        return np.array(flat, dtype=object).reshape(len(at), -1)

    return cells


def _bulk_tsv(text: str, file: str) -> _Chunk:
    # Eurostat's bulk files end every line with a line break. Without one the last
    # cell may have been cut (`130 p` read as `13`) and would import silently.
    if not text.endswith("\n"):
        line = text.count("\n") + 1
        reason = "the file ends inside a row, without a line break (file truncated?)"
        raise InputError(Problem(file, line, None, reason))
    wide = readers.read_table(Path(file), file, [], sep="\t", text=text)
    head = wide.columns[0]
    values = wide.drop(columns=[head]).to_numpy(dtype=object)
    return _bulk_tsv_chunk(
        list(wide.columns), wide[head], readers.source_rows(wide), lambda at: values[at], file
    )


def _bulk_tsv_chunk(
    names: list[str],
    keys: pd.Series | list[str],
    rows: pd.Series,
    cells_at: Callable[[np.ndarray], np.ndarray],
    file: str,
    streamed: bool = False,
) -> _Chunk:
    """Series rows from each line's key (`unit,citizen,geo`...), and the cells of the
    lines kept from `cells_at` (positions -> a 2-D array of cell texts)."""
    head = names[0]
    dims = [d.strip() for d in head.split("\\", 1)[0].split(",")]
    keys = pd.Series(keys, index=rows.index, dtype=object)
    codes = keys.str.split(",", expand=True)
    if codes.shape[1] != len(dims):
        if streamed:  # read whole, so the message lists every such line of the file
            raise readers.Unstreamable("a series key with the wrong number of codes")
        bad = codes.isna().any(axis=1) if codes.shape[1] > len(dims) else codes.index == codes.index
        problems = Problems(file)
        problems.add_mask(bad, rows, head, f"expected {len(dims)} codes")
        problems.raise_if_any()
    series = pd.DataFrame({dim: pd.Categorical(codes[i]) for i, dim in enumerate(dims)})
    series.index = rows.index
    series["_row"] = rows
    series["_dataset"] = ""
    period, periods = pd.factorize(pd.Index([c.strip() for c in names[1:]]))

    def cells(at: np.ndarray) -> pd.DataFrame:
        """The long shape, period after period as `melt` gives it."""
        n, p = len(at), len(periods)
        # Cells repeat (`:`, round figures): split each distinct cell once.
        cell, seen = pd.factorize(cells_at(at).ravel(order="F"))
        parts = pd.Series(seen, dtype=object).str.strip().str.extract(_VALUE_AND_FLAG)
        return pd.DataFrame(
            {
                "_row": np.tile(rows.to_numpy()[at], p),
                "_series": np.tile(at, p),
                "TIME_PERIOD": pd.Categorical.from_codes(np.repeat(period, n), periods),
                "OBS_VALUE": parts["v"].fillna("").to_numpy()[cell],
                "OBS_FLAG": parts["f"].fillna("").to_numpy()[cell],
            }
        )

    return _Chunk(series, len(periods), cells)


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
    """One chunk's observations, or None when it has problems (added to `state`).

    First the series rows: duplicates, breakdowns, reporting areas and countries, each
    skip counted for every cell of the series. Then only the kept series' cells are
    split and checked (value, period, flag), so a skipped series costs no cell parsing
    (unless the chunk says `check_skipped`).
    """
    series, w = chunk.series, chunk.per_series
    file = state.problems.file
    ind = catalogue.indicator(m.indicator)
    problems = state.problems
    rows = series["_row"]
    for col in ("citizen", "geo"):
        if col not in series.columns:
            raise InputError(Problem(file, 1, col, "missing dimension column"))
    dims = [c for c in series.columns if c not in NOT_DIMENSIONS and not c.startswith("_")]
    key = dims + (["TIME_PERIOD"] if "TIME_PERIOD" in series.columns else [])
    problems.add_mask(
        fields.duplicated(series, key).to_numpy() | state.seen.repeated(series[key]),
        rows,
        "TIME_PERIOD",
        "duplicate row (the same dimensions and period twice)",
    )
    keep = pd.Series(True, index=series.index)
    for dim in dims:
        if dim in ("citizen", "geo", "freq"):
            continue
        if dim in m.keep:
            wanted = set(m.keep[dim])
            ok = pd.Series(
                fields.by_value(series[dim], lambda v, w=wanted: str(v).strip() in w, bool),
                index=series.index,
            )
            other = ~ok & keep
            parsed.skip(
                f"{dim}: another breakdown than {m.keep[dim][0]}",
                int(other.sum()) * w,
                list(pd.unique(series[dim][other]))[:3],
            )
            keep &= ok
        else:  # several values across the file are a problem (see _parse)
            distinct = state.values.setdefault(dim, set())
            if len(distinct) < 2:
                distinct.update(pd.unique(series[dim])[:2])
    area, area_ok = _areas(series, rows, catalogue, problems, parsed, keep, w)
    country, country_ok = _countries(series, rows, catalogue, problems, parsed, keep & area_ok, w)
    in_indicator = area.isin(ind.reporters)
    parsed.skip(
        f"geo: a reporting area {ind.id} does not use",
        int((keep & area_ok & country_ok & ~in_indicator).sum()) * w,
    )
    keep &= area_ok & country_ok & in_indicator
    kept = keep.to_numpy()
    cells = chunk.cells(np.arange(len(series)) if chunk.check_skipped else np.flatnonzero(kept))
    value, flags, period = _checked_cells(cells, m, problems)
    if problems.items:
        return None
    used = kept[cells["_series"].to_numpy()]
    cells, period = cells[used], period[used]
    at = cells["_series"].to_numpy()
    values = pd.DataFrame({"value": value[used], "flags": flags[used], "_row": cells["_row"]})
    obs = fields.observations(
        values,
        indicator_id=ind.id,
        source_id=ind.sources[0],
        reporter=area.to_numpy()[at],
        country=country.to_numpy()[at],
        period=period,
    )
    parsed.rows_used += len(cells)
    return obs


def _checked_cells(cells: pd.DataFrame, m: DatasetMap, problems: Problems):
    """Values, store flags and periods of the kept cells; what is wrong goes to `problems`."""
    rows = cells["_row"]
    value = fields.numbers(cells["OBS_VALUE"], rows, "OBS_VALUE", problems)
    problems.add_mask(value < 0, rows, "OBS_VALUE", "a count cannot be negative")
    period = fields.periods(cells["TIME_PERIOD"], rows, "TIME_PERIOD", problems)
    wrong = period["frequency"].notna() & (period["frequency"] != m.frequency)
    problems.add_mask(
        wrong, rows, "TIME_PERIOD", f"not a {FREQ_NAMES[m.frequency]} period, as {m.dataset} is"
    )
    flags = fields.flag_codes(
        cells.get("OBS_FLAG", pd.Series("", cells.index)),
        rows,
        "OBS_FLAG",
        problems,
        fields.EUROSTAT_FLAGS,
    )
    if "CONF_STATUS" in cells:
        conf = fields.by_value(cells["CONF_STATUS"], lambda v: str(v).strip() != "", bool)
        flags = flags.where(~conf, (flags + "c").map(lambda f: "".join(sorted(set(f)))))
    return value, flags, period


def _areas(frame, rows, catalogue, problems, parsed, keep, w):
    area, ok = places.reporting_areas(
        frame["geo"], rows, "geo", catalogue, problems, Parsed("", pd.DataFrame(), 0, 0)
    )
    # Count skips only among rows still kept, so every row is counted once.
    _count_once(parsed, "geo: a reporting country or aggregate the store does not keep",
                keep & ~ok & area.isna(), frame["geo"], w)  # fmt: skip
    return area, ok


def _countries(frame, rows, catalogue, problems, parsed, keep, w):
    scratch = Parsed("", pd.DataFrame(), 0, 0)
    code, ok = places.countries(frame["citizen"], rows, "citizen", catalogue, problems, scratch)
    hit = resolver().resolve_many(frame["citizen"])
    outside = keep & (hit["kind"] == "country") & ~ok
    group = keep & hit["kind"].isin(["aggregate", "unknown"])
    _count_once(parsed, "citizen: a country outside the store's list", outside, hit["code"], w)
    _count_once(
        parsed, "citizen: an aggregate or unknown, not one country", group, frame["citizen"], w
    )
    return code, ok


def _count_once(
    parsed: Parsed, reason: str, mask: pd.Series, values: pd.Series, per_row: int
) -> None:
    """Skipped series rows counted as the `per_row` cells each holds."""
    mask = np.asarray(mask, dtype=bool)
    examples = [str(v) for v in pd.unique(values[mask])[:5]]
    parsed.skip(reason, int(mask.sum()) * per_row, examples)
