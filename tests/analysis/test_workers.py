from __future__ import annotations

import os
import pickle

import pytest

from indicators.analysis.workers import THREAD_VARS, run_parallel
from indicators.errors import InputError, InsufficientDataError, Problem


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


def raise_input_error(x: int) -> int:
    if x == 7:
        raise InputError(Problem("series.csv", 7, "value", "must be a number"))
    return x


def test_a_failing_worker_raises_its_own_error_not_a_silent_gap():
    with pytest.raises(ValueError, match="seven") as caught:
        run_parallel(fail_on_seven, list(range(12)), workers=2)
    assert any("worker process" in note for note in caught.value.__notes__)


def test_an_input_error_survives_the_worker_process_intact():
    with pytest.raises(InputError) as caught:
        run_parallel(raise_input_error, list(range(12)), workers=2)
    assert caught.value.problems == [Problem("series.csv", 7, "value", "must be a number")]
    assert "series.csv, row 7, column 'value': must be a number" in str(caught.value)


def test_errors_pickle_with_their_parts():
    error = pickle.loads(pickle.dumps(InputError(Problem("f.csv", 2, "period", "bad date"))))
    assert len(error.problems) == 1 and error.problems[0].reason == "bad date"
    short = pickle.loads(pickle.dumps(InsufficientDataError("too few", n_points=2, needed=3)))
    assert (str(short), short.n_points, short.needed) == ("too few", 2, 3)
