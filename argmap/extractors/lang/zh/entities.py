"""The Chinese entity finder (``finder = "zh"`` of ``components/entities.py``), over jieba's words: brands,
organizations, products, persons, events and markets from the lexicon, from the sources of names outside it
(``names.py``: the trained NER, shapes, words jieba does not know, lists), and from patterns around single
words (X旗舰, X公司, 创始人X, Latin names, jieba's organisation tags). Where two would overlap, the one found
first wins: the lexicon, then the open names, then the patterns, then a name found once, said again."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Container, Iterable

from spacy.tokens import Doc

from argmap.extractors.components import names
from argmap.extractors.lexicon import LexEntry, Lexicon
from argmap.extractors.model import EntityKind
from argmap.extractors.state import DocState, EntityHit
from argmap.extractors.text import is_cjk, is_latin, slug
from argmap.extractors.lang.zh.mentions import Found
from argmap.extractors.lang.zh.names import (
    MEASURE_WORDS, NAME_TAGS, ChineseNames, Paired, counted, glossed, glossing, model_suffix, model_trims, owner_names,
    registered_names, transliterated, unglued_name,
)
from argmap.extractors.lang.zh.tokenizer import JiebaTokenizer, WordTags, segmented_words

_ORG_TAGS = frozenset({"nt"})
# terms that follow a brand as words, never as its model (高通AI引擎, 阿里IPO, 小米CEO): no product of the brand
_LATIN_TERMS = frozenset({"CEO", "CFO", "CTO", "AI", "GMV", "IPO", "KPI", "APP", "App"})
# Upper-case Latin abbreviations that are ordinary words in business prose, not names.
_LATIN_STOP = _LATIN_TERMS | frozenset({"SUV", "OS", "PC", "TV", "VR", "AR", "The", "This", "That", "It", "In", "On",
                                        "We", "I", "A", "An", "Notice", "Pro", "Max", "Ultra", "Plus"})
# 位列Top3, 供应商CR5, IP68级防水: a rank, a market share or a protection rating, no model
_RANKING = re.compile(r"(?:top|TOP|Top|CR)\d{1,3}|IP[0-6X][0-9X]K?")
# a Latin name with a dot or a hyphen inside (XT3.0, ZR-Link) and the version that may follow it (2.1)
_DOTTED_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)+")
_VERSION_AFTER = re.compile(r" ?\d+(?:\.\d+)+")
_VERSION_IN = re.compile(r"\d\.\d")
_LATIN_AFTER_CJK = re.compile(r"[\u3400-\u9fff]+\s?([A-Za-z].*)")  # 小米SU7 Ultra: the model's Latin name after the brand
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")  # 小米汽车 2024: a year after a name, no model of it
# a model number after a brand: two to five digits that no unit, magnitude or date word follows
_AGENCY = "机构"  # 研究机构, 营销机构: the kind (of name_kinds) before a Latin name that makes it an organisation's
_DOTTED_CODE = re.compile(r"[A-Z]{1,3}\.\d{1,2}[A-Z]?(?![A-Za-z0-9.])")  # ID.4X, ID.3 (not a version: 3.0)
_NUMBERED_MODEL = re.compile(r"\d{2,5}(?!\s?[\d.,%％年月日号周天岁亿万千百元块个台辆部家件倍次名位条款代])")
_SIZE = frozenset("大小")  # 对大公司, 像小公司: how big a company is, before the company word
# Single characters that follow a name rather than end it (秦力洪回应 is 秦力洪 + 回应, 马斯克说 is 马斯克 + 说).
_AFTER_NAME = frozenset("的说是在和与表称也都就将曾对把被已又还等并再向为一")  # 一: 一早, 一直, 一度 (赵明 | 一早就定调)


class Finder:
    """The hits of one article (``find``); ``tokenizer``: jieba learns the lexicon's Chinese names, and tells
    the part of speech of its words."""

    def __init__(self, lexicon: Lexicon, tokenizer: object, *, sources: Iterable[str] = names.ALL_FINDERS) -> None:
        self.names = names.name_data("zh", lexicon)
        self.by_first: dict[str, list[tuple[str, LexEntry]]] = {}
        for entry in lexicon.entities:
            for form in entry.forms:
                self.by_first.setdefault(form[0], []).append((form, entry))
        for forms in self.by_first.values():
            forms.sort(key=lambda fe: len(fe[0]), reverse=True)
        # All forms by first character, for one str.startswith that rules out most word starts at once.
        self.first_forms = {c: tuple(f for f, _ in forms) for c, forms in self.by_first.items()}
        # The same forms as one lookup per length (longest first) instead of one comparison per form; a form
        # several entries share is the first one's, as the longest-first scan of by_first finds it.
        self.form_lengths = {c: tuple(sorted({len(f) for f, _ in forms}, reverse=True))
                             for c, forms in self.by_first.items()}
        self.form_entry: dict[str, LexEntry] = {}
        for forms in self.by_first.values():
            for form, entry in forms:
                self.form_entry.setdefault(form, entry)
        # 吉利 of 吉利汽车, 长城 of 长城汽车: a brand's name without its company word is often a common word or a
        # place too (lucky, the Great Wall), so it names the brand only right before what a company does (吉利旗下,
        # 长城推出: ``stem_context``) — not before a noun like 品牌 (大众品牌 is a mass-market brand, not Volkswagen)
        self.stem_context = frozenset(lexicon.pattern_list("stem_context"))
        self.stems: dict[str, LexEntry] = {}
        self.brand_context = frozenset(lexicon.pattern_list("brand_context"))
        # 荣耀 of 荣耀手机: a brand the lexicon names with its kind of product (the cues' brand_context: 手机,
        # 汽车 …) has that name as a stem too
        kinds = tuple(sorted(self.brand_context, key=len, reverse=True))
        for entry in lexicon.entities:
            label = entry.labels.get("zh")
            stem = names.stem(label, self.names)[0] if entry.kind is EntityKind.BRAND and label else None
            if stem == label:
                stem = _without_kind(label, kinds)
            if stem and stem != label and stem not in self.form_entry:
                self.stems.setdefault(stem, entry)
        # Every beginning of every form: a word that is one may run on into a form (one set lookup per word
        # instead of comparing it with each form of its first character).
        self.form_starts = frozenset(f[:i] for forms in self.first_forms.values() for f in forms
                                     for i in range(1, len(f) + 1))
        # A word no longer than the shortest form starts one only by being one (or the start of one): in form_starts.
        self.shortest_form = min((len(f) for forms in self.first_forms.values() for f in forms), default=0)
        self.brands = {e.key: e for e in lexicon.entities if e.kind is EntityKind.BRAND}
        self.flagship = tuple(sorted(lexicon.pattern_list("flagship"), key=len, reverse=True))
        self.org_suffix = frozenset(lexicon.pattern_list("organization_suffix"))
        self.org_suffixes = tuple(sorted(self.org_suffix, key=len, reverse=True))  # for one C-level endswith
        self.titles = frozenset(self.names.person_titles)
        self.triggers = self.titles | self.org_suffix | self.brand_context
        self.tags: dict[str, str] = {}
        if isinstance(tokenizer, JiebaTokenizer):
            tokenizer.add_words(f for e in lexicon.entities for f in e.forms if any(is_cjk(c) for c in f))
            self.tags = tokenizer.pos_tags()
            # a title a lexicon adds (主理人) must be one word for the name after it to be read; jieba's own
            # titles keep their frequency, which the segmentation of the text around them relies on
            tokenizer.add_words([t for t in self.titles if t not in self.tags and any(is_cjk(c) for c in t)], tag="n")
        # the words jieba tags as organisations' names (nt), for one C-level intersection with an article's words
        self.nt_words = frozenset(w for w, tag in self.tags.items() if tag in _ORG_TAGS)
        self.trims = model_trims(lexicon.pattern_list("product_model"))
        self.model_suffix = model_suffix(lexicon.pattern_list("product_model"))
        self.open_names = ChineseNames(self.tags, self.org_suffix, sources, data=self.names, trims=self.trims)
        # Aquila 超感系统, Adam 超算平台: a Latin name before a kind of product (two characters may qualify it)
        kinds = "|".join(re.escape(k) for k in self.names.product_kinds)
        self.product_kind = re.compile(rf" ?[\u4e00-\u9fff]{{0,2}}(?:{kinds})") if kinds else None
        # longest first: 社交媒体 before 媒体, were both listed
        self.name_kinds = tuple(sorted(self.names.name_kinds, key=len, reverse=True))
        self.latin_names = self.open_names.latin_names
        self.latin_common = self.latin_names.common  # English stop words: What, How are no names

    def find(self, doc: Doc, state: DocState) -> list[EntityHit]:
        pieces, starts = segmented_words(doc) or ([t.text for t in doc], [t.idx for t in doc])
        found = Found()
        taken: set[int] = set()
        first = self.first_forms
        distinct = set(pieces)  # words repeat: each distinct word is tested once, the pieces then only looked up
        tags = WordTags(self.tags, distinct)  # this article's words' tags: the sources below ask about each again
        # Words no lexicon form can start at are passed over: a form starts where the word begins with one, or
        # where the word is the beginning of one (it may run on past it; _lexicon then checks the text itself).
        # One C-level intersection for the words that are (the start of) a form, then the test of running on past
        # a form for the longer words alone (most words are of one or two characters: no slice, no lookup).
        lexical = distinct & self.form_starts
        shortest = self.shortest_form
        lexical.update(w for w in distinct if len(w) > shortest and w[0] in first and w.startswith(first[w[0]]))
        splits = _SplitWords(pieces, starts, tags)
        # Most of these words only begin a form the text does not go on with (一 of 一加): the test _lexicon opens
        # with, whether a form of the word's first character starts there, made here in one C-level call per word
        # rather than in a call of _lexicon each (it reads nothing the calls before change).
        content = state.content
        for i in [i for i, w in enumerate(pieces) if w in lexical and content.startswith(first[w[0]], starts[i])]:
            self._lexicon(state, starts[i], taken, found, splits)
        stems = distinct & self.stems.keys()
        if stems:
            # writers pair a brand with its peers (荣耀与苹果, 比亚迪、大众), not a common word with a brand
            paired = Paired(state.content, [(h.start, h.end) for h in found.hits if h.kind is EntityKind.BRAND],
                            self.names.coordinators)
            for i in [i for i, w in enumerate(pieces[:-1]) if w in stems]:
                # 东风 | 本田, 长安 | 林肯: a stem glued to another brand's name is part of a joint venture's
                glued = self._brand_at(pieces[i + 1]) or (i > 0 and self._brand_at(pieces[i - 1]))
                # 吉利集团, 理想ONE, 大众ID.4: the company's group, or a model code right after the name
                named = pieces[i + 1] in self.org_suffix or _code_start(pieces[i + 1])
                if pieces[i + 1] in self.stem_context or named or (
                        paired(starts[i], starts[i] + len(pieces[i])) and not glued):
                    self._stemmed(state, self.stems[pieces[i]], starts[i], len(pieces[i]), taken, found)
        self._registered(state, pieces, starts, taken, found, tags)
        if any(w in _NAME_DOTS for w in distinct):
            _dotted_names(state, pieces, starts, taken, found, tags, self.form_entry)
        self.open_names.find(state, pieces, starts, taken, found, tags=tags, distinct=distinct)
        candidates = self._may_name(distinct)
        for i in [i for i, w in enumerate(pieces) if w in candidates]:
            word = pieces[i]
            if word in self.titles:
                i += 1
            elif word in self.org_suffix or word in self.brand_context:
                i -= 1
            if 0 <= i < len(pieces):
                self._unknown(state, pieces, starts, i, taken, found, tags)
        self._everywhere(state, pieces, starts, taken, found)
        self._shortened(found)
        _spacing_variants(found)
        return found.hits

    def _may_name(self, distinct: set[str]) -> set[str]:
        """The words a new name may be or stand beside: triggers (titles, company and brand words), Latin words,
        model numbers (骁龙 8155), words jieba tags as organisations' names (nt) and words ending in an organisation
        suffix. The same set as testing each word ``w in triggers or (w[0].isascii() and w[0].isalpha()) or
        tags[w] == "nt" or (w.isdigit() and w.isascii() and 2 <= len(w) <= 5) or (len(w) > 3 and
        w.endswith(suffixes))``: the triggers and the nt words by C-level intersections, then one test of every word,
        where ``w < "\\x80"`` is ``w[0].isascii()`` (pieces are never empty) and rules out the Chinese words at once."""
        suffixes = self.org_suffixes  # a local: the test runs on every distinct word
        return (distinct & self.triggers) | (distinct & self.nt_words) | {
            w for w in distinct
            if (w < "\x80" and (w[0].isalpha() or (w.isdigit() and w.isascii() and 2 <= len(w) <= 5)))
            or (len(w) > 3 and w.endswith(suffixes))}  # the length first: most words are shorter

    def _registered(self, state: DocState, pieces: list[str], starts: list[int], taken: set[int], found: Found,
                    tags: WordTags) -> None:
        """A registered company's legal name (凯达商业有限公司): an organisation named without its legal ending;
        the legal name is one more name of it. A company named by what it owns (禾鑫零售旗下) too."""
        text = state.content
        spans = registered_names(text, pieces, starts, tags, self.names)
        held = {start for start, _, _ in spans}  # legal names, which may hold a brand's
        spans += [(start, end, end) for start, end in owner_names(text, pieces, starts, tags, self.names)]
        for start, end, legal_end in spans:
            if state.unit_at(start) is None:
                continue
            if any(k in taken for k in range(start, legal_end)):
                # 哈尔滨道外大润发商业有限公司: a company of its own, whose name holds 大润发's (a mention of both)
                if start not in held or not _subsidiary(start, end, legal_end, taken, found, pieces, starts, tags):
                    continue
            label, legal = text[start:end], text[start:legal_end]
            # the mention is the name (which the article may use again alone); the legal ending is no name's
            found.add(EntityKind.ORGANIZATION, slug(label), {"zh": label}, (legal,) if legal != label else (),
                      start, end)
            taken.update(range(start, legal_end))

    def _shortened(self, found: Found) -> None:
        """A brand the article also calls by the start of its name (蜜雪 for 蜜雪冰城) is one brand: a name of two
        or three characters outside the lexicon that begins exactly one longer name of the article, by two
        characters or more, is another name of it — when the longer one is a lexicon brand, or the rest of it
        a company word (满帮 for 满帮集团). Else the longer name may be a unit of its own (埃森哲互动 is not
        埃森哲). A lexicon name is never folded into a longer one (腾讯 and 腾讯视频 stay two)."""
        org = (EntityKind.BRAND, EntityKind.ORGANIZATION)
        company_words = (*self.org_suffixes, *self.names.company_suffixes, *self.names.organization_words)

        def names_of(hit: EntityHit, short: str) -> list[str]:
            forms = [n for n in (hit.label, *hit.labels.values(), *hit.aliases) if _all_cjk(n)]
            known = any(n in self.form_entry for n in forms)
            return [n for n in forms if known or n[len(short):] in company_words]

        named = {ref: hits[0] for ref, hits in found.by_ref.items() if hits[0].kind in org}
        for ref, short in [(r, hits[0].label) for r, hits in found.by_ref.items() if r in named]:
            if not 2 <= len(short) <= 3 or not _all_cjk(short) or short in self.form_entry:
                continue
            longer = [r for r, hit in named.items() if r != ref and r in found.by_ref
                      and any(n.startswith(short) and len(n) >= len(short) + 2 for n in names_of(hit, short))]
            if len(longer) == 1:
                found.merge(ref, longer[0], alias=short)

    def _lexicon(self, state: DocState, idx: int, taken: set[int], found: Found, splits: "_SplitWords") -> None:
        """The longest lexicon form starting at a word start, and its flagship product if one follows — not one
        that ends inside a dictionary word (高通 in 高 | 通胀率: the text says inflation, not Qualcomm)."""
        if idx in taken or not state.content.startswith(self.first_forms.get(state.content[idx], ()), idx):
            return  # no form starts here (most words): the unit and the forms one by one are not needed
        u = state.unit_at(idx)
        if u is None:
            return
        unit, text = state.units[u], state.content
        for length in self.form_lengths[text[idx]]:  # the startswith test above found the character
            end = idx + length
            if end > unit.end:
                continue  # past the unit (and the slice below would come up short)
            form = text[idx:end]
            entry = self.form_entry.get(form)
            if entry is not None and _clean_edges(text, idx, end, form) and not text.startswith(
                    self.names.not_followed_by, end) and not splits(idx, end):
                break
        else:
            return
        found.add(entry.kind, entry.key, entry.labels, entry.forms, idx, end,
                  brand=f"brand/{entry.brand}" if entry.brand else None)
        if entry.kind is EntityKind.BRAND:
            end = self._flagship(state, u, entry, idx, end, found)
        taken.update(range(idx, end))

    def _brand_at(self, word: str) -> bool:
        """The word is a lexicon brand's name or the start of one without its company word (本田, 林肯)."""
        entry = self.form_entry.get(word) or self.stems.get(word)
        return entry is not None and entry.kind is EntityKind.BRAND

    def _stemmed(self, state: DocState, entry: LexEntry, start: int, length: int, taken: set[int],
                 found: Found) -> None:
        """A brand named without its company word, right before what the company does (吉利旗下, 长城推出)."""
        if start in taken or state.unit_at(start) is None:
            return
        found.add(entry.kind, entry.key, entry.labels, entry.forms, start, start + length)
        taken.update(range(start, start + length))

    def _flagship(self, state: DocState, u: int, entry: LexEntry, start: int, end: int, found: Found) -> int:
        """``小米旗舰机型`` is also a product of its brand: the brand's flagship."""
        text = state.content
        if not text.startswith(self.flagship, end, state.units[u].end):
            return end  # what follows most brand mentions (one C-level test for all the patterns)
        for pattern in self.flagship:
            if text.startswith(pattern, end, state.units[u].end):
                labels = {tag: f"{name}旗舰" if tag == "zh" else f"{name} flagship" for tag, name in entry.labels.items()}
                stop = end + len(pattern)
                found.add(EntityKind.PRODUCT, f"{entry.key}-flagship", labels, (), start, stop, brand=entry.ref)
                return stop
        return end

    def _unknown(self, state: DocState, pieces: list[str], starts: list[int], i: int, taken: set[int],
                 found: Found, tags: WordTags) -> None:
        word, idx = pieces[i], starts[i]
        if idx in taken or not word.strip():
            return
        u = state.unit_at(idx)
        if u is None:
            return
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        prev = pieces[i - 1] if i else ""
        if counted(word, state.content, idx):
            return
        # the brand or product right before only makes a product of a Latin word (蔚来ES7, 理想 L9, iPhone 15):
        # _model_code and _classify name products from Latin words alone, so a Chinese word spares the scan of
        # every mention
        owner = _maker_before(state, found, idx) if word.isascii() else None
        if i and word in self.names.not_names and self._institution(prev, starts[i - 1], u, state, taken, found, tags,
                                                                       word):
            return
        if word.isascii() and (word in self.latin_names.not_names or prev.endswith(("/", "-", "－")) or _RANKING.fullmatch(word)
                               or _counted_term(word, state.content, idx + len(word), self.latin_names.not_names)):
            # WiFi, KOL, App: terms, not names (抖音KOL is no product of 抖音); 元/Wh: a unit; Top3: a rank; Wi－Fi 6:
            # the second half of a hyphenated word; 拥有SKU35个: a term and its count
            return
        rest = unglued_name(word, tags, self.names) if nxt in self.org_suffix else None
        if rest is not None:  # 给瑞禾 + 科技: the segmenter glued a verb to the name before the company word
            word, idx, prev = rest, idx + len(word) - len(rest), word[:len(word) - len(rest)]
        hit = (self._model_code(word, idx, state.content, owner, self.latin_common, self.trims)
               or self._classify(word, idx, prev, nxt, state.content, tags))
        if hit is None or hit[3] > state.units[u].end:
            return
        kind, key, label, end = hit
        labels = {"zh" if any(is_cjk(c) for c in label) else "en": label}
        found.add(kind, key, labels, (), idx, end, brand=_brand_of(owner) if kind is EntityKind.PRODUCT else None)
        taken.update(range(idx, end))

    def _institution(self, prev: str, at: int, u: int, state: DocState, taken: set[int], found: Found,
                     tags: WordTags, word: str) -> bool:
        """香港 + 交易所, 沃顿 + 商学院: a kind of institution, which names nothing alone, is an organisation's
        name after the place or name that says which one."""
        tag = tags[prev]
        if tags[word] not in _ORG_TAGS or at in taken or not (2 <= len(prev) <= 4 and _all_cjk(prev)):
            return False
        if not (tag is None or tag == "ns" or tag in NAME_TAGS) or not self.names.not_in_names.isdisjoint(prev):
            return False
        if prev in self.names.not_names or at < state.units[u].start:
            return False
        label = prev + word
        found.add(EntityKind.ORGANIZATION, slug(label), {"zh": label}, (), at, at + len(label))
        taken.update(range(at, at + len(label)))
        return True

    def _everywhere(self, state: DocState, pieces: list[str], starts: list[int], taken: set[int],
                    found: Found) -> None:
        """A name found once is that name wherever the article uses it again as a word: 可口可乐公司 makes
        every later 可口可乐 a mention (one sense per discourse). Chinese names of two characters or more; one
        of three or more also where the segmenter glued it to a neighbour (正如林远舟所说: 林远舟所 / 说)."""
        forms: dict[str, EntityHit] = {}  # a name's form -> the first hit of its entity
        text = state.content
        for hits in found.entities():
            if hits[0].kind not in (EntityKind.BRAND, EntityKind.ORGANIZATION, EntityKind.PERSON):
                continue
            hits = self._as_brand(hits, pieces, found)
            for said in dict.fromkeys(text[h.start:h.end] for h in hits):  # a name mostly repeats one text
                for form in (said, self._short_form(said)):
                    if len(form) >= 2 and _all_cjk(form):
                        forms.setdefault(form, hits[0])
        if not forms:
            return
        spans = {(starts[i], pieces[i]) for i, w in enumerate(pieces) if w in forms}
        spans.update((at, form) for form in forms if len(form) >= 3 for at in _occurrences(text, form))
        for start, form in sorted(spans):
            end = start + len(form)
            u = state.unit_at(start)
            if start in taken or end - 1 in taken or u is None or end > state.units[u].end:
                continue
            entity = forms[form]
            found.add(entity.kind, entity.key, entity.labels, entity.aliases, start, end, brand=entity.brand)
            taken.update(range(start, end))

    def _as_brand(self, hits: list[EntityHit], pieces: list[str], found: Found) -> list[EntityHit]:
        """An organisation found by its company word whose bare name the article keeps using (可口可乐公司 …
        可口可乐 … 可口可乐) is the brand: known by its name without the company word, as the lexicon's
        brands are. Its mentions so far move to the brand."""
        entity = hits[0]
        short = self._short_form(entity.label)
        # the pieces counted only for the few organisations with a short form (not a Counter of every word)
        if entity.kind is not EntityKind.ORGANIZATION or short == entity.label or pieces.count(short) < 2:
            return hits
        brand = EntityHit(EntityKind.BRAND, slug(short), entity.start, entity.end, short, {"zh": short},
                          (entity.label,))
        if brand.ref in found.by_ref:
            return hits  # the name is a brand already: leave both as found
        found.rename(entity.ref, brand)
        return found.by_ref[brand.ref]

    def _short_form(self, label: str) -> str:
        """云犀公司 -> 云犀: an organisation is named again without its company word."""
        if not label.endswith(self.org_suffixes):
            return label  # most names (one C-level test for all the suffixes)
        for suffix in self.org_suffixes:
            if label.endswith(suffix) and len(label) - len(suffix) >= 2:
                return label[: -len(suffix)]
        return label

    @staticmethod
    def _model_code(word: str, idx: int, text: str, owner: EntityHit | None, common: frozenset[str] = frozenset(),
                    trims: re.Pattern[str] | None = None) -> tuple[EntityKind, str, str, int] | None:
        """A model code (ES7, L9, P50, GLS) and the ``trims`` after it (Ultra, Pro Max): a product, of the brand right
        before it when there is one, or a model of the product right before it (iPhone 15, Mate 60 Pro, named as
        the text writes it); an English word in capitals after a brand is none (B站的UP主: ``common``, the English
        stop words)."""
        numbered = _NUMBERED_MODEL.match(text, idx) if owner is not None else None
        if owner is not None and owner.kind is EntityKind.PRODUCT and numbered is None:
            trimmed = trims.match(text, idx) if trims is not None else None  # SU7 Ultra: a trim after the product
            if trimmed is not None:
                return _model_of(owner, text, trimmed.end())
        if numbered is not None and not _month_day(numbered.group()) and not _YEAR.fullmatch(numbered.group()):
            # 骁龙 8155, 小米 13: a bare number right after a brand, not a date, an amount or a count (小米 2023年),
            # nor a day named by its date (京东 618, 1024 科技日), nor a year (小米汽车 2024)
            word = numbered.group()
        elif owner is not None and (dotted := _DOTTED_CODE.match(text, idx)) is not None:
            word = dotted.group()  # 大众ID.4X, ID.3: a series and its number, joined by a dot
        elif not (word.isascii() and word.isalnum() and 2 <= len(word) <= 8 and word[0].isalpha()) or word in _LATIN_TERMS:
            return None
        has_digit = any(c.isdigit() for c in word)
        if not (has_digit or (owner is not None and word.isupper() and word.lower() not in common)):
            return None
        end = idx + len(word)
        trimmed = trims.match(text, end) if trims is not None else None
        if trimmed is not None:
            word, end = text[idx:trimmed.end()], trimmed.end()
        if owner is None:
            return EntityKind.PRODUCT, slug(word), word, end
        if owner.kind is EntityKind.PRODUCT:
            return _model_of(owner, text, end)
        brand_label = owner.labels.get("zh") or owner.label
        return EntityKind.PRODUCT, f"{owner.key}-{slug(word)}", f"{brand_label} {word}", end

    def _versioned_product(self, word: str, idx: int, end: int, text: str) -> tuple[EntityKind, str, str, int] | None:
        """XT3.0 平台, ZR-Link 2.1 架构: a Latin name written with a dot or a hyphen, with a version (in it or after
        it), right before a kind of product (``product_kinds``) is that product — not a standard's name without
        one (LTE-V 芯片)."""
        if self.product_kind is None or not _DOTTED_NAME.fullmatch(word):
            return None
        version = _VERSION_AFTER.match(text, end)
        stop = version.end() if version else end
        if (version is None and not _VERSION_IN.search(word)) or self.product_kind.match(text, stop) is None:
            return None
        label = text[idx:stop]
        return EntityKind.PRODUCT, slug(label), label, stop

    def _kind_before(self, text: str, idx: int) -> str | None:
        """The word of ``name_kinds`` right before ``idx`` (通讯应用|Viber), if there is one."""
        return next((k for k in self.name_kinds if idx >= len(k) and text.startswith(k, idx - len(k))), None)

    def _classify(self, word: str, idx: int, prev: str, nxt: str, text: str,
                  tags: WordTags) -> tuple[EntityKind, str, str, int] | None:
        end = idx + len(word)
        if word.isascii():
            versioned = self._versioned_product(word, idx, end, text)
            if versioned is not None:
                return versioned
            if glossed(text, idx, end) or not is_latin(word):
                return None
            # Costco（好市多）, zara（飒拉）; not the last word of a longer Latin name (Under Kelmar（安德凯）)
            named = transliterated(text, end, tags, self.names.not_in_names) and not _in_latin_phrase(text, idx, end)
            if not (named or _latin_name(word)):
                return None
            window = text[end:end + 4] + text[max(0, idx - 3):idx]
            product = self.product_kind is not None and self.product_kind.match(text, end) is not None
            kind = self._kind_before(text, idx)
            cue = (named or product or any(c in window for c in self.brand_context)
                   or any(c in window for c in self.org_suffix)
                   # 从Whitbread收购, Nike宣布: what only a company does, beside the name
                   or any(c in window for c in self.stem_context)
                   or self.model_suffix.match(text, end) is not None  # Pixel 9: a name with its model number
                   # 通讯应用Viber: the word before says what it is — not before English prose (平台Is very good)
                   or (kind is not None and not _in_latin_phrase(text, idx, end)
                       and word.lower() not in self.latin_common)
                   # TikTok、Wechat、Likee: an item of a list of Latin names is a name like its neighbours
                   or _listed_with_latin(text, idx, end))
            # called a brand (新品牌“XMAGE”), or the first of some (NBA等品牌: NBA and other brands; DTC品牌 is a kind)
            called = (_CALLED_BRAND.search(text, max(0, idx - 4), idx) is not None
                      or _AND_OTHER_BRANDS.match(text, end) is not None)
            if word.isalpha() and not named and not called and not any(c in window for c in self.org_suffix) and (
                    word.isupper() or (len(word) <= 3 and not word.istitle())):
                # IGBT, ADAS, DTC品牌, SiC: terms and kinds of brand, unless a company word follows or the word is
                # called a brand (新品牌“XMAGE”)
                return None
            if not cue and (_in_latin_phrase(text, idx, end) or (word.istitle() and text.count(word) < 2)
                            or word.lower() in self.latin_common
                            or _glossed_term(text, word, idx, tags, self.names.not_in_names)):
                # Super girls, Direct To Consumer: English prose quoted in Chinese; David once; What, How;
                # Retention（用户留存）: a term the Chinese beside it translates
                return None
            model = self.model_suffix.match(text, end)
            if model:
                end = model.end()
                return EntityKind.PRODUCT, slug(text[idx:end]), text[idx:end], end
            if kind == _AGENCY:
                return EntityKind.ORGANIZATION, slug(word), word, end  # 营销机构Markerly: a firm, no brand
            return EntityKind.PRODUCT if product else EntityKind.BRAND, slug(word), word, end
        # Cheap set lookups first: most words are ordinary vocabulary and leave here.
        tag = tags[word]
        name_like = tag is None or tag in NAME_TAGS
        if prev in self.titles:
            # 选手林小雨; not 教授说了句 or 球员和教练: a function character is no part of a name
            if name_like and 2 <= len(word) <= 3 and _all_cjk(word) and self.names.not_in_names.isdisjoint(word) \
                    and word not in self.names.not_names:  # 明星带货: what a star does, not a star's name
                if len(word) == 2 and len(nxt) == 1 and is_cjk(nxt) and nxt not in _AFTER_NAME:
                    word, end = word + nxt, end + 1  # jieba cuts unknown three-character names short
                return EntityKind.PERSON, slug(word), word, end
        elif nxt in self.org_suffix:
            # jieba's dictionary files some brands as idioms (可口可乐, 百事可乐) or abbreviations (巴比): before 公司
            # or 食品 they are names; 大公司, 对大公司: a company's size or a preposition before it is no name
            if (name_like or tag == "i" or tag == "j") and len(word) >= 2 and _all_cjk(word) and tag != "nr" \
                    and word[-1] not in _SIZE and self.names.not_in_names.isdisjoint(word) \
                    and word not in self.names.not_names and not _quoted_whole(text, idx, end + len(nxt)):
                return EntityKind.ORGANIZATION, slug(word), word + nxt, end + len(nxt)
        elif word.endswith(self.org_suffixes) and word not in self.org_suffix:
            # one dictionary word with its company word (可口可乐公司): a name when what precedes it is one
            stem = self._short_form(word)
            stem_tag = tags[stem]
            if stem != word and _all_cjk(stem) and (stem_tag is None or stem_tag in NAME_TAGS or stem_tag == "i") \
                    and not names.common_noun_like(stem, self.names) and stem not in self.names.not_names:
                return EntityKind.ORGANIZATION, slug(stem), word, end
        elif tag in _ORG_TAGS and not names.common_noun_like(word, self.names) and word not in self.names.not_names and (
                word.endswith(self.names.organization_endings)
                or (len(word) <= 3 and word.endswith(self.names.short_organization_endings))):
            # jieba tags common nouns as organisations (中央处理器, 最新进展, 越野车, 国际化): a name needs an ending
            return EntityKind.ORGANIZATION, slug(word), word, end
        elif (nxt in self.brand_context and (tag is None or tag == "nz") and 2 <= len(word) <= 4 and _all_cjk(word)
              and self.names.not_in_names.isdisjoint(word) and text.count(word) >= 2 and word not in self.names.not_names):
            # no function character (这是品牌… is no name); said once before 门店 (仓先门店) a word is more often
            # a fragment than a name
            return EntityKind.BRAND, slug(word), word, end
        return None


_NAME_DOTS = frozenset("·・•‧")  # the dot between the given name and the family name of a transliterated name


def _dotted_names(state: DocState, pieces: list[str], starts: list[int], taken: set[int], found: Found,
                  tags: WordTags, forms: Container[str]) -> None:
    """A foreign person's name as Chinese writes it: the given name and the family name transliterated and joined
    by a dot (埃隆·马斯克, 克莱·舍基, 英格瓦·坎普拉德). The segmenter cuts the name at the dot and often inside a
    long family name (坎 | 普拉德): one character left over after the dot takes the short name-like word after it.
    A brand named after its founder (路易·威登) is the lexicon's when a form of it (路易威登) is among ``forms``."""
    text = state.content
    for i in range(1, len(pieces) - 1):
        if pieces[i] not in _NAME_DOTS:
            continue
        given, family = pieces[i - 1], pieces[i + 1]
        if not (_transliterated(tags[given]) and _transliterated(tags[family])):
            continue  # 科技·美学, 凯迪拉克·锐歌, 雷军·小米: words of the language joined by the dot, a slogan or a model
        end = starts[i + 1] + len(family)
        if len(family) == 1 and i + 2 < len(pieces) and _all_cjk(pieces[i + 2]) and len(pieces[i + 2]) <= 3 \
                and (tags[pieces[i + 2]] is None or tags[pieces[i + 2]] in NAME_TAGS):
            family, end = family + pieces[i + 2], end + len(pieces[i + 2])
        if len(family) > 2 and family[-1] in _AFTER_NAME:
            family, end = family[:-1], end - 1  # 韦恩说: the segmenter glued the verb after the name on
        start = starts[i - 1]
        # 320牛·米 (newton metres) is a unit; a name has two characters after the dot and four in all
        if not (_all_cjk(given) and _all_cjk(family) and len(given) <= 4 and len(family) >= 2
                and len(given) + len(family) >= 4):
            continue
        u = state.unit_at(start)
        if u is None or any(k in taken for k in range(start, end)) or end > state.units[u].end:
            continue
        label = text[start:end]
        if given + family in forms:
            continue
        found.add(EntityKind.PERSON, slug(label), {"zh": label}, (), start, end)
        taken.update(range(start, end))


def _transliterated(tag: str | None) -> bool:
    """A word the segmenter does not know, or knows as a name or a place (埃隆 and 英格瓦 are filed as places)."""
    return tag is None or tag in NAME_TAGS or tag == "ns"


def _without_kind(label: str, kinds: tuple[str, ...]) -> str:
    """荣耀手机 -> 荣耀: the name without the kind of product it ends with, when two characters or more remain."""
    kind = next((k for k in kinds if label.endswith(k)), "")
    return label[:-len(kind)] if kind and len(label) - len(kind) >= 2 else label


def _month_day(digits: str) -> bool:
    """Three or four digits that read as a month and a day (618, 1024, 1111): how Chinese names a shopping
    festival or a company's day, not a model."""
    if len(digits) not in (3, 4):
        return False
    month, day = int(digits[:-2]), int(digits[-2:])
    return 1 <= month <= 12 and 1 <= day <= 31


# the word right after is named as a brand: 新品牌“XMAGE”, 影像品牌 XMAGE (not DTC品牌, a kind of brand)
_CALLED_BRAND = re.compile(r"品牌[“\"「『]?\s?$")
_AND_OTHER_BRANDS = re.compile(r"等(?:品牌|企业|公司|厂商)")


def _subsidiary(start: int, end: int, legal_end: int, taken: set[int], found: Found, pieces: list[str],
                starts: list[int], tags: WordTags) -> bool:
    """A legal name that holds a known brand's and more than places besides (哈尔滨道外大润发商业有限公司,
    中粮可口可乐饮料有限公司, 华联咖世家餐饮管理有限公司): a company of its own, a subsidiary or a joint venture;
    one that holds only places and the brand (上海大润发有限公司, 可口可乐中国有限公司) is the brand's."""
    brands = [h for h in found.hits if start <= h.start and h.end <= end and h.kind is EntityKind.BRAND]
    covered = {k for h in brands for k in range(h.start, h.end)}
    if not brands or any(k in taken and k not in covered for k in range(start, legal_end)):
        return False
    i = bisect_right(starts, start) - 1
    rest = []
    while i < len(pieces) and starts[i] < end:
        if not any(k in covered for k in range(starts[i], starts[i] + len(pieces[i]))):
            rest.append(pieces[i])
        i += 1
    return any(tags[w] != "ns" for w in rest)


def _maker_before(state: DocState, found: Found, idx: int) -> EntityHit | None:
    """The brand named right before ``idx`` (蔚来ES7, 理想 L9), if any: the first hit of its entity; else the
    mention of the product that ends there (iPhone 15, Mate 60)."""
    spaced = idx - 1 if state.content[idx - 1:idx] == " " else idx  # a mention may also end one space before
    return found.brand_ending_at(idx, spaced) or found.product_ending_at(idx, spaced)


def _model_of(product: EntityHit, text: str, end: int) -> tuple[EntityKind, str, str, int]:
    """A model of the product mentioned right before it, named as the text writes the two (iPhone 15 Pro Max,
    小米SU7 Ultra); keyed by its Latin name alone, the brand written before it aside (SU7 Ultra, however 小米 is
    written before it), as the English finder keys it."""
    label = text[product.start:end]
    latin = _LATIN_AFTER_CJK.match(label)
    return EntityKind.PRODUCT, slug(latin.group(1) if latin else label), label, end


def _brand_of(owner: EntityHit | None) -> str | None:
    """The brand a model belongs to: the brand named before it, or the brand of the product it is a model of."""
    if owner is None:
        return None
    return owner.ref if owner.kind is EntityKind.BRAND else owner.brand


def _glossed_term(text: str, word: str, idx: int, tags: WordTags, function_chars: frozenset[str]) -> bool:
    """The Chinese beside this mention, or beside the article's first one, translates the term (When（什么时候）
    … When决定How): a term once glossed is a term wherever it comes again."""
    first = text.find(word)
    return glossing(text, idx, idx + len(word), tags, function_chars) or (
        0 <= first != idx and glossing(text, first, first + len(word), tags, function_chars))


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.+&'-]*")
_ENUMERATION = "、"  # the Chinese list comma: it joins items of one kind


def _listed_with_latin(text: str, start: int, end: int) -> bool:
    """The word is an item of a 、-list whose item right before or after it is a Latin name too
    (来自中国的TikTok、Wechat、Likee): items of one list are of one kind."""
    before = start >= 2 and text[start - 1] == _ENUMERATION and text[start - 2].isascii() and text[start - 2].isalnum()
    after = text[end:end + 1] == _ENUMERATION and _LATIN_WORD.match(text, end + 1) is not None
    return before or after


def _in_latin_phrase(text: str, start: int, end: int) -> bool:
    """Whether a Latin word has another Latin word right before or after it (a space between)."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return (before.endswith(" ") and before[:1].isascii() and before[:1].isalpha()) or (
        after.startswith(" ") and after[1:2].isascii() and after[1:2].isalpha())


_CODE = re.compile(r"[A-Z]{1,4}\.?\d{0,4}[A-Z]?")


def _code_start(word: str) -> bool:
    """The word opens a model code: capitals, then digits (ONE, ID.4, L9, ES7), not a name (Magic3, Mate) and
    not a bare number, which after a common word is a price or a year (面向大众2000元, 理想2022年)."""
    return _CODE.fullmatch(word) is not None


def _all_cjk(word: str) -> bool:
    return all(is_cjk(c) for c in word)


def _latin_name(word: str) -> bool:
    """A capitalised Latin token (Tesla, iPhone, NIO) that is not a stop word."""
    if len(word) < 2 or word in _LATIN_STOP or not word.isalnum():
        return False
    return word[0].isupper() or (word[0].islower() and any(c.isupper() for c in word[1:]))


class _SplitWords:
    """Whether a name from ``start`` to ``end`` ends inside a word of the segmenter that begins after it and that
    jieba's dictionary knows (高 | 通胀率): it cuts a word of the text in two. A word that begins where the name
    does holds the name (华为Mate, 大众汽车集团); one the segmenter made up (its HMM's) may be a name cut
    badly: neither counts."""

    __slots__ = ("pieces", "starts", "tags")

    def __init__(self, pieces: list[str], starts: list[int], tags: WordTags) -> None:
        self.pieces, self.starts, self.tags = pieces, starts, tags

    def __call__(self, start: int, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        if i < 0 or self.starts[i] <= start or self.starts[i] == offset:
            return False
        word = self.pieces[i]
        return offset < self.starts[i] + len(word) and len(word) >= 2 and self.tags[word] is not None


def _clean_edges(text: str, start: int, end: int, form: str) -> bool:
    """A Latin form must not be part of a longer Latin word (Apple in Pineapple)."""
    if is_latin(form[0]) and start > 0 and is_latin(text[start - 1]):
        return False
    return not (is_latin(form[-1]) and end < len(text) and is_latin(text[end]))


def _occurrences(text: str, form: str) -> list[int]:
    """Where ``form`` starts in ``text``, however the segmenter cut it."""
    out, at = [], text.find(form)
    while at >= 0:
        out.append(at)
        at = text.find(form, at + len(form))
    return out


def _spacing_variants(found: Found) -> None:
    """荣耀Magic 3 and 荣耀Magic3, Mate 50 and Mate50: Chinese text writes a model with and without the space
    before its number, even within one article. A product or brand whose label differs from an earlier one's
    only in spaces and case is that one."""
    first: dict[str, str] = {}  # the label without spaces, casefolded -> the ref of the first so written
    for ref, hits in list(found.by_ref.items()):
        if hits[0].kind not in (EntityKind.PRODUCT, EntityKind.BRAND):
            continue
        written = "".join(hits[0].label.split()).casefold()
        earlier = first.setdefault(written, ref)
        if earlier != ref and found.by_ref[earlier][0].kind is hits[0].kind:
            found.merge(ref, earlier, alias=hits[0].label)


def _quoted_whole(text: str, start: int, end: int) -> bool:
    """The words from ``start`` to ``end`` are quoted on their own (“特调饮品”): a term the writer sets off — a kind of
    drink, not a firm named with its company word."""
    return start > 0 and text[start - 1] in "“「『\"" and text[end:end + 1] in ("”", "」", "』", "\"")


def _counted_term(word: str, text: str, end: int, terms: Container[str]) -> bool:
    """A term glued to its count before a measure word (拥有SKU35个): letters the language data calls no name,
    digits, then 个 / 款 / 家 …"""
    letters = word.rstrip("0123456789")
    return letters != word and letters in terms and text[end:end + 1] in MEASURE_WORDS
