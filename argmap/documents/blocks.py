"""Blocks as the format readers emit them, before they are laid out into one ``Document``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.documents.model import BlockKind

_SPACES = re.compile(r"\s+")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
# A space between two CJK characters is a line wrap in the source, not a word boundary.
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")


@dataclass(slots=True)
class RawBlock:
    """A block of text as read; ``kind`` None marks an image (no text, but captions follow it).

    ``start`` is set by the plain-text reader, whose blocks stay where they are in the input.
    """

    kind: BlockKind | None
    text: str
    level: int = 0
    bold: bool = False  # the whole block is bold: in feed HTML that is how subheadings are written
    start: int | None = None
    reason: str | None = None  # boilerplate already known from the structure (a footnote, a reference)


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace to one space, and drop it between two CJK characters."""
    return _CJK_GAP.sub("", _SPACES.sub(" ", text)).strip()


def is_cjk_text(text: str) -> bool:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk * 2 >= sum(1 for ch in text if ch.isalpha())


_TERMINAL = re.compile(r"[。！!？?；;，,：:…]\s*[”’」』\"')）]*$|(?<![A-Z])\.\s*[”’\"')]*$")


def looks_like_heading(text: str) -> bool:
    """Short and without the punctuation that ends a sentence: how headings look in any format."""
    t = text.strip()
    if not t or _TERMINAL.search(t) or t[0] in "-*•·[(（":
        return False
    if is_cjk_text(t):
        return len(t) <= 30
    words = t.split()
    return len(words) <= 12 and (t[0].isupper() or t[0].isdigit())
