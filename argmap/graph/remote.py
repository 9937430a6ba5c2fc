"""A store behind a SPARQL 1.1 Query + Update endpoint: the Oxigraph server (with or without
``--union-default-graph``), Virtuoso 7, and any server that follows the protocol (Fuseki, GraphDB).

``--store`` URL forms:

- ``http://host:7878`` (no path): Oxigraph server layout, ``/query`` and ``/update``.
- ``http://host:8890/sparql`` (a path): one endpoint for both (Virtuoso ``/sparql``, Fuseki ``/ds``).
- ``http://host:3030/ds?query=/ds/query&update=/ds/update``: explicit endpoints, as paths or
  full URLs (GraphDB: ``?query=/repositories/R&update=/repositories/R/statements``).

Set semantics on any server. Servers disagree on what a query's default graph is (Oxigraph: an
empty graph of its own, or with its flag the *bag* union of every graph; Virtuoso: the bag union of
every graph, its system graphs included). argmap does not depend on it: like the embedded store it
keeps the *set* union of its named graphs itself, in the graph ``amid:graph/union``, and the names of
its graphs in ``amid:graph/catalog``; every query is sent with that dataset (``default-graph-uri`` the
union, one ``named-graph-uri`` per graph of the catalog), unless the query names its own with FROM.
So a fact that several articles share counts once, on every server, with every server flag.

The client fits the server it meets (``ServerProfile``, from the ``Server`` header of the first answer):
every request is a form POST (a body of any length, the dataset parameters beside the text; Virtuoso
never answers a direct ``application/sparql-query`` POST); Accept asks for SPARQL results for SELECT/ASK
and for N-Triples for CONSTRUCT/DESCRIBE; blank nodes are written as skolem IRIs under
``amid:.well-known/genid/`` (Virtuoso refuses blank nodes in INSERT DATA) and read back as blank
nodes; a result cut at the server's row limit (Virtuoso's ``X-SPARQL-MaxRows``) is fetched again page
by page, or refused in one line, never silently short; a partial answer (Virtuoso's ``X-SQL-State``)
is an error; the query's timeout goes to the server (``timeout=``: seconds, Virtuoso milliseconds),
which stops the query there too (start the Oxigraph server with ``--timeout-s``: it takes no timeout per
request). Writes go in one request (one transaction) where the server takes any size, in batches of
``update_batch_triples`` on Virtuoso (its SQL compiler refuses a statement of over 10,000 lines): one request per
graph there, a larger graph assembled in a staging graph and swapped in by one request, so that a write cut
short leaves each graph as it was.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import uuid
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import Enum
from typing import Iterable, Iterator
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import pyoxigraph as ox
from rdflib.namespace import XSD

from argmap.errors import ArgmapError, QueryError, QueryTimeoutError, StoreError, UpdateRefusedError
from argmap.graph.http_client import HttpAnswer, KeepAliveClient
from argmap.graph.iri import CATALOG_GRAPH, IMPORTED_GRAPH, SKOLEM_BASE, STAGING_GRAPHS, UNION_GRAPH
from argmap.graph.query_text import QueryForm, graph_constants, names_dataset, query_form, writes_default_graph
from argmap.graph.results import AskResult, GraphResult, QueryDataset, QueryResult, SelectResult, Term
from argmap.graph.store import DEFAULT_GRAPH_REFUSAL
from argmap.graph.terms import SD
from argmap.graph.timeout import check_timeout, timeout_message
from argmap.ontology.namespaces import PREFIXES

DEFAULT_TIMEOUT_SECONDS = 300.0
TIMEOUT_GRACE_SECONDS = 10.0  # the socket waits this much past the server's own deadline
SELECT_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.5"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.8"
FORM = "application/x-www-form-urlencoded"
_GRAPH_MIMES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_TRAILING_SLICE = re.compile(r"(?<![?$\w:])(LIMIT|OFFSET)\s+(\d+)$", re.I)
_NODE_ID = re.compile(r"[^A-Za-z0-9_]")
XSD_BOOLEAN = str(XSD.boolean)
# A query whose answer has more rows than any server's limit is likely to be (100,000), cheap to compute: it
# tells a server that cuts results without saying so on graph answers (Virtuoso) what its limit is.
ROW_CAP_PROBE = "SELECT * WHERE { " + " ".join(
    f"VALUES ?{v} {{ 0 1 2 3 4 5 6 7 8 9 }}" for v in "abcde") + " }"


class ServerKind(str, Enum):
    OXIGRAPH = "oxigraph"
    VIRTUOSO = "virtuoso"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ServerProfile:
    kind: ServerKind
    update_batch_triples: int | None  # None: a write of any size is one request (one transaction)
    timeout_scale: float  # the ``timeout`` parameter's unit: 1 for seconds, 1000 for milliseconds
    system_graphs: tuple[str, ...] = ()  # IRI starts of the server's own graphs, never argmap's
    hidden_row_cap: bool = False  # cuts graph answers at its row limit without a header: learn it first
    dataset_in_text: bool = False  # the dataset as ``define input:…`` pragmas: Virtuoso echoes every
    # named-graph-uri as a response header, and past 100 headers no HTTP client reads the answer

    @classmethod
    def for_server(cls, server: str) -> ServerProfile:
        name = server.lower()
        if name.startswith("virtuoso"):
            return cls(ServerKind.VIRTUOSO, 1_000, 1000.0,
                       ("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://localuriqaserver/"),
                       hidden_row_cap=True, dataset_in_text=True)
        if name.startswith("oxigraph"):
            return cls(ServerKind.OXIGRAPH, None, 1.0)
        return cls(ServerKind.OTHER, None, 1.0)


@dataclass(frozen=True, slots=True)
class Endpoints:
    query: str
    update: str


@dataclass(frozen=True, slots=True)
class _Answer:
    headers: dict[str, str]
    body: bytes

    @property
    def mime(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


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


# ----------------------------------------------------------------- blank nodes <-> skolem IRIs


def skolem_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The term as SPARQL text, a blank node as its skolem IRI."""
    if isinstance(term, ox.BlankNode):
        return f"<{SKOLEM_BASE}{term.value}>"
    if isinstance(term, ox.Triple):
        return f"<< {skolem_text(term.subject)} {skolem_text(term.predicate)} {skolem_text(term.object)} >>"
    return str(term)


def unskolemise(term: Term) -> Term:
    if isinstance(term, ox.NamedNode) and term.value.startswith(str(SKOLEM_BASE)):
        return ox.BlankNode(term.value[len(SKOLEM_BASE):])
    if isinstance(term, ox.Triple):
        return ox.Triple(unskolemise(term.subject), term.predicate, unskolemise(term.object))  # type: ignore[arg-type]
    return term


def _triple_lines(triples: Iterable[ox.Triple]) -> list[str]:
    return [f"{skolem_text(t.subject)} {skolem_text(t.predicate)} {skolem_text(t.object)} ." for t in triples]


# ----------------------------------------------------------------- results


def parse_json_results(body: bytes) -> SelectResult | AskResult:
    """SPARQL 1.1 JSON results, as Virtuoso writes them too (``typed-literal``, ``nodeID://`` blank nodes)."""
    try:
        doc = json.loads(body)
    except ValueError as exc:
        raise StoreError(f"the endpoint sent results argmap cannot read: {exc}") from None
    if "boolean" in doc:
        return AskResult(bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    rows = [tuple(_json_term(b[v]) if v in b else None for v in variables)
            for b in doc.get("results", {}).get("bindings", [])]
    return SelectResult(variables, rows)


def _json_term(value: dict[str, object]) -> Term:
    kind, text = value.get("type"), str(value.get("value", ""))
    if kind == "uri":
        return unskolemise(ox.NamedNode(text))
    if kind == "bnode":
        return ox.BlankNode(_NODE_ID.sub("_", text.removeprefix("nodeID://").removeprefix("_:")) or "b")
    if kind in ("literal", "typed-literal"):
        lang, datatype = value.get("xml:lang"), value.get("datatype")
        if lang:
            return ox.Literal(text, language=str(lang))
        return _literal(text, str(datatype)) if datatype else ox.Literal(text)
    inner = value.get("value")
    if kind == "triple" and isinstance(inner, dict):
        subject, predicate, obj = (inner.get(k) for k in ("subject", "predicate", "object"))
        if not (isinstance(subject, dict) and isinstance(predicate, dict) and isinstance(obj, dict)):
            raise StoreError("the endpoint sent a quoted triple without its subject, predicate and object")
        return ox.Triple(_json_term(subject), _json_term(predicate), _json_term(obj))
    raise StoreError(f"the endpoint sent a term of unknown type {kind!r}")


def _literal(text: str, datatype: str) -> ox.Literal:
    """A typed literal; Virtuoso answers booleans as 1 and 0, which are read back as true and false."""
    if datatype == XSD_BOOLEAN:
        text = {"1": "true", "0": "false"}.get(text, text)
    return ox.Literal(text, datatype=ox.NamedNode(datatype))


def _canonical(term: Term) -> Term:
    if isinstance(term, ox.Literal) and term.datatype.value == XSD_BOOLEAN and term.value in ("1", "0"):
        return _literal(term.value, XSD_BOOLEAN)
    return unskolemise(term)


def _parse_graph(answer: _Answer) -> list[ox.Triple]:
    fmt = _GRAPH_MIMES.get(answer.mime)
    if fmt is None:
        raise StoreError(f"the endpoint answered a graph query in {answer.mime or 'an unnamed format'}, "
                         "which argmap cannot read")
    try:
        return [ox.Triple(unskolemise(q.subject), q.predicate, _canonical(q.object))  # type: ignore[arg-type]
                for q in ox.parse(answer.body, format=fmt)]
    except SyntaxError as exc:
        raise StoreError(f"the endpoint sent a graph argmap cannot read: {exc}") from None


# ----------------------------------------------------------------- the store


class _SessionState(threading.local):
    """A thread's session: how deep, and the catalog read once for it."""

    def __init__(self) -> None:
        self.depth = 0
        self.graphs: list[str] | None = None


_CANCELLED = "HY008"  # SQLSTATE "operation canceled": what stops a query of argmap's is its timeout


class RemoteStore:
    """The ``Store`` protocol over HTTP (the standard library's http.client, connections kept alive)."""

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS, read_only: bool = False) -> None:
        self.url = url
        self.endpoints = parse_endpoints(url)
        self.timeout = timeout
        self.read_only = read_only
        self._profile: ServerProfile | None = None
        self._row_cap: int | None = None  # learned once, on servers with a hidden row limit
        self._session = _SessionState()  # per thread: the server shares one store between its threads
        self._http = KeepAliveClient()

    # ---------------------------------------------------------------- HTTP

    @property
    def profile(self) -> ServerProfile:
        """What the server is, from its first answer (first contact: it must answer a query)."""
        if self._profile is None:
            answer = self._post(self.endpoints.query, [("query", "ASK {}")], accept=SELECT_ACCEPT, timeout=30.0,
                                probe=True)
            self._profile = ServerProfile.for_server(answer.headers.get("server", ""))
            if self._profile.hidden_row_cap:
                probe = self._post(self.endpoints.query, [("query", ROW_CAP_PROBE)], accept=SELECT_ACCEPT,
                                   timeout=60.0)
                self._row_cap = _row_cap(probe)
        return self._profile

    def _post(self, endpoint: str, form: list[tuple[str, str]], *, accept: str | None, timeout: float,
              probe: bool = False) -> _Answer:
        headers = {"Content-Type": f"{FORM}; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        update = form[0][0] == "update"
        try:
            answer = self._http.post(endpoint, urlencode(form).encode("ascii"), headers, timeout=timeout,
                                     reuse=not update)
        except TimeoutError:
            raise QueryTimeoutError(f"the endpoint {endpoint} did not answer within {timeout:g} s") from None
        except (http.client.HTTPException, ConnectionResetError, BrokenPipeError) as exc:
            what = "the first query" if probe else "the request"
            raise StoreError(f"the SPARQL endpoint {endpoint} dropped {what} ({exc or type(exc).__name__}); "
                             "is it a SPARQL server?") from None
        except OSError as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {endpoint} ({exc.strerror or exc}); "
                             "start it or check --store") from None
        if answer.status >= 300:
            raise self._refusal(endpoint, answer, update=update)
        return _Answer(answer.headers, answer.body)

    def _refusal(self, endpoint: str, answer: HttpAnswer, *, update: bool) -> Exception:
        code, detail = answer.status, " ".join(answer.body.decode("utf-8", "replace").split())[:300]
        if update and (code in (401, 403) or "SR186" in detail or "permission" in detail.lower()):
            return StoreError(f"the endpoint {endpoint} refuses updates ({code}: {detail[:120]}); allow them "
                              "(Virtuoso: isql-vt -U dba exec='GRANT SPARQL_UPDATE TO \"SPARQL\";'; Oxigraph: "
                              "`oxigraph serve`, not serve-read-only)")
        if code in (404, 405) and update:
            return StoreError(f"the endpoint {endpoint} has no SPARQL update service ({code}); "
                              "give its update URL: --store 'URL?query=…&update=…'")
        if code < 400:
            return StoreError(f"the endpoint {endpoint} redirects ({code}) to {answer.headers.get('location', '?')}; "
                              "give that URL to --store")
        if code == 400 or "SP030" in detail or "SP031" in detail or "syntax" in detail.lower():
            # One line was added in front: the predeclared prefixes.
            return QueryError(f"the endpoint refused the request (line numbers count one prefix line): {detail}")
        return StoreError(f"the endpoint {endpoint} answered {code} {answer.reason}: {detail}")

    def _timeout_form(self, timeout: float | None) -> list[tuple[str, str]]:
        if timeout is None:
            return []
        return [("timeout", str(max(1, round(timeout * self.profile.timeout_scale))))]

    # ---------------------------------------------------------------- the dataset

    def _graphs(self) -> list[str]:
        """argmap's graphs, from the catalog (kept for the length of a session)."""
        if self._session.graphs is not None:
            return self._session.graphs
        res = self._select(f"SELECT ?g WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ ?g a <{SD.NamedGraph}> }} }}",
                           dataset=[], timeout=None, limit=None)
        graphs = sorted(row[0].value for row in res.rows if isinstance(row[0], ox.NamedNode))
        if self._session.depth > 0:
            self._session.graphs = graphs
        return graphs

    def _dataset(self, sparql: str) -> list[tuple[str, str]]:
        """The union as default graph, argmap's graphs as named graphs, and any graph the text names as a
        constant (``GRAPH <g>``): Virtuoso matches such a pattern against other graphs when ``g`` is not named
        in the dataset, so that a graph that does not exist yet would seem to hold data."""
        if names_dataset(sparql):
            return []  # the query chose its own
        named = list(dict.fromkeys([*self._graphs(), *graph_constants(sparql)]))
        return [("default-graph-uri", str(UNION_GRAPH))] + [("named-graph-uri", g) for g in named]

    # ---------------------------------------------------------------- Store protocol

    def query(self, sparql: str, *, timeout: float | None = None, limit: int | None = None,
              memory_mb: int | None = None,  # memory is the remote server's to bound
              dataset: QueryDataset | None = None) -> QueryResult:
        check_timeout(timeout)
        form = query_form(sparql)
        params = self._dataset(sparql) if dataset is None else _dataset_form(dataset)
        if form.graph_result:
            return self._construct(sparql, dataset=params, timeout=timeout, limit=limit)
        result = self._select(sparql, dataset=params, timeout=timeout, limit=limit)
        if form is QueryForm.ASK and isinstance(result, SelectResult):
            return _ask_from_rows(result)
        return result

    def _ask_server(self, sparql: str, *, dataset: list[tuple[str, str]], timeout: float | None,
                    accept: str) -> _Answer:
        text = with_prefixes(sparql)
        if self.profile.dataset_in_text and dataset:  # first contact, if this is it: what the server is
            pragmas = " ".join(f"define input:{name} <{iri}>" for name, iri in dataset)
            text, dataset = f"{pragmas}{' ' if text != sparql else chr(10)}{text}", []
        form = [("query", text), *dataset, *self._timeout_form(timeout)]
        wait = timeout + TIMEOUT_GRACE_SECONDS if timeout is not None else self.timeout
        try:
            answer = self._post(self.endpoints.query, form, accept=accept, timeout=wait)
        except StoreError as exc:
            # a busy Virtuoso may stop a query at its timeout with an error ("HY008 … killed by SQLCancel")
            # instead of its partial "anytime" answer: the same timeout, said another way
            if timeout is not None and _CANCELLED in str(exc):
                raise QueryTimeoutError(timeout_message(timeout)) from None
            raise
        state = answer.headers.get("x-sql-state")
        if state:  # Virtuoso's "anytime" answer: what it had when it stopped
            if state == "S1TAT" and timeout is not None:
                raise QueryTimeoutError(timeout_message(timeout))
            raise StoreError(f"the endpoint sent a partial answer ({state}: "
                             f"{' '.join(answer.headers.get('x-sql-message', '').split())[:150]}); "
                             "raise its MaxQueryExecutionTime or narrow the query")
        return answer

    def _select(self, sparql: str, *, dataset: list[tuple[str, str]], timeout: float | None,
                limit: int | None) -> SelectResult | AskResult:  # type: ignore[return]
        rows: list[tuple[Term | None, ...]] = []
        text = sparql
        while True:  # more than one round only when the server cut the answer at its row limit
            answer = self._ask_server(text, dataset=dataset, timeout=timeout, accept=SELECT_ACCEPT)
            page = self._results(answer)
            if isinstance(page, AskResult):
                return page
            rows.extend(page.rows)
            cap = _row_cap(answer)
            if cap is None or len(page.rows) < cap or (limit is not None and len(rows) > limit):
                break
            following = _next_page(sparql, cap, len(rows))
            if following is None:
                break
            text = following
        cut = rows[:limit] if limit is not None else rows
        return SelectResult(page.variables, cut, truncated=len(cut) < len(rows))

    def _results(self, answer: _Answer) -> SelectResult | AskResult:
        if answer.mime in ("application/sparql-results+json", "application/json"):
            return parse_json_results(answer.body)
        if answer.mime in ("application/sparql-results+xml", "application/xml"):
            try:
                res = ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.XML)
            except SyntaxError as exc:
                raise StoreError(f"the endpoint sent results argmap cannot read: {exc}") from None
            if isinstance(res, ox.QueryBoolean):
                return AskResult(bool(res))
            variables = [v.value for v in res.variables]
            return SelectResult(variables, [tuple(_canonical(s[v]) if s[v] is not None else None for v in variables)
                                            for s in res])
        raise StoreError(f"the endpoint answered in {answer.mime or 'an unnamed format'}, which argmap cannot read")

    def _construct(self, sparql: str, *, dataset: list[tuple[str, str]], timeout: float | None,
                   limit: int | None) -> GraphResult:
        triples: dict[ox.Triple, None] = {}  # a graph is a set: pages may overlap, order is kept
        text, fetched = sparql, 0
        while True:
            answer = self._ask_server(text, dataset=dataset, timeout=timeout, accept=GRAPH_ACCEPT)
            page = _parse_graph(answer)
            triples.update(dict.fromkeys(page))
            fetched += len(page)
            cap = _row_cap(answer) or (self._row_cap if len(page) >= (self._row_cap or 0) > 0 else None)
            if cap is None or len(page) < cap or (limit is not None and len(triples) > limit):
                break
            following = _next_page(sparql, cap, fetched)
            if following is None:
                break
            text = following
        found = list(triples)
        cut = found[:limit] if limit is not None else found
        return GraphResult(cut, truncated=len(cut) < len(found))

    def update(self, sparql: str) -> None:
        """A user's SPARQL update; the union and the catalog are then rebuilt from the named graphs, so updates
        must name the graph they write (``INSERT DATA { GRAPH <…> { … } }``), as on the embedded store."""
        self._check_writable()
        if writes_default_graph(sparql):
            raise UpdateRefusedError(DEFAULT_GRAPH_REFUSAL)
        self._send_update(sparql)
        self._send_update(self._rebuild())

    def _send_update(self, sparql: str) -> None:
        self._session.graphs = None
        self._post(self.endpoints.update, [("update", with_prefixes(sparql))], accept=None, timeout=self.timeout)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.url} was opened read-only; updates need a writable store")

    def _rebuild(self) -> str:
        """The catalog from the graphs the server holds (less its own), then the union from the catalog."""
        system = self._not_foreign()
        return (f"DROP SILENT GRAPH <{CATALOG_GRAPH}> ;\n"
                f"INSERT {{ GRAPH <{CATALOG_GRAPH}> {{ ?g a <{SD.NamedGraph}> }} }} WHERE {{ SELECT DISTINCT ?g WHERE "
                f"{{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g NOT IN (<{UNION_GRAPH}>, <{CATALOG_GRAPH}>) {system}) }} }} ;\n"
                f"DROP SILENT GRAPH <{UNION_GRAPH}> ;\n"
                f"INSERT {{ GRAPH <{UNION_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{CATALOG_GRAPH}> "
                f"{{ ?g a <{SD.NamedGraph}> }} GRAPH ?g {{ ?s ?p ?o }} }}")

    def _not_foreign(self) -> str:
        """A FILTER tail leaving out the server's own graphs and argmap's staging graphs (``?g``)."""
        return " ".join(f'&& !STRSTARTS(STR(?g), "{prefix}")'
                        for prefix in (*self.profile.system_graphs, str(STAGING_GRAPHS)))

    def ensure_layout(self) -> None:
        """A server whose graphs argmap has not catalogued yet (written by an older argmap, or by hand) gets its
        catalog and union built once."""
        if self._ask(f"ASK {{ GRAPH <{CATALOG_GRAPH}> {{ ?g ?p ?o }} }}"):
            return
        if self._ask(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{UNION_GRAPH}> {self._not_foreign()}) }}"):
            self._send_update(self._rebuild())

    def require_data(self) -> None:
        """Refuse a server that holds no argmap store (a wrong URL answers nothing, never "0 rows")."""
        if self._ask(f"ASK {{ GRAPH <{CATALOG_GRAPH}> {{ ?g ?p ?o }} }}"):
            return
        if self._ask(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{UNION_GRAPH}> {self._not_foreign()}) }}"):
            raise StoreError(f"the graphs at {self.url} are not catalogued for argmap (written by an older argmap or "
                             f"by hand); run one writing command once to catalogue them: argmap reason --store {self.url}")
        raise StoreError(f"no argmap store at {self.url}: ingest an article first (argmap ingest FILE --store {self.url})")

    def _ask(self, sparql: str) -> bool:
        """An ASK on the server's own dataset (argmap's bookkeeping, not a user's question)."""
        result = self._select(sparql, dataset=[], timeout=None, limit=None)
        return (result if isinstance(result, AskResult) else _ask_from_rows(result)).value

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None:
        self.replace_graphs({graph: list(triples)})

    def replace_graphs(self, graphs: dict[str, list[ox.Triple]]) -> None:
        """One request (one transaction) where the server takes it; batches on Virtuoso."""
        self._write(graphs, replace=True)

    def _write(self, graphs: dict[str, list[ox.Triple]], *, replace: bool) -> None:
        """Where the server takes any size, all graphs in one request (one transaction); on a server with a
        batch limit, one request per graph, a graph larger than a batch assembled in a staging graph first."""
        self._check_writable()
        writes = [(graph, self._graph_head(graph, lines, replace=replace), lines)
                  for graph, lines in ((g, _triple_lines(t)) for g, t in graphs.items())]
        batch = self.profile.update_batch_triples
        if batch is None:
            self._send_update(" ;\n".join(op for graph, head, lines in writes
                                           for op in [*head, *([_insert(graph, lines)] if lines else [])]))
            return
        for graph, head, lines in writes:
            if len(lines) <= batch:
                self._send_update(" ;\n".join([*head, *([_insert(graph, lines)] if lines else [])]))
            else:
                self._write_staged(graph, head, lines, batch=batch)

    @staticmethod
    def _graph_head(graph: str, lines: list[str], *, replace: bool) -> list[str]:
        """What precedes a graph's new triples: the old ones out of the graph and the union, the catalog entry."""
        head = [retract_from_union(graph), f"DROP SILENT GRAPH <{graph}>"] if replace else []
        entry = f"GRAPH <{CATALOG_GRAPH}> {{ <{graph}> a <{SD.NamedGraph}> }}"
        if lines:
            head.append(f"INSERT DATA {{ {entry} }}")
        elif replace:
            head.append(f"DELETE DATA {{ {entry} }}")
        return head

    def _write_staged(self, graph: str, head: list[str], lines: list[str], *, batch: int) -> None:
        """The graph assembled batch by batch in a staging graph, then swapped in by one request: the graph and
        the union change at once, and a write cut short leaves them as they were."""
        stage = f"{STAGING_GRAPHS}{uuid.uuid4().hex}"
        cleanup = f"DROP SILENT GRAPH <{stage}>"
        try:
            for start in range(0, len(lines), batch):
                body = "\n".join(lines[start:start + batch])
                self._send_update(f"INSERT DATA {{ GRAPH <{stage}> {{\n{body}\n}} }}")
        except BaseException:
            with suppress(ArgmapError):  # the write's own error is the one to report
                self._send_update(cleanup)
            raise
        # One INSERT per target: Virtuoso fails on an INSERT … WHERE with two GRAPH templates.
        swap = [f"INSERT {{ GRAPH <{target}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{stage}> {{ ?s ?p ?o }} }}"
                for target in (graph, str(UNION_GRAPH))]
        self._send_update(" ;\n".join([*head, *swap, cleanup]))

    def remove_graph(self, graph: str) -> None:
        self._check_writable()
        self._send_update(f"{retract_from_union(graph)} ;\nDROP SILENT GRAPH <{graph}> ;\n"
                          f"DELETE DATA {{ GRAPH <{CATALOG_GRAPH}> {{ <{graph}> a <{SD.NamedGraph}> }} }}")

    def graph_names(self) -> list[str]:
        return self._graphs()

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        if not fmt.supports_datasets:  # the union, as the embedded store's default graph
            res = self._construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", dataset=self._dataset(""),
                                  timeout=None, limit=None)
            data = ox.serialize(res.triples, format=fmt, prefixes=PREFIXES)
        else:
            quads: list[ox.Quad] = []
            with self.session():
                for graph in self._graphs():
                    res = self._construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                                          dataset=self._dataset(""), timeout=None, limit=None)
                    node = ox.NamedNode(graph)
                    quads += [ox.Quad(t.subject, t.predicate, t.object, node) for t in res.triples]
            data = ox.serialize(quads, format=fmt)
        return data if isinstance(data, bytes) else b""

    def load(self, data: bytes, fmt: ox.RdfFormat) -> None:
        """Add a dataset's quads (triples outside a named graph go to ``amid:graph/imported``)."""
        try:
            quads = list(ox.parse(data, format=fmt))
        except SyntaxError as exc:
            raise StoreError(f"cannot import: {exc}; nothing was loaded") from None
        graphs: dict[str, list[ox.Triple]] = {}
        for q in quads:
            name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else str(IMPORTED_GRAPH)
            graphs.setdefault(name, []).append(q.triple)
        self._write(graphs, replace=False)

    @contextmanager
    def session(self) -> Iterator[object]:
        """Operations inside a session see one list of graphs (the catalog is read once)."""
        self._session.depth += 1
        try:
            yield self
        finally:
            self._session.depth -= 1
            if self._session.depth == 0:
                self._session.graphs = None

    def close(self) -> None:
        """Close the kept-alive connections (the store stays usable: the next request opens one)."""
        self._http.close()

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ask_from_rows(result: SelectResult) -> AskResult:
    """Virtuoso answers some ASK queries as one row of one number (``__ASK_RETVAL``): 1 is true."""
    cell = result.rows[0][0] if result.rows and result.rows[0] else None
    return AskResult(isinstance(cell, ox.Literal) and cell.value not in ("0", "false", ""))


def _dataset_form(dataset: QueryDataset) -> list[tuple[str, str]]:
    """A caller's dataset, as the protocol's parameters."""
    return [("default-graph-uri", g) for g in dataset.default] + [("named-graph-uri", g) for g in dataset.named]


def retract_from_union(graph: str) -> str:
    """Take out of the union graph what only ``graph`` holds (before ``graph`` changes)."""
    return (f"DELETE {{ GRAPH <{UNION_GRAPH}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} "
            f"FILTER (?other NOT IN (<{graph}>, <{UNION_GRAPH}>, <{CATALOG_GRAPH}>)) }} }}")


def _insert(graph: str, lines: list[str]) -> str:
    body = "\n".join(lines)
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} GRAPH <{UNION_GRAPH}> {{\n{body}\n}} }}"


def _row_cap(answer: _Answer) -> int | None:
    """The server's row limit, when it says it applied one (Virtuoso: ``X-SPARQL-MaxRows``)."""
    value = answer.headers.get("x-sparql-maxrows", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def _next_page(sparql: str, cap: int, fetched: int) -> str | None:
    """The query again for the ``cap`` rows after the first ``fetched``, within the query's own LIMIT / OFFSET
    (kept as asked); None when its LIMIT is reached."""
    text, limit, offset = _split_slice(sparql)
    if limit is not None and fetched >= limit:
        return None
    size = cap if limit is None else min(cap, limit - fetched)
    return f"{text}\nLIMIT {size} OFFSET {offset + fetched}"


def _split_slice(sparql: str) -> tuple[str, int | None, int]:
    """(the text before a trailing LIMIT / OFFSET, that LIMIT or None, that OFFSET or 0)."""
    text, limit, offset = sparql.rstrip(), None, 0
    while (match := _TRAILING_SLICE.search(text)) is not None:
        value = int(match.group(2))
        if match.group(1).upper() == "LIMIT":
            limit = value if limit is None else limit
        else:
            offset = value
        text = text[:match.start()].rstrip()
    return text, limit, offset
