"""Build the store from data/: catalogue, reference tables and demonstration data."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indicators.catalogue import DATA_DIR, load_catalogue
from indicators.demo import DEMO_SEED, generate_demo
from indicators.demo.generator import with_synthetic_countries
from indicators.derived import refresh_derived
from indicators.errors import StoreError
from indicators.framework.demo import seed_demo_framework
from indicators.observations import validate_observations
from indicators.settings import DEFAULT_STORE
from indicators.store import SCHEMA_VERSION, Store, write_store
from indicators.store.probe import probe_store

BUILDER_VERSION = "1"


@dataclass(frozen=True)
class BuildReport:
    path: Path
    observations: int
    countries: int
    indicators: int
    fingerprint: str


def data_fingerprint(data_dir: Path, seed: int, extra_countries: int) -> str:
    """A hash of everything the build reads, so two equal fingerprints mean equal stores."""
    digest = hashlib.sha256(f"{BUILDER_VERSION}|{seed}|{extra_countries}".encode())
    for path in sorted(p for p in (data_dir / "catalogue").rglob("*") if p.is_file()):
        digest.update(path.read_bytes())
    for path in sorted(p for p in (data_dir / "reference").rglob("*") if p.is_file()):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_demo_store(
    path: Path | str = DEFAULT_STORE,
    data_dir: Path | str = DATA_DIR,
    *,
    seed: int = DEMO_SEED,
    extra_countries: int = 0,
) -> BuildReport:
    """Validate data/, generate the demonstration data and swap a new store in.

    Everything is validated before the store is touched: a broken catalogue leaves
    the existing store as it was.
    """
    data_dir = Path(data_dir)
    catalogue = load_catalogue(data_dir)
    if extra_countries:
        catalogue = with_synthetic_countries(catalogue, extra_countries)
    obs = validate_observations(generate_demo(catalogue, seed), catalogue, "demonstration data")
    fingerprint = data_fingerprint(data_dir, seed, extra_countries)
    with write_store(path, fresh=True) as writer:
        writer.write_catalogue(catalogue)
        writer.set_meta("data_fingerprint", fingerprint)
        writer.set_meta("built_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        writer.set_meta("demo_seed", str(seed))
        for vintage, part in obs.groupby("vintage", sort=True):
            import_id = writer.add_import(_demo_import_record(part, vintage, fingerprint))
            writer.insert_observations(part, import_id)
        refresh_derived(writer, None)
    seed_demo_framework(path)  # after the store's lock is released: it takes the same lock
    return BuildReport(
        Path(path), len(obs), len(catalogue.countries), len(catalogue.indicators), fingerprint
    )


def _demo_import_record(part: pd.DataFrame, vintage: pd.Timestamp, fingerprint: str) -> dict:
    return {
        "format": "demo",
        "file_name": "indicators/demo/generator.py",
        "sha256": fingerprint,
        "importer_version": BUILDER_VERSION,
        "rows_read": len(part),
        "rows_accepted": len(part),
        "rows_rejected": 0,
        "rows_skipped": 0,
        # Fixed, so that the same data/ always gives the same store content.
        "imported_at": dt.datetime(2026, 4, 1),
        "operator": "partnership-monitor build",
        "vintage": vintage.date(),
        "is_demo": True,
        "summary": "Demonstration data — not official statistics",
    }


def needs_build(path: Path | str, data_dir: Path | str = DATA_DIR) -> str | None:
    """Why the store should be (re)built, or None when it is current.

    Only a missing store or a stale store of pure demonstration data qualifies: a
    store holding imported figures is never rebuilt automatically. A store of another
    schema version is rebuilt when it holds demonstration data only; otherwise (or when
    it cannot be read) StoreError says what to do by hand.
    """
    path = Path(path)
    if not path.exists():
        return "no store yet"
    try:
        store = Store(path)
    except Exception as exc:  # noqa: BLE001 - StoreError or DuckDB's: the probe says which
        return _other_version(path, exc)
    if store.demo_status() not in ("demo", "empty"):
        return None
    if store.meta().get("data_fingerprint") != data_fingerprint(Path(data_dir), DEMO_SEED, 0):
        return "data/ changed since the demonstration store was built"
    return None


def _other_version(path: Path, refused: Exception) -> str:
    """The reason to rebuild a demonstration store that `Store` refused, or StoreError."""
    found = probe_store(path)
    if found.schema_version == str(SCHEMA_VERSION):
        raise refused  # this program's own schema: not a version question (a lock, say)
    version = found.schema_version or "unknown"
    if found.demonstration:
        return (
            f"a demonstration store of schema version {version}, this program needs "
            f"{SCHEMA_VERSION}"
        )
    if found.holds == "real":
        raise StoreError(
            f"{path} holds imported figures and has schema version {version}; this program "
            f"needs {SCHEMA_VERSION}. It is not replaced automatically. Build a new store "
            "from your files (`partnership-monitor build --from DIR --store NEW.duckdb`, "
            "then `partnership-monitor import` for files imported one by one: the old "
            "store's imports table lists them), run `make run STORE=NEW.duckdb`, and move "
            f"{path} away yourself when you no longer need it"
        )
    raise StoreError(
        f"{path} cannot be read as a store ({found.problem}); it is not replaced "
        f"automatically. Move it away and run `make store` again, or choose another "
        "store with STORE=PATH"
    )
