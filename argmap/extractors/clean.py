"""Markup to plain text (what gets ingested), and the spans inside it to keep out of extraction."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from argmap.extractors.model import Span

_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(source: str) -> str:
    parser = _TextExtractor()
    parser.feed(source)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n\s*\n+", "\n", text).strip() + "\n"


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_MARKS = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+)", re.M)
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)")


def markdown_to_text(source: str) -> str:
    text = _MD_IMAGE.sub("", source)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_MARKS.sub("", text)
    return _MD_EMPH.sub("", text)


def to_plain_text(source: str, fmt: str) -> str:
    """The text as ingested: HTML and Markdown become plain text; plain text stays as it is."""
    if fmt == "html":
        return html_to_text(source)
    if fmt == "markdown":
        return markdown_to_text(source)
    return source


# Spans of the ingested text that stay out of extraction. Offsets are kept (nothing is removed),
# so every statement and figure still indexes into the text as ingested.
_SKIP_PATTERNS = (
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # markdown image placeholders: ![]()
    re.compile(r"</?[A-Za-z][^<>\n]{0,200}>"),  # HTML tags left in plain text
    re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6});"),  # HTML entities left in plain text
    re.compile(r"(?<=\])\([^)\s]*\)"),  # the URL part of [text](url)
    re.compile(r"\[(?=[^\]\n]+\]\()"),  # the opening bracket of [text](url)
    re.compile(r"\](?=\()"),  # its closing bracket
    re.compile(r"https?://[^\s)）\]」”]+"),  # bare URLs
)
# Platform boilerplate: the whole line goes, from the cue to its end.
_BOILERPLATE = re.compile(
    r"^[ \t]*(?:特别声明|免责声明|版权声明|声明[:：]|Notice:|Disclaimer:|信息来源|资料来源|来源[:：]|责任编辑|编辑[:：]|原标题|本文来源"
    r"|文章来源|作者[:：]|图片来源|图源)[^\n]*",
    re.M,
)


def find_skipped(content: str) -> list[Span]:
    """Markup and boilerplate inside ``content`` (already plain text) as sorted, merged spans."""
    spans = [(m.start(), m.end()) for pattern in _SKIP_PATTERNS for m in pattern.finditer(content)]
    spans += [(m.start(), m.end()) for m in _BOILERPLATE.finditer(content)]
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if start == end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Span(start, end) for start, end in merged]
