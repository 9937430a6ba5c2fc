"""The vocabulary of the names component: labels, sources, candidate spans and a language's data."""

from __future__ import annotations

import json
import re
from dataclasses import Field, dataclass, fields
from enum import Enum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from argmap.extractors.lexicon import Lexicon
from argmap.extractors.text import is_cjk

LANG_DIR = Path(__file__).resolve().parents[2] / "lang"


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
    person_titles: tuple[str, ...]
    brand_context: tuple[str, ...] = ()
    person_prefixes: frozenset[str] = frozenset()
    not_name_suffixes: tuple[str, ...] = ()
    event_words: tuple[str, ...] = ()
    not_in_names: frozenset[str] = frozenset()  # characters a name hardly ever has (的, 了, 仅)
    organization_endings: tuple[str, ...] = ()  # what an organisation's name ends with (…局, …协会)
    # … and what else a short one may end with (…党, …队): the segmenter files short common nouns as organisations
    # too (越野车, 国际化, 天文学), and only the ending tells them apart
    short_organization_endings: tuple[str, ...] = ()
    list_heads: tuple[str, ...] = ()  # 书亦、益禾堂等平价品牌: the word a list of names is summed up by
    common: frozenset[str] = frozenset()  # the language's stop words, lower-case: never a name alone
    # what turns a name into another word when it follows at once (三星 + 级: a hotel's rating, not Samsung)
    not_followed_by: tuple[str, ...] = ()
    # a quoted term before one of these names a strategy, campaign or idea (“闪电战”策略), not a brand
    not_names_before: tuple[str, ...] = ()
    # words that name nothing on their own but may end or open a longer name (the Budget, the City; Manchester City;
    # a city: Sydney, but Sydney Morning Herald)
    not_alone: frozenset[str] = frozenset()
    # words that make an office of the title after them (Kelmar Union General Secretary, Zandia Finance Minister):
    # before a title they are no part of the name before them
    title_modifiers: frozenset[str] = frozenset()
    # words that open a list rather than name its first item (比如赞宝、凯达; 推出赞飞丝、柔丽)
    list_openers: tuple[str, ...] = ()
    # what a body is called after a comma ("Kelmar Brandt, the investment bank"): no person's apposition
    organization_nouns: frozenset[str] = frozenset()
    # person titles that are also common nouns (partner, officer, minister): next to a capitalised run they
    # do not make it a person by themselves ("its partner Kelmar Motors", "the Kelmar Post, one finance officer")
    common_titles: frozenset[str] = frozenset()
    # how a people's name ends after its place's (Cuba-n, Canad-ians): such a word names no brand
    demonym_endings: tuple[str, ...] = ()
    # How the language writes names (see names.json's _about): words apart (Kelmar Motors) or glued (极越汽车);
    # with capital letters or not; whether pycountry's place names are its own; the verbs that attribute a
    # quotation to the name after them; what may stand before a surname; the longest run of its script a
    # name may be (0: no bound)
    spaced: bool = True
    capitalised: bool = False
    place_names: bool = False
    speech_verbs: tuple[str, ...] = ()
    address_forms: tuple[str, ...] = ()
    longest_name: int = 0
    # "Mira Tollund, an analyst with Orvelle Research": the words before and after a title set after a name
    apposition_determiners: tuple[str, ...] = ()
    role_prepositions: tuple[str, ...] = ()
    # verbs the segmenter glues to the front of a name it does not know (找淳馨食品: 找 + 淳馨食品)
    glued_openers: tuple[str, ...] = ()
    # the last word of a public body's name, which may run across "and" or "for" (Food and Drug Administration)
    body_words: frozenset[str] = frozenset()
    body_connectors: frozenset[str] = frozenset()
    # lower-case words inside a person's name (Jeremy de Souza, Luca di Montezemolo)
    name_particles: frozenset[str] = frozenset()
    # (Chinese) the kind of product a Latin name right before it names (Aquila 超感系统, Orin 芯片)
    product_kinds: tuple[str, ...] = ()
    # (Chinese) the kind of thing a Latin name right after it is (通讯应用Viber, 营销机构Markerly): a name said once
    name_kinds: tuple[str, ...] = ()
    # (Chinese) what a quoted name names when one of these words follows its quotation or comes right before it:
    # a campaign or a slogan (名为“The Happiness Machine”的营销活动, 广告语“Think Small”), no brand
    campaign_words: tuple[str, ...] = ()
    # (Chinese) a firm's role in a trade, right before its name (供应商岚蛙, 代工厂凯达), and the parties a firm has,
    # after it (岚蛙的前五大客户, 凯达的股东): a word that repeats is a firm's name there
    trade_roles: tuple[str, ...] = ()
    trade_parties: tuple[str, ...] = ()
    # what makes the name before it a person: a relative pronoun for people ("Ann Lee, who designed …")
    person_relatives: tuple[str, ...] = ()
    # the articles of a description set between commas after a name ("Ana Dorr, a part-time cleaner, said"): a
    # person when a speech verb follows
    description_articles: tuple[str, ...] = ()
    # the titles of an office whose remit the capitalised words before them name ("Fiscal Policy Minister"), and the
    # word a one-word remit joins the rest across ("Economic and Fiscal Policy Minister")
    remit_titles: tuple[str, ...] = ()
    remit_joiners: tuple[str, ...] = ()
    # what names a source before a name, which "from"/"of"/"at" a body then follows ("according to Ann Lee from …")
    source_phrases: tuple[str, ...] = ()
    source_prepositions: tuple[str, ...] = ()
    # how the language's adjectives end (Controversial, Buoyant): one opening a sentence before a lower-case
    # word describes it, unless that word is a verb its subject takes ("Kelmar said …": subject_verbs)
    adjective_endings: tuple[str, ...] = ()
    subject_verbs: frozenset[str] = frozenset()
    # the word between an office and its remit ("Minister for Rural Planning")
    remit_prepositions: frozenset[str] = frozenset()
    # what a company's office is in charge of ("senior vice president, Technology and Intellectual Property";
    # "head of Marketing"): capitalised after a person title, these words name a remit, not a body or a person
    remit_words: frozenset[str] = frozenset()
    # … and the words that join such a remit to its title ("head of", "director for"; not "analyst at", "with":
    # those name the employer)
    title_remit_prepositions: frozenset[str] = frozenset()
    # (Chinese) the words that join two names of one kind (岚蛙与Kelmar, 岚蛙、Kelmar): a word paired with a brand
    coordinators: tuple[str, ...] = ()
    # (Chinese) one-character names of countries and regions (中, 美, 俄 …): a word of two of them pairs two
    # places (中美, 俄乌), no name
    place_abbreviations: frozenset[str] = frozenset()
    # the name particles only a person's name takes (Jeroen van der Veer; not de, du: Cirque du Soleil)
    person_particles: frozenset[str] = frozenset()

    def pairs_places(self, word: str) -> bool:
        """``word`` is two one-character names of places (俄乌 冲突: Russia and Ukraine)."""
        return len(word) == 2 and all(c in self.place_abbreviations for c in word)

    @cached_property
    def longest_not_name(self) -> int:
        """The length of the longest of ``not_names`` (0 when there are none)."""
        return max(map(len, self.not_names), default=0)

    @property
    def plain_titles(self) -> tuple[str, ...]:
        """The person titles that make the name beside them a person on their own (CEO Ann Lee)."""
        return tuple(t for t in self.person_titles if t not in self.common_titles)

    @classmethod
    def load(cls, lang: str, extra: Iterable[dict[str, list[str]]] = ()) -> "NameData":
        data: dict[str, list[str]] = json.loads((LANG_DIR / lang / "names.json").read_text(encoding="utf-8"))
        for more in extra:
            for field_name, values in more.items():
                data.setdefault(field_name, []).extend(values)

        def value(field: Field) -> object:
            listed = data.get(field.name, [])
            if field.type.startswith("frozenset"):
                return frozenset(listed)
            if field.type.startswith("tuple"):
                # most lists are matched as prefixes or suffixes: longest first, so the longest wins (then in
                # alphabetical order: a set's own order changes from one process to the next)
                if field.name in _IN_ORDER:
                    return tuple(listed)
                return tuple(sorted(set(listed), key=lambda word: (-len(word), word)))
            return {"bool": bool, "int": int}[field.type](data.get(field.name, field.default))

        # each field from names.json by its name and type (positional arguments went wrong whenever a field was added)
        return cls(lang=lang, common=_stop_words(lang),
                   **{f.name: value(f) for f in fields(cls) if f.name not in ("lang", "common")})


_IN_ORDER = frozenset({"address_forms", "apposition_determiners", "role_prepositions", "person_relatives",
                       "source_phrases", "source_prepositions"})  # lists kept in the data's order


def mentions(word: str, text: str) -> Iterator[re.Match[str]]:
    """Every place the article writes ``word`` as a word of its own (not inside Kelmar-Oxley or Q&A)."""
    return re.finditer(rf"(?<![\w&'’-]){re.escape(word)}(?![\w&-])", text)


# characters, in any script: past this a candidate is a phrase or a title, not a name (the language's
# ``longest_name`` bounds a run of its own script more tightly)
LONGEST_LABEL = 40
LONGEST_BODY = 64  # … but a public body's name with its remit runs longer (Commission for Trade and Industry)
LEXICON_TITLES = "person_title"  # a lexicon's pattern list that extends the language's ``person_titles``


def name_data(lang: str, lexicon: Lexicon) -> NameData:
    """The language's name data with the person titles the lexicons add (a user's lexicon may name titles
    of its trade: 主理人, sommelier): one list of titles for the finder, the kinds and the roles."""
    return NameData.load(lang, extra=[{"person_titles": list(lexicon.pattern_list(LEXICON_TITLES))}])


def _stop_words(lang: str) -> frozenset[str]:
    from importlib import import_module

    module = import_module(f"spacy.lang.{lang}.stop_words")
    return frozenset(w.lower() for w in module.STOP_WORDS)


_EDGE = " \t\n\"'“”‘’「」『』《》()（）[]【】,，.。:：;；!！?？、"


def without_descriptors(text: str, start: int, end: int) -> tuple[int, int]:
    """``bank Zandex``, ``Kelmar news agency``, ``US-based Orvelle``: words at a Latin name's edges that
    are written all in lower case, or a place made an adjective (X-based, X-listed), describe the name and are
    no part of it. A name of lower-case words only (lululemon) is left whole, and so is CJK text."""
    if " " not in text[start:end] or any(is_cjk(c) for c in text[start:end]):
        return start, end  # one word, or CJK text: nothing to take off
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    # what comes after the last "X-based" is the name ("Santa Monica-based Orvelle")
    compounds = [i for i, (s, e) in enumerate(words) if placed_by(text[s:e])]
    after = compounds[-1] + 1 if compounds else 0
    capitalised = [i for i, (s, e) in enumerate(words) if i >= after and _named(text[s:e])]
    if not capitalised:
        return start, end
    # "Kelmar frontman Ann Lee", "Dutch retailer Zandia": a describing word inside, not one that joins a name
    # (Bank of Zandia, Jeremy de Souza), starts the name after it
    inside = [i for i in range(capitalised[0] + 1, capitalised[-1]) if _describes(text[words[i][0]:words[i][1]])]
    first = inside[-1] + 1 if inside else capitalised[0]
    return words[first][0], words[capitalised[-1]][1]


def _describes(word: str) -> bool:
    """A lower-case word of four letters or more that no name is joined by (frontman, retailer; not "of",
    "and", "de", "van", "der", "upon")."""
    return len(word) >= 4 and word.isalpha() and word.islower() and word not in _latin_stop_words()


@lru_cache(maxsize=1)
def _latin_stop_words() -> frozenset[str]:
    return _stop_words("en")


def _named(word: str) -> bool:
    return any(c.isupper() or c.isdigit() for c in word) and not placed_by(word)


def adjective_compound(word: str) -> bool:
    """Japan-based, Russian-owned, EU-wide: a hyphenated word that ends in a lower-case word."""
    last = word.rsplit("-", 1)[-1] if "-" in word else ""
    return bool(last) and last.isalpha() and last.islower()


# participles that do not end in -ed: State-run, Kelmar-made, Zandia-born
_IRREGULAR_PARTICIPLES = frozenset(("run", "made", "born", "built", "grown", "held", "led", "known"))


def placed_by(word: str) -> bool:
    """Japan-based, Russian-owned, State-run: a hyphenated word that ends in a participle, which places or
    owns the name after it ("US-based Orvelle" names Orvelle). A name's own hyphenated word ending in a noun
    or adjective (European Low-fare Airlines Association, Kelmar High-tech Park) is part of it."""
    last = word.rsplit("-", 1)[-1] if adjective_compound(word) else ""
    return last.endswith("ed") or last in _IRREGULAR_PARTICIPLES


_WORD = re.compile(r"\S+")


def words_of(text: str) -> list[tuple[int, int, str]]:
    """``text``'s words with their offsets (start, end, word), split at white space."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
# where a sentence or a quotation opens, before a word: a capital there says nothing about a name
SENTENCE_START = re.compile(r"(?:^|[.!?:\"“‘(\n]\s*)$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if end - start > 1 and text[end - 2:end] in ("'s", "’s"):
        end -= 2
    return start, end
