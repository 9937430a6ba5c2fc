"""Brands, organizations, products, persons, events and markets, from the lexicon and from
patterns that also catch names the lexicon does not know (X旗舰, X公司, 创始人X, Latin names,
jieba's proper-noun tags)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.components import names
from argmap.extractors.lexicon import LexEntry, Lexicon, lexicon_for
from argmap.extractors.model import Entity, EntityKind, Mention, Span
from argmap.extractors.state import DocState, get_state
from argmap.extractors.text import is_cjk, is_latin, slug
from argmap.extractors.zh.tokenizer import JiebaTokenizer, segmented_words

_ORG_TAGS = frozenset({"nt"})
_NAME_TAGS = frozenset({"nz", "nt", "nrt", "nr", "nrfg"})
# A model code (AT128, ES7, 778G, 8Gen1), not a number with a unit (400N, 200kW, 800V, 8w).
_PRODUCT_CODE = re.compile(r"[A-Za-z]{1,4}\d{1,5}[A-Za-z]{0,3}|\d{2,5}[A-Za-z]{1,3}\d?\+?|\d[A-Za-z]{3}\d")
_UNIT_NUMBER = re.compile(r"\d+(?:k?W|kWh|V|N|nm|mm|cm|km|m|mAh|GB|TB|Hz|w|T|L|P|K|g|kg|kw|KW)")
_CJK_WORD = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")
_WINDOW = 8  # characters of context on each side of a word the model is asked about
# jieba tags many foreign brand names as transliterated person names (肯德基 nr, 麦当劳 nrt).
_FOREIGN_NAME_TAGS = frozenset({"nrt", "nz"})
_WORD_SOURCE_TAGS = _FOREIGN_NAME_TAGS | {""}  # "": not in the dictionary
# Upper-case Latin abbreviations that are ordinary words in business prose, not names.
_LATIN_STOP = frozenset({"CEO", "CFO", "CTO", "AI", "GMV", "SUV", "IPO", "OS", "KPI", "APP", "App", "PC", "TV", "VR", "AR",
                         "The", "This", "That", "It", "In", "On", "We", "I", "A", "An", "Notice", "Pro", "Max", "Ultra", "Plus"})
_MODEL_SUFFIX = re.compile(r"\s?(?:\d+[A-Za-z]*|Pro|Max|Ultra|Plus)(?![A-Za-z0-9])")
# Single characters that follow a name rather than end it (秦力洪回应 is 秦力洪 + 回应, 马斯克说 is 马斯克 + 说).
_AFTER_NAME = frozenset("的说是在和与表称也都就将曾对把被已又还等并再向为")


class ZhEntities:
    def __init__(self, lexicon: Lexicon, tokenizer: object, *, sources: Iterable[str] = names.ALL_FINDERS) -> None:
        self.names = names.NameData.load("zh")
        self.latin_names = names.NameData.load("en")
        self.sources = names.finders(sources)
        self.by_first: dict[str, list[tuple[str, LexEntry]]] = {}
        for entry in lexicon.entities:
            for form in entry.forms:
                self.by_first.setdefault(form[0], []).append((form, entry))
        for forms in self.by_first.values():
            forms.sort(key=lambda fe: len(fe[0]), reverse=True)
        self.brands = {e.key: e for e in lexicon.entities if e.kind is EntityKind.BRAND}
        self.flagship = tuple(sorted(lexicon.pattern_list("flagship"), key=len, reverse=True))
        self.org_suffix = frozenset(lexicon.pattern_list("organization_suffix"))
        self.titles = frozenset(lexicon.pattern_list("person_title"))
        self.brand_context = frozenset(lexicon.pattern_list("brand_context"))
        self.triggers = self.titles | self.org_suffix | self.brand_context
        self.tags: dict[str, str] = {}
        if isinstance(tokenizer, JiebaTokenizer):
            tokenizer.add_words(f for e in lexicon.entities for f in e.forms if any(is_cjk(c) for c in f))
            self.tags = tokenizer.pos_tags()

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        pieces, starts = segmented_words(doc) or ([t.text for t in doc], [t.idx for t in doc])
        found: list[tuple[int, int, str]] = []  # (start, unit, ref), put into the units in text order
        taken: set[int] = set()
        first = self.by_first
        for i in [i for i, w in enumerate(pieces) if w[0] in first]:
            self._lexicon(state, starts[i], taken, found)
        if self.sources:
            self._open_names(state, pieces, starts, taken, found)
            for i in [i for i, w in enumerate(pieces) if w[:1].isascii() and any(c.isdigit() for c in w)]:
                self._line_name(pieces, starts, i, taken, state, found)
        # Only words next to a trigger, Latin words and jieba's organisation names can be new names.
        # Words repeat, so each distinct word is tested once.
        candidates = {w for w in set(pieces) if self._may_name(w)}
        for i in [i for i, w in enumerate(pieces) if w in candidates]:
            word = pieces[i]
            if word in self.titles:
                i += 1
            elif word in self.org_suffix or word in self.brand_context:
                i -= 1
            if 0 <= i < len(pieces):
                self._unknown(state, pieces, starts, i, taken, found)
        for start, unit, ref in sorted(found):
            state.units[unit].refs.append(ref)
        self._roles(state)
        state.main_brand = main_brand(state)
        return doc

    def _roles(self, state: DocState) -> None:
        """A person's title and where, when the text says it (蔚来创始人李斌)."""
        def mentions(*kinds: EntityKind) -> list[tuple[str, int, int]]:
            return [(e.ref, m.start, m.end) for e in state.entities.values() if e.kind in kinds for m in e.mentions]

        found = names.roles(state.content, mentions(EntityKind.PERSON),
                            mentions(EntityKind.BRAND, EntityKind.ORGANIZATION), self.names)
        for ref, role in found.items():
            state.entities[ref].role, state.entities[ref].role_at = role.title, role.at

    def _open_names(self, state: DocState, pieces: list[str], starts: list[int], taken: set[int],
                    found: list[tuple[int, int, str]]) -> None:
        """Names outside the lexicon: the model's (on sentences with a word jieba does not know or tags
        as a name), multi-word Latin names (The North Face) and 「」-quoted names before a brand word."""
        units = [Span(u.start, u.end) for u in state.units]
        use = self.sources
        dictionary = self._dictionary(pieces, starts)
        candidates: list[names.NameSpan] = []
        if names.NameFinder.SHAPE in use:
            candidates += [n for n in names.shape_names_en(state.content, units, self.latin_names) if " " in n.text]
            candidates += names.quoted_names_zh(state.content, units, self.names, dictionary)
        tags = self.tags
        # Words that may be names: two to four CJK characters that jieba does not know or tags as foreign names.
        words = [(w, s) for w, s in zip(pieces, starts)
                 if 2 <= len(w) <= 4 and tags.get(w, "") in _WORD_SOURCE_TAGS and _CJK_WORD.fullmatch(w)]
        counts = Counter(w for w, _ in words)
        model = names.load_model("zh") if names.NameFinder.MODEL in use else None
        model_found: list[names.NameSpan] = []
        if model is not None:
            spans = self._model_windows(state, [(w, s) for w, s in words if w not in tags], counts)
            model_found = self._snapped(names.model_names(model, state.content, spans), state.content, starts)
            candidates += model_found
        if names.NameFinder.WORD in use:
            candidates += self._word_names(state.content, words, counts, model_found)
        if names.NameFinder.LIST in use:
            candidates += names.listed_names_zh(state.content, units, self.names,
                                            lambda s, e: all(i in taken for i in range(s, e)), dictionary,
                                            set(starts))
        kinds: dict[names.NameSpan, EntityKind] = {}
        for name in candidates:  # judged one by one first: a rejected name must not hide another
            data = self.latin_names if name.text.isascii() else self.names
            kind = names.kind_of(name, state.content, data, titles=self.names.person_titles)
            if kind is not None and self._open_name_ok(name, state.content):
                kinds[name] = kind
        for name in names.without_overlaps(kinds):
            kind = kinds.get(name) or names.kind_of(name, state.content, self.latin_names if name.text.isascii()
                                                    else self.names, titles=self.names.person_titles)
            if kind is None or any(i in taken for i in range(name.start, name.end)):
                continue
            u = state.unit_at(name.start)
            if u is None or name.end > state.units[u].end:
                continue
            label, aliases = names.stem(name.text, self.names) if kind is EntityKind.BRAND else (name.text, ())
            labels = {"zh" if any(is_cjk(c) for c in label) else "en": label}
            entity = _add_mention(state, kind, slug(label), labels, aliases, name.start, name.end)
            found.append((name.start, u, entity.ref))
            taken.update(range(name.start, name.end))

    def _dictionary(self, pieces: list[str], starts: list[int]) -> names.Dictionary:
        """What jieba's dictionary says, for the language-neutral name sources."""
        tags = self.tags

        def plain_text(start: int, end: int) -> bool:
            i = bisect_left(starts, start)
            inside = []
            while i < len(starts) and starts[i] < end:
                inside.append(pieces[i])
                i += 1
            return bool(inside) and all(tags.get(w, "") not in _WORD_SOURCE_TAGS | _NAME_TAGS for w in inside)

        return names.Dictionary(is_name=lambda w: tags.get(w) in _NAME_TAGS,
                                is_plain=lambda w: w in tags and tags[w] not in _NAME_TAGS, plain_text=plain_text)

    def _word_names(self, text: str, words: list[tuple[str, int]], counts: Counter[str],
                    model_found: list[names.NameSpan]) -> list[names.NameSpan]:
        """Words jieba does not know (its HMM made them up: 古茗, 领克) or tags as foreign names (麦当劳 nrt),
        when the model found a name there, when a company or organisation word follows (紫燕食品), or when
        a brand word stands beside a word that repeats. Repetition alone is no signal: technical articles
        repeat their jargon (激光雷达, 纯电)."""
        confirmed = {n.text for n in model_found}  # the model read one mention of it as a name
        out: list[names.NameSpan] = []
        for word, start in words:
            if word in self.names.not_names or any(c in self.names.not_in_names for c in word):
                continue
            end = start + len(word)
            after, before = text[end:end + 3], text[max(0, start - 3):start]
            if any(after.startswith(c) for c in self.org_suffix):
                continue  # 云犀公司: the organisation pattern names it
            suffix = next((c for c in self.names.organization_words + self.names.company_suffixes if after.startswith(c)), "")
            if suffix:  # 灼识咨询, 紫燕食品: the name with its company word (typed, then stemmed, by it)
                out.append(names.NameSpan(start, end + len(suffix), word + suffix, names.NameLabel.ORG,
                                          names.NameSource.WORD))
            elif word in confirmed or before.endswith("旗下") or (
                    counts[word] >= 2 and any(after.startswith(c) for c in self.names.brand_context)):
                out.append(names.NameSpan(start, end, word, names.NameLabel.ORG, names.NameSource.WORD))
        return out

    def _model_windows(self, state: DocState, unknown: list[tuple[str, int]], counts: Counter[str]) -> list[Span]:
        """Where the model is worth running: around the first mention of each word that jieba does not know
        (its HMM made it up), that repeats in the article and could be a name. The model then says whether
        it is one; reading every sentence would cost twenty times the segmentation for little more."""
        first: dict[str, int] = {}
        for word, start in unknown:
            first.setdefault(word, start)
        out: list[Span] = []
        for word, start in sorted(first.items(), key=lambda ws: ws[1]):
            if counts[word] < 2 or word in self.names.not_names or any(c in self.names.not_in_names for c in word):
                continue
            u = state.unit_at(start)
            if u is None:
                continue
            unit = state.units[u]
            lo, hi = max(unit.start, start - _WINDOW), min(unit.end, start + len(word) + _WINDOW)
            if out and lo <= out[-1].end:
                out[-1] = Span(out[-1].start, max(out[-1].end, hi))
            else:
                out.append(Span(lo, hi))
        return out

    def _snapped(self, found: list[names.NameSpan], text: str, starts: list[int]) -> list[names.NameSpan]:
        """Model names cut back to jieba's word boundaries (比亚迪先 -> 比亚迪), ordinary words dropped."""
        bounds = set(starts) | {len(text)}
        out: list[names.NameSpan] = []
        for name in found:
            if name.text.isascii():
                continue  # Latin names come from their shape; the character model splits them badly
            if name.start not in bounds:
                continue
            end = name.end
            while end > name.start + 1 and end not in bounds:
                end -= 1
            label = text[name.start:end]
            if len(label) < 2 or not all(is_cjk(c) or c == "·" for c in label):
                continue
            if label in self.tags and self.tags[label] not in _NAME_TAGS:
                continue  # 瑜伽, 关店: words of the language, not names
            out.append(names.NameSpan(name.start, end, label, name.label, name.source))
        return out

    def _open_name_ok(self, name: names.NameSpan, text: str) -> bool:
        """A model name must repeat in the article or stand beside a brand, company or title word."""
        if name.text in self.names.not_names:
            return False
        if name.source is not names.NameSource.MODEL:
            return True
        after = text[name.end:name.end + 3]
        before = text[max(0, name.start - 6):name.start]
        cue = (any(after.startswith(c) for c in self.names.brand_context + self.names.company_suffixes)
               or any(before.endswith(t) for t in self.names.person_titles))
        return cue or text.count(name.text) >= 2

    def _may_name(self, word: str) -> bool:
        return (word in self.triggers or (word[0].isascii() and word[0].isalpha())
                or self.tags.get(word) == "nt")

    def _lexicon(self, state: DocState, idx: int, taken: set[int], found: list[tuple[int, int, str]]) -> None:
        """The longest lexicon form starting at a word start, and its flagship product if one follows."""
        if idx in taken:
            return
        u = state.unit_at(idx)
        if u is None:
            return
        unit, text = state.units[u], state.content
        for form, entry in self.by_first.get(text[idx], ()):
            end = idx + len(form)
            if end <= unit.end and text.startswith(form, idx) and _clean_edges(text, idx, end, form):
                break
        else:
            return
        _add_mention(state, entry.kind, entry.key, entry.labels, entry.forms, idx, end,
                     brand=f"brand/{entry.brand}" if entry.brand else None)
        found.append((idx, u, entry.ref))
        if entry.kind is EntityKind.BRAND:
            end = self._flagship(state, u, entry, idx, end, found)
        taken.update(range(idx, end))

    def _flagship(self, state: DocState, u: int, entry: LexEntry, start: int, end: int,
                  found: list[tuple[int, int, str]]) -> int:
        """``小米旗舰机型`` is also a product of its brand: the brand's flagship."""
        text = state.content
        for pattern in self.flagship:
            if text.startswith(pattern, end, state.units[u].end):
                labels = {tag: f"{name}旗舰" if tag == "zh" else f"{name} flagship" for tag, name in entry.labels.items()}
                stop = end + len(pattern)
                product = _add_mention(state, EntityKind.PRODUCT, f"{entry.key}-flagship", labels, (), start, stop,
                                       brand=entry.ref)
                found.append((start, u, product.ref))
                return stop
        return end

    def _unknown(self, state: DocState, pieces: list[str], starts: list[int], i: int, taken: set[int],
                 found: list[tuple[int, int, str]]) -> None:
        word, idx = pieces[i], starts[i]
        if idx in taken or not word.strip():
            return
        u = state.unit_at(idx)
        if u is None:
            return
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        prev = pieces[i - 1] if i else ""
        owner = self._brand_before(state, idx)
        hit = self._model_code(word, idx, state.content, owner) or self._classify(word, idx, prev, nxt, state.content)
        if hit is None or hit[3] > state.units[u].end:
            return
        kind, key, label, end = hit
        labels = {"zh" if any(is_cjk(c) for c in label) else "en": label}
        entity = _add_mention(state, kind, key, labels, (), idx, end,
                              brand=owner.ref if owner is not None and kind is EntityKind.PRODUCT else None)
        found.append((idx, u, entity.ref))
        taken.update(range(idx, end))

    def _line_name(self, pieces: list[str], starts: list[int], i: int, taken: set[int], state: DocState,
                   found: list[tuple[int, int, str]]) -> bool:
        """骁龙778G, 禾赛 AT128: a name the dictionary does not know, right before a model code, is a brand
        and the two together are its product (扭矩 400N or 营收4000 are figures: dictionary words, units)."""
        word, idx = pieces[i], starts[i]
        if idx in taken or not _PRODUCT_CODE.fullmatch(word) or _UNIT_NUMBER.fullmatch(word):
            return False
        j = i - 1 if i and pieces[i - 1] != " " else i - 2
        if j < 0:
            return False
        line, at = pieces[j], starts[j]
        if not (2 <= len(line) <= 4 and _CJK_WORD.fullmatch(line)) or at in taken or line in self.names.not_names:
            return False
        if any(c in self.names.not_in_names for c in line) or self.tags.get(line, "") not in _WORD_SOURCE_TAGS:
            return False  # 扭矩 400N, 营收4000: a dictionary word before a number is no product line
        u = state.unit_at(at)
        if u is None or idx + len(word) > state.units[u].end:
            return False
        brand = _add_mention(state, EntityKind.BRAND, slug(line), {"zh": line}, (), at, at + len(line))
        found.append((at, u, brand.ref))
        end = idx + len(word)
        label = state.content[at:end]
        product = _add_mention(state, EntityKind.PRODUCT, slug(label), {"zh": label}, (), at, end, brand=brand.ref)
        found.append((at, u, product.ref))
        taken.update(range(at, end))
        return True

    @staticmethod
    def _brand_before(state: DocState, idx: int) -> Entity | None:
        """The brand named right before ``idx`` (蔚来ES7, 理想 L9), if any."""
        for entity in state.entities.values():
            if entity.kind is EntityKind.BRAND and any(
                    m.end == idx or (m.end == idx - 1 and state.content[m.end] == " ") for m in entity.mentions):
                return entity
        return None

    @staticmethod
    def _model_code(word: str, idx: int, text: str, owner: Entity | None) -> tuple[EntityKind, str, str, int] | None:
        """A model code (ES7, L9, P50, GLS): a product, of the brand right before it when there is one."""
        if not (word.isascii() and word.isalnum() and 2 <= len(word) <= 8 and word[0].isalpha()):
            return None
        has_digit = any(c.isdigit() for c in word)
        if not (has_digit or (owner is not None and word.isupper())):
            return None
        end = idx + len(word)
        if owner is None:
            return EntityKind.PRODUCT, slug(word), word, end
        brand_label = owner.labels.get("zh") or owner.label
        return EntityKind.PRODUCT, f"{owner.key}-{slug(word)}", f"{brand_label} {word}", end

    def _classify(self, word: str, idx: int, prev: str, nxt: str, text: str) -> tuple[EntityKind, str, str, int] | None:
        end = idx + len(word)
        if word.isascii():
            if not (is_latin(word) and _latin_name(word)):
                return None
            window = text[end:end + 4] + text[max(0, idx - 3):idx]
            cue = (any(c in window for c in self.brand_context) or any(c in window for c in self.org_suffix)
                   or _MODEL_SUFFIX.match(text, end) is not None)  # Pixel 9: a name with its model number
            if word.isalpha() and not any(c in window for c in self.org_suffix) and (
                    word.isupper() or (len(word) <= 3 and not word.istitle())):
                return None  # IGBT, ADAS, DTC品牌, SiC: terms and kinds of brand, unless a company word follows
            if not cue and (_in_latin_phrase(text, idx, end) or (word.istitle() and text.count(word) < 2)):
                return None  # Super girls, Direct To Consumer: English prose quoted in Chinese; David once
            model = _MODEL_SUFFIX.match(text, end)
            if model:
                end = model.end()
                return EntityKind.PRODUCT, slug(text[idx:end]), text[idx:end], end
            return EntityKind.BRAND, slug(word), word, end
        # Cheap set lookups first: most words are ordinary vocabulary and leave here.
        tag = self.tags.get(word)
        name_like = tag is None or tag in _NAME_TAGS
        if prev in self.titles:
            if name_like and 2 <= len(word) <= 3 and _all_cjk(word):
                if len(word) == 2 and len(nxt) == 1 and is_cjk(nxt) and nxt not in _AFTER_NAME:
                    word, end = word + nxt, end + 1  # jieba cuts unknown three-character names short
                return EntityKind.PERSON, slug(word), word, end
        elif nxt in self.org_suffix:
            if name_like and len(word) >= 2 and _all_cjk(word) and tag != "nr":
                return EntityKind.ORGANIZATION, slug(word), word + nxt, end + len(nxt)
        elif tag in _ORG_TAGS and not names.common_noun_like(word, self.names) and (
                len(word) <= 3 or word.endswith(self.names.organization_endings)):
            # jieba tags some long common nouns as organisations (中央处理器, 最新进展): those need an ending
            return EntityKind.ORGANIZATION, slug(word), word, end
        elif (nxt in self.brand_context and (tag is None or tag == "nz") and 2 <= len(word) <= 4 and _all_cjk(word)
              and text.count(word) >= 2):  # said once before 门店 (仓先门店) is more often a fragment than a name
            return EntityKind.BRAND, slug(word), word, end
        return None


def _in_latin_phrase(text: str, start: int, end: int) -> bool:
    """Whether a Latin word has another Latin word right before or after it (a space between)."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return (before.endswith(" ") and before[:1].isascii() and before[:1].isalpha()) or (
        after.startswith(" ") and after[1:2].isascii() and after[1:2].isalpha())


def _all_cjk(word: str) -> bool:
    return all(is_cjk(c) for c in word)


def _latin_name(word: str) -> bool:
    """A capitalised Latin token (Tesla, iPhone, NIO) that is not a stop word."""
    if len(word) < 2 or word in _LATIN_STOP or not word.isalnum():
        return False
    return word[0].isupper() or (word[0].islower() and any(c.isupper() for c in word[1:]))


def _clean_edges(text: str, start: int, end: int, form: str) -> bool:
    """A Latin form must not be part of a longer Latin word (Apple in Pineapple)."""
    if is_latin(form[0]) and start > 0 and is_latin(text[start - 1]):
        return False
    return not (is_latin(form[-1]) and end < len(text) and is_latin(text[end]))


def _add_mention(state: DocState, kind: EntityKind, key: str, labels: dict[str, str], aliases: tuple[str, ...],
                 start: int, end: int, *, brand: str | None = None) -> Entity:
    ref = f"{kind.path}/{key}"
    entity = state.entities.get(ref)
    if entity is None:
        label = labels.get("zh") or labels.get("en") or key
        entity = Entity(key=key, kind=kind, label=label, labels=dict(labels), aliases=aliases, brand=brand)
        state.entities[ref] = entity
    entity.mentions.append(Mention(start, end, state.content[start:end]))
    return entity


def main_brand(state: DocState) -> str | None:
    """The brand the article is mainly about: the most mentioned one, the earliest on a tie."""
    counts = Counter(ref for u in state.units for ref in u.refs if ref.startswith("brand/"))
    if not counts:
        return None
    first = {ref: i for i, ref in reversed(list(enumerate(r for u in state.units for r in u.refs)))}
    return max(counts, key=lambda ref: (counts[ref], -first[ref]))


@Language.factory("argmap_zh_entities_v2", default_config={"lexicons": [], "name_sources": list(names.ALL_FINDERS)})
def make_entities(nlp: Language, name: str, lexicons: list[str], name_sources: list[str]) -> ZhEntities:
    """v2: names outside the lexicon come from the sources in ``name_sources`` (names.NameFinder)."""
    return ZhEntities(lexicon_for("zh", lexicons), nlp.tokenizer, sources=name_sources)
