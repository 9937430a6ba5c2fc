"""What a candidate name is (Brand, Organization, Product, Person, Event, or nothing), from its context,
and which candidate wins where two overlap."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterable, Sequence

from argmap.extractors.components.names.data import (LONGEST_BODY, LONGEST_LABEL, SENTENCE_START, NameData, NameLabel,
                                                      NameSource, NameSpan, adjective_compound, mentions)
from argmap.extractors.components.names.places import called_place, place_names, placed, regions
from argmap.extractors.model import EntityKind
from argmap.extractors.text import alternation, is_cjk


# --- typing by context ----------------------------------------------------------------------------

_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")
_PLURAL = re.compile(r"^[A-Z][a-z]+[^s'’]s$")  # Doubts, Jurors (not Swiss, not Boss)
# a sentence adverb: an adjective's -ly form (Additionally, Ultimately, Interestingly, Reportedly, Notably)
_ADVERB = re.compile(r"^[A-Z][a-z]{3,}(?:al|ate|ing|ed|ous|ive|nt|ar|ful|ab|ib|ic)ly$")
# I’d, We're, They’ll: a pronoun with its verb, capitalised only because "I" is
_CONTRACTION = re.compile(r"^(\w+)['’](?:d|m|ll|ve|re|s)$", re.I)
# FY22, F2Q, Q4, H1: a reporting period opens the label ("FY22 Services", "FY21 EPS")
_PERIOD = re.compile(r"^(?:FY|CY)'?\d{2,4}$|^F?[1-4]Q\d{0,4}$|^[QH][1-4]$")
_MODEL_CODE = re.compile(r"^(?:[A-Za-z]{0,4}\d+[A-Za-z]*|[A-Z]{1,3}\d*)$")
# a model designation with a digit in it (V8, S24, X5, 911): beside a name it makes the name a product's
_CODE_WORD = re.compile(r"^[A-Za-z]{0,4}\d+[A-Za-z]*$")


# a capitalised word and "of" or "for" right before a word: the word ends a longer title (Call of Duty, Lord of the
# Rings); not "and", which joins two names in a list (Opel and Saab)
_TITLE_TAIL = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*\s+(?:of(?:\s+the)?|for)\s+$")


def title_tail(text: str, word: str) -> bool:
    """Every time the article writes ``word`` (once at least), a capitalised word and "of" or "for" come right
    before it, the capitalised word inside its sentence (not "Shares of Kelmar rose", which opens with it)."""
    seen = False
    for m in mentions(word, text):
        tail = _TITLE_TAIL.search(text, max(0, m.start() - 30), m.start())
        if tail is None or tail.start() == 0 or SENTENCE_START.search(text[max(0, tail.start() - 3):tail.start()]):
            return False
        seen = True
    return seen


# what stands beside a body's word that a longer name holds: a capitalised word before it (Kelmar's Group) or
# after it (Vice President, Economics Minister), or "for"/"of" and a capitalised word after it (Office for …)
_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w&'’.-]*[\w'’]\s+$")
_NAME_AFTER = re.compile(r"^\s+(?:(?:for|of)\s+(?:the\s+)?)?[A-Z]")


def cut_from_name(word: str, text: str) -> bool:
    """Everywhere the article writes ``word`` (once at least), it is part of a longer name: a body's word that
    a split left alone (Group of "Kelmar's Group", Office of "the Office for Rail Statistics")."""
    seen = False
    for m in mentions(word, text):
        before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 40]
        if not (_NAME_BEFORE.search(before) or _NAME_AFTER.match(after)):
            return False
        seen = True
    return seen


def kind_of(name: NameSpan, text: str, data: NameData, *, titles: Sequence[str] = ()) -> EntityKind | None:
    """Brand, Organization, Product or Person for a candidate name, from its label and its context.

    ``titles`` adds person titles of the surrounding language (a Latin name in Chinese text)."""
    label = name.text
    if not _plausible(label, data):
        return None
    if name.label is NameLabel.LOCATION and not _body_read_as_place(name, text, data):
        return None
    if data.place_names and (placed(label, text) or called_place(label, text)):
        return None  # "… in Brussels", "the city of Zandor": a place, wherever else the article names it
    if data.spaced and _owned(label, text):
        return None  # "Hoka's Velskneft", "the Bank's Kelmar Committee": the owner's, then its own
    if data.spaced and _office_remit(text, name.start, data):
        return None  # "Minister for Rural Planning": what the office is for, not a body
    if data.spaced and data.remit_words and _title_remit(label, text, name.start, data, (*data.person_titles, *titles)):
        return None  # "senior vice president, Technology and Intellectual Property", "head of Marketing"
    if data.capitalised and _remit_before_office(text, name.end, data, across=" " not in label) \
            and not _is_org_name(label, data) and not _after_title(text, name.start, (*data.person_titles, *titles)):
        return None  # "Fiscal Policy Minister": the same, before the title (not "Secretary Tom Brandt and …")
    if data.spaced and data.not_followed_by and _word_after(text, name.end) in data.not_followed_by \
            and not _is_org_name(label, data):
        # Radio Kelm's Morning programme, the Velo worm, Kelmar crude: a programme, a virus, a grade of oil (but a BBC
        # World Service programme is the broadcaster's)
        return None
    if data.capitalised and " " not in label and title_tail(text, label):
        return None  # Call of Duty, Lord of the Rings: the last word of a title, whoever read it as a name
    if common_noun_like(label, data):
        return None
    if data.capitalised and _ADVERB.match(label) and only_opening(label, text):
        return None  # "Additionally, we will …": the model reads many a sentence adverb as a name
    if _ends_with_word(label, data.event_words, data):
        return EntityKind.EVENT
    if _is_org_name(label, data):
        if data.capitalised and label in data.organization_words and lower_case_too(label, text):
            return None  # "Investors who lost …" where the article says "investors" too: the word, no body
        if data.spaced and label in data.organization_words and not label.isupper() and cut_from_name(label, text):
            return None  # Group of "Kelmar's Group", Vice of "Vice President": a piece of a longer name
        return EntityKind.ORGANIZATION
    if _ends_with_word(label, data.company_suffixes, data):
        return EntityKind.BRAND  # Mitsubishi Motors, whatever the model's label
    if data.capitalised and data.spaced and _term_spelt_out(label, text, name.end):
        return None  # "Distributed Denial-of-Service (DDoS)": a term's words before its initials (a body's end in its word)
    if _after_title(text, name.start, (*data.person_titles, *titles)) and _person_like(label, data) \
            and not (data.spaced and _title_next(text, name.end, data.person_titles)):
        return EntityKind.PERSON  # "Rosneft chief Sergei Bogdanchikov", not "the billionaire Kelmar owner"
    if data.spaced and _person_like(label, data) and not data.person_particles.isdisjoint(label.split()[1:-1]):
        return EntityKind.PERSON  # Jeroen van der Veer: a particle only a surname takes
    if data.capitalised and (_capitalised_by_position(name, text, data) or _office(label, data)):
        return None
    if data.spaced and 2 <= len(label.split()) <= 3 and _person_like(label, data) \
            and (_title_after(text, name.end, data.person_titles) or _quoted_speaker(text, name, data)
                 or _person_by_context(text, name, data) or _addressed(text, label, data)):
        # "Tarik Osman, chief economist at …", "…," said Mei Lin Tan, "Ann Lee, who designed …", "according to
        # Ann Lee from Kelmar"
        return EntityKind.PERSON
    if name.label is NameLabel.PERSON and _person_like(label, data) and not (data.spaced and _in_region(label)):
        if data.spaced and _body_after(text, name.end, data):
            return EntityKind.ORGANIZATION  # "Kelmar Brandt, the investment bank, will advise …"
        if data.spaced and " " not in label and name.source is not NameSource.CUE:
            if data.capitalised and _PLURAL.match(label) and only_opening(label, text) \
                    and not _speaks(label, text, data.speech_verbs):
                return None  # "Doubts about …", "Jurors in …": a plural the model takes for a name where a sentence opens
            return EntityKind.ORGANIZATION  # one word the model calls a person, with no title: Gartner, Jeep
        return EntityKind.PERSON
    if data.capitalised and name.source is NameSource.MODEL and " " not in label and _PLURAL.match(label) \
            and only_opening(label, text) and _runs_on(label, text) and not _speaks(label, text, data.speech_verbs):
        return None  # "Commentators say …", "Rumours about …": a plural noun that opens sentences only
    if data.capitalised and label.isupper() and _spelt_out(label, text):
        return None  # "consumer price index (CPI)", "multiple sclerosis (MS)": a term's initials, no name
    if data.capitalised and " " not in label and name.source is NameSource.SHAPE and not label.isupper() \
            and lower_case_too(label, text) and not _speaks(label, text, data.speech_verbs):
        return None  # "Growth in Gas and Power" where the article also writes "gas": a common word (not "Orange said")
    words = label.split()
    if name.label is NameLabel.PRODUCT or len(words) > 1 and _MODEL_CODE.match(words[-1]) \
            and words[-1] not in place_names() or len(words) == 2 and _CODE_WORD.match(words[0]):
        return EntityKind.PRODUCT  # Galaxy S24, Model X; V8 Vantage (not Yukos USA, a unit in a country)
    return EntityKind.BRAND


def stem(label: str, data: NameData) -> tuple[str, tuple[str, ...]]:
    """极越汽车 -> (极越, (极越汽车,)): a brand is known by its name without the company word glued to it."""
    if not data.spaced:
        for suffix in data.company_suffixes:
            if label.endswith(suffix) and len(label) - len(suffix) >= 2:
                return label[: -len(suffix)], (label,)
    return label, ()


def common_noun_like(label: str, data: NameData) -> bool:
    """中国队, 中国区, 加盟店, Oxford Street: a place, a team or region named after one, or a kind of thing."""
    suffixes = data.not_name_suffixes  # one C-level endswith first: most labels end with none of them
    return label.endswith(suffixes) and any(label.endswith(s) and len(label) > len(s) for s in suffixes)


def _ends_with_word(label: str, words: Sequence[str], data: NameData) -> bool:
    if not data.spaced:
        words = tuple(words)  # one C-level endswith first: most labels end with none of them
        return label.endswith(words) and any(label.endswith(w) and len(label) > len(w) for w in words)
    return len(label.split()) > 1 and label.split()[-1] in words


def lower_case_too(word: str, text: str) -> bool:
    """The article also writes ``word`` in lower case: capitalised, it opens a sentence or a title."""
    return not word.islower() and re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


def only_opening(word: str, text: str) -> bool:
    """Every time the article writes ``word``, a sentence or a quotation opens with it."""
    return all(SENTENCE_START.search(text[max(0, m.start() - 3):m.start()])
               for m in mentions(word, text))


def _runs_on(word: str, text: str) -> bool:
    """Every time the article writes ``word``, a lower-case word follows it: the subject of its sentence
    ("Rumours about …"), not a name set off by a comma or a bracket ("Metrovias, the private firm …")."""
    return all(re.match(r"\s+[a-z]", text[m.end():m.end() + 3])
               for m in mentions(word, text))


def _spelt_out(acronym: str, text: str) -> bool:
    """The article spells ``acronym`` out in lower-case words right before it in brackets: a term's initials
    ("the consumer price index (CPI)"), not a body's (whose words are capitalised)."""
    n = len(acronym)
    if not 2 <= n <= 6:
        return False
    m = re.search(rf"((?:[a-z]+[\s-]+){{{n - 1}}}[a-z]+)\s*\({re.escape(acronym)}\)", text)
    return m is not None and _initials(re.split(r"[\s-]+", m.group(1))) == acronym.lower()


def _initials(words: Sequence[str]) -> str:
    """The first letters of the words, lower-cased: what a term's or a body's initials spell."""
    return "".join(w[0] for w in words).lower()


# initials in brackets, perhaps after more capitalised words the name was cut before (… Subscriber Line (ADSL))
_INITIALS_AFTER = re.compile(r"((?:[\s-]+[A-Z][a-z]+)*)\s*\(([A-Za-z]{2,8})\)")
_PLAIN_CAPITAL = re.compile(r"[A-Z][a-z]+|[a-z]{1,3}")  # Digital, Rights; "of" inside Denial-of-Service


def _term_spelt_out(label: str, text: str, end: int) -> bool:
    """The name is followed by initials in brackets that its words give (Distributed Denial-of-Service (DDoS);
    or the last ones of them: … Downlink Packet Access (HSDPA); with the words the name was cut before), and each
    of its words is a plain capitalised word: a technical term written out, not a name (a body's name ends in a
    body's word, checked before; a product's holds a name with capitals inside: PlayStation Portable (PSP))."""
    m = _INITIALS_AFTER.match(text, end)
    if m is None:
        return False
    words = re.split(r"[\s-]+", label + m.group(1))
    if len(words) < 2 or not all(_PLAIN_CAPITAL.fullmatch(w) for w in words):
        return False
    return m.group(2).lower().endswith(_initials(words))


def _speaks(word: str, text: str, verbs: Sequence[str]) -> bool:
    """The article has ``word`` say something ("Glaxo says …"): the word names someone."""
    return bool(verbs) and re.search(rf"(?<![\w-]){re.escape(word)}\s+(?:{alternation(verbs)})\b", text) is not None


_NEXT_WORD = re.compile(r"[ \t]+(\w+)")
_OFFICE = re.compile(r"\b([A-Z][a-z]+)\s+([a-z]+)\s+$")  # "Minister for ", before a name
_OWNER = re.compile(r"^((?:[A-Z][\w&.-]*\s+)*?[A-Z][\w&.-]*)['’]s\s+[A-Z0-9]")


def _body_read_as_place(name: NameSpan, text: str, data: NameData) -> bool:
    """The model reads a place where a company's or a body's word ends a name of two words or more (Zandor
    Refining Company, Royal Bank of Zandia) — not "the Bank" alone, not after a possessive place ("Velda's
    Kelm Securities"), not before an event's word (the Zandor Motor Show)."""
    label = name.text
    return (" " in label and "'" not in label and "’" not in label
            and _word_after(text, name.end) not in data.event_words
            and (_ends_with_word(label, data.company_suffixes, data) or _is_org_name(label, data)))


def _owned(label: str, text: str) -> bool:
    """``label`` is "Owner's Name" and the article names the owner on its own elsewhere (Yukos, the Bank,
    Mr Mittal): two names, the owner's and the thing's, not one (People's Bank and Foster's Lager are one; a
    model code stays with its maker, Hoka's DB9)."""
    m = _OWNER.match(label)
    if m is None:
        return False
    if _CODE_WORD.match(label[m.end() - 1:]) and any(c.isalpha() for c in label[m.end() - 1:]):
        return False  # "Hoka's DB9": a model code is named with its maker
    owner = m.group(1).split()[-1]
    return re.search(rf"(?<![\w-]){re.escape(owner)}(?!['’]s\b)(?![\w-])", text) is not None


def _office_remit(text: str, start: int, data: NameData) -> bool:
    """The name follows an office (the language's ``person_prefixes``) and a ``remit_prepositions`` word
    ("Minister for", "Commissioner for"): it is the office's remit."""
    m = _OFFICE.search(text, max(0, start - 20), start)
    return m is not None and m.group(2) in data.remit_prepositions and m.group(1) in data.person_prefixes


def _title_remit(label: str, text: str, start: int, data: NameData, titles: Sequence[str]) -> bool:
    """The name is made of ``remit_words`` only and follows a person title, set off by a comma or joined by one
    of ``title_remit_prepositions``, perhaps after more of the remit ("senior vice president, Technology and
    Intellectual Property", "head of Marketing"): it says what the office is in charge of."""
    joiners = {*data.remit_joiners, "&"}
    if not all(w in data.remit_words or w in joiners for w in label.split()):
        return False
    words = text[max(0, start - 80):start].split(" ")
    while words and (words[-1] in data.remit_words or words[-1] in joiners or not words[-1]):
        words.pop()  # the rest of the remit before this part of it ("Technology and" before "Intellectual Property")
    if len(words) >= 2 and words[-1] in data.title_remit_prepositions:
        words.pop()  # "head of"
    elif not (words and words[-1].endswith(",")):
        return False
    before = " ".join(words).rstrip(",")
    return any(before.endswith(t) and (len(before) == len(t) or not before[-len(t) - 1].isalpha()) for t in titles)


def _remit_before_office(text: str, end: int, data: NameData, *, across: bool) -> bool:
    """The name runs straight on to an office's title (``remit_titles``: "Fiscal Policy Minister"), or, ``across``, over
    a ``remit_joiners`` word and the rest of the remit ("Economic and Fiscal Policy Minister"): it says what the office
    is for, and names nothing."""
    straight, joined = _remit_patterns(data.remit_titles, data.remit_joiners)
    return straight is not None and (straight.match(text, end) is not None
                                     or (across and joined is not None and joined.match(text, end) is not None))


@lru_cache(maxsize=4)
def _remit_patterns(titles: tuple[str, ...], joiners: tuple[str, ...]
                    ) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    if not titles:
        return None, None
    title = rf"\s+(?:{alternation(titles)})\b"
    joined = re.compile(rf"\s+(?:{alternation(joiners)})(?:\s+[A-Z][\w-]*)+?{title}") if joiners else None
    return re.compile(title), joined


def _word_after(text: str, end: int) -> str:
    """The word right after ``end`` on its line, or ""."""
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


def _capitalised_by_position(name: NameSpan, text: str, data: NameData) -> bool:
    """One word the model reads as a name only where a sentence (or a quotation) opens — "Growth slowed
    in …", "Rumours spread …" — while the article writes it in lower case elsewhere, or that ends as an adjective
    does and runs on into a lower-case word ("Controversial rules …"): a common word."""
    label = name.text
    if name.source is not NameSource.MODEL or " " in label or label.islower() or label.isupper():
        return False
    if not SENTENCE_START.search(text[max(0, name.start - 3):name.start]):
        return False
    # "Controversial rules …", "Buoyant demand …": an adjective before the noun it describes
    if lower_case_too(label, text):
        return True
    after = _word_after(text, name.end)
    return (after.islower() and after not in data.subject_verbs and len(label) > 4  # longer than its ending
            and label.endswith(data.adjective_endings))


def _title_after(text: str, end: int, titles: Sequence[str]) -> bool:
    """The name is followed by a comma and a person's title within a few words ("X, head of …")."""
    m = _APPOSITION.match(text, end)
    if m is None:
        return False
    words = f" {m.group(1).lower()} "
    return any(f" {title.lower()} " in words for title in titles)


def _body_after(text: str, end: int, data: NameData) -> bool:
    """The name is followed by a comma and what kind of body it is ("X, the investment bank")."""
    m = _APPOSITION.match(text, end)
    return m is not None and any(w in data.organization_nouns for w in m.group(1).lower().split())


def _office(label: str, data: NameData) -> bool:
    """"the Health Secretary", "Finance Minister", "Managing Director", "Director General": an office, whoever
    holds it — the last word a person prefix, or the whole a person title of several words, or a title after
    words that qualify titles."""
    words = label.split()
    if len(words) < 2:
        return False
    last = words[-1].lower()
    return (words[-1] in data.person_prefixes or label.lower() in data.person_titles
            or (last in data.person_titles and all(w in data.title_modifiers for w in words[:-1])))


def _addressed(text: str, label: str, data: NameData) -> bool:
    """The article calls the name's bearer "Mr Shiga" (or "Mr Wen", a surname written first) elsewhere: the
    language's ``address_forms`` before the name's last or first word."""
    forms = [form for form in data.address_forms if form + " " in text or form + ". " in text]
    if not forms:
        return False  # most articles address nobody so: no pattern to build
    words = label.split()
    # by the first word only when the last is no common word written in lower case too (Mr Mittal: Mittal Steel)
    named = [words[-1]] + ([words[0]] if not lower_case_too(words[-1], text) else [])
    return re.search(rf"\b(?:{alternation(forms)})\.?\s+(?:{alternation(named)})(?![\w'’-])", text) is not None


def _person_by_context(text: str, name: NameSpan, data: NameData) -> bool:
    """A relative clause for a person after the name ("Ann Lee, who designed …"), or a source named before it
    with a body after it ("according to Ann Lee from Kelmar"): the language's words (``person_relatives``,
    ``source_phrases``, ``source_prepositions`` in names.json)."""
    relative, source = _person_context(data.person_relatives, data.source_phrases, data.source_prepositions)
    if relative is not None and relative.match(text, name.end):
        return True
    if _described_speaker(text, name.end, data):
        return True
    return (source is not None and source[0].search(text, max(0, name.start - 30), name.start) is not None
            and source[1].match(text, name.end) is not None)


@lru_cache(maxsize=4)
def _description(articles: tuple[str, ...]) -> re.Pattern[str] | None:
    """", a Romanian part-time cleaner, said": a description between commas, then the word after it."""
    return re.compile(rf",\s+(?:{alternation(articles)})\s+([^,;:.\"“”]{{3,60}}),\s+(\w+)") if articles else None


def _described_speaker(text: str, end: int, data: NameData) -> bool:
    """The name is described as someone (``description_articles``) and then speaks ("Ana Dorr, a Zandian part-time
    cleaner, said: …"): a person — unless the description names a body ("Kelmar Retail, a unit of the group, said")."""
    pattern = _description(data.description_articles)
    m = pattern.match(text, end) if pattern is not None else None
    if m is None or m.group(2) not in data.speech_verbs:
        return False
    return data.organization_nouns.isdisjoint(m.group(1).lower().split())


@lru_cache(maxsize=4)
def _person_context(relatives: tuple[str, ...], phrases: tuple[str, ...], prepositions: tuple[str, ...]
                    ) -> tuple[re.Pattern[str] | None, tuple[re.Pattern[str], re.Pattern[str]] | None]:
    relative = re.compile(rf",\s+(?:{alternation(relatives)})\b") if relatives else None
    source = ((re.compile(rf"\b(?:{alternation(phrases)})\s+$", re.I),
               re.compile(rf",?\s+(?:{alternation(prepositions)})\s+\S")) if phrases and prepositions else None)
    return relative, source


def _quoted_speaker(text: str, name: NameSpan, data: NameData) -> bool:
    """Who a quotation is attributed to by name: '…," said Mei Lin Tan' (not '… said Kelmar Bank's Tom Brandt';
    and an organisation 'told reporters' as often as a person does)."""
    said = _said_before(data.speech_verbs)
    return (said is not None and bool(said.search(text, max(0, name.start - 12), name.start))
            and not text.startswith(("'s", "’s"), name.end))


@lru_cache(maxsize=4)
def _said_before(verbs: tuple[str, ...]) -> re.Pattern[str] | None:
    """A closing quotation mark, then a speech verb, right before a name."""
    return re.compile(rf"[,.!?]?[\"”’']\s*(?:{alternation(verbs)})\s+$") if verbs else None

# ", the chief economist", ", director general": the four words after the comma (none a possessive: "Manchester
# United, the club's director" is no person)
_APPOSITION = re.compile(r",\s+((?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+)(?![\w'’])")


def _after_title(text: str, start: int, titles: Sequence[str]) -> bool:
    before = text[max(0, start - 24):start].rstrip(" ,，、")
    return before.endswith(tuple(titles))


def _title_next(text: str, end: int, titles: Sequence[str]) -> bool:
    """A title follows the name at once ("Kelmar owner", "Gartner analyst"): the name is who the person works for."""
    after = text[end:end + 32]
    return after[:1] == " " and any(after.startswith(t, 1) and not after[1 + len(t):2 + len(t)].isalpha()
                                    for t in titles)


def _plausible(label: str, data: NameData) -> bool:
    if label in data.not_names or label in data.not_alone or label.lower() in data.common:
        return False
    if label.endswith("s") and label[:-1] in data.not_names:
        return False  # Koreans, Canadians: people of a place (the shape finder refuses them too)
    if len(label) < 2 or len(label) > LONGEST_LABEL and not _remit(label, data):
        return False
    if any(c.isdigit() for c in label) and not any(c.isalpha() for c in label):
        return False
    if _ACRONYM_PLURAL.match(label):
        return False  # PCs, CEOs
    if any((c := _CONTRACTION.match(w)) is not None and c.group(1).lower() in data.common for w in label.split()):
        return False  # I’d, We're, "Overall I'd"
    if data.spaced and " " not in label and adjective_compound(label):
        return False  # EU-wide, Irish-based: an adjective made of a name
    if _PERIOD.match(label.split(maxsplit=1)[0] if label.strip() else ""):
        return False  # FY22 EPS, Q4
    if data.place_names and (label in place_names() or _of_a_place(label, data)):
        return False  # South Africa, New York, Sri Lanka: countries and regions (pycountry); Cuban, South Koreans
    if data.capitalised and not any(c.isupper() for c in label):
        return False  # an English name has a capital letter somewhere (iPhone, easyJet)
    if data.longest_name and all(is_cjk(c) for c in label) and len(label) > data.longest_name:
        return False
    return not _MODEL_CODE.match(label) or label.isupper() and not any(c.isdigit() for c in label)


def _remit(label: str, data: NameData) -> bool:
    """A public body's name with its remit (Institute for Trade and Industry) or ending in its body word (House
    of Lords Economic Affairs Committee): it may run to LONGEST_BODY."""
    words = label.split()
    return len(label) <= LONGEST_BODY and (" for " in label or words[-1] in data.body_words) and any(
        w in data.body_words for w in words)


def _of_a_place(label: str, data: NameData) -> bool:
    """A demonym of a country or region: Cuban (Cuba), South Koreans (South Korea), Canadians (Canada); the
    endings are the language's (``demonym_endings``)."""
    places = place_names()
    for suffix in data.demonym_endings:
        if label.endswith(suffix) and len(label) > len(suffix) + 2:
            stem = label[: -len(suffix)]
            if stem in places or stem + "a" in places:
                return True
    return False


def _in_region(label: str) -> bool:
    """The name ends in a continent or US, UK (Lycos Europe, Kelmar USA): a company's unit there, no person."""
    head, _, last = label.rpartition(" ")
    return bool(head) and last in regions()


def _person_like(label: str, data: NameData) -> bool:
    if not data.spaced:
        return 2 <= len(label) <= 4 and all(is_cjk(c) or c == "·" for c in label)
    # a hyphenated given name is one word, whatever the case after its hyphen (Carl-Peter, Ji-chang); a particle
    # may join the surname (al-Jibouri)
    words = label.split()
    return all(w[:1].isupper() or 0 < i < len(words) - 1 and w in data.name_particles
               or 0 < i and w.partition("-")[0] in data.name_particles and w.partition("-")[2][:1].isupper()
               for i, w in enumerate(words))


def _is_org_name(label: str, data: NameData) -> bool:
    if not data.spaced:
        words = data.organization_words  # one C-level endswith first: most labels end with none of them
        return label.endswith(words) and any(label.endswith(w) and len(label) > len(w) for w in words)
    words = set(label.split())
    return any(w in words for w in data.organization_words)


def names_a_line(words: Sequence[str], data: NameData, also: Iterable[str] = ()) -> bool:
    """The capitalised words after a known brand's name name one of its lines (Cadillac BLS, Nvidia Drive Orin):
    not a company word (Kelmar Motors: the company itself), a title or a person prefix (Kelmar CEO Ann Lee: its
    people), a place (Kelmar China: a unit of it), a stop word, or what ``also`` lists."""
    if not words:
        return False
    not_line = {w.lower() for w in (*data.company_suffixes, *data.organization_words, *data.person_titles,
                                    *data.person_prefixes, *also)}
    places = place_names()
    return not any(w.lower() in not_line or w.lower() in data.common or w in places for w in words)


def strip_prefix(name: NameSpan, data: NameData) -> NameSpan:
    """``Dr Valstad`` -> the person ``Valstad``: a person prefix is no part of the name, nor what qualifies it (Vice
    President Ann Lee, German Chancellor Ann Lee, Finance Minister Ann Lee)."""
    words = name.text.split(" ")
    lead = 0
    while lead < len(words) - 1 and (words[lead] in data.person_prefixes or words[lead] in data.title_modifiers
                                     or words[lead] in data.not_names or words[lead][:-1] in data.not_names):
        lead += 1
    # "Australian Ann Lee", "Americans Ann Lee and …": where the model reads a person, a demonym before the name
    people = name.label is NameLabel.PERSON and len(words) - lead >= 2 and all(
        w in data.not_names or w[:-1] in data.not_names for w in words[:lead])
    if lead and (people or words[lead - 1] in data.person_prefixes) and (
            lead == 1 or not any(w in data.organization_words or w in data.body_words for w in words[lead:])):
        rest = " ".join(words[lead:])  # not the US Justice Department
        return NameSpan(name.end - len(rest), name.end, rest, NameLabel.PERSON, NameSource.CUE)
    return name


def people_by_title(kinds: dict[NameSpan, EntityKind]) -> dict[NameSpan, EntityKind]:
    """``Mr Valstad`` makes every ``Valstad`` of the article a person, and ``Henrik Valstad`` too."""
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
    model = sorted((n for n in names if n.source is NameSource.MODEL), key=lambda m: m.start)
    model_starts = [m.start for m in model]
    merged: list[NameSpan] = []
    for n in names:
        # Model names that start inside this one (found by bisection: the cost stays linear in long texts).
        window = model[bisect_left(model_starts, n.start):bisect_left(model_starts, n.end)]
        inside = [m for m in window if m.end <= n.end and (m.start, m.end) != (n.start, n.end)]
        if n.source is not NameSource.MODEL and inside:
            label = max(inside, key=lambda m: m.end - m.start).label
            merged.append(NameSpan(n.start, n.end, n.text, label, NameSource.MODEL))
        else:
            merged.append(n)
    rank = {NameSource.MODEL: 0, NameSource.CUE: 1, NameSource.WORD: 2, NameSource.SHAPE: 3}
    kept: list[NameSpan] = []
    covered: set[int] = set()  # character offsets of the names kept so far (names are short)
    for name in sorted(merged, key=lambda n: (-(n.end - n.start) if n.source is NameSource.MODEL else 0,
                                              rank[n.source], -(n.end - n.start), n.start)):
        if not any(i in covered for i in range(name.start, name.end)):
            kept.append(name)
            covered.update(range(name.start, name.end))
    return sorted(kept, key=lambda n: n.start)
