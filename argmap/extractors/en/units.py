"""``argmap_en_units_v1``: the English argumentative clauses (units) as argument units, with what the English
components found in them — entities, strategy and constraint cues, figures, evidence kinds
(data/en/evidence_kinds.tsv), hedges (data/en/hedges.tsv), conditionals, questions (rhetorical ones
by data/en/rhetorical.tsv) and discourse markers. The language-neutral argument components
(``components/argument``) decide what they are and how they relate."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.components.argument.model import ArgUnit, start_argument
from argmap.extractors.en.lexicon import EnglishData, load_for_component, phrase_regex
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


def _cues(data: EnglishData) -> _Cues:
    by_kind: dict[str, list[str]] = {}
    for row in data.rows("evidence_kinds"):
        by_kind.setdefault(row["kind"], []).append(row["cue"])
    kinds = [(kind, p) for kind, cues in by_kind.items() if (p := phrase_regex(cues)) is not None]
    return _Cues(phrase_regex(data.column("hedges")), phrase_regex(data.column("rhetorical")), kinds)


class EnUnits:
    def __init__(self, data: EnglishData) -> None:
        self.cues = _cues(data)

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
    return EnUnits(load_for_component(data_dir, lexicons))
