"""Where the ontology's files live inside the package."""

from __future__ import annotations

from pathlib import Path

AM_IRI = "https://w3id.org/argmap/ontology#"
AMID_IRI = "https://w3id.org/argmap/id/"
ONTOLOGY_IRI = "https://w3id.org/argmap/ontology"

_HERE = Path(__file__).parent
ONTOLOGY_PATH = _HERE / "argmap.ttl"
SHAPES_PATH = _HERE / "shapes.ttl"
QUERIES_DIR = _HERE / "queries"
