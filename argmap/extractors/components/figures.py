"""Figure context for both languages: whose figure it is, and which way a change goes.

Language data (``lang/<lang>/figures.json``): the words that mark a decline or a rise, how far before
(and, for "a 5% fall", after) a number they may stand, and the punctuation that ends a clause. The
figure extractors of each language find and parse the numbers; this module reads their context.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"


@dataclass(frozen=True)
class FigureCues:
    decline: re.Pattern[str] | None
    rise: re.Pattern[str] | None
    window: int
    clause_breaks: str
    count_nouns: tuple[str, ...]
    level: re.Pattern[str] | None  # "fell to 3%", 降至3%: the number is the new level, not the change


@lru_cache(maxsize=4)
def figure_cues(lang: str) -> FigureCues:
    data = json.loads((LANG_DIR / lang / "figures.json").read_text(encoding="utf-8"))
    bounded = lang == "en"  # English cues are whole words; Chinese ones are runs of characters
    return FigureCues(_alternation(data["decline"], bounded), _alternation(data["rise"], bounded),
                      int(data["cue_window"]), str(data["clause_breaks"]),
                      tuple(sorted(data.get("count_nouns", []), key=len, reverse=True)),
                      _alternation(data.get("level_markers", []), bounded))


def _alternation(words: Sequence[str], bounded: bool) -> re.Pattern[str] | None:
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\b" if bounded else f"(?:{body})", re.I)


CLAUSE_REACH = 300  # characters looked at on each side: a longer "clause" is no clause, and cost stays linear


def clause_of(text: str, start: int, end: int, lo: int, hi: int, breaks: str) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` around ``[start, end)``, cut at the language's clause punctuation, and at
    most ``CLAUSE_REACH`` characters either side (a sentence of thousands of numbers has no clause to speak of)."""
    lo, hi = max(lo, start - CLAUSE_REACH), min(hi, end + CLAUSE_REACH)
    a = start
    while a > lo and text[a - 1] not in breaks:
        a -= 1
    b = end
    while b < hi and text[b] not in breaks:
        b += 1
    return a, b


def change_sign(text: str, start: int, end: int, clause: tuple[int, int], cues: FigureCues) -> int:
    """-1 when the clause says the number is a decline (下滑14.4%, fell 38%, a 5% fall), +1 for a rise."""
    before = text[max(clause[0], start - cues.window):start]
    after = text[end:min(clause[1], end + 12)]
    if cues.level is not None and _ends_with(before.rstrip(), cues.level):
        return 0  # "fell 38% to 2.4bn euros": 2.4bn is where it fell to
    best, sign = -1, 0
    for pattern, value in ((cues.decline, -1), (cues.rise, 1)):
        if pattern is None:
            continue
        for m in pattern.finditer(before):
            if cues.level is not None and cues.level.match(before[m.end():].lstrip()):
                continue
            if m.end() > best:  # the cue nearest the number wins
                best, sign = m.end(), value
    if sign:
        return sign
    for pattern, value in ((cues.decline, -1), (cues.rise, 1)):
        m = pattern.match(after.lstrip(" -")) if pattern is not None else None
        if m:
            return value
    return 0


def _ends_with(text: str, pattern: re.Pattern[str]) -> bool:
    tail = text[-4:]
    return any(m.end() == len(tail) for m in pattern.finditer(tail))


def figure_about(mentions: Sequence[tuple[int, str]], start: int, clause: tuple[int, int],
                 sentence: tuple[int, int]) -> tuple[str, ...]:
    """The entity a figure is reported about: the nearest one named before it in its clause, else
    before it in its sentence, else the first one after it in its clause. ``mentions`` are
    ``(offset, ref)`` pairs sorted by offset (brands, products, markets)."""
    offsets = [m[0] for m in mentions]
    i = bisect_left(offsets, start)
    for lo in (clause[0], sentence[0]):
        if i > 0 and mentions[i - 1][0] >= lo:
            return (mentions[i - 1][1],)
    if i < len(mentions) and mentions[i][0] < clause[1]:
        return (mentions[i][1],)
    return ()


def followed_by_count_noun(text: str, end: int, cues: FigureCues) -> bool:
    """8000万用户: a number followed by a thing that is counted is a count, whatever else the sentence says."""
    rest = text[end:end + 6].lstrip()
    return any(rest.startswith(noun) for noun in cues.count_nouns)
