"""Block shapes: the end-of-sentence test reads a line from its end and agrees with the regex it replaced."""

from __future__ import annotations

import random
import re

import pytest

from argmap.documents.blocks import ends_sentence, looks_like_heading

# The pattern ends_sentence stands for (searched over the whole line, it tried every position).
TERMINAL = re.compile(r"[。！!？?；;，,：:…]\s*[”’」』\"')）]*$|(?<![A-Z])\.\s*[”’\"')]*$")


@pytest.mark.parametrize("text, expected", [
    ("这是一句话。", True), ("他说：“好。”", True), ("Done. )", True), ("U.S.", False), ("a.", True), (".", True),
    ("小标题", False), ("Section 2", False), ("问号？ 」", True), ("“引号” 后", False), ("", False),
])
def test_ends_sentence(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected
    assert bool(TERMINAL.search(text)) is expected


def test_ends_sentence_agrees_with_the_regex_on_random_lines() -> None:
    rng = random.Random(5)
    alphabet = list("。！!？?；;，,：:…”’」』\"')）.AZaz中 \t\u3000x1")
    for _ in range(20_000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))).strip()
        assert ends_sentence(line) is bool(TERMINAL.search(line)), line


def test_headings_do_not_end_like_sentences() -> None:
    assert looks_like_heading("小米的高端化之路")
    assert not looks_like_heading("小米的高端化之路。")
