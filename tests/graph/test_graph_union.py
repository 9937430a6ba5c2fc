"""The default graph is the *set* union of the named graphs: a fact kept by many articles counts once,
and it stays exactly while some graph still holds it, through replace, remove, updates and import."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from argmap.graph import store as store_module
from argmap.graph.io import import_dataset
from argmap.graph.iri import IMPORTED_GRAPH, STAGING_GRAPHS, article_iri
from argmap.graph.results import AskResult, SelectResult
from argmap.graph.store import SMALL_WRITE_TRIPLES, open_store
from argmap.graph.synthetic import synthetic_analysis
from argmap.ingestion import remove_article, store_analysis

BRAND = "https://w3id.org/argmap/id/brand/xiaomi"


def _count(st, where: str) -> int:
    res = st.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    assert isinstance(res, SelectResult)
    return int(res.rows[0][0].value)


def _articles_with_brand(n: int) -> list[int]:
    found = [i for i in range(200) if any(e.ref == "brand/xiaomi" for e in synthetic_analysis(i).entities)]
    assert len(found) >= n, "the synthetic pool should name xiaomi often"
    return found[:n]


@pytest.fixture
def shared(store_path: Path):
    st = open_store(store_path)
    keys = []
    for i in _articles_with_brand(6):
        analysis = synthetic_analysis(i)
        store_analysis(st, analysis)
        keys.append(analysis.key)
    yield st, keys
    st.close()


def test_a_fact_held_by_many_articles_is_one_triple_in_the_default_graph(shared) -> None:
    st, keys = shared
    assert _count(st, f"GRAPH ?g {{ <{BRAND}> a am:Brand }}") == len(keys)
    assert _count(st, f"<{BRAND}> a am:Brand") == 1
    # a join over shared facts does not multiply: one row per label pair, not len(keys) ** 2
    assert _count(st, f"<{BRAND}> rdfs:label ?a . <{BRAND}> a am:Brand") == _count(st, f"<{BRAND}> rdfs:label ?a")


def test_shared_facts_leave_the_default_graph_with_their_last_article(shared) -> None:
    st, keys = shared
    for key in keys[:-1]:
        assert remove_article(st, key)
        assert _count(st, f"<{BRAND}> a am:Brand") == 1
    assert remove_article(st, keys[-1])
    assert _count(st, f"<{BRAND}> ?p ?o") == 0
    assert _count(st, f"<{article_iri(keys[0])}> ?p ?o") == 0


def test_a_replaced_article_takes_only_its_own_old_facts_out(shared) -> None:
    st, _ = shared
    index = _articles_with_brand(1)[0]
    smaller = synthetic_analysis(index, claims=1, evidence=1)
    assert len(smaller.statements) < len(synthetic_analysis(index).statements)
    store_analysis(st, smaller)
    g = article_iri(smaller.key)
    assert _count(st, f"?s a am:Claim ; am:inArticle <{g}>") == 1
    assert _count(st, f"?s am:inArticle <{g}>") == _count(st, f"GRAPH <{g}> {{ ?s am:inArticle <{g}> }}")
    assert _count(st, f"<{BRAND}> a am:Brand") == 1


def test_every_default_triple_is_in_some_named_graph_and_back(shared) -> None:
    st, _ = shared
    assert _count(st, "?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } }") == 0
    assert _count(st, "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }") == 0


def test_a_user_update_into_a_named_graph_is_seen_and_can_be_undone(shared) -> None:
    st, _ = shared
    st.update("INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> <urn:c> } }")
    assert st.query("ASK { <urn:a> <urn:b> <urn:c> }") == AskResult(True)
    st.update("DELETE DATA { GRAPH <urn:notes> { <urn:a> <urn:b> <urn:c> } }")
    assert st.query("ASK { <urn:a> <urn:b> <urn:c> }") == AskResult(False)


def test_an_older_store_gets_its_union_built_when_opened_for_writing(shared, store_path: Path) -> None:
    st, keys = shared
    st._update("DELETE WHERE { ?s ?p ?o }")  # noqa: SLF001 - the layout before the union was kept
    assert _count(st, f"<{BRAND}> a am:Brand") == 0
    st.close()
    again = open_store(store_path)
    try:
        assert _count(again, f"<{BRAND}> a am:Brand") == 1
        assert _count(again, "?a a am:Article") == len(keys)
    finally:
        again.close()


def test_triples_imported_outside_any_graph_get_a_graph_of_their_own(store_path: Path, tmp_path: Path) -> None:
    st = open_store(store_path)
    try:
        path = tmp_path / "extra.ttl"
        path.write_text("<urn:x> <urn:y> <urn:z> .\n", encoding="utf-8")
        import_dataset(st, path)
        assert st.query(f"ASK {{ GRAPH <{IMPORTED_GRAPH}> {{ <urn:x> <urn:y> <urn:z> }} }}") == AskResult(True)
        assert st.query("ASK { <urn:x> <urn:y> <urn:z> }") == AskResult(True)
        dumped = st.dump(ox.RdfFormat.N_QUADS).decode("utf-8")
        assert dumped.count("<urn:x> <urn:y> <urn:z>") == 1  # the default graph is not exported twice
    finally:
        st.close()


def test_loaded_triples_outside_any_graph_are_kept_in_the_imported_graph(shared) -> None:
    st, _ = shared
    st.load(b"<urn:x> <urn:y> <urn:z> .\n<urn:n> <urn:m> <urn:o> <urn:g> .\n", ox.RdfFormat.N_QUADS)
    assert st.query(f"ASK {{ GRAPH <{IMPORTED_GRAPH}> {{ <urn:x> <urn:y> <urn:z> }} }}") == AskResult(True)
    assert st.query("ASK { <urn:x> <urn:y> <urn:z> . <urn:n> <urn:m> <urn:o> }") == AskResult(True)
    assert st.query(f"ASK {{ GRAPH <{IMPORTED_GRAPH}> {{ <urn:n> <urn:m> <urn:o> }} }}") == AskResult(False)
    assert _count(st, f"<{BRAND}> a am:Brand") == 1


# ------------------------------------------------------------------ every write path keeps the union exact
# (argmap.graph.store "writing graphs": new graphs in one extend, small replacements as text, larger ones staged)

STAGED = 0  # SMALL_WRITE_TRIPLES at 0: every replacement goes through a staging graph


def _staging_graphs(st) -> int:
    return _count(st, f'GRAPH ?g {{ ?s ?p ?o }} FILTER STRSTARTS(STR(?g), "{STAGING_GRAPHS}")')


@pytest.mark.parametrize("small_write", [STAGED, SMALL_WRITE_TRIPLES])
def test_replacing_and_removing_keep_the_union_exact_on_every_write_path(
        shared, small_write: int, monkeypatch: pytest.MonkeyPatch) -> None:
    st, keys = shared
    monkeypatch.setattr(store_module, "SMALL_WRITE_TRIPLES", small_write)
    index = _articles_with_brand(1)[0]
    store_analysis(st, synthetic_analysis(index, claims=1, evidence=1))
    store_analysis(st, synthetic_analysis(_articles_with_brand(2)[1], claims=6, evidence=9))
    assert remove_article(st, keys[2])
    assert _count(st, "?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } }") == 0
    assert _count(st, "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }") == 0
    g = article_iri(keys[0])
    assert _count(st, f"GRAPH <{g}> {{ ?s a am:Claim }}") == 1  # the old version's claims are gone
    assert _count(st, f"<{BRAND}> a am:Brand") == 1
    assert _staging_graphs(st) == 0


@pytest.mark.parametrize("small_write", [STAGED, SMALL_WRITE_TRIPLES])
def test_blank_nodes_stay_shared_with_the_union_and_new_to_the_store(
        store_path: Path, tmp_path: Path, small_write: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "SMALL_WRITE_TRIPLES", small_write)
    first, second = tmp_path / "first.trig", tmp_path / "second.trig"
    first.write_text("<urn:g> { _:b0 <urn:p> 1 . _:b0 <urn:q> 2 . }\n<urn:h> { _:b0 <urn:p> 3 . }\n", encoding="utf-8")
    second.write_text("<urn:k> { _:b0 <urn:p> 4 . }\n", encoding="utf-8")
    with open_store(store_path) as st:
        for path in (first, second, first):  # new graphs (one extend), then the same graphs replaced
            import_dataset(st, path)
        # one node in its graph and in the union; shared across one file's graphs, as TriG says
        assert _count(st, "GRAPH <urn:g> { ?b <urn:p> 1 ; <urn:q> 2 } ?b <urn:p> 1 ; <urn:q> 2 FILTER isBlank(?b)") == 1
        assert _count(st, "?b <urn:p> 1 , 3") == 1
        assert _count(st, "?b <urn:p> 4 . ?b <urn:p> ?x FILTER (?x != 4)") == 0  # another file's _:b0 is another node
        assert _count(st, "?b <urn:p> ?x FILTER isBlank(?b)") == 3


def test_a_staging_graph_left_by_a_kill_is_no_data_and_the_next_writer_clears_it(shared, store_path: Path) -> None:
    st, keys = shared
    st.close()
    # what a kill between staging and the switch leaves: triples in a staging graph, nowhere else
    raw = ox.Store(str(store_path))
    stage = ox.NamedNode(f"{STAGING_GRAPHS}left-by-a-kill")
    raw.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:y"), ox.NamedNode("urn:z"), stage))
    raw.flush()
    del raw
    reader = open_store(store_path, read_only=True)
    try:
        assert stage.value not in reader.graph_names()
        assert reader.query("ASK { <urn:x> <urn:y> <urn:z> }") == AskResult(False)  # not in the union
        assert b"urn:x" not in reader.dump(ox.RdfFormat.N_QUADS)  # not exported
    finally:
        reader.close()
    writer = open_store(store_path)
    try:
        assert _staging_graphs(writer) == 0
        assert len([g for g in writer.graph_names() if "/article/" in g]) == len(keys)
    finally:
        writer.close()
