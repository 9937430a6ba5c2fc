"""A writer process for the concurrency tests: stores synthetic articles one by one.

Usage: python graph_writer_proc.py STORE FIRST COUNT CLAIMS EVIDENCE [WAIT]
Prints "opened" once it holds the store and "stored N" after each article.
"""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.graph.store import open_store
from argmap.graph.synthetic import synthetic_analysis
from argmap.ingestion import store_analysis


def main(argv: list[str]) -> None:
    store, first, count, claims, evidence = argv[0], *map(int, argv[1:5])
    wait = float(argv[5]) if len(argv) > 5 else 0.0
    st = open_store(Path(store), wait=wait)
    print("opened", flush=True)
    try:
        for i in range(first, first + count):
            store_analysis(st, synthetic_analysis(i, claims=claims, evidence=evidence))
            print(f"stored {i}", flush=True)
    finally:
        st.close()


if __name__ == "__main__":
    main(sys.argv[1:])
