"""Boilerplate rules: data, not code (``data/boilerplate.json``; users add their own file)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from argmap.errors import InputError

DEFAULT_RULES = Path(__file__).resolve().parent / "data" / "boilerplate.json"
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
# Numbering in front of a heading (一、 / 04 / 3. / Part 2:) says nothing about what the heading is.
# A heading numbered as a section of the article (二、 / 3. / (四) / Part 2): the argument goes on under it.
_SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．)）]\s*\S|[（(][一二三四五六七八九十\d]+[)）]|"
                             r"(?:Part|PART|Chapter)\s*\d+)")
_HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．:：)）]?|[（(][一二三四五六七八九十\d]+[)）]|Part\s+\d+\s*[:.]?|PART\s*\d+)\s*")


@dataclass(frozen=True, slots=True)
class LineRule:
    reason: str
    pattern: re.Pattern[str]
    max_chars: int


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    lines: tuple[LineRule, ...]
    inline: tuple[tuple[str, re.Pattern[str]], ...]
    html_hints: frozenset[str]
    reference_headings: frozenset[str]
    conclusion_headings: frozenset[str]
    lead_headings: frozenset[str] = frozenset()

    def line_reason(self, line: str) -> str | None:
        """Why a whole line is boilerplate, or None when it is not."""
        # emphasis marks the Markdown reader left (a "** 本文为…" whose opening ** is followed by a space) hide
        # nothing: the line is what they wrap
        text = line.strip().strip("*_").strip()
        if not text:
            return None
        for rule in self.lines:
            if len(text) <= rule.max_chars and rule.pattern.search(text):
                return rule.reason
        return None

    def inline_spans(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), reason) for reason, p in self.inline for m in p.finditer(text)]

    def hinted(self, class_and_id: str) -> bool:
        """Whether an element's class or id names it navigation, comments, ads …"""
        return any(tok.lower() in self.html_hints for tok in _TOKEN_SPLIT.split(class_and_id) if tok)

    def numbered(self, heading: str) -> bool:
        """The heading is numbered as a section of the article (二、市场, 3. Pricing, Part 2)."""
        return _SECTION_NUMBER.match(heading) is not None

    def heading_role(self, heading: str) -> str | None:
        """``reference``, ``conclusion`` or ``lead`` for headings that open those sections."""
        core = _HEADING_NUMBER.sub("", heading).strip().strip("：:。.!！ ").lower()
        if core in self.reference_headings:
            return "reference"
        if core in self.conclusion_headings:
            return "conclusion"
        if core in self.lead_headings:
            return "lead"
        return None


def load_rules(extra: Sequence[Path | str] = ()) -> BoilerplateRules:
    """The shipped rules plus the rows of each extra file (same JSON format)."""
    return _load(tuple(str(Path(p).resolve()) for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> BoilerplateRules:
    raw = [_read(DEFAULT_RULES)] + [_read(Path(p)) for p in extra]
    lines, inline, hints, refs, concl, leads = [], [], set(), set(), set(), set()
    for data in raw:
        for row in data.get("lines", []):
            lines.append(LineRule(row["reason"], _compile(row["pattern"]), int(row.get("max_chars", 200))))
        inline += [(row["reason"], _compile(row["pattern"])) for row in data.get("inline", [])]
        hints |= {h.lower() for h in data.get("html_hints", [])}
        refs |= {h.lower() for h in data.get("reference_headings", [])}
        concl |= {h.lower() for h in data.get("conclusion_headings", [])}
        leads |= {h.lower() for h in data.get("lead_headings", [])}
    return BoilerplateRules(tuple(lines), tuple(inline), frozenset(hints), frozenset(refs), frozenset(concl),
                            frozenset(leads))


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"boilerplate rules {path}: cannot read ({exc}); pass a JSON file in the format of {DEFAULT_RULES.name}") from None
    if not isinstance(data, dict):
        raise InputError(f"boilerplate rules {path}: expected a JSON object with 'lines', 'inline' …")
    return data


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise InputError(f"boilerplate rule {pattern!r}: not a valid regular expression ({exc})") from None
