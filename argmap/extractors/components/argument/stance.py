"""Which side a claim takes on the strategies it names — what lets the reasoner compare claims of different
articles (am:arguesFor / am:arguesAgainst → am:agreesWith / am:contradicts).

A claim argues *for* a strategy it names when its wording is favourable (成功, 站稳高端, "is working") and
*against* it when unfavourable (仍停留在价格层面, 难以, "struggling"); a negation before a favourable cue
(并未成功, "not working") turns it against. A claim that names no strategy but a brand takes its side on
the brand. Claims with both kinds of wording, or neither, take no side: comparing them would be guessing.
"""

from __future__ import annotations

from argmap.extractors.components.argument.data import ArgumentData
from argmap.extractors.model import Statement

_NEGATION_REACH = 6  # characters before a favourable cue where a negation turns it around


def side(text: str, data: ArgumentData) -> int:
    """+1 favourable, -1 unfavourable, 0 no clear side."""
    favourable = unfavourable = 0
    for m in data.favourable.found(text):
        window = text[max(0, m.start() - _NEGATION_REACH):m.start()]
        if data.negation.any(window):
            unfavourable += 1
        else:
            favourable += 1
    unfavourable += len(data.unfavourable.found(text)) + len(data.against.found(text))
    if favourable and not unfavourable:
        return 1
    if unfavourable and not favourable:
        return -1
    return 0


def subjects(st: Statement) -> tuple[str, ...]:
    """The strategies the claim names, else the brands."""
    strategies = tuple(r for r in st.mentions if r.startswith("strategy/"))
    return strategies or tuple(r for r in st.mentions if r.startswith("brand/"))


def set_stance(st: Statement, data: ArgumentData) -> None:
    taken = side(st.text, data)
    if taken > 0:
        st.argues_for = subjects(st)
    elif taken < 0:
        st.argues_against = subjects(st)
