"""argmap on shared triplestores against the embedded store, measured in the same run.

Each store gets the same work: ``--articles`` synthetic articles (``argmap.graph.synthetic``) written one by
one through argmap's own ingest write (``store_analysis``: mapping to RDF, one write per article, the union
kept), the reasoner without HermiT (``run_reasoner(classify=False)``), then the eight competency questions
(parameterised as bench/cq_bench.py does), each timed best of ``--repeat`` after a warm-up. The stores:

- embedded: argmap's own Oxigraph folder (the baseline every ratio divides by);
- the Oxigraph server (PyPI ``oxigraph``) started here on loopback, without and with ``--union-default-graph``;
- Virtuoso 7 (Debian ``virtuoso-opensource``) started here on loopback, as installed (its 10,000-row limit).

A server that is not installed is reported as such. Every answer is checked against the embedded store's
(rows compared, blank nodes and GROUP_CONCAT order aside), so a fast wrong answer cannot pass for a result.
Extraction (spaCy) costs the same on every store and is left out: "ingest" here is the store's part.

    .venv/bin/python bench/remote_bench.py                 # 40 articles, best of 5
    .venv/bin/python bench/remote_bench.py --articles 200 --json bench/out/remote.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.cq_bench import bench_queries  # noqa: E402  (after the path is set)
from tests.graph import remote_servers as servers  # noqa: E402

EMBEDDED = "embedded"


@dataclass(slots=True)
class StoreFigures:
    name: str
    ingest_ms: float | None = None  # per article
    reason_ms: float | None = None
    cq_ms: dict[str, float] = field(default_factory=dict)
    same_answers: bool | None = None
    note: str = ""

    @property
    def cq_total(self) -> float | None:
        return sum(self.cq_ms.values()) if self.cq_ms else None


def comparable(result: Any) -> list[str]:
    """A result as sorted text rows, blank nodes and the order inside GROUP_CONCAT aside."""
    import pyoxigraph as ox

    from argmap.graph.results import AskResult, GraphResult

    if isinstance(result, AskResult):
        return [str(result.value)]
    rows = ([(t.subject, t.predicate, t.object) for t in result.triples] if isinstance(result, GraphResult)
            else result.rows)
    def cell(term: Any) -> str:
        if isinstance(term, ox.BlankNode):
            return "_:"
        if isinstance(term, ox.Literal):  # GROUP_CONCAT's parts in any order
            return " ".join(sorted(re.split(r"[,\s]+", term.value))) + f"^^{term.datatype.value}@{term.language}"
        return str(term)

    return sorted(" | ".join(cell(t) for t in row) for row in rows)


def measure(name: str, location: str, *, articles: int, repeat: int) -> tuple[StoreFigures, dict[str, list[str]]]:
    from argmap.graph.store import open_store
    from argmap.graph.synthetic import synthetic_analysis
    from argmap.ingestion import store_analysis
    from argmap.reasoner import run_reasoner

    figures = StoreFigures(name)
    answers: dict[str, list[str]] = {}
    store = open_store(location)
    try:
        started = time.perf_counter()
        for i in range(articles):
            store_analysis(store, synthetic_analysis(i))
        figures.ingest_ms = (time.perf_counter() - started) * 1000 / articles
        started = time.perf_counter()
        run_reasoner(store, classify=False)
        figures.reason_ms = (time.perf_counter() - started) * 1000
        for query in bench_queries():
            answers[query.name] = comparable(store.query(query.sparql))  # the warm-up
            best = float("inf")
            for _ in range(repeat):
                started = time.perf_counter()
                store.query(query.sparql)
                best = min(best, time.perf_counter() - started)
            figures.cq_ms[query.name] = best * 1000
    finally:
        store.close()
    return figures, answers


def run(args: argparse.Namespace) -> list[StoreFigures]:
    results: list[StoreFigures] = []
    with tempfile.TemporaryDirectory(prefix="argmap-remote-bench-") as tmp:
        print(f"{EMBEDDED}: {args.articles} articles ...", flush=True)
        base, expected = measure(EMBEDDED, str(Path(tmp) / "embedded"), articles=args.articles, repeat=args.repeat)
        base.same_answers = True
        results.append(base)
        for kind in servers.ServerKind:
            reason = servers.missing(kind)
            if reason:
                results.append(StoreFigures(kind.value, note=reason))
                continue
            print(f"{kind.value}: starting the server, {args.articles} articles ...", flush=True)
            server = servers.start(kind, Path(tmp) / kind.value, max_rows=10_000)  # Virtuoso's own default
            try:
                figures, answers = measure(kind.value, server.url, articles=args.articles, repeat=args.repeat)
            finally:
                server.stop()
            figures.same_answers = answers == expected
            results.append(figures)
    return results


def ratio(value: float | None, base: float | None) -> str:
    return f"{value / base:.2f}x" if value is not None and base else "-"


def report(results: list[StoreFigures], *, articles: int, repeat: int) -> None:
    base = results[0]
    print(f"\n{articles} synthetic articles per store; competency questions best of {repeat} after a warm-up; "
          f"ratios against the embedded store measured in this run")
    head = (f"{'store':<16} {'ingest ms/art':>13} {'ratio':>7} {'reason ms':>10} {'ratio':>7} "
            f"{'8 CQs ms':>9} {'ratio':>7}  same answers")
    print(head + "\n" + "-" * len(head))
    for r in results:
        if r.note:
            print(f"{r.name:<16} not measured: {r.note}")
            continue
        print(f"{r.name:<16} {r.ingest_ms:>13.1f} {ratio(r.ingest_ms, base.ingest_ms):>7} {r.reason_ms:>10.0f} "
              f"{ratio(r.reason_ms, base.reason_ms):>7} {r.cq_total:>9.1f} {ratio(r.cq_total, base.cq_total):>7}  "
              f"{'yes' if r.same_answers else 'NO'}")
    print("\nper competency question (ms, ratio to embedded):")
    names = list(base.cq_ms)
    print(f"{'store':<16} " + " ".join(f"{n:>14}" for n in names))
    for r in results:
        if r.note:
            continue
        cells = [f"{r.cq_ms[n]:>6.1f} {ratio(r.cq_ms[n], base.cq_ms[n]):>7}" for n in names]
        print(f"{r.name:<16} " + " ".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=40, help="synthetic articles per store (default 40)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per competency question (best counts)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    results = run(args)
    report(results, articles=args.articles, repeat=args.repeat)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([dict(asdict(r), cq_total=r.cq_total) for r in results], indent=2),
                             encoding="utf-8")
    return 0 if all(r.same_answers or r.note for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
