"""The linear models of the argument stage (typing, thesis, attachment, polarity): weights by feature name,
read from and written to the JSON files next to the components."""

from __future__ import annotations

import math
from operator import mul
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Linear:
    """A logistic model: weights in the order of its feature tuple, and a bias."""

    weights: tuple[float, ...]
    bias: float

    def score(self, values: list[float]) -> float:
        """The linear score (log-odds); enough to rank candidates, as the thesis model does."""
        return self.bias + sum(map(mul, self.weights, values))  # map: no generator frame per term

    def probability(self, values: list[float]) -> float:
        z = self.score(values)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def read(cls, raw: dict[str, object], names: tuple[str, ...]) -> "Linear":
        """From ``{"bias": b, "weights": {name: w}}``; a feature the file does not name weighs 0."""
        weights = raw.get("weights", {})
        mapping = weights if isinstance(weights, dict) else {}
        bias = raw.get("bias", 0.0)
        return cls(tuple(float(mapping.get(f, 0.0)) for f in names), float(bias) if isinstance(bias, (int, float)) else 0.0)

    def as_json(self, names: tuple[str, ...]) -> dict[str, object]:
        return {"bias": round(self.bias, 4), "weights": {f: round(w, 4) for f, w in zip(names, self.weights)}}
