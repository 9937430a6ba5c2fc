"""Which side a claim takes on what it is about — what lets the reasoner compare claims of different
articles (am:arguesFor / am:arguesAgainst → am:agreesWith / am:contradicts).

A claim argues *for* its subject when its wording says the subject does well (成功, 增长, 站稳高端, "is
working", "grew") and *against* it when it says the subject does badly (仍停留在价格层面, 下滑, 难以,
"struggling", "fell"). The cues are language data (``favourable`` and ``unfavourable`` in
``lang/<lang>/argument.json``), read as one signed pattern (``ArgumentData.stance``) so that the longer of
two overlapping cues decides ("rising costs" against, "rising" for). A negation just before a cue
(并未成功, "did not succeed") turns it around; a word that only looks like one (不仅, 未来, "not only")
does not. Claims with as much wording of one side as of the other, or none, take no side: comparing them
would be guessing.

The subject is the strategies the claim names (小米高端化); a claim that names none is about the brand it
names first — in both languages mostly the one the sentence is about ("Novartis' Sandoz will overtake
Teva" speaks for Novartis, not for Teva).
"""

from __future__ import annotations

from argmap.extractors.components.argument.data import ArgumentData
from argmap.extractors.model import Statement

_LOOKBACK = 8  # characters read before the reach, so that a word only looking like a negation (意想不到) is whole


def side(text: str, data: ArgumentData) -> int:
    """+1 favourable, -1 unfavourable, 0 no clear side."""
    total = 0.0
    for m in data.stance.found(text):
        weight = data.stance.weight(m)
        if weight and _negated(text, m.start(), data):
            weight = -weight
        total += weight
    return (total > 0) - (total < 0)


def _negated(text: str, at: int, data: ArgumentData) -> bool:
    """A negation starts within ``negation_reach`` characters before ``at``."""
    start = max(0, at - data.negation_reach - _LOOKBACK)
    return any(data.stance_negation.weight(m) > 0 and start + m.start() >= at - data.negation_reach
               for m in data.stance_negation.found(text[start:at]))


def subjects(st: Statement) -> tuple[str, ...]:
    """The strategies the claim names, else the brand it names first."""
    strategies = tuple(r for r in st.mentions if r.startswith("strategy/"))
    return strategies or tuple(r for r in st.mentions if r.startswith("brand/"))[:1]


def set_stance(st: Statement, data: ArgumentData) -> None:
    taken = side(st.text, data)
    if taken > 0:
        st.argues_for = subjects(st)
    elif taken < 0:
        st.argues_against = subjects(st)
