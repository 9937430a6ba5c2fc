"""The embedded store: named graphs per article, ontology graph, replace/remove, shared entities, errors."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from argmap.errors import QueryError, QueryTimeoutError, StoreError
from argmap.graph.iri import ONTOLOGY_GRAPH, article_iri
from argmap.graph.results import AskResult, GraphResult, SelectResult
from argmap.graph.store import ensure_ontology, list_articles, open_store
from argmap.graph.synthetic import synthetic_analysis
from argmap.ingestion import Outcome, remove_article, store_analysis


def _count(st, where: str) -> int:
    res = st.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    assert isinstance(res, SelectResult)
    return int(res.rows[0][0].value)


def test_each_article_is_its_own_named_graph_and_the_ontology_has_one(filled_store) -> None:
    names = filled_store.graph_names()
    assert str(ONTOLOGY_GRAPH) in names
    assert {str(article_iri(f"synthetic-{i:06d}")) for i in range(5)} <= set(names)


def test_default_graph_is_the_union_of_article_graphs(filled_store) -> None:
    claims_per_graph = _count(filled_store, "GRAPH ?g { ?c a am:Claim }")
    assert claims_per_graph == 5 * 4
    assert _count(filled_store, "?c a am:Claim") == claims_per_graph


def test_storing_the_same_article_again_changes_nothing(filled_store) -> None:
    before = filled_store.dump(ox.RdfFormat.N_QUADS)
    res = store_analysis(filled_store, synthetic_analysis(2))
    assert res.outcome is Outcome.REPLACED
    assert sorted(filled_store.dump(ox.RdfFormat.N_QUADS).splitlines()) == sorted(before.splitlines())


def test_a_changed_article_replaces_its_graph_entirely(filled_store) -> None:
    changed = synthetic_analysis(2, claims=1, evidence=1)
    store_analysis(filled_store, changed)
    g = article_iri(changed.key)
    assert _count(filled_store, f"GRAPH <{g}> {{ ?s a am:Claim }}") == 1
    assert _count(filled_store, f"GRAPH <{g}> {{ ?s a am:Evidence }}") == 1


def test_shared_entity_keeps_one_iri_and_survives_until_its_last_article_goes(store_path: Path) -> None:
    st = open_store(store_path)
    try:
        a, b = synthetic_analysis(1), synthetic_analysis(2)
        shared = {e.ref for e in a.entities} & {e.ref for e in b.entities}
        assert shared, "pick two synthetic articles that share an entity"
        ref = sorted(shared)[0]
        store_analysis(st, a)
        store_analysis(st, b)
        ask = f"ASK {{ <https://w3id.org/argmap/id/{ref}> a ?t }}"
        # one IRI, described in both article graphs
        assert _count(st, f"GRAPH ?g {{ <https://w3id.org/argmap/id/{ref}> a am:Brand }}") == 2
        assert remove_article(st, a.key)
        assert st.query(ask) == AskResult(True)
        assert remove_article(st, b.key)
        assert st.query(ask) == AskResult(False)
        assert not remove_article(st, b.key)
    finally:
        st.close()


def test_list_articles_reports_statements(filled_store) -> None:
    infos = list_articles(filled_store)
    assert [i.key for i in infos] == [f"synthetic-{i:06d}" for i in range(5)]
    assert all(i.statements == 10 and i.language == "zh" for i in infos)


def test_ontology_is_reloaded_only_when_the_file_changes(store_path: Path, tmp_path: Path) -> None:
    st = open_store(store_path)
    try:
        onto = tmp_path / "onto.ttl"
        onto.write_text("<https://example.org/A> a <http://www.w3.org/2002/07/owl#Class> .\n", encoding="utf-8")
        assert ensure_ontology(st, onto) is True
        assert ensure_ontology(st, onto) is False
        onto.write_text("<https://example.org/B> a <http://www.w3.org/2002/07/owl#Class> .\n", encoding="utf-8")
        assert ensure_ontology(st, onto) is True
        graph = f"GRAPH <{ONTOLOGY_GRAPH}>"
        assert _count(st, f"{graph} {{ <https://example.org/A> ?p ?o }}") == 0
        assert _count(st, f"{graph} {{ <https://example.org/B> ?p ?o }}") == 1
    finally:
        st.close()


@pytest.mark.parametrize(
    ("sparql", "fragment"),
    [
        ("SELECT ?x WHERE {\n  ?x foo:bar ?y }", "line 2, column"),
        ("SELECT ?x WHERE {\n  ?x foo:bar ?y }", "unknown prefix"),
        ("SELECT ?x WHERE { ?x ?y }", "line 1, column"),
        ("SELEKT * WHERE { ?s ?p ?o }", "line 1, column 1"),
    ],
)
def test_syntax_errors_name_line_and_column_in_one_line(filled_store, sparql: str, fragment: str) -> None:
    with pytest.raises(QueryError) as err:
        filled_store.query(sparql)
    assert fragment in str(err.value)
    assert "\n" not in str(err.value)


def test_select_ask_construct_describe(filled_store) -> None:
    assert isinstance(filled_store.query("SELECT * WHERE { ?s a am:Claim } LIMIT 1"), SelectResult)
    assert filled_store.query("ASK { ?s a am:Evidence }") == AskResult(True)
    construct = filled_store.query("CONSTRUCT { ?s a am:Claim } WHERE { ?s a am:Claim }")
    assert isinstance(construct, GraphResult) and len(construct.triples) == 20
    describe = filled_store.query("DESCRIBE <https://w3id.org/argmap/id/brand/xiaomi>")
    assert isinstance(describe, GraphResult) and describe.triples


def test_limit_truncates_and_says_so(filled_store) -> None:
    res = filled_store.query("SELECT ?s WHERE { ?s a am:Claim }", limit=3)
    assert isinstance(res, SelectResult) and len(res.rows) == 3 and res.truncated
    res = filled_store.query("SELECT ?s WHERE { ?s a am:Claim }", limit=100)
    assert isinstance(res, SelectResult) and len(res.rows) == 20 and not res.truncated


def test_timeout_stops_a_runaway_query_and_fast_queries_pass(filled_store) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
    with pytest.raises(QueryTimeoutError):
        filled_store.query(runaway, timeout=0.3)
    assert filled_store.query("ASK { ?s a am:Claim }", timeout=30) == AskResult(True)


def test_read_only_store_refuses_updates(filled_store, store_path: Path) -> None:
    filled_store.close()
    ro = open_store(store_path, read_only=True)
    try:
        with pytest.raises(StoreError):
            ro.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        assert ro.query("ASK { ?s a am:Claim }") == AskResult(True)
    finally:
        ro.close()


@pytest.mark.parametrize("kind", ["missing", "file", "foreign"])
def test_bad_store_locations_are_refused_clearly(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "place"
    if kind == "file":
        target.write_text("not a store", encoding="utf-8")
    elif kind == "foreign":
        target.mkdir()
        (target / "notes.txt").write_text("my project", encoding="utf-8")
    with pytest.raises(StoreError):
        open_store(target, read_only=(kind == "missing"))
    if kind == "foreign":
        assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_a_store_whose_creation_was_killed_before_it_held_data_opens(tmp_path: Path) -> None:
    """Killed between mkdir and RocksDB's CURRENT (the files a real kill left): the folder never held data, so
    opening it for writing creates the store; read-only it is no store yet."""
    target = tmp_path / "place"
    target.mkdir()
    for name in ("000000.dbtmp", "LOCK", "LOG", "argmap-access.lock", "argmap-writer.lock"):
        (target / name).write_bytes(b"")
    with pytest.raises(StoreError, match="no store at"):
        open_store(target, read_only=True)
    with open_store(target) as store:
        assert list_articles(store) == []
    assert (target / "CURRENT").exists()


def test_a_capped_query_keeps_its_cap_while_another_thread_holds_a_session(filled_store, store_path: Path) -> None:
    """A server's threads share one store: a query with a cap or a deadline must go to its own process even
    while another thread is inside a session (rendering the map), not run in-process, uncapped, behind it."""
    import threading

    reader = open_store(store_path, read_only=True)
    filled_store.close()
    holding, done = threading.Event(), threading.Event()

    def hold() -> None:
        with reader.session():
            holding.set()
            done.wait(30)  # bounded: without the fix the query below waits for this

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(30)
        assert reader.query("ASK { ?s ?p ?o }", memory_mb=768) == AskResult(True)
        assert not done.is_set() and holder.is_alive(), "the query waited for the other thread's session"
    finally:
        done.set()
        holder.join(30)
        reader.close()


def test_a_small_query_fits_a_small_memory_cap(filled_store) -> None:
    # the cap limits address space: without holding glibc to two malloc arenas, the arenas RocksDB's threads
    # reserve (64 MB each, never used) made even an ASK need 512-768 MB, and fail at random under a 768 MB cap
    for _ in range(3):
        assert filled_store.query("ASK { ?s ?p ?o }", memory_mb=384) == AskResult(True)


def test_a_handle_kept_past_its_session_no_longer_holds_the_store_open(store_path: Path) -> None:
    """The store takes its handle back when it closes it (to let a waiting process in): a variable that outlived
    its ``with`` block cannot keep RocksDB open, still writing files a reader that got the lock is opening."""
    with open_store(store_path) as st:
        store_analysis(st, synthetic_analysis(0, claims=2, evidence=2))
        with st.session() as handle:
            assert handle.contains_named_graph(ox.NamedNode(article_iri(synthetic_analysis(0, claims=2, evidence=2).key)))
        st.release()
        with pytest.raises(StoreError, match="after its session ended"):
            handle.contains_named_graph(ox.NamedNode(ONTOLOGY_GRAPH))
        assert list_articles(st)  # the store itself opens a new handle
