"""How the English components read the lexicon both languages share (argmap/extractors/lexicon.py).

The English cue data lives in ``argmap/extractors/lang/en/lexicon/*.json``, in the one lexicon format;
the components read the ``Lexicon`` that ``lexicon_for("en", …)`` loads. English cues match as whole
words, case-insensitively (``phrase_regex``), a ``re:`` cue as its regular expression; entity names match
case-sensitively (entities.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

from argmap.extractors.lexicon import REGEX_PREFIX, Lexicon, phrase_regex
from argmap.extractors.model import EntityKind

V = TypeVar("V")


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


def phrase_key(text: str) -> str:
    """A matched phrase as its cue is written: lower case, one space between words."""
    return re.sub(r"\s+", " ", text.lower())


class PhraseTable(Generic[V]):
    """Cues that each stand for a value (a strategy, a marker's function), found as whole words by ``regex``;
    ``value`` tells what a match stands for: its literal cue's, else that of the first ``re:`` cue it matches.
    A cue listed again takes the later value."""

    def __init__(self, cues: Iterable[tuple[str, V]]) -> None:
        self.literal: dict[str, V] = {}
        self.written: list[tuple[re.Pattern[str], V]] = []
        for cue, value in cues:
            if cue.startswith(REGEX_PREFIX):
                self.written.append((re.compile(cue[len(REGEX_PREFIX):], re.IGNORECASE), value))
            else:
                self.literal[phrase_key(cue)] = value
        self.regex = phrase_regex([*self.literal, *(REGEX_PREFIX + p.pattern for p, _ in self.written)])

    def value(self, matched: str) -> V | None:
        found = self.literal.get(phrase_key(matched))
        return found if found is not None else next((v for p, v in self.written if p.fullmatch(matched)), None)
