"""Markdown to blocks: markdown-it-py renders CommonMark (tables, footnotes, inline and block
HTML kept as HTML) and the HTML walker reads the result, so HTML inside Markdown is parsed, not stripped."""

from __future__ import annotations

import re
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
    return html_blocks(_parser().render(strong_beside_cjk(inline_data_uris(nested_openers(text)))), rules)


_DATA_TARGET = "](data:"
# "![img](![img](https://….jpg)": an image or link whose target opens another one — a scraper wrote the opener
# twice; the outer one never closes, and its "[img](" reached the statements
_NESTED_OPENER = re.compile(r"!?\[[^\]\n]{0,100}\]\((?=!?\[[^\]\n]{0,100}\]\()")


def nested_openers(text: str) -> str:
    """Drop a link or image opener whose target is another link or image: only the inner one is written whole."""
    return _NESTED_OPENER.sub("", text) if "](" in text else text

# "**第一是渠道下沉。**这家品牌的门店…": CommonMark does not close emphasis after punctuation when a letter follows
# (its flanking rules were made for spaced scripts), so the asterisks stayed in the text
_STRONG = re.compile(r"\*\*(?=[^\s*])([^*\n]{1,400}?[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff])\*\*(?=[\u4e00-\u9fff])")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def strong_beside_cjk(text: str) -> str:
    """Write the bold runs CommonMark cannot close beside Chinese text as <strong> (raw HTML, which the parser
    keeps), outside fenced code."""
    if "**" not in text:
        return text
    out, fenced = [], False
    for line in text.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
        out.append(line if fenced or "**" not in line else _STRONG.sub(r"<strong>\1</strong>", line))
    return "".join(out)


def inline_data_uris(text: str) -> str:
    """Empty the ``data:`` targets of links and images. WeChat exports write inline SVG placeholders as
    ``![Image](data:image/svg+xml,<svg … transform='translate(-1, -1)'…>)``: the spaces make CommonMark read
    the whole target as text, which then reached the statements. The target runs to the parenthesis that
    balances the opening one."""
    out: list[str] = []
    pos = 0
    while (found := text.find(_DATA_TARGET, pos)) >= 0:
        start = found + 2  # the first character of the target
        end = _closing_paren(text, start)
        out.append(text[pos:start])
        if end is None:  # not a target after all: keep it as written
            pos = start
            continue
        out.append("data:,")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _closing_paren(text: str, start: int) -> int | None:
    """The index of the ``)`` that closes the target opened just before ``start`` (nested pairs count),
    or None when the line ends first: then it is no link target and stays as written."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "\n":
            return None
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
    return None
