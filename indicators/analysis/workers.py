"""Run a function over many items in parallel worker processes, one thread each.

Each share goes to a fresh `python -m indicators.analysis.workers` process started
with OMP_NUM_THREADS=1 (and the BLAS equivalents), so two fits never compete for a
core (OpenBLAS threads spin while they wait: unlimited, two processes on two cores
run more than twice as slowly).
Workers are plain subprocesses rather than a multiprocessing pool on purpose: a
'spawn' pool re-imports the caller's __main__ in every worker (a script without a
main guard, or a Streamlit page, would run again and could wait forever on the store's
writer lock), and a 'fork' pool would copy a process that holds DuckDB's threads.

Items are handed out up front, heaviest first to the least loaded worker; `fn` must
be importable (a module-level function) and items and results picklable.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

from indicators.settings import settings

THREAD_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
IN_PROCESS_MAX = 6  # fewer items than this: starting workers costs more than it saves

T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    """Worker count: PARTNERSHIP_MONITOR_WORKERS if set, else the cores this process may use."""
    configured = settings().workers
    if configured is not None:
        return configured
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run_parallel(
    fn: Callable[[T], R],
    items: Sequence[T],
    *,
    workers: int | None = None,
    cost: Callable[[T], float] | None = None,
) -> list[R]:
    """`[fn(x) for x in items]`, computed by worker processes; results in item order."""
    n = min(workers or available_cores(), len(items))
    if n <= 1 or len(items) < IN_PROCESS_MAX:
        return [fn(x) for x in items]
    shares = _balance([cost(x) if cost else 1.0 for x in items], n)
    env = os.environ | dict.fromkeys(THREAD_VARS, "1")
    # All workers first, so they import in parallel; this process only waits: computing
    # here too would run its own (unlimited) BLAS threads against the workers'.
    procs = [_start(env) for _ in shares]
    for proc, share in zip(procs, shares, strict=True):
        _send(proc, fn, [items[i] for i in share])
    results: list = [None] * len(items)
    try:
        for proc, share in zip(procs, shares, strict=True):
            out = proc.stdout.read()  # type: ignore[union-attr]
            if proc.wait() != 0:
                raise RuntimeError(f"a worker process failed (exit code {proc.returncode})")
            status, payload, where = pickle.loads(out)
            if status == "error":
                # The worker's own exception, intact (type, message, fields), with the
                # worker's traceback as a note.
                payload.add_note(f"raised in a worker process:\n{where}")
                raise payload
            for i, result in zip(share, payload, strict=True):
                results[i] = result
    finally:
        for proc in procs:  # after a failure, stop the others rather than leave them behind
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return results


def _balance(costs: list[float], n: int) -> list[list[int]]:
    """Greedy longest-first assignment of item indices to n workers."""
    loads: list[float] = [0.0] * n
    shares: list[list[int]] = [[] for _ in range(n)]
    for i in sorted(range(len(costs)), key=lambda i: -costs[i]):
        w = loads.index(min(loads))
        shares[w].append(i)
        loads[w] += costs[i]
    return shares


def _start(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "indicators.analysis.workers"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )


def _send(proc: subprocess.Popen, fn: Callable, chunk: list) -> None:
    # The import path goes first, so the worker can find `fn`'s module before unpickling it.
    # The worker reads everything before it computes, so these writes cannot deadlock.
    pickle.dump(list(sys.path), proc.stdin)  # type: ignore[arg-type]
    pickle.dump((fn, chunk), proc.stdin)  # type: ignore[arg-type]
    proc.stdin.close()  # type: ignore[union-attr]


def _serve() -> None:
    sys.path[:] = pickle.load(sys.stdin.buffer) + [p for p in sys.path if p]
    fn, chunk = pickle.load(sys.stdin.buffer)
    message: tuple[str, object, str]
    try:
        message = ("ok", [fn(x) for x in chunk], "")
    except Exception as exc:  # handed to the parent, which raises it there
        message = ("error", exc, traceback.format_exc())
        try:
            pickle.dumps(exc)
        except Exception:  # an exception that cannot travel: its type and message can
            message = ("error", RuntimeError(f"{type(exc).__name__}: {exc}"), message[2])
    pickle.dump(message, sys.stdout.buffer)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _serve()
