"""The store interface and its embedded Oxigraph backend. The one place that opens a store.

Articles live in named graphs (named by the article IRI); queries see the union of all
graphs as their default graph. Each article is written in one SPARQL update, which
Oxigraph applies as one transaction: a failure leaves the store as it was.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Protocol

import pyoxigraph as ox

from argmap.errors import QueryError, StoreError, StoreLockedError
from argmap.graph.iri import article_iri
from argmap.graph.results import AskResult, GraphResult, QueryResult, SelectResult
from argmap.ontology import AM
from argmap.ontology.namespaces import PREFIXES

DEFAULT_STORE = Path("argmap-store")
STORE_ENV = "ARGMAP_STORE"


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    iri: str
    key: str
    title: str
    language: str
    content_hash: str
    statements: int


class Store(Protocol):
    """What every backend offers; the rest of argmap talks only to this."""

    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult: ...

    def update(self, sparql: str) -> None: ...

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None: ...

    def remove_graph(self, graph: str) -> None: ...

    def graph_names(self) -> list[str]: ...

    def dump(self, fmt: ox.RdfFormat) -> bytes: ...

    def load(self, data: bytes, fmt: ox.RdfFormat) -> None: ...

    def close(self) -> None: ...


def resolve_location(location: str | os.PathLike[str] | None) -> str:
    """``--store`` if given, else ``$ARGMAP_STORE``, else ``./argmap-store``."""
    if location:
        return str(location)
    return os.environ.get(STORE_ENV) or str(DEFAULT_STORE)


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open the store at a path (embedded Oxigraph) or a SPARQL endpoint URL (``http(s)://…``)."""
    loc = resolve_location(location)
    if loc.startswith(("http://", "https://")):
        from argmap.graph.remote import RemoteStore  # imported lazily: only remote users pay for it

        return RemoteStore(loc)
    return OxigraphStore(Path(loc), read_only=read_only)


class OxigraphStore:
    """Embedded, persistent Oxigraph (RocksDB) store on disk."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        try:
            if read_only:
                if not path.exists():
                    raise StoreError(f"no store at {path}: ingest an article first (argmap ingest FILE --store {path})")
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(
                    f"the store at {path} is in use by another argmap process; wait for it to finish and try again"
                ) from exc
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc

    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult:
        try:
            result = self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from exc
        return to_result(result)

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"update failed: {exc}") from exc
        self._store.flush()

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None:
        self.update(replace_graph_update(graph, triples))

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        data = self._store.dump(format=fmt)
        return data if isinstance(data, bytes) else b""

    def load(self, data: bytes, fmt: ox.RdfFormat) -> None:
        try:
            self._store.load(data, format=fmt)
        except SyntaxError as exc:
            raise StoreError(f"cannot import: {exc}") from exc
        self._store.flush()

    def close(self) -> None:
        del self._store


def replace_graph_update(graph: str, triples: Iterable[ox.Triple]) -> str:
    """One SPARQL update that drops a graph and writes its new content: applied all or nothing."""
    body = " .\n".join(str(t) for t in triples)
    return f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body} .\n}} }}" if body else (
        f"DROP SILENT GRAPH <{graph}>"
    )


def to_result(result: object) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return AskResult(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        return SelectResult(variables, [tuple(sol[v] for v in variables) for sol in result])
    if isinstance(result, ox.QueryTriples):
        return GraphResult(list(result))
    raise StoreError(f"unexpected query result {type(result).__name__}")


# ----------------------------------------------------------------- article-level operations


def article_hash(store: Store, key: str) -> str | None:
    res = store.query(f"SELECT ?h WHERE {{ GRAPH <{article_iri(key)}> {{ <{article_iri(key)}> <{AM.contentHash}> ?h }} }}")
    if isinstance(res, SelectResult) and res.rows and res.rows[0][0] is not None:
        return res.rows[0][0].value
    return None


def list_articles(store: Store) -> list[ArticleInfo]:
    q = f"""
    SELECT ?a ?title ?lang ?hash (COUNT(DISTINCT ?s) AS ?n) WHERE {{
      GRAPH ?a {{ ?a a <{AM.Article}> ; <{AM.contentHash}> ?hash ; <{AM.language}> ?lang .
                  OPTIONAL {{ ?a rdfs:label ?title }}
                  OPTIONAL {{ ?s <{AM.inArticle}> ?a ; <{AM.text}> ?t . FILTER EXISTS {{ ?s a ?c . FILTER(?c IN (<{AM.Claim}>, <{AM.Evidence}>)) }} }} }}
    }} GROUP BY ?a ?title ?lang ?hash ORDER BY ?a"""
    res = store.query(q)
    out: list[ArticleInfo] = []
    if isinstance(res, SelectResult):
        for a, title, lang, h, n in res.rows:
            iri = a.value if a is not None else ""
            out.append(ArticleInfo(iri, iri.rsplit("/", 1)[-1], title.value if title else "",
                                   lang.value if lang else "", h.value if h else "", int(n.value) if n else 0))
    return out
