"""``argmap_en_units_v1``: the English argumentative clauses (units) as argument units, with what the English
components found in them — entities, strategy and constraint cues, figures, evidence kinds
(the lexicon's ``evidence_kinds``), hedges (its ``hedge`` cues), conditionals, questions (rhetorical ones
by its ``rhetorical`` cues) and discourse markers. The language-neutral argument components
(``components/argument``) decide what they are and how they relate."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.components.argument.model import ArgUnit, start_argument
from argmap.extractors.en.lexicon import phrase_regex
from argmap.extractors.lexicon import Lexicon, lexicon_for
from argmap.extractors.model import EntityKind
from argmap.extractors.state import DocState, Unit, get_state

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
        st = get_state(doc)
        index = _SpanIndex(st)
        units = [self.unit(st, unit, index, st.main_brand) for unit in st.units if unit.argumentative]
        start_argument(doc, "en", units, st.main_brand)
        return doc

    def unit(self, st: DocState, unit: Unit, index: "_SpanIndex", primary: str | None) -> ArgUnit:
        start, end = unit.start, unit.end
        body = st.content[start:end]
        question = body.rstrip("\"'”’) ").endswith("?")
        figures = index.figures(start, end)
        refs = [h.ref for h in st.hits_in(start, end)] + index.derived(start, end)
        kinds = tuple(k for k, p in self.cues.kinds if p.search(body))
        return ArgUnit(
            start=start, end=end, text=body, sentence=unit.sentence, paragraph=unit.paragraph,
            section=unit.section, heading=unit.heading, marker=unit.marker, concession=unit.concession,
            refs=tuple(dict.fromkeys(refs)),
            figures=tuple(f for f, _ in figures), measured=any(not period for _, period in figures),
            evidence_kinds=_credit_rivals(kinds, refs, primary),
            hedged=bool(self.cues.hedges and self.cues.hedges.search(body)),
            conditional=bool(_CONDITIONAL.search(body)), question=question,
            rhetorical=question and self.cues.rhetorical is not None
            and bool(self.cues.rhetorical.match(body.lstrip("\"'“‘ "))),
        )


class _SpanIndex:
    """Figures and strategy/constraint cues by position, found by bisection."""

    def __init__(self, st: DocState) -> None:
        self._figures = sorted((f.start, f.end, f.id, f.quantity_kind == "period") for f in st.figures)
        self._derived = sorted((s, e, ref) for ref, spans in st.cue_spans.items() for s, e in spans)

    def figures(self, start: int, end: int) -> list[tuple[str, bool]]:
        lo = bisect_left(self._figures, (start, -1, "", False))
        hi = bisect_left(self._figures, (end, -1, "", False))
        return [(ident, period) for s, e, ident, period in self._figures[lo:hi] if e <= end]

    def derived(self, start: int, end: int) -> list[str]:
        lo = bisect_left(self._derived, (start, -1, ""))
        hi = bisect_left(self._derived, (end, -1, ""))
        return [ref for s, e, ref in self._derived[lo:hi] if e <= end]


def _credit_rivals(kinds: tuple[str, ...], refs: list[str], primary: str | None) -> tuple[str, ...]:
    """Value-driven evidence that names only other brands speaks of a rival's strength, not the main brand's."""
    brands = [ref for ref in refs if ref.startswith(f"{EntityKind.BRAND.path}/")]
    if primary is None or not brands or primary in brands or not VALUE_DRIVEN & set(kinds):
        return kinds
    kept = [k for k in kinds if k not in VALUE_DRIVEN]
    return tuple(dict.fromkeys([*kept, RIVAL_SUCCESS]))


@Language.factory("argmap_en_units_v1", default_config={"data_dir": "", "lexicons": []})
def make_units(nlp: Language, name: str, data_dir: str, lexicons: list[str]) -> EnUnits:
    return EnUnits(lexicon_for("en", lexicons, data_dir))
