"""Features of a candidate attachment (source statement → target claim), shared by the relation
component and the script that learns their weights (``argmap.extractors.train.attach``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from argmap.extractors.components.argument.linear import Linear, logistic
from argmap.extractors.components.argument.model import ArgUnit, opens_sentence
from argmap.extractors.state import MarkerRole, opens_unit

FEATURES = (
    "before", "adjacent", "near", "same_sentence", "same_paragraph", "target_thesis", "source_evidence",
    "topic", "shared_ref", "reason_before", "conclusion_after", "addition_thesis", "target_head",
    # the same cues weigh differently in a long article than in a short argumentative text
    "long_before", "long_adjacent", "long_same_paragraph", "long_target_thesis", "long_topic",
    "answers_opponent", "opponent_to_thesis", "taken_up",
)
# What the attachment model of a long article weighs (``relations.AttachModel.attach_long``): articles are few
# (ten, some eighty relations), and a compact model learned from them alone carries over to articles it has not
# seen better than the model of every feature learned with the microtexts (left out one at a time: 28-30 of 80
# relations found, against 21; 33 since it is fitted on scaled features). Adding source_evidence, same_sentence,
# the reason and conclusion markers, or the opponent's two features found 30-32.
LONG_FEATURES = ("before", "adjacent", "near", "same_paragraph", "target_thesis", "topic", "shared_ref", "target_head",
                 "taken_up")
LONG = 15  # statements: past this an article argues in local steps, paragraph by paragraph
TURN_REACH = 2  # units after a statement in which a sentence turning against it makes it granted (learned on part 2)
ARTICLE_PARAGRAPHS = 3  # paragraphs: a text laid out in several is an article, which argues paragraph by paragraph
SHORT = 12  # statements: up to this a text argues in every sentence, and its first or last one is often its point


# Not frozen: one is made per statement of every article, and a frozen dataclass sets each field through
# object.__setattr__ (its __init__ costs some three times as much); none is hashed or changed once made.
@dataclass(slots=True)
class Node:
    """One statement as the attachment scorer sees it."""

    index: int  # position among the article's statements
    unit: ArgUnit
    evidence: bool
    thesis: bool
    head: bool  # the first claim of its paragraph
    keys: frozenset[str]  # content words (overlap.content_keys)
    long: bool = False  # the article has more than LONG statements, or several paragraphs
    opposing: bool = False  # speaks for the other side (a concession, or the writer voicing an objection)
    granted: bool = False  # "A, but B" in one sentence: this is A
    refs: frozenset[str] = frozenset()  # the entities it names (strategies aside: every statement has one)
    norm: float = 0.0  # the length of its key vector, each key weighted by its rarity (for the cosine)
    squares: Mapping[str, float] = field(default_factory=dict)  # the text's keys: squared rarity (overlap)
    opening: str = ""  # its first word, lower-cased (``opening``)
    attach_keys: tuple[tuple[str, ...], ...] = ((), (), ())  # its word key at each of ATTACH_PLACES

    @classmethod
    def of(cls, index: int, unit: ArgUnit, keys: frozenset[str], squares: Mapping[str, float], **rest: bool) -> "Node":
        """A node with what every pair it is in needs computed once (entity refs, key norm, first word and
        its word keys). ``squares``: the text's table, shared by all its nodes."""
        refs = frozenset(r for r in unit.refs if not r.startswith("strategy/"))
        word = opening(unit.text)
        return cls(index, unit, keys=keys, refs=refs, norm=sum(map(squares.__getitem__, keys)) ** 0.5,
                   squares=squares, opening=word, attach_keys=_word_keys(word, ATTACH_PLACES), **rest)


ATTACH_PLACES = ("previous", "thesis", "other")  # where a candidate target is, for the attachment's word keys


# the first word after quotes and punctuation; a unit opening with a figure has none
_OPENING = re.compile(r"[^\w]*([A-Za-z][A-Za-z'’]*|[\u3400-\u9fff])")


def opening(text: str) -> str:
    """A unit's first word, lower-cased (a Chinese unit's first character): "This …", "However, …", 但…, 这…
    say how the unit takes up what came before it, whatever the topic."""
    found = _OPENING.match(text)
    return found.group(1).lower().replace("’", "'") if found else ""


def attach_words(source: Node, target: Node) -> tuple[str, ...]:
    """The attachment model's word key: the source's first word, by where the candidate is — the statement
    right before it, the thesis, or another claim ("This …" takes up the previous statement, "Also …" the
    thesis). The index follows ATTACH_PLACES."""
    return source.attach_keys[0 if target.index == source.index - 1 else 1 if target.thesis else 2]


@lru_cache(maxsize=4096)
def _word_keys(word: str, places: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """``word``'s key at each place ("previous=this", …): an article opens its units with few distinct words."""
    return tuple((f"{place}={word}",) if word else () for place in places)


def word_of(key: str) -> str:
    """The word of a word key ("previous=this" -> "this")."""
    return key.partition("=")[2]


_SOURCE, _TARGET = ("source",), ("target",)
# a unit opening with one of these takes up what the unit before it said ("This is the fastest …", 这是…)
_TAKING_UP = frozenset(("this", "these", "that", "those", "such", "这", "此"))


def takes_up(source: Node, target: Node) -> bool:
    """The target comes right after the source and opens by pointing back at it ("A. This shows B", "A。这说明B"):
    it speaks of what the source said, the way a claim sums up the fact before it."""
    return target.index == source.index + 1 and target.opening in _TAKING_UP


def polarity_words(source: Node, target: Node) -> tuple[str, ...]:
    """The polarity model's word keys: both ends' first words ("However …" against "Some say …")."""
    return _word_keys(source.opening, _SOURCE)[0] + _word_keys(target.opening, _TARGET)[0]


def topic_overlap(source: Node, target: Node) -> float:
    """Cosine of the two statements' content keys, each weighted by its rarity (overlap.squared_rarity)."""
    if not source.norm or not target.norm or source.keys.isdisjoint(target.keys):
        return 0.0  # most pairs share no key: a C-level test, no generator to start
    small, large = (source.keys, target.keys) if len(source.keys) <= len(target.keys) else (target.keys, source.keys)
    squares = source.squares
    return sum(squares[k] for k in small if k in large) / (source.norm * target.norm)


def features(source: Node, target: Node) -> list[float]:
    s, t = source.unit, target.unit
    distance = abs(source.index - target.index)
    role = s.marker.role if s.marker is not None else None
    target_role = t.marker.role if t.marker is not None else None
    before = target.index < source.index
    refs = source.refs & target.refs
    topic = topic_overlap(source, target)
    long = float(source.long)
    return [
        float(before),
        float(distance == 1),
        1.0 / max(1, distance),
        float(s.sentence == t.sentence),
        float(s.paragraph == t.paragraph),
        float(target.thesis),
        float(source.evidence),
        topic,
        float(bool(refs)),
        float(before and distance == 1 and role in (MarkerRole.SUPPORT, MarkerRole.EXAMPLE)),
        float(not before and target_role is MarkerRole.CONCLUSION and distance <= 2),
        float(role is MarkerRole.ADDITION and target.thesis),
        float(target.head),
        long * before,
        long * (distance == 1),
        long * (s.paragraph == t.paragraph),
        long * target.thesis,
        long * topic,
        # the writer voices an objection and answers it right after: the answer bears on the objection
        float(target.opposing and before and distance <= 2 and not source.opposing),
        float(source.opposing and target.thesis),
        float(takes_up(source, target)),
    ]


class AttachScorer:
    """``attach.score(features(source, t), attach_words(source, t))`` for each candidate target ``t`` of one
    source, equal bit for bit: the relation tree scores some thirty thousand pairs per megabyte, and building
    each pair's list of twenty floats cost more than the scoring. The source's part is read once per source,
    a false feature adds no term (adding 0.0 leaves a sum of floats unchanged, and 1.0 * w is w), and the
    terms are added in FEATURES order, as ``Linear.score`` adds them, so every sum rounds the same way.
    Keep it in step with ``features`` (tests/extractors/test_argument_scorer.py compares the two). Make one
    per article: it remembers the weights of the word keys it has seen."""

    __slots__ = ("model", "_place_words")

    def __init__(self, model: Linear) -> None:
        self.model = model
        self._place_words: dict[tuple[tuple[str, ...], ...], tuple[tuple[float, ...], ...]] = {}  # keys -> weights

    def scores(self, source: Node, targets: Iterable[Node]) -> list[tuple[float, int]]:
        """(score, target index) for each target, in the order given."""
        # unpacking fails loudly if FEATURES gains or loses a feature without this method following
        (w_before, w_adjacent, w_near, w_sentence, w_paragraph, w_thesis, w_evidence, w_topic, w_ref, w_reason,
         w_conclusion, w_addition, w_head, w_long_before, w_long_adjacent, w_long_paragraph, w_long_thesis,
         w_long_topic, w_answers, w_opponent, w_taken_up) = self.model.weights
        bias, place_words = self.model.bias, self._words_of(source)
        s, index, long, opposing = source.unit, source.index, source.long, source.opposing
        # a source without key weight overlaps nothing: an empty set makes every pair below skip the cosine
        keys, evidence, refs = source.keys if source.norm else frozenset(), source.evidence, source.refs
        role = s.marker.role if s.marker is not None else None
        reason = role is MarkerRole.SUPPORT or role is MarkerRole.EXAMPLE
        addition = role is MarkerRole.ADDITION
        out = []
        for target in targets:
            t = target.unit
            before = target.index < index
            distance = index - target.index if before else target.index - index
            same_paragraph = s.paragraph == t.paragraph
            # most pairs share no key: they skip the call (topic_overlap gives them 0.0 too)
            topic = topic_overlap(source, target) if target.norm and not keys.isdisjoint(target.keys) else 0.0
            total = 0.0
            if before:
                total += w_before
            if distance == 1:
                total += w_adjacent
            total += w_near * (1.0 / max(1, distance))
            if s.sentence == t.sentence:
                total += w_sentence
            if same_paragraph:
                total += w_paragraph
            if target.thesis:
                total += w_thesis
            if evidence:
                total += w_evidence
            if topic:
                total += w_topic * topic
            if not refs.isdisjoint(target.refs):
                total += w_ref
            if before and distance == 1 and reason:
                total += w_reason
            if not before and distance <= 2 and t.marker is not None and t.marker.role is MarkerRole.CONCLUSION:
                total += w_conclusion
            if addition and target.thesis:
                total += w_addition
            if target.head:
                total += w_head
            if long:
                if before:
                    total += w_long_before
                if distance == 1:
                    total += w_long_adjacent
                if same_paragraph:
                    total += w_long_paragraph
                if target.thesis:
                    total += w_long_thesis
                if topic:
                    total += w_long_topic * topic
            if target.opposing and before and distance <= 2 and not opposing:
                total += w_answers
            if opposing and target.thesis:
                total += w_opponent
            if target.index == index + 1 and target.opening in _TAKING_UP:
                total += w_taken_up
            score = bias + total
            for weight in place_words[0 if target.index == index - 1 else 1 if target.thesis else 2]:
                score += weight
            out.append((score, target.index))
        return out

    def _words_of(self, source: Node) -> tuple[tuple[float, ...], ...]:
        """The weights ``Linear.score`` adds for the source's word key at each of ATTACH_PLACES (none when the
        model weighs no words, as it then adds none); an article opens its units with few distinct words."""
        found = self._place_words.get(source.attach_keys)
        if found is None:
            words = self.model.words
            found = tuple(tuple(words.get(key, 0.0) for key in keys) if words else () for keys in source.attach_keys)
            self._place_words[source.attach_keys] = found
        return found


THESIS_FEATURES = (
    "thesis_cue", "long_thesis_cue", "lean", "title", "first", "last", "lead", "closing", "strategy",
    "subordinate", "conclusion", "conditional", "question", "hedged", "claim", "position", "judging",
    "debated", "long_conclusion", "first_main", "answer", "emphatic", "counter", "summary", "lead_turn",
    "long_counter", "normative", "turned", "long_dated_opening",
)
_SUBORDINATE = {MarkerRole.SUPPORT, MarkerRole.EXAMPLE, MarkerRole.CONCESSION, MarkerRole.ATTACK,
                MarkerRole.CONTINUATION}


# Not frozen: one is made per claim of every article, and a frozen dataclass sets each field through
# object.__setattr__ (its __init__ costs some three times as much); none is hashed or changed once made.
@dataclass(slots=True)
class ThesisCandidate:
    """One statement as the thesis scorer sees it."""

    unit: ArgUnit
    index: int
    count: int  # statements in the article
    claim: bool
    thesis_cue: bool
    lean: float  # opinion minus report (statements.Scores.lean)
    judging: float  # opinion alone (statements.Scores.opinion)
    title_share: float  # share of the title's content words it repeats
    lead: bool  # in the document's lead (its 前言 / Introduction section, else its opening paragraph)
    closing: bool  # in its closing section (结语, "Conclusion"; else its last paragraph)
    strategy: bool  # speaks of the main brand's strategy
    debated: bool = False  # … the strategy the article's evidence kinds argue for and against
    first_main: bool = False  # the first statement no marker makes a reason, example, concession or objection
    answer: bool = False  # opens by answering the question at issue ("Yes, …", 是的，…)
    emphatic: bool = False  # written in capitals: the writer raises their voice for it
    counter: bool = False  # "A, but B" in one sentence: B, what the writer asserts after granting A
    summary: bool = False  # the writer sums up (all things considered, 综上所述)
    opens_sentence: bool = True  # no clause of its sentence comes before it
    normative: bool = False  # prescribes what someone should do (should, 应该)
    turned: bool = False  # a sentence right after it opens by turning against it ("A. But still B."): A is granted
    dated_opening: bool = False  # opens by dating what it tells (3月21日，…; "Last year, …"): narrates an event


def answers_in_sentence(before: ArgUnit, unit: ArgUnit) -> bool:
    """``unit`` turns against the clause before it in the same sentence ("A, but B"; 虽然A，但B): the
    writer grants A and asserts B."""
    role = unit.marker.role if unit.marker is not None else None
    return role in (MarkerRole.ATTACK, MarkerRole.COUNTER) and before.sentence == unit.sentence


def countered(units: list[ArgUnit]) -> list[bool]:
    """For each unit, whether the next one answers it in the same sentence: it is the A of "A, but B"."""
    return [answers_in_sentence(a, b) for a, b in zip(units, units[1:])] + [False] * bool(units)


def turned_against(units: list[ArgUnit]) -> list[bool]:
    """For each unit, whether one of the next ``TURN_REACH`` units opens a later sentence by turning against
    what came before ("Yes, sorting rubbish is a chore. … But still, …"): the writer grants the unit and argues
    the other way, so it is rarely the point (``ThesisCandidate.turned``)."""
    # the units up to TURN_REACH before each turn, where the turn opens a later sentence, marked from the few turns:
    # the same as asking, for each unit, whether one of the next TURN_REACH units turns (without a generator each)
    out = [False] * len(units)
    for j in [j for j in range(len(units)) if _turns(units, j)]:
        for i in range(max(0, j - TURN_REACH), j):
            if units[j].sentence != units[i].sentence:
                out[i] = True
    return out


def _turns(units: list[ArgUnit], j: int) -> bool:
    """Unit ``j`` opens its sentence with a contrast or counter marker (But, However, Still …)."""
    marker = units[j].marker
    return (marker is not None and opens_sentence(units, j) and opens_unit(marker, units[j].text, units[j].start)
            and marker.role in (MarkerRole.ATTACK, MarkerRole.COUNTER))


def subordinate(unit: ArgUnit) -> bool:
    """Its marker makes it a reason, example, concession or objection to something else."""
    return unit.concession or (unit.marker is not None and unit.marker.role in _SUBORDINATE)


def thesis_features(c: ThesisCandidate) -> list[float]:
    u = c.unit
    role = u.marker.role if u.marker is not None else None
    short = c.count <= SHORT
    # "Therefore, …" opening a sentence of a short text draws its conclusion; a clause's "so" mostly draws a step,
    # and an article draws many conclusions on the way (long_conclusion weighs those)
    concludes = role is MarkerRole.CONCLUSION and c.opens_sentence and short
    return [
        # "I think" opens many a reason in a short opinion text; in an article 我们认为 marks the position
        float(c.thesis_cue and short),
        float(c.thesis_cue and not short),
        max(-3.0, min(3.0, c.lean)) / 3.0,
        c.title_share,
        float(c.index == 0 and c.count <= SHORT),
        float(c.index == c.count - 1 and c.count <= SHORT),
        float(c.lead),
        float(c.closing),
        float(c.strategy),
        float(subordinate(u) and not c.counter),  # the B of "A, but B" is what the writer asserts
        float(concludes),
        float(u.conditional),
        float(u.question),
        float(u.hedged),
        float(c.claim),
        c.index / max(1, c.count - 1),
        min(4.0, c.judging) / 4.0,
        float(c.debated),
        float(role is MarkerRole.CONCLUSION and c.count > SHORT),
        float(c.first_main and c.count <= SHORT),
        float(c.answer),
        float(c.emphatic),
        # "A, but B": in a short text first_main already takes B; an article's "…, but the bottom line is …"
        float(c.counter and short),
        # a summing-up word the conclusion marker has not already counted ("Ultimately, …" is both)
        float(c.summary and not concludes),
        # in the lead, a turn against the opening facts (然而, however …) is where commentary states its position
        float(c.lead and role is MarkerRole.ATTACK),
        float(c.counter and not short),
        # a short opinion text argues for what should be done; an article's "should" is mostly a step or a quote
        float(c.normative and short),
        float(c.turned and short),
        # commentary starts from the news (3月21日，凯达宣布提价): the event it tells is the occasion, not the point
        float(c.dated_opening and not short),
    ]


def emphatic(text: str) -> bool:
    """Mostly capital letters over several words (a cased script only): shouted, so meant as the point.
    A heading is never a candidate, so capitals here are the writer's emphasis, not a title style."""
    if sum(map(str.isupper, text)) < 10:  # fewer capitals than any emphatic unit has (a C-level count)
        return False
    cased = [ch for ch in text if ch.isupper() or ch.islower()]
    # a Chinese sentence with acronyms in it (MIUI, SUV) is in an uncased script: its capitals shout nothing
    letters = sum(map(str.isalpha, text))
    return (len(cased) >= 12 and len(cased) >= 0.5 * letters and len(text.split()) >= 3
            and sum(ch.isupper() for ch in cased) >= 0.8 * len(cased))


POLARITY_FEATURES = (
    "attack_marker", "concession", "counter", "dissent", "negation_differs", "source_evidence", "target_thesis",
    "lean", "forward", "target_attack_marker", "voice_differs", "granted", "forward_attack_marker",
    "attack_marker_previous", "turn_after",
)


def polarity_features(source: Node, target: Node, *, dissent: bool, negation_differs: bool, lean: float) -> list[float]:
    role = source.unit.marker.role if source.unit.marker is not None else None
    target_role = target.unit.marker.role if target.unit.marker is not None else None
    forward = target.index > source.index
    return [
        # "But …" turns against what came before it; toward a later claim it says nothing (但… 这迫使…)
        float(role is MarkerRole.ATTACK and not forward),
        float(source.unit.concession),
        float(role is MarkerRole.COUNTER),
        float(dissent),
        float(negation_differs),
        float(source.evidence),
        float(target.thesis),
        max(-3.0, min(3.0, lean)) / 3.0,
        float(forward),
        float(target_role is MarkerRole.ATTACK),
        float(source.opposing != target.opposing),
        float(source.granted),
        float(role is MarkerRole.ATTACK and forward),
        # "X. However, Y": the turn is against the statement right before it
        float(role is MarkerRole.ATTACK and target.index == source.index - 1),
        # "A. But B": B turns against the statement right before it, so what A says bears against B
        float(target_role is MarkerRole.ATTACK and target.index == source.index + 1),
    ]


class PolarityScorer:
    """``attack.probability(polarity_features(source, target, …), polarity_words(source, target))``, equal bit for
    bit, as AttachScorer is for the attachment (every link's polarity is read; building its list of fifteen floats
    cost as much as the scoring): the terms of the true features and the scaled lean in POLARITY_FEATURES order, from
    0.0 as Linear.score's sum() adds them, then the bias, then the weights of both ends' word keys. Keep it in step
    with ``polarity_features`` (tests/extractors/test_argument_scorer.py compares the two)."""

    __slots__ = ("model",)

    def __init__(self, model: Linear) -> None:
        self.model = model

    def probability(self, source: Node, target: Node, *, dissent: bool, negation_differs: bool, lean: float) -> float:
        # unpacking fails loudly if POLARITY_FEATURES gains or loses a feature without this method following
        (w_attack, w_concession, w_counter, w_dissent, w_negation, w_evidence, w_thesis, w_lean, w_forward,
         w_target_attack, w_voice, w_granted, w_forward_attack, w_attack_previous, w_turn_after) = self.model.weights
        role = source.unit.marker.role if source.unit.marker is not None else None
        target_role = target.unit.marker.role if target.unit.marker is not None else None
        forward = target.index > source.index
        total = 0.0  # where sum() in Linear.score starts
        if role is MarkerRole.ATTACK and not forward:
            total += w_attack
        if source.unit.concession:
            total += w_concession
        if role is MarkerRole.COUNTER:
            total += w_counter
        if dissent:
            total += w_dissent
        if negation_differs:
            total += w_negation
        if source.evidence:
            total += w_evidence
        if target.thesis:
            total += w_thesis
        total += w_lean * (max(-3.0, min(3.0, lean)) / 3.0)
        if forward:
            total += w_forward
        if target_role is MarkerRole.ATTACK:
            total += w_target_attack
        if source.opposing != target.opposing:
            total += w_voice
        if source.granted:
            total += w_granted
        if role is MarkerRole.ATTACK and forward:
            total += w_forward_attack
        if role is MarkerRole.ATTACK and target.index == source.index - 1:
            total += w_attack_previous
        if target_role is MarkerRole.ATTACK and target.index == source.index + 1:
            total += w_turn_after
        dense = self.model.bias + total
        words = self.model.words
        if words:
            for word in polarity_words(source, target):
                dense += words.get(word, 0.0)
        return logistic(dense)


TYPING_FEATURES = (
    "opinion", "report", "measured", "kinds", "thesis_cue", "hedged", "conditional", "conclusion", "example",
    "support", "contrast", "concession", "rhetorical", "speech", "negated",
)


def typing_features(unit: ArgUnit, *, opinion: float, report: float, thesis_cue: bool, speech: bool,
                    negated: bool) -> list[float]:
    """What the unit's wording says about being evidence rather than a claim; ``opinion`` and ``report`` are
    its cue scores (data.CueSet.score), scaled so that three points of cues count as one."""
    role = unit.marker.role if unit.marker is not None else None
    return [
        min(2.0, opinion / 3.0),
        min(2.0, report / 3.0),
        float(unit.measured),
        float(bool(unit.evidence_kinds)),
        float(thesis_cue),
        float(unit.hedged),
        float(unit.conditional),
        float(role is MarkerRole.CONCLUSION),
        float(role is MarkerRole.EXAMPLE),
        float(role is MarkerRole.SUPPORT),
        float(role is MarkerRole.ATTACK),
        float(unit.concession),
        float(unit.rhetorical),
        float(speech),
        float(negated),
    ]


class TypingScorer:
    """``typing.probability(typing_features(unit, …))``, equal bit for bit: every unit of every article is typed,
    and building its list of fifteen floats cost more than the scoring. A false feature adds no term (adding 0.0
    leaves a sum of floats unchanged, and 1.0 * w is w), and the terms are added in TYPING_FEATURES order, as
    ``Linear.score`` adds them (from 0, before the bias), so every sum rounds the same way. The typing model weighs
    no words. Keep it in step with ``typing_features`` (tests/extractors/test_argument_scorer.py compares the two)."""

    __slots__ = ("model",)

    def __init__(self, model: Linear) -> None:
        self.model = model

    def probability(self, unit: ArgUnit, *, opinion: float, report: float, thesis_cue: bool, speech: bool,
                    negated: bool) -> float:
        # unpacking fails loudly if TYPING_FEATURES gains or loses a feature without this method following
        (w_opinion, w_report, w_measured, w_kinds, w_thesis_cue, w_hedged, w_conditional, w_conclusion, w_example,
         w_support, w_contrast, w_concession, w_rhetorical, w_speech, w_negated) = self.model.weights
        total = 0.0  # where sum() in Linear.score starts (0 + -0.0 is 0.0)
        total += w_opinion * min(2.0, opinion / 3.0)
        total += w_report * min(2.0, report / 3.0)
        if unit.measured:
            total += w_measured
        if unit.evidence_kinds:
            total += w_kinds
        if thesis_cue:
            total += w_thesis_cue
        if unit.hedged:
            total += w_hedged
        if unit.conditional:
            total += w_conditional
        role = unit.marker.role if unit.marker is not None else None
        if role is MarkerRole.CONCLUSION:
            total += w_conclusion
        elif role is MarkerRole.EXAMPLE:
            total += w_example
        elif role is MarkerRole.SUPPORT:
            total += w_support
        elif role is MarkerRole.ATTACK:
            total += w_contrast
        if unit.concession:
            total += w_concession
        if unit.rhetorical:
            total += w_rhetorical
        if speech:
            total += w_speech
        if negated:
            total += w_negated
        return logistic(self.model.bias + total)
