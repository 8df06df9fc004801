"""One import: read -> map -> validate everything -> write atomically, or nothing.

The store is only opened for writing when every row of the file is valid and
something would change; the live file is replaced in one `os.replace` (see
indicators.store.writer), so the dashboard keeps serving the old file meanwhile and
a failure leaves the store byte for byte as it was.

Vintages: every observation carries the date its value was known (`--vintage`,
default today). A value equal to what the store already knew adds nothing, so the
same file imported twice adds nothing; a different value is added as a new vintage
and the old one stays, so the store answers "as of" questions and lists revisions.

A corrected file imported on the same day as the one it corrects gets no invented
date: its values supersede the earlier import's at the same vintage, the earlier
values stay in the store, and the import's provenance names the imports it
superseded. We chose this over a vintage finer than a day because a vintage is the
date figures were known, which publishers state as a date; what a same-day
correction adds is an order, and the import ids already give it.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from indicators.derived import refresh_derived
from indicators.errors import InputError, Problem
from indicators.importers import detect
from indicators.importers.problems import Parsed
from indicators.observations import validate_observations
from indicators.settings import max_import_bytes
from indicators.store import Store, write_store

IMPORTER_VERSION = "1"


@dataclass
class ImportReport:
    file: str
    format: str
    detected: str | None
    vintage: dt.date
    sha256: str
    rows_read: int
    rows_used: int
    skipped: dict[str, int]
    skipped_examples: dict[str, list[str]]
    added: int
    revised: int
    unchanged: int
    series_changed: int
    import_id: int | None
    dry_run: bool
    earlier_imports: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    superseded: int = 0
    superseded_imports: list[int] = field(default_factory=list)
    vintage_from: str = "--vintage"
    indicators: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    changed_keys: set[tuple[str, str, str]] = field(default_factory=set, repr=False)

    @property
    def rows_skipped(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        """One sentence for the imports table and the Data & sources page."""
        text = (
            f"{self.added} added, {self.revised} revised, {self.unchanged} unchanged; "
            f"{self.rows_used} of {self.rows_read} rows used, {self.rows_skipped} skipped"
        )
        if self.superseded:
            text += (
                f"; supersedes {self.superseded} value(s) of import(s) "
                f"{', '.join(map(str, self.superseded_imports))} at the same vintage"
            )
        return text + f"; vintage {self.vintage.isoformat()} from {self.vintage_from}"

    def lines(self) -> list[str]:
        head = "Dry run, nothing written" if self.dry_run else "Imported"
        if not self.dry_run and self.import_id is None:
            head = "Nothing new, nothing written"
        out = [
            f"{head}: {self.file} as {self.format}"
            + (f" (detected: {self.detected})" if self.detected else ""),
            f"  vintage {self.vintage.isoformat()} (from {self.vintage_from}), "
            f"sha256 {self.sha256[:12]}…",
            f"  rows read {self.rows_read}, used {self.rows_used}, skipped {self.rows_skipped}",
            f"  observations: {self.added} would be added, {self.revised} revised, "
            f"{self.unchanged} unchanged"
            if self.dry_run
            else f"  observations: {self.added} added, {self.revised} revised, "
            f"{self.unchanged} unchanged; {self.series_changed} series changed",
        ]
        if self.superseded:
            out.append(
                f"  supersedes {self.superseded} value(s) of import(s) "
                f"{self.superseded_imports} at the same vintage (a same-day correction)"
            )
        if self.indicators:
            out.append(f"  fed: {', '.join(self.indicators)} for {', '.join(self.countries)}")
        for reason, n in sorted(self.skipped.items()):
            examples = ", ".join(self.skipped_examples.get(reason, []))
            out.append(f"  skipped {n}: {reason}" + (f" (e.g. {examples})" if examples else ""))
        if self.earlier_imports:
            out.append(f"  this file was imported before as import {self.earlier_imports}")
        if self.import_id is not None:
            out.append(f"  import id {self.import_id}")
        out += [f"  note: {n}" for n in self.notes]
        return out


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def operator_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment nor in the passwords
        return "unknown"


def import_file(
    store_path: Path | str,
    fmt: str,
    path: Path | str,
    *,
    vintage: dt.date | None = None,
    dry_run: bool = False,
    operator: str | None = None,
    dataset: str | None = None,
    vintage_from: str | None = None,
    refresh: bool = True,
) -> ImportReport:
    """Import one file into the store (see the module docstring); raise InputError if bad.

    `vintage_from` says where the vintage came from (recorded in the provenance);
    default: "--vintage" when one is given, else "the import date". `refresh=False`
    leaves the derived results (trends) to the caller, who must refresh
    `report.changed_keys` before anyone reads the store (build --from does, once,
    for all its files, on a store nobody reads yet).
    """
    path = Path(path)
    file = path.name
    if not path.is_file():
        raise InputError(Problem(file, None, None, f"no such file: {path}"))
    limit = max_import_bytes()
    if path.stat().st_size > limit:
        size_mb, limit_mb = path.stat().st_size / 2**20, limit / 2**20
        reason = (
            f"the file is {size_mb:,.0f} MB, over the limit of {limit_mb:,.0f} MB "
            "(PARTNERSHIP_MONITOR_MAX_IMPORT_MB)"
        )
        raise InputError(Problem(file, None, None, reason))
    detected = None
    if fmt == "auto":
        fmt = detected = detect.detect(path)
    importer = detect.importer(fmt, file)
    store = Store(store_path)
    catalogue = store.catalogue()
    if vintage_from is None:
        vintage_from = "--vintage" if vintage else "the import date"
    vintage = vintage or dt.datetime.now(dt.UTC).date()
    options = {"dataset": dataset} if fmt == "eurostat" else {}
    parsed: Parsed = importer(path, catalogue, **options)
    frame = parsed.observations.assign(vintage=pd.Timestamp(vintage))
    obs = validate_observations(frame.reset_index(drop=True), catalogue, file)
    sha = file_sha256(path)
    change = store.classify(obs)
    report = ImportReport(
        file=file,
        format=fmt,
        detected=detected,
        vintage=vintage,
        sha256=sha,
        rows_read=parsed.rows_read,
        rows_used=parsed.rows_used,
        skipped=dict(parsed.skipped),
        skipped_examples=parsed.skipped_examples,
        added=0,
        revised=0,
        unchanged=0,
        series_changed=0,
        import_id=None,
        dry_run=dry_run,
        earlier_imports=store.imports_of_file(sha),
        notes=parsed.notes,
        vintage_from=vintage_from,
        indicators=sorted(set(obs["indicator_id"])),
        countries=sorted(set(obs["country_iso3"])),
    )
    _count_changes(report, change)
    if dry_run or report.added + report.revised + report.superseded == 0:
        return report
    with write_store(store_path) as writer:
        # Checked again inside the transaction: another import may have landed since.
        change = writer.classify(obs)
        _count_changes(report, change)
        wanted = change["change"].isin(["new", "revised", "superseded"]).to_numpy()
        to_insert = obs[wanted]
        import_id = writer.add_import(
            {
                "format": fmt,
                "file_name": file,
                "sha256": sha,
                "importer_version": f"{fmt}/{IMPORTER_VERSION}",
                "rows_read": parsed.rows_read,
                "rows_accepted": parsed.rows_used,
                "rows_rejected": 0,
                "rows_skipped": parsed.rows_skipped,
                "imported_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                "operator": operator or operator_name(),
                "vintage": vintage,
                "is_demo": False,
                "summary": f"{', '.join(sorted(set(obs['source_id'])))}: " + report.summary(),
            }
        )
        writer.insert_observations(to_insert, import_id)
        keys = set(
            to_insert[["indicator_id", "country_iso3", "reporter"]].itertuples(
                index=False, name=None
            )
        )
        if refresh:
            refresh_derived(writer, keys)
        report.changed_keys = keys
        report.import_id = import_id
        report.series_changed = len(keys)
    return report


def _count_changes(report: ImportReport, change: pd.DataFrame) -> None:
    counts = change["change"].value_counts()
    report.added = int(counts.get("new", 0))
    report.revised = int(counts.get("revised", 0))
    report.unchanged = int(counts.get("unchanged", 0))
    report.superseded = int(counts.get("superseded", 0))
    earlier = change.loc[change["change"] == "superseded", "previous_import"]
    report.superseded_imports = sorted({int(i) for i in earlier.dropna()})
