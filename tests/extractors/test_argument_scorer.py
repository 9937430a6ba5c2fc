"""The argument stage's direct pair scorer (features.AttachScorer) against the feature vectors it stands in
for: the same score, bit for bit, for every candidate pair of real articles, with the shipped weights and
with arbitrary ones (every feature weighed, every opening word keyed)."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from argmap.extractors.components.argument.features import (
    FEATURES,
    LONG_FEATURES,
    AttachScorer,
    Node,
    attach_words,
    features,
)
from argmap.extractors.components.argument.linear import Linear
from argmap.extractors.components.argument.model import ArgumentState
from argmap.extractors.components.argument.relations import candidate_targets, load_model, long_text, nodes
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


@pytest.mark.parametrize("which", ["shipped", "shipped long", "random"])
def test_the_pair_scorer_matches_the_feature_vector(article: tuple[ArgumentState, list[Node]], which: str) -> None:
    graph = article[1]
    model = load_model()
    assert model.attach_long is not None
    attach = {"shipped": model.attach, "shipped long": model.attach_long}.get(which) or _random_model(
        graph, FEATURES, len(graph))
    scorer = AttachScorer(attach)
    pairs = 0
    for source in graph:
        targets = candidate_targets(source, graph, model.window)
        expected = [(attach.score(features(source, t), attach_words(source, t)), t.index) for t in targets]
        assert scorer.scores(source, targets) == expected  # == on floats: the same bits, not merely close
        pairs += len(targets)
    assert pairs > 20  # the test saw real pairs


def test_a_long_article_is_scored_by_the_compact_model_of_articles(article: tuple[ArgumentState, list[Node]]) -> None:
    state, graph = article
    model = load_model()
    assert long_text(state) and graph[0].long  # the test articles are long ones
    assert model.attach_for(graph) is model.attach_long
    # what the long model weighs: the compact features alone, no opening words
    assert {f for f, w in zip(FEATURES, model.attach_long.weights) if w} <= set(LONG_FEATURES)
    assert not model.attach_long.words
    short = [replace(n, long=False) for n in graph[:5]]
    assert model.attach_for(short) is model.attach
