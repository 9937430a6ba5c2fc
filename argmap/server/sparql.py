"""The SPARQL 1.1 Protocol, framework-free: one function from an HTTP request to a response.

``handle_sparql`` implements query via GET ``?query=``, POST form (``query=`` / ``update=``),
POST ``application/sparql-query`` and ``application/sparql-update``; the dataset given by
``default-graph-uri`` / ``named-graph-uri`` (in the query string, or the body of a form POST);
content negotiation for results (SPARQL JSON, CSV, TSV, XML) and graphs (Turtle, N-Triples,
JSON-LD, RDF/XML); a SPARQL 1.1 Service Description at GET without a query; updates only when
``allow_update``, and refused with a one-line 4xx when they cannot be applied as asked (a write to the
default graph, which is the union of the named graphs; LOAD, which would fetch from the network);
a per-query timeout and a result limit. The web app mounts it at ``/sparql``; CORS headers are left
to the app (off by default).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs

from argmap.errors import ArgmapError, QueryError, QueryTimeoutError, StoreError, StoreLockedError
import pyoxigraph as ox

from argmap.graph.format import GraphFormat, ResultFormat, render_graph, render_result
from argmap.graph.results import GraphResult, QueryDataset, QueryResult
from argmap.graph.query_text import uses_load, uses_service
from argmap.graph.store import Store, open_store
from argmap.graph.terms import FORMATS, SD

MAX_BODY_BYTES = 10 * 1024 * 1024

RESULT_TYPES: dict[str, ResultFormat] = {
    "application/sparql-results+json": ResultFormat.JSON,
    "application/json": ResultFormat.JSON,
    "text/csv": ResultFormat.CSV,
    "text/tab-separated-values": ResultFormat.TSV,
    "application/sparql-results+xml": ResultFormat.XML,
    "application/xml": ResultFormat.XML,
}
GRAPH_TYPES: dict[str, GraphFormat] = {
    "text/turtle": GraphFormat.TURTLE,
    "application/n-triples": GraphFormat.NTRIPLES,
    "application/ld+json": GraphFormat.JSONLD,
    "application/rdf+xml": GraphFormat.RDFXML,
    "application/x-turtle": GraphFormat.TURTLE,
    "text/plain": GraphFormat.NTRIPLES,  # N-Triples' old media type
}
_RESULT_FORMAT_IRIS = (FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_XML, FORMATS.SPARQL_Results_CSV,
                       FORMATS.SPARQL_Results_TSV, FORMATS.Turtle, FORMATS.N_Triples, FORMATS.JSON_LD, FORMATS.RDF_XML)
DEFAULT_RESULT_TYPE = "application/sparql-results+json"
DEFAULT_GRAPH_TYPE = "text/turtle"


@dataclass(frozen=True, slots=True)
class SparqlResponse:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class ProtocolError(Exception):
    """A request the endpoint refuses: carries the HTTP status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class _Request:
    query: str | None
    update: str | None
    dataset: QueryDataset | None = None

    @property
    def describes_service(self) -> bool:
        """GET (or HEAD) with neither query nor update: the client asks what this endpoint is."""
        return self.query is None and self.update is None


def handle_sparql(
    store: Store | str | os.PathLike[str],
    *,
    method: str,
    query_string: str,
    body: bytes,
    content_type: str | None,
    accept: str | None,
    allow_update: bool = False,
    timeout: float = 10.0,
    limit: int = 10_000,
    memory_mb: int | None = None,
    endpoint_url: str = "/sparql",
) -> SparqlResponse:
    """Answer one SPARQL Protocol request.

    ``store``: an open store (used as is) or a location (opened for this request and closed
    after, so each request sees the latest data and holds no lock in between).
    ``endpoint_url``: this endpoint's address, as the service description names it.
    """
    try:
        request = _parse_request(method, query_string, body, content_type)
        if request.describes_service:
            names = _with_names(store)
            return _render(service_description(endpoint_url, names, allow_update=allow_update), accept)
        if uses_service(request.update or request.query or ""):
            # The server would call any URL a web page names and could echo what it got back (SSRF).
            raise ProtocolError(400, "SERVICE (a federated query to another endpoint) is not allowed on this server")
        if request.update is not None:
            if not allow_update:
                raise ProtocolError(403, "updates are disabled on this endpoint; start it with --allow-update to allow them")
            if uses_load(request.update):
                raise ProtocolError(400, "LOAD (fetching RDF from a URL) is not allowed on this server; "
                                         "use argmap import FILE, or INSERT DATA { GRAPH <…> { … } }")
            _with_store(store, False, lambda st: st.update(request.update or ""))
            return SparqlResponse(204, "text/plain; charset=utf-8", b"")
        sparql = request.query or ""
        result = _with_store(store, True, lambda st: st.query(sparql, timeout=timeout, limit=limit, memory_mb=memory_mb,
                                                               dataset=request.dataset))
        return _render(result, accept)
    except ProtocolError as exc:
        return _error(exc.status, exc.message)
    except QueryTimeoutError as exc:
        return _error(503, str(exc))
    except QueryError as exc:
        return _error(400, str(exc))
    except StoreLockedError as exc:
        return _error(503, str(exc), {"Retry-After": "5"})
    except StoreError as exc:
        return _error(500, str(exc))
    except ArgmapError as exc:
        return _error(400, str(exc))


def _with_store(store: Store | str | os.PathLike[str], read_only: bool, fn: Callable[[Store], QueryResult | None]) -> QueryResult | None:
    if not isinstance(store, (str, os.PathLike)):
        return fn(store)
    st = open_store(os.fspath(store), read_only=read_only, wait=10.0)
    try:
        return fn(st)
    finally:
        st.close()


def _with_names(store: Store | str | os.PathLike[str]) -> list[str]:
    names = _with_store(store, True, lambda st: st.graph_names())  # type: ignore[arg-type, return-value]
    return list(names or [])  # type: ignore[arg-type]


def service_description(endpoint_url: str, graph_names: list[str], *, allow_update: bool) -> GraphResult:
    """SPARQL 1.1 Service Description: what this endpoint speaks and which graphs its default dataset holds."""
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    service, dataset, default = ox.BlankNode("service"), ox.BlankNode("dataset"), ox.BlankNode("default")

    def iri(term: object) -> ox.NamedNode:
        return ox.NamedNode(str(term))

    triples = [ox.Triple(service, rdf_type, iri(SD.Service)), ox.Triple(service, iri(SD.endpoint), ox.NamedNode(endpoint_url)),
               ox.Triple(service, iri(SD.supportedLanguage), iri(SD.SPARQL11Query)),
               ox.Triple(service, iri(SD.feature), iri(SD.UnionDefaultGraph)),
               ox.Triple(service, iri(SD.defaultDataset), dataset), ox.Triple(dataset, rdf_type, iri(SD.Dataset)),
               ox.Triple(dataset, iri(SD.defaultGraph), default), ox.Triple(default, rdf_type, iri(SD.Graph))]
    if allow_update:
        triples.append(ox.Triple(service, iri(SD.supportedLanguage), iri(SD.SPARQL11Update)))
    triples += [ox.Triple(service, iri(SD.resultFormat), iri(f)) for f in _RESULT_FORMAT_IRIS]
    for number, name in enumerate(graph_names):
        node = ox.BlankNode(f"graph{number}")
        triples += [ox.Triple(dataset, iri(SD.namedGraph), node), ox.Triple(node, rdf_type, iri(SD.NamedGraph)),
                    ox.Triple(node, iri(SD.name), ox.NamedNode(name))]
    return GraphResult(triples)


def _dataset(params: dict[str, list[str]]) -> QueryDataset | None:
    """The protocol's dataset parameters; None when the request gives none (the store's own dataset)."""
    if params.get("using-graph-uri") or params.get("using-named-graph-uri"):
        raise ProtocolError(400, "using-graph-uri / using-named-graph-uri are not supported: name graphs in the update "
                                 "(WITH, USING or GRAPH)")
    default, named = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
    if not default and not named:
        return None
    for iri in default + named:
        if not iri or any(ch in iri for ch in '<>"{}|^`\\ ') or ":" not in iri:
            raise ProtocolError(400, f"{iri!r} is not an IRI (default-graph-uri / named-graph-uri)")
    return QueryDataset(tuple(default), tuple(named))


def _parse_request(method: str, query_string: str, body: bytes, content_type: str | None) -> _Request:
    params = parse_qs(query_string, keep_blank_values=True)
    verb = method.upper()
    if verb in ("GET", "HEAD"):
        if "update" in params:
            raise ProtocolError(400, "updates must be sent with POST")
        if "query" not in params:
            return _Request(None, None)  # the service description
        return _Request(_single(params, "query"), None, _dataset(params))
    if verb != "POST":
        raise ProtocolError(405, f"method {method} is not allowed; use GET or POST")
    if len(body) > MAX_BODY_BYTES:
        raise ProtocolError(413, f"the request body is larger than {MAX_BODY_BYTES:,} bytes")
    mime = (content_type or "").split(";")[0].strip().lower()
    text = _decode(body)
    if mime == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        if "query" in form and "update" in form:
            raise ProtocolError(400, "send either query= or update=, not both")
        merged = {k: params.get(k, []) + form.get(k, []) for k in set(params) | set(form)}
        dataset = _dataset(merged)
        if "update" in form:
            return _Request(None, _single(form, "update"), dataset)
        return _Request(_single(form, "query"), None, dataset)
    if mime == "application/sparql-query":
        return _Request(_nonempty(text, "query"), None, _dataset(params))
    if mime == "application/sparql-update":
        _dataset(params)  # refuses using-graph-uri
        return _Request(None, _nonempty(text, "update"))
    raise ProtocolError(
        415, "send application/sparql-query, application/sparql-update or application/x-www-form-urlencoded"
    )


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not UTF-8") from None


def _single(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name)
    if not values:
        raise ProtocolError(400, f"missing {name}= parameter; e.g. /sparql?query=ASK%20%7B%7D")
    if len(values) > 1:
        raise ProtocolError(400, f"give {name}= once")
    return _nonempty(values[0], name)


def _nonempty(text: str, name: str) -> str:
    if not text.strip():
        raise ProtocolError(400, f"the {name} is empty")
    return text


def _render(result: QueryResult | None, accept: str | None) -> SparqlResponse:
    if result is None:
        raise ProtocolError(500, "the store returned no result")
    headers = {"Vary": "Accept"}
    if getattr(result, "truncated", False):
        headers["X-Argmap-Truncated"] = "true"  # the limit cut the result
    if isinstance(result, GraphResult):
        mime = negotiate(accept, list(GRAPH_TYPES), DEFAULT_GRAPH_TYPE)
        body = render_graph(result, GRAPH_TYPES[mime])
    else:
        mime = negotiate(accept, list(RESULT_TYPES), DEFAULT_RESULT_TYPE)
        body = render_result(result, RESULT_TYPES[mime].value)
    return SparqlResponse(200, f"{mime}; charset=utf-8", body.encode("utf-8"), headers)


def negotiate(accept: str | None, offered: list[str], default: str) -> str:
    """The offered type the client prefers (q-values, ``type/*``, ``*/*``); 406 if it takes none."""
    if not accept or not accept.strip():
        return default
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        mime, q = pieces[0].lower(), 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if mime and q > 0:
            ranked.append((-q, position, mime))
    for _, _, mime in sorted(ranked):
        if mime == "*/*":
            return default
        if mime.endswith("/*"):
            family = mime[:-1]
            match = default if default.startswith(family) else next((o for o in offered if o.startswith(family)), None)
            if match:
                return match
        elif mime in offered:
            return mime
    raise ProtocolError(406, f"cannot answer in {accept}; acceptable: {', '.join(offered)}")


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> SparqlResponse:
    line = " ".join(message.split())
    return SparqlResponse(status, "text/plain; charset=utf-8", (line + "\n").encode("utf-8"), headers or {})
