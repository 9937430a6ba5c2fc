"""Finding discourse markers (the lexicon's ``discourse``, lang/en/lexicon/discourse.json) at the start of, or inside,
a clause."""

from __future__ import annotations

import re

from argmap.extractors.lang.en.lexicon import PhraseTable, phrase_regex
from argmap.extractors.lexicon import Lexicon
from argmap.extractors.state import Marker, MarkerRole

_LEAD = re.compile(r"[\s\"'“‘(\[-]*")
_GERUND = re.compile(r"\s+[A-Za-z]+ing\b")


class MarkerFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        markers = list(lexicon.discourse.values())
        self.function = PhraseTable((m.marker, MarkerRole(m.role)) for m in markers)
        self.initial = phrase_regex(m.marker for m in markers)  # a marker allowed anywhere may open a clause too
        self.anywhere = phrase_regex(m.marker for m in markers if m.position == "any")

    def at_start(self, text: str, start: int, end: int) -> Marker | None:
        """The marker that opens ``text[start:end]`` (after quotes and spaces), if any."""
        if self.initial is None:
            return None
        pos = _LEAD.match(text, start, end).end()  # type: ignore[union-attr]
        m = self.initial.match(text, pos, end)
        return self._marker(m) if m else None

    def find(self, text: str, start: int, end: int) -> Marker | None:
        """The opening marker, else the first marker allowed anywhere (``…, however, …``)."""
        found = self.at_start(text, start, end)
        if found is not None or self.anywhere is None:
            return found
        for m in self.anywhere.finditer(text, start, end):
            marker = self._marker(m)
            if marker.role is MarkerRole.CONCLUSION and _GERUND.match(text, m.end(), end):
                continue  # "…, thus boosting sales": a consequence the sentence adds, not a conclusion drawn
            return marker
        return None

    def _marker(self, m: re.Match[str]) -> Marker:
        return Marker(m.group(), self.function.value(m.group()) or MarkerRole.SUPPORT, m.start(), m.end())
