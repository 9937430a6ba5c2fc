"""What two statements share: entity refs and content words (character pairs for Chinese)."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain

from spacy.lang.en.stop_words import STOP_WORDS

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9'-]{2,}")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Function characters that make a character pair say nothing about the topic.
_ZH_LIGHT = frozenset("的了是在和与也都而就又及或被把对从这那其之为以于着个们一不有")


@lru_cache(maxsize=8192)  # the thesis and the relation components both ask for each statement's keys
def content_keys(text: str) -> frozenset[str]:
    """Latin content words (a crude five-letter stem) and Chinese character pairs without function characters."""
    keys = {w.lower()[:5] for w in _LATIN.findall(text) if w.lower() not in STOP_WORDS}
    for run in _CJK_RUN.findall(text):
        keys.update(run[i:i + 2] for i in range(len(run) - 1)
                    if run[i] not in _ZH_LIGHT and run[i + 1] not in _ZH_LIGHT)
    return frozenset(keys)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of the two sets: relative to the smaller side alone, a short claim would match everything."""
    if not a or not b:
        return 0.0
    return len(a & b) / (len(a) * len(b)) ** 0.5


def squared_rarity(keys: list[frozenset[str]]) -> dict[str, float]:
    """The square of each content key's weight: how rare it is in the text (inverse document frequency over
    its statements). The brand an article names in every sentence says little about which two of its
    sentences belong together; a word two neighbours share says much. A key weighs the same in every
    statement, so one table serves them all (the cosine needs only the squares)."""
    df = Counter(chain.from_iterable(keys))  # counted in C, keys in the order first seen
    n = len(keys)
    # A key's weight depends on its count alone, and most keys share a handful of counts: one log per count.
    by_count = {count: math.log(1.0 + n / count) for count in set(df.values())}
    squares = {count: w * w for count, w in by_count.items()}
    return dict(zip(df, map(squares.__getitem__, df.values())))
