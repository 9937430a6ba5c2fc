"""``argmap_en_strategies_v1``: which brand pursues which strategy, under which constraint, against whom.

A strategy cue (the lexicon's ``strategies``) in a sentence gives the brand named last before it in the
sentence (else the sentence's first brand, else the brand named most recently, within two sentences) the strategy ``strategy/{brand}-{suffix}``; a constraint cue
(its ``constraints``) gives it ``constraint/{brand}-{suffix}``, which constrains each of the brand's
strategies. Brands named together with a ``competition`` cue compete.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.en.lexicon import PhraseTable, phrase_regex
from argmap.extractors.lexicon import CueClass, Lexicon, lexicon_for
from argmap.extractors.model import Entity, EntityKind, EntityRelation, EntityRelationKind, Mention
from argmap.extractors.state import DocState, EntityHit, get_state

BRAND_MEMORY = 2  # sentences a brand stays the topic when a later sentence does not name one


@dataclass(frozen=True, slots=True)
class _CueKind:
    type: str
    suffix: str


class _CueTable:
    def __init__(self, classes: tuple[CueClass, ...]) -> None:
        self.kinds = PhraseTable((cue, _CueKind(c.type, c.slug)) for c in classes for cue in c.cues)

    def find(self, text: str, start: int, end: int) -> list[tuple[_CueKind, int, int]]:
        if self.kinds.regex is None:
            return []
        found = [(self.kinds.value(m.group()), m.start(), m.end()) for m in self.kinds.regex.finditer(text, start, end)]
        return [(kind, s, e) for kind, s, e in found if kind is not None]


class StrategyFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.strategies = _CueTable(lexicon.strategies)
        self.constraints = _CueTable(lexicon.constraints)
        self.competition = phrase_regex(lexicon.cue_list("competition"))
        self.labels = {c.type: (c.labels["en"], c.labels.get("zh", ""))
                       for c in (*lexicon.strategies, *lexicon.constraints) if c.labels.get("en")}

    def __call__(self, doc: Doc) -> Doc:
        st = get_state(doc)
        text = st.content
        derived: dict[str, Entity] = {}
        relations: dict[tuple[str, str, str], EntityRelation] = {}
        strategies_of: dict[str, list[tuple[int, str]]] = {}
        constraints_of: dict[str, list[tuple[int, str]]] = {}
        topic: tuple[int, EntityHit] | None = None
        for index, sent in enumerate(st.sentences):
            brands = [h for h in st.hits_in(sent.start, sent.end) if h.kind is EntityKind.BRAND]
            if brands:
                topic = (index, brands[0])
            elif topic is not None and index - topic[0] <= BRAND_MEMORY:
                brands = [topic[1]]
            if not brands:
                continue
            owner = brands[0]
            for kind, start, end in self.strategies.find(text, sent.start, sent.end):
                cue_owner = _owner_of(brands, start)
                ref = self._derive(derived, st, EntityKind.STRATEGY, cue_owner, kind, text, start, end)
                strategies_of.setdefault(cue_owner.ref, []).append((index, ref))
                _add(relations, EntityRelation(cue_owner.ref, EntityRelationKind.PURSUES, ref))
            for kind, start, end in self.constraints.find(text, sent.start, sent.end):
                cue_owner = _owner_of(brands, start)
                ref = self._derive(derived, st, EntityKind.CONSTRAINT, cue_owner, kind, text, start, end)
                constraints_of.setdefault(cue_owner.ref, []).append((index, ref))
            if self.competition is not None and self.competition.search(text, sent.start, sent.end):
                for other in dict.fromkeys(h.ref for h in brands[1:]):
                    if other != owner.ref:
                        _add(relations, EntityRelation(owner.ref, EntityRelationKind.COMPETES_WITH, other))
        for brand, constraints in constraints_of.items():
            strategies = strategies_of.get(brand, [])
            for index, constraint in constraints:
                for strategy in _near(strategies, index):
                    _add(relations, EntityRelation(strategy, EntityRelationKind.CONSTRAINED_BY, constraint))
        st.entities.update(derived)  # the named entities are the hits; these are derived from cues
        st.entity_relations = list(relations.values())
        return doc

    def _derive(self, derived: dict[str, Entity], st: DocState, kind: EntityKind, owner: EntityHit,
                cue: _CueKind, text: str, start: int, end: int) -> str:
        ref = f"{kind.path}/{owner.key}-{cue.suffix}"
        if ref not in derived:
            label_en, label_zh = self.labels.get(cue.type, (cue.suffix.replace("-", " "), ""))
            labels = {"en": f"{owner.label_en} {label_en}"}
            if owner.label_zh and label_zh:
                labels["zh"] = f"{owner.label_zh}{label_zh}"
            derived[ref] = Entity(f"{owner.key}-{cue.suffix}", kind, labels["en"], labels, types=(cue.type,))
        derived[ref].mentions.append(Mention(start, end, text[start:end]))
        st.cue_spans.setdefault(ref, []).append((start, end))
        return ref


def _owner_of(brands: list[EntityHit], cue_start: int) -> EntityHit:
    """The brand named last before the cue ("… Starbucks faces a price war"), else the sentence's first."""
    before = [b for b in brands if b.end <= cue_start]
    return before[-1] if before else brands[0]


def _near(strategies: list[tuple[int, str]], index: int) -> list[str]:
    """The strategies named within a sentence of the constraint, else the brand's first strategy."""
    lo = bisect_left(strategies, (index - 1, ""))
    hi = bisect_right(strategies, (index + 1, "\uffff"))
    near = [ref for _, ref in strategies[lo:hi]]
    return list(dict.fromkeys(near)) or [ref for _, ref in strategies[:1]]


def _add(relations: dict[tuple[str, str, str], EntityRelation], rel: EntityRelation) -> None:
    key = (rel.subject, rel.kind.value, rel.object)
    if rel.kind is EntityRelationKind.COMPETES_WITH:  # symmetric: one direction is enough
        key = (min(rel.subject, rel.object), rel.kind.value, max(rel.subject, rel.object))
    relations.setdefault(key, rel)


@Language.factory("argmap_en_strategies_v1", default_config={"data_dir": "", "lexicons": []})
def make_strategies(nlp: Language, name: str, data_dir: str, lexicons: list[str]) -> StrategyFinder:
    return StrategyFinder(lexicon_for("en", lexicons, data_dir))
