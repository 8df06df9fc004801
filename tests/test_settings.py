"""Every setting is declared once (indicators/settings.py), typed, and documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indicators.errors import ProjectError, SettingError
from indicators.settings import (
    DEFAULT_STORE,
    PREFIX,
    Settings,
    classification_marking,
    env_name,
    export_scale,
    settings,
)
from tests.conftest import ROOT

# Reading the environment directly, anywhere but settings.py (writing it for a child
# process is fine: os.environ[...] = ..., dict(os.environ, ...)).
DIRECT_READ = re.compile(r"os\.getenv\(|os\.environ\.get\(|os\.environ\[[^\]]+\](?!\s*=[^=])")
# A variable's name in a string of its own (docs may mention it; code uses env_name()).
NAMED = re.compile(rf"[\"']{PREFIX}")


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_setting_is_documented_in_the_readme(field):
    assert Settings.model_fields[field].description, field
    assert f"`{env_name(field)}`" in (ROOT / "README.md").read_text(encoding="utf-8")


def _library_files() -> list[Path]:
    return [
        p
        for folder in ("indicators", "dashboard")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p != ROOT / "indicators" / "settings.py"
    ]


def test_no_module_reads_the_environment_or_names_a_setting_itself():
    offenders = []
    for path in _library_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if NAMED.search(line) or DIRECT_READ.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == [], "\n".join(offenders)


def test_the_check_sees_a_direct_read():
    assert DIRECT_READ.search('x = os.environ.get("HOME")')
    assert DIRECT_READ.search('x = os.environ["HOME"]')
    assert not DIRECT_READ.search('os.environ["BROWSER_PATH"] = "/usr/bin/chromium"')
    assert NAMED.search('STORE_ENV = "PARTNERSHIP_MONITOR_STORE"')


def test_settings_read_the_environment(monkeypatch):
    monkeypatch.delenv(env_name("classification"), raising=False)
    assert classification_marking("nl") == "Departementaal vertrouwelijk"
    monkeypatch.setenv("PARTNERSHIP_MONITOR_CLASSIFICATION", " Dep. V. ")
    assert classification_marking("en") == "Dep. V."
    monkeypatch.setenv("PARTNERSHIP_MONITOR_EXPORT_SCALE", "1")
    assert export_scale() == 2.0  # never below twice screen size
    monkeypatch.setenv("PARTNERSHIP_MONITOR_EXPORT_SCALE", "3")
    assert export_scale() == 3.0
    monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKERS", "0")
    assert settings().workers == 1
    monkeypatch.setenv("PARTNERSHIP_MONITOR_STORE", "/tmp/elsewhere.duckdb")
    assert settings().store == Path("/tmp/elsewhere.duckdb")


def test_an_empty_variable_is_unset(monkeypatch):
    monkeypatch.setenv("PARTNERSHIP_MONITOR_STORE", "")
    monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKERS", "")
    assert settings().store == DEFAULT_STORE and settings().workers is None


def test_a_value_that_does_not_parse_is_an_error_naming_the_variable(monkeypatch):
    monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKERS", "many")
    with pytest.raises(SettingError, match="PARTNERSHIP_MONITOR_WORKERS.*'many'") as caught:
        settings()
    assert isinstance(caught.value, ProjectError)  # the CLI ends it with `error: …`, exit 1


def test_env_name_refuses_an_undeclared_setting():
    with pytest.raises(KeyError):
        env_name("colour")
