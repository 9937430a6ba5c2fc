"""Lexicons and cue lists: loading, merging and compiling the data files.

A lexicon file is one JSON object; every top-level key is optional, so a user file
passed with ``--lexicon FILE`` may add just a few brands or a few cues::

    {
      "entities": [
        {"kind": "brand", "key": "xiaomi", "zh": "小米", "en": "Xiaomi",
         "aliases": ["小米集团", "Xiaomi Corp"], "brand": "owner brand key (products only)"}
      ],
      "strategies":  [{"type": "Premiumization", "slug": "premiumization", "zh": "高端化",
                       "en": "premiumization", "cues": ["高端化", "re:冲击.{0,4}高端"]}],
      "constraints": [{"type": "BrandPerceptionConstraint", "slug": "brand-perception", ...}],
      "evidence_kinds": [{"kind": "PriceDoubt", "polarity": "against",
                          "strategy": "Premiumization", "cues": ["凭什么卖"]}],
      "discourse": [{"marker": "然而", "role": "contrast"}],
      "cues": {"hedge": ["或许"], "money": ["营收"], ...},
      "patterns": {"flagship": ["旗舰机型"], ...}
    }

``kind`` is one of brand, organization, product, person, event, market; ``key`` is the
stable identity (``brand/xiaomi``). A cue is a literal string, or a regular expression
when it starts with ``re:``. Later files extend earlier ones; an entity with the same
kind and key as an earlier one adds its aliases and replaces its labels.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Sequence

from argmap.errors import LexiconError
from argmap.extractors.model import EntityKind

ENTITY_DIR = Path(__file__).parent / "data" / "entities"  # one entity lexicon for both languages (zh and en labels)
LANG_DIR = Path(__file__).parent / "lang"  # a language's cue data: lang/<lang>/lexicon/*.json
_KEY = re.compile(r"[\w.\-]+")  # entity keys become IRI segments (amid:brand/<key>)
_REGEX_PREFIX = "re:"


class Polarity(str, Enum):
    FOR = "for"
    AGAINST = "against"


class DiscourseRole(str, Enum):
    CONTRAST = "contrast"
    CONCLUSION = "conclusion"
    ADDITION = "addition"
    EXAMPLE = "example"
    CAUSE = "cause"


@dataclass(frozen=True, slots=True)
class LexEntry:
    kind: EntityKind
    key: str
    labels: dict[str, str]
    forms: tuple[str, ...]  # every surface form, labels and aliases
    brand: str | None = None  # the owner brand of a product

    @property
    def ref(self) -> str:
        return f"{self.kind.path}/{self.key}"


@dataclass(frozen=True, slots=True)
class CueClass:
    """A class recognised by cues: a strategy, constraint or evidence kind."""

    type: str  # ontology local name
    slug: str
    labels: dict[str, str]
    cues: tuple[str, ...]
    polarity: Polarity | None = None
    strategy: str | None = None  # the strategy type the evidence speaks for or against


@dataclass(frozen=True, slots=True)
class Lexicon:
    entities: tuple[LexEntry, ...] = ()
    strategies: tuple[CueClass, ...] = ()
    constraints: tuple[CueClass, ...] = ()
    evidence_kinds: tuple[CueClass, ...] = ()
    discourse: dict[str, DiscourseRole] = field(default_factory=dict)
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def cue_list(self, name: str) -> tuple[str, ...]:
        return self.cues.get(name, ())

    def pattern_list(self, name: str) -> tuple[str, ...]:
        return self.patterns.get(name, ())


def default_lexicon_paths(lang: str) -> list[Path]:
    """The shipped entity lexicon, then the shipped data files of one language, in a stable order."""
    return [*sorted(ENTITY_DIR.glob("*.json")), *sorted((LANG_DIR / lang / "lexicon").glob("*.json"))]


def load_lexicon(paths: Iterable[Path | str]) -> Lexicon:
    """Read and merge lexicon files; a malformed file raises ``LexiconError`` naming it."""
    merged = _Merged()
    for raw in paths:
        path = Path(raw)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise LexiconError(f"lexicon {path}: cannot read ({exc.strerror})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LexiconError(f"lexicon {path}: not valid UTF-8 JSON ({exc}); see argmap/extractors/data/README.md") from None
        if not isinstance(data, dict):
            raise LexiconError(f"lexicon {path}: expected a JSON object with keys like \"entities\" or \"cues\"")
        try:
            merged.add(data)
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise LexiconError(f"lexicon {path}: malformed entry ({exc}); see argmap/extractors/data/README.md") from None
    return merged.freeze()


@dataclass
class _Merged:
    entities: dict[tuple[EntityKind, str], LexEntry] = field(default_factory=dict)
    strategies: dict[str, CueClass] = field(default_factory=dict)
    constraints: dict[str, CueClass] = field(default_factory=dict)
    evidence: dict[str, CueClass] = field(default_factory=dict)
    discourse: dict[str, DiscourseRole] = field(default_factory=dict)
    cues: dict[str, list[str]] = field(default_factory=dict)
    patterns: dict[str, list[str]] = field(default_factory=dict)

    def add(self, data: dict[str, Any]) -> None:
        for item in data.get("entities", []):
            entry = _entry(item)
            old = self.entities.get((entry.kind, entry.key))
            if old is not None:
                forms = tuple(dict.fromkeys(old.forms + entry.forms))
                entry = LexEntry(entry.kind, entry.key, {**old.labels, **entry.labels}, forms, entry.brand or old.brand)
            self.entities[(entry.kind, entry.key)] = entry
        for name, target in (("strategies", self.strategies), ("constraints", self.constraints), ("evidence_kinds", self.evidence)):
            for item in data.get(name, []):
                cls = _cue_class(item)
                old = target.get(cls.type)
                if old is not None:
                    cls = CueClass(cls.type, cls.slug, {**old.labels, **cls.labels}, tuple(dict.fromkeys(old.cues + cls.cues)),
                                   cls.polarity or old.polarity, cls.strategy or old.strategy)
                target[cls.type] = cls
        for item in data.get("discourse", []):
            self.discourse[str(item["marker"])] = DiscourseRole(item["role"])
        for section, target2 in (("cues", self.cues), ("patterns", self.patterns)):
            for name, values in data.get(section, {}).items():
                if not isinstance(values, list):
                    raise TypeError(f"{section}.{name} must be a list of strings")
                for value in values:
                    _check_cue(value)
                target2.setdefault(name, []).extend(v for v in values if v not in target2.get(name, []))

    def freeze(self) -> Lexicon:
        return Lexicon(
            entities=tuple(self.entities.values()),
            strategies=tuple(self.strategies.values()),
            constraints=tuple(self.constraints.values()),
            evidence_kinds=tuple(self.evidence.values()),
            discourse=dict(self.discourse),
            cues={k: tuple(v) for k, v in self.cues.items()},
            patterns={k: tuple(v) for k, v in self.patterns.items()},
        )


def _labels(item: dict[str, Any]) -> dict[str, str]:
    return {tag: str(item[tag]) for tag in ("zh", "en") if item.get(tag)}


def _entry(item: dict[str, Any]) -> LexEntry:
    kind = EntityKind(str(item["kind"]).capitalize())
    key = str(item["key"]).strip()
    if not _KEY.fullmatch(key):
        raise ValueError(f"entity key {key!r} must be letters, digits, '-', '_' or '.' (it becomes part of an IRI)")
    labels = _labels(item)
    aliases = [str(a) for a in item.get("aliases", [])]
    forms = tuple(dict.fromkeys(f for f in [*labels.values(), *aliases] if f.strip()))
    if not forms:
        raise ValueError(f"entity {key!r} has no zh/en label or alias")
    return LexEntry(kind, key, labels, forms, item.get("brand"))


def _cue_class(item: dict[str, Any]) -> CueClass:
    cues = tuple(str(c) for c in item.get("cues", []))
    for cue in cues:
        _check_cue(cue)
    name = str(item.get("type") or item["kind"])
    polarity = Polarity(item["polarity"]) if item.get("polarity") else None
    return CueClass(name, str(item.get("slug") or name.lower()), _labels(item), cues, polarity, item.get("strategy"))


def _check_cue(value: Any) -> None:
    if not isinstance(value, str) or not value:
        raise TypeError(f"cue {value!r} must be a non-empty string")
    if value.startswith(_REGEX_PREFIX):
        re.compile(value[len(_REGEX_PREFIX):])


def compile_cues(cues: Sequence[str]) -> re.Pattern[str] | None:
    """One alternation for a cue list: literals escaped (longest first), ``re:`` cues as written."""
    if not cues:
        return None
    literal = sorted((c for c in cues if not c.startswith(_REGEX_PREFIX)), key=len, reverse=True)
    regex = [c[len(_REGEX_PREFIX):] for c in cues if c.startswith(_REGEX_PREFIX)]
    parts = [re.escape(c) for c in literal] + [f"(?:{r})" for r in regex]
    return re.compile("|".join(parts))


def lexicon_for(lang: str, extra: Sequence[Path | str] = ()) -> Lexicon:
    """The shipped lexicon of ``lang`` extended by the user's files, in the order given."""
    return load_lexicon([*default_lexicon_paths(lang), *extra])
