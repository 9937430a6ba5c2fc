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
Teva" speaks for Novartis, not for Teva). A brand named only in the closing attribution ("…, the Kelmar
Bank said", '…," said Kim Lee of Kelmar Research') is who speaks, not what is spoken of: a third party
quoted last mostly comments on someone else, so it is no subject (``closing_attribution``; companies
speaking of themselves mostly open the sentence: "BT said it would …").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from argmap.extractors.components.argument.data import ArgumentData
from argmap.extractors.model import Statement

_LOOKBACK = 8  # characters read before the reach, so that a word only looking like a negation (意想不到) is whole
# where a closing attribution may start: after a comma, a dash or a closing quotation mark
_ATTRIBUTION_BREAK = re.compile(r"[,，、;；—–]|\s-\s|(?P<quote>[\"”’」』])(?=\s*\w)")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+", re.UNICODE)
_AFTER_VERB = 3  # words after the speech verb: "the Kelmar Bank said", "told reporters", "said on Monday" — no content
_SPEAKER = 9  # words after a speech verb right after a quotation: '…," said Kim Lee, chair of Kelmar Research's
# panel' names who speaks (after a comma, "Jo Tan, a spokesman, said the system had flaws" says what was said)
_CLOSING = " .。!！\"”'’」』)）"
_QUOTES = ('"', "”", "’", "」", "』")


def closing_attribution(text: str, data: ArgumentData) -> int | None:
    """Where the attribution that closes ``text`` starts ("…, the Kelmar Bank said." → at "the Kelmar Bank
    said"; '…," said Kim Lee, an analyst at Kelmar Research.' → at "said"), or None. A closing attribution
    is at most ``attribution_reach`` characters after a comma, dash or closing quote, and either ends within a
    few words of a speech verb or, right after a quotation, opens with one and names a speaker after it ("he
    said the results were strong" reports content)."""
    if not data.attribution_reach:
        return None
    body = text.rstrip(_CLOSING)
    first = max(0, len(body) - data.attribution_reach)
    if data.speech.substrings and not data.speech.any(body[first:]):
        return None  # no speech word near the end (most units): every tail below lies in body[first:], none has one
    for brk in reversed(list(_ATTRIBUTION_BREAK.finditer(body, first))):
        tail = body[brk.end():]
        found = data.speech.found(tail)
        if not found:
            continue
        lead = len(tail) - len(tail.lstrip(" \"”'’"))
        after = len(_TOKEN.findall(tail[found[-1].end():]))
        # '…," said X' breaks at the quotation mark; '…”, said X' at the comma after it
        quoted = brk.group("quote") is not None or body[:brk.start()].rstrip().endswith(_QUOTES)
        if after <= _AFTER_VERB or (quoted and found[0].start() == lead and after <= _SPEAKER):
            return brk.end() + lead
    return None


def side(text: str, data: ArgumentData) -> int:
    """+1 favourable, -1 unfavourable, 0 no clear side. A trouble the unit names before a negated impact
    (芯片短缺并未对iPhone造成影响, "the shortage did not hurt sales") did no harm: it counts for the subject."""
    found = data.stance.found(text)
    if not found:
        return 0  # most units: no cue, and no negated impact to look for
    total = 0.0
    harmless = _no_impact_at(text, data)
    for m in found:
        weight = data.stance.weight(m)
        if weight and _negated(text, m.start(), data):
            weight = -weight
        if weight < 0 and m.end() <= harmless:
            weight = -weight
        total += weight
    return (total > 0) - (total < 0)


def _no_impact_at(text: str, data: ArgumentData) -> int:
    """Where the last negated impact in ``text`` starts (``no_impact`` in the cue data), or -1."""
    if data.no_impact is None:
        return -1
    found = [m.start() for m in data.no_impact.finditer(text)]
    return found[-1] if found else -1


def evaluative(text: str, data: ArgumentData) -> bool:
    """Wording of either side in ``text`` (成功, 遇冷, "lagging"): it says how someone fares, whichever way —
    what the claim budget ranks a claim by (statements.budget_rank), where ``side`` says which way."""
    return any(data.stance.weight(m) for m in data.stance.found(text))


def _negated(text: str, at: int, data: ArgumentData) -> bool:
    """A negation starts within ``negation_reach`` characters before ``at``."""
    start = max(0, at - data.negation_reach - _LOOKBACK)
    return any(data.stance_negation.weight(m) > 0 and start + m.start() >= at - data.negation_reach
               for m in data.stance_negation.found(text[start:at]))


def subjects(st: Statement, sources: tuple[str, ...] = (), *,
             owners: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The strategies the claim names, else the brand it names first that is not only who speaks (``sources``),
    else the brand of the first product it names (``owners``: product ref -> brand ref; "the lagging iPhone
    sales" speak of Apple). A claim that names none of these takes no subject: the brand its paragraph or
    the article is about was tried as one, and in a sample of 30 English news claims so placed, 4 spoke of
    that brand (the others of the economy, a market, a party quoted)."""
    strategies = tuple(r for r in st.mentions if r.startswith("strategy/"))
    if strategies:
        return strategies
    named = [r for r in st.mentions if r not in sources]
    brand = next((r for r in named if r.startswith("brand/")), None)
    if brand is None and owners:
        brand = next((owners[r] for r in named if r in owners and owners[r] not in sources), None)
    return (brand,) if brand is not None else ()


def set_stance(st: Statement, data: ArgumentData, sources: tuple[str, ...] = (), *,
               owners: Mapping[str, str] | None = None) -> None:
    """The claim's side on its subjects and the aspects it speaks of (its sales, its share price …: what
    claims of two articles on one brand are compared on); ``sources``: the refs its closing attribution alone
    names; ``owners``: each product's brand."""
    st.aspects = data.aspects_of(st.text)
    taken = side(st.text, data)
    if taken == 0:
        return
    about = subjects(st, sources, owners=owners)
    if taken > 0:
        st.argues_for = about
    else:
        st.argues_against = about
