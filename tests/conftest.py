"""Shared fixtures: real DuckDB stores built from data/, never mocks."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from indicators.build import build_demo_store
from indicators.catalogue import DATA_DIR, Catalogue, load_catalogue
from indicators.store import Store

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
REALDATA = ROOT.parent / "shared" / "realdata"

# Property tests draw the same examples on every run and machine, with no time limit
# per example (a loaded 2-core machine is slow, not wrong): a CI run cannot fail on a
# draw no one saw before. `pytest --hypothesis-profile=explore` draws afresh.
settings.register_profile("repeatable", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile("repeatable")


@pytest.hookimpl(tryfirst=True)  # xdist reads the groups in its own hook, after this one
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep tests that share a costly fixture on one xdist worker (`--dist loadgroup`).

    Browser tests share one live server and one chromium; tests that use a module-scoped
    fixture (a simulation study, an nginx front, a renderer) share it within their module.
    Spread over two workers, each worker would build the fixture again. Without
    xdist (`-p no:xdist`) there are no workers and no group marker to add.
    """
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
            continue
        defs = getattr(item, "_fixtureinfo", None)
        scopes = {d[-1].scope for d in defs.name2fixturedefs.values()} if defs else set()
        if "module" in scopes:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture(scope="session", autouse=True)
def _private_audit_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Audits go to a log of this worker's own unless a test names one: parallel workers
    never append to one chain, and no test writes the checkout's var/audit.jsonl."""
    key = "PARTNERSHIP_MONITOR_AUDIT_LOG"
    before = os.environ.get(key)
    os.environ.setdefault(key, str(tmp_path_factory.mktemp("audit") / "audit.jsonl"))
    yield
    if before is None:
        os.environ.pop(key, None)


@pytest.fixture(scope="session", autouse=True)
def _writers_keep_their_priority() -> Iterator[None]:
    """Tests call the CLI's writing commands in this process: lowering its priority
    (the setting writer_nice) would slow every later test of this worker, and the
    servers it starts. tests/test_cli.py checks the setting in a process of its own."""
    key = "PARTNERSHIP_MONITOR_WRITER_NICE"
    before = os.environ.get(key)
    os.environ[key] = "0"
    yield
    if before is None:
        os.environ.pop(key, None)
    else:
        os.environ[key] = before


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory, request) -> Path:
    """One demonstration store for the whole run; tests must not change it.

    Under pytest-xdist the workers share one build: the first worker builds it under a
    file lock in the run's common temporary folder, the others wait and then read it
    (readers attach it read-only, so several processes may open it at once).
    """
    # xdist's own fixture; without the plugin (-p no:xdist) there are no workers.
    xdist = request.config.pluginmanager.hasplugin("xdist")
    worker_id = request.getfixturevalue("worker_id") if xdist else "master"
    if worker_id == "master":  # not under xdist
        path = tmp_path_factory.mktemp("store") / "monitor.duckdb"
        build_demo_store(path)
        return path
    shared = tmp_path_factory.getbasetemp().parent / "demo-store"
    shared.mkdir(exist_ok=True)
    path = shared / "monitor.duckdb"
    with open(shared / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (shared / "built").exists():
            build_demo_store(path)
            (shared / "built").touch()
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
