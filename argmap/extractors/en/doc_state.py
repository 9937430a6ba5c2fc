"""What the English components leave on the spaCy ``Doc`` for the next one (``doc._.argmap_en``)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc

from argmap.extractors.model import Entity, EntityKind, EntityRelation, Figure, Relation, Span, Statement
from argmap.extractors.state import Marker

EXTENSION = "argmap_en"


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    sentence: int
    marker: Marker | None = None
    argumentative: bool = True


@dataclass(slots=True)
class EntityHit:
    """One mention of an entity: ``ref`` is ``kind/key``."""

    kind: EntityKind
    key: str
    start: int
    end: int
    label_en: str
    label_zh: str = ""
    aliases: tuple[str, ...] = ()
    owner: str = ""

    @property
    def ref(self) -> str:
        return f"{self.kind.path}/{self.key}"


@dataclass(slots=True)
class EnState:
    """Set ``hits`` through ``set_hits`` so that ``hits_in`` can bisect them."""

    text: str = ""  # the doc's text, kept once: ``doc.text`` rebuilds it from the tokens on every call
    sentences: list[Span] = field(default_factory=list)
    skipped: list[Span] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)  # title and headings: they name entities, assert nothing
    clauses: list[Clause] = field(default_factory=list)
    hits: list[EntityHit] = field(default_factory=list)
    roles: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # person ref -> (title, at ref)
    figures: list[Figure] = field(default_factory=list)
    derived: list[Entity] = field(default_factory=list)  # strategies and constraints
    derived_hits: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # ref -> cue spans
    entity_relations: list[EntityRelation] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    _hit_starts: list[int] = field(default_factory=list)

    def set_hits(self, hits: list[EntityHit]) -> None:
        self.hits = sorted(hits, key=lambda h: h.start)
        self._hit_starts = [h.start for h in self.hits]

    def hits_in(self, start: int, end: int) -> list[EntityHit]:
        """Hits inside [start, end), found by bisection: articles can be long."""
        lo = bisect_left(self._hit_starts, start)
        hi = bisect_left(self._hit_starts, end)
        return [h for h in self.hits[lo:hi] if h.end <= end]


def ensure_extension() -> None:
    """Register ``doc._.argmap_en`` once; components call it when they are created."""
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)


def state(doc: Doc) -> EnState:
    current = doc._.get(EXTENSION)
    if current is None:
        current = EnState()
        doc._.set(EXTENSION, current)
    if not current.text:
        current.text = doc.text
    return current
