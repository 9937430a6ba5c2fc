"""A person's role where the text states it: 蔚来创始人李斌, Gartner analyst Tom Kale, "Carl-Peter
Forster, chief executive of GM Europe". The title comes from the language's ``person_titles``; the
organisation is the brand or organisation named right before the title, or, in a language that writes
words apart, after the title's preposition (``role_prepositions``: of, at, with)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from argmap.extractors.components.names.data import NameData
from argmap.extractors.text import alternation

_BEFORE_GAP = re.compile(r"[ \t]?$")


@dataclass(frozen=True, slots=True)
class Role:
    title: str  # as written: 创始人, chief executive
    at: str | None  # the ref of the brand or organisation, where the text names it


def roles(text: str, people: Sequence[tuple[str, int, int]], bodies: Sequence[tuple[str, int, int]],
          data: NameData) -> dict[str, Role]:
    """``person ref -> Role`` for the people whose role a mention states. ``people`` and ``bodies`` (brands
    and organisations) are ``(ref, start, end)`` mentions; the first mention that states a role wins."""
    titles = sorted(data.person_titles, key=len, reverse=True)
    ends = sorted((end, ref) for ref, _, end in bodies)
    starts = sorted((start, ref) for ref, start, _ in bodies)
    out: dict[str, Role] = {}
    for ref, start, end in sorted(people, key=lambda p: p[1]):
        if ref in out:
            continue
        role = _before(text, start, titles, ends) or (_after(text, end, titles, starts, data) if data.spaced else None)
        if role is not None:
            out[ref] = role
    return out


def _before(text: str, start: int, titles: list[str], ends: list[tuple[int, str]]) -> Role | None:
    """创始人李斌, analyst Mira Tollund; and the body named right before the title (蔚来创始人, Gartner analyst)."""
    before = text[max(0, start - 30):start]
    gap = _BEFORE_GAP.search(before)
    head = before[:gap.start()] if gap else before
    title = next((t for t in titles if head.endswith(t) and _word_edge(head, len(head) - len(t))), None)
    if title is None:
        return None
    title_start = start - (len(before) - len(head)) - len(title)
    return Role(title, _ending_at(ends, title_start))


def _after(text: str, end: int, titles: list[str], starts: list[tuple[int, str]], data: NameData) -> Role | None:
    """"Henrik Valstad, chief executive of Aston Martin", "Mira Tollund, an analyst with Orvelle Research"."""
    apposition, preposition = _apposition(data.apposition_determiners, data.role_prepositions)
    m = apposition.match(text, end)
    if m is None:
        return None
    rest = text[m.end():m.end() + 40]
    title = next((t for t in titles if rest.startswith(t) and not rest[len(t):len(t) + 1].isalpha()), None)
    if title is None:
        return None
    of = preposition.match(text, m.end() + len(title)) if preposition is not None else None
    return Role(title, _starting_at(starts, of.end()) if of else None)


@lru_cache(maxsize=4)
def _apposition(determiners: tuple[str, ...], prepositions: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """A comma, a determiner (the, its) and up to two words before the title; the preposition after it."""
    determiner = rf"(?:(?:{alternation(determiners)})\s+)?" if determiners else ""
    after = re.compile(rf",\s+{determiner}(?:[\w-]+\s+){{0,2}}?")
    return after, re.compile(rf"\s+(?:{alternation(prepositions)})\s+") if prepositions else None


def _word_edge(text: str, i: int) -> bool:
    """A Latin title must start a word (analyst, not catalyst); a Chinese one may follow anything."""
    return i == 0 or not (text[i].isascii() and text[i].isalpha() and text[i - 1].isascii() and text[i - 1].isalpha())


def _ending_at(ends: list[tuple[int, str]], at: int) -> str | None:
    i = bisect_left(ends, (at - 1, ""))
    for end, ref in ends[i:i + 3]:
        if at - 1 <= end <= at:
            return ref
    return None


def _starting_at(starts: list[tuple[int, str]], at: int) -> str | None:
    i = bisect_left(starts, (at, ""))
    return starts[i][1] if i < len(starts) and starts[i][0] == at else None
