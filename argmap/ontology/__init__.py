"""The argmap ontology: one Turtle file, its typed namespace, and loaders for rdflib and owlready2."""

from argmap.ontology._AM import AM
from argmap.ontology.files import AM_IRI, AMID_IRI, ONTOLOGY_IRI, ONTOLOGY_PATH
from argmap.ontology.namespaces import AMID, PREFIXES

__all__ = ["AM", "AMID", "AM_IRI", "AMID_IRI", "ONTOLOGY_IRI", "ONTOLOGY_PATH", "PREFIXES"]
