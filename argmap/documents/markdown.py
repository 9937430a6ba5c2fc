"""Markdown to blocks: markdown-it-py renders CommonMark (tables, footnotes, inline and block
HTML kept as HTML) and the HTML walker reads the result, so HTML inside Markdown is parsed, not stripped."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt

from argmap.documents.blocks import RawBlock
from argmap.documents.html import html_blocks
from argmap.documents.rules import BoilerplateRules


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable("table").use(footnote_plugin)
    # Links are never followed, only their text is kept: accept every target so that a
    # ``[name](javascript:…)`` (common in WeChat exports) is read as a link, not left as text.
    md.validateLink = lambda url: True
    return md


def markdown_blocks(text: str, rules: BoilerplateRules) -> list[RawBlock]:
    return html_blocks(_parser().render(text), rules)
