"""Small constructors for pyoxigraph terms from the typed namespaces."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pyoxigraph import Literal, NamedNode
from rdflib import URIRef
from rdflib.namespace import XSD, DefinedNamespace, Namespace


def iri(node: URIRef | str) -> NamedNode:
    return NamedNode(str(node))


def text(value: str, lang: str | None = None) -> Literal:
    return Literal(value, language=lang) if lang else Literal(value)


def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=NamedNode(str(XSD.integer)))


def decimal(value: Decimal | float | int) -> Literal:
    # Plain positional notation: xsd:decimal has no exponent form.
    return Literal(format(Decimal(value).normalize(), "f"), datatype=NamedNode(str(XSD.decimal)))


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=NamedNode(str(XSD.boolean)))


def when(value: date | datetime) -> Literal:
    """xsd:dateTime for a moment, xsd:date for a day."""
    if isinstance(value, datetime):
        return Literal(value.isoformat(), datatype=NamedNode(str(XSD.dateTime)))
    return Literal(value.isoformat(), datatype=NamedNode(str(XSD.date)))


class SD(DefinedNamespace):
    """SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/)."""

    _NS = Namespace("http://www.w3.org/ns/sparql-service-description#")
    _fail = True

    Service: URIRef
    NamedGraph: URIRef
    Dataset: URIRef
    Graph: URIRef
    endpoint: URIRef
    supportedLanguage: URIRef
    SPARQL11Query: URIRef
    SPARQL11Update: URIRef
    resultFormat: URIRef
    feature: URIRef
    UnionDefaultGraph: URIRef
    BasicFederatedQuery: URIRef
    defaultDataset: URIRef
    defaultGraph: URIRef
    namedGraph: URIRef
    name: URIRef


class FORMATS(DefinedNamespace):
    """W3C unique URIs for file formats (https://www.w3.org/ns/formats/)."""

    _NS = Namespace("http://www.w3.org/ns/formats/")
    _fail = True

    RDF_XML: URIRef
    Turtle: URIRef
    N_Triples: URIRef
    JSON_LD: URIRef
    SPARQL_Results_JSON: URIRef
    SPARQL_Results_XML: URIRef
    SPARQL_Results_CSV: URIRef
    SPARQL_Results_TSV: URIRef
