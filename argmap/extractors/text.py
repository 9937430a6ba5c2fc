"""Small character-level helpers shared by the extractors."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[^\w]+")
_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def count_cjk(text: str) -> int:
    """How many characters are CJK ideographs (the same ranges as ``is_cjk``)."""
    return len(_CJK.findall(text))


def is_latin(text: str) -> bool:
    """True when every character is an ASCII letter or digit (and there is one)."""
    return bool(text) and text.isascii() and text.isalnum()


def slug(text: str) -> str:
    """A stable key for a name the lexicon does not know: NFKC, lower-case, CJK kept, dashes."""
    norm = unicodedata.normalize("NFKC", text).strip().lower()
    return _UNSAFE.sub("-", norm).strip("-_") or "x"
