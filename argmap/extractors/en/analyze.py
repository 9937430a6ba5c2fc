"""Build the English pipeline from config_en.cfg and turn its result into an ``ArticleAnalysis`` (the same
way as the Chinese one: ``pipeline.pipeline_doc`` and ``pipeline.doc_analysis``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

import spacy
from spacy.language import Language

from argmap.errors import InputError
import argmap.extractors.components.argument  # noqa: F401  (the argument stage shared by every language)
from argmap.extractors.components.argument.model import Regions
from argmap.extractors.en import clauses, entities, figures, sentences, strategies, units  # noqa: F401  (registers the factories)
from argmap.extractors.model import ArticleAnalysis, Span
from argmap.extractors.pipeline import Layout, config_overrides, doc_analysis, pipeline_doc

CONFIG_PATH = Path(__file__).resolve().parent / "config_en.cfg"
MAX_CHARS = 20_000_000  # no parser or NER here, so spaCy's 1M-character memory guard does not apply


def build_english(*, lexicons: Sequence[Path] = (), data_dir: Path | None = None,
                  config_path: Path = CONFIG_PATH, name_sources: Sequence[str] | None = None) -> Language:
    """A fresh English pipeline; ``lexicons`` are the user's extra .tsv files (see lexicon.py);
    ``name_sources`` replaces the config's sources of names outside the lexicon (``()``: the lexicon only)."""
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
    doc = pipeline_doc(pipeline, content, title=title, laid=Layout(list(skipped), list(headings), regions))
    return doc_analysis(doc, key=key, lang=lang, title=title, source=source)

