"""End to end on the bundled demo article: the CLI ingests it and SPARQL sees what a reader sees."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from argmap.ontology import AMID_IRI
from argmap.samples import DEMO_ARTICLE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import subprocess
    import sys

    store = tmp_path_factory.mktemp("demo") / "store"
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "ingest", str(DEMO_ARTICLE), "--store", str(store)],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    return store


def _select(store: Path, sparql: str) -> list[dict[str, dict[str, str]]]:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "query", sparql, "--format", "json", "--store", str(store)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["results"]["bindings"]


@pytest.mark.parametrize("brand", ["xiaomi", "apple", "huawei"])
def test_demo_brands_are_brand_individuals(demo_store: Path, brand: str) -> None:
    rows = _select(demo_store, f"SELECT ?l WHERE {{ <{AMID_IRI}brand/{brand}> a am:Brand ; rdfs:label ?l }}")
    assert rows, f"amid:brand/{brand} is not an am:Brand with a label"


def test_demo_revenue_figure_is_normalised(demo_store: Path) -> None:
    rows = _select(demo_store, 'SELECT ?q ?v ?u WHERE { ?q a am:Quantity ; am:text ?t ; am:value ?v ; am:unit ?u . FILTER(CONTAINS(STR(?t), "290亿")) }')
    assert rows, "no am:Quantity for 290亿"
    assert any(Decimal(r["v"]["value"]) == Decimal(29000000000) and r["u"]["value"] == "CNY" for r in rows), rows


def test_demo_statement_offsets_index_the_content(demo_store: Path) -> None:
    rows = _select(demo_store, """
        SELECT ?s ?text ?start ?end ?content WHERE {
          ?s am:text ?text ; am:startChar ?start ; am:endChar ?end ; am:inArticle ?a .
          ?a am:content ?content .
        }""")
    assert len(rows) > 20
    for r in rows:
        start, end = int(r["start"]["value"]), int(r["end"]["value"])
        assert r["content"]["value"][start:end] == r["text"]["value"], r["s"]["value"]


def test_demo_has_claims_evidence_and_relations(demo_store: Path) -> None:
    rows = _select(demo_store, """
        SELECT (COUNT(DISTINCT ?c) AS ?claims) (COUNT(DISTINCT ?e) AS ?ev) WHERE {
          { ?c a am:Claim } UNION { ?e a am:Evidence } }""")
    assert int(rows[0]["claims"]["value"]) >= 3 and int(rows[0]["ev"]["value"]) >= 5
    rel = _select(demo_store, "SELECT ?a ?b WHERE { { ?a am:supports ?b } UNION { ?a am:undermines ?b } }")
    assert len(rel) >= 5


def test_demo_reasoner_wrote_status_and_strength(demo_store: Path) -> None:
    rows = _select(demo_store, """
        SELECT ?c ?st ?x WHERE { ?c a am:Claim ; am:status ?st ; am:strength ?x }""")
    assert rows, "the reasoner wrote no am:status/am:strength"
    for r in rows:
        assert 0.0 <= float(r["x"]["value"]) <= 1.0


def test_reingesting_the_demo_changes_nothing(demo_store: Path) -> None:
    import subprocess
    import sys

    before = _select(demo_store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "ingest", str(DEMO_ARTICLE), "--store", str(demo_store)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "unchanged" in proc.stdout
    after = _select(demo_store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert before == after
