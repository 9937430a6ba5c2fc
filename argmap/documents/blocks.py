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
    bold_runs: tuple[str, ...] = ()  # the text of each bold run inside it (space-normalised), in order
    start: int | None = None
    reason: str | None = None  # boilerplate already known from the structure (a footnote, a reference)


def normalize_space(text: str) -> str:
    """Collapse runs of whitespace to one space, and drop it between two CJK characters."""
    return _CJK_GAP.sub("", _SPACES.sub(" ", text)).strip()


def is_cjk_text(text: str) -> bool:
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk * 2 >= sum(1 for ch in text if ch.isalpha())


_END_MARKS = frozenset("。！!？?；;，,：:…")
_CLOSING = "”’」』\"')）"  # what may follow end punctuation (after spaces)
_PERIOD_CLOSING = "”’\"')"  # … and a full stop


def ends_sentence(text: str) -> bool:
    """Whether a stripped ``text`` ends like a sentence: end punctuation, spaces, then closing quotes or
    brackets; or a full stop not after a capital letter (the regex
    ``[。！!？?；;，,：:…]\\s*[”’」』"')）]*$|(?<![A-Z])\\.\\s*[”’"')]*$``). Read from the end rather than
    searched: closing marks are neither spaces nor end punctuation, so stripping them, then the spaces, must
    leave the end punctuation last — and a search would try every position of the line."""
    if text.rstrip(_CLOSING).rstrip()[-1:] in _END_MARKS:
        return True
    body = text.rstrip(_PERIOD_CLOSING).rstrip()
    return body.endswith(".") and not ("A" <= body[-2:-1] <= "Z")


def looks_like_heading(text: str) -> bool:
    """Short and without the punctuation that ends a sentence: how headings look in any format."""
    t = text.strip()
    if not t or ends_sentence(t) or t[0] in "-*•·[(（":
        return False
    if is_cjk_text(t):
        return len(t) <= 30
    words = t.split()
    return len(words) <= 12 and (t[0].isupper() or t[0].isdigit())
