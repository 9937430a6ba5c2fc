"""The local server under requests a hostile web page or a careless client would send (loopback only)."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from argmap.server import app as app_module
from argmap.server.app import AppConfig, RunningServer, start_server
from tests.viz.vizdata import demo_store, stub_ingester


@contextmanager
def served(tmp_path: Path, config: AppConfig) -> Iterator[tuple[RunningServer, object]]:
    """A server on a fresh demo store, stopped and closed afterwards."""
    store = demo_store(tmp_path / "store")
    server = start_server(store, config=config, ingester=stub_ingester)
    try:
        yield server, store
    finally:
        server.stop()
        store.close()


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[tuple[RunningServer, object]]:
    with served(tmp_path, AppConfig(allow_update=True, timeout=10)) as running:
        yield running


def _request(server: RunningServer, method: str, path: str, *, body: bytes = b"",
             headers: dict[str, str] | None = None) -> tuple[int, str]:
    host, port = server.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        sent = {"Host": f"{host}:{port}", **(headers or {})}
        for name, value in sent.items():
            conn.putheader(name, value)
        if "Content-Length" not in sent and method == "POST":
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body or None)
        reply = conn.getresponse()
        return reply.status, reply.read().decode("utf-8", "replace")
    finally:
        conn.close()


def _count(store: object) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0].value)  # type: ignore[attr-defined]


def _update(statement: str) -> bytes:
    return urllib.parse.urlencode({"update": statement}).encode()


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("origin", ["null", "http://evil.example"])
def test_cross_site_and_null_origin_writes_are_refused(writable, origin: str) -> None:
    server, store = writable
    before = _count(store)
    status, _ = _request(server, "POST", "/sparql", body=_update("CLEAR ALL"), headers={**FORM, "Origin": origin})
    assert status == 403 and _count(store) == before


def test_a_same_origin_write_is_accepted(writable) -> None:
    server, store = writable
    host, port = server.httpd.server_address[:2]
    before = _count(store)
    status, _ = _request(server, "POST", "/sparql", headers={**FORM, "Origin": f"http://{host}:{port}"},
                         body=_update("INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"))
    assert status in (200, 204) and _count(store) == before + 1


@pytest.mark.parametrize("host", ["rebind.attacker.example:{port}", "127.0.0.1:1", "evil.example"])
def test_a_foreign_host_name_is_refused_even_for_reads(writable, host: str) -> None:
    server, _ = writable
    port = server.httpd.server_address[1]
    status, text = _request(server, "GET", "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"),
                            headers={"Host": host.format(port=port)})
    assert status == 421 and "answers only to" in text


@pytest.mark.parametrize("length", ["-1", "abc", "1e9"])
def test_a_malformed_content_length_is_a_clear_400(writable, length: str) -> None:
    server, store = writable
    before = _count(store)
    status, text = _request(server, "POST", "/sparql", body=b"", headers={**FORM, "Content-Length": length})
    assert status == 400 and "Content-Length" in text and _count(store) == before


def test_service_queries_are_refused_without_calling_out(writable) -> None:
    server, _ = writable
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    try:
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/x"
        query = urllib.parse.quote(f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
        status, text = _request(server, "GET", f"/sparql?query={query}")
        assert status == 400 and "SERVICE" in text
        with pytest.raises(socket.timeout):
            listener.accept()  # nobody called
    finally:
        listener.close()


def test_an_idle_connection_is_closed(writable, monkeypatch: pytest.MonkeyPatch) -> None:
    server, _ = writable
    monkeypatch.setattr(app_module._Handler, "timeout", 0.5)
    host, port = server.httpd.server_address[:2]
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\n")  # and then nothing more
        started = time.monotonic()
        assert sock.recv(1024) == b""  # the server hung up
        assert time.monotonic() - started < 4


@pytest.mark.parametrize("path", ["/", "/query", "/upload"])
def test_no_page_can_be_framed_by_another_site(writable, path: str) -> None:
    server, _ = writable
    host, port = server.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request("GET", path)
        reply = conn.getresponse()
        reply.read()
        assert reply.getheader("X-Frame-Options") == "DENY"
        assert "frame-ancestors 'none'" in (reply.getheader("Content-Security-Policy") or "")
    finally:
        conn.close()


def test_a_memory_hungry_query_is_stopped_by_its_cap(tmp_path: Path) -> None:
    with served(tmp_path, AppConfig(timeout=30, query_memory_mb=768)) as (server, _):
        query = urllib.parse.quote("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?f ?c ?i")
        started = time.monotonic()
        status, text = _request(server, "GET", f"/sparql?query={query}")
        assert status == 400 and "MB allowed one query" in text
        assert time.monotonic() - started < 30  # stopped by the cap, not by the timeout
        ok = urllib.parse.quote("ASK { ?s ?p ?o }")
        assert _request(server, "GET", f"/sparql?query={ok}")[0] == 200  # and the server carries on


def test_queries_beyond_the_limit_get_503(tmp_path: Path) -> None:
    import threading

    with served(tmp_path, AppConfig(timeout=30, max_queries=1)) as (server, _):
        slow = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        def hold_the_slot() -> None:
            try:
                _request(server, "GET", f"/sparql?query={slow}")
            except OSError:
                pass  # the client gives up first; the server still stops the query at its own deadline

        first = threading.Thread(target=hold_the_slot)
        first.start()
        time.sleep(0.3)  # the first query holds the only slot
        status, text = _request(server, "GET", "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))
        first.join(60)
        assert status == 503 and "try again" in text


def test_a_command_line_reader_does_not_wait_on_an_idle_server(tmp_path: Path) -> None:
    import subprocess
    import sys

    with served(tmp_path, AppConfig(timeout=10)) as (server, _):
        assert _request(server, "GET", "/")[0] == 200  # the server now holds the store's handle, then idles
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "argmap", "articles", "--store", str(tmp_path / "store")],
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert time.monotonic() - started < 15  # not the 60 s busy wait
        assert _request(server, "GET", "/")[0] == 200  # and the server takes the store back for its next request


def test_an_abandoned_query_process_ends_by_itself(tmp_path: Path) -> None:
    """Its parent gone (no kill at the deadline), the worker still stops once it used its time in CPU."""
    import pickle
    import subprocess
    import sys

    from argmap.ontology.namespaces import PREFIXES

    store = demo_store(tmp_path / "store")
    store.close()
    job = pickle.dumps((str(tmp_path / "store"), "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                        PREFIXES, 10, None, 1.0))
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "argmap.graph.worker"], input=job, capture_output=True, timeout=60)
    assert proc.returncode != 0 and time.monotonic() - started < 30


def test_a_long_query_does_not_hold_up_the_map_page_or_other_reads(tmp_path: Path) -> None:
    import threading

    with served(tmp_path, AppConfig(timeout=8)) as (server, _):
        slow = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        answers: list[int] = []
        long_query = threading.Thread(target=lambda: answers.append(_request(server, "GET", f"/sparql?query={slow}")[0]))
        long_query.start()
        time.sleep(0.5)  # the long query's process now holds its (shared) read of the store
        started = time.monotonic()
        assert _request(server, "GET", "/")[0] == 200
        assert _request(server, "GET", "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"))[0] == 200
        waited = time.monotonic() - started
        assert long_query.is_alive(), "the long query ended first: nothing was tested"
        assert waited < 4, f"the map page and a short query took {waited:.1f} s behind a long query"
        long_query.join(60)
        assert answers == [503]  # stopped at its own deadline


def test_after_an_upload_the_map_shows_it_at_once(writable) -> None:
    """The map reads through a read-only view, opened before the upload: it must see the upload all the same."""
    server, _ = writable
    assert "Zorblax" not in _request(server, "GET", "/")[1]
    boundary = "b0undary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nfresh\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nZorblax raised prices again.\r\n"
            f"--{boundary}--\r\n").encode()
    status, _ = _request(server, "POST", "/upload", body=body,
                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 200
    assert "Zorblax" in _request(server, "GET", "/")[1]
