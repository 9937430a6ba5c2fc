"""The argument stage's direct pair scorer (features.AttachScorer) against the feature vectors it stands in
for: the same score, bit for bit, for every candidate pair of real articles, with the shipped weights and
with arbitrary ones (every feature weighed, every opening word keyed)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from argmap.extractors.components.argument.features import (
    FEATURES,
    AttachScorer,
    Node,
    attach_words,
    features,
)
from argmap.extractors.components.argument.linear import Linear
from argmap.extractors.components.argument.model import ArgumentState
from argmap.extractors.components.argument.relations import candidate_targets, load_model, nodes
from argmap.extractors.components.argument.thesis import choose, load_thesis_model, set_thesis
from argmap.extractors.pipeline import argument_input
from argmap.samples import DEMO_ARTICLE

ARTICLES = [(DEMO_ARTICLE, "zh"), (Path(__file__).parent / "articles" / "coffee-war.zh.txt", "zh"),
            (Path(__file__).parent / "articles_en" / "sportswear-nike-adidas-on.en.txt", "en")]


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda a: a[0].name)
def article(request: pytest.FixtureRequest) -> tuple[ArgumentState, list[Node]]:
    path, lang = request.param
    state = argument_input(path.read_text(encoding="utf-8"), lang=lang)
    index = choose(state, load_thesis_model())
    assert index is not None
    set_thesis(state, index)
    return state, nodes(state)


def _random_model(graph: list[Node], names: tuple[str, ...], seed: int) -> Linear:
    rng = random.Random(seed)
    words = {f"{place}={n.opening}": rng.uniform(-2, 2) for n in graph for place in ("previous", "thesis", "other",
                                                                                    "source", "target")}
    return Linear(tuple(rng.uniform(-3, 3) for _ in names), rng.uniform(-1, 1), words)


@pytest.mark.parametrize("which", ["shipped", "random"])
def test_the_pair_scorer_matches_the_feature_vector(article: tuple[ArgumentState, list[Node]], which: str) -> None:
    graph = article[1]
    model = load_model()
    attach = model.attach if which == "shipped" else _random_model(graph, FEATURES, len(graph))
    scorer = AttachScorer(attach)
    pairs = 0
    for source in graph:
        targets = candidate_targets(source, graph, model.window)
        expected = [(attach.score(features(source, t), attach_words(source, t)), t.index) for t in targets]
        assert scorer.scores(source, targets) == expected  # == on floats: the same bits, not merely close
        pairs += len(targets)
    assert pairs > 20  # the test saw real pairs
