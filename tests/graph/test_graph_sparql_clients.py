"""`argmap serve`'s SPARQL endpoint driven by real clients: rdflib's SPARQLStore and SPARQLWrapper, with their
default settings (RDF/XML for graphs), named graphs and the protocol's dataset parameters; HEAD, the service
description, W3C TSV, and updates that cannot be applied (4xx with one line, nothing lost)."""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from SPARQLWrapper import JSON, SPARQLWrapper

from argmap.graph.iri import article_iri
from argmap.graph.store import open_store
from argmap.graph.synthetic import synthetic_analysis
from argmap.graph.terms import SD
from argmap.ingestion import store_analysis
from argmap.ontology import AM
from argmap.server.app import AppConfig, RunningServer, start_server

BRANDS = f"SELECT DISTINCT ?b WHERE {{ ?b a <{AM.Brand}> }}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    store = open_store(tmp_path_factory.mktemp("clients") / "store")
    for i in range(3):
        store_analysis(store, synthetic_analysis(i))
    running = start_server(store, config=AppConfig(allow_update=True, timeout=20))
    try:
        yield running
    finally:
        running.stop()
        store.close()


@pytest.fixture(scope="module")
def endpoint(server: RunningServer) -> str:
    return server.url + "/sparql"


def _call(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers.items()), err.read()


def test_sparqlwrapper_select_ask_construct_describe(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery(BRANDS)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    assert len(bindings) >= 3
    client = SPARQLWrapper(endpoint)
    client.setQuery(f"ASK {{ ?b a <{AM.Brand}> }}")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True  # type: ignore[index]
    for text in (f"CONSTRUCT {{ ?b a <{AM.Brand}> }} WHERE {{ ?b a <{AM.Brand}> }}",
                 f"DESCRIBE <{article_iri(synthetic_analysis(0).key)}>"):
        client = SPARQLWrapper(endpoint)  # its default for graphs: RDF/XML, parsed by rdflib
        client.setQuery(text)
        graph = client.query().convert()
        assert isinstance(graph, Graph) and len(graph) > 0


def test_sparqlwrapper_reads_named_graphs(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{AM.Article}> }} }} ORDER BY ?g")
    client.setReturnFormat(JSON)
    graphs = [b["g"]["value"] for b in client.query().convert()["results"]["bindings"]]  # type: ignore[index]
    assert graphs == [str(article_iri(synthetic_analysis(i).key)) for i in range(3)]


def test_rdflib_sparqlstore_with_its_defaults(endpoint: str) -> None:
    union = Graph(store=SPARQLStore(endpoint))
    every = {row[0] for row in union.query(BRANDS)}  # type: ignore[index]
    constructed = union.query(f"CONSTRUCT {{ ?b a <{AM.Brand}> }} WHERE {{ ?b a <{AM.Brand}> }}").graph
    assert constructed is not None and {s for s, _, _ in constructed} == every
    # A graph with an identifier sends it as default-graph-uri: only that article's brands answer.
    one = Graph(store=SPARQLStore(endpoint), identifier=URIRef(str(article_iri(synthetic_analysis(0).key))))
    own = {row[0] for row in one.query(BRANDS)}  # type: ignore[index]
    assert own and own < every


def test_dataset_parameters_in_the_url_and_the_form_body(endpoint: str) -> None:
    graph = str(article_iri(synthetic_analysis(1).key))
    counts = []
    for url, data in ((endpoint + "?" + urllib.parse.urlencode({"query": BRANDS, "default-graph-uri": graph}), None),
                      (endpoint, urllib.parse.urlencode({"query": BRANDS, "default-graph-uri": graph}).encode()),
                      (endpoint + "?" + urllib.parse.urlencode({"default-graph-uri": graph}), BRANDS.encode()),
                      (endpoint, urllib.parse.urlencode({"query": BRANDS}).encode())):
        ctype = "application/x-www-form-urlencoded" if data and data.startswith(b"query=") else "application/sparql-query"
        status, _, body = _call(url, data=data, headers={"Content-Type": ctype} if data else {})
        assert status == 200, body
        counts.append(len(json.loads(body)["results"]["bindings"]))
    assert counts[0] == counts[1] == counts[2] < counts[3]
    named = urllib.parse.urlencode({"query": "SELECT ?g WHERE { GRAPH ?g { } }", "named-graph-uri": graph})
    _, _, body = _call(endpoint + "?" + named)
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [graph]


def test_head_and_the_service_description(endpoint: str) -> None:
    status, headers, body = _call(endpoint, method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    status, headers, body = _call(endpoint)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    description = Graph().parse(data=body, format="turtle")
    service = next(description.subjects(predicate=URIRef(str(SD.endpoint))))
    assert (service, URIRef(str(SD.endpoint)), URIRef(endpoint)) in description
    names = {str(o) for o in description.objects(predicate=URIRef(str(SD.name)))}
    assert str(article_iri(synthetic_analysis(2).key)) in names
    _, headers, body = _call(endpoint, headers={"Accept": "application/rdf+xml"})
    assert headers["Content-Type"].startswith("application/rdf+xml") and len(Graph().parse(data=body, format="xml"))


def test_tsv_is_the_w3c_format(endpoint: str) -> None:
    query = urllib.parse.urlencode({"query": f"SELECT ?b ?l WHERE {{ ?b a <{AM.Brand}> ; rdfs:label ?l }}"})
    status, headers, body = _call(endpoint + "?" + query, headers={"Accept": "text/tab-separated-values"})
    assert status == 200 and b"\r" not in body
    result = Result.parse(io.BytesIO(body), format="tsv")
    assert len(list(result)) == body.count(b"\n") - 1 > 0


@pytest.mark.parametrize(
    ("update", "fragment"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", b"default graph"),
        (f"CREATE GRAPH <{article_iri(synthetic_analysis(0).key)}>", b"already exists"),
        ("LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <urn:g>", b"LOAD"),
        ("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> ", b"syntax"),
    ],
)
def test_updates_that_cannot_be_applied_are_4xx_in_one_line(endpoint: str, update: str, fragment: bytes) -> None:
    before = _call(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}))[2]
    status, headers, body = _call(endpoint, data=update.encode(), headers={"Content-Type": "application/sparql-update"})
    assert 400 <= status < 500 and headers["Content-Type"].startswith("text/plain")
    assert fragment in body and body.count(b"\n") == 1
    after = _call(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}))[2]
    assert after == before  # nothing changed


def test_an_update_into_a_named_graph_is_kept(endpoint: str, tmp_path: Path) -> None:
    status, _, _ = _call(endpoint, data=b"INSERT DATA { GRAPH <urn:kept> { <urn:a> <urn:b> <urn:c> } }",
                         headers={"Content-Type": "application/sparql-update"})
    assert status == 204
    _, _, body = _call(endpoint + "?" + urllib.parse.urlencode({"query": "ASK { <urn:a> <urn:b> <urn:c> }"}))
    assert json.loads(body)["boolean"] is True
    _call(endpoint, data=b"DROP GRAPH <urn:kept>", headers={"Content-Type": "application/sparql-update"})
