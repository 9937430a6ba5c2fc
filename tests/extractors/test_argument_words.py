"""The argument models' word part: opening words, sparse word weights, and the topic-spread vocabulary."""

from __future__ import annotations

import pytest

from argmap.extractors.components.argument.features import opening, word_of
from argmap.extractors.components.argument.linear import Linear
from argmap.extractors.components.argument.model import ArgUnit, ArgumentState
from argmap.extractors.train.argument import MIN_TOPICS, Text, opening_vocabulary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("However, prices rose.", "however"),
        ("“This is why buyers wait,” he said.", "this"),
        ("It’s cheap.", "it's"),
        ("- Also, margins fell.", "also"),
        ("但还是不够。", "但"),
        ("“这意味着…”", "这"),
        ("2022 was a record year.", ""),  # a figure is no word
        ("", ""),
    ],
)
def test_opening_word(text: str, expected: str) -> None:
    assert opening(text) == expected


def test_word_weights_add_to_the_score_and_survive_the_file() -> None:
    model = Linear((1.0, -2.0), 0.5, {"previous=this": 1.5, "source=however": -0.25})
    assert model.score([1.0, 1.0]) == pytest.approx(-0.5)
    assert model.score([1.0, 1.0], ("previous=this", "thesis=this")) == pytest.approx(1.0)  # unknown keys weigh 0
    again = Linear.read(model.as_json(("a", "b")), ("a", "b"))
    assert again.score([1.0, 1.0], ("previous=this", "source=however")) == pytest.approx(0.75)
    assert word_of("previous=this") == "this"


def test_a_file_without_words_reads_as_before() -> None:
    model = Linear.read({"bias": 1.0, "weights": {"a": 2.0}}, ("a",))
    assert not model.words and model.score([1.0], ("previous=this",)) == pytest.approx(3.0)


def _text(group: str, openings: list[str]) -> Text:
    units = [ArgUnit(start=0, end=len(w), text=f"{w} the market grew.", sentence=i, paragraph=0, section=0)
             for i, w in enumerate(openings)]
    return Text(id=group, source="microtexts", state=ArgumentState(lang="en", units=units), central=None, group=group)


def test_only_words_used_on_several_topics_are_learned() -> None:
    texts = [_text(f"topic{n}", ["However", "Recycling" if n == 0 else "Moreover"]) for n in range(MIN_TOPICS)]
    texts.append(_text("topic0", ["Recycling"]))  # a second text of the same topic adds no spread
    # "Moreover" opens units on one topic fewer than needed, "Recycling" on one topic only
    assert opening_vocabulary(texts) == frozenset({"however"})
    assert opening_vocabulary(texts[: MIN_TOPICS - 1]) == frozenset()


def test_training_refuses_an_output_that_is_a_file(tmp_path, capsys) -> None:
    from argmap.extractors.train.argument import main

    corpus, out = tmp_path / "corpus", tmp_path / "weights.json"
    corpus.mkdir()
    out.write_text("{}", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["--microtexts", str(corpus), "--out", str(out)])
    assert exit_info.value.code == 2
    assert "not a directory" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "{}"


def test_a_fixed_thesis_weight_stays_at_its_prior_while_the_others_are_fitted() -> None:
    import numpy as np

    from argmap.extractors.train.argument import fit_choice

    # two features; the second always picks the wrong candidate in these texts, the first the right one
    groups = [(np.array([[1.0, 0.0], [0.0, 1.0]]), 0) for _ in range(10)]
    free = fit_choice(groups, steps=300)
    held = fit_choice(groups, steps=300, fixed={1: 3.0})
    assert free[1] < 0 and free[0] > 0  # the data pull the second weight down when it is learned
    assert held[1] == 3.0 and held[0] > free[0]  # held at 3.0, and the first rises to outweigh it


def test_the_conclusion_weight_is_set_by_the_priors_not_learned() -> None:
    from argmap.extractors.components.argument.features import THESIS_FEATURES
    from argmap.extractors.train.argument import priors, thesis_fixed

    fixed = thesis_fixed()
    index = THESIS_FEATURES.index("conclusion")
    assert fixed[index] == priors()["thesis"][index] > 0


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # the unit right after the source points back at it: it speaks of what the source said
    ("Kelmar sold three million pairs of its running shoe last year. This shows how strong the brand has become.",
     "en", {(0, 1): True, (1, 0): False}),
    ("Kelmar sold three million pairs of its running shoe last year. The brand has become strong in Zandia.",
     "en", {(0, 1): False}),
    ("瑞禾去年卖出了三百万双跑鞋，销量同比增长了两成。这说明瑞禾的品牌力已经很强了。", "zh", {(0, 1): True, (1, 0): False}),
])
def test_a_unit_that_points_back_takes_up_the_one_before(text: str, lang: str, pairs: dict[tuple[int, int], bool]) -> None:
    from argmap.extractors.components.argument.features import takes_up
    from argmap.extractors.components.argument.relations import nodes
    from argmap.extractors.pipeline import argument_input

    graph = nodes(argument_input(text, lang=lang))
    assert {pair: takes_up(graph[pair[0]], graph[pair[1]]) for pair in pairs} == pairs


def test_the_long_model_lets_a_small_valued_feature_weigh_as_much_as_it_tells() -> None:
    """The topic cosine of two statements is a few hundredths; where it alone tells the gold target from the
    others, the long articles' model must learn to tell them apart, not leave it near zero (a penalty on the
    unscaled weight would)."""
    from argmap.extractors.components.argument.features import FEATURES
    from argmap.extractors.components.argument.linear import logistic
    from argmap.extractors.train.argument import Examples, fit_long

    topic = FEATURES.index("topic")
    examples = Examples()
    for n in range(60):
        gold = n % 3 == 0
        values = [0.0] * len(FEATURES)
        values[topic] = 0.06 if gold else 0.01
        examples.add(values, (), gold, 5.0)
    model = fit_long(examples)
    assert model is not None
    high, low = ([0.0] * len(FEATURES) for _ in range(2))
    high[topic], low[topic] = 0.06, 0.01
    assert logistic(model.score(high)) - logistic(model.score(low)) > 0.5
