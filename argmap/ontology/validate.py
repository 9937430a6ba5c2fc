"""Check a store (or an rdflib Graph) against the SHACL shapes in ``shapes.ttl``.

``validate_store(store)`` pulls every triple of the store's union graph with one CONSTRUCT, adds the
ontology (so ``sh:class am:Evidence`` also accepts an ``am:PromotionDependence``) and runs pyshacl.
Each violation becomes one line a person can act on::

    amid:statement/a1/0-14 「小米高端化仍停留在价格层面。」 am:endChar: needs exactly one integer am:endChar …
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.namespace import SKOS
from rdflib.term import Node

from argmap.errors import StoreError
from argmap.ontology.files import AM_IRI, AMID_IRI, SHAPES_PATH
from argmap.ontology.owl import ontology_graph

if TYPE_CHECKING:
    from argmap.graph.store import Store

SH = Namespace("http://www.w3.org/ns/shacl#")
_AM_TEXT = Namespace(AM_IRI)["text"]
_MAX_SHOWN = 60  # characters of a statement's text quoted in a message


@dataclass(slots=True)
class ValidationReport:
    conforms: bool
    messages: list[str] = field(default_factory=list)


def validate_store(store: Store) -> ValidationReport:
    """Validate everything the store holds (all named graphs together)."""
    from argmap.graph.results import GraphResult

    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    if not isinstance(result, GraphResult):
        raise StoreError("the store did not answer a CONSTRUCT query with triples; is it a SPARQL store?")
    data = Graph()
    if result.triples:
        data.parse(data=" .\n".join(str(t) for t in result.triples) + " .\n", format="nt")
    return validate_graph(data)


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib Graph of argmap data against the shapes (the graph itself is not changed)."""
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, results, _text = validate(
        data, shacl_graph=shapes, ont_graph=ontology_graph(), inference="none",
        advanced=True, allow_warnings=True, inplace=False,
    )
    messages = sorted({_message(results, r, data) for r in results.subjects(RDF.type, SH.ValidationResult)})
    return ValidationReport(bool(conforms), messages)


def _message(results: Graph, result: Node, data: Graph) -> str:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    what = results.value(result, SH.resultMessage)
    if what is None:
        what = Literal(f"violates {_short(results.value(result, SH.sourceConstraintComponent))}")
    parts = [_short(focus), _describe(data, focus)]
    if path is not None and str(path) not in str(what):
        parts.append(f"{_short(path)}:")
    parts.append(str(what))
    return " ".join(p for p in parts if p)


def _describe(data: Graph, node: Node | None) -> str:
    """The node's text or label, so the reader can find it in the article or the map."""
    if node is None:
        return ""
    for prop in (_AM_TEXT, RDFS.label, SKOS.prefLabel):
        values = sorted(str(v) for v in data.objects(node, prop))
        if values:
            text = values[0] if len(values[0]) <= _MAX_SHOWN else values[0][:_MAX_SHOWN] + "…"
            return f"「{text}」"
    return "(no text or label)"


def _short(node: Node | None) -> str:
    if node is None:
        return "?"
    text = str(node)
    for prefix, ns in (("am:", AM_IRI), ("amid:", AMID_IRI), ("rdfs:", str(RDFS)), ("sh:", str(SH))):
        if text.startswith(ns):
            return prefix + text[len(ns):]
    return f"<{text}>" if not isinstance(node, Literal) else text
