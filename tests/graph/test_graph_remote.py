"""RemoteStore against a real Oxigraph server started on loopback (the `oxigraph` PyPI binary), not a mock."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
import pytest

from argmap.errors import QueryError, StoreError
from argmap.graph.io import export_dataset, import_dataset
from argmap.graph.iri import ONTOLOGY_GRAPH, article_iri
from argmap.graph.remote import Endpoints, parse_endpoints, parse_json_results, with_prefixes
from argmap.graph.results import AskResult, GraphResult, SelectResult
from argmap.graph.store import list_articles, open_store
from argmap.graph.synthetic import synthetic_analysis
from argmap.ingestion import Outcome, remove_article, store_analysis
from tests.graph.remote_servers import ServerKind, free_port, missing, oxigraph_binary, start


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    reason = missing(ServerKind.OXIGRAPH_UNION)
    if reason:
        pytest.skip(reason)
    server = start(ServerKind.OXIGRAPH_UNION, tmp_path_factory.mktemp("oxserver"))
    try:
        yield server.url
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://h:7878", Endpoints("http://h:7878/query", "http://h:7878/update")),
        ("http://h:7878/", Endpoints("http://h:7878/query", "http://h:7878/update")),
        ("http://h:8890/sparql", Endpoints("http://h:8890/sparql", "http://h:8890/sparql")),
        ("http://h:3030/ds?query=/ds/query&update=/ds/update", Endpoints("http://h:3030/ds/query", "http://h:3030/ds/update")),
        ("https://h/r?query=https://q.example/sparql&update=https://u.example/up",
         Endpoints("https://q.example/sparql", "https://u.example/up")),
    ],
)
def test_endpoint_urls(url: str, expected: Endpoints) -> None:
    assert parse_endpoints(url) == expected


def test_user_prefixes_are_not_declared_twice() -> None:
    text = with_prefixes("PREFIX am: <urn:x#>\nSELECT * {}")
    assert text.count("PREFIX am:") == 1 and "PREFIX amid:" in text


def test_articles_round_trip_through_a_real_server(server_url: str) -> None:
    st = open_store(server_url)
    try:
        assert str(ONTOLOGY_GRAPH) in st.graph_names()
        a, b = synthetic_analysis(1), synthetic_analysis(2)
        assert store_analysis(st, a).outcome is Outcome.ADDED
        store_analysis(st, b)
        assert store_analysis(st, a).outcome is Outcome.REPLACED
        assert [i.key for i in list_articles(st)] == [a.key, b.key]
        res = st.query("SELECT (COUNT(*) AS ?n) WHERE { ?c a am:Claim }")
        assert isinstance(res, SelectResult) and int(res.rows[0][0].value) == 8  # union default graph
        assert st.query("ASK { ?c a am:Evidence }") == AskResult(True)
        desc = st.query(f"DESCRIBE <{article_iri(a.key)}>")
        assert isinstance(desc, GraphResult) and desc.triples
        assert remove_article(st, a.key)
        assert [i.key for i in list_articles(st)] == [b.key]
    finally:
        st.close()


def test_errors_from_the_server_are_one_line(server_url: str) -> None:
    st = open_store(server_url, read_only=True)
    with pytest.raises(QueryError) as err:
        st.query("SELECT ?x WHERE { ?x ?y }")
    assert "\n" not in str(err.value)


def test_unreachable_endpoint_says_so() -> None:
    with pytest.raises(StoreError) as err:
        open_store(f"http://127.0.0.1:{free_port()}", read_only=True)  # first contact, on opening
    assert "cannot reach" in str(err.value)


def test_export_from_embedded_import_into_server(server_url: str, tmp_path: Path) -> None:
    local = open_store(tmp_path / "local")
    try:
        store_analysis(local, synthetic_analysis(7))
        dump = tmp_path / "d.nq"
        dump.write_bytes(export_dataset(local, "nq"))
    finally:
        local.close()
    remote = open_store(server_url)
    import_dataset(remote, dump)
    graph = str(article_iri(synthetic_analysis(7).key))
    local_quads = {q for q in ox.parse(dump.read_bytes(), format=ox.RdfFormat.N_QUADS) if q.graph_name.value == graph}
    remote_quads = {q for q in ox.parse(remote.dump(ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
                    if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == graph}
    assert remote_quads == local_quads


def test_a_server_without_argmap_data_is_refused_not_read_as_empty(tmp_path: Path) -> None:
    reason = missing(ServerKind.OXIGRAPH)
    if reason:
        pytest.skip(reason)
    server = start(ServerKind.OXIGRAPH, tmp_path / "ox")
    url = server.url
    try:
        with pytest.raises(StoreError, match="ingest an article first"):
            open_store(url, read_only=True)
        # Graphs someone else wrote (or an older argmap): named, and catalogued by the first writer.
        urllib.request.urlopen(urllib.request.Request(url + "/update", data=b"INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> a <urn:x:C> } }",
                                                      headers={"Content-Type": "application/sparql-update"})).read()
        with pytest.raises(StoreError, match="not catalogued"):
            open_store(url, read_only=True)
        open_store(url).close()
        reader = open_store(url, read_only=True)
        assert "urn:x:g" in reader.graph_names()
        assert reader.query("ASK { <urn:x:a> a <urn:x:C> }") == AskResult(True)
    finally:
        server.stop()


def test_virtuoso_json_results_are_read() -> None:
    """As Virtuoso 7 writes them: typed-literal, nodeID:// blank nodes, booleans as 1, ASK as one row."""
    body = (b'{ "head": { "link": [], "vars": ["s", "o", "b"] }, "results": { "distinct": false, "ordered": true, '
            b'"bindings": [ { "s": { "type": "bnode", "value": "nodeID://b10001" }, "o": { "type": "typed-literal", '
            b'"datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "7" }, "b": { "type": "typed-literal", '
            b'"datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "1" } }, { "s": { "type": "uri", '
            b'"value": "https://w3id.org/argmap/id/.well-known/genid/abc" }, "o": { "type": "literal", "xml:lang": "zh", '
            b'"value": "\\u4E2D" } } ] } }')
    res = parse_json_results(body)
    assert isinstance(res, SelectResult)
    assert res.rows[0] == (ox.BlankNode("b10001"), ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                           ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")))
    assert res.rows[1] == (ox.BlankNode("abc"), ox.Literal("中", language="zh"), None)  # a skolem IRI read back


def test_quoted_triples_in_json_results_are_read_and_broken_ones_refused() -> None:
    """SPARQL 1.2 results may bind a quoted triple; one without its three terms is a clear StoreError."""
    term = '{"type": "uri", "value": "https://example.org/%s"}'
    whole = '{"type": "triple", "value": {"subject": %s, "predicate": %s, "object": %s}}' % (
        term % "s", term % "p", term % "o")
    body = '{"head": {"vars": ["t"]}, "results": {"bindings": [{"t": %s}]}}'
    res = parse_json_results((body % whole).encode())
    assert isinstance(res, SelectResult)
    assert res.rows[0] == (ox.Triple(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                                     ox.NamedNode("https://example.org/o")),)
    broken = '{"type": "triple", "value": {"subject": %s}}' % (term % "s")
    with pytest.raises(StoreError, match="quoted triple"):
        parse_json_results((body % broken).encode())


def test_a_kept_alive_connection_survives_a_server_restart(tmp_path: Path) -> None:
    """Queries reuse their connection; when the server restarted in between, the query goes once more on a new one."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary (PyPI package `oxigraph`) is not installed")
    port = free_port()
    url = f"http://127.0.0.1:{port}"

    def serve() -> subprocess.Popen[bytes]:
        proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                return proc
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.1)

    proc = serve()
    try:
        st = open_store(url)
        store_analysis(st, synthetic_analysis(3))
        assert st.query("ASK { ?c a am:Claim }") == AskResult(True)
        proc.terminate()
        proc.wait(timeout=10)
        proc = serve()
        assert st.query("ASK { ?c a am:Claim }") == AskResult(True)
        st.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
