"""Lexicons and cue lists: loading, merging and compiling the data files of every language.

One JSON format for both languages (argmap/extractors/data/README.md has the whole of it). A lexicon
file is one JSON object; every key is optional, so a user file passed with ``--lexicon FILE`` may add
just a few brands or a few cues::

    {
      "entities": [
        {"kind": "brand", "key": "xiaomi", "zh": "小米", "en": "Xiaomi",
         "aliases": ["小米集团", "Xiaomi Corp"], "brand": "owner brand key (products only)"}
      ],
      "zh": {
        "strategies":  [{"type": "Premiumization", "slug": "premiumization", "zh": "高端化",
                         "en": "premiumization", "cues": ["高端化", "re:冲击.{0,4}高端"]}],
        "constraints": [{"type": "BrandPerceptionConstraint", "slug": "brand-perception", ...}],
        "evidence_kinds": [{"kind": "PriceDoubt", "polarity": "against",
                            "strategy": "Premiumization", "cues": ["凭什么卖"]}],
        "discourse": [{"marker": "然而", "role": "attack"}],
        "cues": {"hedge": ["或许"], "money": ["营收"], ...},
        "patterns": {"flagship": ["旗舰机型"], ...}
      },
      "en": {"cues": {"hedge": ["reportedly"]}}
    }

Entities serve every language (they carry a label per language). Cue data belongs to one language: it
stands in a section named by the language (``"zh"``, ``"en"``), or at the top level of a file that says
``"lang": "en"``; the shipped files under ``lang/<lang>/lexicon/`` hold that language's cue data at
their top level. ``kind`` is one of brand, organization, product, person, event, market; ``key`` is
the stable identity (``brand/xiaomi``). A cue is a literal string, or a regular expression when it
starts with ``re:``. Later files extend earlier ones; an entity with the same kind and key as an
earlier one adds its aliases and replaces its labels.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from argmap.errors import LexiconError
from argmap.extractors.model import EntityKind
from argmap.extractors.state import MarkerRole

ENTITY_DIR = Path(__file__).parent / "data" / "entities"  # one entity lexicon for both languages (zh and en labels)
LANG_DIR = Path(__file__).parent / "lang"  # a language's cue data: lang/<lang>/lexicon/*.json
README = "argmap/extractors/data/README.md"
_KEY = re.compile(r"[\w.\-]+")  # entity keys become IRI segments (amid:brand/<key>)
REGEX_PREFIX = "re:"  # a cue written as a regular expression
CUE_KEYS = ("strategies", "constraints", "evidence_kinds", "discourse", "cues", "patterns")  # one language's data


class Polarity(str, Enum):
    FOR = "for"
    AGAINST = "against"


# What a discourse marker may say, in every language: the roles of state.MarkerRole (a language's data names
# them as the argument stage reads them; there is no second vocabulary to map).
DISCOURSE_ROLES: frozenset[str] = frozenset(r.value for r in MarkerRole)
_RENAMED_ROLES = {"contrast": "attack", "cause": "support"}  # the Chinese lexicon's own names until both shared one
POSITIONS = ("initial", "any")  # where a marker may stand in its clause (the English clause splitter reads it)


@dataclass(frozen=True, slots=True)
class LexEntry:
    kind: EntityKind
    key: str
    labels: dict[str, str]
    forms: tuple[str, ...]  # every surface form, labels and aliases
    brand: str | None = None  # the owner brand of a product
    aliases: tuple[str, ...] = ()  # as listed, in every language

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
class DiscourseMarker:
    marker: str
    role: str  # one of DISCOURSE_ROLES
    position: str = "initial"  # "initial": only where a clause starts; "any": anywhere in it


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's lexicon: the entities of every language and this language's cue data."""

    entities: tuple[LexEntry, ...] = ()
    strategies: tuple[CueClass, ...] = ()
    constraints: tuple[CueClass, ...] = ()
    evidence_kinds: tuple[CueClass, ...] = ()
    discourse: dict[str, DiscourseMarker] = field(default_factory=dict)
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def cue_list(self, name: str) -> tuple[str, ...]:
        return self.cues.get(name, ())

    def pattern_list(self, name: str) -> tuple[str, ...]:
        return self.patterns.get(name, ())


def languages() -> tuple[str, ...]:
    """The languages with shipped cue data (a folder ``lang/<lang>/lexicon/``)."""
    return tuple(sorted(p.parent.name for p in LANG_DIR.glob("*/lexicon") if p.is_dir()))


def default_lexicon_paths(lang: str, data_dir: Path | str | None = None) -> list[Path]:
    """The shipped entity lexicon, then the cue data of one language (``data_dir``, else the shipped
    ``lang/<lang>/lexicon/``), in a stable order."""
    cue_dir = Path(data_dir) if data_dir else LANG_DIR / lang / "lexicon"
    return [*sorted(ENTITY_DIR.glob("*.json")), *sorted(cue_dir.glob("*.json"))]


def lexicon_for(lang: str, extra: Sequence[Path | str] = (), data_dir: Path | str | None = None) -> Lexicon:
    """The shipped lexicon of ``lang`` extended by the user's files, in the order given."""
    return load_lexicon(lang, default_lexicon_paths(lang, data_dir), extra)


def load_lexicon(lang: str, shipped: Iterable[Path | str], user: Iterable[Path | str] = ()) -> Lexicon:
    """Read and merge the lexicon of ``lang``: the ``shipped`` files, whose top-level cue data is ``lang``'s
    (they lie in its folder), then the ``user``'s, which say the language of theirs. Cue data of another
    language is checked too, so a malformed file fails whatever the article's language. A malformed file
    raises ``LexiconError`` naming it."""
    known = languages()
    merged = _Merged(lang)
    for raw, implied in [*((p, lang) for p in shipped), *((p, None) for p in user)]:
        path = Path(raw)
        data = _read(path)
        try:
            merged.add_entities(data.get("entities", []))
            for section_lang, section in _sections(data, implied, known):
                (merged if section_lang == lang else _Merged(section_lang)).add(section)
        except LexiconError as exc:
            raise LexiconError(f"lexicon {path}: {exc.message}; see {README}") from None
        except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
            raise LexiconError(f"lexicon {path}: malformed entry ({exc}); see {README}") from None
    return merged.freeze()


def _read(path: Path) -> dict[str, Any]:
    """One lexicon file as a JSON object; a tab-separated file of older argmap versions is refused."""
    if path.suffix.lower() == ".tsv":
        raise LexiconError(f"lexicon {path}: tab-separated lexicons are no longer read; convert it to JSON with "
                           f"python -m argmap.extractors.tsv_lexicon {path} > {path.stem}.json (see {README})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"lexicon {path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"lexicon {path}: not valid UTF-8 JSON ({exc}); see {README}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon {path}: expected a JSON object with keys like \"entities\" or \"en\"")
    return data


def _sections(data: dict[str, Any], implied: str | None, known: Sequence[str]) -> list[tuple[str, dict[str, Any]]]:
    """A file's cue data by language: its top level (the language of ``"lang"``, else ``implied``), then
    its sections named by a language."""
    out = []
    top = {key: data[key] for key in CUE_KEYS if key in data}
    lang = data.get("lang", implied)
    if lang is not None and lang not in known:
        raise LexiconError(f"\"lang\" is {lang!r}; use one of {', '.join(known)}")
    if top:
        if lang is None:
            raise LexiconError(f"say which language its {', '.join(top)} are for: add \"lang\" ({', '.join(known)}) "
                               "or put them in a section named by the language, such as \"en\": {…}")
        out.append((lang, top))
    for name in known:
        section = data.get(name)
        if section is None:
            continue
        if not isinstance(section, dict):
            raise LexiconError(f"section \"{name}\" must be an object with keys like \"cues\"")
        unknown = sorted(set(section) - set(CUE_KEYS))
        if unknown:
            raise LexiconError(f"section \"{name}\" holds {', '.join(CUE_KEYS)}, not {', '.join(unknown)}")
        out.append((name, section))
    return out


@dataclass
class _Merged:
    lang: str
    entities: dict[tuple[EntityKind, str], LexEntry] = field(default_factory=dict)
    strategies: dict[str, CueClass] = field(default_factory=dict)
    constraints: dict[str, CueClass] = field(default_factory=dict)
    evidence: dict[str, CueClass] = field(default_factory=dict)
    discourse: dict[str, DiscourseMarker] = field(default_factory=dict)
    cues: dict[str, list[str]] = field(default_factory=dict)
    patterns: dict[str, list[str]] = field(default_factory=dict)

    def add_entities(self, items: Iterable[dict[str, Any]]) -> None:
        for item in items:
            entry = _entry(item)
            old = self.entities.get((entry.kind, entry.key))
            if old is not None:
                entry = LexEntry(entry.kind, entry.key, {**old.labels, **entry.labels},
                                 tuple(dict.fromkeys(old.forms + entry.forms)), entry.brand or old.brand,
                                 tuple(dict.fromkeys(old.aliases + entry.aliases)))
            self.entities[(entry.kind, entry.key)] = entry

    def add(self, data: dict[str, Any]) -> None:
        """One language's cue data (the keys of ``CUE_KEYS``)."""
        for name, target in (("strategies", self.strategies), ("constraints", self.constraints), ("evidence_kinds", self.evidence)):
            for item in data.get(name, []):
                cls = _cue_class(item)
                old = target.get(cls.type)
                if old is not None:  # an entry without a slug (labels only, more cues) keeps the earlier one
                    cls = CueClass(cls.type, cls.slug if item.get("slug") else old.slug, {**old.labels, **cls.labels},
                                   tuple(dict.fromkeys(old.cues + cls.cues)), cls.polarity or old.polarity,
                                   cls.strategy or old.strategy)
                target[cls.type] = cls
        for item in data.get("discourse", []):
            marker = _marker(item, self.lang)
            self.discourse[marker.marker] = marker
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
    aliases = tuple(str(a) for a in item.get("aliases", []))
    forms = tuple(dict.fromkeys(f for f in [*labels.values(), *aliases] if f.strip()))
    if not forms:
        raise ValueError(f"entity {key!r} has no zh/en label or alias")
    return LexEntry(kind, key, labels, forms, item.get("brand"), aliases)


def _cue_class(item: dict[str, Any]) -> CueClass:
    cues = tuple(str(c) for c in item.get("cues", []))
    for cue in cues:
        _check_cue(cue)
    name = str(item.get("type") or item["kind"])
    polarity = Polarity(item["polarity"]) if item.get("polarity") else None
    return CueClass(name, str(item.get("slug") or name.lower()), _labels(item), cues, polarity, item.get("strategy"))


def _marker(item: dict[str, Any], lang: str) -> DiscourseMarker:
    marker, role, position = str(item["marker"]), str(item["role"]), str(item.get("position", POSITIONS[0]))
    if role not in DISCOURSE_ROLES:
        renamed = _RENAMED_ROLES.get(role)
        hint = f" (say {renamed!r}: lexicons before 2026-11 named it {role!r})" if renamed else ""
        raise ValueError(f"discourse marker {marker!r}: role {role!r} is none of {', '.join(sorted(DISCOURSE_ROLES))}"
                         + hint)
    if position not in POSITIONS:
        raise ValueError(f"discourse marker {marker!r}: position {position!r} is none of {', '.join(POSITIONS)}")
    return DiscourseMarker(marker, role, position)


def _check_cue(value: Any) -> None:
    if not isinstance(value, str) or not value:
        raise TypeError(f"cue {value!r} must be a non-empty string")
    if value.startswith(REGEX_PREFIX):
        re.compile(value[len(REGEX_PREFIX):])


def cue_pattern(cue: str, flags: int = 0) -> re.Pattern[str]:
    """One cue as a pattern: a ``re:`` cue as written, a literal one escaped."""
    body = cue[len(REGEX_PREFIX):] if cue.startswith(REGEX_PREFIX) else re.escape(cue)
    return re.compile(body, flags)


def compile_cues(cues: Sequence[str]) -> re.Pattern[str] | None:
    """One alternation for a cue list: literals escaped (longest first), ``re:`` cues as written."""
    if not cues:
        return None
    literal = sorted((c for c in cues if not c.startswith(REGEX_PREFIX)), key=len, reverse=True)
    regex = [c[len(REGEX_PREFIX):] for c in cues if c.startswith(REGEX_PREFIX)]
    parts = [re.escape(c) for c in literal] + [f"(?:{r})" for r in regex]
    return re.compile("|".join(parts))


def phrase_regex(phrases: Iterable[str], *, case_sensitive: bool = False) -> re.Pattern[str] | None:
    """One regex matching any phrase as whole words, longest first, then the ``re:`` cues as written; None
    when there are none."""
    given = list(phrases)
    unique = sorted({p for p in given if p and not p.startswith(REGEX_PREFIX)}, key=len, reverse=True)
    written = [p[len(REGEX_PREFIX):] for p in dict.fromkeys(given) if p.startswith(REGEX_PREFIX)]
    if not unique and not written:
        return None
    body = "|".join([*(re.escape(p).replace(r"\ ", r"\s+") for p in unique), *(f"(?:{r})" for r in written)])
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", flags)


CueMatcher = Callable[[Sequence[str]], "re.Pattern[str] | None"]
# How a language's cues are found in its text, named by its pipeline config: Chinese is written without spaces,
# so a cue is found anywhere in it ("substring"); English cues are whole words, in any case ("words").
CUE_MATCHING: dict[str, CueMatcher] = {"substring": compile_cues, "words": phrase_regex}
