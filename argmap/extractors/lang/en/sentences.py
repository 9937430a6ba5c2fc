"""``argmap_en_sentences_v2``: sentence spans after spaCy's sentencizer, refined for articles.

Line breaks always end a sentence (headlines have no full stop); a piece that starts in lower case
continues the sentence before it (``"Really?" she asked.``) unless that one ends in a full stop right
after a word (informal writing opens sentences in lower case) or it opens with a camel-case name (iPhone,
eBay); a quote mark that opens the next sentence goes with it; a plain-text list item's "- " is no part
of its sentence; the boilerplate spans the document layer marked (argmap/documents/data/boilerplate.json)
are cut out. A line break between two sentences starts a new paragraph (``DocState.sentence_paragraph``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.model import Span
from argmap.extractors.text import inside_sentence
from argmap.extractors.state import get_state

_LINE = re.compile(r"[^\n]+")


_BULLET = re.compile(r"[-–•*]\s+")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    bullet = _BULLET.match(text, start, end)  # a list item's "- " in plain text is no part of its sentence
    if bullet is not None:
        start = bullet.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# a word that ends a sentence with a full stop: lower-case letters, longer than the short abbreviations the
# tokenizer does not know ("ex.", "ca."), and none of the longer ones ("approx. five", "etc. are")
_FULL_STOP = re.compile(r"([a-z]{4,})\.$")
_ABBREVIATIONS = frozenset({"approx", "incl", "excl", "resp", "figs", "dept", "govt", "corp", "ibid", "cont"})
# a name written in camel case (iPhone, eBay, iOS) opens a sentence in lower case
_CAMEL = re.compile(r"[a-z]+[A-Z]")


def _continues(text: str, start: int, before: str) -> bool:
    """The piece at ``start`` goes on the sentence ``before`` it: it opens with closing punctuation, or in lower
    case after a question, an exclamation or an abbreviation ('"Really?" she asked.', 'e.g. in China'), or
    with a digit or a letter right after a full stop (a decimal, or a dotted name such as shop.Kelmar.com, that
    the sentencizer cut)."""
    first = text[start]
    glued = text[start - 1 : start] == "." and text[start - 2 : start - 1].isalnum()  # no space after the stop
    if first in ",;:)]”’" or (first.isalnum() and glued):
        return True
    if not first.islower() or _CAMEL.match(text, start):
        return False
    stop = _FULL_STOP.search(before)
    return stop is None or stop.group(1) in _ABBREVIATIONS


class SentenceRefiner:
    def __call__(self, doc: Doc) -> Doc:
        st = get_state(doc)
        text = st.content
        st.skipped = _merged(st.skipped)
        pieces: list[tuple[int, int]] = []
        for sent in doc.sents:
            for line in _LINE.finditer(text, sent.start_char, sent.end_char):
                start, end = _trim(text, line.start(), line.end())
                if start == end:
                    continue
                last = pieces[-1] if pieces else None
                if last and _continues(text, start, text[last[0] : last[1]]) and "\n" not in text[last[1] : start]:
                    pieces[-1] = (last[0], end)
                else:
                    pieces.append((start, end))
        pieces = _opening_quotes_forward(text, pieces)
        ends = [sp.end for sp in st.skipped]
        st.sentences = [Span(s, e) for start, end in pieces for s, e in _minus_skipped(text, st.skipped, ends, start, end)]
        st.sentence_paragraph = _paragraphs(text, st.sentences)
        return doc


def _paragraphs(text: str, sentences: list[Span]) -> list[int]:
    """Paragraph number of each sentence: a line break between two sentences starts a new paragraph."""
    out: list[int] = []
    for i, sent in enumerate(sentences):
        new = i > 0 and "\n" in text[sentences[i - 1].end:sent.start]
        out.append((out[-1] + (1 if new else 0)) if out else 0)
    return out


def _opening_quotes_forward(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quote mark that opens the next sentence goes with it: the sentencizer leaves the '"' of
    '… declined to comment. "The two companies …' on the sentence before (a straight quote after a space,
    or an opening curly quote, ending a piece)."""
    out = list(pieces)
    for i in range(len(out) - 1):
        start, end = out[i]
        nxt_start, nxt_end = out[i + 1]
        if end - start < 2:
            continue
        # an opening curly quote, or a straight one after a space that leaves the piece's quotes unbalanced
        opens = text[end - 1] == "“" or (text[end - 1] == '"' and text[end - 2].isspace()
                                         and text.count('"', start, end) % 2 == 1)
        if opens and not text[end:nxt_start].strip() and "\n" not in text[end - 1:nxt_start]:
            out[i] = _trim(text, start, end - 1)
            out[i + 1] = (end - 1, nxt_end)
    return out


def _merged(spans: list[Span]) -> list[Span]:
    """Sorted, with overlapping spans joined (callers may pass spans that overlap)."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda sp: (sp.start, sp.end)):
        if out and span.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return out


def _minus_skipped(text: str, skipped: list[Span], ends: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) without the skipped spans in it (a whole boilerplate line, or an inline
    "(Source: …)" at a sentence's end; one inside it stays: text.inside_sentence); pieces without a letter or
    digit go."""
    out, cut = [], start
    for sp in skipped[bisect_right(ends, start) :]:
        if sp.start >= end:
            break
        if inside_sentence(text, sp.start, sp.end, start, end):
            continue
        out.append((cut, max(cut, sp.start)))
        cut = max(cut, sp.end)
    out.append((cut, end))
    pieces = [_trim(text, s, e) for s, e in out]
    return [(s, e) for s, e in pieces if any(ch.isalnum() for ch in text[s:e])]


# v2: boilerplate is the document layer's (v1 also matched boilerplate rows of the English data).
@Language.factory("argmap_en_sentences_v2", default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceRefiner:
    return SentenceRefiner()
