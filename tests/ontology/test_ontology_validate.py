"""SHACL validation: a conforming article graph, and one broken in each way the shapes check."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from argmap.graph.results import GraphResult
from argmap.ontology.validate import validate_graph, validate_store

PROLOGUE = """
@prefix am: <https://w3id.org/argmap/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/argmap/id/> .
"""

GOOD = PROLOGUE + """
<article/a> a am:Article ; am:content "小米高端化仍停留在价格层面。双十一销量达到290亿元。" .
<brand/xiaomi> a am:Brand ; rdfs:label "小米"@zh , "Xiaomi"@en .
<strategy/xiaomi-premiumization> a am:Strategy , am:Premiumization ; rdfs:label "小米高端化"@zh .
<statement/a/0-14> a am:Claim ; am:text "小米高端化仍停留在价格层面。"@zh ; am:inArticle <article/a> ;
    am:startChar 0 ; am:endChar 14 ; am:mentions <brand/xiaomi> ;
    am:status am:Accepted ; am:strength "0.75"^^xsd:decimal .
<statement/a/14-27> a am:Evidence , am:PromotionDependence ; am:text "双十一销量达到290亿元。"@zh ;
    am:inArticle <article/a> ; am:startChar 14 ; am:endChar 27 ; am:supports <statement/a/0-14> .
<quantity/a/21-26> a am:Quantity ; rdfs:label "290亿元"@zh ; am:text "290亿元"@zh ; am:inArticle <article/a> ;
    am:startChar 21 ; am:endChar 26 ; am:value "29000000000"^^xsd:decimal ; am:unit "CNY" .
<brand/xiaomi> am:pursues <strategy/xiaomi-premiumization> .
<reading/a/pursues/brand/xiaomi/strategy/xiaomi-premiumization> a am:EntityRelationReading ;
    am:relationSubject <brand/xiaomi> ; am:relationProperty am:pursues ;
    am:relationObject <strategy/xiaomi-premiumization> ; am:statedIn <statement/a/0-14> ; am:inArticle <article/a> .
"""


def _graph(turtle: str) -> Graph:
    return Graph().parse(data=turtle, format="turtle")


def test_a_correct_article_conforms() -> None:
    report = validate_graph(_graph(GOOD))
    assert report.messages == []
    assert report.conforms


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # offsets that do not cut the text out of the content
        (("am:startChar 14 ; am:endChar 27", "am:startChar 15 ; am:endChar 27"),
         ["amid:statement/a/14-27 「双十一销量达到290亿元。」", "15-27", "十一销量达到290亿元。"]),
        (("am:startChar 0 ; am:endChar 14 ;", "am:startChar 0 ; am:endChar 99 ;"), ["(outside the article)"]),
        # a statement without offsets and without text
        (("am:startChar 0 ; am:endChar 14 ;", "am:startChar 0 ;"), ["amid:statement/a/0-14", "am:endChar"]),
        (('am:text "小米高端化仍停留在价格层面。"@zh ;', ""), ["amid:statement/a/0-14", "has no am:text"]),
        # supports pointing at a brand
        (("am:supports <statement/a/0-14>", "am:supports <brand/xiaomi>"), ["amid:statement/a/14-27", "not an am:Claim"]),
        # a quantity without unit
        (('am:unit "CNY"', 'rdfs:comment "x"'), ["amid:quantity/a/21-26 「290亿元」", "am:unit"]),
        # an entity without a label
        (('rdfs:label "小米"@zh , "Xiaomi"@en', 'rdfs:comment "x"'), ["amid:brand/xiaomi (no text or label)", "rdfs:label"]),
        # where an entity relation is said: a relation that is none of the three, a statement that is no statement
        (("am:relationProperty am:pursues", "am:relationProperty am:mentions"),
         ["amid:reading/a/pursues/brand/xiaomi/strategy/xiaomi-premiumization", "am:relationProperty"]),
        (("am:statedIn <statement/a/0-14>", "am:statedIn <brand/xiaomi>"), ["am:statedIn", "re-ingest"]),
        # a strength out of range
        (('"0.75"^^xsd:decimal', '"1.5"^^xsd:decimal'), ["amid:statement/a/0-14", "am:strength"]),
    ],
)
def test_each_violation_is_one_actionable_line(edit: tuple[str, str], expected: list[str]) -> None:
    old, new = edit
    assert old in GOOD
    report = validate_graph(_graph(GOOD.replace(old, new, 1)))
    assert not report.conforms
    assert len(report.messages) == 1, report.messages
    line = report.messages[0]
    assert "\n" not in line
    for part in expected:
        assert part in line


class _MemoryStore:
    """The part of the Store protocol validate_store uses, over a pyoxigraph in-memory store."""

    def __init__(self, graphs: dict[str, str]) -> None:
        self._store = ox.Store()
        for name, turtle in graphs.items():
            self._store.load(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(name))

    def query(self, sparql: str, *, timeout: float | None = None) -> GraphResult:
        return GraphResult(list(self._store.query(sparql, use_default_graph_as_union=True)))


def test_validate_store_reads_every_named_graph() -> None:
    # The article and its brand in one graph, the reasoner's verdict in another: together they conform,
    # and a bad verdict in the second graph is found.
    verdict = PROLOGUE + '<statement/a/0-14> am:status am:Accepted .'
    assert validate_store(_MemoryStore({"urn:g:article": GOOD, "urn:g:reasoner": verdict})).conforms
    bad = PROLOGUE + '<statement/a/0-14> am:status am:Rejected .'
    report = validate_store(_MemoryStore({"urn:g:article": GOOD, "urn:g:reasoner": bad}))
    assert not report.conforms
    assert any("am:status" in m for m in report.messages)
