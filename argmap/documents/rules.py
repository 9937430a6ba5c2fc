"""Boilerplate rules: data, not code (``data/boilerplate.json``; users add their own file)."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from argmap.errors import InputError

DEFAULT_RULES = Path(__file__).resolve().parent / "data" / "boilerplate.json"
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
# Numbering in front of a heading (一、 / 04 / 3. / Part 2:) says nothing about what the heading is.
# A heading numbered as a section of the article (二、 / 3. / (四) / Part 2): the argument goes on under it.
_SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．)）]\s*\S|[（(][一二三四五六七八九十\d]+[)）]|"
                             r"(?:Part|PART|Chapter)\s*\d+)")
_HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．:：)）]?|[（(][一二三四五六七八九十\d]+[)）]|Part\s+\d+\s*[:.]?|PART\s*\d+)\s*")


_Search = Callable[[str], "re.Match[str] | None"]
# A pattern that opens with a lookahead on a class of plain characters ((?=[扫长])…, written so to say which
# characters a match starts with) matches nowhere in a text without one of them — unless a top-level | lets
# another branch match without it. The regex engine still tries the lookahead at every position of a line;
# one search for the class alone rules most lines out at once.
_LEADING_CLASS = re.compile(r"\(\?=\[([^\]\\^-]+)\]\)")


def _precheck(pattern: re.Pattern[str]) -> _Search | None:
    """A search for the characters every match of ``pattern`` starts with, when a leading lookahead names them
    (its absence from a text rules the pattern out there); None for any other pattern."""
    lead = _LEADING_CLASS.match(pattern.pattern)
    if lead is None or pattern.flags & (re.IGNORECASE | re.VERBOSE) or _branches(pattern.pattern):
        return None
    return re.compile(f"[{re.escape(lead.group(1))}]").search


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
# A pattern that opens with a plain character, an escaped punctuation mark or a class of plain characters (none of
# them made optional by a quantifier after it) matches nowhere in a text without that character or one of the class.
_LEADING = re.compile(r"(?:\\([^\w\s])|\[([^\]\\^-]+)\]|([^\\\[\](){}.*+?^$|]))(?![*?{])")


def _union(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches somewhere in a text exactly where one of ``patterns`` does (an alternation tries
    each at every position); None for none, or where joining could change one (other flags than the others', a
    verbose pattern's comment, a backreference whose group number would shift, a group name two share: then they
    do not compile together)."""
    if (not patterns or len({p.flags for p in patterns}) > 1 or patterns[0].flags & re.VERBOSE
            or any(_BACKREFERENCE.search(p.pattern) for p in patterns)):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


# How to rule patterns out of a text before searching their union: a search for the characters that the patterns
# opening with a plain character or class start with (None: no such pattern), and each other pattern's own search
# (after its precheck, when it has one).
_Screen = tuple[_Search | None, tuple[tuple[_Search | None, _Search], ...]]


def _screen(patterns: list[re.Pattern[str]]) -> _Screen | None:
    """A test that rules out most texts in which none of ``patterns`` matches, quicker than the search of their union
    (which tries every pattern at every position of the text): one search for the first characters of the patterns
    that open with a plain character or class, then the others alone — each anchored at the start (tried there
    only) or opening with a leading lookahead on a class of characters (``_precheck``). None when a pattern is
    neither (or is case-insensitive or verbose, or has a top-level |: its first character is then not read off)."""
    chars: list[str] = []
    others: list[tuple[_Search | None, _Search]] = []
    for pattern in patterns:
        if pattern.flags & (re.IGNORECASE | re.VERBOSE) or _branches(pattern.pattern):
            return None
        precheck = _precheck(pattern)
        lead = _LEADING.match(pattern.pattern)
        if _anchored(pattern) or precheck is not None:
            others.append((precheck, pattern.search))
        elif lead is not None:
            chars.append(next(group for group in lead.groups() if group))
        else:
            return None
    leading = re.compile(f"[{re.escape(''.join(chars))}]").search if chars else None
    return leading, tuple(others)


def _screened_out(screen: _Screen, text: str) -> bool:
    """No pattern of the ``screen`` (``_screen``) can match in ``text``."""
    leading, others = screen
    if leading is not None and leading(text) is not None:
        return False
    for precheck, search in others:  # a loop, not all() over a generator: this runs for every line
        if (precheck is None or precheck(text) is not None) and search(text) is not None:
            return False
    return True


def _branches(pattern: str) -> bool:
    """``pattern`` has a | outside every group and character class (a branch the leading lookahead is not on)."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1  # an escaped character is no syntax
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("^", i + 1):
                i += 1
            if pattern.startswith("]", i + 1):
                i += 1  # a ] right after [ or [^ is a literal one
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


# One step of line_reason: (precheck, search, reason, by_group). A rule alone searches its pattern (after its
# precheck, when it has one) and gives its reason; a run of rules anchored at the line's start is one pattern,
# matched at the start only, whose alternatives are the rules in order, each one group: ``by_group`` gives the
# reason of the group of the first that matches (``lastindex``: the group that closed last, the alternative's own).
_Step = tuple[_Search | None, _Search, str, "dict[int, str] | None"]


def _steps(rules: list[LineRule]) -> tuple[_Step, ...]:
    """The rules as steps, in order: each run of two or more rules that ``_anchored`` lets join is one alternation
    (most of the rules open with ^: a line tried one call for a run of them, not one per rule)."""
    out: list[_Step] = []
    run: list[LineRule] = []

    def close_run() -> None:
        joined = _joined([r.pattern for r in run]) if len(run) > 1 else None
        if joined is None:
            out.extend((None, r.pattern.search, r.reason, None) for r in run)
        else:
            pattern, groups = joined
            out.append((None, pattern.match, "", dict(zip(groups, (r.reason for r in run)))))
        run.clear()

    for rule in rules:
        if _anchored(rule.pattern) and (not run or rule.pattern.flags == run[0].pattern.flags):
            run.append(rule)
            continue
        close_run()
        if _anchored(rule.pattern):
            run.append(rule)
        else:
            out.append((_precheck(rule.pattern), rule.pattern.search, rule.reason, None))
    close_run()
    return tuple(out)


def _anchored(pattern: re.Pattern[str]) -> bool:
    """``pattern`` matches only at the start of a text (a leading ^, not one of several branches, not multiline:
    searching it is matching it there), and it may join others (no backreference, not verbose)."""
    return (pattern.pattern.startswith("^") and not pattern.flags & (re.MULTILINE | re.VERBOSE)
            and not _branches(pattern.pattern) and _BACKREFERENCE.search(pattern.pattern) is None)


def _joined(patterns: list[re.Pattern[str]]) -> tuple[re.Pattern[str], list[int]] | None:
    """``patterns`` (of the same flags) as one alternation with each in a group of its own, and the number of each
    one's group; None where they do not compile together (a group name two share)."""
    groups, at = [], 1
    for pattern in patterns:
        groups.append(at)
        at += pattern.groups + 1
    try:
        return re.compile("|".join(f"({p.pattern})" for p in patterns), patterns[0].flags), groups
    except re.error:
        return None


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
    # The line rules a line of a given length may meet, made once from ``lines``: ``_limits`` are the distinct
    # max_chars, ascending, and ``_fitting[i]`` the rules in file order whose max_chars is at least ``_limits[i]``
    # (``_steps``). A line then tries only the rules it fits, with no length test per rule, and the first that
    # matches still wins, as in file order.
    _limits: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _fitting: tuple[tuple[_Step, ...], ...] = field(init=False, repr=False, compare=False)
    # every inline pattern as one (None where they cannot be joined): most lines hold no inline boilerplate, and
    # one search tells so instead of a search per pattern
    _any_inline: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    # most lines hold none of the characters the inline patterns start with, and are ruled out without the union
    _inline_screen: _Screen | None = field(init=False, repr=False, compare=False)
    _longest_heading: int = field(init=False, repr=False, compare=False)  # of the headings that open a section

    def __post_init__(self) -> None:
        limits = tuple(sorted({rule.max_chars for rule in self.lines}))
        fitting = tuple(_steps([rule for rule in self.lines if rule.max_chars >= limit]) for limit in limits)
        object.__setattr__(self, "_limits", limits)  # a frozen dataclass sets its own derived fields so
        object.__setattr__(self, "_fitting", fitting)
        object.__setattr__(self, "_any_inline", _union([p for _, p in self.inline]))
        object.__setattr__(self, "_inline_screen", _screen([p for _, p in self.inline]))
        named = (*self.reference_headings, *self.conclusion_headings, *self.lead_headings)
        object.__setattr__(self, "_longest_heading", max(map(len, named), default=0))

    def line_reason(self, line: str) -> str | None:
        """Why a whole line is boilerplate, or None when it is not."""
        # emphasis marks the Markdown reader left (a "** 本文为…" whose opening ** is followed by a space) hide
        # nothing: the line is what they wrap
        text = line.strip().strip("*_").strip()
        if not text:
            return None
        at = bisect_left(self._limits, len(text))  # the smallest max_chars the line fits: the rules it may meet
        if at == len(self._limits):
            return None  # longer than every rule allows
        for precheck, search, reason, by_group in self._fitting[at]:
            if precheck is not None and not precheck(text):
                continue
            found = search(text)
            if found:
                return reason if by_group is None else by_group[found.lastindex]
        return None

    def inline_spans(self, text: str) -> list[tuple[int, int, str]]:
        if self._inline_screen is not None and _screened_out(self._inline_screen, text):
            return []  # as the union's search finds: none of the patterns matches
        if self._any_inline is not None and self._any_inline.search(text) is None:
            return []
        return [(m.start(), m.end(), reason) for reason, p in self.inline for m in p.finditer(text)]

    def hinted(self, class_and_id: str) -> bool:
        """Whether an element's class or id names it navigation, comments, ads …"""
        return any(tok.lower() in self.html_hints for tok in _TOKEN_SPLIT.split(class_and_id) if tok)

    def numbered(self, heading: str) -> bool:
        """The heading is numbered as a section of the article (二、市场, 3. Pricing, Part 2)."""
        return _SECTION_NUMBER.match(heading) is not None

    def heading_role(self, heading: str) -> str | None:
        """``reference``, ``conclusion`` or ``lead`` for headings that open those sections."""
        core = _HEADING_NUMBER.sub("", heading).strip().strip("：:。.!！ ")
        if len(core) > self._longest_heading:
            return None  # a paragraph (every block is asked): longer than any heading named, as lower() never shortens
        core = core.lower()
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
