"""HermiT over the ontology: the TBox is consistent, defined classes classify, clashes are explained."""

from __future__ import annotations

import pytest
from rdflib import Graph

from argmap.errors import InconsistentOntologyError
from argmap.ontology.files import AM_IRI, AMID_IRI
from argmap.ontology.owl import classify, explain_inconsistency, inferred_types, load_world, ontology_graph

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _nt(*facts: tuple[str, str, str]) -> str:
    """N-Triples from (subject, predicate, object) with amid:/am: local names; 'a' is rdf:type."""
    def node(x: str, ns: str) -> str:
        return f"<{ns}{x}>"
    return "".join(f"{node(s, AMID_IRI)} {RDF_TYPE if p == 'a' else node(p, AM_IRI)} "
                   f"{node(o, AM_IRI if p in ('a', 'status') else AMID_IRI)} .\n" for s, p, o in facts)


@pytest.mark.slow
def test_the_ontology_alone_is_consistent_and_every_class_satisfiable() -> None:
    world, onto = load_world()
    try:
        classify(world)
        assert list(world.inconsistent_classes()) == []
        assert onto.PriceLevelPremiumization is not None and onto.Premiumization in onto.PriceLevelPremiumization.ancestors()
    finally:
        world.close()


@pytest.mark.slow
def test_hermit_classifies_premiumization_from_its_evidence() -> None:
    abox = _nt(
        ("strategy/xiaomi-premiumization", "a", "Premiumization"),
        ("strategy/xiaomi-premiumization", "restsOn", "statement/a/10-20"),
        ("statement/a/10-20", "a", "PromotionDependence"),
        ("strategy/other-premiumization", "a", "Premiumization"),
        ("strategy/other-premiumization", "restsOn", "statement/b/0-9"),
        ("statement/b/0-9", "a", "BrandIdentification"),
        ("strategy/bare-premiumization", "a", "Premiumization"),
        ("statement/c/0-5", "a", "Claim"),
        ("statement/c/0-5", "status", "Accepted"),
    )
    world, _onto = load_world(extra_ntriples=abox)
    try:
        classify(world)
        price, value = AM_IRI + "PriceLevelPremiumization", AM_IRI + "ValueLevelPremiumization"
        xiaomi = inferred_types(world, AMID_IRI + "strategy/xiaomi-premiumization")
        assert price in xiaomi and value not in xiaomi
        other = inferred_types(world, AMID_IRI + "strategy/other-premiumization")
        assert value in other and price not in other
        bare = inferred_types(world, AMID_IRI + "strategy/bare-premiumization")
        assert not {price, value} & bare and AM_IRI + "Strategy" in bare
        # the evidence kinds are defined classes too: promotion dependence is price-driven evidence
        assert AM_IRI + "PriceDrivenEvidence" in inferred_types(world, AMID_IRI + "statement/a/10-20")
        assert AM_IRI + "AcceptedClaim" in inferred_types(world, AMID_IRI + "statement/c/0-5")
        assert inferred_types(world, AMID_IRI + "nobody") == set()
    finally:
        world.close()


@pytest.mark.slow
def test_an_inconsistent_abox_raises_with_the_individuals_named() -> None:
    abox = _nt(
        ("person/lei-jun", "a", "Person"),
        ("person/lei-jun", "a", "Organization"),
        ("statement/a/0-5", "a", "Claim"),
        ("statement/a/0-5", "status", "Accepted"),
        ("statement/a/0-5", "status", "Rejected"),
    )
    world, _onto = load_world(extra_ntriples=abox)
    try:
        with pytest.raises(InconsistentOntologyError) as err:
            classify(world)
    finally:
        world.close()
    message = str(err.value)
    assert message.startswith("[E402]") and "\n" not in message
    assert "amid:person/lei-jun is both am:Organization and am:Person, which are disjoint" in message
    assert "amid:statement/a/0-5 has distinct values for functional am:status: am:Accepted, am:Rejected" in message


@pytest.mark.parametrize(
    ("turtle", "expected"),
    [
        ("amid:x a am:Strategy , am:Constraint .", ["amid:x is both am:Constraint and am:Strategy, which are disjoint"]),
        # a domain puts the subject into a class: a brand that is constrainedBy something is a strategy
        ("amid:x a am:Person ; am:constrainedBy amid:y .", ["amid:x is both am:Person and am:Strategy, which are disjoint"]),
        ('amid:q am:value 1.0 , 2.0 .', ["amid:q has 2 values for functional am:value: 1.0, 2.0"]),
        ("amid:x a am:SupportRelation , am:UndermineRelation .",
         ["amid:x is both am:SupportRelation and am:UndermineRelation, which are disjoint"]),
        ("amid:x a am:Brand , am:Organization , am:Claim , am:Evidence .",
         ["amid:x is both am:Entity and am:Statement, which are disjoint"]),
        ("amid:x a am:Premiumization , am:Brand ; am:restsOn amid:e . amid:e a am:Claim , am:PriceDoubt .", []),
    ],
)
def test_explain_inconsistency_finds_told_clashes(turtle: str, expected: list[str]) -> None:
    data = Graph().parse(data=f"@prefix am: <{AM_IRI}> . @prefix amid: <{AMID_IRI}> . {turtle}", format="turtle")
    found = [f"{c.individual.replace(AMID_IRI, 'amid:')} {c.reason}" for c in explain_inconsistency(ontology_graph() + data)]
    for line in expected:
        assert line in found
    if not expected:
        assert found == []
