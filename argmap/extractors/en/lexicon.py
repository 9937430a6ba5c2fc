"""How the English components read the lexicon both languages share (argmap/extractors/lexicon.py).

The English cue data lives in ``argmap/extractors/lang/en/lexicon/*.json``, in the one lexicon format;
the components read the ``Lexicon`` that ``lexicon_for("en", …)`` loads. English cues match as whole
words, case-insensitively (``phrase_regex``); entity names match case-sensitively (entities.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from argmap.extractors.lexicon import Lexicon
from argmap.extractors.model import EntityKind

_SLUG_UNSAFE = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")


def slug(text: str) -> str:
    """An entity key from a name: lower case, runs of other characters become one dash."""
    return _SLUG_UNSAFE.sub("-", text.lower().replace("'", "")).strip("-") or "x"


@dataclass(frozen=True, slots=True)
class LexEntry:
    """A lexicon entity as the English components see it: its English label and the aliases English text can hold."""

    kind: EntityKind
    key: str
    label_en: str
    label_zh: str = ""
    aliases: tuple[str, ...] = ()
    owner: str = ""  # the brand key a product belongs to

    @property
    def ref(self) -> str:
        return f"{self.kind.path}/{self.key}"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.label_en, *self.aliases)))


def english_entries(lexicon: Lexicon) -> list[LexEntry]:
    """The entities with an English label, in lexicon order; only ASCII aliases, as no other can be
    written in an English article the way the lexicon spells it."""
    return [LexEntry(e.kind, e.key, e.labels["en"].strip(), e.labels.get("zh", "").strip(),
                     tuple(a.strip() for a in e.aliases if a.isascii() and a.strip()), str(e.brand) if e.brand else "")
            for e in lexicon.entities if e.labels.get("en", "").strip()]


def phrase_regex(phrases: Iterable[str], *, case_sensitive: bool = False) -> re.Pattern[str] | None:
    """One regex matching any phrase as whole words, longest first; None when there are none."""
    unique = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not unique:
        return None
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in unique)
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", flags)
