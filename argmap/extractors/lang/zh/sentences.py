"""Sentences and clauses: split on Chinese and English end punctuation and quotes, then at
；, at a comma opening a contrast (…，但…), which is where the argument turns, and at a comma opening a
conclusion (…，因此…) or a reason given after its claim (…，毕竟…, …，因为…)."""

from __future__ import annotations

import re
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.lexicon import Lexicon, compile_cues, lexicon_for
from argmap.extractors.model import Span
from argmap.extractors.text import inside_sentence
from argmap.extractors.state import DocState, Marker, MarkerRole, Unit, get_state

TERMINATORS = frozenset("。！？!?…")
OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")"}
CLOSERS = frozenset(OPENERS.values())
CLAUSE_ENDS = frozenset("；;")
COMMAS = frozenset("，,")
MIN_ANSWER = 10  # characters: 「A，但实情并非如此」 is one statement; so short a turn is no claim of its own
MIN_TURN = 8  # characters before the asking clause: 「但你有没有想过，为什么…？」 is one question
MIN_QUESTION = 6  # characters of the asking clause itself
_ASKS_AFTER = ("，", ",", "：", ":")
# a reason marker that mostly opens a fronted reason (…，由于X，Y): cut before it, Y's claim would go with the reason
_FRONTED = ("由于",)
# Only these characters change the state of the scanners, so regexes jump between them.
_SENTENCE_EVENTS = re.compile("[" + re.escape("".join(TERMINATORS) + "".join(OPENERS) + "".join(CLOSERS) + ".") + "]")
_CLAUSE_EVENTS = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSERS) + "".join(CLAUSE_ENDS) + "".join(COMMAS)) + "]")
_HEADING_MAX = 24
_HEADING_PUNCT = re.compile(r"[。！？!?，,；;：:]")


class ZhSentences:
    def __init__(self, lexicon: Lexicon) -> None:
        markers = sorted(lexicon.discourse, key=len, reverse=True)
        self.markers = [(m, MarkerRole(lexicon.discourse[m].role)) for m in markers]
        # The markers by first character, longest first as above: a unit is compared with those only
        # (an empty marker, shortest of all, would match anywhere: it stays last in every list).
        self.empty = [(m, role) for m, role in self.markers if not m]
        self.by_first: dict[str, list[tuple[str, MarkerRole]]] = {}
        for marker, role in self.markers:
            if marker:
                self.by_first.setdefault(marker[0], []).append((marker, role))
        for same_first in self.by_first.values():
            same_first.extend(self.empty)
        self.contrast = tuple(m for m, role in self.markers if role is MarkerRole.ATTACK and m != "却")
        # "…，因此…", "…，这意味着…": what follows the comma is drawn from what precedes it — a claim of its own
        self.conclusion = tuple(m for m, role in self.markers if role is MarkerRole.CONCLUSION and len(m) >= 2)
        # "…，毕竟…", "…，因为…": a reason given after its claim is a statement of its own, as "…, because …" is
        self.reason = tuple(m for m, role in self.markers if role is MarkerRole.SUPPORT and m not in _FRONTED)
        # "然而，从另一个角度看，X又何尝不是…呢？": a rhetorical question asserts — the turn and it are one statement
        self.rhetorical = compile_cues(lexicon.cue_list("rhetorical"))

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        text, sentences, paragraph_of, units = state.content, state.sentences, state.sentence_paragraph, state.units
        section = 0
        for paragraph, (start, end) in enumerate(_lines(state)):
            if _is_heading(text[start:end]) or state.in_heading(start, end):
                section += 1
                # Headings name brands and products but assert nothing: a unit of its own, marked.
                sentences.append(Span(start, end))
                paragraph_of.append(paragraph)
                units.append(Unit(start, end, len(sentences) - 1, paragraph, section, heading=True))
                continue
            for s_start, s_end in split_sentences(text, start, end):
                index = len(sentences)
                sentences.append(Span(s_start, s_end))
                paragraph_of.append(paragraph)
                units += [Unit(u_start, u_end, index, paragraph, section, marker=self._marker(text, u_start, u_end),
                               concession=concession) for u_start, u_end, concession in self._clauses(text, s_start, s_end)]
        return doc

    def _clauses(self, text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
        """Clause spans of one sentence, with whether each is conceded before a contrast (lists, not generators:
        this runs for every sentence of the corpus)."""
        out: list[tuple[int, int, bool]] = []
        depth, cut = 0, start
        for m in _CLAUSE_EVENTS.finditer(text, start, end):
            ch, i = m.group(), m.start()
            if ch in OPENERS:
                depth += 1
            elif ch in CLOSERS:
                depth = max(0, depth - 1)
            elif depth == 0 and ch in CLAUSE_ENDS and i + 1 < end:
                _add_trimmed(out, text, cut, i + 1, False)
                cut = i + 1
            elif (depth == 0 and ch in COMMAS and text.startswith(self.contrast, i + 1) and i + 1 - cut > 4
                  and _rest_of_clause(text, i + 1, end) >= MIN_ANSWER):
                _add_trimmed(out, text, cut, i + 1, True)
                cut = i + 1
            elif (depth == 0 and ch in COMMAS and text.startswith(self.conclusion + self.reason, i + 1)
                  and i + 1 - cut > MIN_ANSWER
                  and _rest_of_clause(text, i + 1, end) >= MIN_ANSWER):
                _add_trimmed(out, text, cut, i + 1, False)
                cut = i + 1
        _add_trimmed(out, text, cut, end, False)
        return self._asked_after_turn(text, out)

    def _asked_after_turn(self, text: str, clauses: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
        """A turn that asserts, then asks (但好在供应链扎实，…能否在三年内盈利？): the clause after the last comma or
        colon asks, what the turn says before it is asserted — one statement and one question, not one question.
        Not where the question is rhetorical (…又何尝不是…呢？): then it asserts what the turn says."""
        if not clauses:
            return clauses
        start, end, conceded = clauses[-1]
        if text[end - 1:end] not in ("？", "?") or not text.startswith(self.contrast, start):
            return clauses
        comma = max(text.rfind(mark, start, end) for mark in _ASKS_AFTER)
        if comma - start < MIN_TURN or end - comma - 1 < MIN_QUESTION or _opens_bracket(text, start, comma):
            return clauses
        if self.rhetorical is not None and self.rhetorical.search(text, comma + 1, end):
            return clauses  # the question asserts: it is what the turn says, not a question after it
        return clauses[:-1] + [(start, comma + 1, conceded), (comma + 1, end, False)]

    def _marker(self, text: str, start: int, end: int) -> Marker | None:
        for marker, role in self.by_first.get(text[start:start + 1], self.empty):
            if text.startswith(marker, start, end):
                return Marker(marker, role, start, start + len(marker))
        return None


def _opens_bracket(text: str, start: int, end: int) -> bool:
    """A quote or bracket opened in [start, end) is still open at ``end``."""
    return sum(text.count(o, start, end) - text.count(c, start, end) for o, c in OPENERS.items()) > 0


def _rest_of_clause(text: str, start: int, end: int) -> int:
    """How far the clause opened at ``start`` runs (to the next ；/。 or the sentence's end)."""
    stop = min((i for i in (text.find(c, start, end) for c in CLAUSE_ENDS) if i >= 0), default=end)
    return stop - start


def _add_trimmed(out: list[tuple[int, int, bool]], text: str, start: int, end: int, concession: bool) -> None:
    """``(start, end, concession)`` without the whitespace at either end, when anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end, concession))


def _lines(state: DocState) -> Iterator[tuple[int, int]]:
    """Paragraph spans that are not markup or boilerplate (skipped spans cut them out, unless set inside a
    sentence: text.inside_sentence)."""
    text, pos = state.content, 0
    skipped = sorted(state.skipped, key=lambda s: s.start)
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        cutting = [s for s in skipped
                   if s.end > start and s.start < end and not inside_sentence(text, s.start, s.end, start, end)]
        for piece in _minus(start, end, cutting):
            if text[piece[0]:piece[1]].strip():
                yield piece


def _minus(start: int, end: int, skipped: list[Span]) -> Iterator[tuple[int, int]]:
    cur = start
    for s in skipped:
        if s.end <= cur or s.start >= end:
            continue
        if s.start > cur:
            yield cur, s.start
        cur = max(cur, s.end)
    if cur < end:
        yield cur, end


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= _HEADING_MAX and not _HEADING_PUNCT.search(stripped)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``; end punctuation inside quotes ends the
    sentence only when the quote closes right after it and nothing follows on the line."""
    out: list[tuple[int, int, bool]] = []
    depth, cut, resume = 0, start, start
    for m in _SENTENCE_EVENTS.finditer(text, start, end):
        ch, i = m.group(), m.start()
        if i < resume:
            continue
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif ch != "." or _is_latin_period(text, i, end):
            j = i + 1
            while j < end and text[j] in TERMINATORS:
                j += 1
            k, d = j, depth
            while k < end and text[k] in CLOSERS and d:
                k, d = k + 1, d - 1
            if depth == 0 or (d == 0 and (k >= end or text[k].isspace() or text[k] in TERMINATORS)):
                _add_trimmed(out, text, cut, k, False)
                cut, depth, resume = k, 0, k
    _add_trimmed(out, text, cut, end, False)
    return [(a, b) for a, b, _ in out]


def _is_latin_period(text: str, i: int, end: int) -> bool:
    return text[i] == "." and i > 0 and text[i - 1].isalpha() and text[i - 1].isascii() and (i + 1 >= end or text[i + 1].isspace())


@Language.factory("argmap_zh_sentences_v1", default_config={"lexicons": []})
def make_sentences(nlp: Language, name: str, lexicons: list[str]) -> ZhSentences:
    return ZhSentences(lexicon_for("zh", lexicons))
