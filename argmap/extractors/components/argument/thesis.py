"""``argmap_thesis_v1``: the article's central claim, from its structure and wording — not position alone.

Each claim (and the lead statement, which news writing makes the summary of the story) is scored by a
linear model over: the writer stating a position (我们认为, 笔者认为, "I think", "overall" …), how much it
judges rather than reports, how much of the title it repeats, whether it opens or closes the text or
sits in its lead or closing paragraph, whether it speaks of the main brand's strategy, and whether its
marker makes it a reason, example, concession or objection, a conclusion, a conditional or a question,
and whether a sentence right after it turns against it ("A. But still B.": A is granted)
(``features.thesis_features``). The weights (``thesis.json``) were learned from argument graphs by
``python -m argmap.extractors.train.argument``. The winner becomes a claim if it was not one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.components.argument.data import ArgumentData, argument_data, evidence_sides
from argmap.extractors.components.argument.features import (
    SHORT,
    THESIS_FEATURES,
    ThesisCandidate,
    countered,
    emphatic,
    subordinate,
    thesis_features,
    turned_against,
)
from argmap.extractors.components.argument.linear import Linear
from argmap.extractors.components.argument.model import ArgumentState, Regions, argument_state, opens_sentence
from argmap.extractors.components.argument.overlap import content_keys
from argmap.extractors.components.argument.stance import set_stance
from argmap.extractors.model import Statement, StatementKind
from argmap.extractors.state import most_named_brand
from argmap.extractors.text import quoted_at, quoted_share

WEIGHTS = Path(__file__).resolve().parent / "thesis.json"
QUOTED = 0.5  # share of a statement's letters inside quotation marks past which it is the quoted party's
OPENING_QUOTE = 0.25  # … or past which a quotation the statement opens with is (the rest: who said it)


@lru_cache(maxsize=2)
def load_thesis_model(path: Path = WEIGHTS) -> Linear:
    """A linear score over features.THESIS_FEATURES; the best-scoring candidate is the thesis."""
    return Linear.read(json.loads(path.read_text(encoding="utf-8")), THESIS_FEATURES)


def main_brand(state: ArgumentState) -> str | None:
    """The brand named most often outside headings (ties: the one named first), for units that come without one."""
    return most_named_brand(r for u in state.units if not u.heading for r in u.refs)


def opens_body(state: ArgumentState, st: Statement) -> bool:
    """``st`` opens the article's text: only headings before it. After a question that opens the article
    (你听说过X吗？) the first statement answers the hook, not the question the article argues."""
    return all(u.heading for u in state.units[:state.unit_of[st.id]])


def candidates(state: ArgumentState) -> list[ThesisCandidate]:
    """Every claim, and the first statement whatever its kind (in a short text: every statement but evidence of a kind)."""
    data = argument_data(state.lang)
    title_keys = content_keys(state.title)
    places = regions(state)
    owner = state.main_brand.split("/", 1)[1] if state.main_brand else None
    sides = evidence_sides()
    # a C-level disjointness test per statement: most have no evidence kind, and each any() started a generator
    argued = sum(1 for st in state.statements if not sides.keys().isdisjoint(st.evidence_kinds)) >= 2
    units = [state.unit(st) for st in state.statements]
    # the first statement the writer asserts: not a reason, example or objection, and not the A of "A, but B"
    # (the writer grants A and asserts B)
    granted = countered(units)
    turned = turned_against(units)
    main = next((i for i, u in enumerate(units)
                 if not granted[i] and (not subordinate(u) or (i > 0 and granted[i - 1]))), None)
    out = []
    short_text = len(state.statements) <= SHORT  # a short text argues in every sentence: any may be its point
    for i, st in enumerate(state.statements):
        claim = st.kind is StatementKind.CLAIM
        if not claim and (i or not opens_body(state, st)) and (st.evidence_kinds or not short_text):
            continue  # evidence of a kind (promotion dependence …) is grounds by nature, never the point — but a
            # news story's opening sentence is its summary, whatever it reports ("Shoppers have welcomed the cheaper model …")
        if st.conditional and not short_text:
            continue  # 如果…那么: a hypothesis the article weighs, not the position it states
        share = len(title_keys & content_keys(st.text)) / len(title_keys) if title_keys else 0.0
        out.append(ThesisCandidate(
            unit=units[i], index=i, count=len(state.statements), claim=claim,
            # "we believe" inside a quotation, set off as a block or in quote marks, is the quoted party's
            # position, not the writer's
            thesis_cue=data.thesis_cue(st.text, unquoted=True, measured=units[i].measured)
            and not state.regions.quoted(st.start, st.end),
            lean=state.opinion.get(st.id, 0.0),
            judging=state.judging.get(st.id, 0.0), title_share=share,
            lead=i in places[0], closing=i in places[1], strategy=bool(owner) and any(m.startswith(f"strategy/{owner}-") for m in st.mentions),
            debated=argued and bool(owner) and f"strategy/{owner}-premiumization" in st.mentions,
            first_main=i == main, answer=data.answers(st.text), emphatic=emphatic(st.text),
            summary=data.sums_up(st.text, measured=units[i].measured),
            opens_sentence=opens_sentence(state.units, state.unit_of[st.id]),
            counter=i > 0 and granted[i - 1], normative=data.prescribes(st.text), turned=turned[i],
            dated_opening=data.dated_opening(st.text),
        ))
    if short_text:
        return out
    # an article's thesis is its writer's: a party it quotes, or whose words it tells ("…, he said"), argues a
    # point of the story — but a news story's lead is its summary, whoever it cites (of 240 BBC stories, this
    # changed the thesis of 10, to the lead in 8; eval_gold typed 109 -> 110)
    own = [c for c in out if not spoken(state.statements[c.index])
           and not (c.index and told(state.statements[c.index].text, data))]
    return own or out


# the writer's own voice before a speech word: "fair to say", "needless to say", 笔者指出 (a first person is mostly
# a quoted party's in news: "I'd say 70% of the donations came from strangers")
_OWN_VOICE = re.compile(r"(?:(?:^|[^\w'’])to\s+|笔者)$", re.I)


def told(text: str, data: ArgumentData) -> bool:
    """Another party's words the writer tells ("…, he said", 分析师表示): a speech word not in the writer's
    own voice ("It is fair to say …" is the writer's)."""
    return any(_OWN_VOICE.search(text, 0, m.start()) is None for m in data.speech.found(text))


def spoken(statement: Statement) -> bool:
    """The statement is another party's words: mostly inside quotation marks, or a quotation it opens with
    ('"Overall I see a low risk …," said …'). A block quotation may be the writer's own preface (much Chinese
    commentary sets its opening note so): its thesis cues are another party's, but it may state the point."""
    text = statement.text
    share = quoted_share(text)
    if share > QUOTED:
        return True
    if not share > OPENING_QUOTE:
        return False  # most statements: no quotation to open with, and their first letter need not be found
    first = next((i for i, ch in enumerate(text) if ch.isalpha()), None)
    # a quoted term opening a statement (“物美价廉”的产品特性…) fills little of it
    return first is not None and quoted_at(text, first)


def regions(state: ArgumentState) -> tuple[set[int], set[int]]:
    """The statements in the lead and in the closing section, as the document layer found them; without it
    (plain strings), the first and the last paragraph. A text of one or two paragraphs has neither."""
    units = [state.unit(st) for st in state.statements]
    paragraphs = [u.paragraph for u in units]
    if len(set(paragraphs)) <= 2:
        return set(), set()
    lead, closing = state.regions.lead, state.regions.conclusion
    in_lead = {i for i, u in enumerate(units) if (Regions.inside(lead, u.start, u.end) if lead else u.paragraph == paragraphs[0])}
    in_closing = {i for i, u in enumerate(units)
                  if (Regions.inside(closing, u.start, u.end) if closing else u.paragraph == paragraphs[-1])}
    return in_lead, in_closing


def choose(state: ArgumentState, model: Linear) -> int | None:
    """The index of the thesis among the statements (ties: the earlier)."""
    found = candidates(state)
    if not found:
        return None
    best = max(found, key=lambda c: (model.score(thesis_features(c)), -c.index))
    return best.index


class ThesisFinder:
    def __init__(self, model: Linear) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        state = argument_state(doc)
        state.main_brand = state.main_brand or main_brand(state)
        index = choose(state, self.model)
        if index is not None:
            set_thesis(state, index)
        return doc


def set_thesis(state: ArgumentState, index: int) -> None:
    """Make statement ``index`` the thesis (and a claim), and no other."""
    for i, st in enumerate(state.statements):
        st.central = i == index
    thesis = state.statements[index]
    if thesis.kind is not StatementKind.CLAIM:
        thesis.kind, thesis.evidence_kinds = StatementKind.CLAIM, ()
        set_stance(thesis, argument_data(state.lang), state.unit(thesis).sources, owners=state.owners)
        _keep_max_claims(state)


def _keep_max_claims(state: ArgumentState) -> None:
    """A thesis read from evidence joins the claims: past ``max_claims``, the claim that judges least (its lean;
    the later of two) gives way, so that a long article still yields at most that many claims."""
    claims = [st for st in state.statements if st.kind is StatementKind.CLAIM]
    if state.max_claims is None or len(claims) <= state.max_claims:
        return
    weakest = min((st for st in claims if not st.central), key=lambda st: (state.opinion.get(st.id, 0.0),
                                                                             -state.unit_of[st.id]))
    weakest.kind, weakest.evidence_kinds = StatementKind.EVIDENCE, state.unit(weakest).evidence_kinds
    weakest.argues_for = weakest.argues_against = weakest.aspects = ()



@Language.factory("argmap_thesis_v1")
def make_thesis(nlp: Language, name: str) -> ThesisFinder:
    return ThesisFinder(load_thesis_model())
