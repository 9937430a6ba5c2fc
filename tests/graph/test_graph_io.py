"""Export / import: every format round-trips into an empty store as an isomorphic dataset."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from argmap.errors import InputError
from argmap.graph.io import export_dataset, import_dataset
from argmap.graph.iri import ONTOLOGY_GRAPH
from argmap.graph.store import open_store

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib internals

SUFFIX = {"trig": ".trig", "nq": ".nq", "jsonld": ".jsonld"}


def _graphs(nquads: bytes) -> dict[str, Graph]:
    ds = Dataset()
    ds.parse(data=nquads.decode("utf-8"), format="nquads")
    out: dict[str, Graph] = {}
    for g in ds.graphs():
        if isinstance(g.identifier, URIRef) and len(g):
            out[str(g.identifier)] = g
    return out


@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld"])
def test_export_then_import_into_an_empty_store_is_isomorphic(filled_store, tmp_path: Path, fmt: str) -> None:
    exported = tmp_path / f"dump{SUFFIX[fmt]}"
    exported.write_bytes(export_dataset(filled_store, fmt))
    target = open_store(tmp_path / "copy")
    try:
        count = import_dataset(target, exported)
        before = _graphs(filled_store.dump(ox.RdfFormat.N_QUADS))
        after = _graphs(target.dump(ox.RdfFormat.N_QUADS))
        assert count == sum(len(g) for g in before.values())
        assert set(after) == set(before)
        assert str(ONTOLOGY_GRAPH) in after  # the ontology has blank nodes: compared up to renaming
        for name, graph in before.items():
            assert isomorphic(graph, after[name]), name
        # importing the same file again changes nothing
        import_dataset(target, exported)
        assert sum(len(g) for g in _graphs(target.dump(ox.RdfFormat.N_QUADS)).values()) == count
    finally:
        target.close()


def test_turtle_export_is_the_merged_graph_with_prefixes(filled_store) -> None:
    data = export_dataset(filled_store, "ttl")
    assert data.startswith(b"@prefix") and b"am:Claim" in data
    merged = Graph().parse(data=data.decode("utf-8"), format="turtle")
    claims = set(merged.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                 URIRef("https://w3id.org/argmap/ontology#Claim")))
    assert len(claims) == 20


def test_jsonld_export_is_compact_with_a_context_and_named_graphs(filled_store) -> None:
    doc = json.loads(export_dataset(filled_store, "jsonld"))
    assert doc["@context"]["am"] == "https://w3id.org/argmap/ontology#" and "dcterms" in doc["@context"]
    graphs = [node for node in doc["@graph"] if "@graph" in node]
    assert graphs and all(node["@id"].startswith("amid:") for node in graphs)
    statements = [n for g in graphs for n in g["@graph"] if "am:Claim" in n.get("@type", [])]
    assert statements and all("am:text" in n for n in statements)


@pytest.mark.parametrize(
    ("name", "content"),
    [("bad.nq", "<urn:a> <urn:b> .\n"), ("dump.xyz", "<urn:a> <urn:b> <urn:c> .\n")],
)
def test_bad_import_files_are_refused_before_any_write(filled_store, tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    before = filled_store.dump(ox.RdfFormat.N_QUADS)
    with pytest.raises(InputError):
        import_dataset(filled_store, path)
    assert filled_store.dump(ox.RdfFormat.N_QUADS) == before


def test_unknown_export_format_is_refused(filled_store) -> None:
    with pytest.raises(InputError):
        export_dataset(filled_store, "xml")
