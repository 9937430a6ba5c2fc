"""The extractors' public entry point: text in, ``ArticleAnalysis`` out."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Sequence

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
    content: str,
    *,
    key: str,
    lang: Lang = Lang.AUTO,
    title: str = "",
    source: str = "",
    lexicons: Sequence[Path] = (),
) -> ArticleAnalysis:
    """Extract entities, figures, statements and relations from one article's plain text.

    ``content`` is the text as ingested (already converted from HTML/Markdown); every
    offset in the result indexes into it. ``lexicons`` are extra user lexicon files.
    """
    from argmap.extractors.pipeline import run_pipeline  # spaCy loads lazily, not at import time

    chosen = detect_language(content) if lang is Lang.AUTO else lang
    return run_pipeline(content, key=key, lang=chosen.value, title=title, source=source, lexicons=lexicons)
