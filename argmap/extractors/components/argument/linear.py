"""The linear models of the argument stage (typing, thesis, attachment, polarity): weights by feature name,
read from and written to the JSON files next to the components.

A model may also weigh *words* (``Linear.words``): a sparse part, keyed by strings the features module
builds ("previous=however", "source=some"), learned only for the words the training texts use on several
topics — opening words like "this", "however", 但 — so that no topic's vocabulary is learned."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import mul
from types import MappingProxyType

_NO_WORDS: Mapping[str, float] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Linear:
    """A logistic model: weights in the order of its feature tuple, a bias, and weights of word keys."""

    weights: tuple[float, ...]
    bias: float
    words: Mapping[str, float] = field(default_factory=lambda: _NO_WORDS)

    def score(self, values: list[float], words: Iterable[str] = ()) -> float:
        """The linear score (log-odds); enough to rank candidates, as the thesis model does."""
        dense = self.bias + sum(map(mul, self.weights, values))  # map: no generator frame per term
        if self.words:
            for word in words:  # one or two keys: a loop, not a generator
                dense += self.words.get(word, 0.0)
        return dense

    def probability(self, values: list[float], words: Iterable[str] = ()) -> float:
        return logistic(self.score(values, words))

    @classmethod
    def read(cls, raw: dict[str, object], names: tuple[str, ...]) -> "Linear":
        """From ``{"bias": b, "weights": {name: w}, "words": {key: w}}``; a feature the file does not name weighs 0."""
        weights = raw.get("weights", {})
        mapping = weights if isinstance(weights, dict) else {}
        bias = raw.get("bias", 0.0)
        words = raw.get("words", {})
        word_weights = MappingProxyType({str(k): float(v) for k, v in words.items()}) if isinstance(words, dict) else {}
        return cls(tuple(float(mapping.get(f, 0.0)) for f in names), float(bias) if isinstance(bias, (int, float)) else 0.0,
                   word_weights or _NO_WORDS)

    def as_json(self, names: tuple[str, ...]) -> dict[str, object]:
        out: dict[str, object] = {"bias": round(self.bias, 4),
                                  "weights": {f: round(w, 4) for f, w in zip(names, self.weights)}}
        if self.words:
            out["words"] = {k: round(w, 4) for k, w in sorted(self.words.items())}
        return out


def logistic(z: float) -> float:
    """The probability a score (log-odds) stands for, the score held to ±30 so that exp stays in range."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
