"""``argmap serve``: the map, a SPARQL query page, the SPARQL 1.1 Protocol endpoint and article upload.

Standard library only (``http.server``). The store is opened once, read-write, for the life of the
server; reads go through a read-only view of it, which shares the store with the processes that run
queries, so a long query never holds up the map page or other reads; every write (upload, SPARQL update)
holds one lock, so writes are applied one at a time, and lets the store go as soon as it is done. Uploads are checked completely before the store is touched: a file that is
not an article changes nothing.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import parse_qs, quote, urlsplit

from argmap.errors import ArgmapError, InputError, QueryError, QueryTimeoutError, ServerError, UploadError
from argmap.graph.format import GraphFormat, cell_text, render_graph, render_result
from argmap.graph.results import AskResult, GraphResult, SelectResult, Term
from argmap.graph.mapping import content_hash
from argmap.graph.store import Store, article_hash, open_store
from argmap.graph.timeout import QUERY_MEMORY_MB
from argmap.ingestion import MAX_ARTICLE_BYTES, SUFFIXES, IngestResult, SourceDoc, ingest_docs
from argmap.viz import map_html
from argmap.viz.render import page_environment

log = logging.getLogger(__name__)

# Room for the multipart envelope around an article of the largest accepted size.
FORM_OVERHEAD_BYTES = 64 * 1024
MAX_QUERY_BYTES = 1024 * 1024
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
SPARQL_RESULTS_JSON = "application/sparql-results+json; charset=utf-8"

Ingester = Callable[[Store, SourceDoc], IngestResult]


READ_ONLY = ("这个服务器只读 this server is read-only: start it with `argmap serve --allow-update` to accept "
             "uploads and SPARQL updates; nothing was stored")


@dataclass(frozen=True, slots=True)
class AppConfig:
    allow_update: bool = False  # every write: uploads and SPARQL updates; without it the server only reads
    query_memory_mb: int = QUERY_MEMORY_MB  # address space one query may use (it runs in its own process)
    max_queries: int = 4  # queries answered at once; more get 503 and Retry-After
    timeout: float = 10.0
    limit: int = 10_000
    max_article_bytes: int = MAX_ARTICLE_BYTES


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    params: dict[str, list[str]]
    headers: Message
    body: bytes = b""

    def param(self, name: str) -> str:
        values = self.params.get(name)
        return values[0] if values else ""


def default_ingester(store: Store, doc: SourceDoc) -> IngestResult:
    return ingest_docs(store, [doc])[0]


def run_reasoner_if_present(store: Store) -> list[str]:
    """The reasoner's summary, or why it did not run; the upload stands either way."""
    try:
        reasoner = importlib.import_module("argmap.reasoner")
    except ImportError:
        return ["推理机未安装 the reasoner is not installed: statuses stay as they were"]
    try:
        report = reasoner.run_reasoner(store)
    except ArgmapError as exc:
        return [f"推理失败 reasoning failed: {exc}"]
    lines = getattr(report, "summary_lines", None)
    return list(lines()) if callable(lines) else []


@dataclass
class ArgmapApp:
    """Every route of the web app, as plain functions of a request; no HTTP plumbing here."""

    store: Store  # writes (uploads, updates)
    config: AppConfig = field(default_factory=AppConfig)
    ingester: Ingester = default_ingester
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    query_slots: threading.BoundedSemaphore = field(init=False)
    reader: Store = field(init=False)  # reads: the map, the query page, SPARQL queries

    def __post_init__(self) -> None:
        self.query_slots = threading.BoundedSemaphore(max(1, self.config.max_queries))
        # An embedded store's read-write handle is exclusive: reads through it would wait for every running query
        # process (a shared reader) to end. A read-only view shares the store with them; a remote store has no
        # handle to share, and reads and writes go to the same endpoint.
        view = getattr(self.store, "read_view", None)
        self.reader = view() if callable(view) else self.store
        self._let_go()

    def _let_go(self) -> None:
        """After a write (and at start): close the write handle, so that reads get the store at once."""
        release = getattr(self.store, "release", None)
        if callable(release) and self.reader is not self.store:
            release()

    def stores(self) -> list[Store]:
        return [self.store] if self.reader is self.store else [self.store, self.reader]

    def close(self) -> None:
        """Close the read view (the write store is the caller's)."""
        if self.reader is not self.store:
            self.reader.close()

    def handle(self, req: Request) -> Response:
        routes: dict[tuple[str, str], Callable[[Request], Response]] = {
            ("GET", "/"): self.map_page,
            ("GET", "/query"): self.query_page,
            ("POST", "/query"): self.query_page,
            ("GET", "/sparql"): self.sparql,
            ("POST", "/sparql"): self.sparql,
            ("GET", "/upload"): self.upload_form,
            ("POST", "/upload"): self.upload,
        }
        route = routes.get((req.method, req.path))
        if route is None:
            if any(path == req.path for _, path in routes):
                return _message(HTTPStatus.METHOD_NOT_ALLOWED, "不支持的方法 method not allowed", f"{req.method} is not used on {req.path}")
            return _message(HTTPStatus.NOT_FOUND, "找不到 not found", f"no page at {req.path}: try / (map), /query, /upload or /sparql")
        return route(req)

    # -------------------------------------------------------------- map

    def map_page(self, req: Request) -> Response:
        try:
            html, _ = map_html(self.reader, claim=req.param("claim") or None, brand=req.param("brand") or None,
                               layout=req.param("layout") or "hierarchical", nav=True)
        except ArgmapError as exc:
            return _message(HTTPStatus.BAD_REQUEST, "无法绘制地图 cannot draw the map", str(exc))
        # The page carries its own CSP (script hashes) in a meta tag; framing can only be forbidden in a header.
        return Response(HTTPStatus.OK, "text/html; charset=utf-8", html.encode("utf-8"),
                        (("Content-Security-Policy", "frame-ancestors 'none'"),))

    # -------------------------------------------------------------- query page

    def query_page(self, req: Request) -> Response:
        params = dict(req.params)
        if req.method == "POST":
            params.update(parse_qs(req.body.decode("utf-8", "replace")))
        examples, examples_note = competency_examples()
        query = (params.get("q") or [""])[0]
        number = (params.get("example") or [""])[0]
        context: dict[str, Any] = {"title": "SPARQL 查询 query", "query": query, "examples": examples,
                                   "examples_note": examples_note, "timeout": self.config.timeout,
                                   "limit": self.config.limit, "error": "", "table": None, "answer": None, "seconds": 0.0}
        if number:
            found = next((ex for ex in examples if str(ex.number) == number), None)
            if found is None:
                context["error"] = f"no competency question {number}"
            else:
                query = context["query"] = found.sparql
        if query.strip():
            self._run_for_page(query, context)
        status = HTTPStatus.BAD_REQUEST if context["error"] else HTTPStatus.OK
        return _html(status, "query.html", context)

    def _run_for_page(self, query: str, context: dict[str, Any]) -> None:
        t0 = time.perf_counter()
        if not self.query_slots.acquire(blocking=False):
            context["error"] = f"the server is answering {self.config.max_queries} queries already; try again in a moment"
            return
        try:
            result = self.reader.query(query, timeout=self.config.timeout, limit=self.config.limit,
                                      memory_mb=self.config.query_memory_mb)
        except ArgmapError as exc:
            context["error"] = str(exc)
            return
        finally:
            self.query_slots.release()
        context["seconds"] = time.perf_counter() - t0
        if isinstance(result, AskResult):
            context["answer"] = "是 yes" if result.value else "否 no"
        else:
            context["table"] = result_table(result)

    # -------------------------------------------------------------- SPARQL protocol

    def sparql(self, req: Request) -> Response:
        handler = _external_sparql_handler()
        if handler is not None:
            return self._external_sparql(handler, req)
        try:
            kind, text = sparql_operation(req)
        except QueryError as exc:
            return Response(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"{exc}\n".encode("utf-8"))
        if kind == "update":
            return self._sparql_update(text)
        try:
            result = self.reader.query(text, timeout=self.config.timeout, limit=self.config.limit,
                                      memory_mb=self.config.query_memory_mb)
        except QueryTimeoutError as exc:
            return Response(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", f"{exc}\n".encode("utf-8"))
        except ArgmapError as exc:
            return Response(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"{exc}\n".encode("utf-8"))
        if isinstance(result, GraphResult):
            return Response(HTTPStatus.OK, "text/turtle; charset=utf-8", render_graph(result, GraphFormat.TURTLE).encode("utf-8"))
        return Response(HTTPStatus.OK, SPARQL_RESULTS_JSON, render_result(result, "json").encode("utf-8"))

    def _sparql_update(self, text: str) -> Response:
        if not self.config.allow_update:
            return Response(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8",
                            b"this endpoint is read-only: start argmap serve --allow-update to accept SPARQL updates\n")
        try:
            with self.write_lock:
                try:
                    self.store.update(text)
                finally:
                    self._let_go()
        except ArgmapError as exc:
            return Response(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"{exc}\n".encode("utf-8"))
        return Response(HTTPStatus.NO_CONTENT, "text/plain; charset=utf-8", b"")

    def _external_sparql(self, handler: Callable[..., Any], req: Request) -> Response:
        # argmap.server.sparql speaks the protocol in full; this adapts the request and holds the write lock
        # around anything that may write.
        query_string = "&".join(f"{quote(k)}={quote(v)}" for k, vs in req.params.items() for v in vs)
        may_write = req.method == "POST" and self.config.allow_update
        if not self.query_slots.acquire(blocking=False):
            return _busy(self.config.max_queries)
        try:
            with self.write_lock if may_write else nullcontext():
                out = handler(self.store if may_write else self.reader, method=req.method, query_string=query_string,
                              content_type=req.headers.get("Content-Type", ""), body=req.body,
                              accept=req.headers.get("Accept", ""), allow_update=self.config.allow_update,
                              timeout=self.config.timeout, limit=self.config.limit,
                              memory_mb=self.config.query_memory_mb,
                              endpoint_url=f"http://{req.headers.get('Host', 'localhost')}/sparql")
        finally:
            if may_write:
                self._let_go()
            self.query_slots.release()
        body = out.body if isinstance(out.body, bytes) else str(out.body).encode("utf-8")
        headers = getattr(out, "headers", None) or {}
        return Response(int(out.status), out.content_type, body, tuple(dict(headers).items()))

    # -------------------------------------------------------------- upload

    def upload_form(self, req: Request) -> Response:
        return _html(HTTPStatus.OK, "upload.html", self._upload_context())

    def _upload_context(self, **extra: Any) -> dict[str, Any]:
        return {"title": "上传 upload", "error": "", "done": "", "notes": [], "writable": self.config.allow_update,
                "max_mb": round(self.config.max_article_bytes / 1024 / 1024, 1), **extra}

    def upload(self, req: Request) -> Response:
        if not self.config.allow_update:  # one rule for every write: the server was started to accept them
            return _html(HTTPStatus.FORBIDDEN, "upload.html", self._upload_context(error=READ_ONLY))
        try:
            doc = upload_document(req, max_bytes=self.config.max_article_bytes)
        except (InputError, UploadError) as exc:
            return _html(HTTPStatus.BAD_REQUEST, "upload.html", self._upload_context(error=str(exc)))
        try:
            with self.write_lock:
                stored = article_hash(self.store, doc.key)
                if stored is not None and stored != content_hash(doc.content) and not wants_replace(req):
                    return _html(HTTPStatus.CONFLICT, "upload.html", self._upload_context(error=(
                        f"已有同名文章 an article named {doc.key} is already in the store with other text; "
                        "tick 替换 replace to replace it, or give the upload another title; nothing was stored")))
                try:
                    result = self.ingester(self.store, doc)
                    notes = run_reasoner_if_present(self.store) if result.outcome.value != "unchanged" else []
                finally:
                    self._let_go()
        except ImportError as exc:
            log.warning("upload refused, extractor missing: %s", exc)
            return _html(HTTPStatus.SERVICE_UNAVAILABLE, "upload.html",
                         self._upload_context(error=f"the extractor is not available in this installation ({exc}); nothing was stored"))
        except ArgmapError as exc:
            return _html(HTTPStatus.BAD_REQUEST, "upload.html", self._upload_context(error=str(exc)))
        if result.outcome.value == "unchanged":
            done = f"{doc.title or result.key}: 内容未变 unchanged, nothing to do"
        else:
            done = (f"已导入 ingested {doc.title or result.key} ({result.outcome.value}): {result.statements} 陈述 statements, "
                    f"{result.entities} 实体 entities, {result.relations} 关系 relations")
        return _html(HTTPStatus.OK, "upload.html", self._upload_context(done=done, notes=notes))


# ------------------------------------------------------------------ helpers (pure)


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    link: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    header: list[str]
    rows: list[list[Cell]]
    truncated: bool = False


def result_table(result: SelectResult | GraphResult) -> Table:
    """Query results as table cells; argmap individuals link to their place on the map."""
    if isinstance(result, GraphResult):
        rows = [[_cell(t.subject), _cell(t.predicate), _cell(t.object)] for t in result.triples]
        return Table(["subject", "predicate", "object"], rows)
    rows = [[_cell(t) for t in row] for row in result.rows]
    return Table([f"?{v}" for v in result.variables], rows, bool(getattr(result, "truncated", False)))


def _cell(term: Term | None) -> Cell:
    text = cell_text(term)
    value = getattr(term, "value", "")
    if isinstance(value, str) and ("/id/statement/" in value or "/id/brand/" in value) and text.startswith("amid:"):
        return Cell(text, "/?node=" + quote(value, safe=""))
    return Cell(text)


def competency_examples() -> tuple[list[Any], str]:
    """The competency questions as ready examples, when the module that ships them is installed."""
    try:
        queries = importlib.import_module("argmap.ontology.queries")
        return list(queries.all_competency_queries()), ""
    except (ImportError, AttributeError, OSError, ArgmapError) as exc:
        log.info("no competency questions: %s", exc)
        return [], "能力问题尚不可用 the competency questions are not installed"


def sparql_operation(req: Request) -> tuple[str, str]:
    """("query" | "update", text) from a SPARQL 1.1 Protocol request."""
    ctype = req.headers.get_content_type() if req.headers.get("Content-Type") else ""
    if req.method == "GET":
        if req.param("update"):
            raise QueryError("updates must be sent with POST")
        if not req.param("query"):
            raise QueryError("give a query: /sparql?query=SELECT ... (or POST application/sparql-query)")
        return "query", req.param("query")
    if ctype == "application/x-www-form-urlencoded":
        form = parse_qs(req.body.decode("utf-8", "replace"))
        if form.get("update"):
            return "update", form["update"][0]
        if form.get("query"):
            return "query", form["query"][0]
        raise QueryError("the form has neither query= nor update=")
    if ctype == "application/sparql-query":
        return "query", _utf8(req.body)
    if ctype == "application/sparql-update":
        return "update", _utf8(req.body)
    raise QueryError(f"unsupported content type {ctype or '(none)'}: use application/sparql-query, "
                     "application/sparql-update or application/x-www-form-urlencoded")


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError("the request body is not UTF-8") from None


def upload_document(req: Request, *, max_bytes: int) -> SourceDoc:
    """The uploaded article as a SourceDoc, or an error saying why it is not one (nothing stored yet)."""
    from argmap.documents import read_document
    from argmap.graph.iri import slugify

    filename, data, title = _upload_fields(req)
    suffix = Path(filename).suffix.lower()
    if filename and suffix not in SUFFIXES:
        raise UploadError(f"{filename}: only .txt, .md and .html articles can be uploaded")
    document = read_document(data, name=f"upload:{filename or 'pasted'}", suffix=suffix, max_bytes=max_bytes)
    stem = title or Path(filename).stem or document.title[:40] or document.content.strip().splitlines()[0][:40]
    return SourceDoc.of(slugify(stem), document, title=title or Path(filename).stem or stem)


def wants_replace(req: Request) -> bool:
    """Whether the upload form's "replace" box was ticked (an existing article may then be replaced)."""
    ctype = req.headers.get_content_type() if req.headers.get("Content-Type") else ""
    if ctype == "application/x-www-form-urlencoded":
        return bool(parse_qs(req.body.decode("utf-8", "replace")).get("replace"))
    if ctype != "multipart/form-data":
        return False
    envelope = f"Content-Type: {req.headers.get('Content-Type')}\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=HTTP).parsebytes(envelope + req.body)
    return any(part.get_param("name", header="content-disposition") == "replace" for part in _parts(message))


def _upload_fields(req: Request) -> tuple[str, bytes, str]:
    """(file name, bytes, title) from a multipart or url-encoded upload form; a file wins over pasted text."""
    ctype = req.headers.get_content_type() if req.headers.get("Content-Type") else ""
    if ctype == "application/x-www-form-urlencoded":
        form = parse_qs(req.body.decode("utf-8", "replace"))
        return "", (form.get("text") or [""])[0].encode("utf-8"), (form.get("title") or [""])[0].strip()
    if ctype != "multipart/form-data":
        raise UploadError("send the article from the upload form (multipart/form-data)")
    envelope = f"Content-Type: {req.headers.get('Content-Type')}\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=HTTP).parsebytes(envelope + req.body)
    fields: dict[str, tuple[str, bytes]] = {}
    for part in _parts(message):
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str) and name not in fields:
            payload = part.get_payload(decode=True)
            fields[name] = (part.get_filename() or "", payload if isinstance(payload, bytes) else b"")
    title = fields.get("title", ("", b""))[1].decode("utf-8", "replace").strip()
    filename, data = fields.get("article", ("", b""))
    if filename or data:
        return Path(filename).name, data, title
    pasted = fields.get("text", ("", b""))[1]
    if not pasted.strip():
        raise InputError("the upload is empty: choose a file or paste the article's text")
    return "", pasted, title


def _parts(message: Message) -> Iterator[Message]:
    if not message.is_multipart():
        raise UploadError("the upload form could not be read (no multipart parts)")
    payload = message.get_payload()
    return iter(payload if isinstance(payload, list) else [])


def _busy(slots: int) -> Response:
    return Response(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8",
                    f"the server is answering {slots} queries already; try again in a moment\n".encode("utf-8"),
                    (("Retry-After", "2"),))


def _external_sparql_handler() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("argmap.server.sparql")
    except ImportError:
        return None
    return getattr(module, "handle_sparql", None)


def _html(status: int, template: str, context: dict[str, Any]) -> Response:
    body = page_environment().get_template(template).render(**context).encode("utf-8")
    return Response(status, "text/html; charset=utf-8", body, (("Content-Security-Policy", PAGE_CSP),))


def _message(status: int, title: str, message: str, css: str = "error") -> Response:
    return _html(status, "message.html", {"title": title, "message": message, "css": css})


# ------------------------------------------------------------------ HTTP plumbing

CONNECTION_TIMEOUT = 30.0
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _content_length(value: str | None) -> int | None:
    """The declared body size; ``None`` for a negative or non-numeric one (never read as 'unlimited')."""
    if value is None or not value.strip():
        return 0
    text = value.strip()
    return int(text) if text.isdigit() else None



class _Handler(BaseHTTPRequestHandler):
    server: _AppServer
    protocol_version = "HTTP/1.1"
    timeout = CONNECTION_TIMEOUT  # seconds a connection may sit idle or trickle before it is closed

    head_only = False  # answering HEAD: the GET response's headers, no body

    def do_GET(self) -> None:
        self.head_only = False
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self.head_only = True
        self._dispatch("GET")

    def do_POST(self) -> None:
        self.head_only = False
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        if not self._own_host():
            # DNS rebinding: a name the attacker controls, resolved to 127.0.0.1, must not reach this server.
            self._send(_message(HTTPStatus.MISDIRECTED_REQUEST, "拒绝 refused",
                                f"this server answers only to {', '.join(self._hosts())}"))
            return
        if not self._same_origin(method):
            self._send(_message(HTTPStatus.FORBIDDEN, "拒绝 refused", "requests from other sites are refused"))
            return
        body = b""
        if method == "POST":
            length = _content_length(self.headers.get("Content-Length"))
            if length is None:
                self.close_connection = True
                self._send(_message(HTTPStatus.BAD_REQUEST, "错误 bad request",
                                    "Content-Length must be a whole number of bytes, 0 or more"))
                return
            limit = self.server.app.config.max_article_bytes + FORM_OVERHEAD_BYTES if url.path == "/upload" else MAX_QUERY_BYTES
            if length > limit:
                self.close_connection = True  # the body is not read: the connection cannot be reused
                self._send(_message(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "太大 too large",
                                    f"{length:,} bytes is more than the {limit:,}-byte limit; nothing was stored"))
                return
            body = self.rfile.read(length) if length else b""
        req = Request(method, url.path, parse_qs(url.query, keep_blank_values=True), self.headers, body)
        try:
            response = self.server.app.handle(req)
        except Exception:  # a bug must not kill the server thread; the user gets a 500 and the log the traceback
            log.exception("error while serving %s %s", method, self.path)
            response = _message(HTTPStatus.INTERNAL_SERVER_ERROR, "内部错误 internal error", "see the server log")
        self._send(response)

    def _same_origin(self, method: str) -> bool:
        """Refuse cross-site requests (a page elsewhere posting to this server); browsers always send Origin on
        POST, and a sandboxed frame or a file:// page sends ``null``, which is never this server."""
        origin = self.headers.get("Origin")
        if not origin:
            return True  # not a browser: nothing cross-site about it
        if origin == "null":
            return method == "GET"
        return urlsplit(origin).netloc == (self.headers.get("Host") or "")

    def _hosts(self) -> list[str]:
        host, port = self.server.server_address[:2]
        names = {str(host), "127.0.0.1", "localhost", "[::1]"} if host in _LOOPBACK else {str(host)}
        return sorted(f"{name}:{port}" for name in names)

    def _own_host(self) -> bool:
        """On loopback, only requests addressed to this server by one of its own names (and port) are served;
        a server the user bound to another address has chosen to be reached by other names."""
        if self.server.server_address[0] not in _LOOPBACK:
            return True
        return (self.headers.get("Host") or "").lower() in self._hosts()

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")  # no page of this server inside another site's frame
        # same-origin, not no-referrer: under no-referrer the browser sends "Origin: null" with our own forms,
        # which could not then be told from a sandboxed attacker page.
        self.send_header("Referrer-Policy", "same-origin")
        self.send_header("Cache-Control", "no-store")
        for name, value in response.headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not self.head_only:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        log.info("%s " + format, self.address_string(), *args)


class _AppServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], app: ArgmapApp) -> None:
        self.app = app
        super().__init__(address, _Handler)


@dataclass
class RunningServer:
    """A server running in a background thread (tests, embedding); ``stop()`` ends it."""

    httpd: _AppServer
    thread: threading.Thread
    stopping: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)
        self.httpd.app.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def bind(app: ArgmapApp, *, host: str, port: int) -> _AppServer:
    try:
        return _AppServer((host, port), app)
    except OSError as exc:
        raise ServerError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); choose another --port") from None


RELEASE_EVERY = 0.5  # seconds between checks whether a command-line reader or writer waits for the store


def _release_when_wanted(store: Store, stop: threading.Event) -> None:
    """An idle server lets others at the store: without this a reader would wait for the next request."""
    release = getattr(store, "release_if_wanted", None)
    if release is None:
        return  # a remote store holds no local handle
    while not stop.wait(RELEASE_EVERY):
        release()


def start_server(store: Store, *, host: str = "127.0.0.1", port: int = 0, config: AppConfig | None = None,
                 ingester: Ingester = default_ingester) -> RunningServer:
    """Serve ``store`` from a background thread; port 0 picks a free port (see ``.url``)."""
    app = ArgmapApp(store, config or AppConfig(), ingester)
    try:
        httpd = bind(app, host=host, port=port)
    except BaseException:
        app.close()
        raise
    thread = threading.Thread(target=httpd.serve_forever, name="argmap-serve", daemon=True)
    thread.start()
    running = RunningServer(httpd, thread)
    for each in app.stores():
        threading.Thread(target=_release_when_wanted, args=(each, running.stopping), name="argmap-release",
                         daemon=True).start()
    return running


def serve(store_location: str, *, host: str, port: int, allow_update: bool, timeout: float, limit: int,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted (Ctrl-C), then close the store."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s: anyone who can reach this address can upload articles", host)
    store = open_store(store_location, create=False)  # only ingest and import create a store
    stopping = threading.Event()
    app: ArgmapApp | None = None
    try:
        app = ArgmapApp(store, AppConfig(allow_update=allow_update, timeout=timeout, limit=limit))
        for each in app.stores():
            threading.Thread(target=_release_when_wanted, args=(each, stopping), name="argmap-release",
                             daemon=True).start()
        httpd = bind(app, host=host, port=port)
        with httpd:
            if on_ready is not None:
                bound_host, bound_port = httpd.server_address[:2]
                on_ready(f"http://{bound_host}:{bound_port}/")
            try:
                httpd.serve_forever()
            except KeyboardInterrupt:
                log.info("stopped")
    finally:
        stopping.set()
        if app is not None:
            app.close()
        store.close()
