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

from argmap.documents.blocks import RawBlock
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
    blocks = html_blocks(main or "", rules, fragment=True)
    meta = trafilatura.extract_metadata(html)
    found: dict[str, Any] = {"language": html_language(parse_html(html))}
    if meta is not None:
        found.update(title=meta.title or "", author=meta.author or "", date=meta.date or "",
                     publisher=meta.sitename or "", url=meta.url or "", description=meta.description or "")
    return blocks, found
