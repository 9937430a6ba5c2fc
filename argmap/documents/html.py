"""HTML to blocks: one walker for HTML fragments (feed bodies, Markdown's inline HTML, the
main content trafilatura keeps of a whole page). lxml parses; nothing here is a regex over markup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

import lxml.html
from lxml import etree

from argmap.documents.blocks import RawBlock, normalize_space
from argmap.documents.model import BlockKind
from argmap.documents.rules import BoilerplateRules

# Elements that never hold article text; their whole subtree goes.
_DROP = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "nav", "iframe", "svg", "math",
    "form", "button", "input", "select", "textarea", "video", "audio", "canvas", "object", "embed", "map", "dialog",
})
_ASIDES = frozenset({"footer", "aside"})  # gone with their content, unless they hold the footnotes
_IMAGES = frozenset({"img", "picture"})
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "header", "body", "html", "ul", "ol", "dl", "dt", "dd", "li",
    "blockquote", "figure", "figcaption", "pre", "table", "thead", "tbody", "tfoot", "tr", "hr", "center",
    "address", "details", "summary", "caption", "footer", "aside", *_HEADINGS,
})
_OWN_KIND = {"li": BlockKind.LIST_ITEM, "dt": BlockKind.LIST_ITEM, "dd": BlockKind.LIST_ITEM,
             "blockquote": BlockKind.QUOTE, "figcaption": BlockKind.CAPTION, "caption": BlockKind.CAPTION,
             "tr": BlockKind.TABLE_ROW}
_CELLS = frozenset({"td", "th"})
CELL_BORDER = " | "  # between the cells of a table row in the document's text
_FOOTNOTE_MARK = re.compile(r"^\s*[\[(]?\d{1,3}[\])]?\s*$")
_BACKREF_TEXT = frozenset({"↩", "↩︎", "↑", "^"})


@dataclass(slots=True)
class _Context:
    kind: BlockKind
    level: int = 0
    footnotes: bool = False


class _Walker:
    def __init__(self, rules: BoilerplateRules) -> None:
        self.rules = rules
        self.blocks: list[RawBlock] = []
        self.parts: list[str] = []
        self.bold_parts: list[bool] = []
        self.bold = 0

    def walk(self, el: etree._Element, ctx: _Context) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag and not self._dropped(el, tag):
            self._element(el, tag, ctx)
        if el.tail:
            self._text(el.tail)

    def _dropped(self, el: etree._Element, tag: str) -> bool:
        if tag in _DROP or (tag in _ASIDES and not _is_footnotes(el)):
            return True
        if tag in _IMAGES:
            self._flush(None)
            self.blocks.append(RawBlock(None, ""))
            return True
        if tag == "br":
            self._flush(None)
            return True
        if tag == "sup" and (_FOOTNOTE_MARK.match(el.text_content()) or el.find(".//a[@href]") is not None):
            return True  # a footnote marker: [1], ¹ and the like
        if tag == "a" and _is_backref(el):
            return True
        attrs = f"{el.get('class', '')} {el.get('id', '')}"
        return not _is_footnotes(el) and self.rules.hinted(attrs) and tag not in ("html", "body", "article", "main")

    def _element(self, el: etree._Element, tag: str, ctx: _Context) -> None:
        block = tag in _BLOCKS
        if block:
            self._flush(ctx)
            ctx = self._child_context(el, tag, ctx)
        bold = tag in ("b", "strong") or "bold" in el.get("style", "").replace(" ", "")
        if tag in _CELLS and "".join(self.parts).strip():
            self._cell_border()
        self.bold += bold
        if el.text:
            self._text(el.text)
        for child in el:
            self.walk(child, ctx)
        self.bold -= bold
        if block:
            self._flush(ctx)

    def _child_context(self, el: etree._Element, tag: str, ctx: _Context) -> _Context:
        if _is_footnotes(el) or ctx.footnotes:
            return _Context(BlockKind.FOOTNOTE, 0, True)
        if tag in _HEADINGS:
            return _Context(BlockKind.HEADING, _HEADINGS[tag])
        if tag in _OWN_KIND and not (ctx.kind is BlockKind.QUOTE and tag != "blockquote"):
            return _Context(_OWN_KIND[tag])
        return ctx

    def _cell_border(self) -> None:
        """Cells of one row are one block; the border keeps their words apart ("营收 | 100亿", not "营收100亿")
        and counts as bold when the cell before it was, so a bold row stays a bold row."""
        self.parts.append(CELL_BORDER)
        self.bold_parts.append(self.bold_parts[-1] if self.bold_parts else False)

    def _text(self, text: str) -> None:
        self.parts.append(text)
        self.bold_parts.append(self.bold > 0)

    def _flush(self, ctx: _Context | None) -> None:
        if not self.parts:
            return
        text = normalize_space("".join(self.parts))
        if text:
            visible = [(p, b) for p, b in zip(self.parts, self.bold_parts) if p.strip()]
            bold = bool(visible) and all(b for _, b in visible)
            kind = ctx.kind if ctx else BlockKind.PARAGRAPH  # a <br> inside running text
            level = ctx.level if ctx else 0
            reason = "footnote" if (ctx and ctx.footnotes) else None
            self.blocks.append(RawBlock(kind, text, level, bold, bold_runs=_bold_runs(self.parts, self.bold_parts),
                                        reason=reason))
        self.parts, self.bold_parts = [], []


def _bold_runs(parts: list[str], bold: list[bool]) -> tuple[str, ...]:
    """The text of each run of consecutive bold parts, space-normalised as the block's text is."""
    runs = [normalize_space("".join(part for part, _ in group))
            for is_bold, group in groupby(zip(parts, bold), key=lambda pair: pair[1]) if is_bold]
    return tuple(r for r in runs if r)


def _is_footnotes(el: etree._Element) -> bool:
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return "footnotes" in names or names.strip() in ("footnote", "fn") or el.get("role") == "doc-endnotes"


def _is_backref(el: etree._Element) -> bool:
    names = f"{el.get('class', '')} {el.get('role', '')}".lower()
    href = el.get("href", "")
    return "backref" in names or href.startswith("#fnref") or el.text_content().strip() in _BACKREF_TEXT


def html_blocks(html: str, rules: BoilerplateRules) -> list[RawBlock]:
    """The blocks of an HTML document or fragment, in reading order."""
    root = parse_html(html)
    if root is None:
        return []
    walker = _Walker(rules)
    walker.walk(root, _Context(BlockKind.PARAGRAPH))
    walker._flush(_Context(BlockKind.PARAGRAPH))
    return walker.blocks


def parse_html(html: str) -> etree._Element | None:
    if not html.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, encoding=None)
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None


def html_language(root: etree._Element | None) -> str:
    """The page's own language tag (``zh-CN`` → ``zh``), if it states one."""
    if root is None:
        return ""
    tag = (root.get("lang") or root.get("xml:lang") or "").strip().lower()
    return tag.split("-")[0] if tag[:2] in ("zh", "en") else ""
