"""The typed result of extraction: plain dataclasses, no spaCy and no RDF.

``ArticleAnalysis`` is the boundary between extractors and the graph. Offsets are
Python string indices into ``ArticleAnalysis.content`` (the text as ingested), so
``content[start:end] == text`` holds for every span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from argmap.documents.model import Metadata


class EntityKind(str, Enum):
    """Entity kinds; the value is the local name of the ontology class (``am:Brand`` …)."""

    BRAND = "Brand"
    ORGANIZATION = "Organization"
    PRODUCT = "Product"
    PERSON = "Person"
    EVENT = "Event"
    STRATEGY = "Strategy"
    CONSTRAINT = "Constraint"
    MARKET = "Market"

    @property
    def path(self) -> str:
        """The IRI path segment under ``amid:`` (``brand``, ``person`` …)."""
        return self._value_.lower()  # the plain attribute: ``value`` is a slower descriptor, and refs are made often


class StatementKind(str, Enum):
    CLAIM = "Claim"
    EVIDENCE = "Evidence"


class RelationKind(str, Enum):
    SUPPORTS = "supports"
    UNDERMINES = "undermines"


class EntityRelationKind(str, Enum):
    PURSUES = "pursues"
    CONSTRAINED_BY = "constrainedBy"
    COMPETES_WITH = "competesWith"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}:{self.end}")


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """A brand, person, event … named once or more in the article.

    ``ref`` (``"brand/xiaomi"``) is the stable identity shared across articles:
    the graph mints ``amid:`` + ref.
    """

    key: str
    kind: EntityKind
    label: str
    labels: dict[str, str] = field(default_factory=dict)  # language tag -> preferred label
    aliases: tuple[str, ...] = ()
    types: tuple[str, ...] = ()  # extra ontology classes (local names), e.g. "Premiumization"
    mentions: list[Mention] = field(default_factory=list)
    brand: str | None = None  # a product's brand, as a ref ("brand/li-auto" for an L9)
    role: str | None = None  # a person's title where the text states it (创始人, chief executive)
    role_at: str | None = None  # the ref of the brand or organisation that role is at

    @property
    def ref(self) -> str:
        return f"{self.kind.path}/{self.key}"


@dataclass(slots=True)
class Figure:
    """A reported quantity: ``value`` is in base units (290亿元 -> 29000000000, CNY)."""

    id: str  # local to the article, e.g. "q3"
    text: str
    start: int
    end: int
    value: Decimal
    unit: str  # CNY, USD, percent, count, multiple, year, ...
    quantity_kind: str = "amount"  # money, percentage, multiple, count, age, price, amount
    event: str | None = None  # entity ref of the event or period it belongs to
    about: tuple[str, ...] = ()  # entity refs the figure is reported about
    period: str | None = None  # a period named in the sentence, e.g. "2022"
    upper: Decimal | None = None  # a range's upper end (400-500家: value 400, upper 500)
    sign: int = 0  # -1 for a decline (下滑14.4%, fell 5%), +1 for a rise, 0 when the figure is no change


@dataclass(slots=True)
class Statement:
    """A claim or a piece of evidence: one sentence or clause of the article."""

    id: str  # local to the article, e.g. "s7"
    kind: StatementKind
    text: str
    start: int
    end: int
    sentence: int  # index into ArticleAnalysis.sentences
    mentions: tuple[str, ...] = ()  # entity refs and figure ids
    evidence_kinds: tuple[str, ...] = ()  # ontology classes, e.g. "PromotionDependence"
    hedged: bool = False
    conditional: bool = False
    question: bool = False
    central: bool = False  # the article's main claim(s)
    argues_for: tuple[str, ...] = ()  # strategy refs the claim says succeed or hold (what articles are compared on)
    argues_against: tuple[str, ...] = ()  # strategy refs the claim says fail or are not (yet) real
    aspects: tuple[str, ...] = ()  # what of a brand's performance a claim speaks of (ontology Aspect local names)


@dataclass(slots=True)
class Relation:
    """supports / undermines between two statements, located at its discourse marker."""

    source: str
    target: str
    kind: RelationKind
    marker: str | None = None
    start: int | None = None  # offsets of the marker (or of the source statement)
    end: int | None = None


@dataclass(slots=True)
class EntityRelation:
    subject: str  # entity ref
    kind: EntityRelationKind
    object: str  # entity ref
    statement: str | None = None  # statement id where it is said


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything extracted from one article; what the graph maps to RDF."""

    key: str  # stable article key, e.g. "xiaomi-premiumization-zh"
    content: str
    lang: str
    title: str = ""
    source: str = ""
    sentences: list[Span] = field(default_factory=list)
    skipped: list[Span] = field(default_factory=list)  # markup and boilerplate kept out of extraction
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    entity_relations: list[EntityRelation] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)  # title, date, author … as the document states them
    settings: str = ""  # digest of what the extraction ran with (see ingestion.settings_digest); "" unknown

    def entity(self, ref: str) -> Entity | None:
        return next((e for e in self.entities if e.ref == ref), None)

    def statement(self, sid: str) -> Statement | None:
        return next((s for s in self.statements if s.id == sid), None)
