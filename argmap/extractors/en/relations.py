"""``argmap_en_relations_v1``: supports / undermines between statements, read from discourse structure.

Every statement but the central claim gets one outgoing relation:
- ``because``/``since`` (support) supports the statement before it; an opening ``Because …,`` or
  ``Although …,`` bears on the clause it introduces (support / undermine);
- a concession (``admittedly``, ``although``) or an objection (``but``, ``however``, ``some argue``)
  undermines the central claim, and ``but``/``nevertheless`` right after such an objection undermines
  the objection instead (the writer's rebuttal);
- ``for example`` supports the statement before it; ``moreover``/``also`` add a reason for the central claim;
- ``therefore``/``so`` make the statement an intermediate conclusion that the statement before it supports;
- ``and`` continues the previous clause's relation;
- otherwise a statement supports its paragraph's first claim, and that claim the central claim; but a
  statement that shares more content words (at least two) with the supporting statement just before it
  than with that claim elaborates the statement before it and supports it.
Targets are always claims: a target that was classified as evidence without an evidence kind becomes a
claim; one with an evidence kind hands the relation on to its own target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.en.doc_state import EnState, Marker, MarkerFunction, ensure_extension, state
from argmap.extractors.model import Relation, RelationKind, Statement, StatementKind

SUPPORT = RelationKind.SUPPORTS
ATTACK = RelationKind.UNDERMINES


@dataclass(slots=True)
class _Link:
    target: int
    kind: RelationKind


class RelationFinder:
    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        st.relations = self.relate(st, st.text)
        return doc

    def relate(self, st: EnState, text: str) -> list[Relation]:
        statements = st.statements
        central = next((i for i, s in enumerate(statements) if s.central), None)
        if central is None:
            return []
        paragraphs = _paragraphs(st, text)
        heads = _paragraph_heads(statements, st, paragraphs)
        links: dict[int, _Link] = {}
        for i, statement in enumerate(statements):
            if i == central:
                continue
            link = self._link(i, statements, st, central, links, paragraphs, heads)
            if link is not None and link.target != i:
                if link.target in links and links[link.target].target == i:
                    link = _Link(central, link.kind)  # never let two statements argue for each other
                links[i] = link
        _retarget_to_claims(statements, links, central)
        return [self._relation(i, link, statements, st) for i, link in sorted(links.items()) if link.target != i]

    def _link(self, i: int, statements: list[Statement], st: EnState, central: int,
              links: dict[int, _Link], paragraphs: list[int], heads: dict[int, int]) -> _Link | None:
        marker = st.statement_markers.get(statements[i].id)
        function = marker.function if marker else None
        prev = i - 1 if i > 0 else None
        nxt = i + 1 if i + 1 < len(statements) else None
        same_sentence_next = nxt is not None and statements[nxt].sentence == statements[i].sentence
        opens_sentence = prev is None or statements[prev].sentence != statements[i].sentence
        prev_opposes = prev is not None and prev in links and links[prev].kind is ATTACK
        if function in (MarkerFunction.SUPPORT, MarkerFunction.CONCESSION) and opens_sentence and same_sentence_next:
            return _Link(nxt, SUPPORT if function is MarkerFunction.SUPPORT else ATTACK)  # type: ignore[arg-type]
        if function is MarkerFunction.SUPPORT:
            return _Link(prev if prev is not None else central, SUPPORT)
        if function is MarkerFunction.EXAMPLE:
            return _Link(prev if prev is not None else central, SUPPORT)
        if function in (MarkerFunction.ATTACK, MarkerFunction.COUNTER):
            if prev_opposes:
                return _Link(prev, ATTACK)  # type: ignore[arg-type]
            return _Link(central, ATTACK) if function is MarkerFunction.ATTACK else _Link(central, SUPPORT)
        if function is MarkerFunction.CONCESSION:
            return _Link(central, ATTACK)
        if function is MarkerFunction.CONCLUSION:
            if prev is not None and prev != central and (prev not in links or links[prev].target == central):
                links[prev] = _Link(i, SUPPORT)
            return _Link(central, SUPPORT)
        if function is MarkerFunction.CONTINUATION and prev is not None and prev in links:
            return _Link(links[prev].target, links[prev].kind)
        if function is MarkerFunction.ADDITION:
            return _Link(central, SUPPORT)
        target = _paragraph_claim(i, statements, central, paragraphs, heads)
        if (prev is not None and prev != target and prev in links and links[prev].kind is SUPPORT
                and _overlap(statements[i], statements[prev]) >= max(2, _overlap(statements[i], statements[target]))):
            return _Link(prev, SUPPORT)  # elaborates the reason before it rather than the claim
        return _Link(target, SUPPORT)

    @staticmethod
    def _relation(i: int, link: _Link, statements: list[Statement], st: EnState) -> Relation:
        source = statements[i]
        marker: Marker | None = st.statement_markers.get(source.id)
        if marker is not None:
            return Relation(source.id, statements[link.target].id, link.kind, marker.text, marker.start, marker.end)
        return Relation(source.id, statements[link.target].id, link.kind, None, source.start, source.end)


def _paragraph_heads(statements: list[Statement], st: EnState, paragraphs: list[int]) -> dict[int, int]:
    """Each paragraph's first claim without a subordinating marker."""
    heads: dict[int, int] = {}
    for j, s in enumerate(statements):
        para = paragraphs[s.sentence]
        if para not in heads and s.kind is StatementKind.CLAIM and _main(st.statement_markers.get(s.id)):
            heads[para] = j
    return heads


def _paragraph_claim(i: int, statements: list[Statement], central: int, paragraphs: list[int],
                     heads: dict[int, int]) -> int:
    """The head of the statement's paragraph, unless that paragraph holds the central claim."""
    para = paragraphs[statements[i].sentence]
    if paragraphs[statements[central].sentence] == para:
        return central
    head = heads.get(para)
    return central if head is None or head == i else head


_WORD = re.compile(r"[a-z]{3,}")


def _content_words(text: str) -> set[str]:
    # a crude stem (first five letters) is enough to see "recycle" in "recycling"
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in STOP_WORDS}


def _overlap(a: Statement, b: Statement) -> int:
    return len(_content_words(a.text) & _content_words(b.text))


def _main(marker: Marker | None) -> bool:
    """A clause that can head a paragraph: no marker that makes it a reason, objection or example."""
    return marker is None or marker.function in (MarkerFunction.COUNTER, MarkerFunction.CONCLUSION)


def _paragraphs(st: EnState, text: str) -> list[int]:
    """Paragraph number of each sentence: a line break between two sentences starts a new paragraph."""
    out: list[int] = []
    for index, sent in enumerate(st.sentences):
        new = index > 0 and "\n" in text[st.sentences[index - 1].end : sent.start]
        out.append((out[-1] + (1 if new else 0)) if out else 0)
    return out


def _retarget_to_claims(statements: list[Statement], links: dict[int, _Link], central: int) -> None:
    for i, link in list(links.items()):
        seen = {i}
        while statements[link.target].kind is StatementKind.EVIDENCE:
            target = statements[link.target]
            if not target.evidence_kinds:
                target.kind = StatementKind.CLAIM
                break
            onward = links.get(link.target)
            next_target = onward.target if onward is not None else central
            if next_target in seen:
                next_target = central
            seen.add(link.target)
            link = _Link(next_target, link.kind)
        links[i] = link


@Language.factory("argmap_en_relations_v1")
def make_relations(nlp: Language, name: str) -> RelationFinder:
    ensure_extension()
    return RelationFinder()
