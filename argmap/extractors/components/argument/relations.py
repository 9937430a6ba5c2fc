"""``argmap_relations_v2``: what bears on what — scored attachment, then polarity, for every language.

Every statement but the thesis may bear on a claim of its section near it, or on the thesis. Each candidate
is scored by a linear model over language-neutral features — distance and direction, sentence and paragraph,
the discourse markers of both ends, shared entities and content words weighted by their rarity, the voice
of the other side, the word the source opens with (``features.py``) — whose weights were learned from
argument graphs (``attach.json``, trained by ``python -m argmap.extractors.train.argument``). A long article
(``features.LONG``) is scored by a second, compact model learned from articles alone (``attach_long``): a
short argumentative text and a long commentary are built differently. Explicit discourse fixes its edge: a
unit that counters a concession ("Admittedly A. But B") undermines the conceded claim, an example (例如, for example)
grounds the claim right before it, and what comes right before a concluding claim (因此, therefore) grounds
it. The whole tree is then chosen at once, rooted at the thesis (``decode.py``: the maximum spanning
arborescence, as in evidence-graph models), so attachments never form a cycle. Evidence keeps its edge only
when the model gives it a fair chance (``min_probability``); in a long article it may also ground its
second-best claim (``second_probability``, ``second_links``).

Polarity is *support* unless a second linear model, over the source's marker (contrast, concession,
counter), a turn the target opens with right after the source ("A. Yet B": A bears against B), a cited party's
dissent, negation on one side only, the two ends' voices and opening words and what the source judges, says the source bears *against* its target clearly enough (``attack_threshold``):
a contrast marker alone is not an attack.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.components.argument.decode import arborescence
from argmap.extractors.components.argument.data import ArgumentData, argument_data, evidence_sides
from argmap.extractors.components.argument.features import (
    ARTICLE_PARAGRAPHS,
    FEATURES,
    LONG,
    POLARITY_FEATURES,
    AttachScorer,
    Node,
    PolarityScorer,
    countered,
)
from argmap.extractors.components.argument.linear import Linear
from argmap.extractors.components.argument.model import ArgUnit, ArgumentState, argument_state
from argmap.extractors.components.argument.overlap import content_keys, squared_rarity
from argmap.extractors.model import Relation, RelationKind, Statement, StatementKind
from argmap.extractors.state import MarkerRole

WEIGHTS = Path(__file__).resolve().parent / "attach.json"
FORCED = 100.0  # the score of an edge explicit discourse fixes: it outweighs any the model gives
KEEP_TARGETS = 5  # candidate targets per statement the tree decoding considers


@dataclass(frozen=True, slots=True)
class AttachModel:
    attach: Linear  # over features.FEATURES: is the candidate the claim the source bears on?
    attack: Linear  # over features.POLARITY_FEATURES: does it bear against it?
    window: int  # statements before or after a source that may be its target
    min_probability: float  # evidence below this stays unattached (the reasoner's rules may still place it)
    attack_threshold: float  # undermines only above this (polarity errors cost more than misses)
    attach_long: Linear | None = None  # the same for a long article: features.LONG_FEATURES only, learned from articles
    # a long article's evidence grounds its second-best claim too at this probability or above (None: never)
    second_probability: float | None = None

    def attach_for(self, graph: list[Node]) -> Linear:
        """The attachment model for this text: the long articles' where it is long and there is one."""
        return self.attach_long if self.attach_long is not None and graph and graph[0].long else self.attach


@lru_cache(maxsize=2)
def load_model(path: Path = WEIGHTS) -> AttachModel:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return AttachModel(Linear.read(raw["attach"], FEATURES), Linear.read(raw["attack"], POLARITY_FEATURES),
                       int(raw.get("window", 6)), float(raw.get("min_probability", 0.2)),
                       float(raw.get("attack_threshold", 0.5)),
                       Linear.read(raw["attach_long"], FEATURES) if "attach_long" in raw else None,
                       float(raw["second_probability"]) if raw.get("second_probability") is not None else None)


def nodes(state: ArgumentState) -> list[Node]:
    units = [state.unit(st) for st in state.statements]
    heads: set[int] = set()
    seen_paragraphs: set[int] = set()
    for i, st in enumerate(state.statements):
        para = units[i].paragraph
        if st.kind is StatementKind.CLAIM and para not in seen_paragraphs:
            seen_paragraphs.add(para)
            heads.add(i)
    long = long_text(state)
    data = argument_data(state.lang)
    keys = [content_keys(st.text) for st in state.statements]
    squares = squared_rarity(keys)
    # "A, but B" grants A in a short opinion text; an article's 但 mostly adds a weightier fact
    grants = [not long and a for a in countered(units)]
    return [Node.of(i, units[i], keys[i], squares, evidence=st.kind is StatementKind.EVIDENCE, thesis=st.central, head=i in heads,
                    long=long, opposing=not st.central and (opposing(units[i], st.text, data) or grants[i]),
                    granted=grants[i])
            for i, st in enumerate(state.statements)]


def long_text(state: ArgumentState) -> bool:
    """An article that argues in local steps: more than LONG statements, or laid out in several paragraphs."""
    paragraphs = len({state.unit(st).paragraph for st in state.statements})
    return len(state.statements) > LONG or paragraphs >= ARTICLE_PARAGRAPHS


def opposing(unit: ArgUnit, text: str, data: ArgumentData) -> bool:
    """The unit speaks for the other side: a concession, or the writer voicing an objection to answer it."""
    return unit.concession or data.opponent.any(text) or data.dissent.any(text)


def candidate_targets(source: Node, graph: list[Node], window: int, theses: list[Node] | None = None) -> list[Node]:
    """The claims of the source's section within ``window`` statements of it, and the thesis. ``theses``: the
    graph's thesis nodes, when the caller has them (a scan of the whole graph per source otherwise)."""
    lo, hi = max(0, source.index - window), min(len(graph), source.index + window + 1)
    section = source.unit.section
    found = [n for n in graph[lo:hi] if not n.evidence and n.index != source.index and n.unit.section == section]
    if any(n.thesis for n in found):
        return found
    return found + [n for n in (graph if theses is None else theses) if n.thesis and n.index != source.index]


def rebutted(source: Node, graph: list[Node]) -> Node | None:
    """The point a countering unit answers: a concession ("Admittedly A. But B", "虽然A，但B") or the other
    side's voice ("Some may say A, but B", "有人认为A。但B") among the two statements before it, when the
    source opens with a counter or contrast marker and speaks for the writer; without a marker, the concession
    its own sentence opens with ("Although A, B", "While A, B"). B attacks A, not the thesis A was raised
    against."""
    if source.opposing:
        return None
    if source.unit.marker is None or source.unit.marker.role not in (MarkerRole.COUNTER, MarkerRole.ATTACK):
        # "Although A, B": the main clause answers the concession its sentence opens with, marker or not
        before = graph[source.index - 1] if source.index else None
        granted_here = (before is not None and before.unit.concession and not before.evidence
                        and before.unit.sentence == source.unit.sentence)
        return before if granted_here else None
    before = graph[max(0, source.index - 2):source.index]
    return next((n for n in reversed(before) if (n.unit.concession or n.opposing) and not n.evidence), None)


def exemplified(source: Node, graph: list[Node]) -> Node | None:
    """The claim right before a unit that opens with an example marker (for example, 例如), in its paragraph."""
    marker = source.unit.marker
    if marker is None or marker.role is not MarkerRole.EXAMPLE or source.index == 0:
        return None
    before = graph[source.index - 1]
    return before if not before.evidence and before.unit.paragraph == source.unit.paragraph else None


def concluded(source: Node, graph: list[Node]) -> Node | None:
    """The claim right after the source, in its paragraph, that opens with a conclusion marker (因此, therefore):
    the marker says that what precedes it grounds it."""
    if source.index + 1 >= len(graph):
        return None
    after = graph[source.index + 1]
    marker = after.unit.marker
    if after.evidence or marker is None or marker.role is not MarkerRole.CONCLUSION:
        return None
    return after if after.unit.paragraph == source.unit.paragraph else None


def polarity(source: Node, target: Node, st: Statement, target_st: Statement, data: ArgumentData,
             model: AttachModel, lean: float, scorer: PolarityScorer) -> RelationKind:
    """``scorer``: ``model.attack`` read directly (features.PolarityScorer; the finder keeps one)."""
    probability = scorer.probability(
        source, target, dissent=data.dissent.any(st.text),
        negation_differs=data.negation.any(st.text) != data.negation.any(target_st.text), lean=lean)
    return RelationKind.UNDERMINES if probability > model.attack_threshold else RelationKind.SUPPORTS


# Not frozen: one is made per link of every article, and a frozen dataclass sets each field through
# object.__setattr__ (its __init__ costs some two times as much); none is hashed or changed once made.
@dataclass(slots=True)
class Link:
    source: Node
    target: Node
    rebuttal: bool = False


def tree(state: ArgumentState, graph: list[Node], model: AttachModel) -> list[Link]:
    """Every statement but the thesis attached to one claim, the whole tree chosen at once (decode.py):
    explicit discourse (a rebuttal, an example, a conclusion) fixes its edge, the model scores the others."""
    thesis = next((n for n in graph if n.thesis), None)
    if thesis is None:
        return []
    forced = explicit_links(graph)
    scorer = AttachScorer(model.attach_for(graph))
    theses = [n for n in graph if n.thesis]
    scores: dict[tuple[int, int], float] = {}
    for source in graph:
        if source.thesis:
            continue
        scored = sorted(scorer.scores(source, candidate_targets(source, graph, model.window, theses)), reverse=True)
        # the tree takes a statement's few best targets (the thesis always among them, so every statement is
        # reachable); the others would only slow the decoding down
        if len(scored) > KEEP_TARGETS:  # most statements have no more candidates than that: all are taken
            scored = scored[:KEEP_TARGETS] + [s for s in scored[KEEP_TARGETS:] if s[1] == thesis.index]
        for score, target in scored:
            scores[(target, source.index)] = _log_probability(score)
        if source.index in forced:
            scores[(forced[source.index][0], source.index)] = FORCED
    parent = decoded(graph, thesis, scores)
    out = []
    for index in sorted(parent):
        source, target = graph[index], graph[parent[index]]
        rule = forced.get(index)
        if rule is not None and rule[0] == target.index:
            out.append(Link(source, target, rebuttal=rule[1]))
        elif not source.evidence or math.exp(scores[(target.index, index)]) >= model.min_probability:
            out.append(Link(source, target))  # weak evidence stays unattached: the reasoner's rules may place it
    return out + second_links(graph, parent, scores, forced, model.second_probability)


def second_links(graph: list[Node], parent: dict[int, int], scores: dict[tuple[int, int], float],
                 forced: dict[int, tuple[int, bool]], threshold: float | None) -> list[Link]:
    """A piece of evidence in a long article may ground two claims (a divergent argument: a sales figure
    grounds both the section's claim and the thesis it serves): it bears on its second-best claim too where
    the model alone gives that one at least ``threshold``. Evidence is never a target, so no cycle forms; the
    claims keep one edge each (the tree), and an edge explicit discourse fixed stays the only one."""
    if threshold is None or not graph or not graph[0].long:  # every node of a text is long, or none is
        return []
    second: dict[int, tuple[float, int]] = {}
    for (head, dep), score in scores.items():
        if not graph[dep].evidence or dep in forced or parent.get(dep, head) == head:
            continue
        if dep not in second or score > second[dep][0]:
            second[dep] = (score, head)
    return [Link(graph[dep], graph[head]) for dep, (score, head) in sorted(second.items())
            if math.exp(score) >= threshold]


def decoded(graph: list[Node], thesis: Node, scores: dict[tuple[int, int], float]) -> dict[int, int]:
    """The best tree: evidence is never a target, so no cycle runs through it and each piece takes its best
    edge; the claims' part of the tree is decoded as a whole."""
    evidence = [n.evidence for n in graph]
    claim_edges = {edge: score for edge, score in scores.items() if not evidence[edge[1]]}
    parent = arborescence([n.index for n in graph if not n.evidence], thesis.index, claim_edges)
    best: dict[int, tuple[float, int]] = {}
    for (head, dep), score in scores.items():
        if evidence[dep] and (dep not in best or score > best[dep][0]):
            best[dep] = (score, head)
    parent.update({dep: head for dep, (_, head) in best.items()})
    return parent


def explicit_links(graph: list[Node]) -> dict[int, tuple[int, bool]]:
    """source -> (target, rebuttal) for the edges markers fix: "Admittedly A. Nevertheless B" (B answers A), an
    example grounding the claim before it, what a "therefore" claim concludes from."""
    out: dict[int, tuple[int, bool]] = {}
    for source in graph:
        if source.thesis:
            continue
        conceded = rebutted(source, graph)
        if conceded is not None:
            out[source.index] = (conceded.index, True)
            continue
        target = exemplified(source, graph) or concluded(source, graph)
        if target is not None:
            out[source.index] = (target.index, False)
    return out


def _log_probability(score: float) -> float:
    """log σ(score), stable at both ends."""
    return -math.log1p(math.exp(-score)) if score > -30 else score


class RelationFinder:
    def __init__(self, model: AttachModel) -> None:
        self.model = model
        self.polarity = PolarityScorer(model.attack)

    def __call__(self, doc: Doc) -> Doc:
        state = argument_state(doc)
        state.relations = self.relate(state)
        return doc

    def relate(self, state: ArgumentState) -> list[Relation]:
        graph = nodes(state)
        thesis = next((n for n in graph if n.thesis), None)
        if thesis is None:
            return []
        data = argument_data(state.lang)
        out: list[Relation] = []
        for link in tree(state, graph, self.model):
            st, target_st = state.statements[link.source.index], state.statements[link.target.index]
            kind = RelationKind.UNDERMINES if link.rebuttal else polarity(
                link.source, link.target, st, target_st, data, self.model, state.opinion.get(st.id, 0.0), self.polarity)
            out.append(_relation(st, target_st, kind, link.source))
        side_links = toward_thesis(state, graph, thesis, data)
        by_pair = {(r.source, r.target): r for r in side_links}
        # the kind's side beats the default polarity; the relation keeps its marker
        kept = [replace(r, kind=by_pair.pop((r.source, r.target)).kind) if (r.source, r.target) in by_pair else r
                for r in out]
        return kept + list(by_pair.values())


def toward_thesis(state: ArgumentState, graph: list[Node], thesis: Node, data: ArgumentData) -> list[Relation]:
    """Evidence of a premiumization kind also bears on a thesis about the main brand's strategy: for it when
    value-driven, against it when price-driven — the other way round when the thesis itself argues that the
    move up-market is not real. The local attachment says what the sentence grounds; this says which side
    of the article's question it is on."""
    central = state.statements[thesis.index]
    owner = state.main_brand.split("/", 1)[1] if state.main_brand else None
    if owner is None or f"strategy/{owner}-premiumization" not in central.mentions:
        return []
    flip = data.against.any(central.text)
    sides = evidence_sides()
    out = []
    for node in graph:
        st = state.statements[node.index]
        side = {sides[k] for k in st.evidence_kinds if k in sides}
        if not node.evidence or len(side) != 1:
            continue
        kind = RelationKind.SUPPORTS if side.pop() != flip else RelationKind.UNDERMINES
        out.append(Relation(st.id, central.id, kind, None, st.start, st.end))
    return out


def _relation(st: Statement, target: Statement, kind: RelationKind, source: Node) -> Relation:
    marker = source.unit.marker
    if marker is not None:
        return Relation(st.id, target.id, kind, marker.text, marker.start, marker.end)
    return Relation(st.id, target.id, kind, None, st.start, st.end)


@Language.factory("argmap_relations_v2")
def make_relations(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(load_model())
