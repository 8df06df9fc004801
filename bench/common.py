"""Helpers shared by the benchmark sections: timing and budgets."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "stores"


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    """Median wall time in seconds over `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 4)


def budget(value: float, limit: float, unit: str = "s") -> dict:
    """A measured figure next to its budget; the benchmark reports, it never asserts."""
    return {"value": value, "budget": limit, "unit": unit, "within_budget": value <= limit}
