"""A jieba tokenizer for spaCy that owns its segmenter, so lexicon words added here do not leak
into other pipelines or into the process-wide ``jieba`` default.

Segmentation is rjieba's (the Rust port of jieba on PyPI: the same dictionary and HMM, the same
words, about twenty times faster here); jieba itself still provides its dictionary's POS tags."""

from __future__ import annotations

import logging
import re
from itertools import accumulate
from typing import Callable, Iterable, Mapping

import jieba
import jieba.posseg
import rjieba
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, get_words_and_spaces, registry
from spacy.vocab import Vocab

from argmap.extractors.state import TEXT_KEY

# Lexicon words must win over jieba's own splits (双十一 -> 双十 / 一) without swamping its statistics.
_LEXICON_FREQ = 200_000
WORDS_KEY = "argmap_jieba_words"
_HAS_SPACE = re.compile(r"\s").search


class JiebaTokenizer(DummyTokenizer):
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        jieba.setLogLevel(logging.WARNING)  # jieba logs dictionary building at DEBUG to stderr
        self.segmenter = rjieba.Jieba()
        self._tags: dict[str, str] | None = None

    def __call__(self, text: str) -> Doc:
        pieces = self._segment(text)
        words, spaces = _words_and_spaces(pieces)
        if words is None:  # pieces that do not tile the text: let spaCy align them
            words, spaces = get_words_and_spaces(pieces, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        _keep(doc, text, pieces, _starts(pieces, text))
        return doc

    def untokenized(self, text: str) -> Doc:
        """A Doc without spaCy tokens that carries what argmap's components read: the text and its segmentation
        (``segmented_words``). Extraction never reads the tokens, and making them (a vocabulary lookup and a
        token per word, after aligning the spaces) costs twice the segmentation. Pieces that do not tile the
        text get the full Doc, whose tokens the entity finder then reads instead."""
        pieces = self._segment(text)
        starts = _starts(pieces, text)
        if starts is None:
            return self(text)
        return _keep(Doc(self.vocab), text, pieces, starts)

    def _segment(self, text: str) -> list[str]:
        return list(filter(None, self.segmenter.cut(text, hmm=True)))

    def add_words(self, words: Iterable[str], tag: str = "nz") -> None:
        tags = self.pos_tags()
        for word in words:
            if word.strip():
                self.segmenter.add_word(word, _LEXICON_FREQ, tag)
                tags[word] = tag

    def pos_tags(self) -> dict[str, str]:
        """jieba's dictionary POS tags (nz, nt, nr …), looked up per token instead of running
        ``jieba.posseg`` over the text, which costs several times the segmentation itself."""
        if self._tags is None:
            dictionary = jieba.Tokenizer()
            self._tags = _laid_out(jieba.posseg.POSTokenizer(dictionary).word_tag_tab, _by_frequency(dictionary))
        return self._tags


# A line of jieba's dictionary file: a word and how often jieba's corpus has it ("的 318825 uj").
_DICTIONARY_LINE = re.compile(r"^(\S+) (\d+) ", re.M)


def _by_frequency(dictionary: jieba.Tokenizer) -> list[str]:
    """The dictionary's words, the most frequent first (the order in which any text needs them)."""
    with dictionary.get_dict_file() as f:
        counted = _DICTIONARY_LINE.findall(f.read().decode("utf-8"))
    counted.sort(key=lambda wc: int(wc[1]), reverse=True)
    return [word for word, _ in counted]


def _laid_out(table: Mapping[str, str], words: list[str]) -> dict[str, str]:
    """``table`` as an equal dict laid out for the pipeline's lookups, which mostly miss the CPU caches in a
    table this size (WordTags): entries in the order of ``words`` (the frequent first), each key string made
    anew in that order (so the words a text uses share a few memory pages), and each tag one shared string
    where jieba made one per dictionary line (some 17 MB less). Nothing iterates the table: its order is free."""
    shared: dict[str, str] = {}
    out: dict[str, str] = {}
    for word in words:
        tag = table.get(word)
        if tag is not None:
            out[word.encode().decode()] = shared.setdefault(tag, tag)  # a new string, next to the previous one
    out.update((word, shared.setdefault(tag, tag)) for word, tag in table.items() if word not in out)
    return out


class WordTags(dict[str, "str | None"]):
    """jieba's POS tag of each word one article asks about (``None``: not in the dictionary), looked up once.

    The dictionary holds some 350,000 words, and in the middle of a pipeline a lookup in it mostly misses the
    CPU caches (its index, entry and key string lie apart in memory), while an article asks about its few
    hundred distinct words many times over. ``tags[word]`` reads the small per-article table first; make one
    per article, so nothing outlives it. ``words`` (the article's distinct words) are looked up at once, in C:
    nearly every one of them is asked about, and the CPU overlaps the cache misses of a tight loop."""

    __slots__ = ("_dictionary",)

    def __init__(self, dictionary: Mapping[str, str], words: Iterable[str] = ()) -> None:
        words = list(words)
        super().__init__(zip(words, map(dictionary.get, words)))
        self._dictionary = dictionary

    def __missing__(self, word: str) -> str | None:
        tag = self[word] = self._dictionary.get(word)
        return tag

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """As the dictionary's ``get``: dict.get itself would skip ``__missing__`` and miss unasked words."""
        tag = self[word]
        return default if tag is None else tag


def _starts(pieces: list[str], text: str) -> list[int] | None:
    """The start offset of each piece, or None when the pieces do not tile ``text``."""
    starts = list(accumulate(map(len, pieces), initial=0))
    return starts if starts.pop() == len(text) else None


def _keep(doc: Doc, text: str, pieces: list[str], starts: list[int] | None) -> Doc:
    """The text, and the raw segmentation with offsets, so components scan words without building Token objects."""
    doc.user_data[WORDS_KEY] = (pieces, starts) if starts is not None else None
    doc.user_data[TEXT_KEY] = text
    return doc


def _words_and_spaces(pieces: list[str]) -> tuple[list[str] | None, list[bool]]:
    """spaCy's words and trailing-space flags from pieces that tile the text: a single space after
    a word becomes that word's trailing space, any other whitespace stays a token of its own.
    Whole-list operations rather than a loop over the pieces: this runs on every character of the corpus."""
    if any(_HAS_SPACE(p) is not None and not p.isspace() for p in set(pieces)):
        return None, []
    # A single space merges into the word before it unless that word is whitespace (or itself a merged space).
    merged = [i for i in _positions(pieces, " ") if i and not pieces[i - 1].isspace()]
    words: list[str] = []
    spaces: list[bool] = []
    prev = 0
    for i in merged:
        words.extend(pieces[prev:i])
        spaces.extend([False] * (i - prev))
        spaces[-1] = True
        prev = i + 1
    words.extend(pieces[prev:])
    spaces.extend([False] * (len(pieces) - prev))
    return words, spaces


def _positions(items: list[str], value: str) -> list[int]:
    """The indices of ``value`` in ``items``, found by ``list.index`` (a C scan) rather than item by item."""
    out: list[int] = []
    i = -1
    try:
        while True:
            i = items.index(value, i + 1)
            out.append(i)
    except ValueError:
        return out


def segmented_words(doc: Doc) -> tuple[list[str], list[int]] | None:
    """The jieba pieces and their start offsets, when this tokenizer made the Doc."""
    return doc.user_data.get(WORDS_KEY)


@registry.tokenizers("argmap_zh_jieba.v1")
def create_jieba_tokenizer() -> Callable[[Language], JiebaTokenizer]:
    def make(nlp: Language) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab)

    return make
