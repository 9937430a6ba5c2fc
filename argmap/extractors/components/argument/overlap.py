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


def weighted(keys: list[frozenset[str]]) -> list[dict[str, float]]:
    """Each statement's content keys weighted by how rare they are in the text (inverse document frequency
    over its statements): the brand an article names in every sentence says little about which two of
    its sentences belong together; a word two neighbours share says much."""
    df = Counter(chain.from_iterable(keys))  # counted in C, keys in the order first seen
    n = len(keys)
    # A key's weight depends on its count alone, and most keys share a handful of counts: one log per count.
    by_count = {count: math.log(1.0 + n / count) for count in set(df.values())}
    idf = dict(zip(df, map(by_count.__getitem__, df.values())))
    return [dict(zip(ks, map(idf.__getitem__, ks))) for ks in keys]

