"""``argmap_en_clauses_v1``: sentences into clauses (the ``units`` of the ``DocState``), each with its discourse
marker; a headline, or a clause of fewer than three words, is no argumentative unit.

A sentence splits at ``;``, before a marker that follows a comma (``…, because …``, ``…, but …``),
before ``because`` / ``but`` / ``although`` / ``whereas`` / ``in order to`` / ``unless`` (and ``as`` / ``since`` /
``so`` + a pronoun, not "such as those") even without a comma, before ``, as`` + a subject of its own (a reason:
"…, as the area is central"; not "…, as the company said") and ``, for`` + a pronoun ("…, for we need …"), before ``, since / as /
for`` + any subject and its finite verb ("…, since the old depot stands empty …", "…, for that plan
will …"), before ``, for,`` / ``, as,``, after the comma that closes an opening concession or reason
(``Although …, …``, ``And since …, …``, but not after an opening "since" of time: "Since 1999, …"; past a
relative clause inside it, a second clause of it
("Although A, and B, …") or a word it sets off ("Since, however, …")),
before ``and`` + a new subject, ``, and`` + any subject and its finite verb ("…, and small shops will close";
not "…, and therefore must …", nor the last item of a list), ``and also``, ``, and furthermore`` or
``, and who / how …`` (a question of its own),
before ``, which`` and a participle (``…, allowing …``, ``…, potentially putting …``), and at a comma
splice (``…, it just …``) unless the sentence opens with a condition.
A split is only made when both sides keep at least three words, and never inside parentheses or a
quotation (one voice, one statement — as the Chinese clauses already do), inside a reported "said that
…", before a closing attribution ("…, it has confirmed."), before a "which" clause that a comma closes inside
the sentence ("The smaller stores, which …, sell more"), between a short subject and the aside that
interrupts it ("…, however, urged"), before a second reported "that" clause
("…, but that margins would shrink"), before the "but" that completes a "not only" with no subject of its own
("…not only weathered the storm but achieved …"), before a marker set off by commas
that a verb follows (a subject of any length: "Raising the fee for every resident, however, is not fair"), or after
a short opening phrase ("In the northern stores, she expects …").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.lexicon import Lexicon, lexicon_for
from argmap.extractors.lang.en.markers import MarkerFinder
from argmap.extractors.state import DocState, MarkerRole, Unit, get_state
from argmap.extractors.text import alternation, in_quotation

MIN_WORDS = 3
_WORD = re.compile(r"[\w'’-]+")
_SEMICOLON = re.compile(r";\s+")
_SUBJECT = r"(?:it|they|he|she|we|i|you|this|that|these|those|there|the|many|most|people|its|their|our|my)\b"
_BARE_SPLIT = re.compile(
    # "this is because …", "the only reason … is because …": the clause is what the copula says; no cut before it
    r"(?<!\bis)(?<!\bwas)(?<!\bare)(?<!\bwere)(?<!['’]s)"
    r"\s(?=(?:because(?! of\b)|but|although|whereas|even though|in order to|unless)\b(?! also\b)"
    r"|(?<!\bas long )(?<!\bas soon )(?<!\bas far )(?<!\bas much )(?<!\bas well )(?<!\bjust )(?<!\bsuch )"
    r"(?:as|since|so(?:\s+that)?)\s+(?:it|they|he|she|we|i|you|there|this|these|those|people)\b"
    # "as we do", "as they grow up": a comparison or a time, not a reason
    r"(?!\s+(?:do|does|did|grow|grows|grew|get\s+older)\b))", re.I
)
# "…, and most people know …", "… and also helps …": a second clause, not a list
_AND_SUBJECT = re.compile(rf",\s+(?=(?:and|or)\s+{_SUBJECT})|\s(?=and\s+(?:it|they|he|she|we|i|you|there)\s)"
                          r"|,\s+(?=and\s+(?:furthermore|moreover|besides|additionally)\b)"
                          r"|\s(?=and\s+(?:also|(?:most|many|some)\s+people)\b)"
                          # "…, and who would question that?": a question of its own
                          r"|(?:,|\s[-–—])\s+(?=and\s+(?:who|how|what|why)\s)", re.I)
# a finite verb of a clause of its own: "…, and small shops in the centre will close"
_FINITE = (r"(?:is|are|was|were|will|would|can|could|may|might|must|should|shall|has|have|had|does|do|did|"
           r"isn['’]t|aren['’]t|wasn['’]t|weren['’]t|won['’]t|wouldn['’]t|can['’]t|cannot|couldn['’]t|"
           r"mustn['’]t|shouldn['’]t|hasn['’]t|haven['’]t|hadn['’]t|doesn['’]t|don['’]t|didn['’]t)")
# an adverb alone before the verb ("and therefore must be …") shares the first clause's subject: no cut
_ADVERB = r"(?:[a-z]+ly|therefore|thus|hence|also|so|then|still|yet|even|not|never|often|now|too|already)"
_NOUN_WORD = rf"(?!{_ADVERB}\b|{_FINITE}\b|(?:that|which|who|to|when|if|because|but)\b)[\w'’-]+"
_AND_CLAUSE = re.compile(
    rf",\s+(?=and\s+(?:{_ADVERB}\s+)?(?:[\w'’-]+\s+){{0,5}}?{_FINITE}\b)"
    rf"(?=and\s+(?:{_ADVERB}\s+)?{_NOUN_WORD}\s)",
    re.I)
# "Apple, Google, and Samsung are …": the last item of a list, not a clause
_LIST_BEFORE = re.compile(r",\s*[\w'’-]+(?:\s+[\w'’-]+){0,3},$")
# a participle clause takes an object ("…, allowing them to …"); "shoes, clothing and bags" is a list
_RELATIVE = re.compile(
    r",\s+(?=which\b)"
    r"|,\s+(?=(?:[a-z]+ly\s+)?(?!(?:according|including|excluding|regarding|concerning|following)\b)[a-z]+ing\s+"
    r"(?:the|a|an|it|them|us|him|her|their|its|our|more|less|people|to|up|out)\b)"
    r"|\s(?=thus\s+[a-z]+ing\b)"
)
_SPLICE = re.compile(r",\s+(?=(?:it|they|we|i|he|she|this|there)\s+[a-z'’]+)")
# "…, as the area is central", "…, for we need …": a reason with a subject of its own, not "…, as a kind of
# card" or "…, as the company said" (a comparison or an attribution)
_REASON_CLAUSE = re.compile(r",\s+(?=for\s+(?:we|they|it|he|she|there|this|i|you)\s+[a-z'’]+)"
                            r"|,\s+(?=as\s+(?:the|this|these|those|its|their|our|his|her|many|most|such|too)\s"
                            r"(?!(?:\S+\s+){0,4}(?:said|says|reported|expected|predicted|forecast|noted|announced|"
                            r"planned|promised|agreed|feared|hoped|shown|shows)\b))", re.I)
# "…, since the old depot stands empty …", "…, as tourists are …": a reason whose subject is any noun phrase,
# found by the finite verb that follows it (not "as long as", nor "as analysts had expected": an attribution)
_THAT_NOUN = rf"that\s+(?=[a-z])(?!{_FINITE}\b)[\w'’-]+"  # "that course": "that" as a determiner
_REASON_NP = re.compile(
    rf",\s+(?=(?:since|as|for)\s+(?!(?:well|long|much|far|soon|such|part|a\s+result|example|instance)\b)"
    rf"(?:{_ADVERB}\s+)?(?:{_THAT_NOUN}|{_NOUN_WORD})\s+(?:(?!(?:that|which|who)\b)[\w'’-]+\s+){{0,4}}?"
    rf"{_FINITE}\b)"
    r"(?!\S+\s+(?:\S+\s+){0,5}(?:said|says|reported|expected|predicted|forecast|noted|announced|planned|"
    r"promised|agreed|feared|hoped|shown|shows)\b)"
    r"|,\s+(?=(?:for|as|since),\s)", re.I)  # "…, for, as the last scandal has shown, …"
# "In the northern stores, she expects …": a short prepositional phrase opening the sentence, no clause
_OPENING_PHRASE = re.compile(r"[\s\"'“‘]*(?:in|on|at|for|with|by|after|before|during|under|over|across|among|"
                             r"within|without|from|to|of|as|like|despite|through|throughout)"
                             r"\s+(?:\S+\s+){0,4}\S+,?\s*", re.I)
_CONDITIONAL_OPENING = re.compile(r"[\s\"'“‘]*(?:if|when|unless|whenever|once)\b", re.I)
_OPENING_ROLES = {MarkerRole.CONCESSION, MarkerRole.SUPPORT}
_COMMA_ROLES = {
    MarkerRole.SUPPORT,
    MarkerRole.ATTACK,
    MarkerRole.CONCESSION,
    MarkerRole.COUNTER,
    MarkerRole.CONCLUSION,
}
# markers that after a comma usually start a phrase, not a clause, or join two facts ("sales rose, while
# profits fell": no concession the writer grants)
_NOT_AFTER_COMMA = {"as", "since", "still", "despite", "in spite of", "due to", "because of", "for", "overall", "in the end",
                    "while", "whilst"}
# what makes an opening "since …" a time: a year, a month, "then", "ago", "last …", the start of something
_TIME = re.compile(r"\b(?:then|(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|"
                   r"November|December|ago|last|onset|start|beginning|launch|formation|appointment|taking|going)\b",
                   re.I)
TITLE_WORDS = 20
_BLANK_LINE = re.compile(r"[ \t]*\n[ \t]*\n")
_HEADLINE_END = ".!?\"”’'…:)]"  # a line ending "[…]" (an elided quote) or "[1]" is a sentence


def _words(text: str) -> int:
    return len(_WORD.findall(text))


class ClauseSplitter:
    def __init__(self, lexicon: Lexicon) -> None:
        self.markers = MarkerFinder(lexicon)
        self.set_off_then = set_off_pattern([m.marker for m in lexicon.discourse.values()])

    def __call__(self, doc: Doc) -> Doc:
        st = get_state(doc)
        text = st.content
        st.units = []
        heading_starts = sorted(h.start for h in st.headings)
        for index, sent in enumerate(st.sentences):
            headline = ((text[sent.end - 1] not in _HEADLINE_END and _ends_line(text, sent.end))
                        or (index == 0 and _is_title(text, sent.start, sent.end)))
            for start, end in self.split(text, sent.start, sent.end):
                st.units.append(self._unit(st, start, end, index, headline, heading_starts))
        return doc

    def _unit(self, st: DocState, start: int, end: int, sentence: int, headline: bool,
              heading_starts: list[int]) -> Unit:
        marker = self.markers.find(st.content, start, end)
        return Unit(start, end, sentence, st.sentence_paragraph[sentence],
                    # the section: how many headings come before the clause
                    bisect_right(heading_starts, start), marker=marker,
                    concession=marker is not None and marker.role is MarkerRole.CONCESSION,
                    heading=st.in_heading(start, end),
                    argumentative=not headline and _words(st.content[start:end]) >= MIN_WORDS)

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        # never inside parentheses: "($10.2bn; £5.5bn)" is one aside, not two clauses
        cuts = sorted(c for c in set(self._cuts(text, start, end))
                      if not _parenthesised(text, start, c) and not in_quotation(text, start, c))
        spans, left = [], start
        for cut in cuts:
            both_sides = _words(text[left:cut]) >= MIN_WORDS and _words(text[cut:end]) >= MIN_WORDS
            if both_sides and _clause_edge(text, left, cut, end, self.set_off_then):
                spans.append(_strip(text, left, cut))
                left = cut
        spans.append(_strip(text, left, end))
        return [s for s in spans if s[0] < s[1]]

    def _cuts(self, text: str, start: int, end: int) -> list[int]:
        cuts = [m.end() for m in _SEMICOLON.finditer(text, start, end)]
        cuts += [m.end() for m in _BARE_SPLIT.finditer(text, start, end) if m.end() > start + 1]
        cuts += [m.end() for m in _AND_SUBJECT.finditer(text, start, end)]
        cuts += [m.end() for m in _AND_CLAUSE.finditer(text, start, end)
                 if not _LIST_BEFORE.search(text, start, m.start() + 1)]
        cuts += [m.end() for m in _RELATIVE.finditer(text, start, end)]
        cuts += [m.end() for m in _REASON_CLAUSE.finditer(text, start, end)]
        cuts += [m.end() for m in _REASON_NP.finditer(text, start, end)]
        if not _CONDITIONAL_OPENING.match(text, start, end):  # "If X, it …" is one conditional claim
            # "Edge cases aside, there is …": a short opening phrase is no clause of its own
            cuts += [m.end() for m in _SPLICE.finditer(text, start, end)
                     if _words(text[start:m.start()]) > MIN_WORDS
                     and not _OPENING_PHRASE.fullmatch(text, start, m.start())]
        for comma in re.finditer(r",\s+", text[start:end]):
            pos = start + comma.end()
            marker = self.markers.at_start(text, pos, end)
            if marker and marker.role in _COMMA_ROLES and marker.text.lower() not in _NOT_AFTER_COMMA:
                cuts.append(pos)
        opening = self.markers.at_start(text, start, end)
        if opening and opening.role in (MarkerRole.CONTINUATION, MarkerRole.ADDITION):
            # "And since A, B", "Also, although A, B": the reason or concession after the joining word opens it
            opening = self.markers.at_start(text, opening.end, end) or opening
        if opening and opening.role in _OPENING_ROLES and opening.text.lower() not in {"as", "for"}:
            comma = _closing_comma(text, opening.end, end)
            # "Since 1999, …", "Since taking over in 1986, …": news mostly opens with a time, not a reason
            if (comma > 0 and not (opening.text.lower() == "since" and _TIME.search(text, opening.end, comma))
                    and not _bare_phrase(opening.text, text, opening.end, comma)):
                cuts.append(comma + 1)
        return cuts


_THAT_BEFORE = re.compile(r"\bthat\s*$", re.I)
# "…, it has confirmed.", "…, he said." closing a sentence: who says it, not a clause of its own
_ATTRIBUTION = re.compile(r"\s*(?:it|he|she|they|we|the \w+)\s+(?:has\s+|have\s+|had\s+)?"
                          r"(?:said|says|confirmed|added|told|reported|announced|stated|explained|wrote)\b[^,;]*$",
                          re.I)
# "…, but that margins would shrink": a second "that" clause of what someone said, not a clause of its own
# ("…, and that is true" opens one: "that" is its subject)
_SECOND_THAT = re.compile(r"(?:but|and|or)\s+that\s+(?:the|this|these|those|it|its|they|their|he|his|she|her|we|"
                          r"our|i|you|there|a|an|not|no|many|most|some|all|every\w*|[A-Z])\b")


def set_off_pattern(markers: list[str]) -> re.Pattern[str]:
    """A marker set off by commas ("…, however, urged …", "…, on the other hand, is …") and the word after it:
    any single word, or one of the lexicon's markers of several words."""
    phrases = alternation(m for m in markers if " " in m)
    return re.compile(rf"(?:{phrases + '|' if phrases else ''}[a-z]+),\s+([\w'’]+)", re.I)


# what opens a clause of its own after a marker set off by commas ("…, however, it seems …"); a verb there
# ("Raising the fee, however, is not fair") continues the clause the marker interrupts
_CLAUSE_OPENERS = frozenset(
    "it they he she we i you this that these those there the a an many most some all no people its their our my "
    "his her if when whenever once since because although though while unless anything everything nothing "
    "something someone everyone nobody".split())
_WHICH = re.compile(r"which\b", re.I)
_LATER_COMMA = re.compile(r",(?!\d)")  # not a thousands separator (130,000)
# "the new logo, and the move to Zandia, were meant to …": a second subject set off by commas, its verb shared
_SECOND_SUBJECT = re.compile(rf"(?:and|or)\s+[^,.;:!?]{{1,60}},\s+{_FINITE}\b", re.I)
# "not only weathered the storm but achieved record growth": the "but" completes the pair and shares the subject,
# it turns nothing ("Not only do kids lose …, but they also …" has a subject of its own: two clauses)
_NOT_ONLY = re.compile(r"\bnot\s+(?:only|just|merely|simply)\b(?![^,;]*\bbut\b)", re.I)
_BUT_SAME_SUBJECT = re.compile(rf"but\s+(?!{_SUBJECT})", re.I)
ASIDE_SUBJECT = 4  # words: "Shares in Hoka, which …, were up" — a subject this short has no clause of its own


def _clause_edge(text: str, left: int, cut: int, end: int, set_off_then: re.Pattern[str]) -> bool:
    """Whether ``cut`` really starts a new clause: not inside a reported "said that …", not before a closing
    attribution ("…, it has confirmed.") or a second reported "that" clause ("…, but that the …"), not before
    a marker set off by commas that a verb follows ("…, however, is not fair"), not before the "but" that
    completes a "not only …" with no subject of its own ("…not only weathered the storm but achieved …"), not
    before a "which" clause that a comma closes ("Shares in Hoka, which changed its logo …, were up": part 1 of the
    microtexts splits none of these), and not between a short subject and the aside that interrupts it ("Hoka,
    however, …")."""
    if (_THAT_BEFORE.search(text, left, cut) or _ATTRIBUTION.fullmatch(text, cut, end)
            or _SECOND_THAT.match(text, cut, end) or _SECOND_SUBJECT.match(text, cut, end)
            or (_BUT_SAME_SUBJECT.match(text, cut, end) and _NOT_ONLY.search(text[left:cut]))):
        return False
    set_off = set_off_then.match(text, cut, end)
    if set_off and not _opens_clause(set_off.group(1)):
        return False
    # a relative clause that a comma closes before the sentence ends sits inside the clause it interrupts
    if _WHICH.match(text, cut, end) and _LATER_COMMA.search(text[cut:end].rstrip(".!?\"”’ ")):
        return False
    return _words(text[left:cut]) > ASIDE_SUBJECT or set_off is None


def _opens_clause(word: str) -> bool:
    """A subject, or a subordinator, can open a clause; a name inside a sentence is a subject too."""
    return word.lower() in _CLAUSE_OPENERS or word[:1].isupper()


_RELATIVE_AFTER = re.compile(r",\s*(?:which|who|whose|where)\b", re.I)


_COORDINATED_AFTER = re.compile(r",\s*(?:and|or)\b", re.I)
# concession markers that take a noun phrase, and what shows a clause inside that phrase
_PREPOSITIONS = frozenset(("despite", "in spite of", "notwithstanding", "regardless of"))
_CLAUSE_INSIDE = re.compile(rf"\b(?:{_FINITE}|which|who|whom|whose|that)\b", re.I)


def _closing_comma(text: str, start: int, end: int) -> int:
    """The comma that closes an opening concession or reason: the first one not opening a relative clause
    inside it ("Although Kelmar raised its fees twice, which …, the club kept …"), nor a second clause of
    it ("Although A, and B, …"), nor one that sets off a single word ("Since, however, …"); -1 if none."""
    comma, piece = text.find(",", start, end), start
    while comma > 0 and (_RELATIVE_AFTER.match(text, comma, end) or _COORDINATED_AFTER.match(text, comma, end)
                         or _words(text[piece:comma]) <= 1):
        comma, piece = text.find(",", comma + 1, end), comma + 1
    return comma


def _bare_phrase(marker: str, text: str, start: int, end: int) -> bool:
    """A preposition of concession before a noun phrase with no clause in it ("Despite the warnings, sales
    rose"; not "Despite the clashes, which have threatened to escalate, …"): it qualifies the clause after it,
    which is one statement."""
    return marker.lower() in _PREPOSITIONS and not _CLAUSE_INSIDE.search(text, start, end)


def _parenthesised(text: str, start: int, pos: int) -> bool:
    """``pos`` lies inside a parenthesis opened since ``start``."""
    return text.count("(", start, pos) > text.count(")", start, pos)


def _ends_line(text: str, end: int) -> bool:
    """A line ends here: a sentence cut short by a skipped span ("… last year (Source: …)") is no headline."""
    rest = text[end : end + 200].lstrip(" \t")
    return not rest or rest[0] in "\r\n"


def _is_title(text: str, start: int, end: int) -> bool:
    """The opening line, set off by a blank line and short, is the title even when it ends with "?"."""
    return not text[:start].strip() and bool(_BLANK_LINE.match(text, end)) and _words(text[start:end]) <= TITLE_WORDS


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, and a comma or semicolon that only joined this clause to the next."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


@Language.factory("argmap_en_clauses_v1", default_config={"data_dir": "", "lexicons": []})
def make_clauses(nlp: Language, name: str, data_dir: str, lexicons: list[str]) -> ClauseSplitter:
    return ClauseSplitter(lexicon_for("en", lexicons, data_dir))
