"""The framework workspace a setting selects: DuckDB beside the store, or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from indicators.errors import StoreError
from indicators.framework.repository import FrameworkRepository
from indicators.settings import env_name, settings
from indicators.store.workspace import DuckDBWorkspace
from indicators.store.workspace_pg import PostgresWorkspace

BACKENDS = ("duckdb", "postgresql")


def open_workspace(store_path: Path | str) -> FrameworkRepository:
    """The workspace of the store at `store_path`, per PARTNERSHIP_MONITOR_WORKSPACE."""
    backend = settings().workspace
    if backend == "duckdb":
        return DuckDBWorkspace.beside(store_path)
    if backend in ("postgresql", "postgres"):
        return PostgresWorkspace(settings().workspace_dsn)
    raise StoreError(f"{env_name('workspace')} is {backend!r}: choose one of {', '.join(BACKENDS)}")
