"""The store interface and its embedded Oxigraph backend. The one place that opens a store.

Articles live in named graphs (named by the article IRI); the ontology lives in
``amid:graph/ontology`` and the reasoner's conclusions in ``amid:graph/reasoner``. Queries
see the union of all graphs as their default graph: a set, kept in the store's default graph
(see "the union default graph" below), so a fact that many articles share counts once. Each
write is one transaction, or a staged write switched in by one (see "writing graphs" below):
a failure or a kill leaves the store as it was.

Concurrency (see ``argmap.graph.lock``): one writer process at a time (others wait or are
refused with ``StoreLockedError``); readers run between the writer's operations: a waiting
reader asks, and the writer closes its RocksDB handle after its current article. A read-only
store sees the data as of its (re)open; open a fresh one to see later writes.
``session()`` groups operations that must see the same state.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import uuid
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Protocol

import pyoxigraph as ox
from rdflib.namespace import DCTERMS

from argmap.errors import QueryError, StoreError, StoreLockedError, UpdateRefusedError
from argmap.graph.iri import IMPORTED_GRAPH, ONTOLOGY_GRAPH, STAGING_GRAPHS, article_iri
from argmap.graph.lock import (
    ACCESS_LOCK,
    ACCESS_WAIT_SECONDS,
    LOCK_FILES,
    WANTS_READ,
    WANTS_WRITE,
    WRITER_LOCK,
    FileLock,
    LockMode,
)
from argmap.graph.query_text import writes_default_graph
from argmap.graph.results import AskResult, QueryDataset, QueryResult, SelectResult, to_result
from argmap.graph.timeout import check_timeout, run_query_process
from argmap.ontology import AM, ONTOLOGY_PATH
from argmap.ontology.namespaces import PREFIXES

DEFAULT_STORE = Path("argmap-store")
STORE_ENV = "ARGMAP_STORE"
_ROCKSDB_MARKER = "CURRENT"
# what RocksDB writes before CURRENT when it creates a store (000000.dbtmp is CURRENT not yet renamed)
_ROCKSDB_BOOTSTRAP = re.compile(r"LOCK|LOG(?:\.old\.\d+)?|IDENTITY|\d+\.dbtmp|MANIFEST-\d+|OPTIONS-\d+(?:\.dbtmp)?")


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    iri: str
    key: str
    title: str
    language: str
    content_hash: str
    statements: int
    date: str = ""  # dcterms:date as stored (xsd:date or xsd:dateTime), "" when the article states none


class Store(Protocol):
    """What every backend offers; the rest of argmap talks only to this."""

    def query(self, sparql: str, *, timeout: float | None = None, limit: int | None = None,
              memory_mb: int | None = None, dataset: QueryDataset | None = None) -> QueryResult:
        """``timeout`` or ``memory_mb`` run the query in a process of its own, stopped at the deadline or when it
        needs more than ``memory_mb`` MB (``QueryTimeoutError``, ``QueryMemoryError``); ``None`` for both: in-process.
        ``dataset``: the protocol's default-graph-uri / named-graph-uri; ``None``: the store's own dataset."""
        ...

    def update(self, sparql: str) -> None: ...

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None: ...

    def replace_graphs(self, graphs: dict[str, list[ox.Triple]]) -> None:
        """Replace several graphs in one transaction: all of them or none."""
        ...

    def remove_graph(self, graph: str) -> None: ...

    def graph_names(self) -> list[str]: ...

    def dump(self, fmt: ox.RdfFormat) -> bytes: ...

    def load(self, data: bytes, fmt: ox.RdfFormat) -> None: ...

    def session(self) -> AbstractContextManager[object]:
        """Group several operations (one connection / one open handle); optional to use."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc: object) -> None: ...


def resolve_location(location: str | os.PathLike[str] | None) -> str:
    """``--store`` if given, else ``$ARGMAP_STORE``, else ``./argmap-store``."""
    if location:
        return str(location)
    return os.environ.get(STORE_ENV) or str(DEFAULT_STORE)


def is_remote(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = False, wait: float = 0.0,
               create: bool = True) -> Store:
    """Open the store at a path (embedded Oxigraph) or a SPARQL endpoint URL (``http(s)://…``).

    ``wait``: seconds a writer waits for another writer to finish before giving up.
    ``create=False``: a missing embedded store is an error (E201) instead of a new empty store.
    A store opened for writing gets the current ontology in ``amid:graph/ontology``.
    """
    loc = resolve_location(location)
    if is_remote(loc):
        return _open_remote(loc, read_only=read_only, create=create)
    store = OxigraphStore(Path(loc), read_only=read_only, wait=wait, create=create)
    if not read_only:
        try:
            store.drop_staging()
            store.ensure_union()
            ensure_ontology(store)
        except BaseException:
            store.close()
            raise
    return store


def _open_remote(url: str, *, read_only: bool, create: bool) -> Store:
    """A SPARQL endpoint; like a missing folder, a server without argmap's data is an error unless creating."""
    from argmap.graph.remote import RemoteStore  # imported lazily: only remote users pay for it

    store = RemoteStore(url, read_only=read_only)
    if not read_only:
        store.ensure_layout()  # graphs written by an older argmap or by hand are catalogued once
    if read_only or not create:
        store.require_data()
    if not read_only:
        ensure_ontology(store)
    return store


class Handle:
    """The open RocksDB handle as ``OxigraphStore.session`` lends it. When the store closes its handle (after
    the session, to let a waiting process in) it takes it back from here: a caller's variable that outlives
    its ``with`` block no longer keeps RocksDB open — still flushing and compacting, deleting files a reader
    that just got the lock is opening."""

    __slots__ = ("_store",)

    def __init__(self, store: ox.Store) -> None:
        self._store: ox.Store | None = store

    def __getattr__(self, name: str) -> object:
        store = self._store
        if store is None:
            raise StoreError("the store's handle was used after its session ended; use it inside the session")
        return getattr(store, name)

    def take_back(self) -> None:
        self._store = None


class OxigraphStore:
    """Embedded, persistent Oxigraph (RocksDB) store on disk."""

    def __init__(self, path: Path, *, read_only: bool = False, wait: float = 0.0, create: bool = True) -> None:
        self.path = path
        self.read_only = read_only
        self._handle: ox.Store | None = None
        self._lent: Handle | None = None  # what session() hands out for _handle
        self._access: FileLock | None = None
        self._depth = 0
        self._holder: int | None = None  # the thread inside session(): the mutex keeps out every other one
        self._mutex = threading.RLock()  # one store object may be shared by threads (the server)
        self._writer: FileLock | None = None
        _check_location(path, create=create and not read_only)
        if not read_only:
            self._writer = FileLock(path / WRITER_LOCK, LockMode.EXCLUSIVE, record_pid=True)
            self._writer.acquire(
                wait=wait,
                busy_message=(
                    f"the store at {path} is being written by another argmap process; "
                    "wait for it to finish, or pass --wait SECONDS (ingest, import, remove) to queue behind it"
                ),
            )

    # -------------------------------------------------------------- handle management

    @contextmanager
    def session(self) -> Iterator[Handle]:
        """The open RocksDB handle (lent: see ``Handle``), kept open (and locked) until the outermost session
        ends."""
        with self._mutex:
            if self._handle is None:
                self._open_handle()
            handle = self._lent
            self._depth += 1
            self._holder = threading.get_ident()
            try:
                yield handle
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._holder = None
                if self._depth == 0 and (self.path / (WANTS_WRITE if self.read_only else WANTS_READ)).exists():
                    self._close_handle()  # someone of the other kind is waiting: let them in

    def release_if_wanted(self) -> bool:
        """Close the idle handle when another process waits for the store (a long-lived owner such as the
        server calls this now and then, so that it never keeps a reader or writer waiting); True if closed."""
        if not self._mutex.acquire(blocking=False):
            return False  # busy with a request: that request's session end will let them in
        try:
            waiting = (self.path / (WANTS_WRITE if self.read_only else WANTS_READ)).exists()
            if self._depth == 0 and self._handle is not None and waiting:
                self._close_handle()
                return True
            return False
        finally:
            self._mutex.release()

    def read_view(self) -> "OxigraphStore":
        """A read-only store on the same folder. Its reads share the store with other readers, query processes
        included, where this store's exclusive handle would wait for them to finish (a long-lived owner such
        as the server reads through one, and writes through this one)."""
        return OxigraphStore(self.path, read_only=True)

    def release(self) -> None:
        """Close the handle now if no operation holds it (after a write: readers of the folder get in at once)."""
        with self._mutex:
            if self._depth == 0:
                self._close_handle()

    def _open_handle(self) -> ox.Store:
        if self._writer is None and not self.read_only:
            raise StoreError(f"the store at {self.path} was closed; open it again")
        lock = FileLock(self.path / ACCESS_LOCK, LockMode.SHARED if self.read_only else LockMode.EXCLUSIVE)
        lock.acquire(
            wait=ACCESS_WAIT_SECONDS,
            busy_message=f"the store at {self.path} stayed busy for {ACCESS_WAIT_SECONDS:g} s; try again later",
            request=self.path / (WANTS_READ if self.read_only else WANTS_WRITE),
        )
        try:
            handle = ox.Store.read_only(str(self.path)) if self.read_only else ox.Store(str(self.path))
        except OSError as exc:
            lock.release()
            if "lock" in str(exc).lower():
                raise StoreLockedError(
                    f"the store at {self.path} is open in another program that does not use argmap's locks; close it and try again"
                ) from None
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from None
        self._access, self._handle, self._lent = lock, handle, Handle(handle)
        return handle

    def _close_handle(self) -> None:
        handle, self._handle = self._handle, None
        if self._lent is not None:
            self._lent.take_back()  # a caller's leftover reference must not keep RocksDB open past the lock
            self._lent = None
        if handle is not None and not self.read_only:
            # Without it every open replays the whole write-ahead log, and opens get slower and slower.
            handle.flush()
        del handle  # the last reference: RocksDB closes here, before the lock is released
        if self._access is not None:
            self._access.release()
            self._access = None

    # -------------------------------------------------------------- Store protocol

    def query(self, sparql: str, *, timeout: float | None = None, limit: int | None = None,
              memory_mb: int | None = None, dataset: QueryDataset | None = None) -> QueryResult:
        check_timeout(timeout)
        if (timeout is None and memory_mb is None) or self._in_session():
            # Inside a session this process holds the handle, so a child could not open the
            # store: the query runs here, without a deadline or a cap.
            return self._query(sparql, limit, dataset)
        if not self.read_only:
            with self._mutex:
                self._close_handle()  # the child opens read-only, which must not overlap our write handle
        status, value = run_query_process(str(self.path), sparql, PREFIXES, limit, timeout, memory_mb=memory_mb,
                                          dataset=dataset)
        if status == "syntax":
            raise sparql_syntax_error(SyntaxError(value), sparql)
        if isinstance(value, BaseException):
            raise value
        return value  # type: ignore[return-value]

    def _in_session(self) -> bool:
        """Whether this thread is inside a session. Another thread's session (a server rendering the map) must
        not pull this thread's capped query in-process, where it would run without its cap and its deadline."""
        return self._depth > 0 and self._holder == threading.get_ident()

    def _query(self, sparql: str, limit: int | None, dataset: QueryDataset | None = None) -> QueryResult:
        options = dataset.oxigraph_options() if dataset is not None else {}
        with self.session() as handle:
            try:
                raw = handle.query(sparql, prefixes=PREFIXES, **options)  # the default graph is the union (see below)
                result = to_result(raw, limit=limit)
            except SyntaxError as exc:
                raise sparql_syntax_error(exc, sparql) from None
            except OSError as exc:
                raise QueryError(f"the query failed: {exc}") from None
            del raw  # results hold the store open; drop them before the handle closes
            return result

    def update(self, sparql: str) -> None:
        """A user's SPARQL update; the default graph is then rebuilt as the union of the named graphs,
        so updates must name the graph they write (``INSERT DATA { GRAPH <…> { … } }``); one that writes the
        default graph is refused (``UpdateRefusedError``) rather than lost to the rebuild."""
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only; updates need a writable store")
        if writes_default_graph(sparql):
            raise UpdateRefusedError(DEFAULT_GRAPH_REFUSAL)
        self._update(sparql)
        self._update(REBUILD_UNION)

    def _update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only; updates need a writable store")
        with self.session() as handle:
            try:
                handle.update(sparql, prefixes=PREFIXES)
            except SyntaxError as exc:
                raise sparql_syntax_error(exc, sparql, update=True) from None
            except (OSError, RuntimeError, ValueError) as exc:  # pyoxigraph: "the graph <…> already exists", …
                raise UpdateRefusedError(f"the update was not applied: {' '.join(str(exc).split())[:200]}") from None

    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> None:
        self.replace_graphs({graph: list(triples)})

    def replace_graphs(self, graphs: dict[str, list[ox.Triple]]) -> None:
        """All of them or none (see "writing graphs" below)."""
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only; updates need a writable store")
        with self.session() as handle:
            try:
                if all(t for t in graphs.values()) and not any(handle.contains_named_graph(ox.NamedNode(g)) for g in graphs):
                    handle.extend(new_graph_quads(graphs))  # nothing to replace: one transaction adds them all
                elif sum(len(t) for t in graphs.values()) <= SMALL_WRITE_TRIPLES and not _has_blank_nodes(graphs):
                    self._update(" ;\n".join(replace_graph_update(g, t) for g, t in graphs.items()))
                else:
                    self._replace_staged(handle, graphs)
            except OSError as exc:  # pyoxigraph's write error (a full disk): nothing was switched in
                raise StoreError(f"cannot write to the store at {self.path}: {exc}") from None

    def _replace_staged(self, handle: Handle, graphs: dict[str, list[ox.Triple]]) -> None:
        staged: dict[str, ox.NamedNode | None] = {}
        try:
            stage_graphs(handle, graphs, staged)
            self._update(" ;\n".join(switch_graph(graph, stage) for graph, stage in staged.items()))
        finally:
            # Switched in (copied) or not (the switch is one transaction), the staging graphs are no data:
            # cleared in a transaction of their own; a kill before it leaves them to the next writer.
            self._drop(s for s in staged.values() if s is not None)

    def _drop(self, graphs: Iterable[ox.NamedNode]) -> None:
        drops = " ;\n".join(f"DROP SILENT GRAPH {g}" for g in graphs)
        if drops:
            self._update(drops)

    def remove_graph(self, graph: str) -> None:
        self._update(f"{retract_from_union(graph)} ;\nDROP SILENT GRAPH <{graph}>")

    def graph_names(self) -> list[str]:
        with self.session() as handle:
            return sorted(g.value for g in handle.named_graphs() if isinstance(g, ox.NamedNode) and not is_staging(g.value))

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        with self.session() as handle:
            if fmt.supports_datasets:  # the named graphs: the default graph is derived from them
                named = (q for q in handle.quads_for_pattern(None, None, None)
                         if isinstance(q.graph_name, ox.NamedNode) and not is_staging(q.graph_name.value))
                data = ox.serialize(named, format=fmt, prefixes=PREFIXES)
            else:
                data = ox.serialize((q.triple for q in handle.quads_for_pattern(None, None, None, ox.DefaultGraph())),
                                    format=fmt, prefixes=PREFIXES)
        return data if isinstance(data, bytes) else b""

    def load(self, data: bytes, fmt: ox.RdfFormat) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only; importing needs a writable store")
        with self.session() as handle:
            try:
                handle.load(data, format=fmt)
            except SyntaxError as exc:
                raise StoreError(f"cannot import: {exc}; nothing was loaded") from None
        # Before the load the default graph held only the union, so what it holds beyond it now
        # came from the data: keep it in a graph of its own instead of losing it to the rebuild.
        self._update(f"{KEEP_LOADED_DEFAULT} ;\n{REBUILD_UNION}")

    def drop_staging(self) -> None:
        """Clear what a killed write left in staging graphs (never switched in, so never part of the data)."""
        with self.session() as handle:
            left = [g.value for g in handle.named_graphs() if isinstance(g, ox.NamedNode) and is_staging(g.value)]
        self._drop(ox.NamedNode(g) for g in left)

    def ensure_union(self) -> None:
        """A store written before the default graph was kept as the union gets it built once."""
        stale = self.query(UNION_STALE)
        if isinstance(stale, AskResult) and stale.value:
            self._update(REBUILD_UNION)

    def close(self) -> None:
        with self._mutex:
            if self._depth == 0:
                self._close_handle()
            if self._writer is not None:
                self._writer.release()
                self._writer = None

    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_location(path: Path, *, create: bool) -> None:
    """Refuse folders that are not stores, so a typo in --store cannot scribble over a project."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"--store {path} is a file; give a folder (new or an existing argmap store)")
    if path.is_dir() and not (path / _ROCKSDB_MARKER).exists():
        # a store whose creation was killed before RocksDB wrote CURRENT holds only its first files: it never
        # held data, and RocksDB creates the store over them
        if any(p.name not in LOCK_FILES and not _ROCKSDB_BOOTSTRAP.fullmatch(p.name) for p in path.iterdir()):
            raise StoreError(f"{path} is a folder that is not an argmap store; give a new or empty folder to --store")
    if not (path / _ROCKSDB_MARKER).exists():
        if not create:
            raise StoreError(f"no store at {path}: ingest an article first (argmap ingest FILE --store {path})")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store folder {path}: {exc.strerror}") from None


# ----------------------------------------------------------------- the union default graph

# Oxigraph's own union default graph is a bag: a triple kept in N article graphs (a shared brand's
# label) comes back N times, and a join over k such triples N^k times, which stalls the competency
# questions on a store of a few thousand articles. So the embedded store keeps its default graph as
# the *set* union of the named graphs, changed in the same transaction as each named graph, and
# queries it: every triple once, whatever number of articles holds it.


def retract_from_union(graph: str) -> str:
    """Take out of the default graph what only ``graph`` holds (before ``graph`` changes)."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{graph}>) }} }}")


DEFAULT_GRAPH_REFUSAL = ("this update writes the default graph, which is the union of the named graphs and is "
                         "rebuilt from them: name the graph (INSERT DATA { GRAPH <…> { … } }); nothing was changed")
KEEP_LOADED_DEFAULT = (f"INSERT {{ GRAPH <{IMPORTED_GRAPH}> {{ ?s ?p ?o }} }} "
                       "WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
# Staging graphs (see "writing graphs") are no data: a rebuild never takes their triples into the union.
REBUILD_UNION = ("DELETE WHERE { ?s ?p ?o } ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                 f'FILTER (!STRSTARTS(STR(?g), "{STAGING_GRAPHS}")) }}')
UNION_STALE = "ASK { GRAPH ?a { ?a a <%s> } FILTER NOT EXISTS { ?a a <%s> } }" % (AM.Article, AM.Article)


# ----------------------------------------------------------------- writing graphs

# A graph written as one SPARQL ``INSERT DATA`` costs far more than its triples: the update text holds
# every triple twice (the graph and its union copy) and its parse holds them again, about 0.9 GB for a
# 1.7 MB article. So large writes go through pyoxigraph's quad API, which takes no text:
# - graphs the store does not hold yet (a new article, an import into a new store): one ``Store.extend``,
#   one transaction, each triple into its graph and the union;
# - a replacement of up to SMALL_WRITE_TRIPLES without blank nodes (the reasoner's graphs, most articles):
#   one update's text, small at that size and the fastest;
# - a larger replacement: the new triples into a staging graph under ``amid:graph/staging/``
#   (``Store.extend``), then one small update switches each graph: out of the union what only the old graph
#   held, out of the graph what the staged one lacks, the staged triples it lacks into the graph and the
#   union. The staging graph is then dropped in a transaction of its own.
# Every step is a transaction, so a kill leaves either the old graphs or the new ones; a staging graph left
# by a kill is never part of the data (not in the union, not listed, not exported) and the next writer
# clears it (``drop_staging``).


def is_staging(graph: str) -> bool:
    return graph.startswith(str(STAGING_GRAPHS))


def stage_graphs(handle: Handle, graphs: dict[str, list[ox.Triple]], staged: dict[str, ox.NamedNode | None]) -> None:
    """Each graph's triples written into a fresh staging graph, recorded in ``staged`` as it is written
    (``None`` for a graph with no triples), so that a failure part-way knows what to clear."""
    fresh: dict[str, ox.BlankNode] = {}  # one write's blank nodes: shared across its graphs, new to the store
    for graph, triples in graphs.items():
        if not triples:
            staged[graph] = None
            continue
        stage = staged[graph] = ox.NamedNode(f"{STAGING_GRAPHS}{uuid.uuid4().hex}")
        handle.extend(ox.Quad(_fresh(t.subject, fresh), t.predicate, _fresh(t.object, fresh), stage) for t in triples)


_Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def _fresh(term: _Term, fresh: dict[str, ox.BlankNode]) -> _Term:
    """A parser keeps a file's blank node labels (``_:b0``): stored as they are, two files' ``_:b0`` would be
    one node. Each gets a new node, as ``INSERT DATA`` gives them."""
    if isinstance(term, ox.BlankNode):
        node = fresh.get(term.value)
        if node is None:
            node = fresh[term.value] = ox.BlankNode()
        return node
    if isinstance(term, ox.Triple):
        return ox.Triple(_fresh(term.subject, fresh), term.predicate, _fresh(term.object, fresh))
    return term


SMALL_WRITE_TRIPLES = 20_000  # a replacement this small goes as one update's text: a few MB, the fastest way


def replace_graph_update(graph: str, triples: list[ox.Triple]) -> str:
    """One update that replaces ``graph`` and its part of the union: the old triples out of both, the new ones
    into both, in one ``INSERT DATA`` block so that blank nodes stay shared between the graph and its copy."""
    body = " .\n".join(str(t) for t in triples)
    steps = [retract_from_union(graph), f"DROP SILENT GRAPH <{graph}>"]
    if body:
        steps.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body} .\n}}\n{body} .\n }}")
    return " ;\n".join(steps)


def _has_blank_nodes(graphs: dict[str, list[ox.Triple]]) -> bool:
    """SPARQL scopes a blank node to one block of one operation: one shared by several graphs cannot be text."""
    return any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
               for triples in graphs.values() for t in triples)


def new_graph_quads(graphs: dict[str, list[ox.Triple]]) -> Iterator[ox.Quad]:
    """Graphs the store does not hold yet, as quads: each triple in its graph and in the union."""
    fresh: dict[str, ox.BlankNode] = {}
    default = ox.DefaultGraph()
    for graph, triples in graphs.items():
        name = ox.NamedNode(graph)
        for t in triples:
            s, o = _fresh(t.subject, fresh), _fresh(t.object, fresh)
            yield ox.Quad(s, t.predicate, o, name)
            yield ox.Quad(s, t.predicate, o, default)


def switch_graph(graph: str, stage: ox.NamedNode | None) -> str:
    """The update that makes ``graph`` hold its staged triples (none: the graph is removed), union included.
    Only the difference is written: what a new version shares with the old one (most of a re-extracted
    article) stays, so the transaction holds the change, not two copies of the graph. The staging graph counts
    as another graph for the union: what it holds stays there."""
    if stage is None:
        return f"{retract_from_union(graph)} ;\nDROP SILENT GRAPH <{graph}>"
    return " ;\n".join([
        retract_from_union(graph),
        f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH {stage} {{ ?s ?p ?o }} }} }}",
        f"INSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} ?s ?p ?o }} WHERE {{ GRAPH {stage} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} }}",
    ])


# ----------------------------------------------------------------- syntax errors

_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


def sparql_syntax_error(exc: SyntaxError, sparql: str, *, update: bool = False) -> QueryError:
    """One line: where (line, column, the text there) and what was expected."""
    kind = "SPARQL update" if update else "SPARQL"
    message = str(exc)
    match = _POSITION.match(message)
    if not match:
        return QueryError(f"{kind} syntax error: {_tidy(message)}")
    line, column, what = int(match[1]), int(match[2]), match[3]
    lines = sparql.splitlines() or [""]
    source = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    near = f" near «{source[:60]}»" if source else ""
    return QueryError(f"{kind} syntax error at line {line}, column {column}{near}: {_tidy(what)}")


def _tidy(what: str) -> str:
    """pyoxigraph lists the character classes it expected; users need a few words, not the ranges."""
    if "Prefix not found" in what:
        return "unknown prefix; declare it with PREFIX or use one of " + ", ".join(f"{p}:" for p in PREFIXES)
    flat = " ".join(what.split())
    head, sep, options = flat.partition("expected one of ")
    if not sep:
        return flat[:200]
    items = [o for o in options.split(", ") if o and not o.startswith(("[", "|", "'\\"))]
    shown = ", ".join(items[:8]) + (", …" if len(items) > 8 else "")
    return f"{head}expected one of {shown}"[:200]


# ----------------------------------------------------------------- ontology graph


def ontology_hash(path: Path = ONTOLOGY_PATH) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ensure_ontology(store: Store, path: Path = ONTOLOGY_PATH) -> bool:
    """Load the ontology into its graph when it is missing or the file changed; True if it loaded."""
    graph = str(ONTOLOGY_GRAPH)
    digest = ontology_hash(path)
    ask = f'ASK {{ GRAPH <{graph}> {{ <{graph}> <{AM.contentHash}> "{digest}" }} }}'
    current = store.query(ask)
    if isinstance(current, AskResult) and current.value:
        return False
    try:
        triples = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except (SyntaxError, OSError) as exc:
        raise StoreError(f"cannot read the ontology {path}: {exc}") from None
    stamp = ox.Triple(ox.NamedNode(graph), ox.NamedNode(str(AM.contentHash)), ox.Literal(digest))
    store.replace_graph(graph, [*triples, stamp])
    return True


# ----------------------------------------------------------------- article-level operations


def article_state(store: Store, key: str) -> tuple[str, str] | None:
    """The stored article's content hash and extraction settings (``""`` when not recorded), or None."""
    a = article_iri(key)
    res = store.query(f"""SELECT ?h ?s WHERE {{ GRAPH <{a}> {{ <{a}> <{AM.contentHash}> ?h .
                          OPTIONAL {{ <{a}> <{AM.extractionSettings}> ?s }} }} }}""")
    if isinstance(res, SelectResult) and res.rows and res.rows[0][0] is not None:
        settings = res.rows[0][1]
        return res.rows[0][0].value, settings.value if settings is not None else ""
    return None


def article_hash(store: Store, key: str) -> str | None:
    state = article_state(store, key)
    return None if state is None else state[0]


def list_articles(store: Store) -> list[ArticleInfo]:
    q = f"""
    SELECT ?a ?title ?lang ?hash (COUNT(DISTINCT ?s) AS ?n) (SAMPLE(?d) AS ?date) WHERE {{
      GRAPH ?a {{ ?a a <{AM.Article}> ; <{AM.contentHash}> ?hash ; <{AM.language}> ?lang .
                  OPTIONAL {{ ?a rdfs:label ?title }}
                  OPTIONAL {{ ?a <{DCTERMS.date}> ?d }}
                  OPTIONAL {{ ?s <{AM.inArticle}> ?a ; <{AM.text}> ?t . FILTER EXISTS {{ ?s a ?c . FILTER(?c IN (<{AM.Claim}>, <{AM.Evidence}>)) }} }} }}
    }} GROUP BY ?a ?title ?lang ?hash ORDER BY ?a"""
    res = store.query(q)
    out: list[ArticleInfo] = []
    if isinstance(res, SelectResult):
        for a, title, lang, h, n, d in res.rows:
            iri = a.value if a is not None else ""
            out.append(ArticleInfo(iri, iri.rsplit("/", 1)[-1], title.value if title else "",
                                   lang.value if lang else "", h.value if h else "", int(n.value) if n else 0,
                                   d.value if d is not None else ""))
    return out
