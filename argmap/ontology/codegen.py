"""Generate ``_AM.py``, the typed namespace of the ontology (``python -m argmap.ontology.codegen``).

A test regenerates the source in memory and compares it with the committed file, so
the namespace cannot drift from the ontology.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

from argmap.ontology.files import AM_IRI, ONTOLOGY_PATH

_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual, OWL.AnnotationProperty)

_HEADER = '''"""Generated from argmap.ttl by ``python -m argmap.ontology.codegen``: do not edit."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class AM(DefinedNamespace):
    """The argmap ontology; an unknown term raises ``AttributeError``."""

    _fail = True
    _NS = Namespace("{iri}")

'''


def ontology_terms(graph: Graph) -> list[str]:
    """Local names of every class, property and individual the ontology declares."""
    names: set[str] = set()
    for rdf_type in _TYPES:
        for subject in graph.subjects(RDF.type, rdf_type):
            if isinstance(subject, URIRef) and str(subject).startswith(AM_IRI):
                names.add(str(subject)[len(AM_IRI):])
    return sorted(names)


def render(graph: Graph) -> str:
    body = "".join(f"    {name}: URIRef\n" for name in ontology_terms(graph))
    return _HEADER.format(iri=AM_IRI) + body


def main() -> None:
    graph = Graph().parse(ONTOLOGY_PATH, format="turtle")
    target = Path(__file__).with_name("_AM.py")
    target.write_text(render(graph), encoding="utf-8")


if __name__ == "__main__":
    main()
