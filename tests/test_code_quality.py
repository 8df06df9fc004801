"""Lint and type checks are part of the suite, so CI holds them like any test."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

FOLDERS = ["indicators", "dashboard", "tests", "bench"]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)  # fmt: skip


def test_ruff_check_passes():
    result = _run("ruff", "check", *FOLDERS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied():
    result = _run("ruff", "format", "--check", *FOLDERS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes_over_the_library():
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
