"""A store of public data only: `partnership-monitor build --from DIR`.

Each file in DIR is imported on its own, all or nothing per file, into a new store
holding the catalogue, the real reference events and no demonstration data. A
file that cannot be used is refused with its reason and what to download instead;
the other files still go in. The result accounts for every file: the format
detected, rows read, used and skipped, the indicators and countries it fed.

Files of one source are imported in the order their figures were known (see
`known_at`), so that a later extract revises an earlier one instead of clashing
with it; a file known the same day as another supersedes it (indicators.importers.
pipeline). The new store replaces the old one in one atomic step when at least one
file went in; otherwise the old store stays as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from indicators.catalogue import DATA_DIR, load_catalogue
from indicators.derived import refresh_derived
from indicators.errors import InputError, Problem, ProjectError
from indicators.importers import detect
from indicators.importers.pipeline import ImportReport, import_file
from indicators.store import write_store, writer_lock

SUFFIXES = (".csv", ".tsv", ".xlsx")

# "MissingMigrants-Global-2026-05-06--19_42_11.csv": the IOM website names its
# exports after the moment they were made.
_STAMPED_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:--?(\d{2})[_:](\d{2})[_:](\d{2}))?")


@dataclass
class FileOutcome:
    """What happened to one file of the folder."""

    file: str
    status: str  # imported | nothing new | refused
    format: str | None = None
    known_at: dt.datetime | None = None
    known_from: str = ""
    report: ImportReport | None = None
    reason: str = ""
    instead: str = ""

    def lines(self) -> list[str]:
        if self.status == "refused":
            out = [f"Refused: {self.file}" + (f" ({self.format})" if self.format else "")]
            out += [f"  reason: {line}" for line in self.reason.splitlines()[:6]]
            if self.instead:
                out.append(f"  download instead: {self.instead}")
            return out
        assert self.report is not None  # an outcome that is not refused has its report
        return self.report.lines()


@dataclass
class PublicBuild:
    path: Path
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def imported(self) -> list[ImportReport]:
        """Reports of the files that went in (including those that added nothing new)."""
        return [f.report for f in self.files if f.status != "refused" and f.report]

    @property
    def refused(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == "refused"]

    def outcome(self, name: str) -> FileOutcome:
        """The outcome of the file whose name (or path inside the folder) is `name`."""
        for f in self.files:
            if f.file == name or Path(f.file).name == name:
                return f
        raise KeyError(name)

    def lines(self) -> list[str]:
        out: list[str] = []
        for f in self.files:
            out += f.lines()
        added = sum(r.added + r.revised + r.superseded for r in self.imported)
        out.append(
            f"Built {self.path} from {len(self.imported)} of {len(self.files)} file(s): "
            f"{added} observations; {len(self.refused)} refused"
        )
        return out


def build_empty_store(path: Path | str, data_dir: Path | str = DATA_DIR) -> None:
    """A new store with the catalogue and reference tables, and no observations.

    Demonstration events are left out: a store without demonstration data shows none.
    """
    catalogue = load_catalogue(Path(data_dir))
    with write_store(path, fresh=True) as writer:
        writer.write_catalogue(catalogue, demo_events=False)
        writer.set_meta("built_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        writer.set_meta("built_from", "public files")


def known_at(path: Path, fmt: str | None) -> tuple[dt.datetime, str]:
    """When the figures of a file were known, and where that date comes from.

    The file's own date where it states one (a date-stamped export name such as
    IOM's, the last-update column of Eurostat's SDMX-CSV), else the file's modification time (the
    time of a download or of `fetch eurostat --keep`).
    """
    found = _STAMPED_NAME.search(path.name)
    if found:
        try:
            day = dt.date.fromisoformat(found.group(1))
            h, m, sec = (int(g) for g in found.groups()[1:]) if found.group(2) else (0, 0, 0)
            clock = dt.time(h, m, sec)
            return dt.datetime.combine(day, clock), "the date in the file name"
        except ValueError:
            pass
    if fmt == "eurostat":
        stamp = _eurostat_last_update(path)
        if stamp is not None:
            return stamp, "Eurostat's LAST UPDATE"
    mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(tzinfo=None)
    return mtime, "the file's modification time"


def _eurostat_last_update(path: Path) -> dt.datetime | None:
    """The latest last-update stamp of an SDMX-CSV 1.0 file ('09/04/24 23:00:00'), if filled in."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip().upper() for h in next(reader, [])]
        if "LAST UPDATE" not in header:
            return None
        col = header.index("LAST UPDATE")
        stamps = {row[col].strip() for row in reader if len(row) > col and row[col].strip()}
    best = None
    for text in stamps:
        for fmt in ("%d/%m/%y %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
            try:
                stamp = dt.datetime.strptime(text, fmt)
            except ValueError:
                continue
            best = stamp if best is None else max(best, stamp)
            break
    return best


def _reason(exc: ProjectError) -> str:
    """The reasons of an error, one a line, without repeating the file name."""
    if isinstance(exc, InputError):
        lines = [
            ", ".join(
                [
                    *([f"row {p.row}"] if p.row else []),
                    *([f"column {p.column!r}"] if p.column else []),
                ]
            )
            + (": " if p.row or p.column else "")
            + p.reason
            for p in exc.problems[:5]
        ]
        if exc.total > len(lines):
            lines.append(f"… {exc.total} problem(s) in all")
        return "\n".join(lines)
    return str(exc)


def _settle(outcome: FileOutcome) -> None:
    """Imported, nothing new, or refused because not one of its rows feeds an indicator."""
    report = outcome.report
    assert report is not None
    if report.rows_used == 0:
        top = sorted(report.skipped.items(), key=lambda kv: -kv[1])[:3]
        outcome.status = "refused"
        outcome.reason = (
            "no row of this file is for a country and reporting area of the store: "
            + ("; ".join(f"{n} skipped, {why}" for why, n in top))
        )
        found = re.search(r"dataset (migr_[a-z0-9]+)", " ".join(report.notes))
        outcome.instead = detect.DOWNLOAD.get(report.format, "")
        if found:
            outcome.instead = (
                f"{found.group(1)} broken down by citizenship (citizen = each country): "
                f"`partnership-monitor fetch eurostat {found.group(1)} --keep FILE`"
            )
        return
    outcome.status = "imported" if report.import_id is not None else "nothing new"


def build_public_store(
    path: Path | str,
    folder: Path | str,
    data_dir: Path | str = DATA_DIR,
    vintage: dt.date | None = None,
) -> PublicBuild:
    """Build `path` from the files in `folder`, each on its own (see the module docstring).

    `vintage` overrides every file's own date; the files are still imported in the
    order their figures were known.
    """
    path, folder = Path(path), Path(folder)
    if not folder.is_dir():
        raise InputError(Problem(str(folder), None, None, "not a folder"))
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES and p.is_file() and not p.name.startswith(".")
    )
    result = PublicBuild(path)
    queue: list[FileOutcome] = []
    for file in files:
        name = str(file.relative_to(folder))
        try:
            fmt = detect.detect(file)
        except ProjectError as exc:
            reason, instead = detect.refusal(file, exc)
            result.files.append(FileOutcome(name, "refused", reason=reason, instead=instead))
            continue
        stamp, source = known_at(file, fmt)
        queue.append(FileOutcome(name, "", fmt, stamp, source))
    queue.sort(key=lambda f: (f.known_at or dt.datetime.min, f.file))
    # The whole build holds the store's one writer lock: an import or another build
    # waits for it, so nothing written meanwhile is lost when the build swaps in.
    with writer_lock(path):
        _build_staged(path, folder, queue, result, data_dir, vintage)
    return result


def _build_staged(
    path: Path,
    folder: Path,
    queue: list[FileOutcome],
    result: PublicBuild,
    data_dir: Path | str,
    vintage: dt.date | None,
) -> None:
    staging = path.with_name(f".{path.name}.public-{os.getpid()}")
    staging.unlink(missing_ok=True)
    try:
        build_empty_store(staging, data_dir)
        for outcome in queue:
            try:
                assert outcome.format and outcome.known_at
                outcome.report = import_file(
                    staging,
                    outcome.format,
                    folder / outcome.file,
                    vintage=vintage or outcome.known_at.date(),
                    vintage_from="--vintage" if vintage else outcome.known_from,
                    refresh=False,
                )
            except ProjectError as exc:
                outcome.status = "refused"
                outcome.reason = _reason(exc)
                outcome.instead = detect.instead(outcome.format, outcome.reason)
            else:
                _settle(outcome)
            result.files.append(outcome)
        result.files.sort(key=lambda f: f.file)
        changed = set().union(*(r.changed_keys for r in result.imported))
        if changed:
            # Trends once for every series the files changed (a series two files feed is
            # fitted once), in the staging store before anyone can read it.
            with write_store(staging) as writer:
                refresh_derived(writer, changed)
        if not result.imported:
            raise InputError(
                [Problem(f.file, None, None, f.reason.splitlines()[0]) for f in result.refused]
                or Problem(str(folder), None, None, "no file of a known format in this folder"),
                f"{folder}: no file could be imported, the store was not replaced",
            )
        os.replace(staging, path)  # same folder: atomic, readers keep the old file
    finally:
        staging.unlink(missing_ok=True)
        staging.with_name(staging.name + ".lock").unlink(missing_ok=True)
