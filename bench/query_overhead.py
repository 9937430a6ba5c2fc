"""Query overhead: what the memory cap of ``argmap query`` costs an ordinary query.

A capped query runs in a process of its own (``argmap.graph.worker``) whose address space is limited; this
measures the price of that process against the in-process path, on the same store in the same run:

- per query, through the store API: ``store.query(q)`` (in-process) vs ``store.query(q, memory_mb=cap)``;
- end to end, the command a user types: ``argmap query Q`` (capped, the default) vs ``--max-memory 0``.

Figures are medians of ``--repeat`` runs; the ratio is capped / in-process (the baseline).

    python bench/query_overhead.py                 # 200 synthetic articles, 5 repeats
    python bench/query_overhead.py --articles 1000
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from argmap.graph.store import open_store  # noqa: E402
from argmap.graph.synthetic import synthetic_analysis  # noqa: E402
from argmap.graph.timeout import QUERY_MEMORY_MB  # noqa: E402
from argmap.ingestion import store_analysis  # noqa: E402

QUERIES = {
    "brands": "SELECT ?b ?l WHERE { ?b a am:Brand ; rdfs:label ?l } ORDER BY ?b",
    "claims per article": "SELECT ?a (COUNT(?s) AS ?n) WHERE { ?s a am:Claim ; am:inArticle ?a } GROUP BY ?a",
    "supports": "SELECT ?x ?y WHERE { ?x am:supports ?y } LIMIT 1000",
}


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(path: Path, articles: int) -> None:
    with open_store(path) as st:
        for i in range(articles):
            store_analysis(st, synthetic_analysis(i))


def api_rows(path: Path, repeat: int) -> list[tuple[str, float, float]]:
    rows = []
    st = open_store(path, read_only=True)
    try:
        for name, query in QUERIES.items():
            base = median_seconds(lambda: st.query(query), repeat)
            capped = median_seconds(lambda: st.query(query, memory_mb=QUERY_MEMORY_MB), repeat)
            rows.append((f"API: {name}", base, capped))
    finally:
        st.close()
    return rows


def cli_row(path: Path, repeat: int) -> tuple[str, float, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "argmap", "query", QUERIES["brands"], "--store", str(path), "--format", "csv"]

    def run(extra: list[str]) -> None:
        subprocess.run(command + extra, check=True, capture_output=True, env=env, cwd=REPO)

    return "CLI: argmap query (brands)", median_seconds(lambda: run(["--max-memory", "0"]), repeat), \
        median_seconds(lambda: run([]), repeat)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="argmap-query-") as tmp:
        store = Path(tmp) / "store"
        build(store, args.articles)
        rows = api_rows(store, args.repeat) + [cli_row(store, args.repeat)]
    print(f"{args.articles} synthetic articles; median of {args.repeat}; baseline: the in-process path, same run")
    print(f"{'what':<32} {'in-process ms':>13} {'capped ms':>10} {'ratio':>6}")
    for name, base, capped in rows:
        print(f"{name:<32} {base * 1000:>13.1f} {capped * 1000:>10.1f} {capped / base:>6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
