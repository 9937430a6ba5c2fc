"""ArticleAnalysis -> RDF triples of the article's named graph. The one place that maps to RDF."""

from __future__ import annotations

import hashlib

from pyoxigraph import NamedNode, Triple
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from argmap.extractors.model import (
    ArticleAnalysis, Entity, EntityKind, EntityRelation, Figure, Relation, RelationKind, Statement,
)
from argmap.graph import iri as mint
from argmap.graph.terms import boolean, decimal, integer, iri, text, when
from argmap.ontology import AM
from argmap.ontology.namespaces import OA, SCHEMA


def content_hash(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def article_triples(analysis: ArticleAnalysis) -> list[Triple]:
    """Every triple of one article's named graph."""
    article = iri(mint.article_iri(analysis.key))
    out: list[Triple] = _article(article, analysis)
    for entity in analysis.entities:
        out += _entity(entity, article, analysis.lang)
    for figure in analysis.figures:
        out += _figure(figure, article, analysis)
    sid_to_node = {s.id: iri(mint.statement_iri(analysis.key, s.start, s.end)) for s in analysis.statements}
    fig_to_node = {f.id: iri(mint.figure_iri(analysis.key, f.start, f.end)) for f in analysis.figures}
    for statement in analysis.statements:
        out += _statement(statement, sid_to_node[statement.id], article, analysis.lang, fig_to_node)
    for relation in analysis.relations:
        out += _relation(relation, sid_to_node, analysis.key, article)
    for rel in analysis.entity_relations:
        out += _entity_relation(rel, sid_to_node, analysis.key, article)
    return out


def _entity_relation(rel: EntityRelation, nodes: dict[str, NamedNode], article_key: str,
                     article: NamedNode) -> list[Triple]:
    """The relation, and where the article says it when a statement names both ends (a reading node: the
    relation itself may be said by several articles, each in its own words)."""
    subject, prop, obj = iri(mint.entity_iri(rel.subject)), iri(AM[rel.kind.value]), iri(mint.entity_iri(rel.object))
    out = [Triple(subject, prop, obj)]
    if rel.statement is None or rel.statement not in nodes:
        return out
    node = iri(mint.reading_iri(article_key, rel.kind.value, rel.subject, rel.object))
    return out + [
        Triple(node, iri(RDF.type), iri(AM.EntityRelationReading)),
        Triple(node, iri(AM.relationSubject), subject),
        Triple(node, iri(AM.relationProperty), prop),
        Triple(node, iri(AM.relationObject), obj),
        Triple(node, iri(AM.statedIn), nodes[rel.statement]),
        Triple(node, iri(AM.inArticle), article),
    ]


def _article(article: NamedNode, analysis: ArticleAnalysis) -> list[Triple]:
    out = [
        Triple(article, iri(RDF.type), iri(AM.Article)),
        Triple(article, iri(AM.content), text(analysis.content)),
        Triple(article, iri(AM.contentHash), text(content_hash(analysis.content))),
        Triple(article, iri(AM.language), text(analysis.lang)),
    ]
    if analysis.settings:
        out.append(Triple(article, iri(AM.extractionSettings), text(analysis.settings)))
    if analysis.title:
        out.append(Triple(article, iri(RDFS.label), text(analysis.title, analysis.lang)))
        out.append(Triple(article, iri(DCTERMS.title), text(analysis.title, analysis.lang)))
    if analysis.source:
        out.append(Triple(article, iri(DCTERMS.source), text(analysis.source)))
    return out + _metadata(article, analysis)


def _metadata(article: NamedNode, analysis: ArticleAnalysis) -> list[Triple]:
    """What the document states about itself: date, author, publisher, where it was published."""
    meta, out = analysis.metadata, []
    if meta.published is not None:
        out.append(Triple(article, iri(DCTERMS.date), when(meta.published)))
    if meta.author:
        out.append(Triple(article, iri(DCTERMS.creator), text(meta.author)))
    if meta.publisher:
        out.append(Triple(article, iri(DCTERMS.publisher), text(meta.publisher)))
    if meta.url:
        out.append(Triple(article, iri(SCHEMA.url), text(meta.url)))
    if meta.description:
        out.append(Triple(article, iri(DCTERMS.description), text(meta.description, analysis.lang)))
    return out


def _entity(entity: Entity, article: NamedNode, lang: str) -> list[Triple]:
    node = iri(mint.entity_iri(entity.ref))
    out = [Triple(node, iri(RDF.type), iri(AM[entity.kind.value]))]
    out += [Triple(node, iri(RDF.type), iri(AM[t])) for t in entity.types]
    labels = dict(entity.labels) or {lang: entity.label}
    for tag, label in labels.items():
        out.append(Triple(node, iri(RDFS.label), text(label, tag)))
        out.append(Triple(node, iri(SKOS.prefLabel), text(label, tag)))
    preferred = set(labels.values())
    for alias in entity.aliases:
        if alias not in preferred:
            out.append(Triple(node, iri(SKOS.altLabel), text(alias, _guess_lang(alias, lang))))
    if entity.kind is EntityKind.PRODUCT and entity.brand:
        out.append(Triple(node, iri(AM.hasBrand), iri(mint.entity_iri(entity.brand))))
    if entity.kind is EntityKind.PERSON and entity.role:
        out += _role(entity, node, lang)
    out.append(Triple(node, iri(PROV.wasDerivedFrom), article))
    return out


def _role(person: Entity, node: NamedNode, lang: str) -> list[Triple]:
    """创始人 of 蔚来: a Role node with the title as its label, held by the person, at the brand or organisation."""
    role = iri(mint.role_iri(person.ref, person.role or ""))
    out = [Triple(role, iri(RDF.type), iri(AM.Role)),
           Triple(role, iri(RDFS.label), text(person.role or "", _guess_lang(person.role or "", lang))),
           Triple(node, iri(AM.holdsRole), role)]
    if person.role_at:
        out.append(Triple(role, iri(AM.roleAt), iri(mint.entity_iri(person.role_at))))
    return out


def _figure(figure: Figure, article: NamedNode, analysis: ArticleAnalysis) -> list[Triple]:
    node = iri(mint.figure_iri(analysis.key, figure.start, figure.end))
    out = [
        Triple(node, iri(RDF.type), iri(AM.Quantity)),
        Triple(node, iri(RDFS.label), text(figure.text, analysis.lang)),
        Triple(node, iri(AM.value), decimal(figure.value)),
        Triple(node, iri(AM.unit), text(figure.unit)),
        Triple(node, iri(AM.text), text(figure.text, analysis.lang)),
        Triple(node, iri(AM.inArticle), article),
        Triple(node, iri(AM.startChar), integer(figure.start)),
        Triple(node, iri(AM.endChar), integer(figure.end)),
    ]
    if figure.upper is not None:
        out.append(Triple(node, iri(AM.maxValue), decimal(figure.upper)))
    if figure.sign:
        out.append(Triple(node, iri(AM.signedValue), decimal(figure.value * figure.sign)))
    if figure.event:
        out.append(Triple(node, iri(AM.refersTo), iri(mint.entity_iri(figure.event))))
    out += [Triple(node, iri(AM.about), iri(mint.entity_iri(ref))) for ref in figure.about]
    return out


def _statement(
    st: Statement, node: NamedNode, article: NamedNode, lang: str, figures: dict[str, NamedNode]
) -> list[Triple]:
    selector = iri(mint.selector_iri(NamedNode(node.value)))  # W3C Web Annotation position selector
    out = [
        Triple(node, iri(RDF.type), iri(AM[st.kind.value])),
        Triple(node, iri(AM.text), text(st.text, lang)),
        Triple(node, iri(AM.inArticle), article),
        Triple(node, iri(PROV.wasDerivedFrom), article),
        Triple(node, iri(AM.startChar), integer(st.start)),
        Triple(node, iri(AM.endChar), integer(st.end)),
        Triple(node, iri(OA.hasSelector), selector),
        Triple(selector, iri(RDF.type), iri(OA.TextPositionSelector)),
        Triple(selector, iri(OA.start), integer(st.start)),
        Triple(selector, iri(OA.end), integer(st.end)),
    ]
    for ref in st.mentions:
        target = figures.get(ref) or iri(mint.entity_iri(ref))
        out.append(Triple(node, iri(AM.mentions), target))
    out += [Triple(node, iri(RDF.type), iri(AM[k])) for k in st.evidence_kinds]  # evidence kinds are subclasses of am:Evidence
    for refs, prop in ((st.argues_for, AM.arguesFor), (st.argues_against, AM.arguesAgainst)):
        out += [Triple(node, iri(prop), iri(mint.entity_iri(ref))) for ref in refs]
    out += [Triple(node, iri(AM.concerns), iri(AM[aspect])) for aspect in st.aspects]
    for flag, prop in ((st.hedged, AM.hedged), (st.conditional, AM.conditional), (st.central, AM.central)):
        if flag:
            out.append(Triple(node, iri(prop), boolean(True)))
    return out


def _relation(rel: Relation, nodes: dict[str, NamedNode], article_key: str, article: NamedNode) -> list[Triple]:
    source, target = nodes[rel.source], nodes[rel.target]
    prop = AM.supports if rel.kind is RelationKind.SUPPORTS else AM.undermines
    cls = AM.SupportRelation if rel.kind is RelationKind.SUPPORTS else AM.UndermineRelation
    node = iri(mint.relation_iri(article_key, source.value, target.value, rel.kind.value))
    out = [
        Triple(source, iri(prop), target),
        Triple(node, iri(RDF.type), iri(cls)),
        Triple(node, iri(AM.premise), source),
        Triple(node, iri(AM.conclusion), target),
        Triple(node, iri(AM.inArticle), article),
    ]
    if rel.marker:
        out.append(Triple(node, iri(AM.marker), text(rel.marker)))
    if rel.start is not None and rel.end is not None:
        out += [Triple(node, iri(AM.startChar), integer(rel.start)), Triple(node, iri(AM.endChar), integer(rel.end))]
    return out


def _guess_lang(label: str, default: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in label) else ("en" if label.isascii() else default)
