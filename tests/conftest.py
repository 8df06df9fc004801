"""Shared fixtures: real DuckDB stores built from data/, never mocks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indicators.build import build_demo_store
from indicators.catalogue import DATA_DIR, Catalogue, load_catalogue
from indicators.store import Store

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
REALDATA = ROOT.parent / "shared" / "realdata"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demonstration store for the whole session; tests must not change it."""
    path = tmp_path_factory.mktemp("store") / "monitor.duckdb"
    build_demo_store(path)
    return path


@pytest.fixture(scope="session")
def store(demo_store_path: Path) -> Store:
    return Store(demo_store_path)


@pytest.fixture(scope="session")
def realdata_build(tmp_path_factory: pytest.TempPathFactory):
    """A store built from the whole ../shared/realdata folder (`build --from`), and the
    build's account of every file; skipped when the folder is absent."""
    from indicators.importers.public import build_public_store

    if not REALDATA.is_dir():
        pytest.skip(
            f"real data not available at {REALDATA} (only CI and developer machines have it)"
        )
    path = tmp_path_factory.mktemp("realdata") / "public.duckdb"
    return build_public_store(path, REALDATA)


@pytest.fixture
def fresh_store_path(tmp_path: Path, demo_store_path: Path) -> Path:
    """A private copy of the demo store that a test may change."""
    path = tmp_path / "monitor.duckdb"
    shutil.copyfile(demo_store_path, path)
    return path


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ (catalogue and reference tables) to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR / "catalogue", target / "catalogue")
    shutil.copytree(DATA_DIR / "reference", target / "reference")
    return target


@pytest.fixture
def use_store(monkeypatch):
    """Point the app at a store and start from empty caches."""
    import streamlit as st

    def point(path):
        monkeypatch.setenv("PARTNERSHIP_MONITOR_STORE", str(path))
        st.cache_data.clear()
        st.cache_resource.clear()

    return point


def realdata(*parts: str) -> Path:
    """A file from ../shared/realdata, or skip the test with the reason."""
    path = REALDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not available at {path} (only CI and developer machines have it)")
    return path
