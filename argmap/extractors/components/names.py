"""Names the lexicon does not know: one language-neutral component, language data apart.

Three sources of candidate names, each measured on its own by ``bench/names.py``:

- ``MODEL``: argmap's own statistical NER (``lang/<lang>/ner``, trained by ``train/ner.py`` on openly
  licensed corpora), run on the article's sentences in one ``nlp.pipe`` batch;
- ``SHAPE``: the written shape of a name — runs of capitalised words in English that are not a
  sentence-initial common word, a month or a heading; names in 「」 or “” in Chinese;
- ``CUE``: a company or organisation word right after the name (``General Motors``, ``Foo Inc``,
  …集团, …银行) or a person's title before it (创始人X, "chief executive X").

``kind_of`` then types each name from its context with the language's data (``lang/<lang>/names.json``):
an organisation word makes an Organization (banks, research firms, media, regulators), a model code or
a product cue a Product, a person label a Person; other company names are Brands. Places are not kept.
The caller (the language's entity component) lets lexicon matches win where spans overlap.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from argmap.extractors.model import EntityKind, Span
from argmap.extractors.text import is_cjk

if TYPE_CHECKING:
    from spacy.language import Language

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"


class NameLabel(str, Enum):
    PERSON = "PER"
    ORG = "ORG"
    LOCATION = "LOC"
    PRODUCT = "PRODUCT"


class NameSource(str, Enum):
    MODEL = "model"
    SHAPE = "shape"
    CUE = "cue"
    WORD = "word"  # a word the segmenter does not know or tags as a name, with a second signal


class NameFinder(str, Enum):
    """The sources of names outside the lexicon, each switched on in the pipeline config
    (``name_sources``) and measured on its own by ``bench/names.py``."""

    MODEL = "model"  # the trained NER
    SHAPE = "shape"  # capitalised runs, person prefixes, names in 「」 and “”
    WORD = "word"  # (Chinese) words the segmenter does not know or tags as foreign names, with a cue
    LIST = "list"  # (Chinese) lists of names: 古茗、茶百道等品牌


ALL_FINDERS: tuple[str, ...] = tuple(f.value for f in NameFinder)


def finders(values: Iterable[str]) -> frozenset[NameFinder]:
    """The configured sources; an unknown name is a config error that lists the known ones."""
    try:
        return frozenset(NameFinder(v) for v in values)
    except ValueError:
        raise ValueError(f"name_sources {list(values)!r}: use any of {', '.join(ALL_FINDERS)}") from None


@dataclass(frozen=True, slots=True)
class NameSpan:
    start: int
    end: int
    text: str
    label: NameLabel
    source: NameSource


@dataclass(frozen=True)
class NameData:
    """A language's data for finding and typing names (``lang/<lang>/names.json``)."""

    lang: str
    organization_words: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    not_names: frozenset[str]
    product_cues: tuple[str, ...]
    person_titles: tuple[str, ...]
    brand_context: tuple[str, ...] = ()
    person_prefixes: frozenset[str] = frozenset()
    not_name_suffixes: tuple[str, ...] = ()
    event_words: tuple[str, ...] = ()
    not_in_names: frozenset[str] = frozenset()  # characters a name hardly ever has (的, 了, 仅)
    list_heads: tuple[str, ...] = ()  # 古茗、茶百道等大众品牌: the word a list of names is summed up by
    common: frozenset[str] = frozenset()  # the language's stop words, lower-case: never a name alone

    @classmethod
    def load(cls, lang: str, extra: Iterable[dict[str, list[str]]] = ()) -> "NameData":
        data: dict[str, list[str]] = json.loads((LANG_DIR / lang / "names.json").read_text(encoding="utf-8"))
        for more in extra:
            for field_name, values in more.items():
                data.setdefault(field_name, []).extend(values)

        def longest_first(name: str) -> tuple[str, ...]:
            return tuple(sorted(set(data.get(name, [])), key=len, reverse=True))

        return cls(lang, longest_first("organization_words"), longest_first("company_suffixes"),
                   frozenset(data.get("not_names", [])), longest_first("product_cues"),
                   longest_first("person_titles"), longest_first("brand_context"),
                   frozenset(data.get("person_prefixes", [])), longest_first("not_name_suffixes"),
                   longest_first("event_words"), frozenset(data.get("not_in_names", [])),
                   longest_first("list_heads"), _stop_words(lang))


def _stop_words(lang: str) -> frozenset[str]:
    from importlib import import_module

    module = import_module(f"spacy.lang.{lang}.stop_words")
    return frozenset(w.lower() for w in module.STOP_WORDS)


def model_path(lang: str) -> Path:
    return LANG_DIR / lang / "ner"


@lru_cache(maxsize=2)
def load_model(lang: str) -> "Language | None":
    """The language's NER, loaded on first use (a few MB); ``None`` where none is shipped."""
    path = model_path(lang)
    if not (path / "config.cfg").is_file():
        return None
    import spacy

    return spacy.load(path)


def model_names(nlp: "Language", text: str, spans: Sequence[Span], *, batch_size: int = 256) -> list[NameSpan]:
    """The model's entities in each span (a sentence, or a window of one), with offsets into ``text``.
    Each span is its own document: the English model reads a joined text worse than its sentences."""
    out: list[NameSpan] = []
    texts = (text[s.start:s.end] for s in spans)
    for span, doc in zip(spans, nlp.pipe(texts, batch_size=batch_size)):
        for ent in doc.ents:
            label = _LABELS.get(ent.label_)
            if label is None:
                continue
            start, end = _trim(text, span.start + ent.start_char, span.start + ent.end_char)
            if end > start:
                out.append(NameSpan(start, end, text[start:end], label, NameSource.MODEL))
    return out


_LABELS = {label.value: label for label in NameLabel}
_EDGE = " \t\n\"'“”‘’「」『』《》()（）[]【】,，.。:：;；!！?？、"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if end - start > 1 and text[end - 2:end] in ("'s", "’s"):
        end -= 2
    return start, end


# --- English shape and cue candidates -------------------------------------------------------------

_CAP_WORD = r"(?:[A-Z][A-Za-z0-9'’.-]*[A-Za-z0-9]|[A-Z])"
_JOIN = r"(?:\s+(?:&|of|de|du|von|van|der)\s+|\s+|-)"
_CAP_RUN = re.compile(rf"(?<![A-Za-z0-9&'’-])({_CAP_WORD}(?:{_JOIN}{_CAP_WORD}){{0,4}}|[A-Z]&[A-Z])(?![A-Za-z0-9&])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"“‘(\n]\s*)$")


def shape_names_en(text: str, spans: Sequence[Span], data: NameData) -> list[NameSpan]:
    """Runs of capitalised words that are not common words; one word alone must not open a sentence."""
    out: list[NameSpan] = []
    for span in spans:
        for m in _CAP_RUN.finditer(text, span.start, span.end):
            words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"\S+", m.group(1))]
            opens = m.start(1) == span.start or bool(_SENTENCE_START.search(text[max(span.start, m.start(1) - 3):m.start(1)]))
            first = True
            if opens and len(words) > 2 and words[1][2] in _CONNECTORS:
                words = words[1:]  # "Shares of General Motors": the sentence's first word is no part of the name
                first = False
            while words and words[0][2] not in data.person_prefixes and (
                    _ordinary(words[0][2], data, sentence_start=opens and first) or words[0][2] in _CONNECTORS):
                words.pop(0)
                first = False
            while words and (words[-1][2] in _CONNECTORS or words[-1][2] in data.not_names):
                words.pop()
            if not words or (len(words) == 1 and opens and first):
                continue  # one capitalised word opening a sentence is ambiguous
            if len(words) == 1 and _DEMONYM.search(words[0][2]):
                continue  # Californian, Swedish: adjectives of place
            if all(w in data.not_names or w.lower() in data.common for _, _, w in words):
                continue
            if any(w.lower() in data.common and w[:1].isupper() and w not in _NAME_PARTICLES for _, _, w in words[1:]):
                continue  # "Direct To Consumer": a title-case phrase, not a name
            out.extend(_split_at_prefixes(text, m.start(1), words, data, opens=opens and first))
    return out


def _split_at_prefixes(text: str, base: int, words: list[tuple[int, int, str]], data: NameData, *,
                       opens: bool) -> list[NameSpan]:
    """``Said Mr Fogg``: a person prefix starts a person's name and ends whatever came before it."""
    out: list[NameSpan] = []
    if opens and len(words) > 1 and words[1][2] in data.person_prefixes:
        words = words[1:]  # the sentence's first word, then a name: "Said Mr Fogg"
    label = NameLabel.ORG
    run: list[tuple[int, int, str]] = []
    for word in [*words, (0, 0, "")]:
        if word[2] in data.person_prefixes or not word[2]:
            if run and not (len(run) == 1 and run[0][2].lower() in data.common):
                start, end = _trim(text, base + run[0][0], base + run[-1][1])
                out.append(NameSpan(start, end, text[start:end], label,
                                    NameSource.CUE if label is NameLabel.PERSON else NameSource.SHAPE))
            run, label = [], NameLabel.PERSON
            continue
        run.append(word)
    return out


_DEMONYM = re.compile(r"(?:ian|ean|ese|ish)$")
_NAME_PARTICLES = frozenset({"The", "Of", "De", "La", "Le", "Van", "Von", "Der", "Du", "&"})
_CONNECTORS = frozenset({"&", "and", "of", "de", "du", "von", "van", "der", "-"})


def _ordinary(word: str, data: NameData, *, sentence_start: bool) -> bool:
    """A word that is capitalised for a reason other than being a name."""
    if word in data.not_names or word.lower() in data.common:
        return True
    return sentence_start and word.lower().endswith(("ing", "ly", "ed"))


# --- Chinese shape and cue candidates -------------------------------------------------------------

_ZH_QUOTED = re.compile(r"[「“]([\u4e00-\u9fffA-Za-z0-9·&]{2,12})[」”]")


def quoted_names_zh(text: str, spans: Sequence[Span], data: NameData,
                    word: Callable[[str], str | None] = lambda w: None,
                    ordinary: Callable[[int, int], bool] = lambda s, e: False) -> list[NameSpan]:
    """A short name in 「」 or “”: right before a brand word (「喜茶」品牌, “蔚来”汽车), or one the dictionary
    tags as a name (瑜伽界的“爱马仕”). ``word`` gives a word's dictionary tag; ``ordinary(start, end)``
    says whether the text there is made of ordinary dictionary words only (「自研影像芯片」 is no name)."""
    out: list[NameSpan] = []
    for span in spans:
        for m in _ZH_QUOTED.finditer(text, span.start, span.end):
            after = text[m.end():m.end() + 4]
            cued = any(after.startswith(c) for c in data.brand_context + data.company_suffixes)
            named = (cued and not ordinary(m.start(1), m.end(1))) or word(m.group(1)) in _NAME_TAGS
            if m.group(1) not in data.not_names and named:
                out.append(NameSpan(m.start(1), m.end(1), m.group(1), NameLabel.ORG, NameSource.SHAPE))
    return out




def listed_names_zh(text: str, spans: Sequence[Span], data: NameData, known: Callable[[int, int], bool],
                    word: Callable[[str], str | None], bounds: set[int]) -> list[NameSpan]:
    """Names in a list of names: 古茗、茶百道等大众品牌, 肯德基、麦当劳、汉堡王. A list counts when it is
    summed up as brands or companies (等…品牌), when one of its items is an entity already found
    (``known(start, end)``), or when two items are words the dictionary tags as names
    (``word(item)`` gives an item's dictionary tag, ``None`` when it has none); its other items are then
    names too, except ordinary dictionary words (香蕉 in 苹果、香蕉和梨). ``bounds`` are the word
    boundaries of the segmenter: an unbounded last item ends at one (汉堡王 in 汉堡王供货)."""
    out: list[NameSpan] = []
    for span in spans:
        for m in re.finditer(r"[^，,。；;：:！？!?\n]+", text[span.start:span.end]):
            out.extend(_list_items(text, span.start + m.start(), span.start + m.end(), data, known, word, bounds))
    return out


_NAME_TAGS = frozenset({"nz", "nt", "nrt", "nr", "nrfg"})


def _list_items(text: str, lo: int, hi: int, data: NameData, known: Callable[[int, int], bool],
                word: Callable[[str], str | None], bounds: set[int]) -> list[NameSpan]:
    clause = text[lo:hi]
    if "、" not in clause:
        return []
    items: list[tuple[int, int]] = []
    cut = lo
    for m in re.finditer("、", clause):
        items.append((cut, lo + m.start()))
        cut = lo + m.end()
    items.append((cut, hi))
    # The first item starts after the last character no name has; the last ends before 等 or such a character.
    first_start, first_end = items[0]
    a = first_end
    while a > first_start and text[a - 1] not in data.not_in_names and first_end - a < 6:
        a -= 1
    items[0] = (a, first_end)
    last_start, last_end = items[-1]
    b = last_start
    while b < last_end and text[b] not in data.not_in_names and text[b] != "等" and b - last_start < 6:
        b += 1
    tail = text[b:min(hi, b + 8)]
    if not tail.startswith("等") and len(items) > 1:  # nothing closes the list: as long as the others, at a word end
        longest = max(e - s for s, e in items[:-1])
        b = next((x for x in range(min(b, last_start + longest), last_start + 1, -1) if x in bounds), b)
    items[-1] = (last_start, b)
    items = [(s, e) for s, e in items if 2 <= e - s <= 6]
    if len(items) < 2:
        return []
    headed = tail.startswith("等") and any(h in tail[:6] for h in data.list_heads)  # 等大众品牌, not 等KOL作为品牌
    tagged = sum(1 for s, e in items if word(text[s:e]) in _NAME_TAGS)
    if not (headed or tagged >= 2 or any(known(s, e) for s, e in items)):
        return []
    if not headed:  # a list not summed up as brands may list things: its names are short (自研影像芯片 is none)
        items = [(s, e) for s, e in items if e - s <= 4]
    return [NameSpan(s, e, text[s:e], NameLabel.ORG, NameSource.CUE) for s, e in items
            if not known(s, e) and text[s:e] not in data.not_names and all(is_cjk(c) or c.isalnum() for c in text[s:e])
            and word(text[s:e]) in (None, *_NAME_TAGS)]


# --- typing by context ----------------------------------------------------------------------------

_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")
_MODEL_CODE = re.compile(r"^(?:[A-Za-z]{0,4}\d+[A-Za-z]*|[A-Z]{1,3}\d*)$")


def kind_of(name: NameSpan, text: str, data: NameData, *, titles: Sequence[str] = ()) -> EntityKind | None:
    """Brand, Organization, Product or Person for a candidate name, from its label and its context.

    ``titles`` adds person titles of the surrounding language (a Latin name in Chinese text)."""
    label = name.text
    if not _plausible(label, data) or name.label is NameLabel.LOCATION:
        return None
    if common_noun_like(label, data):
        return None
    if _ends_with_word(label, data.event_words, data):
        return EntityKind.EVENT
    if _is_org_name(label, data):
        return EntityKind.ORGANIZATION
    if _ends_with_word(label, data.company_suffixes, data):
        return EntityKind.BRAND  # Mitsubishi Motors, whatever the model's label
    if _after_title(text, name.start, (*data.person_titles, *titles)) and _person_like(label, data):
        return EntityKind.PERSON
    if name.label is NameLabel.PERSON and _person_like(label, data):
        if data.lang == "en" and " " not in label and name.source is not NameSource.CUE:
            return EntityKind.ORGANIZATION  # one word the model calls a person, with no title: Gartner, Jeep
        return EntityKind.PERSON
    if name.label is NameLabel.PRODUCT or _MODEL_CODE.match(label.split()[-1]) and len(label.split()) > 1:
        return EntityKind.PRODUCT
    return EntityKind.BRAND


def stem(label: str, data: NameData) -> tuple[str, tuple[str, ...]]:
    """极越汽车 -> (极越, (极越汽车,)): a brand is known by its name without the company word."""
    if data.lang == "zh":
        for suffix in data.company_suffixes:
            if label.endswith(suffix) and len(label) - len(suffix) >= 2:
                return label[: -len(suffix)], (label,)
    return label, ()


def common_noun_like(label: str, data: NameData) -> bool:
    """中国队, 中国区, 加盟店, Oxford Street: a place, a team or region named after one, or a kind of thing."""
    return any(label.endswith(s) and len(label) > len(s) for s in data.not_name_suffixes)


def _ends_with_word(label: str, words: Sequence[str], data: NameData) -> bool:
    if data.lang == "zh":
        return any(label.endswith(w) and len(label) > len(w) for w in words)
    return len(label.split()) > 1 and label.split()[-1] in words


def _after_title(text: str, start: int, titles: Sequence[str]) -> bool:
    before = text[max(0, start - 24):start].rstrip(" ,，、")
    return any(before.endswith(t) for t in titles)


def _plausible(label: str, data: NameData) -> bool:
    if label in data.not_names or label.lower() in data.common or len(label) < 2 or len(label) > 40:
        return False
    if any(c.isdigit() for c in label) and not any(c.isalpha() for c in label):
        return False
    if _ACRONYM_PLURAL.match(label):
        return False  # PCs, CEOs
    if data.lang == "en" and not any(c.isupper() for c in label):
        return False  # an English name has a capital letter somewhere (iPhone, easyJet)
    if data.lang == "zh" and all(is_cjk(c) for c in label) and len(label) > 12:
        return False
    return not _MODEL_CODE.match(label) or label.isupper() and not any(c.isdigit() for c in label)


def _person_like(label: str, data: NameData) -> bool:
    if data.lang == "zh":
        return 2 <= len(label) <= 4 and all(is_cjk(c) or c == "·" for c in label)
    return all(w[:1].isupper() for w in label.replace("-", " ").split())


def _is_org_name(label: str, data: NameData) -> bool:
    if data.lang == "zh":
        return any(label.endswith(w) and len(label) > len(w) for w in data.organization_words)
    words = set(label.split())
    return any(w in words for w in data.organization_words)


def strip_prefix(name: NameSpan, data: NameData) -> NameSpan:
    """``Dr Bez`` -> the person ``Bez``: a person prefix is no part of the name."""
    first, _, rest = name.text.partition(" ")
    if first in data.person_prefixes and rest:
        start = name.end - len(rest)
        return NameSpan(start, name.end, rest, NameLabel.PERSON, NameSource.CUE)
    return name


def people_by_title(kinds: dict[NameSpan, EntityKind]) -> dict[NameSpan, EntityKind]:
    """``Mr Bez`` makes every ``Bez`` of the article a person, and ``Ulrich Bez`` too."""
    titled = {n.text for n, k in kinds.items() if k is EntityKind.PERSON and n.source is NameSource.CUE}
    if not titled:
        return kinds
    return {n: EntityKind.PERSON if n.text in titled or (" " in n.text and n.text.split()[-1] in titled) else k
            for n, k in kinds.items()}


def overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def without_overlaps(names: Iterable[NameSpan]) -> list[NameSpan]:
    """Where candidates overlap, the model's wins over shape and cue, then the longer one; a longer
    capitalised run that holds model names (Carl-Peter Forster over "Carl" and "Peter Forster") wins
    with the label of the longest of them."""
    names = list(names)
    model = [n for n in names if n.source is NameSource.MODEL]
    merged: list[NameSpan] = []
    for n in names:
        inside = [m for m in model if n.start <= m.start and m.end <= n.end and (m.start, m.end) != (n.start, n.end)]
        if n.source is not NameSource.MODEL and inside:
            label = max(inside, key=lambda m: m.end - m.start).label
            merged.append(NameSpan(n.start, n.end, n.text, label, NameSource.MODEL))
        else:
            merged.append(n)
    rank = {NameSource.MODEL: 0, NameSource.CUE: 1, NameSource.WORD: 2, NameSource.SHAPE: 3}
    kept: list[NameSpan] = []
    for name in sorted(merged, key=lambda n: (-(n.end - n.start) if n.source is NameSource.MODEL else 0,
                                              rank[n.source], -(n.end - n.start), n.start)):
        if not overlaps(name.start, name.end, [(k.start, k.end) for k in kept]):
            kept.append(name)
    return sorted(kept, key=lambda n: n.start)


# --- names within one article ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Named:
    """An entity of one article, as alias resolution sees it."""

    ref: str
    label: str
    kind: EntityKind
    known: bool  # from the lexicon: its identity wins


_ORG_KINDS = frozenset({EntityKind.BRAND, EntityKind.ORGANIZATION})


def alias_targets(entities: Sequence[Named], data: NameData) -> dict[str, str]:
    """``ref -> ref``: which entities of an article are other names of another one.

    An acronym names the multi-word organisation it abbreviates (GM, General Motors; M&S, Marks &
    Spencer); a plural or a company suffix names its stem (Saabs, Saab; 小米集团, 小米); a surname
    alone names the person it belongs to. A lexicon entity is never renamed into a new one.
    """
    targets: dict[str, str] = {}
    by_label: dict[str, list[Named]] = {}
    for e in entities:
        by_label.setdefault(e.label, []).append(e)
    for e in entities:
        for variant, kinds in _variants(e, data):
            for other in by_label.get(variant, ()):
                if other.ref == e.ref or other.kind not in kinds:
                    continue
                alias, main = other, e
                if alias.known and not main.known:
                    targets.setdefault(main.ref, alias.ref)
                elif not alias.known:
                    targets.setdefault(alias.ref, main.ref)
    return {k: _final(v, targets) for k, v in targets.items() if _final(v, targets) != k}


def _final(ref: str, targets: dict[str, str]) -> str:
    seen = {ref}
    while ref in targets and targets[ref] not in seen:
        ref = targets[ref]
        seen.add(ref)
    return ref


def _variants(e: Named, data: NameData) -> list[tuple[str, frozenset[EntityKind]]]:
    """Other labels that may stand for ``e`` in the same article, with the kinds they may have."""
    out: list[tuple[str, frozenset[EntityKind]]] = []
    words = e.label.split()
    if e.kind in _ORG_KINDS:
        out.extend((short, _ORG_KINDS) for short in acronyms([e.label]))
        out.append((e.label + "s", _ORG_KINDS | {EntityKind.PRODUCT}))
        for suffix in data.company_suffixes:
            if data.lang == "zh":
                out.append((e.label + suffix, _ORG_KINDS))
            elif len(words) == 1:
                out.append((f"{e.label} {suffix}", _ORG_KINDS))
    if e.kind is EntityKind.PERSON and len(words) >= 2:
        any_kind = frozenset(EntityKind)
        out.append((words[-1], any_kind))
        out.append((words[0], frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.BRAND})))
        out.extend((f"{t} {words[-1]}", any_kind) for t in ("Mr", "Mrs", "Ms", "Dr"))
    return out


def acronyms(labels: Iterable[str]) -> frozenset[str]:
    """The initials of every multi-word capitalised name (General Motors -> GM, Marks & Spencer -> M&S)."""
    out: set[str] = set()
    for label in labels:
        caps = [w for w in label.split() if w[:1].isupper()]
        if len(caps) >= 2:
            out.add("".join(w[0] for w in caps))
            if "&" in label.split():
                out.add("&".join(w[0] for w in caps))
    return frozenset(out)
