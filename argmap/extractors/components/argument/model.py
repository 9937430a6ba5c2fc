"""The argument stage's view of an article: candidate units in, statements and relations out.

Each language's pipeline turns its sentences and clauses into ``ArgUnit``s (where a language needs
its own logic: clause splitting, discourse markers, evidence kinds); the components of this package
then decide, the same way for every language, which units are claims, which are evidence, which is the
thesis, and what bears on what.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from argmap.extractors.model import Relation, Statement
from argmap.extractors.state import Marker

_KEY = "argmap_argument"
TITLE_KEY = "argmap_title"  # where the pipeline leaves the document's title for the units components
REGIONS_KEY = "argmap_regions"  # … and the document's lead and conclusion (Regions)
EMPHASIS_COVER = 0.9  # share of a unit a bold run must cover for the unit to be emphasised
TABLE_COVER = 0.5  # share of a unit a table row must cover for the unit to be one of its cells


@dataclass(frozen=True, slots=True)
class Regions:
    """Where the document layer found the lead and the closing section (character spans), if it did."""

    lead: tuple[int, int] | None = None
    conclusion: tuple[int, int] | None = None
    quotes: tuple[tuple[int, int], ...] = ()  # block quotations: another party's words, set off by the writer
    emphasis: tuple[tuple[int, int], ...] = ()  # runs the writer set in bold inside running text
    tables: tuple[tuple[int, int], ...] = ()  # table rows: data laid out in cells, not sentences a writer argues with

    @staticmethod
    def inside(span: tuple[int, int] | None, start: int, end: int) -> bool:
        return span is not None and span[0] <= start and end <= span[1]

    def quoted(self, start: int, end: int) -> bool:
        return any(self.inside(span, start, end) for span in self.quotes)

    def tabled(self, start: int, end: int) -> bool:
        """[start, end) lies mostly in a table row."""
        return _covered(self.tables, start, end, TABLE_COVER)

    def emphasised(self, start: int, end: int) -> bool:
        """The writer set [start, end) in bold, all but its edges (a full stop left outside the run)."""
        return _covered(self.emphasis, start, end, EMPHASIS_COVER)


def _covered(spans: tuple[tuple[int, int], ...], start: int, end: int, share: float) -> bool:
    """One of ``spans`` covers at least ``share`` of [start, end)."""
    if not spans:
        return False  # most documents have no table (asked of every unit): no generator to start
    need = share * (end - start)
    return any(min(end, e) - max(start, s) >= need for s, e in spans)


@dataclass(slots=True)
class ArgUnit:
    """A statement candidate: a sentence or a clause, with what the language's components found in it."""

    start: int
    end: int
    text: str
    sentence: int
    paragraph: int
    section: int
    heading: bool = False
    marker: Marker | None = None
    concession: bool = False  # granted before a contrast in the same sentence (虽然A，但B: this is A)
    refs: tuple[str, ...] = ()  # entity refs mentioned (brands, products, strategies, constraints …)
    figures: tuple[str, ...] = ()  # figure ids inside the unit
    measured: bool = False  # carries a figure other than a bare date or period
    evidence_kinds: tuple[str, ...] = ()
    hedged: bool = False
    conditional: bool = False
    question: bool = False
    rhetorical: bool = False  # a question that asserts (don't we all …?)
    sources: tuple[str, ...] = ()  # refs named only in the closing attribution ("…, the Kelmar Bank said"): who speaks


@dataclass(slots=True)
class ArgumentState:
    """What the argument components share on one Doc."""

    lang: str
    units: list[ArgUnit] = field(default_factory=list)
    title: str = ""
    main_brand: str | None = None  # the brand the article is mostly about, as a ref
    owners: dict[str, str] = field(default_factory=dict)  # product ref -> its brand's ref (蔚来 ES7 -> brand/nio)
    regions: Regions = field(default_factory=Regions)
    statements: list[Statement] = field(default_factory=list)
    unit_of: dict[str, int] = field(default_factory=dict)  # statement id -> unit index
    opinion: dict[str, float] = field(default_factory=dict)  # statement id -> opinion minus report (+3 for a thesis cue)
    judging: dict[str, float] = field(default_factory=dict)  # statement id -> opinion score alone
    max_claims: int | None = None  # the most claims any article keeps (statements.StatementTyper's max_claims)
    relations: list[Relation] = field(default_factory=list)

    def unit(self, statement: Statement) -> ArgUnit:
        return self.units[self.unit_of[statement.id]]


def opens_sentence(units: list[ArgUnit], index: int) -> bool:
    """No clause of its sentence comes before unit ``index``."""
    return index == 0 or units[index - 1].sentence != units[index].sentence


def argument_state(doc: Doc) -> ArgumentState:
    found = doc.user_data.get(_KEY)
    if found is None:
        raise KeyError("no argument units on this Doc: a language's units component must run first")
    return found


def set_argument_state(doc: Doc, state: ArgumentState) -> None:
    doc.user_data[_KEY] = state


def start_argument(doc: Doc, lang: str, units: list[ArgUnit], main_brand: str | None, *,
                   owners: dict[str, str] | None = None) -> None:
    """What a language's units component hands the argument stage: its units, the brand the article is
    mostly about and each product's brand (``owners``), with the title and the regions the pipeline left on
    the Doc (``pipeline.pipeline_doc``)."""
    set_argument_state(doc, ArgumentState(lang, units, title=doc.user_data.get(TITLE_KEY, ""), main_brand=main_brand,
                                          owners=owners or {}, regions=doc.user_data.get(REGIONS_KEY, Regions())))
