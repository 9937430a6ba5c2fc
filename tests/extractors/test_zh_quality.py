"""The Chinese extractor against the hand-made gold annotation of the demo article (bench/eval_zh.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "bench" / "eval_zh.py"


@pytest.fixture(scope="module")
def eval_zh():  # noqa: ANN201  (a module)
    spec = importlib.util.spec_from_file_location("argmap_bench_eval_zh", EVAL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_gold_matches_the_demo_article(eval_zh) -> None:  # noqa: ANN001
    import hashlib

    gold = eval_zh.load_gold()
    content = (eval_zh.ROOT / gold["article"]).read_text(encoding="utf-8")
    assert hashlib.sha256(content.encode()).hexdigest() == gold["sha256"]
    for st in gold["statements"]:
        assert content[st["start"]:st["end"]] == st["text"]


def test_floors(eval_zh) -> None:  # noqa: ANN001
    _, scores = eval_zh.run()
    for name, floor in eval_zh.FLOORS.items():
        assert scores[name].f1 >= floor, (name, scores[name])


def test_demo_thesis(eval_zh) -> None:  # noqa: ANN001
    """The annotated thesis is the turn in the 前言 section (然而…并非…而是…), not a remark further on."""
    analysis, _ = eval_zh.run()
    assert eval_zh.central_correct(analysis, eval_zh.load_gold())


def test_scoring_rules(eval_zh) -> None:  # noqa: ANN001
    assert eval_zh.align([("p", (0, 10))], [("g", (0, 18))]) == {"p": "g"}  # 10/18 of the gold, all of p
    assert eval_zh.align([("p", (0, 4))], [("g", (0, 18))]) == {}  # a fragment does not count
    s = eval_zh.Score(3, 1, 2)
    assert (round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)) == (0.75, 0.6, 0.667)
