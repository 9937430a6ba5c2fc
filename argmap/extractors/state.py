"""What the spaCy components of one pipeline share while they work on a Doc, in every language.

Components read and extend one ``DocState`` kept in ``doc.user_data`` (``get_state``); the last step
turns it into the typed ``ArticleAnalysis``. The entities component records each entity with its mentions
(``entities``, from the ``EntityHit``s its language's finder reports); the sentences components split
sentences into ``units`` that carry a discourse ``Marker`` and the refs of the entities they name. Nothing
here knows about spaCy internals.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Collection, Iterable, Sequence

from spacy.tokens import Doc

from argmap.extractors.model import (
    ArticleAnalysis,
    Entity,
    EntityKind,
    EntityRelation,
    Figure,
    Relation,
    Span,
    Statement,
)

_KEY = "argmap_state"
# Where a tokenizer keeps the text it was given: ``Doc.text`` rebuilds it from every token on each call.
TEXT_KEY = "argmap_text"
_BRAND_PREFIX = f"{EntityKind.BRAND.path}/"


class MarkerRole(str, Enum):
    """What a discourse marker says about the unit it opens, in every language: the ``role`` of each
    ``discourse`` entry of a lexicon (lang/<lang>/lexicon/discourse.json, and the user's) is one of these."""

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


_LEAD_MARKS = " \t\"'“‘「『—–-"  # what may stand before a marker that opens its unit


def opens_unit(marker: Marker | None, text: str, start: int) -> bool:
    """``marker`` opens the unit whose text ``text`` begins at ``start``: only quotation marks, dashes and spaces
    come before it ("But …", '"However, …'), not other words ("Prices, however, …")."""
    return marker is not None and not text[: marker.start - start].strip(_LEAD_MARKS)


@dataclass(slots=True)
class Unit:
    """A statement candidate: a sentence, or a clause of one (lang/zh/sentences.py splits at ；or at a contrast,
    lang/en/clauses.py at markers, relative clauses and comma splices)."""

    start: int
    end: int
    sentence: int
    paragraph: int
    section: int
    marker: Marker | None = None  # discourse marker opening the unit
    concession: bool = False  # conceded: before a contrast in the same sentence, or opened by "although"
    heading: bool = False  # a title or heading: names entities, but asserts nothing
    argumentative: bool = True  # False: a headline or a fragment too short to assert; the argument stage skips it
    refs: list[str] = field(default_factory=list)  # entity refs mentioned, in order, repeats kept


@dataclass(slots=True)
class EntityHit:
    """One mention of an entity, as a language's entity finder reports it (``components/entities.py`` records
    it): ``ref`` is ``kind/key``. The first hit of an entity names it — its label, its labels by language,
    its other names, a product's brand (a ref); its later hits add mentions and other names."""

    kind: EntityKind
    key: str
    start: int
    end: int
    label: str
    labels: dict[str, str]
    aliases: tuple[str, ...] = ()
    brand: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.kind.path}/{self.key}"


@dataclass(slots=True)
class DocState:
    """The text and what the components found in it so far. Offsets index into ``content``."""

    content: str
    skipped: list[Span] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)  # the document's title and headings
    sentences: list[Span] = field(default_factory=list)
    sentence_paragraph: list[int] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    # ref -> entity: the named entities with their mentions (the entities component), then the strategies
    # and constraints
    entities: dict[str, Entity] = field(default_factory=dict)
    cue_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # strategy/constraint ref -> its cues
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    entity_relations: list[EntityRelation] = field(default_factory=list)
    main_brand: str | None = None
    _unit_starts: list[int] = field(default_factory=list)
    _heading_spans: list[tuple[int, int]] = field(default_factory=list)

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

    def in_heading(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside one of the headings (which do not nest)."""
        if len(self._heading_spans) != len(self.headings):
            self._heading_spans = sorted((h.start, h.end) for h in self.headings)
        i = bisect_right(self._heading_spans, (start, len(self.content) + 1)) - 1
        return i >= 0 and self._heading_spans[i][0] <= start and end <= self._heading_spans[i][1]

    def brand_mentions(self) -> list[tuple[int, int, str]]:
        """Every mention of a brand as (start, end, ref), in text order (``mentions``)."""
        return self.mentions({EntityKind.BRAND})

    def mentions(self, kinds: Collection[EntityKind]) -> list[tuple[int, int, str]]:
        """Every mention of an entity of ``kinds`` as (start, end, ref), in text order."""
        return sorted((m.start, m.end, ref) for ref, entity in self.entities.items() if entity.kind in kinds
                      for m in entity.mentions)

    def by_sentence(self, mentions: Iterable[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
        """The mentions (start, end, ref) that lie inside each sentence, in the order given."""
        out: list[list[tuple[int, int, str]]] = [[] for _ in self.sentences]
        starts = [s.start for s in self.sentences]
        for mention in mentions:
            i = bisect_right(starts, mention[0]) - 1
            if i >= 0 and mention[1] <= self.sentences[i].end:
                out[i].append(mention)
        return out

    def entity_labels(self, ref: str) -> dict[str, str]:
        """The labels of an entity by language ({} for none recorded)."""
        entity = self.entities.get(ref)
        return dict(entity.labels) if entity is not None else {}

    def to_analysis(self, *, key: str, lang: str, title: str, source: str) -> ArticleAnalysis:
        return ArticleAnalysis(
            key=key, content=self.content, lang=lang, title=title, source=source,
            sentences=list(self.sentences), skipped=list(self.skipped),
            entities=list(self.entities.values()), figures=list(self.figures),
            statements=list(self.statements), relations=list(self.relations),
            entity_relations=list(self.entity_relations),
        )


def most_named_brand(refs: Iterable[str]) -> str | None:
    """The brand ref among ``refs`` (in text order) named most often; on a tie, the one named first."""
    counts = Counter(ref for ref in refs if ref.startswith(_BRAND_PREFIX))
    # Counter keeps first-seen order, and max() keeps the first of equals: the earliest named wins a tie
    return max(counts, key=counts.__getitem__) if counts else None


def get_state(doc: Doc) -> DocState:
    """The state on ``doc``; a Doc no one started one on (a pipeline called on text directly) gets its own."""
    state = doc.user_data.get(_KEY)
    if state is None:
        # Tokenizers that keep the text spare us ``doc.text``, which joins every token anew.
        state = DocState(doc.user_data.get(TEXT_KEY) or doc.text)
        doc.user_data[_KEY] = state
    return state


def start_state(doc: Doc, content: str, skipped: Sequence[Span] = (), headings: Sequence[Span] = ()) -> DocState:
    """A fresh state on ``doc`` with what the document layer found: the boilerplate to leave out, and the
    headings, which name entities but assert nothing."""
    state = DocState(content, skipped=list(skipped), headings=list(headings))
    doc.user_data[_KEY] = state
    return state
