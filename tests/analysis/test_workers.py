from __future__ import annotations

import os

import pytest

from indicators.analysis.workers import THREAD_VARS, run_parallel


def describe_process(x: int) -> tuple[int, int, str | None]:
    return x * x, os.getpid(), os.environ.get("OMP_NUM_THREADS")


def fail_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x


def test_results_come_back_in_order_from_single_threaded_workers():
    out = run_parallel(describe_process, list(range(20)), workers=2, cost=lambda x: x % 3)
    assert [r[0] for r in out] == [x * x for x in range(20)]
    pids = {r[1] for r in out}
    assert len(pids) == 2 and os.getpid() not in pids
    assert {r[2] for r in out} == {"1"}
    assert "OMP_NUM_THREADS" in THREAD_VARS


def test_few_items_run_in_this_process():
    out = run_parallel(describe_process, [1, 2], workers=2)
    assert {r[1] for r in out} == {os.getpid()}


def test_a_failing_worker_is_an_error_not_a_silent_gap():
    with pytest.raises(RuntimeError, match="worker process failed"):
        run_parallel(fail_on_seven, list(range(12)), workers=2)
