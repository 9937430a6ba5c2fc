"""Small character-level helpers shared by the extractors."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

_UNSAFE = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"['’]")
_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")


def alternation(words: Iterable[str]) -> str:
    """A regex body matching any of ``words`` literally, longest first (so that "chief executive officer" wins
    over "chief executive"); "" for none."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def count_cjk(text: str) -> int:
    """How many characters are CJK ideographs (the same ranges as ``is_cjk``)."""
    return len(_CJK.findall(text))


def is_latin(text: str) -> bool:
    """True when every character is an ASCII letter or digit (and there is one)."""
    return bool(text) and text.isascii() and text.isalnum()


def slug(text: str) -> str:
    """A stable key for a name the lexicon does not know, in every language: NFKC, lower-case, letters of any
    script kept (hermès, 小米), apostrophes dropped (McDonald's is mcdonalds, not mcdonald-s), other runs dashed."""
    norm = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).strip().lower())
    return _UNSAFE.sub("-", norm).strip("-_") or "x"


# the quote marks that open and close (a straight quote " does both)
OPENING_QUOTES, CLOSING_QUOTES = "“「『", "”」』"
_QUOTE_MARKS = re.compile(f'[{OPENING_QUOTES}{CLOSING_QUOTES}"]')


def in_quotation(text: str, start: int, pos: int) -> bool:
    """``pos`` lies inside a quotation opened since ``start`` (curly, corner or straight quote marks)."""
    opened = sum(text.count(q, start, pos) for q in OPENING_QUOTES)
    closed = sum(text.count(q, start, pos) for q in CLOSING_QUOTES)
    return opened > closed or text.count('"', start, pos) % 2 == 1


def quoted_share(text: str) -> float:
    """The share of ``text``'s letters that lie inside quotation marks (a quotation may run on from the clause
    before, as in ``quoted_at``)."""
    if _QUOTE_MARKS.search(text) is None:
        return 0.0  # no quote mark (most texts): nothing is quoted, as the count below finds, whatever the letters
    inside, quoted, letters, pos = quoted_at(text, 0), 0, 0, 0
    # the letters of each stretch between two quote marks counted at once (in C), not character by character
    for mark in _QUOTE_MARKS.finditer(text):
        counted = sum(map(str.isalpha, text[pos:mark.start()]))
        letters += counted
        quoted += counted if inside else 0
        ch = mark.group()
        inside = True if ch in OPENING_QUOTES else False if ch in CLOSING_QUOTES else not inside  # '"' toggles
        pos = mark.end()
    counted = sum(map(str.isalpha, text[pos:]))
    letters += counted
    quoted += counted if inside else 0
    return quoted / letters if letters else 0.0


def quoted_at(text: str, pos: int) -> bool:
    """``pos`` lies inside a quotation of ``text``: after a quote mark it opens, or before one that closes a
    quotation opened before the text starts (a quote running on from the clause before)."""
    if in_quotation(text, 0, pos):
        return True
    after = text[pos:]
    return (sum(map(after.count, CLOSING_QUOTES)) > sum(map(after.count, OPENING_QUOTES))
            or (after.count('"') % 2 == 1 and '"' not in text[:pos]))


_ASIDE_OPENERS = "(（[【"
_SENTENCE_ENDS = "。！？!?.；;:：…"


def inside_sentence(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    """``text[start:end]`` is a bracketed aside set inside a sentence of the line [line_start, line_end): the
    sentence runs on after it (一位店长对凯达周刊（ID：…）说，…; "sales (Source: …) rose"). Leaving such boilerplate
    out must not cut its sentence in two; an aside at the end of a sentence or line is cut off as before."""
    before = text[line_start:start].rstrip()
    after = text[end:line_end].lstrip()
    return (text[start:end].lstrip()[:1] in _ASIDE_OPENERS and bool(before) and bool(after)
            and before[-1] not in _SENTENCE_ENDS and (after[0].isalnum() or after[0] in OPENING_QUOTES))
