"""The extractors' public entry point: text in, ``ArticleAnalysis`` out."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Sequence

from argmap.documents import Document
from argmap.extractors.model import ArticleAnalysis


class Lang(str, Enum):
    ZH = "zh"
    EN = "en"
    AUTO = "auto"


def detect_language(text: str) -> Lang:
    """zh when CJK ideographs make up a fair share of the letters, else en."""
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return Lang.ZH if cjk and cjk * 3 >= latin else Lang.EN


def analyze(
    document: Document | str,
    *,
    key: str,
    lang: Lang = Lang.AUTO,
    title: str = "",
    source: str = "",
    lexicons: Sequence[Path] = (),
) -> ArticleAnalysis:
    """Extract entities, figures, statements and relations from one article.

    ``document`` is what ``argmap.documents.read_document`` made of the input (a string is read
    as plain text); every offset in the result indexes into its ``content``. ``lexicons`` are
    extra user lexicon files.
    """
    from argmap.extractors.pipeline import as_document, run_pipeline  # spaCy loads lazily, not at import time

    doc = as_document(document, key=key)
    chosen = detect_language(doc.body_text()) if lang is Lang.AUTO else lang
    return run_pipeline(doc, key=key, lang=chosen.value, title=title, source=source, lexicons=lexicons)
