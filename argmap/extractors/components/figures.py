"""``argmap_figures_v2``: the figures an article reports, in every language: money, percentages, multiples,
prices, counts, measurements, ages and periods, normalised to base units, with their context.

Reading a number is the one thing a language does its own way (Chinese numerals and 万/亿, 个百分点, 9块9;
"$2.5 billion", "1.2bn euros", "35-year-old"): a small reader per language, ``lang/<reader>/numbers.py``,
named by the pipeline config (``reader``), finds the numbers of a stretch of text and reads their value,
unit and kind (``Reading``). Everything else is done here, once, for every language:
- which stretches are read (``scope``): the units of the language's sentences component, headings left
  out (a heading's number is restated in the text that follows), or whole sentences;
- where two readings overlap, the one read first wins; figures come in text order, ids ``q1``, ``q2`` …;
- a range (400-500家) is two figures, the lower one carrying the upper end;
- the context of each figure: which way a change goes (``change_sign``: the language's decline and rise
  words in ``lang/<lang>/figures.json``), whom it is about (``figure_about``), the event and the period its
  sentence names (the lexicon's ``period`` patterns).
"""

from __future__ import annotations

import importlib
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Protocol, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from argmap.errors import LexiconError
from argmap.extractors.lexicon import Lexicon, cue_pattern, lexicon_for
from argmap.extractors.model import EntityKind, Figure
from argmap.extractors.state import DocState, get_state
from argmap.extractors.text import alternation

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"
CHANGE_KINDS = frozenset({"percentage", "money", "count", "multiple"})  # the kinds whose figure may be a change
SCOPES = ("units", "sentences")
EVENT_REACHES = ("sentence", "paragraph")


@dataclass(frozen=True)
class FigureCues:
    decline: re.Pattern[str] | None
    rise: re.Pattern[str] | None
    window: int
    clause_breaks: str
    count_nouns: tuple[str, ...]
    level: re.Pattern[str] | None  # "fell to 3%", 降至3%: the number is the new level, not the change


@lru_cache(maxsize=4)
def figure_cues(lang: str, whole_words: bool) -> FigureCues:
    """The figure context words of ``lang`` (``lang/<lang>/figures.json``); ``whole_words``: a cue is found as
    a whole word (English), else as a run of characters anywhere (Chinese)."""
    data = json.loads((LANG_DIR / lang / "figures.json").read_text(encoding="utf-8"))
    return FigureCues(_alternation(data["decline"], whole_words), _alternation(data["rise"], whole_words),
                      int(data["cue_window"]), str(data["clause_breaks"]),
                      tuple(sorted(data.get("count_nouns", []), key=len, reverse=True)),
                      _alternation(data.get("level_markers", []), whole_words))


def _alternation(words: Sequence[str], bounded: bool) -> re.Pattern[str] | None:
    if not words:
        return None
    body = alternation(words)
    return re.compile(rf"\b(?:{body})\b" if bounded else f"(?:{body})", re.I)


# --- what a language's reader gives ----------------------------------------------------------------------

@dataclass(slots=True)  # not frozen: a frozen dataclass is several times slower to make, and there are many
class Reading:
    """A number read from the text: where it stands, its value in the base unit, its unit and kind."""

    start: int
    end: int
    value: Decimal
    unit: str
    kind: str
    upper: Decimal | None = None  # a range's upper end, in the same base unit
    split: tuple[int, int] | None = None  # a range read as two figures: where the lower ends, the upper starts


class DocumentReader(Protocol):
    def read(self, start: int, end: int, sentence: int) -> list[Reading]:
        """The numbers of ``content[start:end]`` (inside sentence ``sentence``), the preferred reading of a
        stretch first where readings overlap."""


class NumberReader(Protocol):
    def open(self, state: DocState) -> DocumentReader:
        """A reading of one document: what the reader remembers from number to number stays in it."""


# The readers by the name a pipeline config gives them; imported when a pipeline is built.
READERS = {"zh": "argmap.extractors.lang.zh.numbers", "en": "argmap.extractors.lang.en.numbers"}


def number_reader(name: str, lexicon: Lexicon, cues: FigureCues) -> NumberReader:
    module = READERS.get(name)
    if module is None:
        raise LexiconError(f"figures reader {name!r} in the pipeline config is none of {', '.join(READERS)}")
    return importlib.import_module(module).Reader(lexicon, cues)


# --- the component ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FigureSettings:
    """How a language's figures are read and placed, from its pipeline config (``make_figures``). Where the two
    languages' components did not agree these keep each one's way, so that merging them changed no output."""

    scope: str = "units"  # "units": each unit, headings left out; "sentences": each sentence whole
    about: frozenset[EntityKind] = frozenset({EntityKind.BRAND, EntityKind.PRODUCT, EntityKind.MARKET})
    about_topic: bool = False  # a figure whose sentence names none of ``about`` is about the brand named before
    # "sentence": the event its sentence names; "paragraph": else the one the sentence before names, else the
    # one the same figure was first reported for, and never for a span of time
    event_reach: str = "paragraph"


Stretch = tuple[int, int, int]  # what is read at once, a unit or a sentence: start, end, sentence index


class Figures:
    def __init__(self, reader: NumberReader, cues: FigureCues, lexicon: Lexicon, settings: FigureSettings) -> None:
        self.reader = reader
        self.cues = cues
        self.periods = [cue_pattern(p, re.I) for p in lexicon.pattern_list("period")]
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        reading = self.reader.open(state)
        context = _Context(state, self)
        for start, end, sentence in self._stretches(state):
            for found in first_of_overlaps(reading.read(start, end, sentence)):
                context.add(found, start, end, sentence)
        return doc

    def _stretches(self, state: DocState) -> Iterator[Stretch]:
        if self.settings.scope == "sentences":
            yield from ((s.start, s.end, i) for i, s in enumerate(state.sentences))
            return
        for unit in state.units:
            if not unit.heading:  # a heading's number is restated in the text that follows
                yield unit.start, unit.end, unit.sentence


class _Context:
    """What one document tells about its figures: the entities and events named and where, the periods."""

    def __init__(self, state: DocState, figures: Figures) -> None:
        self.state = state
        self.cues = figures.cues
        self.periods = figures.periods
        self.settings = figures.settings
        self.mentions = _about_mentions(state, self.settings.about)
        self.offsets = [start for start, _ in self.mentions]  # for figure_about's bisection, made once per text
        self.topics = _topics(state) if self.settings.about_topic else None
        self.events = _events(state)
        self.periods_of: dict[int, list[tuple[int, int, str]]] = {}
        self.products = sorted((start, end) for start, end, _ in state.mentions({EntityKind.PRODUCT}))

    def add(self, found: Reading, lo: int, hi: int, sentence: int) -> None:
        """The figure (a range: the two figures) of a reading in ``content[lo:hi]``, with its context; none
        where the number is part of a product's name (Kelmar's 450 sports cars)."""
        if self._in_product(found.start):
            return
        state = self.state
        content = state.content
        clause = clause_of(content, found.start, found.end, lo, hi, self.cues.clause_breaks)
        about = self._about(found, clause, sentence)
        sign = change_sign(content, found.start, found.end, clause, self.cues) if found.kind in CHANGE_KINDS else 0
        event = self._event(found, sentence)
        period = self._period(found, sentence)
        for start, end, value, upper in _ends(found):
            state.figures.append(Figure(
                id=f"q{len(state.figures) + 1}", text=content[start:end], start=start, end=end, value=value,
                unit=found.unit, quantity_kind=found.kind, event=event, about=about, period=period, upper=upper,
                sign=sign,
            ))

    def _in_product(self, offset: int) -> bool:
        i = bisect_right(self.products, (offset, float("inf"))) - 1
        return i >= 0 and self.products[i][0] <= offset < self.products[i][1]

    def _about(self, found: Reading, clause: tuple[int, int], sentence: int) -> tuple[str, ...]:
        span = self.state.sentences[sentence]
        about = figure_about(self.mentions, found.start, clause, (span.start, span.end), self.offsets)
        if not about and self.topics is not None and self.topics[sentence]:
            return (self.topics[sentence],)  # "its sneakers": the brand the sentences before were about
        return about

    def _event(self, found: Reading, sentence: int) -> str | None:
        """The event its sentence names nearest the figure; with the reach of a paragraph, else the first one
        the paragraph's sentence before names, else the one the same figure was first reported for."""
        named = self.events[sentence]
        nearest = min(named, key=lambda e: abs(e[0] - found.start))[1] if named else None
        if self.settings.event_reach == "sentence":
            return nearest
        if found.kind == "period":
            return None  # a span of time (三到五年) is no result of an event
        if nearest:
            return nearest
        paragraph = self.state.sentence_paragraph
        if sentence > 0 and paragraph[sentence - 1] == paragraph[sentence] and self.events[sentence - 1]:
            return self.events[sentence - 1][0][1]
        return _restated_event(self.state.figures, found)

    def _period(self, found: Reading, sentence: int) -> str | None:
        """The first period the sentence names that is not the figure's own number ("2019 stores"); one that
        only touches it counts (今年过五十: the age 年过五十 is read from 今年's 年)."""
        periods = self.periods_of.get(sentence)
        if periods is None:  # searched once per sentence, not once per figure
            periods = self.periods_of[sentence] = self._periods_in(sentence)
        return next((p for start, end, p in periods if not (found.start <= start and end <= found.end)), None)

    def _periods_in(self, sentence: int) -> list[tuple[int, int, str]]:
        """The first match of each period pattern in a sentence: its first group that matched, else all of it."""
        span = self.state.sentences[sentence]
        text = self.state.content[span.start:span.end]
        out = []
        for m in (p.search(text) for p in self.periods):
            if m:
                value = next((g for g in m.groups() if g), None) or m.group()
                out.append((span.start + m.start(), span.start + m.end(), value))
        return out


def _ends(found: Reading) -> list[tuple[int, int, Decimal, Decimal | None]]:
    """One figure, or for a range (400-500家) its lower end, carrying the upper, and its upper end."""
    if found.split is None or found.upper is None:
        return [(found.start, found.end, found.value, found.upper)]
    return [(found.start, found.split[0], found.value, found.upper), (found.split[1], found.end, found.upper, None)]


def first_of_overlaps(readings: list[Reading]) -> list[Reading]:
    """Where two readings overlap, the one read first (money before counts) wins; the rest in text order."""
    if len(readings) < 2:
        return readings  # most stretches: nothing to compare
    kept: list[Reading] = []
    covered: set[int] = set()  # offsets taken by the readings kept (figures are short: the cost stays linear)
    for found in readings:
        if not any(i in covered for i in range(found.start, found.end)):
            kept.append(found)
            covered.update(range(found.start, found.end))
    return sorted(kept, key=lambda f: f.start)


def _about_mentions(state: DocState, kinds: frozenset[EntityKind]) -> list[tuple[int, str]]:
    """Where what a figure can be about is named, as (offset, ref), in text order."""
    return sorted((start, ref) for start, _, ref in state.mentions(kinds))


def _topics(state: DocState) -> list[str | None]:
    """For each sentence, the brand named first in the last sentence before it that names one."""
    out: list[str | None] = []
    topic = None
    for named in state.by_sentence(state.brand_mentions()):
        out.append(topic)
        topic = named[0][2] if named else topic
    return out


def _events(state: DocState) -> list[list[tuple[int, str]]]:
    """Where each sentence names an event, as (offset, ref), in text order."""
    named = state.by_sentence(state.mentions({EntityKind.EVENT}))
    return [[(start, ref) for start, _, ref in in_sentence] for in_sentence in named]


def _restated_event(figures: list[Figure], found: Reading) -> str | None:
    """A figure repeated later (290亿 again) still belongs to the event it was first reported for."""
    return next((f.event for f in figures if f.event and f.value == found.value and f.unit == found.unit), None)


# --- the context of a figure, in every language --------------------------------------------------------

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
                 sentence: tuple[int, int], offsets: Sequence[int] | None = None) -> tuple[str, ...]:
    """The entity a figure is reported about: the nearest one named before it in its clause, else
    before it in its sentence, else the first one after it in its clause. ``mentions`` are
    ``(offset, ref)`` pairs sorted by offset (brands, products, markets); ``offsets``, their offsets, when the
    caller has them (a text's figures all ask about the same mentions)."""
    offsets = [m[0] for m in mentions] if offsets is None else offsets
    i = bisect_left(offsets, start)
    for lo in (clause[0], sentence[0]):
        if i > 0 and mentions[i - 1][0] >= lo:
            return (mentions[i - 1][1],)
    if i < len(mentions) and mentions[i][0] < clause[1]:
        return (mentions[i][1],)
    return ()


@Language.factory("argmap_figures_v2", default_config={
    "reader": "", "scope": "units", "cue_matching": "substring", "about": ["brand", "product", "market"],
    "about_topic": False, "event_reach": "paragraph", "data_dir": "", "lexicons": []})
def make_figures(nlp: Language, name: str, reader: str, scope: str, cue_matching: str, about: list[str],
                 about_topic: bool, event_reach: str, data_dir: str, lexicons: list[str]) -> Figures:
    """The language's settings, from its pipeline config: ``reader`` names its number reader (``READERS``; the
    pipeline's language if empty), ``cue_matching`` how the context words are found ("words": whole words);
    the rest are ``FigureSettings``."""
    settings = figure_settings(scope, about, about_topic, event_reach)
    lexicon = lexicon_for(nlp.lang, lexicons, data_dir or None)
    cues = figure_cues(nlp.lang, cue_matching == "words")
    return Figures(number_reader(reader or nlp.lang, lexicon, cues), cues, lexicon, settings)


def figure_settings(scope: str, about: Sequence[str], about_topic: bool, event_reach: str) -> FigureSettings:
    """The settings a pipeline config names, checked: a wrong one is a ``LexiconError`` that names the choices."""
    if scope not in SCOPES:
        raise LexiconError(f"figures scope {scope!r} in the pipeline config is none of {', '.join(SCOPES)}")
    if event_reach not in EVENT_REACHES:
        raise LexiconError(f"figures event_reach {event_reach!r} in the pipeline config is none of "
                           f"{', '.join(EVENT_REACHES)}")
    kinds = {k.path: k for k in EntityKind}
    unknown = [k for k in about if k not in kinds]
    if unknown:
        raise LexiconError(f"figures about {', '.join(unknown)} in the pipeline config: use {', '.join(kinds)}")
    return FigureSettings(scope, frozenset(kinds[k] for k in about), about_topic, event_reach)
