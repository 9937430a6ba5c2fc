"""``argmap_zh_units_v1``: the Chinese sentences and clauses as argument units, with what the Chinese
components found in them — entities, figures, evidence kinds (not negated, not in 当…时 background),
hedges, conditionals, questions and discourse markers. The language-neutral argument components
(``components/argument``) decide what they are and how they relate."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.components.argument.model import ArgUnit, start_argument
from argmap.extractors.lexicon import Lexicon, compile_cues, lexicon_for
from argmap.extractors.state import DocState, get_state

_QUESTION_END = re.compile(r"[？?][”’」』）)\s]*$")
# Circumstances set in a 当…时 clause are background, not what the sentence asserts.
_WHEN_CLAUSE = re.compile(r"当[^。；;！？!?]{0,100}?时[，,]")
_NEGATION_WINDOW = 4
_RHETORICAL = re.compile(r"(难道|岂不|何尝|怎么可能|谁不)")


class ZhUnits:
    def __init__(self, lexicon: Lexicon) -> None:
        self.kinds = [(c, p) for c in lexicon.evidence_kinds if (p := compile_cues(c.cues)) is not None]
        self.hedge = compile_cues(lexicon.cue_list("hedge"))
        self.conditional = compile_cues(lexicon.cue_list("conditional"))
        self.negation = tuple(c for c in lexicon.cue_list("negation") if not c.startswith("re:"))

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        starts = [f.start for f in state.figures]
        hedged = set(state.unit_matches(self.hedge))
        conditional = set(state.unit_matches(self.conditional))
        kinds_of = self._evidence_kinds(state)
        units = []
        for index, unit in enumerate(state.units):
            text = state.content[unit.start:unit.end]
            lo, hi = bisect_left(starts, unit.start), bisect_left(starts, unit.end)
            figures = state.figures[lo:hi]
            question = _QUESTION_END.search(text) is not None
            units.append(ArgUnit(
                start=unit.start, end=unit.end, text=text, sentence=unit.sentence, paragraph=unit.paragraph,
                section=unit.section, heading=unit.heading, marker=unit.marker, concession=unit.concession,
                refs=tuple(dict.fromkeys(unit.refs)), figures=tuple([f.id for f in figures]),
                measured=bool(figures) and any(f.quantity_kind != "period" for f in figures),  # most units have none
                evidence_kinds=kinds_of.get(index, ()),
                hedged=index in hedged, conditional=index in conditional, question=question,
                rhetorical=question and _RHETORICAL.search(text) is not None,
            ))
        start_argument(doc, "zh", units, state.main_brand)
        return doc

    def _evidence_kinds(self, state: DocState) -> dict[int, tuple[str, ...]]:
        """The same per unit, from one pass of each cue pattern over the whole text."""
        background = {u: [(m.start(), m.end()) for m in ms] for u, ms in state.unit_matches(_WHEN_CLAUSE).items()}
        out: dict[int, list[str]] = {}
        for cls, pattern in self.kinds:
            for u, ms in state.unit_matches(pattern).items():
                if any(self._counts(state.content, m, background.get(u, ())) for m in ms):
                    out.setdefault(u, []).append(cls.type)
        return {u: tuple(kinds) for u, kinds in out.items()}

    def _counts(self, text: str, m: re.Match[str], background: Sequence[tuple[int, int]]) -> bool:
        return not any(a <= m.start() < b for a, b in background) and not self._negated(text, m.start())

    def _negated(self, text: str, start: int) -> bool:
        window = text[max(0, start - _NEGATION_WINDOW - 2):start]
        return any(neg in window for neg in self.negation)


@Language.factory("argmap_zh_units_v1", default_config={"lexicons": []})
def make_units(nlp: Language, name: str, lexicons: list[str]) -> ZhUnits:
    return ZhUnits(lexicon_for("zh", lexicons))
