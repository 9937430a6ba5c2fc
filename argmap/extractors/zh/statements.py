"""Which units are claims, which are evidence and which are neither; with the entities and
figures they mention, their evidence kinds, and whether they are hedged, conditional or questions."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.lexicon import CueClass, DiscourseRole, Lexicon, compile_cues, lexicon_for
from argmap.extractors.model import Statement, StatementKind
from argmap.extractors.state import DocState, Unit, get_state
from argmap.extractors.text import count_cjk

_MIN_CHARS = 6  # shorter units ("不会。") are answers or asides, not propositions
_QUESTION_END = re.compile(r"[？?][”’」』）)\s]*$")
# Circumstances set in a 当…时 clause are background, not what the sentence asserts.
_WHEN_CLAUSE = re.compile(r"当[^。；;！？!?]{0,100}?时[，,]")
_NEGATION_WINDOW = 4


class ZhStatements:
    def __init__(self, lexicon: Lexicon) -> None:
        self.kinds: list[tuple[CueClass, re.Pattern[str]]] = [
            (c, p) for c in lexicon.evidence_kinds if (p := compile_cues(c.cues)) is not None
        ]
        self.hedge = compile_cues(lexicon.cue_list("hedge"))
        self.conditional = compile_cues(lexicon.cue_list("conditional"))
        self.negation = tuple(c for c in lexicon.cue_list("negation") if not c.startswith("re:"))
        self.observation = compile_cues(lexicon.cue_list("observation"))
        self.narrative = compile_cues(lexicon.cue_list("narrative"))
        self.strategy_of = {c.type: c.strategy for c in lexicon.evidence_kinds}

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        starts = [f.start for f in state.figures]
        hedged = set(state.unit_matches(self.hedge))
        conditional = set(state.unit_matches(self.conditional))
        observed = set(state.unit_matches(self.observation))
        narrative = set(state.unit_matches(self.narrative))
        kinds_of = self._evidence_kinds(state)
        for index, unit in enumerate(state.units):
            text = state.content[unit.start:unit.end]
            if unit.heading or count_cjk(text) < _MIN_CHARS:
                continue
            lo, hi = bisect_left(starts, unit.start), bisect_left(starts, unit.end)
            figures = state.figures[lo:hi]
            kinds = kinds_of.get(index, ())
            question = _QUESTION_END.search(text) is not None
            kind = self._kind(unit, kinds, question, any(f.quantity_kind != "period" for f in figures),
                              index in observed, index in narrative)
            if kind is None:
                continue
            sid = f"s{len(state.statements) + 1}"
            state.statements.append(Statement(
                id=sid, kind=kind, text=text, start=unit.start, end=unit.end, sentence=unit.sentence,
                mentions=tuple(dict.fromkeys([*unit.refs, *(f.id for f in figures)])),
                evidence_kinds=kinds if kind is StatementKind.EVIDENCE else (),
                hedged=index in hedged, conditional=index in conditional, question=question,
            ))
            state.unit_of_statement[sid] = index
        mark_central(state, self.strategy_of)
        return doc

    def _kind(self, unit: Unit, kinds: tuple[str, ...], question: bool, figures: bool, observed: bool,
              narrative: bool) -> StatementKind | None:
        if kinds:
            return StatementKind.EVIDENCE  # a rhetorical question that voices doubt is evidence too
        if question:
            return None
        if unit.marker is not None and unit.marker.role is DiscourseRole.CONCLUSION:
            return StatementKind.CLAIM
        if figures or observed:
            return StatementKind.EVIDENCE
        if narrative or unit.concession:
            return None
        return StatementKind.CLAIM

    def evidence_kinds(self, text: str) -> tuple[str, ...]:
        """Evidence kinds whose cues occur in ``text`` outside 当…时 background and not negated."""
        background = [(m.start(), m.end()) for m in _WHEN_CLAUSE.finditer(text)]
        found: list[str] = []
        for cls, pattern in self.kinds:
            if any(self._counts(text, m, background) for m in pattern.finditer(text)):
                found.append(cls.type)
        return tuple(found)

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


def _found(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def mark_central(state: DocState, strategy_of: dict[str, str | None]) -> None:
    """The main claim: the first claim about the main brand's strategy that the evidence speaks to
    (premiumization when price- and value-driven evidence is about it), else the first claim."""
    claims = [s for s in state.statements if s.kind is StatementKind.CLAIM]
    if not claims:
        return
    targeted = {strategy_of.get(k) for s in state.statements for k in s.evidence_kinds} - {None}
    owner = state.main_brand.split("/", 1)[1] if state.main_brand else None
    wanted = {ref for ref, e in state.entities.items()
              if ref.startswith(f"strategy/{owner}-") and targeted & set(e.types)} if owner else set()
    central = next((c for c in claims if wanted & set(c.mentions)), None)
    if central is None and owner:
        central = next((c for c in claims if any(m.startswith(f"strategy/{owner}-") for m in c.mentions)), None)
    (central or claims[0]).central = True


@Language.factory("argmap_zh_statements_v1", default_config={"lexicons": []})
def make_statements(nlp: Language, name: str, lexicons: list[str]) -> ZhStatements:
    return ZhStatements(lexicon_for("zh", lexicons))
