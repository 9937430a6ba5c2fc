"""``argmap_entities_v3``: the brands, organizations, products, persons, events and markets an article names,
in every language.

Finding a name is what a language does its own way: a small finder per language, ``lang/<finder>/entities.py``,
named by the pipeline config (``finder``), reports each mention as an ``EntityHit`` — Chinese matches the
lexicon and judges unknown words over jieba's words, English matches the lexicon and its patterns (``Foo
Inc.``, ``CEO First Last``) over the text; both take names outside the lexicon from the shared sources in
``components/names/`` (``name_sources``). Everything else is done here, once, for every language:
- the lexicon (``lexicons``, ``data_dir``) and the name sources are read for the finder;
- each hit becomes a mention of its entity in the ``DocState`` (``record``): the first hit of an entity
  names it, entities come in the order the finder found them, each entity's mentions too;
- each hit's ref goes into the unit that holds it, in text order (``Unit.refs``: what the stages after read);
- a person's role where the text states it (``names.roles``: 蔚来创始人李斌, "Henrik Valstad, chief executive of
  Aston Martin");
- the article's main brand: the one its title names first when the text is about it too, else the one named
  most (``titled_brand``).
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from dataclasses import replace
from operator import attrgetter
from typing import Iterable, Mapping, Protocol, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from argmap.errors import LexiconError
from argmap.extractors.components import names
from argmap.extractors.lexicon import LexEntry, Lexicon, lexicon_for
from argmap.extractors.model import Entity, EntityKind, Mention
from argmap.extractors.components.argument.model import TITLE_KEY
from argmap.extractors.state import DocState, EntityHit, get_state, most_named_brand


_START = attrgetter("start")
TITLE_SHARE = 0.5  # of the most named brand's mentions: the title's brand must be one the text is about too


class Finder(Protocol):
    names: names.NameData  # the language's name data with the lexicons' person titles

    def find(self, doc: Doc, state: DocState) -> list[EntityHit]:
        """The mentions of entities in the article, in the order found (an entity is recorded where its first
        hit stands); ``state`` holds its sentences and units, ``doc`` its tokens."""


# The finders by the name a pipeline config gives them; imported when a pipeline is built. Each module's
# ``Finder(lexicon, tokenizer, sources=…)`` makes one (the tokenizer: jieba learns the lexicon's names).
FINDERS = {"zh": "argmap.extractors.lang.zh.entities", "en": "argmap.extractors.lang.en.entities"}


def entity_finder(name: str, lexicon: Lexicon, tokenizer: object, sources: Iterable[str]) -> Finder:
    module = FINDERS.get(name)
    if module is None:
        raise LexiconError(f"entities finder {name!r} in the pipeline config is none of {', '.join(FINDERS)}")
    return importlib.import_module(module).Finder(lexicon, tokenizer, sources=sources)


class Entities:
    def __init__(self, finder: Finder, data: names.NameData, known: Mapping[str, LexEntry] | None = None) -> None:
        self.finder = finder
        self.names = data  # the language's person titles, for the roles
        self.known = known or {}  # the lexicon's entities by ref: what names an entity the lexicon knows

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        hits = person_or_brand(self.finder.find(doc, state), state.content, self.names.person_titles)
        record(state, hits, self.known)
        in_text_order = sorted(hits, key=_START)  # stable: a brand stays before its product (小米旗舰)
        refs = [h.ref for h in in_text_order]  # made once: a hit's ref is a new string each time it is asked
        name_in_units(state, in_text_order, refs)
        add_roles(state, self.names)
        state.main_brand = titled_brand(in_text_order, refs, state.content, doc.user_data.get(TITLE_KEY, ""))
        return doc


def titled_brand(hits: Sequence[EntityHit], refs: Sequence[str], content: str, title: str) -> str | None:
    """The article's main brand: the brand its title names first, when the text names it at least
    ``TITLE_SHARE`` as often as the brand it names most — a headline names what the story is about ("Kelmar
    targets Hoka …" is Kelmar's story, though Hoka, its yardstick, is named more); otherwise, or when the
    title names none, the brand named most (``most_named_brand``). A brand the title only sets the scene with
    (面对赞多、凯达，瑞禾…: named twice against the other's twenty) does not outweigh the one the text is about."""
    most = most_named_brand(refs)
    if most is None or not title:
        return most
    counts = Counter(r for r in refs if r.startswith("brand/"))
    first: tuple[int, str] | None = None
    seen: set[tuple[str, str]] = set()
    for hit in hits:
        if not hit.ref.startswith("brand/"):
            continue
        name = content[hit.start:hit.end]
        if (hit.ref, name) in seen or name not in title:
            continue  # a brand is named many times, by few names; most names are not in the title at all
        seen.add((hit.ref, name))
        at = _named_at(title, name)
        if at is not None and (first is None or at < first[0]):
            first = (at, hit.ref)
    if first is None or counts[first[1]] < TITLE_SHARE * counts[most]:
        return most
    return first[1]


def _named_at(title: str, name: str) -> int | None:
    """Where ``name`` stands in ``title``: a Latin name with no Latin letter or digit beside it (Chrysler is not
    named by "DaimlerChrysler"; 面对Globex， names Globex), a Chinese name anywhere."""
    if not name:
        return None
    found = re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])" if name[:1].isascii() else re.escape(name),
                      title)
    return found.start() if found else None


def person_or_brand(hits: list[EntityHit], text: str, titles: Sequence[str]) -> list[EntityHit]:
    """One name is one entity in an article: where the finders read it as a person in one place and as a brand
    or company in others, it is the person if the text gives one of its mentions a person's title (创始人林远舟
    … 林远舟认为). Without a title the count of mentions decides nothing: the finders read a person the story
    follows (周启明 … 周启明转行) as a brand as often as they read a brand as a person."""
    by_label: dict[str, list[EntityHit]] = {}
    for hit in hits:
        by_label.setdefault(hit.label, []).append(hit)
    ends = tuple(titles)  # for one str.endswith per mention
    chosen: dict[str, EntityHit] = {}
    for label, group in by_label.items():
        people = [h for h in group if h.kind is EntityKind.PERSON]
        bodies = [h for h in group if h.kind in (EntityKind.BRAND, EntityKind.ORGANIZATION)]
        if not people or not bodies:
            continue
        titled = next((h for h in people if _titled(text, h.start, ends)), None)
        if titled is not None:
            chosen[label] = titled
    if not chosen:
        return hits
    return [hit if hit.label not in chosen or hit.kind not in _PERSON_OR_BODY
            else replace(chosen[hit.label], start=hit.start, end=hit.end) for hit in hits]


_PERSON_OR_BODY = (EntityKind.PERSON, EntityKind.BRAND, EntityKind.ORGANIZATION)


def _titled(text: str, start: int, titles: tuple[str, ...]) -> bool:
    before = text[max(0, start - 8):start].rstrip(" ,，、")
    return bool(titles) and before.endswith(titles)


def record(state: DocState, hits: Sequence[EntityHit], known: Mapping[str, LexEntry] | None = None) -> None:
    """Each hit as a mention of its entity in ``state.entities``; the first hit of an entity makes it, a later
    one with other names (GM for General Motors) adds them. An entity the lexicon knows (``known``, by ref) is
    named as the lexicon names it, whichever source found it."""
    entities, content = state.entities, state.content
    for hit in hits:
        entity = entities.get(hit.ref)
        if entity is None:
            entry = known.get(hit.ref) if known else None
            label, labels, aliases = _named(hit, entry) if entry is not None else (hit.label, dict(hit.labels), hit.aliases)
            entity = entities[hit.ref] = Entity(hit.key, hit.kind, label, labels, aliases=aliases, brand=hit.brand)
        elif hit.aliases and not set(hit.aliases) <= set(entity.aliases):
            entity.aliases = tuple(dict.fromkeys((*entity.aliases, *hit.aliases)))
        entity.mentions.append(Mention(hit.start, hit.end, content[hit.start:hit.end]))


def _named(hit: EntityHit, entry: LexEntry) -> tuple[str, dict[str, str], tuple[str, ...]]:
    """A name an open-world source found whose ref the lexicon knows (APPLE in a Chinese article, found by its
    shape, is brand/apple): the lexicon's labels name the entity in every language (苹果 / Apple, not APPLE
    beside Apple in the store), and the article's spelling is one more name of it."""
    if not entry.labels or hit.labels == entry.labels:
        return hit.label, dict(hit.labels), hit.aliases
    spelt = tuple(label for label in (hit.label, *hit.labels.values()) if label not in entry.forms)
    label = hit.label if hit.label in entry.labels.values() else next(iter(entry.labels.values()))
    return label, dict(entry.labels), tuple(dict.fromkeys((*hit.aliases, *spelt)))


def name_in_units(state: DocState, hits: Sequence[EntityHit], refs: Sequence[str]) -> None:
    """Each hit's ref (``refs``, one per hit) in the unit that holds it whole, in the order given: what a unit
    names is read from ``Unit.refs`` by the stages after (strategies add theirs there too)."""
    units = state.units
    for hit, ref in zip(hits, refs):
        index = state.unit_at(hit.start)
        if index is not None and hit.end <= units[index].end:
            units[index].refs.append(ref)


def add_roles(state: DocState, data: names.NameData) -> None:
    """A person's title and where, when the text says it (蔚来创始人李斌, Gartner analyst Tom Kale)."""
    def mentions(*kinds: EntityKind) -> list[tuple[str, int, int]]:
        return [(ref, start, end) for start, end, ref in state.mentions(kinds)]

    found = names.roles(state.content, mentions(EntityKind.PERSON),
                        mentions(EntityKind.BRAND, EntityKind.ORGANIZATION), data)
    for ref, role in found.items():
        state.entities[ref].role, state.entities[ref].role_at = role.title, role.at


@Language.factory("argmap_entities_v3", default_config={
    "finder": "", "data_dir": "", "lexicons": [], "name_sources": list(names.ALL_FINDERS)})
def make_entities(nlp: Language, name: str, finder: str, data_dir: str, lexicons: list[str],
                  name_sources: list[str]) -> Entities:
    """``finder`` names the language's finder (``FINDERS``; the pipeline's language if empty); names outside
    the lexicon come from the sources in ``name_sources`` (``names.NameFinder``)."""
    lexicon = lexicon_for(nlp.lang, lexicons, data_dir or None)
    found = entity_finder(finder or nlp.lang, lexicon, nlp.tokenizer, name_sources)
    return Entities(found, found.names, {entry.ref: entry for entry in lexicon.entities})
