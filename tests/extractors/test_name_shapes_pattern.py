"""The capitalised-run pattern is written capital first for speed; it matches what the lookbehind-first form did."""

from __future__ import annotations

import random
import re

from argmap.extractors.components.names.shapes import _CAP_RUN, _CAP_WORD, _JOIN, RUN_WORDS

LOOKBEHIND_FIRST = re.compile(rf"(?<![A-Za-z0-9&'’-])({_CAP_WORD}(?:{_JOIN}{_CAP_WORD}){{0,{RUN_WORDS - 1}}}|[A-Z]&[A-Z])(?![A-Za-z0-9&])")


def _matches(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, start, len(text) if end is None else end)]


def test_same_matches_on_names_and_random_text() -> None:
    fixed = ["Tesla Model 3 和 The North Face", "AT&T 与 A&B", "O'Neil-Smith of Boston", "iPhone 15 Pro", "A", "x A&B y",
             "MIT-Harvard", "Dr. Who", "&A", "A&", "ab Cd", "中国GM公司",
             "A B C D E F G H I", "the House of Lords Economic Affairs Committee of Zandia said"]
    rng = random.Random(11)
    alphabet = list("AZaz09&'’-. \t中") + ["of", " of ", " & ", "de "]
    texts = fixed + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20_000)]
    for text in texts:
        assert _matches(_CAP_RUN, text) == _matches(LOOKBEHIND_FIRST, text), text
        if len(text) > 4:  # shape_names_en scans a unit's span of the article
            assert _matches(_CAP_RUN, text, 2, len(text) - 1) == _matches(LOOKBEHIND_FIRST, text, 2, len(text) - 1), text
