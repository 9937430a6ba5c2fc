"""A store behind a SPARQL 1.1 Query + Update endpoint (Oxigraph server, Fuseki, GraphDB, Virtuoso, Neptune).

``--store`` URL forms:

- ``http://host:7878`` (no path): Oxigraph server layout, ``/query`` and ``/update``.
- ``http://host:3030/ds/sparql`` (a path): one endpoint for both (Virtuoso ``/sparql``, Fuseki ``/ds``).
- ``http://host:3030/ds?query=/ds/query&update=/ds/update``: explicit endpoints, as paths or
  full URLs (GraphDB: ``?query=/repositories/R&update=/repositories/R/statements``).

argmap expects the endpoint's default graph to be the union of its named graphs (one per
article). Oxigraph server: start it with ``--union-default-graph``. Fuseki: ``tdb2:unionDefaultGraph
true``. GraphDB and Virtuoso merge named graphs into the default graph by default. Each article is
written in one update request; Oxigraph, Fuseki (TDB2) and GraphDB apply one request as one
transaction.
"""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import parse_qs, urljoin, urlsplit, urlunsplit

import pyoxigraph as ox

from argmap.errors import QueryError, QueryTimeoutError, StoreError
from argmap.graph.results import GraphResult, QueryResult, to_result
from argmap.graph.store import replace_graph_update
from argmap.graph.timeout import check_timeout
from argmap.ontology.namespaces import PREFIXES

DEFAULT_TIMEOUT_SECONDS = 300.0
INSERT_BATCH_TRIPLES = 20_000
RESULT_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
_GRAPH_MIMES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_RESULT_MIMES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.I)


@dataclass(frozen=True, slots=True)
class Endpoints:
    query: str
    update: str


def parse_endpoints(url: str) -> Endpoints:
    """The query and update URLs a ``--store`` URL stands for (see the module doc)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(f"{url!r} is not an http(s) SPARQL endpoint URL")
    base = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
    params = parse_qs(parts.query)
    if "query" in params or "update" in params:
        query = urljoin(base, params.get("query", [parts.path or "/"])[0])
        update = urljoin(base, params.get("update", [parts.path or "/"])[0])
        return Endpoints(query, update)
    if parts.path in ("", "/"):
        return Endpoints(urljoin(base, "/query"), urljoin(base, "/update"))
    return Endpoints(base, base)


def with_prefixes(sparql: str) -> str:
    """The predeclared prefixes the text does not declare itself, on one line before it."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(sparql)}
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared]
    return (" ".join(missing) + "\n" + sparql) if missing else sparql


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """One INSERT DATA for quads of any graphs."""
    parts = []
    for q in quads:
        triple = f"{q.subject} {q.predicate} {q.object} ."
        parts.append(triple if isinstance(q.graph_name, ox.DefaultGraph) else f"GRAPH {q.graph_name} {{ {triple} }}")
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


class RemoteStore:
    """The ``Store`` protocol over HTTP (urllib, no extra dependency)."""

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self.url = url
        self.endpoints = parse_endpoints(url)
        self.timeout = timeout

    # ---------------------------------------------------------------- HTTP

    def _post(self, endpoint: str, mime: str, text: str, *, accept: str | None, timeout: float) -> tuple[str, bytes]:
        headers = {"Content-Type": f"{mime}; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        req = urllib.request.Request(endpoint, data=text.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read().decode("utf-8", "replace").split())[:300]
            if err.code == 400:
                # One line was added in front: the predeclared prefixes.
                raise QueryError(f"the endpoint refused the request (line numbers count one prefix line): {detail}") from None
            raise StoreError(f"the endpoint {endpoint} answered {err.code} {err.reason}: {detail}") from None
        except (socket.timeout, TimeoutError):
            raise QueryTimeoutError(f"the endpoint {endpoint} did not answer within {timeout:g} s") from None
        except urllib.error.URLError as err:
            if isinstance(err.reason, (socket.timeout, TimeoutError)):
                raise QueryTimeoutError(f"the endpoint {endpoint} did not answer within {timeout:g} s") from None
            raise StoreError(f"cannot reach the SPARQL endpoint {endpoint} ({err.reason}); start it or check --store") from None

    # ---------------------------------------------------------------- Store protocol

    def query(self, sparql: str, *, timeout: float | None = None, limit: int | None = None,
              memory_mb: int | None = None) -> QueryResult:  # memory is the remote server's to bound
        check_timeout(timeout)
        ctype, body = self._post(self.endpoints.query, "application/sparql-query", with_prefixes(sparql),
                                 accept=RESULT_ACCEPT, timeout=timeout or self.timeout)
        mime = ctype.split(";")[0].strip().lower()
        try:
            if mime in _RESULT_MIMES:
                return to_result(ox.parse_query_results(body, format=_RESULT_MIMES[mime]), limit=limit)
            if mime in _GRAPH_MIMES:
                triples = [q.triple for q in ox.parse(body, format=_GRAPH_MIMES[mime])]
                cut = triples[:limit] if limit is not None else triples
                return GraphResult(cut, truncated=len(cut) < len(triples))
        except SyntaxError as exc:
            raise StoreError(f"the endpoint sent a result argmap cannot read: {exc}") from None
        raise StoreError(f"the endpoint answered in {mime or 'an unnamed format'}, which argmap cannot read")

    def update(self, sparql: str) -> None:
        self._post(self.endpoints.update, "application/sparql-update", with_prefixes(sparql), accept=None,
                   timeout=self.timeout)

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None:
        self.update(replace_graph_update(graph, triples))

    def replace_graphs(self, graphs: dict[str, list[ox.Triple]]) -> None:
        self.update(" ;\n".join(replace_graph_update(g, t) for g, t in graphs.items()))  # one request

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def graph_names(self) -> list[str]:
        res = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        rows = getattr(res, "rows", [])
        return sorted(r[0].value for r in rows if isinstance(r[0], ox.NamedNode))

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        if not fmt.supports_datasets:
            res = self.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            triples = res.triples if isinstance(res, GraphResult) else []
            data = ox.serialize(triples, format=fmt, prefixes=PREFIXES)
        else:
            res = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
            quads = [ox.Quad(s, p, o, g) for g, s, p, o in getattr(res, "rows", [])]
            data = ox.serialize(quads, format=fmt)
        return data if isinstance(data, bytes) else b""

    def load(self, data: bytes, fmt: ox.RdfFormat) -> None:
        try:
            quads = list(ox.parse(data, format=fmt))
        except SyntaxError as exc:
            raise StoreError(f"cannot import: {exc}; nothing was loaded") from None
        for start in range(0, len(quads), INSERT_BATCH_TRIPLES):
            self.update(insert_data(quads[start:start + INSERT_BATCH_TRIPLES]))

    def session(self) -> AbstractContextManager[object]:
        return nullcontext()  # HTTP has no handle to keep open

    def close(self) -> None:
        """Nothing to release: each request is its own connection."""

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
