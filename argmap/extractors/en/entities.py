"""``argmap_en_entities_v1``: brands, organizations, products, persons, events and markets.

Lexicon names (data/en/entities.tsv and the user's) match case-sensitively as whole words. Entities
outside the lexicon come from patterns (data/en/patterns.tsv): ``Foo Inc.`` / ``Foo Corp.`` (a brand),
``Foo's sneakers`` (a brand), a known brand followed by a model number (``Xiaomi 14 Ultra``, a product),
and ``CEO First Last`` / ``First Last, chief executive`` (a person).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.en.doc_state import EntityHit, ensure_extension, state
from argmap.extractors.en.lexicon import EnglishData, LexEntry, load_for_component, slug
from argmap.extractors.model import EntityKind

_CAP = r"[A-Z][\w&'’.-]*[\w&]"
_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,3}}"
_PERSON = r"[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2}"


def _alternation(values: list[str]) -> str:
    return "|".join(re.escape(v) for v in sorted(set(values), key=len, reverse=True)) or r"(?!x)x"


class EntityFinder:
    def __init__(self, data: EnglishData) -> None:
        self.entries = data.entries()
        self.by_name: dict[str, LexEntry] = {}
        for entry in self.entries:
            for name in entry.names:
                self.by_name.setdefault(name, entry)
        names = _alternation(list(self.by_name))
        self.lexicon = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")
        patterns: dict[str, list[str]] = {}
        for row in data.rows("patterns"):
            patterns.setdefault(row["pattern_type"], []).append(row["value"])
        self.not_brand = set(patterns.get("not_brand", []))
        self.first_words = {e.label_en.split()[0]: e for e in self.entries if e.kind is EntityKind.BRAND}
        self.org = re.compile(rf"({_NAME})\s+(?:{_alternation(patterns.get('org_suffix', []))})(?![\w])")
        self.possessive = re.compile(
            rf"({_NAME})['’]s\s+(?:[a-z-]+\s+){{0,2}}(?:{_alternation(patterns.get('product_noun', []))})\b"
        )
        brands = _alternation([n for n, e in self.by_name.items() if e.kind is EntityKind.BRAND])
        models = _alternation(patterns.get("product_model", []))
        self.model = re.compile(rf"(?<![\w-])({brands})\s+(?!(?:19|20)\d\d\b)([A-Z]{{0,3}}\d+[A-Za-z]*(?:\s+(?:{models}))*)(?![\w-])")
        titles = _alternation(patterns.get("person_title", []))
        self.person_after = re.compile(rf"\b(?:{titles})\s+({_PERSON})")
        self.person_before = re.compile(rf"({_PERSON}),\s+(?:(?:the|its|a|an)\s+)?(?:[\w-]+\s+){{0,2}}(?:{titles})\b")

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        text = st.text
        hits: list[EntityHit] = []
        for sent in st.sentences:
            hits += _without_overlaps(self.find(text, sent.start, sent.end))
        st.set_hits(hits)
        return doc

    def find(self, text: str, start: int, end: int) -> list[EntityHit]:
        hits = [self._lexicon_hit(m) for m in self.lexicon.finditer(text, start, end)]
        hits += [h for h in (self._model_hit(m) for m in self.model.finditer(text, start, end)) if h]
        hits += [h for h in (self._brand_hit(text, m) for m in self.org.finditer(text, start, end)) if h]
        hits += [h for h in (self._brand_hit(text, m) for m in self.possessive.finditer(text, start, end)) if h]
        for pattern in (self.person_after, self.person_before):
            hits += [h for h in (self._person_hit(m) for m in pattern.finditer(text, start, end)) if h]
        return hits

    def _lexicon_hit(self, m: re.Match[str]) -> EntityHit:
        return _hit(self.by_name[m.group()], m.start(), m.end())

    def _model_hit(self, m: re.Match[str]) -> EntityHit | None:
        brand = self.by_name[m.group(1)]
        label = f"{brand.label_en} {m.group(2)}"
        return EntityHit(EntityKind.PRODUCT, slug(label), m.start(), m.end(), label, owner=brand.key)

    def _brand_hit(self, text: str, m: re.Match[str]) -> EntityHit | None:
        words = [(w.group(), m.start(1) + w.start()) for w in re.finditer(r"\S+", m.group(1))]
        while words:
            name = text[words[0][1] : m.end(1)]
            known = self.by_name.get(name) or self.first_words.get(name)
            if known is not None:
                return _hit(known, words[0][1], m.end(1))
            if words[0][0].lower() not in STOP_WORDS and words[0][0] not in self.not_brand:
                break
            words.pop(0)
        if not words or name in self.not_brand:
            return None
        for n in range(len(words) - 1, 0, -1):  # "Starbucks China's sales": the known brand in front
            prefix = text[words[0][1] : words[n - 1][1] + len(words[n - 1][0])]
            if prefix in self.by_name:
                return _hit(self.by_name[prefix], words[0][1], words[0][1] + len(prefix))
        return EntityHit(EntityKind.BRAND, slug(name), words[0][1], m.end(1), name)

    def _person_hit(self, m: re.Match[str]) -> EntityHit | None:
        name = m.group(1)
        if name in self.by_name:
            return _hit(self.by_name[name], m.start(1), m.end(1))
        if any(w in self.by_name or w.lower() in STOP_WORDS for w in name.split()):
            return None
        return EntityHit(EntityKind.PERSON, slug(name), m.start(1), m.end(1), name)


def _hit(entry: LexEntry, start: int, end: int) -> EntityHit:
    return EntityHit(entry.kind, entry.key, start, end, entry.label_en, entry.label_zh, entry.aliases, entry.owner)


def _without_overlaps(hits: list[EntityHit]) -> list[EntityHit]:
    """Longest hit wins where two overlap; lexicon order breaks ties (it was found first)."""
    ordered = sorted(enumerate(hits), key=lambda ih: (-(ih[1].end - ih[1].start), ih[0]))
    kept: list[EntityHit] = []
    for _, hit in ordered:
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


@Language.factory("argmap_en_entities_v1", default_config={"data_dir": "", "lexicons": []})
def make_entities(nlp: Language, name: str, data_dir: str, lexicons: list[str]) -> EntityFinder:
    ensure_extension()
    return EntityFinder(load_for_component(data_dir, lexicons))
