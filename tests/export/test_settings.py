"""Every setting is declared once, with a default and help, and documented in the README."""

from __future__ import annotations

import pytest

from indicators.settings import SETTINGS, classification_marking, export_scale
from tests.conftest import ROOT


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_setting_is_documented(name):
    s = SETTINGS[name]
    assert s.help and s.env.startswith("PARTNERSHIP_MONITOR_")
    assert f"`{s.env}`" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_settings_read_the_environment(monkeypatch):
    assert classification_marking("nl") == "Departementaal vertrouwelijk"
    monkeypatch.setenv("PARTNERSHIP_MONITOR_CLASSIFICATION", "Dep. V.")
    assert classification_marking("en") == "Dep. V."
    monkeypatch.setenv("PARTNERSHIP_MONITOR_EXPORT_SCALE", "1")
    assert export_scale() == 2.0  # never below twice screen size
    monkeypatch.setenv("PARTNERSHIP_MONITOR_EXPORT_SCALE", "3")
    assert export_scale() == 3.0
