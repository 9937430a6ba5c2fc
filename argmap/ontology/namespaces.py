"""Namespaces used across argmap, and the prefixes predeclared for SPARQL users."""

from __future__ import annotations

import re

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from argmap.ontology.files import AM_IRI, AMID_IRI

AMID = Namespace(AMID_IRI)
# characters that may not stand in a SPARQL IRIREF (<…>): what a user typed is checked or escaped against them
IRIREF_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")

PREFIXES: dict[str, str] = {
    "am": AM_IRI,
    "amid": AMID_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "xsd": str(XSD),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
}


def sparql_prologue() -> str:
    """PREFIX lines for every predeclared prefix."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
