"""Fixtures for importer tests: private store copies and file writers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from indicators.build import build_demo_store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def empty_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the catalogue and no observations at all (public-data store shape)."""
    from indicators.importers.public import build_empty_store

    path = tmp_path_factory.mktemp("empty") / "monitor.duckdb"
    build_empty_store(path)
    return path


@pytest.fixture
def store_copy(tmp_path: Path, empty_store_path: Path) -> Path:
    import shutil

    path = tmp_path / "monitor.duckdb"
    shutil.copyfile(empty_store_path, path)
    return path


@pytest.fixture(scope="session")
def wide_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty store whose catalogue also lists Ukraine and has annual asylum figures.

    For the real Eurostat asylum extract (annual, citizen UA), which the project's
    own catalogue refuses (its asylum indicator is monthly).
    """
    import shutil

    from indicators.catalogue import DATA_DIR
    from indicators.importers.public import build_empty_store

    data = tmp_path_factory.mktemp("widedata")
    shutil.copytree(DATA_DIR / "catalogue", data / "catalogue")
    shutil.copytree(DATA_DIR / "reference", data / "reference")
    with (data / "reference" / "countries.csv").open("a", encoding="utf-8") as fh:
        fh.write("UKR,UA,Oekraïne,Ukraine,comparison\n")
    # The real asylum extract is annual; this copy's indicator is annual too.
    yml = data / "catalogue" / "indicators.yaml"
    text = yml.read_text(encoding="utf-8")
    at = text.index("- id: irregular_asylum_applications")
    head, tail = text[:at], text[at:]
    yml.write_text(head + tail.replace("frequency: M", "frequency: A", 1), encoding="utf-8")
    path = tmp_path_factory.mktemp("wide") / "monitor.duckdb"
    build_empty_store(path, data)
    return path


@pytest.fixture
def wide_store(tmp_path: Path, wide_store_path: Path) -> Path:
    import shutil

    path = tmp_path / "wide.duckdb"
    shutil.copyfile(wide_store_path, path)
    return path


__all__ = ["build_demo_store", "digest"]


def broken_copy(text: str, how: str, value_col: int) -> bytes:
    """A real file broken in one way; `value_col` is the index of its value column."""
    lines = text.splitlines(keepends=True)

    def with_value(line: str, change) -> str:
        parts = line.rstrip("\n").split(",")
        parts[value_col] = change(parts[value_col])
        return ",".join(parts) + "\n"

    if how == "truncated":
        return "".join(lines[:40]).encode() + lines[40][:30].encode()
    if how == "wrong delimiter":
        return text.replace(",", ";").encode()
    if how == "non-numeric":
        return "".join(lines[:5] + [with_value(lines[5], lambda v: "12x")] + lines[6:]).encode()
    if how == "duplicated row":
        return "".join(lines[:8] + [lines[7]] + lines[8:]).encode()
    if how == "negative count":
        bad = with_value(lines[5], lambda v: "-" + (v or "1"))
        return "".join(lines[:5] + [bad] + lines[6:]).encode()
    if how == "not UTF-8":
        head = "".join(lines[:9]).encode()
        return head + lines[9].encode().replace(b",", b"\xe9,", 1) + "".join(lines[10:]).encode()
    raise ValueError(how)


BROKEN = [
    ("truncated", "truncated"),
    ("wrong delimiter", "';' between columns"),
    ("non-numeric", "not a number"),
    ("duplicated row", "duplicate row"),
    ("negative count", "cannot be negative"),
    ("not UTF-8", "not UTF-8"),
]
