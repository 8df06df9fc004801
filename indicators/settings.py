"""Settings read from the environment: each declared once, with its default and help.

A test fails when a setting is missing from the README, so every knob an operator
can turn is documented where operators look.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env, "").strip() or self.default


SETTINGS: dict[str, Setting] = {
    "classification": Setting(
        "PARTNERSHIP_MONITOR_CLASSIFICATION",
        "",
        "Classification marking printed on every exported chart, bundle and pack that holds "
        "a restricted indicator (one text for both languages). Empty: 'Departementaal "
        "vertrouwelijk' in Dutch, 'Departmental confidential' in English.",
    ),
    "chromium": Setting(
        "PARTNERSHIP_MONITOR_CHROMIUM",
        "",
        "Path of the Chromium that renders PNG, SVG and PDF exports (kaleido). Empty: "
        "`chromium` on PATH, then /usr/bin/chromium.",
    ),
    "export_scale": Setting(
        "PARTNERSHIP_MONITOR_EXPORT_SCALE",
        "2",
        "PNG exports are this many times the chart's screen size (at least 2).",
    ),
    "workspace": Setting(
        "PARTNERSHIP_MONITOR_WORKSPACE",
        "duckdb",
        "Where the results framework keeps its records: `duckdb` (a file beside the store, "
        "safe for several processes on one machine) or `postgresql` (one database for "
        "replicas on several machines; needs PARTNERSHIP_MONITOR_WORKSPACE_DSN).",
    ),
    "workspace_dsn": Setting(
        "PARTNERSHIP_MONITOR_WORKSPACE_DSN",
        "",
        "libpq connection string of the PostgreSQL workspace, e.g. `host=db.example port=5432 "
        "dbname=monitor user=monitor` (the password from ~/.pgpass or PGPASSWORD, never here).",
    ),
}

CLASSIFICATION_DEFAULT = {"nl": "Departementaal vertrouwelijk", "en": "Departmental confidential"}


def setting(name: str) -> str:
    """The current value of a declared setting (KeyError for an undeclared one)."""
    return SETTINGS[name].value()


def classification_marking(lang: str) -> str:
    return setting("classification") or CLASSIFICATION_DEFAULT["en" if lang == "en" else "nl"]


def export_scale() -> float:
    try:
        return max(2.0, float(setting("export_scale")))
    except ValueError:
        return 2.0
