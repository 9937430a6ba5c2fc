"""The ontology file as a knowledge engineer would check it: spec terms, labels, alignments, DL hygiene,
and the generated typed namespace kept in sync with the file and with the code that uses it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

import argmap
from argmap.extractors.model import EntityKind, EntityRelationKind, StatementKind
from argmap.ontology import AM
from argmap.ontology.codegen import ontology_terms, render
from argmap.ontology.files import AM_IRI, ONTOLOGY_PATH

SCHEMA, PROV = "https://schema.org/", "http://www.w3.org/ns/prov#"
OA, AIF = "http://www.w3.org/ns/oa#", "http://www.arg.dundee.ac.uk/aif#"
PACKAGE = Path(argmap.__file__).parent


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def am(name: str) -> URIRef:
    return URIRef(AM_IRI + name)


# Every term of the spec (shared/spec/vocabulary.md), with the kind it must be declared as.
SPEC_CLASSES = ["Article", "Brand", "Organization", "Product", "Person", "Event", "Quantity", "Strategy",
                "Premiumization", "PriceLevelPremiumization", "ValueLevelPremiumization", "Constraint", "Claim", "Evidence"]
SPEC_OBJECT_PROPERTIES = ["inArticle", "supports", "undermines", "mentions", "pursues", "constrainedBy",
                          "competesWith", "status"]
SPEC_DATA_PROPERTIES = ["content", "text", "startChar", "endChar", "value", "unit", "strength"]
SPEC_INDIVIDUALS = ["Accepted", "Rejected", "Undecided"]


@pytest.mark.parametrize(
    ("names", "kind"),
    [(SPEC_CLASSES, OWL.Class), (SPEC_OBJECT_PROPERTIES, OWL.ObjectProperty),
     (SPEC_DATA_PROPERTIES, OWL.DatatypeProperty), (SPEC_INDIVIDUALS, OWL.NamedIndividual)],
)
def test_every_spec_term_is_declared(onto: Graph, names: list[str], kind: URIRef) -> None:
    missing = [n for n in names if (am(n), RDF.type, kind) not in onto]
    assert missing == []


def test_competes_with_is_symmetric_and_statuses_are_claim_statuses(onto: Graph) -> None:
    assert (am("competesWith"), RDF.type, OWL.SymmetricProperty) in onto
    for status in SPEC_INDIVIDUALS:
        assert (am(status), RDF.type, am("ClaimStatus")) in onto


def _declared(onto: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)
    return {s for k in kinds for s in onto.subjects(RDF.type, k) if isinstance(s, URIRef)}


def test_every_term_has_zh_and_en_labels_and_a_definition(onto: Graph) -> None:
    problems = []
    for term in sorted(t for t in _declared(onto) if str(t).startswith(AM_IRI)):
        for prop in (RDFS.label, SKOS.prefLabel, SKOS.definition):
            langs = {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}
            needed = {"zh", "en"}
            if not needed <= langs:
                problems.append(f"{term.fragment} {prop.n3(onto.namespace_manager)} lacks {sorted(needed - langs)}")
    assert problems == []


@pytest.mark.parametrize(
    ("sub", "relation", "sup"),
    [
        (am("Article"), RDFS.subClassOf, URIRef(SCHEMA + "Article")),
        (am("Article"), RDFS.subClassOf, URIRef(PROV + "Entity")),
        (am("Brand"), RDFS.subClassOf, URIRef(SCHEMA + "Brand")),
        (am("Organization"), RDFS.subClassOf, URIRef(SCHEMA + "Organization")),
        (am("Product"), RDFS.subClassOf, URIRef(SCHEMA + "Product")),
        (am("Person"), RDFS.subClassOf, URIRef(SCHEMA + "Person")),
        (am("Event"), RDFS.subClassOf, URIRef(SCHEMA + "Event")),
        (am("Quantity"), RDFS.subClassOf, URIRef(SCHEMA + "QuantitativeValue")),
        (am("Statement"), RDFS.subClassOf, URIRef(AIF + "I-node")),
        (am("Statement"), RDFS.subClassOf, URIRef(OA + "SpecificResource")),
        (am("ArgumentRelation"), RDFS.subClassOf, URIRef(AIF + "S-node")),
        (am("SupportRelation"), RDFS.subClassOf, URIRef(AIF + "RA-node")),
        (am("UndermineRelation"), RDFS.subClassOf, URIRef(AIF + "CA-node")),
        (am("ClaimStatus"), RDFS.subClassOf, SKOS.Concept),
        (am("inArticle"), RDFS.subPropertyOf, URIRef(PROV + "wasDerivedFrom")),
        (am("inArticle"), RDFS.subPropertyOf, URIRef(OA + "hasSource")),
        (am("mentions"), RDFS.subPropertyOf, URIRef(SCHEMA + "mentions")),
        (am("premise"), RDFS.subPropertyOf, URIRef(AIF + "Premise")),
        (am("conclusion"), RDFS.subPropertyOf, URIRef(AIF + "Conclusion")),
        (am("value"), RDFS.subPropertyOf, URIRef(SCHEMA + "value")),
        (am("supportedBy"), OWL.inverseOf, am("supports")),
    ],
)
def test_alignment_axioms(onto: Graph, sub: URIRef, relation: URIRef, sup: URIRef) -> None:
    assert (sub, relation, sup) in onto


def test_web_annotation_terms_written_by_the_mapping_are_declared(onto: Graph) -> None:
    for name, kind in (("TextPositionSelector", OWL.Class), ("TextQuoteSelector", OWL.Class),
                       ("hasSelector", OWL.ObjectProperty), ("start", OWL.DatatypeProperty),
                       ("end", OWL.DatatypeProperty), ("exact", OWL.DatatypeProperty)):
        assert (URIRef(OA + name), RDF.type, kind) in onto


def _used_iris(onto: Graph) -> set[URIRef]:
    """IRIs the axioms use as classes or properties (object positions of schema-level predicates)."""
    structural = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.equivalentClass,
                  OWL.onProperty, OWL.someValuesFrom, OWL.allValuesFrom, OWL.inverseOf, OWL.disjointWith)
    used = {o for p in structural for o in onto.objects(None, p) if isinstance(o, URIRef)}
    for p in (OWL.unionOf, OWL.intersectionOf, OWL.members, OWL.propertyChainAxiom):
        for head in onto.objects(None, p):
            used |= {x for x in Collection(onto, head) if isinstance(x, URIRef)}
    used |= {p for p in onto.predicates() if not str(p).startswith((str(RDF), str(RDFS), str(OWL)))}
    return used


def test_the_file_is_self_contained(onto: Graph) -> None:
    xsd_and_builtins = ("http://www.w3.org/2001/XMLSchema#", str(RDF), str(OWL))
    undeclared = sorted(str(i) for i in _used_iris(onto) - _declared(onto) if not str(i).startswith(xsd_and_builtins))
    assert undeclared == []


def test_no_punning_between_classes_properties_and_individuals(onto: Graph) -> None:
    kinds = {k: set(onto.subjects(RDF.type, k)) for k in
             (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual)}
    clashes = [(str(a), str(b)) for a in kinds for b in kinds if str(a) < str(b) and kinds[a] & kinds[b]]
    assert clashes == []
    # every class and property axiom names a declared thing of the right kind
    for s, o in onto.subject_objects(RDFS.subClassOf):
        assert isinstance(o, BNode) or o in kinds[OWL.Class], (s, o)


def test_defined_premiumization_classes_rest_on_the_evidence_kinds(onto: Graph) -> None:
    for level, side in (("PriceLevelPremiumization", "PriceDrivenEvidence"), ("ValueLevelPremiumization", "ValueDrivenEvidence")):
        definition = onto.value(am(level), OWL.equivalentClass)
        parts = list(Collection(onto, onto.value(definition, OWL.intersectionOf)))
        restriction = next(p for p in parts if isinstance(p, BNode))
        assert am("Premiumization") in parts
        assert onto.value(restriction, OWL.onProperty) == am("restsOn")
        assert onto.value(restriction, OWL.someValuesFrom) == am(side)
        covering = set(Collection(onto, onto.value(onto.value(am(side), OWL.equivalentClass), OWL.unionOf)))
        assert covering == set(onto.subjects(RDFS.subClassOf, am(side)))


# ----------------------------------------------------------------- the typed namespace


def test_generated_namespace_is_up_to_date(onto: Graph) -> None:
    committed = (PACKAGE / "ontology" / "_AM.py").read_text(encoding="utf-8")
    assert committed == render(onto), "run: python -m argmap.ontology.codegen"


def test_unknown_terms_raise() -> None:
    with pytest.raises(AttributeError):
        AM.NoSuchTerm  # noqa: B018


_AM_USE = re.compile(r"\bAM\.(\w+)|\bAM\[\s*[\"'](\w+)[\"']\s*\]")


def test_every_am_term_used_in_the_code_exists(onto: Graph) -> None:
    known = set(ontology_terms(onto))
    used: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name == "_AM.py":
            continue
        for match in _AM_USE.finditer(path.read_text(encoding="utf-8")):
            used.setdefault(match.group(1) or match.group(2), str(path.relative_to(PACKAGE)))
    unknown = {name: where for name, where in used.items() if name not in known and not name.startswith("_")}
    assert unknown == {}


def test_enum_values_that_name_ontology_terms_exist(onto: Graph) -> None:
    known = set(ontology_terms(onto))
    names = [k.value for k in EntityKind] + [k.value for k in StatementKind] + [k.value for k in EntityRelationKind]
    assert [n for n in names if n not in known] == []
