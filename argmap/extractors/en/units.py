"""``argmap_en_units_v1``: the English argumentative clauses as argument units, with what the English
components found in them — entities, strategy and constraint cues, figures, evidence kinds
(the lexicon's ``evidence_kinds``), hedges (its ``hedge`` cues), conditionals, questions (rhetorical ones
by its ``rhetorical`` cues) and discourse markers. The language-neutral argument components
(``components/argument``) decide what they are and how they relate."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.components.argument.model import (
    REGIONS_KEY,
    TITLE_KEY,
    ArgUnit,
    ArgumentState,
    Regions,
    MarkerRole,
    UnitMarker,
    set_argument_state,
)
from argmap.extractors.en.doc_state import Clause, EnState, EntityHit, ensure_extension, state
from argmap.extractors.en.lexicon import phrase_regex
from argmap.extractors.lexicon import Lexicon, lexicon_for
from argmap.extractors.model import EntityKind

_CONDITIONAL = re.compile(r"^[\s\"'“‘]*(?:if|unless|provided that|as long as|only if)\b|\bif\b.+\bthen\b", re.I)
VALUE_DRIVEN = {"BrandIdentification", "EcosystemLockIn", "RivalSwitching", "OwnTechnology", "FullPricePurchase"}
RIVAL_SUCCESS = "CompetitivePressure"  # a rival's value-driven success is pressure on the article's main brand


@dataclass(frozen=True, slots=True)
class _Cues:
    hedges: re.Pattern[str] | None
    rhetorical: re.Pattern[str] | None
    kinds: list[tuple[str, re.Pattern[str]]]


def _cues(lexicon: Lexicon) -> _Cues:
    kinds = [(c.type, p) for c in lexicon.evidence_kinds if (p := phrase_regex(c.cues)) is not None]
    return _Cues(phrase_regex(lexicon.cue_list("hedge")), phrase_regex(lexicon.cue_list("rhetorical")), kinds)


class EnUnits:
    def __init__(self, lexicon: Lexicon) -> None:
        self.cues = _cues(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        index = _SpanIndex(st)
        paragraphs = _paragraphs(st)
        primary = _primary_brand(st.hits)
        units = [self.unit(st, clause, index, paragraphs, primary) for clause in st.clauses if clause.argumentative]
        set_argument_state(doc, ArgumentState("en", units, title=doc.user_data.get(TITLE_KEY, ""),
                                              main_brand=primary, regions=doc.user_data.get(REGIONS_KEY, Regions())))
        return doc

    def unit(self, st: EnState, clause: Clause, index: "_SpanIndex", paragraphs: list[int],
             primary: str | None) -> ArgUnit:
        start, end = clause.start, clause.end
        body = st.text[start:end]
        question = body.rstrip("\"'”’) ").endswith("?")
        figures = index.figures(start, end)
        refs = [h.ref for h in st.hits_in(start, end)] + index.derived(start, end)
        kinds = tuple(k for k, p in self.cues.kinds if p.search(body))
        marker = clause.marker
        role = MarkerRole(marker.function.value) if marker is not None else None
        return ArgUnit(
            start=start, end=end, text=body, sentence=clause.sentence, paragraph=paragraphs[clause.sentence],
            section=index.section(start), heading=index.in_heading(start, end),
            marker=UnitMarker(marker.text, role, marker.start, marker.end) if marker is not None and role else None,
            concession=role is MarkerRole.CONCESSION, refs=tuple(dict.fromkeys(refs)),
            figures=tuple(f for f, _ in figures), measured=any(not period for _, period in figures),
            evidence_kinds=_credit_rivals(kinds, refs, primary),
            hedged=bool(self.cues.hedges and self.cues.hedges.search(body)),
            conditional=bool(_CONDITIONAL.search(body)), question=question,
            rhetorical=question and self.cues.rhetorical is not None
            and bool(self.cues.rhetorical.match(body.lstrip("\"'“‘ "))),
        )


class _SpanIndex:
    """Figures, strategy/constraint cues and headings by position, found by bisection."""

    def __init__(self, st: EnState) -> None:
        self._figures = sorted((f.start, f.end, f.id, f.quantity_kind == "period") for f in st.figures)
        self._derived = sorted((s, e, ref) for ref, spans in st.derived_hits.items() for s, e in spans)
        self._headings = sorted((h.start, h.end) for h in st.headings)
        self._heading_starts = [h[0] for h in self._headings]

    def figures(self, start: int, end: int) -> list[tuple[str, bool]]:
        lo = bisect_left(self._figures, (start, -1, "", False))
        hi = bisect_left(self._figures, (end, -1, "", False))
        return [(ident, period) for s, e, ident, period in self._figures[lo:hi] if e <= end]

    def derived(self, start: int, end: int) -> list[str]:
        lo = bisect_left(self._derived, (start, -1, ""))
        hi = bisect_left(self._derived, (end, -1, ""))
        return [ref for s, e, ref in self._derived[lo:hi] if e <= end]

    def section(self, offset: int) -> int:
        """How many headings come before ``offset``: the section it belongs to."""
        return bisect_right(self._heading_starts, offset)

    def in_heading(self, start: int, end: int) -> bool:
        i = bisect_right(self._heading_starts, start) - 1
        return i >= 0 and self._headings[i][0] <= start and end <= self._headings[i][1]


def _paragraphs(st: EnState) -> list[int]:
    """Paragraph number of each sentence: a line break between two sentences starts a new paragraph."""
    out: list[int] = []
    for i, sent in enumerate(st.sentences):
        new = i > 0 and "\n" in st.text[st.sentences[i - 1].end:sent.start]
        out.append((out[-1] + (1 if new else 0)) if out else 0)
    return out


def _primary_brand(hits: list[EntityHit]) -> str | None:
    """The brand the article names most often (ties: the one named first)."""
    counts: dict[str, int] = {}
    for hit in hits:
        if hit.kind is EntityKind.BRAND:
            counts[hit.ref] = counts.get(hit.ref, 0) + 1
    return max(counts, key=lambda ref: counts[ref]) if counts else None


def _credit_rivals(kinds: tuple[str, ...], refs: list[str], primary: str | None) -> tuple[str, ...]:
    """Value-driven evidence that names only other brands speaks of a rival's strength, not the main brand's."""
    brands = [ref for ref in refs if ref.startswith(f"{EntityKind.BRAND.path}/")]
    if primary is None or not brands or primary in brands or not VALUE_DRIVEN & set(kinds):
        return kinds
    kept = [k for k in kinds if k not in VALUE_DRIVEN]
    return tuple(dict.fromkeys([*kept, RIVAL_SUCCESS]))


@Language.factory("argmap_en_units_v1", default_config={"data_dir": "", "lexicons": []})
def make_units(nlp: Language, name: str, data_dir: str, lexicons: list[str]) -> EnUnits:
    ensure_extension()
    return EnUnits(lexicon_for("en", lexicons, data_dir))
