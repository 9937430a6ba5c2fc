"""``argmap_statements_v2``: which units are claims, which are evidence, which are neither — for every language.

A unit is scored twice from its language's cue words (``lang/<lang>/argument.json``) and what the
language's components found in it: how much it *judges* (opinion cues, hedges, conditionals, a
concluding marker, a rhetorical question) and how much it *reports* (report cues, figures, evidence
kinds, an example marker, a date). Headings, signposts, real questions, fragments and narrative
background (a narrative cue and no judgement) are neither. A unit that reports clearly more than it judges (``margin``)
is evidence; the others are claims.

Claims are then held to a budget — a share of the article's statements, at most twice the square root
of their number, and never more than ``max_claims`` — so that a long article yields
the handful of positions an analyst would list, not every sentence: the claims that judge least become
evidence. A word that says how someone fares (the stance lists: 遇冷, "lagging") counts half a judging cue
here: analysts list evaluations (on the development gold, statements typed 110 -> 113 of 138).

A unit the writer set in bold is one of the writer's points (much Chinese commentary bolds the sentence
that states each point) — unless it carries a figure, concedes, or bold is the house style (more than
``EMPHASIS_SHARE`` of the units): it is a claim, and the first the budget keeps. Each widens the budget
by one, up to ``max_claims``: the budget stands in for a stress the writer did not mark, but a long
article still yields a handful of positions, not every bold line.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.components.argument.data import ArgumentData, argument_data
from argmap.extractors.components.argument.features import (
    ARTICLE_PARAGRAPHS,
    TYPING_FEATURES,
    TypingScorer,
    typing_features,
)
from argmap.extractors.components.argument.linear import Linear
from argmap.extractors.components.argument.stance import evaluative, set_stance
from argmap.extractors.components.argument.model import ArgUnit, ArgumentState, argument_state, opens_sentence
from argmap.extractors.model import Statement, StatementKind
from argmap.extractors.state import MarkerRole

WEIGHTS = Path(__file__).resolve().parent / "typing.json"
_EVIDENCE_KIND = 1.5  # a premiumization evidence kind (promotion dependence, lock-in …) is grounds by nature
# a unit that says when what it tells happened (3月12日, "on Thursday") reports it: one point of report cues
# (articles held out in cross-validation: relations 27 -> 28 of 80; microtexts, which date little, unchanged)
_DATED = 1.0
EMPHASIS_SHARE = 1 / 3  # past this share of units in bold, bold is how the site sets text, not a stress
EVEN_ODDS = 1e-9  # how close to 0.5 a probability is a tie
LEAD_IN = 2.5  # a unit ending in a colon shorter than this many times the language's min_chars only announces
# what an evaluative word (the stance lists: 成功, 陌生, "fell short") adds to a claim's rank within the budget: an
# analyst lists the claims that say how someone fares; half a cue, so the judging cues still rank first
EVALUATIVE = 0.5


@lru_cache(maxsize=2)
def load_typing_model(path: Path = WEIGHTS) -> Linear:
    """The logistic model over features.TYPING_FEATURES: the probability that a unit is evidence."""
    return Linear.read(json.loads(path.read_text(encoding="utf-8")), TYPING_FEATURES)


# Not frozen: one is made per unit of every article, and a frozen dataclass sets each field through
# object.__setattr__ (its __init__ costs some three times as much); none is hashed or changed once made.
@dataclass(slots=True)
class Scores:
    opinion: float
    report: float
    thesis: bool
    neither: bool  # heading, signpost, question, fragment
    evidence: float = 0.0  # the typing model's probability that the unit is evidence
    emphasised: bool = False  # the writer set it in bold (selectively): one of the writer's points
    concludes: bool = False  # opens its sentence by drawing a conclusion (因此，…; Therefore, …)
    measured: bool = False  # carries a figure (ArgUnit.measured)

    @property
    def lean(self) -> float:
        return self.opinion - self.report


def score_unit(unit: ArgUnit, data: ArgumentData, *, scorer: TypingScorer | None = None) -> Scores:
    """``scorer``: the typing model's direct scorer, when the caller keeps one (else one for the shipped model)."""
    text = unit.text
    cues = _cue_scores(unit, data)
    thesis = cues.thesis
    role = unit.marker.role if unit.marker is not None else None
    opinion = (cues.opinion + (1.5 if thesis else 0.0) + (0.5 if unit.hedged else 0.0)
               + (0.5 if unit.conditional else 0.0) + (1.0 if role is MarkerRole.CONCLUSION else 0.0)
               + (1.0 if unit.rhetorical else 0.0))
    report = (cues.report + (1.5 if unit.measured else 0.0) + (_DATED if data.dates(text) else 0.0)
              + (_EVIDENCE_KIND if unit.evidence_kinds else 0.0) + (1.5 if role is MarkerRole.EXAMPLE else 0.0))
    if (unit.hedged or unit.conditional) and not unit.measured and data.measures is not None:
        # "it could prove tough to win market share": what a prediction is about reports nothing
        report -= data.measures.score(text)
    short = len(text.strip()) < data.min_chars
    # telling what happened when, judging nothing — unless it carries a figure: "当晚，阿里巴巴股价大涨15%" reports
    background = cues.opinion == 0 and not unit.measured and data.narrative.any(text)
    # a question asks unless it asserts (rhetorical) or voices what the evidence kinds name (用户质疑：“凭什么卖这么贵？”)
    neither = (unit.heading or short or background or data.signposts(text) or lead_in(text, data)
               or (unit.question and not unit.rhetorical and not unit.evidence_kinds))
    evidence = cues.probability(unit, scorer or TypingScorer(load_typing_model()))
    return Scores(opinion, report, thesis, neither, evidence, measured=unit.measured)


def budget_rank(scores: Scores, text: str, data: ArgumentData) -> float:
    """How strongly a claim judges, for the budget: its lean, and half a cue for an evaluative word (read only
    for the claims of an article past its budget: most units never need it)."""
    return scores.lean + (EVALUATIVE if evaluative(text, data) else 0.0)


def lead_in(text: str, data: ArgumentData) -> bool:
    """A short unit that ends in a colon announces what follows (以这家品牌为例：, "He told the BBC:"): the
    statement is what comes after it, not the announcement."""
    stripped = text.strip()
    return stripped.endswith((":", "：")) and len(stripped) < LEAD_IN * data.min_chars


# Not frozen: one is made per unit, and a frozen dataclass sets each field through object.__setattr__ (its
# __init__ costs some four times as much); none is hashed or changed once made.
@dataclass(slots=True)
class _Cues:
    """A unit's cue scores, read once for both the typing model and the judging/reporting scores."""

    opinion: float
    report: float
    thesis: bool
    speech: bool
    negated: bool

    def values(self, unit: ArgUnit) -> list[float]:
        return typing_features(unit, opinion=self.opinion, report=self.report, thesis_cue=self.thesis,
                               speech=self.speech, negated=self.negated)

    def probability(self, unit: ArgUnit, scorer: TypingScorer) -> float:
        """The typing model's probability of ``values``, read directly (features.TypingScorer)."""
        return scorer.probability(unit, opinion=self.opinion, report=self.report, thesis_cue=self.thesis,
                                  speech=self.speech, negated=self.negated)


def _cue_scores(unit: ArgUnit, data: ArgumentData) -> _Cues:
    text = unit.text
    return _Cues(data.opinion.score(text), data.report.score(text), data.thesis_cue(text, measured=unit.measured),
                 data.speech.any(text), data.negation.any(text))


def typing_values(unit: ArgUnit, data: ArgumentData) -> list[float]:
    """The typing model's features of a unit (also what train/argument.py fits them on)."""
    return _cue_scores(unit, data).values(unit)


def kind_of(scores: Scores) -> StatementKind | None:
    """Evidence when the typing model gives it better than even odds — or even odds and a figure ("The group
    will own 30% of the project": a figure with one modal beside it, it reports) — else a claim, until the
    budget decides whether an article this long can keep it. The model's weight for an evidence kind
    (promotion dependence, lock-in …: subclasses of am:Evidence) is a prior, not learned: the gold's claims
    that merely mention such a cue would teach it that kinds make claims."""
    if scores.neither:
        return None
    if scores.emphasised:
        return StatementKind.CLAIM
    return StatementKind.EVIDENCE if evidence_at(scores.evidence, scores.measured) else StatementKind.CLAIM


def evidence_at(probability: float, measured: bool) -> bool:
    """The typing model's reading of a unit as evidence: better than even odds, or even odds and a figure
    (also what train/argument.py scores its cross-validation by)."""
    even = abs(probability - 0.5) < EVEN_ODDS  # a tie up to float rounding (1/6 × 3 need not be 0.5 exactly)
    return (probability > 0.5 and not even) or (even and measured)


def claim_budget(n_statements: int, *, share: float, root: float, minimum: int, maximum: int) -> int:
    """At most ``share`` of the statements, and at most ``root`` × √n: an article twice as long argues more
    points, not twice as many — readers list a handful of key claims however long the piece, so past
    ``maximum`` a longer article keeps no more."""
    return max(minimum, min(math.ceil(n_statements * share), math.ceil(root * math.sqrt(n_statements)), maximum))


class StatementTyper:
    def __init__(self, *, claim_share: float, claim_root: float, min_claims: int, max_claims: int,
                 model: Linear) -> None:
        self.model = model
        self.scorer = TypingScorer(model)
        self.claim_share = claim_share
        self.claim_root = claim_root
        self.min_claims = min_claims
        self.max_claims = max_claims

    def __call__(self, doc: Doc) -> Doc:
        state = argument_state(doc)
        data = argument_data(state.lang)
        typed: list[tuple[int, StatementKind, Scores]] = []
        stressed = emphasised_units(state)
        lead = leading_unit(state) if data.lead_states_point else None
        for index, unit in enumerate(state.units):
            if state.regions.tabled(unit.start, unit.end):
                continue  # cells of a table are data without their headers: entities and figures, not statements
            scores = score_unit(unit, data, scorer=self.scorer)
            if index in stressed or index == lead:
                scores = replace(scores, emphasised=True)
            if draws_conclusion(state, index):
                scores = replace(scores, concludes=True)
            kind = kind_of(scores)
            if kind is not None:
                typed.append((index, kind, scores))
        typed = self._within_budget(typed, state.units, data)
        state.max_claims = self.max_claims
        for index, kind, scores in typed:
            unit = state.units[index]
            sid = f"s{len(state.statements) + 1}"
            state.statements.append(Statement(
                id=sid, kind=kind, text=unit.text, start=unit.start, end=unit.end, sentence=unit.sentence,
                mentions=tuple(dict.fromkeys([*unit.refs, *unit.figures])),
                evidence_kinds=unit.evidence_kinds if kind is StatementKind.EVIDENCE else (),
                hedged=unit.hedged, conditional=unit.conditional, question=unit.question,
            ))
            if kind is StatementKind.CLAIM:
                set_stance(state.statements[-1], data, unit.sources, owners=state.owners)
            state.unit_of[sid] = index
            state.opinion[sid] = scores.lean + (3.0 if scores.thesis else 0.0)
            state.judging[sid] = scores.opinion
        return doc

    def _within_budget(self, typed: list[tuple[int, StatementKind, Scores]], units: list[ArgUnit],
                       data: ArgumentData) -> list[tuple[int, StatementKind, Scores]]:
        """Keep the claims that judge most; the others become evidence. The writer's bold points come
        first, and widen the budget by their number up to ``max_claims``; the conclusions the writer draws
        (因此，…) come next."""
        claims = [t for t in typed if t[1] is StatementKind.CLAIM]
        budget = claim_budget(len(typed), share=self.claim_share, root=self.claim_root, minimum=self.min_claims,
                              maximum=self.max_claims)
        stressed = sum(t[2].emphasised for t in claims)
        budget = min(budget + stressed, max(budget, self.max_claims))
        if len(claims) <= budget:
            return typed
        demoted = _past_budget(claims, budget, units, data)
        # a demoted claim stays as evidence: what it says may still ground a claim a reader draws
        return [(index, StatementKind.EVIDENCE if index in demoted else kind, scores) for index, kind, scores in typed]


def _past_budget(claims: list[tuple[int, StatementKind, Scores]], budget: int, units: list[ArgUnit],
                 data: ArgumentData) -> set[int]:
    """The unit indices of the claims past the ``budget`` first, ranked by (thesis, bold, conclusion, budget_rank,
    position). budget_rank, which scans the claim for an evaluative word, is read only for the claims whose side
    of the cut it can change: it is the lean plus EVALUATIVE or nothing, so a claim whose best key (with it)
    still comes after ``budget`` others' worst keys (without it) is out, and one whose worst key comes before all
    but ``budget`` of the best keys (its own among them) is in, whatever its wording; the rest are ranked in full
    for the places left. The same set as ranking every claim by budget_rank (keys differ: the position is in them)."""

    def key(t: tuple[int, StatementKind, Scores], rank: float) -> tuple[bool, bool, bool, float, int]:
        return not t[2].thesis, not t[2].emphasised, not t[2].concludes, -rank, t[0]

    best = {t[0]: key(t, t[2].lean + EVALUATIVE) for t in claims}
    worst = {t[0]: key(t, t[2].lean + 0.0) for t in claims}
    worst_cut = sorted(worst.values())[budget - 1]  # budget claims rank at least this well, whatever they read
    best_cut = sorted(best.values())[budget]  # only budget claims can rank better than this
    out: set[int] = set()
    unsure = []
    kept = 0
    for t in claims:
        if best[t[0]] > worst_cut:
            out.add(t[0])
        elif worst[t[0]] < best_cut:
            kept += 1
        else:
            unsure.append(t)
    ranked = sorted(unsure, key=lambda t: key(t, budget_rank(t[2], units[t[0]].text, data)))
    out.update(t[0] for t in ranked[budget - kept:])
    return out


def draws_conclusion(state: ArgumentState, index: int) -> bool:
    """The unit opens its sentence and carries a conclusion marker (因此，…; "Therefore, …", "… is therefore …":
    English marks a conclusion wherever "therefore" stands): the writer states what the sentences before it
    ground — a point an analyst lists, as bold marks one."""
    marker = state.units[index].marker
    return opens_sentence(state.units, index) and marker is not None and marker.role is MarkerRole.CONCLUSION


def leading_unit(state: ArgumentState) -> int | None:
    """The unit that opens an article's body, when it is a whole sentence: its lead, which states the story's
    point ("Up to 900 jobs are to go at Kelmar …", "Phone sales are still booming, according to research from …")
    — a claim, and one the budget keeps, as a bold point is. None in a short text (a few
    paragraphs at most: there the first sentence is as often a reason as the point) and where the lead is cut
    into clauses (a turn or a reason inside it: what it asserts is not one unit)."""
    units = state.units
    body = next((i for i, u in enumerate(units) if not u.heading), None)
    if body is None or len({u.paragraph for u in units if not u.heading}) < ARTICLE_PARAGRAPHS:
        return None
    sentence = units[body].sentence
    alone = body + 1 == len(units) or units[body + 1].sentence != sentence
    return body if alone else None


def emphasised_units(state: ArgumentState) -> set[int]:
    """The units the writer stressed with bold: not a conceded clause, not a figure (a bold number is a
    finding the writer shows off, still grounds), and none when bold is the house style."""
    regions = state.regions
    if not regions.emphasis:
        return set()
    bold = [i for i, u in enumerate(state.units) if regions.emphasised(u.start, u.end)]
    if len(bold) > EMPHASIS_SHARE * len(state.units):
        return set()
    return {i for i in bold if not (state.units[i].concession or state.units[i].measured)}


@Language.factory("argmap_statements_v2",
                  default_config={"claim_share": 0.4, "claim_root": 2.0, "min_claims": 6, "max_claims": 20})
def make_statements(nlp: Language, name: str, claim_share: float, claim_root: float, min_claims: int,
                    max_claims: int) -> StatementTyper:
    return StatementTyper(claim_share=claim_share, claim_root=claim_root, min_claims=min_claims, max_claims=max_claims,
                          model=load_typing_model())
