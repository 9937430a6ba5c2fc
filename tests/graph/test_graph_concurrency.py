"""Safety: a kill mid-ingest leaves whole articles only; writers serialise or are refused; reads go on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.errors import StoreLockedError
from argmap.graph.iri import STAGING_GRAPHS
from argmap.graph.results import AskResult, SelectResult
from argmap.graph.store import open_store

WRITER = Path(__file__).with_name("graph_writer_proc.py")
ROOT = Path(__file__).resolve().parents[2]


def _writer(store: Path, first: int, count: int, claims: int, evidence: int, wait: float = 0.0) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(store), str(first), str(count), str(claims), str(evidence), str(wait)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def _wait_for_line(proc: subprocess.Popen[str], prefix: str) -> str:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(prefix):
            return line
    raise AssertionError(f"writer ended before printing {prefix!r}: {proc.stderr.read() if proc.stderr else ''}")


def _statements_per_article(store: Path) -> dict[str, int]:
    st = open_store(store, read_only=True)
    try:
        res = st.query(
            "SELECT ?g (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?g a am:Article . "
            "OPTIONAL { ?s am:inArticle ?g ; am:startChar ?x . FILTER NOT EXISTS { ?s a am:Quantity } } } } GROUP BY ?g"
        )
    finally:
        st.close()
    assert isinstance(res, SelectResult)
    return {g.value: int(n.value) for g, n in res.rows}


@pytest.mark.slow
def test_kill_mid_ingest_leaves_only_complete_articles(tmp_path: Path) -> None:
    store = tmp_path / "store"
    claims, evidence = 150, 300  # big articles: a write takes ~0.2 s of each ~0.25 s, so kills land inside one
    stored = 0
    for round_, delay in enumerate((0.05, 0.12, 0.19)):
        proc = _writer(store, round_ * 1000, 200, claims, evidence)
        _wait_for_line(proc, f"stored {round_ * 1000 + 1}")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        counts = _statements_per_article(store)
        assert len(counts) >= stored + 2
        assert set(counts.values()) == {claims + evidence}, "an article graph is incomplete"
        stored = len(counts)
    # the store is usable: it opens for writing and takes more articles
    after = _writer(store, 9000, 1, 2, 2)
    assert after.wait(timeout=60) == 0, after.stderr.read() if after.stderr else ""
    assert len(_statements_per_article(store)) == stored + 1


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = open_store(store)
    try:
        with pytest.raises(StoreLockedError) as err:
            open_store(store)
        assert "being written by another argmap process" in str(err.value)
        assert f"process {os.getpid()}" in str(err.value)
    finally:
        first.close()
    open_store(store).close()  # free again once the first writer is closed


@pytest.mark.slow
def test_writers_that_wait_serialise(tmp_path: Path) -> None:
    store = tmp_path / "store"
    a = _writer(store, 0, 40, 20, 40)
    _wait_for_line(a, "opened")
    b = _writer(store, 100, 5, 2, 2, wait=120)
    assert a.wait(timeout=120) == 0
    assert b.wait(timeout=120) == 0, b.stderr.read() if b.stderr else ""
    assert len(_statements_per_article(store)) == 45


@pytest.mark.slow
def test_reads_keep_working_during_an_ingest_and_see_whole_articles(tmp_path: Path) -> None:
    store = tmp_path / "store"
    proc = _writer(store, 0, 150, 20, 40)
    _wait_for_line(proc, "stored 0")
    seen: list[int] = []
    while proc.poll() is None and len(seen) < 15:
        counts = _statements_per_article(store)
        assert set(counts.values()) <= {60}
        seen.append(len(counts))
    proc.kill()
    proc.wait()
    assert len(seen) >= 3, "reads were starved during the ingest"
    assert seen == sorted(seen)


@pytest.mark.slow
def test_kill_mid_replacement_leaves_the_old_or_the_new_version(tmp_path: Path) -> None:
    """The staged path (a large replacement): killed while staging, switching or clearing the staging graph."""
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    versions = {claims + evidence for claims, evidence in ((150, 300), (100, 200))}
    for delay in (0.05, 0.15, 0.3, 0.45):
        proc = subprocess.Popen([sys.executable, str(WRITER.with_name("graph_replacer_proc.py")), str(store), "50"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        _wait_for_line(proc, "stored 1")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        counts = _statements_per_article(store)
        assert len(counts) == 1 and set(counts.values()) <= versions, f"a mixed version after {delay} s: {counts}"
        with open_store(store) as st:  # a writer clears what the kill left; the union is then exact
            union_only = st.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
            graphs_only = st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }")
            assert isinstance(union_only, SelectResult) and isinstance(graphs_only, SelectResult)
            staging = st.query(f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), "{STAGING_GRAPHS}") }}')
            assert union_only.rows[0][0].value == graphs_only.rows[0][0].value == "0"
            assert staging == AskResult(False)
