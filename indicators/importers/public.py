"""A store of public data only: `partnership-monitor build --from DIR`.

Every file in DIR whose format can be told (see indicators.importers.detect) is
imported in name order into a new store holding the catalogue and no
demonstration data; files of unknown format are listed and left alone. The
whole build is one atomic replace: if one file is bad, the old store stays.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from indicators.catalogue import DATA_DIR, load_catalogue
from indicators.errors import InputError, Problem, ProjectError
from indicators.store import write_store

SUFFIXES = (".csv", ".tsv", ".xlsx")


@dataclass
class PublicBuild:
    path: Path
    imported: list = field(default_factory=list)
    not_recognised: list[str] = field(default_factory=list)


def build_empty_store(path: Path | str, data_dir: Path | str = DATA_DIR) -> None:
    """A new store with the catalogue and reference tables, and no observations."""
    catalogue = load_catalogue(Path(data_dir))
    with write_store(path, fresh=True) as writer:
        writer.write_catalogue(catalogue)
        writer.set_meta("built_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        writer.set_meta("built_from", "public files")


def build_public_store(
    path: Path | str, folder: Path | str, data_dir: Path | str = DATA_DIR, vintage=None
) -> PublicBuild:
    from indicators.importers import detect
    from indicators.importers.pipeline import import_file

    path, folder = Path(path), Path(folder)
    if not folder.is_dir():
        raise InputError(Problem(str(folder), None, None, "not a folder"))
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    result = PublicBuild(path)
    staging = path.with_name(f".{path.name}.public-{os.getpid()}")
    staging.unlink(missing_ok=True)
    try:
        build_empty_store(staging, data_dir)
        for file in files:
            try:
                fmt = detect.detect(file)
            except ProjectError:
                result.not_recognised.append(str(file.relative_to(folder)))
                continue
            result.imported.append(import_file(staging, fmt, file, vintage=vintage))
        if not result.imported:
            raise InputError(
                Problem(str(folder), None, None, "no file of a known format in this folder")
            )
        os.replace(staging, path)  # same folder: atomic, readers keep the old file
    finally:
        staging.unlink(missing_ok=True)
        staging.with_name(staging.name + ".lock").unlink(missing_ok=True)
    return result
