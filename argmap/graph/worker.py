"""The child process behind ``--timeout`` and the memory cap: one query on an embedded store, killed at the deadline.

Reads one pickled job ``(path, sparql, prefixes, limit, memory_mb, timeout, dataset)`` on stdin and writes one pickled
answer ``(status, value)`` on stdout. It imports only pyoxigraph and small argmap modules, so
it starts in a few tens of milliseconds. It opens the store read-only under the shared access
lock, like any reader.
"""

from __future__ import annotations

import math
import os
import pickle
import resource
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from argmap.errors import ArgmapError, QueryError
from argmap.graph.lock import ACCESS_LOCK, ACCESS_WAIT_SECONDS, WANTS_READ, FileLock, LockMode
from argmap.graph.results import QueryDataset, to_result

Answer = tuple[str, object]


def run_job(path: str, sparql: str, prefixes: dict[str, str], limit: int | None,
            dataset: QueryDataset | None = None) -> Answer:
    """("ok", result) | ("syntax", pyoxigraph's message) | ("error", an ArgmapError)."""
    lock = FileLock(Path(path) / ACCESS_LOCK, LockMode.SHARED)
    try:
        lock.acquire(wait=ACCESS_WAIT_SECONDS, busy_message=f"the store at {path} stayed busy; try again later",
                     request=Path(path) / WANTS_READ)
    except ArgmapError as exc:  # StoreLockedError: sent back whole
        return "error", exc
    try:
        handle = ox.Store.read_only(path)
        options = dataset.oxigraph_options() if dataset is not None else {}
        raw = handle.query(sparql, prefixes=prefixes, **options)  # the default graph is the union (argmap.graph.store)
        return "ok", to_result(raw, limit=limit)
    except SyntaxError as exc:
        return "syntax", str(exc)
    except OSError as exc:
        return "error", QueryError(f"the query failed: {exc}")


def end_with_parent(interval: float = 0.5) -> None:
    """A query without a deadline ends when the process that asked for it does (a killed ``argmap query``)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="argmap-worker-parent", daemon=True).start()


def main() -> None:
    path, sparql, prefixes, limit, memory_mb, timeout, dataset = pickle.load(sys.stdin.buffer)
    if timeout is None:
        end_with_parent()
    else:
        # The parent kills this process at the deadline; should the parent die first (a stopped server), the
        # kernel still ends it once it has used that much CPU time: an abandoned query never runs on.
        cpu = math.ceil(timeout) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    if memory_mb:
        # A cap on this process's address space: a query that would need more fails here, not the machine.
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))
    answer = run_job(path, sparql, prefixes, limit, dataset)
    sys.stdout.buffer.write(pickle.dumps(answer))
    sys.stdout.buffer.flush()
    # Skip interpreter and RocksDB teardown: the answer is out, and the lock goes with the process.
    os._exit(0)


if __name__ == "__main__":
    main()
