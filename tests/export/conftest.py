"""Fixtures for the exports: the session's demonstration store, a renderer or a skip."""

from __future__ import annotations

import pytest

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


def assert_no_causal_words(text: str) -> None:
    found = find_causal_language(text)
    assert not found, f"causal language {found!r} in: {text[:200]}"
