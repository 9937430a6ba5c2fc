"""The argument stage's direct scorers (features.AttachScorer and PolarityScorer for pairs, TypingScorer for units)
against the feature vectors they stand in for: the same score, bit for bit, for every candidate pair and every unit
of real articles, with the shipped weights and with arbitrary ones (every feature weighed, every opening word keyed)."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from argmap.extractors.components.argument.data import argument_data
from argmap.extractors.components.argument.features import (
    FEATURES,
    LONG_FEATURES,
    POLARITY_FEATURES,
    TYPING_FEATURES,
    AttachScorer,
    Node,
    PolarityScorer,
    TypingScorer,
    attach_words,
    features,
    polarity_features,
    polarity_words,
    typing_features,
)
from argmap.extractors.components.argument.linear import Linear
from argmap.extractors.components.argument.model import ArgumentState
from argmap.extractors.components.argument.relations import candidate_targets, load_model, long_text, nodes
from argmap.extractors.components.argument.statements import load_typing_model, score_unit, typing_values
from argmap.extractors.components.argument.thesis import choose, load_thesis_model, set_thesis
from argmap.extractors.pipeline import argument_input
from argmap.extractors.state import MarkerRole
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


@pytest.mark.parametrize("which", ["shipped", "random"])
def test_the_typing_scorer_matches_the_feature_vector(article: tuple[ArgumentState, list[Node]], which: str) -> None:
    # every unit's evidence probability, read directly, is the typing model's of the unit's feature vector (bit for
    # bit), with the shipped weights and with arbitrary ones (every feature weighed, negative weights: -0.0 terms)
    state = article[0]
    data = argument_data(state.lang)
    model = load_typing_model() if which == "shipped" else _random_model([], TYPING_FEATURES, len(state.units))
    scorer = TypingScorer(model)
    flagged = {"measured": True, "evidence_kinds": ("PromotionDependence",), "hedged": True, "conditional": True,
               "concession": True, "rhetorical": True}
    units = [*state.units, *(replace(u, **{k: v}) for u in state.units[:3] for k, v in flagged.items()),
             *(replace(u, marker=replace(u.marker, role=role))
               for u in state.units if u.marker is not None for role in MarkerRole)]
    for unit in units:
        for opinion, report, flag in ((0.0, 0.0, False), (1.3, 0.0, True), (0.0, 7.5, True), (2.0, 1.0, False)):
            cues = {"opinion": opinion, "report": report, "thesis_cue": flag, "speech": not flag, "negated": flag}
            assert scorer.probability(unit, **cues) == model.probability(typing_features(unit, **cues))
    assert len(units) > 20 and any(u.marker is not None for u in state.units)
    if which == "shipped":  # and the statements component reads its units' probabilities so
        assert [score_unit(u, data).evidence for u in state.units] == [
            model.probability(typing_values(u, data)) for u in state.units]


@pytest.mark.parametrize("which", ["shipped", "random"])
def test_the_polarity_scorer_matches_the_feature_vector(article: tuple[ArgumentState, list[Node]], which: str) -> None:
    # every candidate pair's attack probability, read directly, is the attack model's of the pair's feature vector
    # and word keys (bit for bit), for either end's marker role and voice, with the shipped and with random weights
    graph = article[1]
    model = load_model()
    attack = model.attack if which == "shipped" else _random_model(graph, POLARITY_FEATURES, len(graph) + 1)
    scorer = PolarityScorer(attack)
    varied = [*graph, *(replace(n, unit=replace(n.unit, marker=replace(n.unit.marker, role=role)), opposing=True,
                                granted=True, evidence=not n.evidence, thesis=not n.thesis)
                        for n in graph[:12] if n.unit.marker is not None for role in MarkerRole)]
    pairs = 0
    for source in varied:
        for target in varied[max(0, source.index - 3):source.index + 4]:
            for dissent, differs, lean in ((False, False, 0.0), (True, False, 4.2), (False, True, -1.7)):
                expected = attack.probability(polarity_features(source, target, dissent=dissent, negation_differs=differs,
                                                                lean=lean), polarity_words(source, target))
                assert scorer.probability(source, target, dissent=dissent, negation_differs=differs,
                                          lean=lean) == expected
                pairs += 1
    assert pairs > 100 and any(n.unit.marker is not None for n in graph)
