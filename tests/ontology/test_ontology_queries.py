"""Each competency question on a small hand-built store (tests/ontology/data/cq_fixture.trig).

Expected rows were worked out by hand from the fixture; IRIs are written relative to amid:.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDFS, Graph, URIRef

from argmap.errors import QueryError
from argmap.ontology.files import AM_IRI, AMID_IRI, ONTOLOGY_PATH, QUERIES_DIR
from argmap.ontology.queries import COMPETENCY_NUMBERS, competency_query, to_iri

FIXTURE = Path(__file__).parent / "data" / "cq_fixture.trig"
XIAOMI = "小米 / Xiaomi"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    st = ox.Store()
    st.load(FIXTURE.read_bytes(), format=ox.RdfFormat.TRIG)
    return st


def rows(store: ox.Store, n: int, **params: object) -> list[tuple[str | None, ...]]:
    result = store.query(competency_query(n, **params).sparql, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    out = []
    for sol in result:
        out.append(tuple(_short(sol[v]) for v in names))
    return out


def _short(term: object) -> str | None:
    if term is None:
        return None
    value = term.value  # type: ignore[attr-defined]
    for prefix, ns in (("", AMID_IRI), ("am:", AM_IRI)):
        if isinstance(term, ox.NamedNode) and value.startswith(ns):
            return prefix + value[len(ns):]
    return value


CLAIM_A1 = ("statement/a1/0-14", "小米高端化仍停留在价格层面。")
CLAIM_A2 = ("statement/a2/0-34", "Xiaomi has become a premium brand.")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, [("article/a1", "brand/xiaomi", XIAOMI, *CLAIM_A1, "0", "14"),
              ("article/a2", "brand/xiaomi", XIAOMI, *CLAIM_A2, "0", "34")]),
        ({"article": "a1", "brand": "xiaomi"}, [("article/a1", "brand/xiaomi", XIAOMI, *CLAIM_A1, "0", "14")]),
        ({"article": "amid:article/a2"}, [("article/a2", "brand/xiaomi", XIAOMI, *CLAIM_A2, "0", "34")]),
        ({"brand": "Apple"}, []),
    ],
)
def test_cq1_claims_of_an_article_about_a_brand(store: ox.Store, params: dict, expected: list) -> None:
    assert rows(store, 1, **params) == expected


def test_cq2_supporters_and_attackers_with_offsets(store: ox.Store) -> None:
    assert rows(store, 2) == [
        (*CLAIM_A1, "am:supports", "statement/a1/14-24", "双十一销量依赖促销。", "article/a1", "14", "24"),
        (*CLAIM_A1, "am:undermines", *CLAIM_A2, "article/a2", "0", "34"),
        (*CLAIM_A2, "am:undermines", "statement/a2/35-53", "Apple still leads.", "article/a2", "35", "53"),
    ]
    only = rows(store, 2, claim=AMID_IRI + "statement/a2/0-34")
    assert [r[3] for r in only] == ["statement/a2/35-53"]


def test_cq3_strategies_and_constraints(store: ox.Store) -> None:
    expected = [
        ("brand/xiaomi", XIAOMI, "strategy/xiaomi-ecosystem", "小米生态 / Xiaomi ecosystem", None, None),
        ("brand/xiaomi", XIAOMI, "strategy/xiaomi-premiumization", "小米高端化", "constraint/apple-share", "Apple's share"),
        ("brand/xiaomi", XIAOMI, "strategy/xiaomi-premiumization", "小米高端化", "constraint/promotion-dependence", "促销依赖"),
    ]
    assert rows(store, 3) == expected
    assert rows(store, 3, brand="xiaomi") == expected
    assert rows(store, 3, brand="apple") == []


def test_cq4_premiumization_level_and_evidence(store: ox.Store) -> None:
    assert rows(store, 4) == [
        ("brand/xiaomi", XIAOMI, "strategy/xiaomi-premiumization", "am:PriceLevelPremiumization",
         "statement/a1/14-24", "PromotionDependence", "双十一销量依赖促销。"),
    ]


def test_cq5_figures_about_a_brand(store: ox.Store) -> None:
    # A figure that names no event or period is dated by its article (a2 states 2024-05-06; a1 states no date).
    apple = ("brand/apple", "苹果 / Apple", "quantity/a2/35-38", None, "0.62", "percent", None, None, "article/a2",
             "2024-05-06", "2024-05-06")
    xiaomi = ("brand/xiaomi", XIAOMI, "quantity/a1/14-17", "双十一", "29000000000", "CNY",
              "event/singles-day", "双十一 / Singles' Day", "article/a1", None, "双十一 / Singles' Day")
    assert rows(store, 5) == [apple, xiaomi]
    assert rows(store, 5, brand="brand/xiaomi") == [xiaomi]


def test_cq6_status_and_strength(store: ox.Store) -> None:
    accepted = (CLAIM_A1[0], "Accepted", "0.8", CLAIM_A1[1], "article/a1")
    rejected = (CLAIM_A2[0], "Rejected", "0.25", CLAIM_A2[1], "article/a2")
    assert rows(store, 6) == [accepted, rejected]
    assert rows(store, 6, article="a2") == [rejected]
    assert rows(store, 6, claim=["amid:statement/a1/0-14", "amid:statement/a2/0-34"]) == [accepted, rejected]


def test_cq7_cross_article_agreement_and_contradiction(store: ox.Store) -> None:
    assert rows(store, 7) == [
        ("brand/xiaomi", XIAOMI, "contradicts", CLAIM_A1[0], CLAIM_A1[1], "article/a1",
         CLAIM_A2[0], CLAIM_A2[1], "article/a2"),
    ]
    assert rows(store, 7, brand="apple") == []


def test_cq8_entities_in_more_than_one_article(store: ox.Store) -> None:
    got = rows(store, 8)
    assert [r[:4] for r in got] == [("brand/apple", "苹果 / Apple", "Brand", "2"), ("brand/xiaomi", XIAOMI, "Brand", "2")]
    assert set(got[1][4].split()) == {AMID_IRI + "article/a1", AMID_IRI + "article/a2"}
    assert [r[0] for r in rows(store, 8, entity="brand/xiaomi")] == ["brand/xiaomi"]


@pytest.mark.parametrize("n", list(COMPETENCY_NUMBERS))
def test_every_query_documents_itself_and_parses_with_rdflib(n: int) -> None:
    cq = competency_query(n)
    assert cq.number == n and cq.question.endswith("?") and "？" in cq.question_zh
    text = (QUERIES_DIR / f"cq{n}.rq").read_text(encoding="utf-8")
    assert text.startswith(f"# Competency question {n}\n")
    assert re.search(r"^PREFIX am: <https://w3id.org/argmap/ontology#>$", text, re.M)
    for name in cq.parameters:  # each declared parameter is a variable of the query
        assert f"?{name}" in text.split("SELECT", 1)[1]
    from rdflib.plugins.sparql import prepareQuery

    restricted = competency_query(n, **{p: "x" for p in cq.parameters})
    prepareQuery(restricted.sparql)


@pytest.mark.parametrize(
    ("param", "value", "iri"),
    [
        ("brand", "xiaomi", AMID_IRI + "brand/xiaomi"),
        ("brand", "Xiaomi", AMID_IRI + "brand/xiaomi"),
        ("brand", "小米", AMID_IRI + "brand/小米"),
        ("article", "amid:article/a1", AMID_IRI + "article/a1"),
        ("claim", "<https://example.org/c1>", "https://example.org/c1"),
        ("brand", "brand/x> } DROP ALL { <y", AMID_IRI + "brand/x%3E%20%7D%20DROP%20ALL%20%7B%20%3Cy"),
        ("claim", 'https://e.org/"a"', "https://e.org/%22a%22"),
    ],
)
def test_parameters_become_safe_iris(param: str, value: str, iri: str) -> None:
    assert to_iri(param, value) == iri


def test_injection_attempt_stays_one_restricted_query(store: ox.Store) -> None:
    assert rows(store, 3, brand="xiaomi> } ?s ?p ?o . { <x") == []


@pytest.mark.parametrize(("n", "params"), [(0, {}), (9, {}), (1, {"claim": "c"}), (8, {"brand": "x"}), (1, {"brand": " "})])
def test_bad_requests_are_query_errors(n: int, params: dict) -> None:
    with pytest.raises(QueryError):
        competency_query(n, **params)


def test_cq4_lists_exactly_the_ontology_evidence_kinds() -> None:
    # cq4 names the evidence kinds so it works on stores without the ontology; keep it in step with the TBox.
    onto = Graph().parse(ONTOLOGY_PATH)
    text = (QUERIES_DIR / "cq4.rq").read_text(encoding="utf-8")
    for side in ("PriceDrivenEvidence", "ValueDrivenEvidence"):
        root = URIRef(AM_IRI + side)
        kinds = {str(c)[len(AM_IRI):] for c in onto.transitive_subjects(RDFS.subClassOf, root)}
        block = re.search(rf"IN \(am:{side},(.*?)\)\)", text, re.S)
        assert block is not None
        listed = {side} | set(re.findall(r"am:(\w+)", block.group(1)))
        assert listed == kinds
