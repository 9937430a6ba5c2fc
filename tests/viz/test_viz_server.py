"""The web app over real HTTP on an ephemeral port: map, query page, SPARQL endpoint, uploads."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from argmap.graph.store import Store
from argmap.server.app import AppConfig, start_server
from tests.viz.vizdata import demo_store, stub_ingester


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    text: str


def call(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> Reply:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return Reply(resp.status, dict(resp.headers), resp.read().decode("utf-8"))
    except urllib.error.HTTPError as err:
        return Reply(err.code, dict(err.headers), err.read().decode("utf-8", "replace"))


def multipart(fields: dict[str, tuple[str, bytes] | str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = b""
    for name, value in fields.items():
        if isinstance(value, tuple):
            filename, data = value
            head = f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\nContent-Type: application/octet-stream'
        else:
            head, data = f'Content-Disposition: form-data; name="{name}"', value.encode("utf-8")
        out += f"--{boundary}\r\n{head}\r\n\r\n".encode() + data + b"\r\n"
    return out + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def quad_count(store: Store) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0].value)


@pytest.fixture
def app(tmp_path: Path):
    store = demo_store(tmp_path / "store")
    server = start_server(store, config=AppConfig(max_article_bytes=4000, timeout=10, allow_update=True),
                          ingester=stub_ingester)
    yield server, store
    server.stop()
    store.close()


def node_count(html: str) -> int:
    return int(html.split('data-nodes="', 1)[1].split('"', 1)[0])


def test_map_page_is_served_fresh_with_navigation(app) -> None:
    server, _ = app
    r = call(server.url + "/")
    assert r.status == 200 and "text/html" in r.headers["Content-Type"]
    assert node_count(r.text) == 10 and 'href="/query"' in r.text
    focused = call(server.url + "/?brand=" + urllib.parse.quote("苹果"))
    assert focused.status == 200 and node_count(focused.text) < 10
    bad = call(server.url + "/?brand=Nokia")
    assert bad.status == 400 and "Nokia" in bad.text


def test_query_page_shows_a_table_and_escapes_results(app) -> None:
    server, _ = app
    q = "SELECT ?t WHERE { ?s a am:Claim ; am:text ?t } ORDER BY ?t"
    r = call(server.url + "/query?q=" + urllib.parse.quote(q))
    assert r.status == 200 and 'id="results"' in r.text
    assert r.text.count("<tr>") == 1 + 3  # header and three claims
    assert "<script>window.__pwned" not in r.text and "&lt;script&gt;window.__pwned" in r.text
    assert "Content-Security-Policy" in r.headers


def test_query_page_shows_errors_inline(app) -> None:
    server, _ = app
    r = call(server.url + "/query?q=" + urllib.parse.quote("SELECT WHERE {"))
    assert r.status == 400 and 'id="query-error"' in r.text and "E301" in r.text


def test_query_page_offers_competency_questions(app) -> None:
    server, _ = app
    page = call(server.url + "/query").text
    pytest.importorskip("argmap.ontology.queries")
    assert "/query?example=1" in page
    r = call(server.url + "/query?example=6")
    assert r.status == 200 and 'id="results"' in r.text


def test_sparql_endpoint_answers_and_stays_read_only(tmp_path: Path) -> None:
    store = demo_store(tmp_path / "store")
    server = start_server(store, config=AppConfig(timeout=10))  # no --allow-update: read-only
    try:
        q = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s a am:Claim }")
        r = call(f"{server.url}/sparql?query={q}", headers={"Accept": "application/sparql-results+json"})
        assert r.status == 200
        assert json.loads(r.text)["results"]["bindings"][0]["n"]["value"] == "3"
        before = quad_count(store)
        upd = call(server.url + "/sparql", data=b"INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }",
                   headers={"Content-Type": "application/sparql-update"})
        assert upd.status in (401, 403) and quad_count(store) == before
    finally:
        server.stop()
        store.close()


def test_sparql_updates_with_allow_update(tmp_path: Path) -> None:
    store = demo_store(tmp_path / "store", hostile=False)
    with start_server(store, config=AppConfig(allow_update=True)) as server:
        before = quad_count(store)
        r = call(server.url + "/sparql", data=b"INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }",
                 headers={"Content-Type": "application/sparql-update"})
        assert r.status in (200, 204) and quad_count(store) == before + 1
    store.close()


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        ({"article": ("a.txt", b"")}, 400, "empty"),
        ({"article": ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")}, 400, "binary"),
        ({"article": ("a.txt", "小米的高端化".encode("gb18030"))}, 400, "UTF-8"),
        ({"article": ("a.txt", "长".encode() * 2000)}, 400, "limit"),
        ({"article": ("a.png", "小米".encode())}, 400, ".txt"),
        ({"text": "   "}, 400, "empty"),
    ],
)
def test_bad_uploads_get_a_message_and_change_nothing(app, fields: dict, status: int, message: str) -> None:
    server, store = app
    before = quad_count(store)
    body, ctype = multipart(fields)
    r = call(server.url + "/upload", data=body, headers={"Content-Type": ctype})
    assert r.status == status and 'id="upload-error"' in r.text and message in r.text
    assert quad_count(store) == before


def test_oversized_upload_is_refused_before_reading(app) -> None:
    server, store = app
    before = quad_count(store)
    body, ctype = multipart({"article": ("big.txt", b"x" * 200_000)})
    r = call(server.url + "/upload", data=body, headers={"Content-Type": ctype})
    assert r.status == 413 and quad_count(store) == before


def test_upload_ingests_and_the_map_shows_it(app) -> None:
    server, store = app
    body, ctype = multipart({"article": ("新文章.txt", "华为的高端化已经进入价值层面。\n第二段。".encode())})
    r = call(server.url + "/upload", data=body, headers={"Content-Type": ctype})
    assert r.status == 200 and 'id="upload-ok"' in r.text
    page = call(server.url + "/").text
    assert node_count(page) == 11 and "华为的高端化已经进入价值层面" in page


def test_cross_site_posts_are_refused(app) -> None:
    server, store = app
    before = quad_count(store)
    body, ctype = multipart({"text": "小米很好。"})
    r = call(server.url + "/upload", data=body, headers={"Content-Type": ctype, "Origin": "http://evil.example"})
    assert r.status == 403 and quad_count(store) == before


def test_unknown_page_is_404(app) -> None:
    server, _ = app
    assert call(server.url + "/nothing-here").status == 404


def test_a_read_only_server_refuses_uploads_and_says_how_to_allow_them(tmp_path: Path) -> None:
    store = demo_store(tmp_path / "store")
    server = start_server(store, config=AppConfig(timeout=10), ingester=stub_ingester)
    try:
        before = quad_count(store)
        assert 'id="upload-read-only"' in call(server.url + "/upload").text
        body, ctype = multipart({"text": "华为的高端化已经进入价值层面。"})
        r = call(server.url + "/upload", data=body, headers={"Content-Type": ctype})
        assert r.status == 403 and "--allow-update" in r.text and quad_count(store) == before
    finally:
        server.stop()
        store.close()


def test_an_upload_never_replaces_an_article_unless_asked(app) -> None:
    server, store = app
    first, ctype = multipart({"title": "同名", "text": "华为的高端化已经进入价值层面。"})
    assert call(server.url + "/upload", data=first, headers={"Content-Type": ctype}).status == 200
    before = quad_count(store)
    other, ctype = multipart({"title": "同名", "text": "Nothing here."})
    r = call(server.url + "/upload", data=other, headers={"Content-Type": ctype})
    assert r.status == 409 and "replace" in r.text and quad_count(store) == before
    asked, ctype = multipart({"title": "同名", "text": "Nothing here.", "replace": "on"})
    assert call(server.url + "/upload", data=asked, headers={"Content-Type": ctype}).status == 200
