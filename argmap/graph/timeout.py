"""Deadlines for queries: pyoxigraph has no timeout of its own.

A query with a timeout runs in a child process (``argmap.graph.worker``) that is killed at
the deadline, which really stops it: an abandoned thread would keep the CPU and the store
busy. The child costs a few tens of milliseconds to start; without a timeout none of this
runs, so the fast path costs nothing.
"""

from __future__ import annotations

import pickle
import subprocess
import sys

from argmap.errors import QueryError, QueryTimeoutError

WORKER_MODULE = "argmap.graph.worker"


def check_timeout(timeout: float | None) -> None:
    if timeout is not None and timeout <= 0:
        raise QueryTimeoutError(f"a timeout must be a positive number of seconds, not {timeout:g}")


def timeout_message(timeout: float) -> str:
    return f"the query did not finish within {timeout:g} s and was stopped; narrow it (LIMIT, fewer joins) or raise --timeout"


def run_query_process(
    path: str, sparql: str, prefixes: dict[str, str], limit: int | None, timeout: float, *,
    memory_mb: int | None = None, dataset: object = None,
) -> tuple[str, object]:
    """The worker's ``(status, value)`` answer, or ``QueryTimeoutError`` with the worker killed.
    ``memory_mb`` caps the worker's address space: a query that needs more is stopped there."""
    check_timeout(timeout)
    job = pickle.dumps((path, sparql, prefixes, limit, memory_mb, timeout, dataset))
    proc = subprocess.Popen(
        [sys.executable, "-m", WORKER_MODULE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        out, err = proc.communicate(job, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise QueryTimeoutError(timeout_message(timeout)) from None
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    if proc.returncode != 0 or not out:
        text = err.decode("utf-8", "replace")
        if memory_mb is not None and ("memory allocation" in text or "MemoryError" in text or proc.returncode < 0):
            raise QueryError(f"the query needed more than the {memory_mb:,} MB this server allows a query and was "
                             "stopped; narrow it (LIMIT, fewer joins, no ORDER BY over everything)")
        last = text.strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
        raise QueryError(f"the query process failed ({last[0]})")
    answer = pickle.loads(out)  # our own child's output
    return answer[0], answer[1]
