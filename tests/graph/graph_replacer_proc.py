"""A writer process for the kill tests: replaces one article again and again through the staged path.

Usage: python graph_replacer_proc.py STORE ROUNDS
Alternates two versions of one synthetic article (different sizes, so a mix of both would show) with every
replacement staged (``SMALL_WRITE_TRIPLES`` at 0); prints "stored N" after each.
"""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.graph import store as store_module
from argmap.graph.store import open_store
from argmap.graph.synthetic import synthetic_analysis
from argmap.ingestion import store_analysis

VERSIONS = ((150, 300), (100, 200))  # (claims, evidence)


def main(argv: list[str]) -> None:
    store_module.SMALL_WRITE_TRIPLES = 0
    st = open_store(Path(argv[0]))
    try:
        for i in range(int(argv[1])):
            claims, evidence = VERSIONS[i % 2]
            store_analysis(st, synthetic_analysis(7, claims=claims, evidence=evidence))
            print(f"stored {i}", flush=True)
    finally:
        st.close()


if __name__ == "__main__":
    main(sys.argv[1:])
