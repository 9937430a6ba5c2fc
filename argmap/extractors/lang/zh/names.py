"""Chinese sources of names outside the lexicon, for the Chinese entity finder (``entities.py``): the language-neutral ones
(the model, shapes, lists) fed with jieba's dictionary, and the ones that need the segmenter itself —
words it does not know (with a cue), and a name before a model code (骁龙778G)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Container
from typing import Iterable

from argmap.extractors.components import names
from argmap.extractors.model import EntityKind, Span
from argmap.extractors.state import DocState, EntityHit
from argmap.extractors.text import CLOSING_QUOTES, OPENING_QUOTES, alternation, in_quotation, is_cjk, slug
from argmap.extractors.lang.zh.mentions import Found
from argmap.extractors.lang.zh.numbers import CN_NUMERAL_CHARS, COUNT_UNITS
from argmap.extractors.lang.zh.tokenizer import WordTags



def model_trims(words: Iterable[str]) -> re.Pattern[str]:
    """The trims that go on naming a model after its code or name (小米10 Ultra, iPhone 15 Pro Max, SU7 Ultra; the
    lexicon's ``product_model``): another product, at another price, so part of its name — and no name of their
    own (Pro Max). A run of them, a space before each or not; none matches where no word is listed."""
    listed = alternation(words)
    return re.compile(rf"(?:\s?(?:{listed}))+(?![A-Za-z0-9])" if listed else r"(?!)")


def model_suffix(words: Iterable[str]) -> re.Pattern[str]:
    """What names a model after a Latin name (Pixel 9, Pixel 9 Pro, Galaxy Ultra): a number code, its trims
    after it, or trims alone (the lexicon's ``product_model``)."""
    listed = alternation(words)
    trims = rf"(?:\s?(?:{listed}))" if listed else ""
    alone = rf"|{trims}+" if listed else ""
    return re.compile(rf"(?:\s?\d+[A-Za-z]*{trims}*{alone})(?![A-Za-z0-9])")


_FORMER = frozenset("前原")  # "former", before the name of a person's past employer (前国金证券分析师)
# single characters that are words of grammar, not parts of a name: 的, 在, 和 …
_FUNCTION_TAGS = frozenset({"uj", "ul", "uz", "ud", "ug", "uv", "p", "c", "d", "r", "v", "m", "q", "f"})

NAME_TAGS = frozenset({"nz", "nt", "nrt", "nr", "nrfg"})
_TITLE_REACH = 40  # characters: the longest work title (《…》) a name is read inside
# what the segmenter's HMM glued across a word's edge, no name: 之争, 某款, 曾助, 三到 (五年), 深植于
_FRAGMENT = re.compile(r"^(?:[之某曾]|[一二三四五六七八九十两几]到)|于$")
# A model code (AT128, ES7, 778G, 8Gen1), not a number with a unit (400N, 200kW, 800V, 8w).
_PRODUCT_CODE = re.compile(r"[A-Za-z]{1,4}\d{1,5}[A-Za-z]{0,3}|\d{2,5}[A-Za-z]{1,3}\d?\+?|\d[A-Za-z]{3}\d")
_UNIT_NUMBER = re.compile(r"\d+(?:[kMGT]?Wh|k?W|V|N|nm|mm|cm|km|m|mAh|GB|TB|Hz|w|T|L|P|K|g|kg|kw|KW)")
_CJK_WORD = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")
_WINDOW = 8  # characters of context on each side of a word the model is asked about
# jieba tags many foreign brand names as transliterated person names (肯德基 nr, 麦当劳 nrt).
# 定位（Positioning）, 价值主张（Value Proposition）: Latin words alone in parentheses right after Chinese ones
# after a Chinese term, quoted or not (“拖延定价”（Delay Pricing）), or after the one capital it spells out
# (**Q（Quick）**: what a letter of an acronym stands for)
_GLOSS = re.compile(r"(?:(?<=[\u4e00-\u9fff*”」』])|(?<=(?<![A-Za-z])[A-Z]))[（(]\s*[A-Za-z][A-Za-z' &-]*[A-Za-z]\s*[）)]")
_FOREIGNNAME_TAGS = frozenset({"nrt", "nz"})
_SUFFIX_CHAIN = 2  # company words a name takes one after another (岚川 + 国际 + 证券)
_WORD_SOURCE_TAGS = _FOREIGNNAME_TAGS | {""}  # "": not in the dictionary
_NOT_PLAIN_TAGS = _WORD_SOURCE_TAGS | NAME_TAGS  # a word with one of these makes a text more than plain words


_GLUED_MIN, _GLUED_MAX = 3, 5  # characters of a word unglued_name reads: a glued opener and a name of two to four
# what may stand between a firm and the parties it has: 的, and a rank among them (前五大, 第一大, 最大的, 主要)
_TRADE_PARTY = re.compile(r"的?(?:前[一二三四五六七八九十\d]{1,2}大|第[一二三四五\d]大|最大的?|主要|核心)?")
# the figure reader's measure words of one character (家, 个, 款 …): after a number they count what follows
MEASURE_WORDS = frozenset(unit for unit in COUNT_UNITS if len(unit) == 1)


def counted(word: str, text: str, start: int) -> bool:
    """The segmenter glued the measure word of a count to the word after it (29 | 家新 | 门店): a count, no name."""
    return word[:1] in MEASURE_WORDS and start > 0 and (text[start - 1].isdigit() or text[start - 1] in CN_NUMERAL_CHARS)


def unglued_name(word: str, tags: WordTags, data: names.NameData) -> str | None:
    """The name in a word the segmenter made up by gluing a verb or function word to it (找淳馨 before 食品:
    找 + 淳馨): the rest of an unknown word that opens with one of the language's ``glued_openers`` or with a
    character no name has (``not_in_names``: 向, 被 …), when two to four such characters remain."""
    if tags[word] is not None or not _GLUED_MIN <= len(word) <= _GLUED_MAX or not _CJK_WORD.fullmatch(word):
        return None
    opener = next((o for o in data.glued_openers if word.startswith(o)), None)
    if opener is None and word[0] in data.not_in_names:
        opener = word[0]
    rest = word[len(opener):] if opener else ""
    if not 2 <= len(rest) <= 4 or not data.not_in_names.isdisjoint(rest):
        return None
    return rest if tags[rest] is None or tags[rest] in _FOREIGNNAME_TAGS else None


def titled_people(pieces: list[str], starts: list[int], tags: WordTags, titles: Container[str]) -> list[names.NameSpan]:
    """A person the segmenter cut into single characters (分析师 | 陈 | 昱 | 錤 | 预测: a rare character has no
    word): after a person's title, a surname (a character jieba tags nr) and one or two more characters, each
    a piece of its own, before a word of two characters or more, or punctuation."""
    out: list[names.NameSpan] = []
    last = len(pieces) - 2  # a title needs two pieces after it
    # the titles found first by one comprehension (most pieces are none), then the few read one by one
    for i in [i for i, piece in enumerate(pieces) if piece in titles]:
        if i >= last or len(pieces[i + 1]) != 1 or tags[pieces[i + 1]] != "nr":
            continue
        end = i + 2
        while end < len(pieces) and end - i - 1 < 3 and len(pieces[end]) == 1 and is_cjk(pieces[end]) \
                and (tags[pieces[end]] or "") not in _FUNCTION_TAGS:
            end += 1
        after = pieces[end] if end < len(pieces) else ""
        if end - i - 1 < 2 or (len(after) == 1 and is_cjk(after)):
            continue  # a surname alone, or a run that goes on: no name's edge found
        start = starts[i + 1]
        text = "".join(pieces[i + 1:end])
        out.append(names.NameSpan(start, start + len(text), text, names.NameLabel.PERSON, names.NameSource.WORD))
    return out


def split_names(pieces: list[str], starts: list[int], tags: WordTags,
                text: str) -> tuple[list[tuple[str, int]], Counter[str]]:
    """Where a person's name may stand that the segmenter split into its surname and a word (魏 | 建军): a
    character jieba tags as a surname, then one or two more, written so at least twice in the article — each
    name at its first place, and how often the article writes it. Only the model is asked about these (one
    window each): the split itself says nothing of a name."""
    out: list[tuple[str, int]] = []
    counts: Counter[str] = Counter()
    for i in range(len(pieces) - 1):
        first, rest = pieces[i], pieces[i + 1]
        if len(first) != 1 or tags[first] != "nr" or not 1 <= len(rest) <= 2 or not _CJK_WORD.fullmatch(rest):
            continue
        name = first + rest
        if name not in counts and (count := text.count(name)) >= 2:
            counts[name] = count
            out.append((name, starts[i]))
    return out, counts


def glued_fragment(word: str) -> bool:
    """A word the segmenter's HMM glued across a word's edge (之争, 某款, 曾助, 三到 of 三到五年, 深植于): no name
    to ask the model about."""
    return _FRAGMENT.search(word) is not None


def titled_work(text: str, start: int, end: int) -> bool:
    """《Taste The Feeling》, 《你好，李焕英》: a name inside the title of a work (a song, a book, a film, an
    article) names the work or its character, no brand (a title runs within one line)."""
    opened = text.rfind("《", max(0, start - _TITLE_REACH), start)
    if opened < 0 or text.find("》", opened, start) >= 0 or "\n" in text[opened:start]:
        return False
    closed = text.find("》", end, end + _TITLE_REACH)
    return closed >= 0 and "《" not in text[end:closed] and "\n" not in text[end:closed]


_QUOTE_REACH = 8  # characters between a quotation mark and the name inside it ("The " before it)
_QUOTE_CLOSE = re.compile(f'[^\\n{OPENING_QUOTES}{CLOSING_QUOTES}"]{{0,{_QUOTE_REACH}}}?[{CLOSING_QUOTES}"]')


def campaign_named(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """名为 “The Happiness Machine” 的营销活动, 广告语“Think Small”: a name inside a quotation that a campaign or
    slogan word (``campaign_words``) follows or precedes names the campaign or the slogan, no brand."""
    if not words:
        return False
    opened = max(text.rfind(q, max(0, start - _QUOTE_REACH), start) for q in OPENING_QUOTES + '"')
    closed = _QUOTE_CLOSE.match(text, end)
    if opened < 0 or closed is None or not in_quotation(text, opened, start) or "\n" in text[opened:start]:
        return False
    after = text[closed.end():closed.end() + 8].lstrip(" 的")
    before = text[max(0, opened - 6):opened].rstrip(" ：:是为")
    return after.startswith(words) or before.endswith(words)


class ChineseNames:
    """The open-world part of the Chinese entity finder (``name_sources`` in the config)."""

    def __init__(self, tags: dict[str, str], org_suffix: frozenset[str], sources: Iterable[str], *,
                 data: names.NameData, trims: re.Pattern[str] | None = None) -> None:
        self.names = data  # the finder's: with the lexicons' person titles
        self.trims = trims if trims is not None else model_trims(())  # model_trims: a run of them is no name
        self.latin_names = names.NameData.load("en")
        self.tags = tags  # jieba's dictionary: word -> POS tag
        self.org_suffix = org_suffix  # 公司, 集团: the organisation pattern's, not this module's
        self.sources = names.finders(sources)
        # Tuples for str.startswith, built once rather than once per word.
        self._org_suffixes = tuple(org_suffix)
        self._company_words = self.names.organization_words + self.names.company_suffixes
        self._brand_cues = self.names.brand_context
        self._titles = frozenset(self.names.person_titles)

    def find(self, state: DocState, pieces: list[str], starts: list[int], taken: set[int],
             found: Found, *, tags: WordTags | None = None,
             distinct: set[str] | None = None) -> None:
        """Add the names of every switched-on source that the lexicon did not cover. ``tags`` and ``distinct``
        (the set of the pieces) are the caller's for this article, when it has them."""
        if not self.sources:
            return
        tags = WordTags(self.tags) if tags is None else tags
        distinct = set(pieces) if distinct is None else distinct
        self._open_names(state, pieces, starts, taken, found, tags, distinct)
        # Words repeat: each distinct word is tested once, the pieces then only looked up.
        # w < "\x80": its first character is ASCII, as w[:1].isascii() tells, without a slice made of each word
        coded = {w for w in distinct if w < "\x80" and any(c.isdigit() for c in w)}
        for i in [i for i, w in enumerate(pieces) if w in coded]:
            self._line_name(pieces, starts, i, taken, state, found, tags)

    def _open_names(self, state: DocState, pieces: list[str], starts: list[int], taken: set[int],
                    found: Found, tags: WordTags, distinct: set[str]) -> None:
        """Names outside the lexicon: the model's (on sentences with a word jieba does not know or tags
        as a name), multi-word Latin names (The North Face) and 「」-quoted names before a brand word."""
        units = [Span(u.start, u.end) for u in state.units]
        use = self.sources
        dictionary = self._dictionary(pieces, starts, tags)
        candidates: list[names.NameSpan] = []
        if names.NameFinder.SHAPE in use:
            candidates += [n for n in names.shape_names_en(state.content, units, self.latin_names) if " " in n.text]
            candidates += names.quoted_names_zh(state.content, units, self.names, dictionary)
        # Words that may be names: two to four CJK characters that jieba does not know or tags as foreign names.
        # Words repeat: each distinct word is tested once, the pieces then only looked up.
        may_name = {w for w in distinct
                    if 2 <= len(w) <= 4 and (tags[w] or "") in _WORD_SOURCE_TAGS and _CJK_WORD.fullmatch(w)}
        # (the length test is unglued_name's first: most words are shorter, and need no call)
        unglued = {w: rest for w in distinct
                   if _GLUED_MIN <= len(w) <= _GLUED_MAX and (rest := unglued_name(w, tags, self.names)) is not None}
        words = [(w, s) for w, s in zip(pieces, starts) if w in may_name and w not in unglued]
        # the names in glued words only before a company word (找淳馨 + 食品): asking the model about every word
        # the segmenter glued a function character to would cost more than the rare name it finds (most articles
        # have no glued word: no pass over the pieces then)
        glued = [(unglued[w], s + len(w) - len(unglued[w])) for w, s in zip(pieces, starts) if w in unglued] \
            if unglued else []
        counts = Counter(w for w, _ in words)
        model = names.load_model("zh") if names.NameFinder.MODEL in use else None
        model_found: list[names.NameSpan] = []
        if model is not None:
            split, split_counts = split_names(pieces, starts, tags, state.content)
            spans = self._model_windows(state, [(w, s) for w, s in words if tags[w] is None] + split,
                                        counts + split_counts)
            model_found = self._snapped(names.model_names(model, state.content, spans), state.content, starts, tags)
            candidates += model_found
        if names.NameFinder.WORD in use:
            paired = Paired(state.content, [(h.start, h.end) for h in found.hits if h.kind is EntityKind.BRAND]
                             + [(n.start, n.end) for n in candidates if n.text.isascii()], self.names.coordinators)
            # a name glued to a coordinator (星巴克 | 和岚蛙) is still one of its mentions
            candidates += self._word_names(state.content, words + glued, Counter(w for w, _ in words + glued),
                                           model_found, _WordBounds(starts, len(state.content)), paired)
            candidates += titled_people(pieces, starts, tags, self._titles)
        if names.NameFinder.LIST in use:
            candidates += names.listed_names_zh(state.content, units, self.names,
                                            lambda s, e: all(i in taken for i in range(s, e)), dictionary,
                                            _WordBounds(starts))
        kinds: dict[names.NameSpan, EntityKind] = {}
        for name in candidates:  # judged one by one first: a rejected name must not hide another
            data = self.latin_names if name.text.isascii() else self.names
            kind = names.kind_of(name, state.content, data, titles=self.names.person_titles)
            if kind is not None and self._open_name_ok(name, state.content, tags):
                kinds[name] = kind
        # one sense per discourse: a name read as a person's once is that person's wherever the article writes it
        # (现年36岁的李瑜 … 李瑜自2007年加入: the model read the first, the repeated word found the others) — unless
        # the text calls it otherwise (凯达、赞宝等品牌: a list summed up as brands outweighs the model's guess)
        called = {n.text for n, kind in kinds.items()
                  if kind is not EntityKind.PERSON and n.source in (names.NameSource.CUE, names.NameSource.SHAPE)}
        people = {n.text for n, kind in kinds.items() if kind is EntityKind.PERSON} - called
        kinds.update([(n, EntityKind.PERSON) for n, kind in kinds.items() if n.text in people and kind is not EntityKind.PERSON])
        brands_at = {h.start: h for h in found.hits if h.kind is EntityKind.BRAND}
        # a name the lexicon or a pattern already found elsewhere in the article is that entity here too (华润, an
        # organisation by its legal name, is no brand where a trade role names it)
        named: dict[str, EntityHit] = {}
        for hit in found.hits:
            named.setdefault(hit.label, hit)
        for name in names.without_overlaps(kinds):
            kind = kinds.get(name) or names.kind_of(name, state.content, self.latin_names if name.text.isascii()
                                                    else self.names, titles=self.names.person_titles)
            if kind is not None and self._line_of_brand(name, brands_at.get(name.start), state, found, taken):
                continue
            if kind is None or any(i in taken for i in range(name.start, name.end)):
                continue
            u = state.unit_at(name.start)
            if u is None or name.end > state.units[u].end:
                continue
            same = named.get(name.text)
            if same is not None:
                found.add(same.kind, same.key, same.labels, same.aliases, name.start, name.end, brand=same.brand)
                taken.update(range(name.start, name.end))
                continue
            label, aliases = names.stem(name.text, self.names) if kind is EntityKind.BRAND else (name.text, ())
            labels = {"zh" if any(is_cjk(c) for c in label) else "en": label}
            found.add(kind, slug(label), labels, aliases, name.start, name.end)
            taken.update(range(name.start, name.end))

    def _line_of_brand(self, name: names.NameSpan, brand: EntityHit | None, state: DocState, found: Found,
                       taken: set[int]) -> bool:
        """NVIDIA Drive Orin: a Latin name that opens with a brand the lexicon found names one of its lines, a
        product of that brand (the words after the brand are its span, as a model code's is: 蔚来ES7)."""
        if brand is None or not name.text.isascii() or brand.end >= name.end:
            return False
        rest = state.content[brand.end:name.end]
        if not rest[:1].isspace() or not names.names_a_line(rest.split(), self.latin_names):
            return False
        start = brand.end + len(rest) - len(rest.lstrip())
        u = state.unit_at(start)
        if u is None or name.end > state.units[u].end or any(i in taken for i in range(start, name.end)):
            return False
        label = state.content[brand.start:name.end]  # as the text writes it, as the English finder names it
        found.add(EntityKind.PRODUCT, slug(label), {"en": label}, (), start, name.end, brand=brand.ref)
        taken.update(range(start, name.end))
        return True

    def _dictionary(self, pieces: list[str], starts: list[int], tags: WordTags) -> names.Dictionary:
        """What jieba's dictionary says, for the language-neutral name sources."""

        def plain_text(start: int, end: int) -> bool:
            i = bisect_left(starts, start)
            inside = []
            while i < len(starts) and starts[i] < end:
                inside.append(pieces[i])
                i += 1
            return bool(inside) and all((tags[w] or "") not in _NOT_PLAIN_TAGS for w in inside)

        return names.Dictionary(is_name=lambda w: tags[w] in NAME_TAGS,
                                is_plain=lambda w: tags[w] is not None and tags[w] not in NAME_TAGS,
                                plain_text=plain_text, is_person=lambda w: tags[w] == "nr",
                                is_other_name=lambda w: tags[w] == "nz", is_coined=lambda w: _coined(w, tags))

    def _word_names(self, text: str, words: list[tuple[str, int]], counts: Counter[str],
                    model_found: list[names.NameSpan], bounds: Container[int],
                    paired: "Paired | None" = None) -> list[names.NameSpan]:
        """Words jieba does not know (its HMM made them up: 古茗, 领克) or tags as foreign names (麦当劳 nrt),
        when the model found a name there, when a company or organisation word follows (紫燕食品), or when
        a word that repeats stands beside a brand word, or beside a brand it is coordinated with (岚蛙与Kelmar
        Burger: writers pair a brand with its peers). Repetition alone is no signal: technical articles
        repeat their jargon (激光雷达, 纯电)."""
        confirmed = {n.text for n in model_found}  # the model read one mention of it as a name
        out: list[names.NameSpan] = []
        not_names, not_in_names = self.names.not_names, self.names.not_in_names
        for word, start in words:
            if word in not_names or not not_in_names.isdisjoint(word) or counted(word, text, start):
                continue
            end = start + len(word)
            after, before = text[end:end + 3], text[max(0, start - 3):start]
            if after.startswith(self._org_suffixes):
                continue  # 云犀公司: the organisation pattern names it
            suffix = self._company_suffix(text, end, bounds)
            if suffix:  # 灼识咨询, 紫燕食品: the name with its company word (typed, then stemmed, by it)
                # 前国金 + 证券分析师: the HMM glued "former" to the name (of a person's past employer)
                cut = 1 if word[0] in _FORMER and len(word) >= 3 else 0
                out.append(names.NameSpan(start + cut, end + len(suffix), word[cut:] + suffix, names.NameLabel.ORG,
                                          names.NameSource.WORD))
            elif word in confirmed or before.endswith("旗下") or (counts[word] >= 2 and (
                    after.startswith(self._brand_cues) or (paired is not None and paired(start, end))
                    or self._in_trade(text, start, end))):
                out.append(names.NameSpan(start, end, word, names.NameLabel.ORG, names.NameSource.WORD))
        return out

    def _in_trade(self, text: str, start: int, end: int) -> bool:
        """A firm's role in a trade names it (塑料餐具供应商台州 | 富岭), as do the parties it has (富岭的前五大客户,
        凯达的股东): business prose says so of firms, not of the jargon it repeats."""
        # (_TRADE_PARTY is all optional: it matches, maybe nothing, wherever it is tried)
        return (text[max(0, start - 6):start].endswith(self.names.trade_roles)
                or text.startswith(self.names.trade_parties, _TRADE_PARTY.match(text, end).end()))

    def _company_suffix(self, text: str, end: int, bounds: Container[int]) -> str:
        """The company words right after a name that end where a word does (灼识 + 咨询; 央广网 + 报道 is none: 报
        is not 报道) — after a company suffix, one more as the name runs on (岚川 + 国际 + 证券: a securities
        house, whose last word types it, not 国际's brand)."""
        suffix = ""
        for _ in range(_SUFFIX_CHAIN):
            at = end + len(suffix)
            if not text.startswith(self._company_words, at):
                break  # one C-level test of the whole tuple first: most words have no company word after them
            word = next(c for c in self._company_words if text.startswith(c, at))
            if at + len(word) not in bounds:
                break
            suffix += word
            if word not in self.names.company_suffixes:
                break  # a body's word ends the name: 岚川咨询 + 数据显示 is the firm's data, not a name
        return suffix

    def _model_windows(self, state: DocState, unknown: list[tuple[str, int]], counts: Counter[str]) -> list[Span]:
        """Where the model is worth running: around the first mention of each word that jieba does not know
        (its HMM made it up), that repeats in the article and could be a name. The model then says whether
        it is one; reading every sentence would cost twenty times the segmentation for little more."""
        first: dict[str, int] = {}
        for word, start in unknown:
            first.setdefault(word, start)
        out: list[Span] = []
        for word, start in sorted(first.items(), key=lambda ws: ws[1]):
            if counts[word] < 2 or word in self.names.not_names or any(c in self.names.not_in_names for c in word) \
                    or glued_fragment(word):
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

    def _snapped(self, found: list[names.NameSpan], text: str, starts: list[int],
                 tags: WordTags) -> list[names.NameSpan]:
        """Model names cut back to jieba's word boundaries (比亚迪先 -> 比亚迪), ordinary words dropped."""
        bounds = _WordBounds(starts, len(text))
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
            if tags[label] is not None and tags[label] not in NAME_TAGS:
                continue  # 瑜伽, 关店: words of the language, not names
            out.append(names.NameSpan(name.start, end, label, name.label, name.source))
        return out

    def _open_name_ok(self, name: names.NameSpan, text: str, tags: WordTags) -> bool:
        """A model name must repeat in the article or stand beside a brand, company or title word; Latin words
        that gloss the Chinese term before them, or that the Chinese after them translates (Original Family
        Chicken（靠养鸡发家的鸡）: a slogan), are no name."""
        if name.text in self.names.not_names or glossed(text, name.start, name.end) or titled_work(text, name.start, name.end) \
                or self.names.pairs_places(name.text) or self.trims.fullmatch(name.text) \
                or campaign_named(text, name.start, name.end, self.names.campaign_words):
            return False
        if name.text.isascii() and translated(text, name.end, tags, self.names.not_in_names):
            return False
        if name.source is not names.NameSource.MODEL:
            return True
        after = text[name.end:name.end + 3]
        before = text[max(0, name.start - 6):name.start]
        cue = (any(after.startswith(c) for c in self.names.brand_context + self.names.company_suffixes)
               or any(before.endswith(t) for t in self.names.person_titles))
        return cue or text.count(name.text) >= 2

    def _line_name(self, pieces: list[str], starts: list[int], i: int, taken: set[int], state: DocState,
                   found: Found, tags: WordTags) -> bool:
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
        if any(c in self.names.not_in_names for c in line) or (tags[line] or "") not in _WORD_SOURCE_TAGS:
            return False  # 扭矩 400N, 营收4000: a dictionary word before a number is no product line
        u = state.unit_at(at)
        if u is None or idx + len(word) > state.units[u].end:
            return False
        brand = found.add(EntityKind.BRAND, slug(line), {"zh": line}, (), at, at + len(line))
        end = idx + len(word)
        label = state.content[at:end]
        found.add(EntityKind.PRODUCT, slug(label), {"zh": label}, (), at, end, brand=brand.ref)
        taken.update(range(at, end))
        return True


class Paired:
    """Whether ``start:end`` is coordinated with a brand: a coordinator (与, 和, 、 …) between it and a brand's
    span, right before or right after it, a space allowed on either side of the coordinator (与 Kelmar)."""

    __slots__ = ("text", "starts", "ends", "coordinators")

    def __init__(self, text: str, spans: Iterable[tuple[int, int]], coordinators: tuple[str, ...]) -> None:
        spans = list(spans)
        self.text, self.coordinators = text, coordinators
        self.starts, self.ends = {s for s, _ in spans}, {e for _, e in spans}

    def __call__(self, start: int, end: int) -> bool:
        if not self.coordinators:
            return False
        text, coordinators = self.text, self.coordinators
        at = end + 1 if text[end:end + 1] == " " else end
        if text.startswith(coordinators, at):  # one C-level test of the tuple: most words have none beside them
            at += len(next(c for c in coordinators if text.startswith(c, at)))  # longest first
            if (at + 1 if text[at:at + 1] == " " else at) in self.starts:
                return True
        at = start - 1 if text[start - 1:start] == " " else start
        if not text.endswith(coordinators, 0, at):
            return False
        at -= len(next(c for c in coordinators if text.endswith(c, 0, at)))
        return (at - 1 if text[at - 1:at] == " " else at) in self.ends


class _WordBounds(Container[int]):
    """Where the segmenter's words start (and the text's ``end``, when given): ``offset in bounds`` by a binary
    search over the sorted word starts. The name sources ask about a few offsets per article; a set of every
    word start, built for each article, cost more than all their questions."""

    __slots__ = ("starts", "end")

    def __init__(self, starts: list[int], end: int | None = None) -> None:
        self.starts, self.end = starts, end

    def __contains__(self, offset: object) -> bool:
        if offset == self.end:
            return True
        i = bisect_left(self.starts, offset)  # type: ignore[call-overload]
        return i < len(self.starts) and self.starts[i] == offset


def glossed(text: str, start: int, end: int) -> bool:
    """``start:end`` is the Latin gloss of the Chinese term before it (定位（Positioning）, “拖延定价”（Delay
    Pricing）) or of the capital letter before it (Q（Quick）): the whole content of parentheses that open
    right after a Chinese character, a closing quotation mark or a lone capital. A Chinese name's own Latin
    name there (蜜雪冰城（Mixue）) is an alias the lexicon or the entity it follows already gives."""
    if not text[start:end].isascii():
        return False
    opening = max(text.rfind("（", max(0, start - 3), start), text.rfind("(", max(0, start - 3), start))
    if opening < 1:
        return False
    found = _GLOSS.match(text, opening)
    return found is not None and found.end() >= end


def glossing(text: str, start: int, end: int, tags: WordTags, function_chars: frozenset[str] = frozenset()) -> bool:
    """``start:end`` is a Latin term the Chinese after or before it translates: Retention（用户留存）,
    Why（为什么）, 服务态度“Attitude”. The gloss must be ordinary words (one or two dictionary words, none a
    name): a name's Chinese form in parentheses (Costco（好市多）, Tesla（特斯拉）) is a transliteration, which
    the dictionary does not split into ordinary words."""
    after = _GLOSS_AFTER.match(text, end)
    if after is not None:
        return _ordinary_words(after.group(1), tags, function_chars)
    quoted = _QUOTED_LATIN.match(text, max(0, start - 2))
    if quoted is not None and quoted.end() == end + 1:
        # 服务态度“Attitude”: an English word quoted right after the Chinese word it renders; a name's own
        # shape (通过“KelmarGo”应用: a capital inside) marks it as one
        return all(w[1:].islower() for w in text[start:end].split())
    return False


def translated(text: str, end: int, tags: WordTags, function_chars: frozenset[str] = frozenset()) -> bool:
    """The Latin phrase ending at ``end`` is translated in the parentheses after it — ordinary words longer
    than a name's Chinese form (Original Family Chicken（靠养鸡发家的鸡）), or a phrase that opens with ordinary
    words (Hi-Fi Chill（高保真音质，倍儿爽！）): a slogan or a term, no name. A person's or a brand's Chinese
    name there is short, or no ordinary words (（郭桂和）, （沃比帕克，美国眼镜品牌）)."""
    after = _GLOSS_OPENING.match(text, end)
    if after is None:
        return False
    gloss = after.group(1)
    if after.end(1) + 1 < after.end():  # the gloss runs on past a punctuation mark (香醇、新鲜、匠心): a phrase,
        return not _transliteration(gloss, tags)  # unless it opens with the name's Chinese form (（沃比帕克，…）)
    return len(gloss) > SHORT_GLOSS and _ordinary_words(gloss, tags, function_chars)


def transliterated(text: str, end: int, tags: WordTags, function_chars: frozenset[str] = frozenset()) -> bool:
    """The Latin word ending at ``end`` is given its Chinese name in parentheses (Costco（好市多）, zara（飒拉）):
    a name, glossed as names are, whatever its case."""
    after = _GLOSS_AFTER.match(text, end)
    if after is None or len(after.group(1)) > 5 or not function_chars.isdisjoint(after.group(1)):
        return False
    return _transliteration(after.group(1), tags)


def _transliteration(gloss: str, tags: WordTags) -> bool:
    """A transliteration holds no ordinary word (好市多, 飒拉); a translation does (用户留存, 为什么)."""
    return not any(_plain(part, tags) for part in _parts(gloss, whole=True))


def _coined(word: str, tags: WordTags) -> bool:
    """A word coined as a name: no ordinary word inside it (香奈儿; 劳伦斯, whose 伦斯 the dictionary files as a
    place, as it does many a transliteration's half), unlike a phrase (新鲜血液 = 鲜血 + 血液, 白月光 = 月光)."""
    return not any(_plain(part, tags) and tags[part] != "ns" for part in _parts(word, whole=False))


def _parts(word: str, *, whole: bool) -> Iterable[str]:
    """Every stretch of two characters or more of ``word`` (and ``word`` itself when ``whole``)."""
    return (word[i:j] for i in range(len(word)) for j in range(i + 2, len(word) + 1) if whole or j - i < len(word))


def _plain(word: str, tags: WordTags) -> bool:
    tag = tags[word]
    return tag is not None and tag not in NAME_TAGS and tag not in _FOREIGNNAME_TAGS


def _ordinary_words(gloss: str, tags: WordTags, function_chars: frozenset[str]) -> bool:
    """One dictionary word, or two of two characters or more, none of them a name (用户留存 = 用户 + 留存; not
    好市多 or 赞多, whose single characters the dictionary also lists), or words with a function character
    (是谁): a transliteration has none."""
    return (_plain(gloss, tags) or not function_chars.isdisjoint(gloss)
            or any(_plain(gloss[:k], tags) and _plain(gloss[k:], tags) for k in range(2, len(gloss) - 1)))


_GLOSS_AFTER = re.compile(r"\s*[（(]([\u4e00-\u9fff]{2,8})[）)]")
# characters: a Chinese name given in parentheses is mostly this short (a person's 郭桂和, a brand's 安德玛); a longer
# gloss of ordinary words translates a phrase
SHORT_GLOSS = 3
# what parentheses after a Latin phrase open with: Chinese up to their end or to a punctuation mark inside them
_GLOSS_OPENING = re.compile(r"\s*[（(]([\u4e00-\u9fff]{2,12})(?:[，、！？：；][^（()）\n]{0,40})?[）)]")
_QUOTED_LATIN = re.compile(r"[\u4e00-\u9fff][“\"「][A-Za-z][A-Za-z' -]*[”\"」]")


# a registered company's legal name ends so (有限公司, 股份有限公司, 有限责任公司), after the region it may name in
# parentheses (瑞禾投资（中国）有限公司)
_REGISTERED = re.compile(r"(?:[（(][\u4e00-\u9fff]{2,4}[）)])?(?:股份)?有限(?:责任)?公司")
# Every legal ending holds 有限, at most 8 characters after its start (（中国）股份) and 6 before its end (有限责任公司):
# the regex, which opens with optional parts and so tries every position of the text, reads only the stretch
# from the first 有限 to the last.
_REGISTERED_CORE, _REGISTERED_BEFORE, _REGISTERED_AFTER = "有限", 8, 6
REGISTERED_LONGEST = 12  # characters of a legal name before its ending: past this, a phrase ran into it
_OWNS = re.compile("旗下")  # what a company owns follows its name (禾鑫零售旗下的门店)


def registered_names(text: str, pieces: list[str], starts: list[int], tags: WordTags,
                     data: names.NameData) -> list[tuple[int, int, int]]:
    """(start, end of the name, end of the legal name) of each registered company's legal name (凯达商业有限公司,
    瑞禾投资（中国）有限公司): the words right before the ending (``name_before``)."""
    out: list[tuple[int, int, int]] = []
    first = text.find(_REGISTERED_CORE)
    if first < 0:
        return out  # most articles name no registered company
    last = text.rfind(_REGISTERED_CORE)
    for m in _REGISTERED.finditer(text, max(0, first - _REGISTERED_BEFORE), last + _REGISTERED_AFTER):
        start = name_before(text, pieces, starts, tags, data, m.start())
        if start is not None:
            out.append((start, m.start(), m.end()))
    return out


def owner_names(text: str, pieces: list[str], starts: list[int], tags: WordTags,
                data: names.NameData) -> list[tuple[int, int]]:
    """(start, end) of a company named by what it owns (禾鑫零售旗下): a name of two words or more right before
    旗下 (``name_before``) that the article writes at least twice; one word alone the word source reads."""
    out = []
    for m in _OWNS.finditer(text):
        start = name_before(text, pieces, starts, tags, data, m.start(), words=2)
        if start is not None and text.count(text[start:m.start()]) >= 2:
            out.append((start, m.start()))
    return out


def name_before(text: str, pieces: list[str], starts: list[int], tags: WordTags, data: names.NameData, end: int,
                *, words: int = 1) -> int | None:
    """Where a name that ends at ``end`` (before a company's legal ending, or 旗下) starts: the words right before
    it, back to a word of grammar or a verb (的, 是, 而, 成立 …), a word that names no company (公司, 企业 …), a
    list's opener, a number, or punctuation; from its first word that is a name or a place (瑞禾, 上海; not 营销
    or 家庭: 营销咨询有限公司 is a kind of business); at least ``words`` words. An anonymised company
    (某科技有限公司) is no name. None: no name ends there."""
    i = bisect_left(starts, end)
    if i == len(starts) or starts[i] != end:
        return None  # the ending does not start a word: inside another word
    j = i
    while j > 0 and _in_legal_name(pieces[j - 1], tags, data) and end - starts[j - 1] <= REGISTERED_LONGEST:
        j -= 1
    first = next((k for k in range(j, i) if tags[pieces[k]] in _DISTINCT_TAGS), None)
    if first is None or i - first < words or "某" in text[starts[first]:end]:
        return None
    start = starts[first]
    if tags[text[start]] in _FUNCTION_TAGS and tags[pieces[first]] is None:
        start += 1  # 由瑞禾 / 投资: the segmenter glued a preposition to the name it does not know
    return start if end - start >= 2 else None


# a name, a place or an abbreviation; None: no word of the dictionary
_DISTINCT_TAGS = frozenset({None, "ns", "j", *NAME_TAGS})


def _in_legal_name(word: str, tags: WordTags, data: names.NameData) -> bool:
    return (_CJK_WORD.fullmatch(word) is not None and word not in data.not_names
            and word not in data.list_openers and word not in data.glued_openers
            and data.not_in_names.isdisjoint(word) and tags[word] not in _FUNCTION_TAGS)
