"""A language's cue words for the argument stage, read from ``lang/<lang>/argument.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from argmap.extractors.text import alternation, quoted_at

LANG_DIR = Path(__file__).resolve().parents[2] / "lang"


OPENING_PHRASE = 30  # characters: how far the comma that closes an opening phrase may stand
_OPENING_COMMA = re.compile(r"[,，]")


@dataclass(frozen=True, slots=True)
class CueSet:
    """Weighted cues compiled into one pattern; longer cues win where they overlap."""

    pattern: re.Pattern[str] | None
    weights: dict[str, float]
    # the cues are plain substrings (no word boundaries to look around): a cue found in part of a text is in
    # the whole text too, so one search of a stretch rules out every piece of it
    substrings: bool = False

    @classmethod
    def build(cls, weights: dict[str, float], *, words: bool) -> "CueSet":
        if not weights:
            return cls(None, {}, not words)
        # web text mostly writes the apostrophe as ’: "can't" and "can’t" are one cue
        alternatives = "|".join(re.escape(c).replace("'", "['’]") for c in sorted(weights, key=len, reverse=True))
        pattern = rf"(?<![\w'’])(?:{alternatives})(?![\w'’])" if words else f"(?:{alternatives})"
        return cls(re.compile(pattern, re.I if words else 0), {_plain(c): w for c, w in weights.items()}, not words)

    def found(self, text: str) -> list[re.Match[str]]:
        return list(self.pattern.finditer(text)) if self.pattern is not None else []

    def score(self, text: str) -> float:
        """The summed weight of the distinct cues in ``text``."""
        if self.pattern is None:
            return 0.0
        # findall gives the matched strings without a Match object each (the pattern has no groups)
        found = self.pattern.findall(text)
        if not found:
            return 0  # most texts (as sum() of no weights: the int 0)
        # the distinct cues in the order the text has them: a set's order changes with the process's hash seed,
        # and a float sum with the order (1.3 in one run, 1.2999999999999998 in the next)
        return sum(self.weights.get(c, 0.0) for c in dict.fromkeys(_plain(c) for c in found))

    def weight(self, match: re.Match[str]) -> float:
        return self.weights.get(_plain(match.group()), 0.0)

    def any(self, text: str) -> bool:
        return self.pattern is not None and self.pattern.search(text) is not None

    def any_unquoted(self, text: str) -> bool:
        """A cue outside quotation marks: "I think …," said the analyst is the analyst's thinking."""
        return any(not quoted_at(text, m.start()) for m in self.found(text))


def _plain(cue: str) -> str:
    return cue.lower().replace("’", "'")


@dataclass(frozen=True, slots=True)
class ArgumentData:
    lang: str
    min_chars: int
    opinion: CueSet
    report: CueSet
    thesis: CueSet  # the writer's position or summing up: both lists (I think, 我们认为; in conclusion, 综上所述)
    signpost: CueSet
    dissent: CueSet
    negation: CueSet
    against: CueSet  # a position that the brand's move up-market is not real (仍停留在价格层面)
    narrative: CueSet  # telling what happened when: background unless it judges
    speech: CueSet  # said, 表示: reported speech (what is said may be a claim or a report)
    stance: CueSet  # +1 the position says a strategy or brand succeeds (成功, working), -1 that it fails (难以)
    stance_negation: CueSet  # weight 1 a negation, 0 a word that only looks like one (不仅, 未来, "not only")
    opponent: CueSet  # the writer voices the other side to answer it (some may argue, 有人认为, 诚然)
    summary: CueSet  # the writer sums up (in conclusion, all things considered, 综上所述)
    answer: re.Pattern[str] | None = None  # "Yes, …" / 是的，…: opens by answering the question at issue
    negation_reach: int = 6  # characters before a stance cue where a negation turns it around
    attribution_reach: int = 0  # the longest closing attribution ("…, the Kelmar Bank said."), in characters; 0: none
    # summing-up words that sum up only where they open the unit, after quotes and a joining word ("Overall, …",
    # "But in the end it …"; not "the overall figure", "in short supply")
    summary_opening: re.Pattern[str] | None = None
    normative: CueSet | None = None  # should, ought to, 应该: the unit prescribes
    dated: re.Pattern[str] | None = None  # when something happened (3月12日, "last year"): the unit reports it
    # report cues that only name what is measured (sales, market share, 销量): a prediction's topic, not a report
    measures: CueSet | None = None
    # signposts only where they open the unit ("Here are the figures"; not "the danger here is", "fell below 10%")
    signpost_opening: re.Pattern[str] | None = None
    # what of a brand's performance a claim speaks of: an ontology Aspect's local name and its cues (销量, "sales")
    aspects: tuple[tuple[str, CueSet], ...] = ()
    # a negated impact (并未…造成影响, "did not hurt"): what the unit names before it as a trouble did no harm
    no_impact: re.Pattern[str] | None = None
    # every aspect's cues as one set (``_aspects``): it matches a text where one aspect's cues do, so one search rules
    # out the text of most claims (no aspect), instead of a search per aspect
    any_aspect: CueSet | None = None
    # the language's articles state their point in the sentence that opens them (English news and commentary: the
    # lead; Chinese commentary mostly opens with a hook, a date or a scene)
    lead_states_point: bool = False

    def aspects_of(self, text: str) -> tuple[str, ...]:
        """The aspects ``text`` speaks of (am:SalesAspect …, as local names), in the order of the data."""
        if self.any_aspect is not None and not self.any_aspect.any(text):
            return ()
        return tuple(name for name, cues in self.aspects if cues.any(text))

    def signposts(self, text: str) -> bool:
        """The unit announces what follows ("as follows", 本文将, "Here are …" where it opens): neither a claim
        nor evidence."""
        return self.signpost.any(text) or (self.signpost_opening is not None
                                           and self.signpost_opening.match(text) is not None)

    def dates(self, text: str) -> bool:
        """The unit says when what it tells happened (``dated`` in the cue data)."""
        return self.dated is not None and self.dated.search(text) is not None

    def dated_opening(self, text: str) -> bool:
        """The unit opens with a short phrase, set off by a comma, that dates what it tells (3月21日，…; 今年5月，…;
        "Last year, …"): it narrates an event — in commentary, the news the writer starts from."""
        if self.dated is None:
            return False
        comma = _OPENING_COMMA.search(text, 0, OPENING_PHRASE + 1)
        return comma is not None and self.dated.search(text, 0, comma.start()) is not None

    def prescribes(self, text: str) -> bool:
        """The unit says what someone should do (should, ought to, 应该 …: ``normative`` in the cue data)."""
        return self.normative is not None and self.normative.any(text)

    def sums_up(self, text: str, *, measured: bool = False) -> bool:
        """The writer sums up (in conclusion, 综上所述; "Overall, …" where it opens the unit — not a ``measured``
        unit: "Overall, net profits were up 42%" sums up figures, it reports)."""
        return self.summary.any(text) or (not measured and self.summary_opening is not None
                                          and self.summary_opening.match(text) is not None)

    def thesis_cue(self, text: str, *, unquoted: bool = False, measured: bool = False) -> bool:
        """The writer states a position or sums up; ``unquoted``: not inside quotation marks ("I think …," said
        the analyst is the analyst's thinking); ``measured``: the unit carries a figure, so an opening summing-up
        word ("Overall, profits rose 42%") sums up figures, it states no position."""
        if self.thesis.any_unquoted(text) if unquoted else self.thesis.any(text):
            return True
        found = self.summary_opening.match(text) if self.summary_opening is not None and not measured else None
        return found is not None and not (unquoted and quoted_at(text, found.end()))

    def answers(self, text: str) -> bool:
        """The unit opens with an answer word set off by punctuation — a writer stating a position."""
        return self.answer is not None and self.answer.match(text) is not None


@lru_cache(maxsize=8)
def argument_data(lang: str) -> ArgumentData:
    """The shipped cue data of ``lang`` (read once per process: it never changes while running)."""
    raw = json.loads((LANG_DIR / lang / "argument.json").read_text(encoding="utf-8"))
    words = bool(raw.get("word_boundaries", True))

    def cues(*names: str) -> CueSet:
        weights: dict[str, float] = {}
        for name in names:
            value = raw.get(name, {})
            weights.update(value if isinstance(value, dict) else {c: 1.0 for c in value})
        return CueSet.build({str(k): float(v) for k, v in weights.items()}, words=words)

    return ArgumentData(lang, int(raw.get("min_chars", 6)), cues("opinion"), cues("report"), cues("thesis", "summary"),
                        cues("signpost"), cues("dissent"), cues("negation"), cues("against"),
                        cues("narrative"), cues("speech"), _signed(raw, words=words),
                        _signed(raw, words=words, plus=("negation",), zero=("negation_exceptions",)),
                        cues("opponent"), cues("summary"), _opening(raw.get("answer", [])),
                        int(raw.get("negation_reach", 6)), int(raw.get("attribution_reach", 0)),
                        _leading(raw.get("summary_opening", []), words_bounded=words), cues("normative"),
                        _patterns(raw.get("dated", [])), _subset(raw, "report", "measures", words=words),
                        _leading(raw.get("signpost_opening", []), words_bounded=words),
                        _aspects(raw.get("aspects", {}), words=words), _patterns(raw.get("no_impact", []), ignore_case=words),
                        _any_aspect(raw.get("aspects", {}), words=words), bool(raw.get("lead_states_point", False)))


def _aspects(raw: object, *, words: bool) -> tuple[tuple[str, CueSet], ...]:
    """``aspects`` of the cue data: {"SalesAspect": ["sales", …], …} as (local name, cues) pairs."""
    if not isinstance(raw, dict):
        return ()
    return tuple((str(name), CueSet.build({str(c): 1.0 for c in cues}, words=words))
                 for name, cues in raw.items() if isinstance(cues, list) and cues)


def _any_aspect(raw: object, *, words: bool) -> CueSet | None:
    """The cues of every aspect of ``aspects`` (as ``_aspects`` reads them) as one set; None for none."""
    if not isinstance(raw, dict):
        return None
    cues = {str(c): 1.0 for listed in raw.values() if isinstance(listed, list) for c in listed}
    return CueSet.build(cues, words=words) if cues else None


def _subset(raw: dict[str, object], weighted: str, names: str, *, words: bool) -> CueSet:
    """The cues of list ``names`` with their weights in ``weighted`` (a cue it does not weigh counts 1)."""
    weights = raw.get(weighted, {})
    listed = raw.get(names, [])
    return CueSet.build({str(c): float(weights.get(c, 1.0)) if isinstance(weights, dict) else 1.0
                         for c in (listed if isinstance(listed, list) else [])}, words=words)


def _signed(raw: dict[str, object], *, words: bool, plus: tuple[str, ...] = ("favourable",),
            minus: tuple[str, ...] = ("unfavourable", "against"), zero: tuple[str, ...] = ()) -> CueSet:
    """One pattern over lists of opposite meaning, so that where two cues overlap the longer one decides:
    "rising costs" is unfavourable though "rising" is favourable, 不仅 is no negation though 不 is."""
    weights: dict[str, float] = {}
    for names, weight in ((plus, 1.0), (minus, -1.0), (zero, 0.0)):
        for name in names:
            value = raw.get(name, [])
            weights.update({str(c): weight for c in (value if isinstance(value, list) else [])})
    return CueSet.build(weights, words=words)


_CONJUNCTION = r"(?:(?:and|but|so|yet)\s+)?"  # "But overall, …": a clause's own joining word before the cue


def _patterns(patterns: list[str], *, ignore_case: bool = False) -> re.Pattern[str] | None:
    """The language data's regular expressions as one pattern (None for none), matched case-sensitively ("May"
    the month, not "may") unless ``ignore_case``."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I if ignore_case else 0) if patterns else None


def _opening(words: list[str]) -> re.Pattern[str] | None:
    """Any of ``words`` at the very start of a unit (after quotes), followed by punctuation: an answer, not
    a word that happens to open a sentence ("No one …", 不少…)."""
    if not words:
        return None
    return re.compile(rf"[\s\"'“‘「]*(?:{alternation(words)})\s*[,，.。!！:：;；]", re.I)


def _leading(words: list[str], *, words_bounded: bool) -> re.Pattern[str] | None:
    """Any of ``words`` where a unit opens (after quotes and a joining word): "Overall, …", "But in the end it …",
    not "the overall figure" or "in short supply" inside it."""
    if not words:
        return None
    end = r"(?![\w'’])" if words_bounded else ""
    return re.compile(rf"[\s\"'“‘「]*{_CONJUNCTION}(?:{alternation(words)}){end}", re.I)


@lru_cache(maxsize=1)
def evidence_sides() -> dict[str, bool]:
    """Evidence kind -> True when it speaks for a brand's premium (value-driven), False when against."""
    raw = json.loads((Path(__file__).resolve().parent / "sides.json").read_text(encoding="utf-8"))
    return {**{k: True for k in raw["for"]}, **{k: False for k in raw["against"]}}
