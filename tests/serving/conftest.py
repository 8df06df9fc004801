"""A front on free loopback ports: Debian's nginx in front of two app processes."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators.serving.apps import SERVICE_USER
from indicators.serving.front import Front
from indicators.serving.nginx import nginx_binary


def front_or_skip() -> None:
    if nginx_binary() is None:
        pytest.skip("Debian's nginx is not installed (`make setup` as root installs it)")
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam(SERVICE_USER)
        except KeyError:
            pytest.skip(f"no service user {SERVICE_USER!r} (`make setup` as root creates it)")


@pytest.fixture(scope="module")
def shared_dir() -> Iterator[Path]:
    """A directory the service account can read (pytest's tmp_path is root's alone)."""
    path = Path(tempfile.mkdtemp(prefix="pm-front-test-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def front(demo_store_path: Path, shared_dir: Path) -> Iterator[Front]:
    """nginx and two app processes serving a private copy of the demonstration store."""
    front_or_skip()
    store = shared_dir / "monitor.duckdb"
    shutil.copyfile(demo_store_path, store)
    env = {"PARTNERSHIP_MONITOR_AUDIT_LOG": str(shared_dir / "audit" / "audit.jsonl")}
    with Front.on_free_ports(store, 2, env=env) as running:
        yield running
