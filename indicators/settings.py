"""Settings read from the environment: each declared once, typed, with its default and help.

Every environment variable the code reads is a field of `Settings` (pydantic-settings,
prefix PARTNERSHIP_MONITOR_): `settings().store`, never `os.environ[...]`. An empty
variable counts as unset. A value that does not parse is an error naming the variable,
never a silent default. A test fails when a setting is missing from the README, so
every knob an operator can turn is documented where operators look.

This module imports only indicators.errors, so any module may read settings.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from indicators.errors import SettingError
from indicators.texts import by_lang

PREFIX = "PARTNERSHIP_MONITOR_"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORE = ROOT / "data" / "monitor.duckdb"
DEFAULT_ACCESS_FILE = ROOT / "config" / "access.toml"
DEFAULT_AUDIT_LOG = ROOT / "var" / "audit.jsonl"
# The marking when none is set, in each language (the library catalogue's text).
CLASSIFICATION_DEFAULT = by_lang("classification_default")


class Settings(BaseSettings):
    """The operator's settings; the field `store` is read from PARTNERSHIP_MONITOR_STORE."""

    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_ignore_empty=True, extra="ignore", frozen=True
    )

    store: Path = Field(
        default=DEFAULT_STORE,
        description="The store file the dashboard reads. `partnership-monitor serve --store` "
        "sets it for the app it starts.",
    )
    access: Path = Field(
        default=DEFAULT_ACCESS_FILE,
        description="The access file that maps users and groups to roles.",
    )
    audit_log: Path = Field(
        default=DEFAULT_AUDIT_LOG,
        description="The audit log of views and exports of restricted indicators.",
    )
    audit_key: str = Field(
        default="",
        description="Key that signs the audit log's chain head. Empty: a random key made once "
        "in `audit.jsonl.key` beside the log.",
    )
    workers: int | None = Field(
        default=None,
        description="Worker processes that fit trends during a build or import. Empty: one "
        "per core this process may use.",
    )
    classification: str = Field(
        default="",
        description="Classification marking printed on every exported chart, bundle and pack "
        "that holds a restricted indicator (one text for both languages). Empty: "
        "'Departementaal vertrouwelijk' in Dutch, 'Departmental confidential' in English.",
    )
    chromium: str = Field(
        default="",
        description="Path of the Chromium that renders PNG, SVG and PDF exports (kaleido). "
        "Empty: `chromium` on PATH, then /usr/bin/chromium.",
    )
    export_scale: float = Field(
        default=2.0,
        description="PNG exports are this many times the chart's screen size (at least 2).",
    )
    max_import_mb: float = Field(
        default=500.0,
        gt=0,
        description="Largest file an import or a build --from reads, in MB (larger files are "
        "refused before they are read).",
    )

    writer_nice: int = Field(
        default=10,
        ge=0,
        le=19,
        description="CPU priority the writing commands (build, import, fetch) lower themselves "
        "by (as `nice`), so that the dashboard's pages are served first while a store is "
        "written; 0 leaves it.",
    )

    workspace: str = Field(
        default="duckdb",
        description="Where the results framework keeps its records: `duckdb` (a file beside "
        "the store, safe for several processes on one machine) or `postgresql` (one database "
        "for replicas on several machines; needs PARTNERSHIP_MONITOR_WORKSPACE_DSN).",
    )
    workspace_dsn: str = Field(
        default="",
        description="libpq connection string of the PostgreSQL workspace, e.g. `host=db.example "
        "port=5432 dbname=monitor user=monitor` (the password from ~/.pgpass or PGPASSWORD, "
        "never here).",
    )

    @field_validator("workers")
    @classmethod
    def _at_least_one_worker(cls, value: int | None) -> int | None:
        return None if value is None else max(1, value)

    @field_validator("export_scale")
    @classmethod
    def _at_least_twice_screen_size(cls, value: float) -> float:
        return max(2.0, value)

    @field_validator("workspace")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.strip().lower()

    @field_validator("classification", "chromium", "audit_key", "workspace_dsn")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()


def env_name(field: str) -> str:
    """The environment variable of a setting: env_name("store") == "PARTNERSHIP_MONITOR_STORE"."""
    if field not in Settings.model_fields:
        raise KeyError(field)
    return PREFIX + field.upper()


def settings() -> Settings:
    """The settings as the environment has them now.

    Tests and the app's subprocesses change the environment, so the variables are
    looked at on every call; the parsed settings are kept per set of values, because
    parsing costs about a millisecond and the services ask for the store's path on
    every call (hundreds of times in one run of the overview).
    A value that does not parse raises SettingError naming the variable.
    """
    ours = tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith(PREFIX)))
    return _parsed(ours)


@functools.lru_cache(maxsize=16)
def _parsed(variables: tuple[tuple[str, str], ...]) -> Settings:
    """Settings of these PARTNERSHIP_MONITOR_ variables (the environment holds them)."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = env_name(str(first["loc"][0]))
        raise SettingError(f"{name}: {first['msg']} (got {first.get('input')!r})") from None


def classification_marking(lang: str) -> str:
    """The marking on exports of restricted indicators, in the export's language."""
    return settings().classification or CLASSIFICATION_DEFAULT[lang]


def export_scale() -> float:
    """How many times the screen size a PNG export is."""
    return settings().export_scale


def max_import_bytes() -> int:
    """The size limit of an imported file, in bytes."""
    return int(settings().max_import_mb * 1024 * 1024)
