"""The English extraction pipeline (spaCy ``blank("en")`` + argmap components, see config_en.cfg)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from spacy.language import Language

    from argmap.extractors.model import ArticleAnalysis, Span


def analyze_english(
    content: str,
    *,
    key: str,
    lang: str = "en",
    title: str = "",
    source: str = "",
    lexicons: Sequence[Path] = (),
    skipped: Sequence["Span"] = (),
    nlp: "Language | None" = None,
) -> "ArticleAnalysis":
    """Entities, figures, statements and relations of one English article (see analyze.analyze_english)."""
    from argmap.extractors.en.analyze import analyze_english as run  # spaCy loads on first use, not on import

    return run(content, key=key, lang=lang, title=title, source=source, lexicons=lexicons, skipped=skipped, nlp=nlp)


def build_english(*, lexicons: Sequence[Path] = ()) -> "Language":
    """A reusable English pipeline (see analyze.build_english)."""
    from argmap.extractors.en.analyze import build_english as build

    return build(lexicons=lexicons)


__all__ = ["analyze_english", "build_english"]
