"""Character-level helpers shared by both languages (argmap/extractors/text.py)."""

from __future__ import annotations

import pytest

from argmap.extractors.text import slug


# a name -> its entity key: one function for both languages, so one name gets one key whichever finder read it
@pytest.mark.parametrize(("name", "key"), [
    ("Kelmar Motors", "kelmar-motors"),
    ("Zandor's DB9", "zandors-db9"),  # an apostrophe joins, it does not split
    ("Zandor’s DB9", "zandors-db9"),  # the typographic one too
    ("Hermès", "hermès"),  # letters of any script stay
    ("凯达 K9 Pro", "凯达-k9-pro"),
    ("Ｋｅｌｍａｒ", "kelmar"),  # full-width Latin is Latin
    (" -- ", "x"),  # nothing left: still a key
])
def test_slug_makes_one_key_per_name_in_every_language(name: str, key: str) -> None:
    assert slug(name) == key


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ('"We sold out," he said.', 9 / 15),
        ("No quotation here.", 0.0),
        ("所谓“物美价廉”的产品", 4 / 9),
        ('and will stay," he added.', 11 / 18),  # a quotation running on from the clause before
    ],
)
def test_quoted_share(text: str, share: float) -> None:
    from argmap.extractors.text import quoted_share

    assert quoted_share(text) == pytest.approx(share, abs=0.01)
