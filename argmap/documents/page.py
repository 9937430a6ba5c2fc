"""Whole web pages: trafilatura keeps the main content (and reads the page's metadata);
the same HTML walker as for fragments turns what it keeps into blocks.

trafilatura was chosen over jusText after ``bench/main_content.py``: on the test pages both
drop navigation and footers, but jusText also drops short body paragraphs and headings (it
judges paragraphs by length and stop-word density, and has no Chinese stop list), while
trafilatura keeps them and reads title, date, author and site name as well.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from argmap.documents.blocks import RawBlock, normalize_space
from argmap.documents.html import html_blocks, html_language, parse_html
from argmap.documents.rules import BoilerplateRules

_PAGE_MARKERS = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
_PAGE_PARTS = re.compile(r"<(?:nav|header|footer|aside)[\s>]|class=[\"'][^\"']*(?:comment|related|share|sidebar|menu)", re.I)


def is_whole_page(html: str) -> bool:
    """A page (with its navigation, footer …) rather than an article body."""
    head = html[:4096]
    return bool(_PAGE_MARKERS.search(head)) or len(_PAGE_PARTS.findall(html)) >= 2


def page_blocks(html: str, rules: BoilerplateRules) -> tuple[list[RawBlock], dict[str, Any]]:
    """The main content's blocks and the page's metadata (title, author, date, sitename, url, language)."""
    import trafilatura  # heavy: imported when a page is read, not at import time

    main = trafilatura.extract(
        html, output_format="html", include_comments=False, include_tables=True, include_images=True,
        include_formatting=True, include_links=False, favor_recall=True, deduplicate=False,
    )
    root = parse_html(html)
    chrome = _chrome_texts(root, rules)
    # trafilatura falls back to the whole body when it finds no article; what it then keeps of the
    # navigation, footer or sidebars is still not the article.
    blocks = [b for b in html_blocks(main or "", rules) if normalize_space(b.text) not in chrome]
    meta = trafilatura.extract_metadata(html)
    found: dict[str, Any] = {"language": html_language(root)}
    if meta is not None:
        found.update(title=meta.title or "", author=meta.author or "", date=meta.date or "",
                     publisher=meta.sitename or "", url=meta.url or "", description=meta.description or "")
    return blocks, found


_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})


def _chrome_texts(root: etree._Element | None, rules: BoilerplateRules) -> set[str]:
    """The texts of a page's navigation, header, footer, sidebars and hinted parts (ads, comments …)."""
    out: set[str] = set()
    if root is None:
        return out
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        names = f"{el.get('class', '')} {el.get('id', '')}"
        if tag == "header" and any(a.tag in ("article", "main") for a in el.iterancestors()):
            continue  # an article's own header holds its title and standfirst
        if tag in _CHROME_TAGS or (tag not in ("html", "body", "main", "article") and rules.hinted(names)):
            out.update(normalize_space(e.text_content()) for e in el.iter() if isinstance(e.tag, str))
    out.discard("")
    return out
