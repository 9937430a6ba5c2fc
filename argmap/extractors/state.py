"""What the spaCy components of one pipeline share while they work on a Doc.

Components read and extend one ``DocState`` kept in ``doc.user_data``; the last step
turns it into the typed ``ArticleAnalysis``. Nothing here knows about spaCy internals.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum

from spacy.tokens import Doc

from argmap.extractors.model import (
    ArticleAnalysis,
    Entity,
    EntityRelation,
    Figure,
    Relation,
    Span,
    Statement,
)

_KEY = "argmap_state"


class MarkerRole(str, Enum):
    """What a discourse marker says about the unit it opens, in every language. A language whose data
    names these functions otherwise maps its names to these (``marker_roles`` in lang/<lang>/argument.json)."""

    SUPPORT = "support"  # because, 因为: a reason for a neighbouring claim
    CONCLUSION = "conclusion"  # therefore, 因此: follows from what came before
    ATTACK = "attack"  # however, but, 但, 然而: turns against what came before (not an attack by itself)
    CONCESSION = "concession"  # although, 虽然: grants a point the writer then answers
    COUNTER = "counter"  # answers a concession
    EXAMPLE = "example"  # for example, 例如
    ADDITION = "addition"  # moreover, 此外
    CONTINUATION = "continuation"  # and: same role as the clause before


@dataclass(frozen=True, slots=True)
class Marker:
    """A discourse marker found in the text: its words, its role and where it stands."""

    text: str
    role: MarkerRole
    start: int
    end: int


@dataclass(slots=True)
class Unit:
    """A statement candidate: a sentence, or a clause of one (split at ；or at a contrast)."""

    start: int
    end: int
    sentence: int
    paragraph: int
    section: int
    marker: Marker | None = None  # discourse marker opening the unit
    concession: bool = False  # a clause conceded before a contrast in the same sentence
    heading: bool = False  # a title or heading: names entities, but asserts nothing
    refs: list[str] = field(default_factory=list)  # entity refs mentioned, in order, repeats kept


@dataclass(slots=True)
class DocState:
    content: str
    skipped: list[Span] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)  # the document's title and headings
    sentences: list[Span] = field(default_factory=list)
    sentence_paragraph: list[int] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    unit_of_statement: dict[str, int] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    entity_relations: list[EntityRelation] = field(default_factory=list)
    main_brand: str | None = None
    _unit_starts: list[int] = field(default_factory=list)

    def unit_at(self, offset: int) -> int | None:
        """Index of the unit containing ``offset``, if any."""
        if len(self._unit_starts) != len(self.units):
            self._unit_starts = [u.start for u in self.units]
        i = bisect_right(self._unit_starts, offset) - 1
        if i >= 0 and self.units[i].start <= offset < self.units[i].end:
            return i
        return None

    def unit_matches(self, pattern: re.Pattern[str] | None) -> dict[int, list[re.Match[str]]]:
        """Matches of ``pattern`` over the whole text, grouped by the unit that holds each of them
        entirely (one pass over the text is much cheaper than one search per unit)."""
        out: dict[int, list[re.Match[str]]] = {}
        if pattern is None:
            return out
        for m in pattern.finditer(self.content):
            u = self.unit_at(m.start())
            if u is not None and m.end() <= self.units[u].end:
                out.setdefault(u, []).append(m)
        return out

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.content[s.start:s.end]

    def to_analysis(self, *, key: str, lang: str, title: str, source: str) -> ArticleAnalysis:
        return ArticleAnalysis(
            key=key, content=self.content, lang=lang, title=title, source=source,
            sentences=list(self.sentences), skipped=list(self.skipped),
            entities=list(self.entities.values()), figures=list(self.figures),
            statements=list(self.statements), relations=list(self.relations),
            entity_relations=list(self.entity_relations),
        )


# Where a tokenizer keeps the text it was given: ``Doc.text`` rebuilds it from every token on each call.
TEXT_KEY = "argmap_text"


def get_state(doc: Doc) -> DocState:
    state = doc.user_data.get(_KEY)
    if state is None:
        # Tokenizers that keep the text spare us ``doc.text``, which joins every token anew.
        state = DocState(doc.user_data.get(TEXT_KEY) or doc.text)
        doc.user_data[_KEY] = state
    return state


def set_skipped(doc: Doc, skipped: list[Span], headings: list[Span] = ()) -> None:
    """What the document layer found: boilerplate to leave out, headings that assert nothing."""
    state = get_state(doc)
    state.skipped = list(skipped)
    state.headings = list(headings)
