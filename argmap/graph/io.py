"""Export and import of the whole dataset: Turtle (merged), TriG, N-Quads, JSON-LD.

Import replaces each named graph found in the file in one update per graph, so importing
an export into a fresh store gives back the same dataset (blank nodes included, up to
renaming), and importing it twice changes nothing.
"""

from __future__ import annotations

import json

from enum import Enum
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from argmap.errors import InputError
from argmap.graph.iri import IMPORTED_GRAPH
from argmap.graph.store import Store
from argmap.ontology.namespaces import PREFIXES


class DatasetFormat(str, Enum):
    TTL = "ttl"
    TRIG = "trig"
    NQ = "nq"
    JSONLD = "jsonld"

    @property
    def rdf_format(self) -> ox.RdfFormat:
        return _RDF_FORMATS[self]


_RDF_FORMATS = {
    DatasetFormat.TTL: ox.RdfFormat.TURTLE,
    DatasetFormat.TRIG: ox.RdfFormat.TRIG,
    DatasetFormat.NQ: ox.RdfFormat.N_QUADS,
    DatasetFormat.JSONLD: ox.RdfFormat.JSON_LD,
}
_SUFFIXES = {".ttl": DatasetFormat.TTL, ".turtle": DatasetFormat.TTL, ".trig": DatasetFormat.TRIG,
             ".nq": DatasetFormat.NQ, ".nquads": DatasetFormat.NQ, ".jsonld": DatasetFormat.JSONLD,
             ".json": DatasetFormat.JSONLD}


def parse_format(fmt: str) -> DatasetFormat:
    try:
        return DatasetFormat(fmt.lower().lstrip("."))
    except ValueError:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(f.value for f in DatasetFormat)}") from None


def export_dataset(store: Store, fmt: str) -> bytes:
    """The whole store; ``ttl`` merges every graph into one (the union default graph)."""
    kind = parse_format(fmt)
    if kind is DatasetFormat.TTL:
        return store.dump(ox.RdfFormat.TURTLE)
    quads = ox.parse(store.dump(ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    # Re-serialised here rather than dumped directly so that TriG gets the argmap prefixes.
    data = ox.serialize(quads, format=kind.rdf_format, prefixes=PREFIXES if kind is DatasetFormat.TRIG else None)
    data = data if isinstance(data, bytes) else b""
    return compact_jsonld(data) if kind is DatasetFormat.JSONLD else data


def compact_jsonld(expanded: bytes) -> bytes:
    """Oxigraph writes expanded JSON-LD; give it an ``@context`` with argmap's and the standard prefixes and
    write every IRI (property, ``@id``, ``@type``) as a compact IRI, which any JSON-LD processor expands back."""
    doc = json.loads(expanded or b"[]")
    body = {"@context": dict(PREFIXES), "@graph": _compact(doc)}
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _compact(node: Any) -> Any:
    if isinstance(node, list):
        return [_compact(n) for n in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == _RDF_TYPE and all(isinstance(v, dict) and set(v) == {"@id"} and not v["@id"].startswith("_:")
                                    for v in value):
            out["@type"] = [_curie(v["@id"]) for v in value]  # rdf:type as JSON-LD's own @type
        elif key == "@id":
            out[key] = _curie(value)
        elif key == "@type":
            out[key] = [_curie(v) for v in value] if isinstance(value, list) else _curie(value)
        elif key.startswith("@"):
            out[key] = _compact(value)
        else:
            out[_curie(key)] = _compact(value)
    return out


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _curie(iri: str) -> str:
    best = max((p for p, ns in PREFIXES.items() if iri.startswith(ns) and len(iri) > len(ns)),
               key=lambda p: len(PREFIXES[p]), default=None)
    # A suffix starting with "//" would read as an absolute IRI; such IRIs stay whole.
    return iri if best is None or iri[len(PREFIXES[best]):].startswith("//") else f"{best}:{iri[len(PREFIXES[best]):]}"


def read_dataset(path: Path, fmt: str | None = None) -> list[ox.Quad]:
    """Every quad of a dataset file; a file that does not parse is refused before anything is written."""
    kind = parse_format(fmt) if fmt else _SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(f"{path}: cannot tell the format from the name; use .ttl, .trig, .nq or .jsonld")
    try:
        return list(ox.parse(path=str(path), format=kind.rdf_format))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid {kind.value}: {' '.join(str(exc).split())[:200]}; nothing was imported") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def import_dataset(store: Store, path: Path, *, fmt: str | None = None) -> int:
    """Load a dataset file; each named graph in it replaces the store's graph of that name, all in one
    transaction (a failure or a kill leaves the store as it was). Returns the quads count."""
    graphs, count = read_graphs(path, fmt=fmt)
    store.replace_graphs(graphs)
    return count


def read_graphs(path: Path, *, fmt: str | None = None) -> tuple[dict[str, list[ox.Triple]], int]:
    """A dataset file's triples by graph, and its quad count; nothing is written."""
    quads = read_dataset(path, fmt)
    by_graph: dict[str, list[ox.Triple]] = {}
    default: list[ox.Quad] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.NamedNode):
            by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
        elif isinstance(quad.graph_name, ox.DefaultGraph):
            default.append(quad)
        else:
            raise InputError(f"{path}: a graph named by a blank node cannot be imported; name it with an IRI")
    if default:
        # The store's default graph is the union of its named graphs: triples outside any named
        # graph (a Turtle file, say) need a graph of their own to live in.
        by_graph.setdefault(str(IMPORTED_GRAPH), []).extend(q.triple for q in default)
    return by_graph, len(quads)
