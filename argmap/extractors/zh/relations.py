"""Supports / undermines between statements, from discourse markers (这正是, 因此, 然而, 此外 …),
the polarity of evidence kinds toward a strategy, stance cues, position and paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.lexicon import DiscourseRole, Lexicon, Polarity, compile_cues, lexicon_for
from argmap.extractors.model import Relation, RelationKind, Statement, StatementKind
from argmap.extractors.state import DocState, Unit, get_state

_LOOK_BACK = 2  # statements before an evidence that may still be the claim it grounds


@dataclass(slots=True)
class _Item:
    st: Statement
    unit: Unit
    polarity: Polarity | None  # evidence: the side its kinds take; claims: the side its stance takes
    strategy: str | None


class ZhRelations:
    def __init__(self, lexicon: Lexicon) -> None:
        self.kind_polarity = {c.type: (c.polarity, c.strategy) for c in lexicon.evidence_kinds}
        self.against = compile_cues(lexicon.cue_list("stance_against"))
        self.for_ = compile_cues(lexicon.cue_list("stance_for"))

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        items = [self._item(state, s) for s in state.statements]
        out = _Relations(state)
        self._discourse(items, out)
        central = next((i for i in items if i.st.central), None)
        if central is not None:
            self._toward_central(items, central, out)
        self._local_grounds(items, out)
        state.relations = out.relations
        return doc

    def _item(self, state: DocState, st: Statement) -> _Item:
        unit = state.units[state.unit_of_statement[st.id]]
        if st.kind is StatementKind.EVIDENCE:
            sides = {self.kind_polarity[k] for k in st.evidence_kinds if k in self.kind_polarity}
            if len(sides) == 1:
                polarity, strategy = sides.pop()
                return _Item(st, unit, polarity, strategy)
            return _Item(st, unit, None, None)
        if self.against is not None and self.against.search(st.text):
            return _Item(st, unit, Polarity.AGAINST, None)
        if self.for_ is not None and self.for_.search(st.text):
            return _Item(st, unit, Polarity.FOR, None)
        return _Item(st, unit, None, None)

    def _discourse(self, items: list[_Item], out: "_Relations") -> None:
        for prev, cur in zip(items, items[1:]):
            marker = cur.unit.marker
            if marker is None or prev.unit.section != cur.unit.section:
                continue
            if marker.role is DiscourseRole.CONCLUSION and cur.st.kind is StatementKind.CLAIM:
                out.add(prev.st, cur.st, RelationKind.SUPPORTS, marker)
            elif marker.role in (DiscourseRole.EXAMPLE, DiscourseRole.CAUSE) and prev.st.kind is StatementKind.CLAIM:
                out.add(cur.st, prev.st, RelationKind.SUPPORTS, marker)
            elif (marker.role is DiscourseRole.CONTRAST and prev.st.kind is StatementKind.CLAIM
                  and prev.unit.paragraph == cur.unit.paragraph and prev.unit.sentence != cur.unit.sentence):
                out.add(cur.st, prev.st, RelationKind.UNDERMINES, marker)
            elif marker.role is DiscourseRole.ADDITION:
                for rel in [r for r in out.relations if r.source == prev.st.id]:
                    out.add(cur.st, out.by_id[rel.target], rel.kind, marker)

    def _toward_central(self, items: list[_Item], central: _Item, out: "_Relations") -> None:
        """Evidence for or against the strategy the central claim is about bears on that claim;
        so does a claim that takes a side (…仍停留在价格层面). When the central claim itself argues
        against the strategy (低价换来的增长并不等于品牌的胜利), the sides flip."""
        flip = central.polarity is Polarity.AGAINST
        for item in items:
            if item is central or item.polarity is None:
                continue
            if item.st.kind is StatementKind.EVIDENCE and item.strategy is None:
                continue
            kind = RelationKind.SUPPORTS if (item.polarity is Polarity.FOR) != flip else RelationKind.UNDERMINES
            out.add(item.st, central.st, kind)

    def _local_grounds(self, items: list[_Item], out: "_Relations") -> None:
        """Evidence also grounds the nearby claim it illustrates: a claim on the same side before it
        (in its paragraph or just before), else the next such claim in the section."""
        for i, item in enumerate(items):
            if item.st.kind is not StatementKind.EVIDENCE or out.has_local(item.st):
                continue
            target = self._nearby_claim(items, i, item)
            if target is not None:
                out.add(item.st, target.st, RelationKind.SUPPORTS)

    def _nearby_claim(self, items: list[_Item], i: int, item: _Item) -> _Item | None:
        def fits(other: _Item) -> bool:
            if other.st.kind is not StatementKind.CLAIM or other.st.central:
                return False
            return item.polarity is None or other.polarity is item.polarity or (
                item.polarity is Polarity.AGAINST and _names_constraint(other.st))

        before = items[max(0, i - _LOOK_BACK):i]
        for other in reversed(before):
            if other.unit.section == item.unit.section and fits(other) and (
                    item.polarity is not None or other.unit.paragraph == item.unit.paragraph):
                return other
        for other in items[i + 1:]:
            if other.unit.section != item.unit.section or (item.polarity is None and other.unit.paragraph != item.unit.paragraph):
                break
            if fits(other):
                return other
        return None


def _names_constraint(st: Statement) -> bool:
    return any(m.startswith("constraint/") for m in st.mentions)


class _Relations:
    def __init__(self, state: DocState) -> None:
        self.relations: list[Relation] = []
        self.by_id = {s.id: s for s in state.statements}
        self._seen: set[tuple[str, str]] = set()

    def add(self, source: Statement, target: Statement, kind: RelationKind, marker: object = None) -> None:
        if target.kind is not StatementKind.CLAIM or source.id == target.id or (source.id, target.id) in self._seen:
            return
        self._seen.add((source.id, target.id))
        if marker is not None:
            rel = Relation(source.id, target.id, kind, marker.text, marker.start, marker.end)  # type: ignore[attr-defined]
        else:
            rel = Relation(source.id, target.id, kind, None, source.start, source.end)
        self.relations.append(rel)

    def has_local(self, st: Statement) -> bool:
        return any(r.source == st.id and not self.by_id[r.target].central for r in self.relations)


@Language.factory("argmap_zh_relations_v1", default_config={"lexicons": []})
def make_relations(nlp: Language, name: str, lexicons: list[str]) -> ZhRelations:
    return ZhRelations(lexicon_for("zh", lexicons))
