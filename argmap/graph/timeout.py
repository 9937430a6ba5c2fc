"""Deadlines and memory caps for queries: pyoxigraph has neither of its own.

A query with a timeout or a memory cap runs in a child process (``argmap.graph.worker``) that is
killed at the deadline and whose address space is capped, which really stops it: an abandoned
thread would keep the CPU and the store busy, and a query that runs out of memory in-process
aborts the whole program (Rust aborts on a failed allocation) instead of failing with a message.
The child costs a few tens of milliseconds to start; without a timeout or a cap none of this
runs, so the in-process path costs nothing.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

from argmap.errors import QueryError, QueryMemoryError, QueryTimeoutError

WORKER_MODULE = "argmap.graph.worker"
# The address space one query may use, by default, in ``argmap serve`` and ``argmap query``: room for the
# query engine, the store's own buffers and large ordinary results, far below the machine's memory.
QUERY_MEMORY_MB = 1536


def check_timeout(timeout: float | None) -> None:
    if timeout is not None and timeout <= 0:
        raise QueryTimeoutError(f"a timeout must be a positive number of seconds, not {timeout:g}")


def timeout_message(timeout: float) -> str:
    return f"the query did not finish within {timeout:g} s and was stopped; narrow it (LIMIT, fewer joins) or raise --timeout"


def memory_message(memory_mb: int) -> str:
    return (f"the query needed more than the {memory_mb:,} MB allowed one query and was stopped; "
            "narrow it (LIMIT, fewer joins, no ORDER BY over everything)")


def worker_environment() -> dict[str, str]:
    """The worker's environment: glibc reserves a 64 MB malloc arena per thread, which counts against the
    address-space cap although it is never used — a trivial ASK then needed 512-768 MB depending on how many
    threads RocksDB started, and failed at random under a 768 MB cap. Two arenas keep it under 384 MB."""
    return {**os.environ, "MALLOC_ARENA_MAX": "2"}


def run_query_process(
    path: str, sparql: str, prefixes: dict[str, str], limit: int | None, timeout: float | None, *,
    memory_mb: int | None = None, dataset: object = None,
) -> tuple[str, object]:
    """The worker's ``(status, value)`` answer, or ``QueryTimeoutError`` with the worker killed.
    ``timeout``: ``None`` waits as long as the query runs. ``memory_mb`` caps the worker's address space:
    a query that needs more is stopped there (``QueryMemoryError``)."""
    check_timeout(timeout)
    job = pickle.dumps((path, sparql, prefixes, limit, memory_mb, timeout, dataset))
    proc = subprocess.Popen(
        [sys.executable, "-m", WORKER_MODULE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=worker_environment(),
    )
    try:
        out, err = proc.communicate(job, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise QueryTimeoutError(timeout_message(timeout or 0)) from None
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    if proc.returncode != 0 or not out:
        text = err.decode("utf-8", "replace")
        if memory_mb is not None and ("memory allocation" in text or "MemoryError" in text or proc.returncode < 0):
            raise QueryMemoryError(memory_message(memory_mb))
        last = text.strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
        raise QueryError(f"the query process failed ({last[0]})")
    answer = pickle.loads(out)  # our own child's output
    return answer[0], answer[1]
