"""The English entity finder (``finder = "en"`` of ``components/entities.py``), over the text: brands,
organizations, products, persons, events and markets.

Lexicon names (data/entities/ and the user's) match case-sensitively as whole words. Entities outside
the lexicon come from its ``patterns`` (lang/en/lexicon/cues.json): ``Foo Inc.`` / ``Foo Corp.`` (a brand),
``Foo's sneakers`` (a brand), a known brand followed by a model number (``Xiaomi 14 Ultra``, a product),
and ``CEO First Last`` / ``First Last, chief executive`` (a person). Names outside the lexicon and the
patterns come from the shared sources (the model, shapes). Where hits overlap within a sentence the longest
wins; one name is one entity (the lexicon's kind, else the kind most mentions have), and the other names of
one entity (GM, General Motors) become mentions of it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from argmap.extractors.components import names
from argmap.extractors.components.names.places import place_names
from argmap.extractors.lang.en.lexicon import LexEntry, english_entries
from argmap.extractors.lexicon import Lexicon
from argmap.extractors.model import EntityKind, Span
from argmap.extractors.state import DocState, EntityHit
from argmap.extractors.text import alternation, slug

_CAP = r"[A-Z][\w&'’.-]*[\w&]"
_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,3}}"
# Shihab-Eldin, Carl-Peter; McCafferty, DiMarco, O'Neill (a capital inside, after a short prefix); and the
# pattern must not stop inside such a word ("Ian Mc" of Ian McCafferty)
_PERSON_WORD = r"[A-Z][a-zà-ÿ'’]+(?:[A-Z][a-zà-ÿ'’]+)?(?:-[A-Z]?[a-zà-ÿ'’]+)*(?![\w'’])"


def _person(particles: frozenset[str]) -> str:
    """Two or three capitalised words, a particle maybe between them (Jeremy de Souza); not "Peter Forster"
    of Carl-Peter Forster."""
    join = rf"\s+(?:(?:{_alternation(sorted(particles))})\s+)?" if particles else r"\s+"
    return rf"(?<![\w'’-]){_PERSON_WORD}(?:{join}{_PERSON_WORD}){{1,2}}"


def _alternation(values: list[str]) -> str:
    return alternation(values) or r"(?!x)x"  # none: a body that matches nothing


class Finder:
    """The hits of one article (``find``), in text order; ``tokenizer`` is unused (the patterns read the text)."""

    def __init__(self, lexicon: Lexicon, tokenizer: object = None, *,
                 sources: Iterable[str] = names.ALL_FINDERS) -> None:
        self.names = names.name_data("en", lexicon)
        self.sources = names.finders(sources)
        self.entries = english_entries(lexicon)
        self.by_name: dict[str, LexEntry] = {}
        self._keys = {e.key for e in self.entries}
        for entry in self.entries:
            for name in entry.names:
                self.by_name.setdefault(name, entry)
        known = _alternation(list(self.by_name))
        self.lexicon = re.compile(rf"(?<![\w-])(?:{known})(?![\w-])")
        patterns = {name: list(values) for name, values in lexicon.patterns.items()}
        self.not_brand = set(patterns.get("not_brand", []))
        # "Aston's cars" for Aston Martin: a brand's first word, unless a place (China Mobile) or shared by brands
        firsts = Counter(e.label_en.split()[0] for e in self.entries if e.kind is EntityKind.BRAND)
        self.first_words = {w: e for e in self.entries if e.kind is EntityKind.BRAND
                            and firsts[w := e.label_en.split()[0]] == 1 and w not in self.not_brand
                            and w not in place_names()}
        self.org = re.compile(rf"({_NAME})\s+(?:{_alternation(patterns.get('organization_suffix', []))})(?![\w])")
        self.possessive = re.compile(
            rf"({_NAME})['’]s\s+(?:[a-z-]+\s+){{0,2}}(?:{_alternation(patterns.get('product_noun', []))})\b"
        )
        brands = _alternation([n for n, e in self.by_name.items() if e.kind is EntityKind.BRAND])
        # a known product's names too: Xbox 2, Game Boy Advance are lines of the product, of its brand
        makers = _alternation([n for n, e in self.by_name.items() if e.kind in (EntityKind.BRAND, EntityKind.PRODUCT)])
        models = _alternation(patterns.get("product_model", []))
        self.model = re.compile(rf"(?<![\w-])({makers})\s+(?!(?:19|20)\d\d\b)([A-Z]{{0,3}}\d+[A-Za-z]*(?:\s+(?:{models}))*)(?![\w-])")
        # Kelmar's 450 sports cars, Boeing's 747 jets: a maker's number before a kind of vehicle or device
        model_nouns = _alternation(patterns.get("model_noun", []))
        self.numbered = (re.compile(rf"(?<![\w-])({brands})['’]s\s+(\d{{3,4}}[A-Za-z]?)"
                                    rf"(?=\s+(?:[a-z-]+\s+)?(?:{model_nouns})\b)") if model_nouns else None)
        # Cadillac BLS, Nvidia Drive Orin: a known brand, then one or two capitalised words or codes that name
        # one of its lines (a company word after it names the company, a title or a place its people or unit)
        self.line = re.compile(rf"(?<![\w-])({makers})((?:\s+(?:[A-Z][\w-]*|\d+[A-Za-z][\w-]*)){{1,2}})(?![\w'’-])")
        self.not_line = (*patterns.get("organization_suffix", []), *patterns.get("not_brand", []))
        # Mac mini, iPod nano: a product named with a lower-case variant word after its line's name
        variants = _alternation(patterns.get("product_variant", []))
        self.variant = (re.compile(rf"(?<![\w-])((?:[A-Z][a-z]{{2,}}|i[A-Z][a-z]+)\s+(?:{variants}))(?![\w-])")
                        if variants else None)
        titles = _alternation(list(self.names.plain_titles))
        person = _person(self.names.name_particles)
        self.body_words = frozenset((*self.names.organization_words, *self.names.company_suffixes))
        self.person_after = re.compile(rf"\b(?:{titles})\s+({person})")
        self.person_before = re.compile(rf"({person}),\s+(?:(?:the|its|a|an)\s+)?(?:[\w-]+\s+){{0,2}}(?:{titles})\b")

    def find(self, doc: Doc, state: DocState) -> list[EntityHit]:
        text = state.content
        hits: list[EntityHit] = []
        for sent in [*state.sentences, *state.headings]:
            lines = [] if sent in state.headings else self.lines(text, sent.start, sent.end)
            hits += _without_overlaps(self.patterns(text, sent.start, sent.end) + lines)
        if self.sources:
            hits += self.unknown_names(text, [*state.sentences, *state.headings], hits, state.headings)
        return sorted(self.resolve(hits), key=lambda h: h.start)

    def unknown_names(self, text: str, spans: list[Span], hits: list[EntityHit], headings: list[Span]) -> list[EntityHit]:
        """Names the lexicon and the patterns missed: the model's and the capitalised runs. Each candidate
        is judged on its own first, so that a rejected reading (a place) does not hide another one."""
        model = names.load_model("en") if names.NameFinder.MODEL in self.sources else None
        found = [names.strip_prefix(names.strip_opener(part, text, self.names), self.names)
                 for n in names.model_names(model, text, spans)
                 for part in names.split_affiliation(n, self.names)] if model else []
        # In a title-case headline the model guesses ("Budget Aston"): keep what the text says again.
        found = [n for n in found if not _inside(n, headings) or text.count(n.text) >= 2]
        if names.NameFinder.SHAPE in self.sources:
            # Headlines are title case: their capitalised words say nothing about names.
            found += names.shape_names_en(text, [s for s in spans if s not in headings], self.names)
        found += names.joined_remits(text, found)
        taken = [(h.start, h.end) for h in hits]
        acronyms = names.acronyms([*(n.text for n in found), *(h.label for h in hits)])
        places = {(n.start, n.end) for n in found if n.label is names.NameLabel.LOCATION}
        accepted: dict[names.NameSpan, EntityKind] = {}
        for name in found:
            kind = names.kind_of(name, text, self.names)
            if kind is not None and _confirmed(name, places, acronyms) or name.text in self.by_name:
                accepted[name] = kind
        accepted = names.people_by_title(accepted)
        out: list[EntityHit] = []
        for name in names.without_overlaps(accepted):
            if names.overlaps(name.start, name.end, taken):
                continue
            known = self.by_name.get(name.text)
            kind = accepted.get(name) or names.kind_of(name, text, self.names)
            if known is not None:
                out.append(_hit(known, name.start, name.end))
            elif kind is not None:
                out.append(EntityHit(kind, self._open_key(name.text), name.start, name.end, name.text,
                                     {"en": name.text}))
        return out

    def _open_key(self, label: str) -> str:
        """The key of a name the lexicon does not list. Where its slug is a lexicon key all the same ("BoE", the
        Bank of England, against BOE, the Chinese display maker), its capitals keep it apart ("bo-e"): the
        lexicon's entity is named by its own forms, or by them in capitals (APPLE)."""
        key = slug(label)
        if key in self._keys and not label.isupper():
            return slug(_CASE_STEP.sub("-", label))
        return key

    def resolve(self, hits: list[EntityHit]) -> list[EntityHit]:
        """One entity per name (the lexicon's kind, else the kind most mentions have), and other names
        of one entity (GM, General Motors) become mentions of it."""
        hits = _one_kind_per_label(hits, self._keys)
        seen: dict[str, EntityHit] = {}
        for hit in hits:
            seen.setdefault(hit.ref, hit)
        named = [names.Named(h.ref, h.label, h.kind, _lexical(h, self._keys)) for h in seen.values()]
        targets = names.alias_targets(named, self.names)
        out: list[EntityHit] = []
        for hit in hits:
            target = seen.get(targets.get(hit.ref, ""))
            if target is None:
                out.append(hit)
                continue
            aliases = tuple(dict.fromkeys((*target.aliases, hit.label)))
            out.append(replace(target, start=hit.start, end=hit.end, aliases=aliases))
        return out

    def patterns(self, text: str, start: int, end: int) -> list[EntityHit]:
        """The lexicon's names and the patterns' in ``text[start:end]``, overlaps kept."""
        hits = [self._lexicon_hit(m) for m in self.lexicon.finditer(text, start, end)]
        hits += [h for h in (self._model_hit(m) for m in self.model.finditer(text, start, end)) if h]
        hits += [h for h in (self._brand_hit(text, m, suffixed=True) for m in self.org.finditer(text, start, end)) if h]
        hits += [h for h in (self._brand_hit(text, m) for m in self.possessive.finditer(text, start, end)) if h]
        if self.numbered is not None:
            hits += [h for h in (self._model_hit(m) for m in self.numbered.finditer(text, start, end)) if h]
        if self.variant is not None:
            hits += [_product(m) for m in self.variant.finditer(text, start, end)
                     if m.group(1).split()[0].lower() not in STOP_WORDS]
        for pattern in (self.person_after, self.person_before):
            hits += [h for h in (self._person_hit(m) for m in pattern.finditer(text, start, end)) if h]
        return hits

    def lines(self, text: str, start: int, end: int) -> list[EntityHit]:
        """Products named by a known brand and a line's name (Cadillac BLS), outside title-case headlines."""
        out = []
        for m in self.line.finditer(text, start, end):
            if not names.names_a_line(m.group(2).split(), self.names, self.not_line):
                continue  # Kelmar Motors, Kelmar CEO Ann Lee, Kelmar China, "Kelmar The …"
            maker = self.by_name[m.group(1)]  # a brand, or a product of one (Game Boy Advance)
            label = f"{m.group(1)}{m.group(2)}"
            out.append(EntityHit(EntityKind.PRODUCT, slug(label), m.start(), m.end(), label, {"en": label},
                                 brand=_owner(maker)))
        return out

    def _lexicon_hit(self, m: re.Match[str]) -> EntityHit:
        return _hit(self.by_name[m.group()], m.start(), m.end())

    def _model_hit(self, m: re.Match[str]) -> EntityHit | None:
        maker = self.by_name[m.group(1)]
        # a model of a product is named as written (Mate 60 Pro, not "Mate series 60 Pro"), of a brand by its name
        label = f"{m.group(1) if maker.kind is EntityKind.PRODUCT else maker.label_en} {m.group(2)}"
        return EntityHit(EntityKind.PRODUCT, slug(label), m.start(), m.end(), label, {"en": label}, brand=_owner(maker))

    def _brand_hit(self, text: str, m: re.Match[str], *, suffixed: bool = False) -> EntityHit | None:
        """The brand a pattern names: the name before a company suffix (Kelmar of "Kelmar Corp") or before a
        possessive and a product noun ("Kelmar's phones"). ``suffixed``: the match ends with the suffix."""
        words = [(w.group(), m.start(1) + w.start()) for w in re.finditer(r"\S+", m.group(1))]
        while words:
            name = text[words[0][1] : m.end(1)]
            known = self.by_name.get(name) or self.first_words.get(name)
            if known is not None:
                return _hit(known, words[0][1], m.end(1))
            if words[0][0].lower() not in STOP_WORDS and words[0][0] not in self.not_brand:
                break
            words.pop(0)
        if not words or name in self.not_brand or name in place_names():
            return None  # "Brazil's flagship airline": the country's, no brand
        for n in range(len(words) - 1, 0, -1):  # "Starbucks China's sales": the known brand in front
            prefix = text[words[0][1] : words[n - 1][1] + len(words[n - 1][0])]
            if prefix in self.by_name:
                return _hit(self.by_name[prefix], words[0][1], words[0][1] + len(prefix))
        if not suffixed:
            return EntityHit(EntityKind.BRAND, slug(name), words[0][1], m.end(1), name, {"en": name})
        # the name with its suffix is a name of the company too (readers and other sources write it so); a
        # body's word names nothing alone (News of "News Corporation"), and a word the article also writes in
        # lower case may be the tail of a longer name ("Kelmar Iron and Steel Co.")
        full = text[words[0][1]:m.end()]
        if " " not in name and name in self.body_words:  # one entity however the suffix is written (Corp, Corporation)
            return EntityHit(EntityKind.BRAND, slug(name), words[0][1], m.end(), full, {"en": full}, aliases=(full,))
        if " " not in name and names.lower_case_too(name, text):
            return None
        return EntityHit(EntityKind.BRAND, slug(name), words[0][1], m.end(1), name, {"en": name}, aliases=(full,))

    def _person_hit(self, m: re.Match[str]) -> EntityHit | None:
        name = m.group(1)
        if name in self.by_name:
            return _hit(self.by_name[name], m.start(1), m.end(1))
        if any(w in self.by_name or w.lower() in STOP_WORDS or w in self.body_words for w in name.split()):
            return None  # "the Financial Times, chief operating officer …": the body, not a person
        return EntityHit(EntityKind.PERSON, slug(name), m.start(1), m.end(1), name, {"en": name})


_KIND_ORDER = (EntityKind.BRAND, EntityKind.ORGANIZATION, EntityKind.PRODUCT, EntityKind.PERSON)


def _inside(name: names.NameSpan, spans: list[Span]) -> bool:
    return any(s.start <= name.start and name.end <= s.end for s in spans)


def _confirmed(name: names.NameSpan, places: set[tuple[int, int]], acronyms: frozenset[str]) -> bool:
    """A single capitalised word the model read as a place is a place (Geneva); a lone acronym needs the
    model, or a multi-word name in the article that it abbreviates (GM for General Motors)."""
    if name.source is not names.NameSource.SHAPE:
        return True
    if " " not in name.text and (name.start, name.end) in places:
        return False
    return not (name.text.isupper() and " " not in name.text) or name.text in acronyms


def _one_kind_per_label(hits: list[EntityHit], known: set[str]) -> list[EntityHit]:
    """``Opel`` is one entity even where the model read one mention as a person."""
    by_label: dict[str, list[EntityHit]] = {}
    for hit in hits:
        by_label.setdefault(hit.label, []).append(hit)
    chosen: dict[str, EntityHit] = {}
    for label, group in by_label.items():
        lexical = [h for h in group if _lexical(h, known)]
        if lexical:
            chosen[label] = lexical[0]
            continue
        counts = {k: sum(1 for h in group if h.kind is k) for k in _KIND_ORDER}
        best = max(_KIND_ORDER, key=lambda k: (counts[k], -_KIND_ORDER.index(k)))
        chosen[label] = next((h for h in group if h.kind is best), group[0])
    out = []
    for hit in hits:
        top = chosen[hit.label]
        out.append(hit if top.ref == hit.ref else replace(top, start=hit.start, end=hit.end))
    return out


_CASE_STEP = re.compile(r"(?<=[a-z])(?=[A-Z])")  # BoE -> Bo-E


def _lexical(hit: EntityHit, known: set[str]) -> bool:
    """Whether a hit is of a lexicon entity: one with a Chinese label, or a lexicon key."""
    return "zh" in hit.labels or hit.key in known


def _product(m: re.Match[str]) -> EntityHit:
    label = m.group(1)
    return EntityHit(EntityKind.PRODUCT, slug(label), m.start(1), m.end(1), label, {"en": label})


def _owner(entry: LexEntry) -> str | None:
    """The brand a line named after ``entry`` belongs to: the brand itself, or a product's brand."""
    if entry.kind is EntityKind.BRAND:
        return entry.ref
    return f"brand/{entry.owner}" if entry.owner else None


def _hit(entry: LexEntry, start: int, end: int) -> EntityHit:
    labels = {"en": entry.label_en, **({"zh": entry.label_zh} if entry.label_zh else {})}
    return EntityHit(entry.kind, entry.key, start, end, entry.label_en, labels, entry.aliases,
                     f"brand/{entry.owner}" if entry.owner else None)


def _without_overlaps(hits: list[EntityHit]) -> list[EntityHit]:
    """Longest hit wins where two overlap; lexicon order breaks ties (it was found first)."""
    ordered = sorted(enumerate(hits), key=lambda ih: (-(ih[1].end - ih[1].start), ih[0]))
    kept: list[EntityHit] = []
    for _, hit in ordered:
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)
