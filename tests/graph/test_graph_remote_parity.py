"""Remote stores give the embedded store's answers: the same operations on the embedded store and on real
servers started here on loopback (the Oxigraph server with and without --union-default-graph, Virtuoso 7),
then ingest, reason, every competency question, the map, articles, export, import, validate, re-ingest and
remove compared answer by answer."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
import pytest

import time

from argmap.errors import QueryTimeoutError, StoreError
from argmap.graph.io import export_dataset, import_dataset
from argmap.graph.iri import SKOLEM_BASE, STAGING_GRAPHS, article_iri
from argmap.graph.results import AskResult, GraphResult, SelectResult
from argmap.graph.store import Store, list_articles, open_store
from argmap.graph.synthetic import synthetic_analysis
from argmap.ingestion import Outcome, remove_article, store_analysis
from argmap.ontology.namespaces import AMID
from argmap.ontology.queries import COMPETENCY_NUMBERS, competency_query
from argmap.ontology.validate import validate_store
from argmap.reasoner import run_reasoner
from argmap.viz.viewmodel import load_view_model
from tests.graph import remote_servers as servers

ARTICLES = 6
REMOVED = 5


def _scenario(store: Store) -> None:
    """Ingest, re-ingest one article, remove one, reason (without HermiT: no Java needed)."""
    for i in range(ARTICLES):
        assert store_analysis(store, synthetic_analysis(i)).outcome is Outcome.ADDED
    assert store_analysis(store, synthetic_analysis(0)).outcome is Outcome.REPLACED
    assert remove_article(store, synthetic_analysis(REMOVED).key)
    run_reasoner(store, classify=False)


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    st = open_store(tmp_path_factory.mktemp("embedded") / "store")
    _scenario(st)
    yield st
    st.close()


@pytest.fixture(scope="module", params=list(servers.ServerKind), ids=lambda k: k.value)
def remote(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    kind: servers.ServerKind = request.param
    reason = servers.missing(kind)
    if reason:
        pytest.skip(reason)
    server = servers.start(kind, tmp_path_factory.mktemp(kind.value))
    try:
        st = open_store(server.url)
        _scenario(st)
        yield st
    finally:
        server.stop()


def _comparable(result: object) -> list[tuple[str, ...]]:
    """Rows as sorted tuples of N-Triples text; a blank node is only "a blank node" (labels differ)."""
    if isinstance(result, AskResult):
        return [(str(result.value),)]
    if isinstance(result, GraphResult):
        return sorted(tuple("_:" if isinstance(t, ox.BlankNode) else str(t) for t in (x.subject, x.predicate, x.object))
                      for x in result.triples)
    assert isinstance(result, SelectResult)
    return sorted(tuple("_:" if isinstance(t, ox.BlankNode) else str(t) for t in row) for row in result.rows)


def _cq_params() -> dict[int, dict[str, str]]:
    from argmap.graph.iri import statement_iri

    probe = synthetic_analysis(0)
    central = next(s for s in probe.statements if s.central)
    claim = str(statement_iri(probe.key, central.start, central.end))
    return {1: {"brand": "xiaomi"}, 2: {"claim": claim}, 3: {"brand": "xiaomi"}, 4: {"brand": "xiaomi"},
            5: {"brand": "xiaomi"}, 6: {"article": str(article_iri(probe.key))}, 7: {"brand": "xiaomi"}, 8: {}}


def _concatenations_as_sets(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """SPARQL leaves the order inside GROUP_CONCAT to the server: compare its parts as sets."""
    def cell(text: str) -> str:
        if not text.startswith('"') or text.count('"') != 2:
            return text
        separator = ", " if ", " in text else " "
        return '"' + separator.join(sorted(text.strip('"').split(separator))) + '"'
    return sorted(tuple(cell(c) for c in row) for row in rows)


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS)
def test_competency_questions_give_the_same_rows(embedded: Store, remote: Store, number: int) -> None:
    sparql = competency_query(number, **_cq_params()[number]).sparql
    expected = _comparable(embedded.query(sparql))
    got = _comparable(remote.query(sparql))
    # 3, 4 and 7 ask about strategies, which need HermiT's classification (Java), left out here.
    assert expected or number in (3, 4, 7), "the synthetic store answers this competency question"
    if "GROUP_CONCAT" in sparql:
        got, expected = _concatenations_as_sets(got), _concatenations_as_sets(expected)
    assert got == expected


def test_articles_graphs_and_shared_facts_match(embedded: Store, remote: Store) -> None:
    assert list_articles(remote) == list_articles(embedded)
    assert [i.key for i in list_articles(remote)] == sorted(synthetic_analysis(i).key for i in range(ARTICLES)
                                                            if i != REMOVED)
    assert remote.graph_names() == embedded.graph_names()
    # A fact many articles share counts once (set semantics), on every server and flag.
    shared = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{AMID}brand/xiaomi> rdfs:label ?l }}"
    assert _comparable(remote.query(shared)) == _comparable(embedded.query(shared))
    every = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert _comparable(remote.query(every)) == _comparable(embedded.query(every))


def test_results_past_the_server_row_limit_are_paged_not_cut(embedded: Store, remote: Store) -> None:
    # Virtuoso here cuts at 1,000 rows; the union holds several thousand triples.
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    expected = _comparable(embedded.query(everything))
    assert len(expected) > 2_000
    assert _comparable(remote.query(everything)) == expected
    graph = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert _comparable(remote.query(graph)) == _comparable(embedded.query(graph))


def test_a_query_with_its_own_limit_past_the_server_row_limit_is_paged_within_it(embedded: Store, remote: Store) -> None:
    # Blank nodes are stored as skolem IRIs on a server: left out, as they sort differently there.
    no_blank = " && ".join(f'!isBlank(?{v}) && !STRSTARTS(STR(?{v}), "{SKOLEM_BASE}")' for v in "so")
    ordered = f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER ({no_blank}) }} ORDER BY ?s ?p STR(?o) LANG(?o) LIMIT 2500 OFFSET 7"
    expected = embedded.query(ordered)
    got = remote.query(ordered)
    assert isinstance(got, SelectResult) and isinstance(expected, SelectResult)
    assert len(expected.rows) == 2_500 and got.rows == expected.rows  # the same rows in the same order


def test_the_map_and_validation_match(embedded: Store, remote: Store) -> None:
    local, far = load_view_model(embedded), load_view_model(remote)
    assert far.node_count == local.node_count > 0
    assert sorted(far.statements) == sorted(local.statements)
    assert sorted(far.entities) == sorted(local.entities)
    assert sorted((e.source, e.target, e.kind) for e in far.edges) == sorted((e.source, e.target, e.kind) for e in local.edges)
    assert validate_store(remote) == validate_store(embedded)


def _named_quads(store: Store) -> list[tuple[str, ...]]:
    quads = ox.parse(export_dataset(store, "nq"), format=ox.RdfFormat.N_QUADS)
    return sorted(tuple("_:" if isinstance(t, ox.BlankNode) else str(t) for t in (q.subject, q.predicate, q.object, q.graph_name))
                  for q in quads)


def test_export_and_import_round_trip(embedded: Store, remote: Store, tmp_path: Path) -> None:
    assert _named_quads(remote) == _named_quads(embedded)
    ttl = sorted(str(t) for t in ox.parse(export_dataset(remote, "ttl"), format=ox.RdfFormat.TURTLE)
                 if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode))
    assert ttl == sorted(str(t) for t in ox.parse(export_dataset(embedded, "ttl"), format=ox.RdfFormat.TURTLE)
                         if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode))
    dump = tmp_path / "embedded.nq"
    dump.write_bytes(export_dataset(embedded, "nq"))
    import_dataset(remote, dump)  # replaces each graph with the embedded store's: nothing changes
    assert _named_quads(remote) == _named_quads(embedded)
    assert list_articles(remote) == list_articles(embedded)


def test_a_query_past_its_timeout_is_stopped_on_the_server(remote: Store) -> None:
    if getattr(remote, "profile").kind.value != "virtuoso":
        pytest.skip("the Oxigraph server takes no timeout per request: its --timeout-s bounds every query")
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError):
        remote.query(cross, timeout=1.0)
    assert time.monotonic() - started < servers.QUERY_TIMEOUT_SECONDS / 2  # the server stopped it, not its own limit
    started = time.monotonic()
    assert remote.query("ASK { ?s ?p ?o }") == AskResult(True)
    assert time.monotonic() - started < 5  # nothing left running there


def test_virtuoso_that_refuses_updates_is_named_on_first_write(tmp_path: Path) -> None:
    reason = servers.missing(servers.ServerKind.VIRTUOSO)
    if reason:
        pytest.skip(reason)
    server = servers.start(servers.ServerKind.VIRTUOSO, tmp_path / "virtuoso", grant_updates=False)
    try:
        with pytest.raises(StoreError) as err:
            open_store(server.url)  # writable: the ontology is written on first contact
        assert "GRANT SPARQL_UPDATE" in str(err.value) and "\n" not in str(err.value)
    finally:
        server.stop()


def test_a_store_of_many_graphs_is_queried_whole(remote: Store) -> None:
    """Every graph is named in each query's dataset: 150 of them must not break the request or its answer."""
    graphs = {f"urn:argmap-test:g{i:03d}": [ox.Triple(ox.NamedNode(f"urn:argmap-test:s{i}"), ox.NamedNode("urn:argmap-test:p"),
                                                      ox.Literal(str(i)))] for i in range(150)}
    remote.replace_graphs(graphs)
    try:
        res = remote.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s <urn:argmap-test:p> ?o } }")
        assert isinstance(res, SelectResult) and sorted(r[0].value for r in res.rows) == sorted(graphs)
        assert remote.query("ASK { <urn:argmap-test:s149> <urn:argmap-test:p> \"149\" }") == AskResult(True)
    finally:
        for graph in graphs:
            remote.remove_graph(graph)
    assert remote.query("ASK { ?s <urn:argmap-test:p> ?o }") == AskResult(False)


def test_a_large_write_cut_short_leaves_the_graph_as_it_was(remote: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Virtuoso a graph over one batch is staged, then swapped in by one request: cut the write off after its
    first batch (the connection lost, say) and the graph, the union and the catalog are as before."""
    if getattr(remote, "profile").update_batch_triples is None:
        pytest.skip("this server takes every write in one request (one transaction)")
    graph = "urn:argmap-test:large"

    def triples(version: str) -> list[ox.Triple]:
        return [ox.Triple(ox.NamedNode(f"urn:argmap-test:s{i}"), ox.NamedNode("urn:argmap-test:v"), ox.Literal(version))
                for i in range(2_500)]

    remote.replace_graph(graph, triples("old"))
    count = f"SELECT ?v (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s <urn:argmap-test:v> ?v }} }} GROUP BY ?v"
    union = "SELECT ?v (COUNT(*) AS ?n) WHERE { ?s <urn:argmap-test:v> ?v } GROUP BY ?v"
    before = (_comparable(remote.query(count)), _comparable(remote.query(union)), remote.graph_names())
    assert before[0] == [('"old"', '"2500"^^<http://www.w3.org/2001/XMLSchema#integer>')]
    sent = []
    real_send = remote._send_update  # type: ignore[attr-defined]

    def cut_after_one_batch(sparql: str) -> None:
        sent.append(sparql)
        if len(sent) == 2:
            raise StoreError("the connection was lost")
        real_send(sparql)

    monkeypatch.setattr(remote, "_send_update", cut_after_one_batch)
    with pytest.raises(StoreError, match="connection was lost"):
        remote.replace_graph(graph, triples("new"))
    monkeypatch.undo()
    assert (_comparable(remote.query(count)), _comparable(remote.query(union)), remote.graph_names()) == before
    staging = f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{STAGING_GRAPHS}")) }}'
    assert not remote._ask(staging)  # type: ignore[attr-defined]  # on the server's whole dataset: cleaned up
    remote.replace_graph(graph, triples("new"))
    assert _comparable(remote.query(count)) == [('"new"', '"2500"^^<http://www.w3.org/2001/XMLSchema#integer>')]
    remote.remove_graph(graph)
