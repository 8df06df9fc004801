"""The store: the only package that imports duckdb or speaks SQL."""

from indicators.store.reader import Store, file_identity
from indicators.store.schema import SCHEMA_VERSION
from indicators.store.versions import StoreVersions
from indicators.store.writer import StoreWriter, write_store, writer_lock

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "StoreVersions",
    "StoreWriter",
    "file_identity",
    "write_store",
    "writer_lock",
]
