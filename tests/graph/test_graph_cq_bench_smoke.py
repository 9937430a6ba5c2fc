"""bench/cq_bench.py on a tiny store: it builds a real argmap store, and every engine gives the same answers."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest

from argmap.graph.iri import ONTOLOGY_GRAPH, REASONER_GRAPH
from argmap.graph.store import list_articles, open_store

BENCH = Path(__file__).resolve().parents[2] / "bench"
TRIPLES = 2000


@pytest.fixture()
def bench() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        import cq_bench

        yield cq_bench
    finally:
        sys.path.remove(str(BENCH))


def test_graph_cq_bench_store_is_an_argmap_store_and_engines_agree(bench: ModuleType, tmp_path: Path) -> None:
    paths = bench.DatasetPaths.under(tmp_path, TRIPLES)
    meta = bench.ensure_dataset(paths, TRIPLES, reason=True, rebuild=False)
    assert meta.built and meta.distinct_triples >= TRIPLES and meta.reasoner_quads > 0
    assert meta.distinct_triples < meta.union_triples < meta.quads  # the union holds a shared triple once

    st = open_store(paths.store, read_only=True)
    try:
        assert len(list_articles(st)) == meta.articles
        assert {str(ONTOLOGY_GRAPH), str(REASONER_GRAPH)} <= set(st.graph_names())
    finally:
        st.close()
    assert not bench.ensure_dataset(paths, TRIPLES, reason=True, rebuild=False).built  # cached

    queries = bench.bench_queries()
    timings = bench.time_oxigraph(paths, queries, 1, 30.0)
    assert not any(t.ox_timed_out for t in timings)
    assert [t.rows for t in timings] == [t.raw_rows for t in timings]
    rows = {t.name: t.rows for t in timings}
    assert rows["cq1"] and rows["cq2"] and rows["cq5"] and rows["cq6"]  # the parameters exist in the data

    rdflib = bench.run_child("rdflib", paths=paths, nquads=paths.nquads, queries=queries, timeout=30.0,
                           wall_limit=120.0)
    assert rdflib.rows == [t.rows for t in timings]
    assert rdflib.peak_rss_mib > rdflib.baseline_rss_mib > 0
