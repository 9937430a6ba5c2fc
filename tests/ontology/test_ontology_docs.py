"""docs/ontology.md: generated from the ontology file, kept in sync with it, and complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from argmap.ontology.docs import curie, is_am, main, members, render_docs
from argmap.ontology.files import AM_IRI, ONTOLOGY_PATH

DOCS = Path(__file__).resolve().parents[2] / "docs" / "ontology.md"
REGENERATE = "docs/ontology.md is out of date with argmap.ttl; run: .venv/bin/python -m argmap.ontology.docs"

_ROW = re.compile(r"^\| `am:(\w+)` \| (.*) \|$", re.M)
_SUBCLASS = re.compile(r"^\s+(\w+) <\|-- (\w+)$", re.M)
_STEREOTYPE = re.compile(r"^\s+<<(\w+)>> (\w+)$", re.M)
_RELATION = re.compile(r"^\s+(\w+) --> (\w+) : (.+)$", re.M)
_NODE = re.compile(r'^\s+class (\w+)\["', re.M)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def page(onto: Graph) -> str:
    return render_docs(onto)


def am(name: str) -> URIRef:
    return URIRef(AM_IRI + name)


def local(term: URIRef) -> str:
    return str(term)[len(AM_IRI):]


def diagrams(page: str) -> list[str]:
    return re.findall(r"```mermaid\n(.*?)```", page, re.S)


def section(page: str, title: str) -> str:
    return page.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def table_rows(page: str, title: str) -> dict[str, list[str]]:
    """The rows of one section's table, by local name, split into cells (escaped pipes kept inside cells)."""
    return {m.group(1): re.split(r"(?<!\\) \| ", m.group(2)) for m in _ROW.finditer(section(page, title))}


def langs(onto: Graph, term: URIRef, lang: str) -> set[str]:
    return {str(o) for p in (SKOS.prefLabel, RDFS.label) for o in onto.objects(term, p)
            if isinstance(o, Literal) and o.language == lang}


def declared(onto: Graph, kind: URIRef) -> list[URIRef]:
    return sorted((s for s in onto.subjects(RDF.type, kind) if is_am(s)), key=str)


# ----------------------------------------------------------------- in sync


def test_committed_docs_are_up_to_date(page: str) -> None:
    assert DOCS.exists(), REGENERATE
    assert DOCS.read_text(encoding="utf-8") == page, REGENERATE


def test_rendering_is_deterministic_and_leaves_the_graph_alone(onto: Graph, page: str) -> None:
    before = len(onto)
    assert render_docs(Graph().parse(ONTOLOGY_PATH, format="turtle")) == page
    assert len(onto) == before


def test_main_writes_the_page_to_the_given_path(tmp_path: Path, page: str) -> None:
    target = tmp_path / "sub" / "ontology.md"
    main([str(target)])
    assert target.read_text(encoding="utf-8") == page


# ----------------------------------------------------------------- tables


@pytest.mark.parametrize(
    ("kind", "title"),
    [(OWL.Class, "Classes"), (OWL.ObjectProperty, "Object properties"),
     (OWL.DatatypeProperty, "Datatype properties"), (OWL.NamedIndividual, "Named individuals")],
)
def test_every_term_is_in_its_table_with_zh_and_en_labels(onto: Graph, page: str, kind: URIRef, title: str) -> None:
    rows = table_rows(page, title)
    terms = declared(onto, kind)
    assert terms, f"no {title.lower()} declared"
    problems = []
    for term in terms:
        cells = rows.get(local(term))
        if cells is None:
            problems.append(f"{local(term)}: no row")
            continue
        zh, en = cells[0], cells[1]
        if zh not in langs(onto, term, "zh") or en not in langs(onto, term, "en"):
            problems.append(f"{local(term)}: labels {zh!r} / {en!r}")
        definitions = {str(o) for o in onto.objects(term, SKOS.definition)}
        if not definitions or not all(d.replace("|", "\\|") in cells[-1] for d in definitions):
            problems.append(f"{local(term)}: definition missing")
    assert problems == []
    assert sorted(rows) == sorted(rows, key=lambda name: AM_IRI + name), "rows not sorted"


def test_object_property_characteristics_and_domains(page: str) -> None:
    rows = table_rows(page, "Object properties")
    assert "symmetric" in rows["competesWith"][3]
    assert "functional" in rows["status"][3]
    assert rows["pursues"][2] == "`am:Brand` or `am:Organization` → `am:Strategy`"


def test_alignments_table_lists_every_external_superclass_and_superproperty(onto: Graph, page: str) -> None:
    text = section(page, "Alignments")
    external = ("https://schema.org/", "http://www.w3.org/ns/prov#", str(SKOS), "http://www.w3.org/ns/oa#",
                "http://www.arg.dundee.ac.uk/aif#")
    expected = [(s, p, o) for p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass)
                for s, o in onto.subject_objects(p) if is_am(s) and str(o).startswith(external)]
    assert len(expected) > 20
    missing = [(s, p, o) for s, p, o in expected if f"| `{curie(s)}` | `{curie(p)}` | `{curie(o)}` |" not in text]
    assert missing == []


def test_table_cells_escape_pipes() -> None:
    g = Graph()
    term = am("Odd")
    g.add((term, RDF.type, OWL.Class))
    for lang in ("zh", "en"):
        g.add((term, SKOS.prefLabel, Literal(f"a | b {lang}", lang=lang)))
    g.add((term, SKOS.definition, Literal("x | y", lang="en")))
    row = next(line for line in render_docs(g).splitlines() if line.startswith("| `am:Odd`"))
    assert "a \\| b zh" in row and "x \\| y" in row
    assert len(re.split(r"(?<!\\)\|", row)) == len(re.split(r"(?<!\\)\|", "| t | zh | en | sup | eq | def |"))


# ----------------------------------------------------------------- diagrams


def test_page_has_the_core_and_hierarchy_diagrams(page: str) -> None:
    found = diagrams(page)
    assert len(found) == 2
    assert all("classDiagram" in d for d in found)


def test_every_class_appears_in_a_diagram_with_its_zh_label(onto: Graph, page: str) -> None:
    text = "\n".join(diagrams(page))
    nodes = set(_NODE.findall(text))
    classes = declared(onto, OWL.Class)
    assert [local(c) for c in classes if local(c) not in nodes] == []
    for c in classes:
        zh = sorted(langs(onto, c, "zh"))[0]
        assert f'class {local(c)}["{local(c)} ' in text and zh in text


def test_every_subclass_edge_between_am_classes_is_drawn(onto: Graph, page: str) -> None:
    text = "\n".join(diagrams(page))
    drawn = {(sub, sup) for sup, sub in _SUBCLASS.findall(text)}
    expected = {(local(s), local(o)) for s, o in onto.subject_objects(RDFS.subClassOf) if is_am(s) and is_am(o)}
    assert expected - drawn == set()
    assert drawn - expected == set()
    assert ("PriceLevelPremiumization", "Premiumization") in drawn
    assert ("ValueLevelPremiumization", "Premiumization") in drawn


def test_core_stereotypes_are_real_subclass_edges(onto: Graph, page: str) -> None:
    core = diagrams(page)[0]
    for sup, sub in _STEREOTYPE.findall(core):
        assert (am(sub), RDFS.subClassOf, am(sup)) in onto


def _relations(diagram: str) -> dict[tuple[str, str], set[str]]:
    return {(d, r): {part.split()[0] for part in label.split(", ")} for d, r, label in _RELATION.findall(diagram)}


def test_every_object_property_is_drawn_from_each_domain_to_each_range(onto: Graph, page: str) -> None:
    drawn = _relations(diagrams(page)[0])
    missing = []
    for prop in declared(onto, OWL.ObjectProperty):
        domains = [m for d in onto.objects(prop, RDFS.domain) for m in members(onto, d) if is_am(m)]
        ranges = [m for r in onto.objects(prop, RDFS.range) for m in members(onto, r) if is_am(m)]
        for d in domains:
            for r in ranges:
                if local(prop) not in drawn.get((local(d), local(r)), set()):
                    missing.append(f"{local(d)} --{local(prop)}--> {local(r)}")
    assert missing == []
    # a union domain gives an arrow from each member
    assert "pursues" in drawn[("Brand", "Strategy")] and "pursues" in drawn[("Organization", "Strategy")]


def test_supports_runs_from_evidence_and_claims_to_claims(onto: Graph, page: str) -> None:
    core = diagrams(page)[0]
    drawn = _relations(core)
    domain = onto.value(am("supports"), RDFS.domain)
    target = onto.value(am("supports"), RDFS.range)
    assert target == am("Claim")
    assert "supports" in drawn[(local(domain), "Claim")]
    # Evidence and Claim take part as subclasses of the domain, and the diagram shows that inheritance
    subclass_arrows = {(sub, sup) for sup, sub in _SUBCLASS.findall(core)}
    for kind in ("Evidence", "Claim"):
        assert (am(kind), RDFS.subClassOf, domain) in onto
        assert (kind, local(domain)) in subclass_arrows
