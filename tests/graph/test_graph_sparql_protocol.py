"""The SPARQL 1.1 Protocol handler, over real HTTP on loopback (a stdlib server calling it)."""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
import pytest

from argmap.graph.store import open_store
from argmap.graph.synthetic import synthetic_analysis
from argmap.ingestion import store_analysis
from argmap.server.sparql import handle_sparql, negotiate, ProtocolError

CLAIMS = "SELECT ?c ?t WHERE { ?c a am:Claim ; am:text ?t } ORDER BY ?c"


def _server(store: Path, *, allow_update: bool, timeout: float = 10.0, limit: int = 1000) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            path, _, qs = self.path.partition("?")
            length = int(self.headers.get("Content-Length") or 0)
            res = handle_sparql(
                store, method=self.command, query_string=qs, body=self.rfile.read(length) if length else b"",
                content_type=self.headers.get("Content-Type"), accept=self.headers.get("Accept"),
                allow_update=allow_update, timeout=timeout, limit=limit,
            )
            self.send_response(res.status)
            self.send_header("Content-Type", res.content_type)
            self.send_header("Content-Length", str(len(res.body)))
            for k, v in res.headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(res.body)

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sparql") / "store"
    st = open_store(path)
    for i in range(3):
        store_analysis(st, synthetic_analysis(i))
    st.close()
    return path


def _serve(store: Path, **kw: object) -> Iterator[str]:
    server = _server(store, **kw)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def endpoint(store_dir: Path) -> Iterator[str]:
    yield from _serve(store_dir, allow_update=False, timeout=0.5, limit=5)


def _call(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read()


def test_get_select_returns_w3c_json(endpoint: str) -> None:
    status, ctype, body = _call(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT ?c WHERE { ?c a am:Claim } LIMIT 2"}))
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    doc = json.loads(body)
    assert doc["head"]["vars"] == ["c"] and len(doc["results"]["bindings"]) == 2
    assert doc["results"]["bindings"][0]["c"]["type"] == "uri"


def test_post_form_and_direct_query_with_csv(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": "SELECT ?c WHERE { ?c a am:Claim } LIMIT 3"}).encode()
    status, _, body = _call(endpoint, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    status, ctype, body = _call(endpoint, data=b"SELECT ?c ?t WHERE { ?c a am:Claim ; am:text ?t } LIMIT 2",
                                headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and ctype.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["c", "t"] and len(rows) == 3 and any("\u4e00" <= ch <= "\u9fff" for ch in rows[1][1])


def test_ask_and_construct_negotiate(endpoint: str) -> None:
    status, _, body = _call(endpoint, data=b"ASK { ?c a am:Claim }", headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    q = b"CONSTRUCT { ?c a am:Claim } WHERE { ?c a am:Claim } LIMIT 2"
    status, ctype, body = _call(endpoint, data=q, headers={"Content-Type": "application/sparql-query",
                                                           "Accept": "application/n-triples"})
    assert status == 200 and ctype.startswith("application/n-triples")
    assert len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) == 2
    status, ctype, body = _call(endpoint, data=q, headers={"Content-Type": "application/sparql-query"})
    assert ctype.startswith("text/turtle") and b"@prefix am:" in body


def test_limit_cuts_and_says_so(endpoint: str) -> None:
    req = urllib.request.Request(endpoint, data=CLAIMS.encode(), headers={"Content-Type": "application/sparql-query"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.headers.get("X-Argmap-Truncated") == "true"
        assert len(json.loads(resp.read())["results"]["bindings"]) == 5


@pytest.mark.parametrize(
    ("data", "headers", "status", "fragment"),
    [
        (b"SELECT ?x WHERE {\n ?x ?y }", {"Content-Type": "application/sparql-query"}, 400, b"line 2"),
        (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", {"Content-Type": "application/sparql-update"}, 403, b"--allow-update"),
        (b"update=DROP%20ALL", {"Content-Type": "application/x-www-form-urlencoded"}, 403, b"--allow-update"),
        (b"ASK {}", {"Content-Type": "text/plain"}, 415, b"application/sparql-query"),
        (b"ASK {}", {"Content-Type": "application/sparql-query", "Accept": "image/png"}, 406, b"acceptable"),
        (b"SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }",
         {"Content-Type": "application/sparql-query"}, 503, b"did not finish"),
    ],
)
def test_refusals_are_one_line_with_the_right_status(endpoint: str, data: bytes, headers: dict[str, str],
                                                     status: int, fragment: bytes) -> None:
    got, _, body = _call(endpoint, data=data, headers=headers)
    assert got == status
    assert fragment in body and body.count(b"\n") == 1


def test_updates_when_allowed_are_applied(tmp_path: Path) -> None:
    path = tmp_path / "store"
    open_store(path).close()
    for url in _serve(path, allow_update=True):
        status, _, _ = _call(url, data=b"INSERT DATA { GRAPH <urn:g> { <urn:a> a am:Claim } }",
                             headers={"Content-Type": "application/sparql-update"})
        assert status == 204
        _, _, body = _call(url + "?query=" + urllib.parse.quote("ASK { <urn:a> a am:Claim }"))
        assert json.loads(body)["boolean"] is True


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/sparql-results+json"),
        ("text/csv", "text/csv"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/*", "text/csv"),
    ],
)
def test_negotiate(accept: str | None, expected: str) -> None:
    offered = ["application/sparql-results+json", "text/csv", "application/sparql-results+xml"]
    assert negotiate(accept, offered, "application/sparql-results+json") == expected


def test_negotiate_refuses_what_it_cannot_make() -> None:
    with pytest.raises(ProtocolError):
        negotiate("image/png", ["text/csv"], "text/csv")
