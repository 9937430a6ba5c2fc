"""Build the English pipeline from config_en.cfg and turn its result into an ``ArticleAnalysis``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from argmap.errors import InputError
import argmap.extractors.components.argument  # noqa: F401  (the argument stage shared by every language)
from argmap.extractors.components.argument.model import REGIONS_KEY, TITLE_KEY, Regions, argument_state
from argmap.extractors.en import clauses, entities, figures, sentences, strategies, units  # noqa: F401  (registers the factories)
from argmap.extractors.en.doc_state import EXTENSION, EnState, EntityHit
from argmap.extractors.model import ArticleAnalysis, Entity, Mention, Span

CONFIG_PATH = Path(__file__).resolve().parent / "config_en.cfg"
MAX_CHARS = 20_000_000  # no parser or NER here, so spaCy's 1M-character memory guard does not apply


def build_english(*, lexicons: Sequence[Path] = (), data_dir: Path | None = None,
                  config_path: Path = CONFIG_PATH, name_sources: Sequence[str] | None = None) -> Language:
    """A fresh English pipeline; ``lexicons`` are the user's extra JSON lexicon files (argmap/extractors/lexicon.py),
    ``data_dir`` a folder of English cue files to read instead of the shipped ``lang/en/lexicon/``;
    ``name_sources`` replaces the config's sources of names outside the lexicon (``()``: the lexicon only)."""
    from argmap.extractors.pipeline import config_overrides

    overrides = {**config_overrides(lexicons, name_sources), "argmap.data_dir": str(data_dir or "")}
    config = spacy.util.load_config(config_path, overrides=overrides, interpolate=True)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.max_length = MAX_CHARS
    return nlp


@lru_cache(maxsize=4)
def _cached(lexicons: tuple[str, ...]) -> Language:
    # Building takes a moment; an article batch reuses the pipeline for the same lexicons.
    return build_english(lexicons=[Path(p) for p in lexicons])


def analyze_english(
    content: str,
    *,
    key: str,
    lang: str = "en",
    title: str = "",
    source: str = "",
    lexicons: Sequence[Path] = (),
    skipped: Sequence[Span] = (),
    headings: Sequence[Span] = (),
    regions: Regions = Regions(),
    nlp: Language | None = None,
) -> ArticleAnalysis:
    """Entities, figures, statements and relations of one English article.

    ``skipped`` are spans the cleaner kept out of extraction (markup, boilerplate); ``nlp`` a pipeline
    from :func:`build_english` to reuse (by default one is built per set of lexicons and kept).
    """
    if not content.strip():
        raise InputError(f"article {key!r} is empty; pass a file with text in it")
    if len(content) > MAX_CHARS:
        raise InputError(f"article {key!r} has {len(content):,} characters, more than {MAX_CHARS:,}; split it into parts")
    pipeline = nlp if nlp is not None else _cached(tuple(str(p) for p in lexicons))
    pipeline.max_length = max(pipeline.max_length, MAX_CHARS)
    doc = english_doc(pipeline, content, title=title, skipped=skipped, headings=headings, regions=regions)
    st: EnState = doc._.get(EXTENSION)
    argument = argument_state(doc)
    st.statements, st.relations = argument.statements, argument.relations
    _locate_entity_relations(st)
    return ArticleAnalysis(
        key=key,
        content=content,
        lang=lang,
        title=title,
        source=source,
        sentences=list(st.sentences),
        skipped=list(st.skipped),
        entities=_entities(st.hits, content, st.roles) + st.derived,
        figures=st.figures,
        statements=st.statements,
        relations=st.relations,
        entity_relations=st.entity_relations,
    )


def english_doc(nlp: Language, content: str, *, title: str = "", skipped: Sequence[Span] = (),
                headings: Sequence[Span] = (), regions: Regions = Regions()) -> Doc:
    """``content`` run through the pipeline's components; what they found is on the Doc."""
    doc = nlp.make_doc(content)
    doc._.set(EXTENSION, EnState(text=content, skipped=list(skipped), headings=list(headings)))
    doc.user_data[TITLE_KEY] = title
    doc.user_data[REGIONS_KEY] = regions
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _entities(hits: list[EntityHit], content: str, roles: dict[str, tuple[str, str | None]]) -> list[Entity]:
    """One entity per ref, with every mention; labels in English and, where known, Chinese; a person's
    role where the text states it."""
    out: dict[str, Entity] = {}
    for hit in hits:
        entity = out.get(hit.ref)
        if entity is None:
            labels = {"en": hit.label_en}
            if hit.label_zh:
                labels["zh"] = hit.label_zh
            role, role_at = roles.get(hit.ref, (None, None))
            entity = Entity(hit.key, hit.kind, hit.label_en, labels, aliases=hit.aliases,
                            brand=f"brand/{hit.owner}" if hit.owner else None, role=role, role_at=role_at)
            out[hit.ref] = entity
        elif set(hit.aliases) - set(entity.aliases):  # another name of it, resolved in this article
            entity.aliases = tuple(dict.fromkeys((*entity.aliases, *hit.aliases)))
        entity.mentions.append(Mention(hit.start, hit.end, content[hit.start : hit.end]))
    return list(out.values())


def _locate_entity_relations(st: EnState) -> None:
    """Each entity relation is said in the first statement that mentions both of its ends."""
    by_ref: dict[str, set[str]] = {}
    for statement in st.statements:
        for ref in statement.mentions:
            by_ref.setdefault(ref, set()).add(statement.id)
    order = {s.id: n for n, s in enumerate(st.statements)}
    for rel in st.entity_relations:
        shared = by_ref.get(rel.subject, set()) & by_ref.get(rel.object, set())
        rel.statement = min(shared, key=order.__getitem__) if shared else None
