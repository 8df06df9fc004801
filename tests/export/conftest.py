"""Fixtures for the exports: a renderer or a skip, and the downloads a page registered."""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from indicators.analysis import find_causal_language
from indicators.export.render import stop, unavailable_reason


@pytest.fixture(scope="session", autouse=True)
def _close_renderer():
    """Close the shared renderer before the interpreter's exit removes its profile folder."""
    yield
    stop()


@pytest.fixture
def renderer() -> None:
    """Skip with the reason when this machine cannot render images (no chromium)."""
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)


@pytest.fixture
def clicks(monkeypatch) -> dict:
    """file_id -> the deferred callable the app registered for it."""
    made: dict = {}
    original = MediaFileManager.add_deferred

    def recording(self, data_callable, *args, **kwargs):
        file_id = original(self, data_callable, *args, **kwargs)
        made[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    return made


def assert_no_causal_words(text: str) -> None:
    found = find_causal_language(text)
    assert not found, f"causal language {found!r} in: {text[:200]}"
