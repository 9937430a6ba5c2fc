"""Names found by their written shape and by the words around them: capitalised runs, person prefixes,
quoted names, lists of names."""

from __future__ import annotations

import re
import string
from collections.abc import Container
from dataclasses import dataclass
from typing import Callable, Sequence

from argmap.extractors.components.names.data import (
    LONGEST_BODY,
    LONGEST_LABEL,
    SENTENCE_START,
    NameData,
    NameLabel,
    NameSource,
    NameSpan,
    adjective_compound,
    placed_by,
    trim,
    words_of,
)
from argmap.extractors.components.names.kinds import mentions, only_opening
from argmap.extractors.components.names.places import place_names
from argmap.extractors.model import Span
from argmap.extractors.text import is_cjk


# --- English shape and cue candidates -------------------------------------------------------------

# Latin letters with their accents (Société Générale, Hermès, Škoda): capitals, and letters of either case
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_AZ = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
_CAP_WORD = rf"(?:[{_UP}][{_AZ}0-9'’.-]*[{_AZ}0-9]|[{_UP}])"
_JOIN = r"(?:\s+(?:&|of|de(?:\s+la)?|du|des|del|von(?:\s+de[mnr])?|van(?:\s+de[nr]?)?|der)\s+|\s+|-)"  # van der Veer
RUN_WORDS = 7  # words in a capitalised run: a body's name runs long (House of Lords Economic Affairs Committee)
# A run of capitalised words (up to RUN_WORDS, joined by spaces, hyphens or particles) or A&B, not inside a longer
# word. Written capital first, with the lookbehind after it: a pattern that opens with a character class lets
# the regex engine skip to the next capital letter, where a leading lookbehind was tried at every position
# (Chinese text has few capitals). Same matches as the lookbehind-first form
# (?<![A-Za-z0-9&'’-])({_CAP_WORD}(?:{_JOIN}{_CAP_WORD}){0,RUN_WORDS - 1}|[A-Z]&[A-Z])(?![A-Za-z0-9&]).
_CAP_RUN = re.compile(rf"([{_UP}](?<![{_AZ}0-9&'’-][{_UP}])(?:(?:[{_AZ}0-9'’.-]*[{_AZ}0-9])?(?:{_JOIN}{_CAP_WORD}){{0,{RUN_WORDS - 1}}}"
                      rf"|&[A-Z]))(?![{_AZ}0-9&])")


def shape_names_en(text: str, spans: Sequence[Span], data: NameData) -> list[NameSpan]:
    """Runs of capitalised words that are not common words; one word alone must not open a sentence."""
    out: list[NameSpan] = []
    for span in spans:
        if _shouted(text, span):
            continue  # "WE SHOULD USE NUCLEAR ENERGY.": every word is capitalised, so capitals mark no name
        for m in _CAP_RUN.finditer(text, span.start, span.end):
            words = words_of(m.group(1))
            opens = m.start(1) == span.start or bool(SENTENCE_START.search(text[max(span.start, m.start(1) - 3):m.start(1)]))
            first = True
            if opens and len(words) > 2 and words[1][2] in _CONNECTORS:
                words = words[1:]  # "Shares of General Motors": the sentence's first word is no part of the name
                first = False
            compounds = [k for k, w in enumerate(words[:-1]) if placed_by(w[2])]
            if compounds:  # US-based Orvelle, Santa Monica-based Orvelle: the name follows the place made an adjective
                words, first = words[compounds[-1] + 1:], False
            cut = False  # a capitalised word of the run (a place, a title) was cut off
            # "Allied Irish Banks, …" opening a sentence keeps its first word where the article also writes the
            # whole name inside a sentence ("Shares in Allied Irish Banks fell")
            whole = opens and first and len(words) > 1 and not only_opening(
                text[words[0][0] + m.start(1):words[-1][1] + m.start(1)], text)
            while words and words[0][2] not in data.person_prefixes and not _named_body(words, data, text, m.start(1)) \
                    and (_ordinary(words[0][2], data, sentence_start=opens and first and not whole)
                         or words[0][2] in _CONNECTORS):
                # First Amendment, Other Enhancements, All Nippon: a capitalised word cut off inside a sentence
                # was part of the name with the rest (an acronym, as in PC Pro, often goes with a name)
                word = words[0][2]
                cut = cut or _cut_name_word(word, data) or (word[:1].isupper() and not word.isupper()
                                                            and not (opens and first))
                words.pop(0)
                first = False
            titled = False
            while words and (words[-1][2] in _CONNECTORS or words[-1][2] in data.not_names):
                titled = titled or words[-1][2] in data.person_prefixes
                cut = cut or _cut_name_word(words[-1][2], data)
                words.pop()
            while titled and len(words) > 1 and words[-1][2] in data.title_modifiers:
                words.pop()  # "Kelmar Union General Secretary": the office is no part of the union's name
            if not words or (len(words) == 1 and opens and first):
                continue  # one capitalised word opening a sentence is ambiguous
            if cut and len(words) == 1 and (words[0][2] in data.title_modifiers
                                            or not _alone_elsewhere(text, words[0][2])):
                continue  # Air of Air China, Greater of Greater London, Finance of Finance Minister: part of a name
            for k, part in enumerate(_affiliations(words, data)):
                for group, group_opens in _possessive_groups(part, opens=opens and first and k == 0):
                    if _name_like(group, data):
                        out.extend(_split_at_prefixes(text, m.start(1), group, data, opens=group_opens))
    return _joined_bodies(text, out, data)


def _joined_bodies(text: str, names: list[NameSpan], data: NameData) -> list[NameSpan]:
    """A public body's name that runs across "and", "for", "for the", "to", "on" or "against" (the language's
    ``body_connectors``) is one name: Food and Drug Administration, Oil and Natural Gas Corporation, Federation
    for Global Education, Forum for the Future, Committee to Protect Journalists — not a name "Food" beside
    another. Two runs join when only a connector stands between them and the second ends with a body word (or,
    after any connector but "and", the first does): "Kelmar and Brandt Motors" stays two companies. A remit
    that runs on after "and" (Institute for Trade and Industry) is ``joined_remits``'s, for the candidates of
    every source."""
    if not data.body_words or len(names) < 2:
        return names
    out: list[NameSpan] = []
    for name in names:
        last = out[-1] if out else None
        between = text[last.end:name.start].strip() if last is not None else ""
        if (last is not None and between in data.body_connectors and name.start - last.end == len(between) + 2
                and name.end - last.start <= LONGEST_LABEL
                and last.label is NameLabel.ORG and name.label is NameLabel.ORG
                and (name.text.split()[-1] in data.body_words
                     or (between != "and" and last.text.split()[-1] in data.body_words))):
            out[-1] = NameSpan(last.start, name.end, text[last.start:name.end], NameLabel.ORG, last.source)
        else:
            out.append(name)
    return out


def joined_remits(text: str, found: Sequence[NameSpan]) -> list[NameSpan]:
    """A body's name whose remit runs on after "and" (Institute for Trade and Industry, where one source read
    "Institute for Trade" and another "Industry"): the whole name, from whichever source, as one more candidate
    with the source of its first part."""
    starts: dict[int, list[NameSpan]] = {}
    for name in found:
        starts.setdefault(name.start, []).append(name)
    out = []
    for name in found:
        if " for " not in name.text or text[name.end:name.end + 5] != " and ":
            continue
        for after in starts.get(name.end + 5, []):
            if after.end - name.start <= LONGEST_BODY:
                out.append(NameSpan(name.start, after.end, text[name.start:after.end], NameLabel.ORG, name.source))
    return out


def _cut_name_word(word: str, data: NameData) -> bool:
    """A word cut off a capitalised run that was part of one name with the rest (China of Air China, Minister of
    Finance Minister); not an acronym, which a name often carries on its own (PC Pro, US Airways)."""
    return word in data.not_names and not word.isupper()


def _alone_elsewhere(text: str, word: str) -> bool:
    """Whether the article writes ``word`` somewhere as a name of its own, with no capitalised word beside it
    (Kelmar of "Kelmar China" is also "Kelmar said"; Air of "Air China" is never alone)."""
    for m in mentions(word, text):
        before = text[max(0, m.start() - 40):m.start()].split()
        after = text[m.end():m.end() + 40].split()
        if not (before and before[-1][:1].isupper() and before[-1][-1:].isalnum()) \
                and not (after and after[0][:1].isupper()):
            return True
    return False


def _shouted(text: str, span: Span) -> bool:
    """A sentence of three words or more written in capitals throughout (shouting, or a headline set in caps)."""
    segment = text[span.start:span.end]
    if segment != segment.upper() or len(segment.split()) < 3:
        return False  # a lower-case letter, or too short: the cheap tests first (every Chinese unit comes here)
    letters = [c for c in segment if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _affiliations(words: list[tuple[int, int, str]], data: NameData) -> list[list[tuple[int, int, str]]]:
    """``Tim Lode of Kelmar Foods``: two plain capitalised words before "of" name a person, and the words after it
    the firm or place the person is of — not a body (Bank of Zandia, Department of …), whose word says so,
    nor a title of a work (The Lord of …), whose article does."""
    if len(words) >= 4 and words[2][2] == "of" and all(_plain_name_word(w, data) for _, _, w in words[:2]):
        return [words[:2], words[3:]]
    return [words]


def _plain_name_word(word: str, data: NameData) -> bool:
    """A word a person's name may have: capitalised, not an acronym, a common word, a body's, a company's or a
    title's word, nor a place's name (Kuwait Ministries of …)."""
    return (word[:1].isupper() and not word.isupper() and word.lower() not in data.common
            and word not in data.organization_words and word not in data.company_suffixes
            and word not in data.body_words and word not in data.person_titles
            and not (data.place_names and word in place_names()))


def _possessive_groups(words: list[tuple[int, int, str]], *, opens: bool) -> list[tuple[list[tuple[int, int, str]], bool]]:
    """``France's Total``, ``Nissan's Carlos Ghosn``: a possessive ends one name and the next begins after it —
    but ``Aston's DB9``, ``Porsche's 911`` stay whole: a model code is known by its maker's name."""
    for k, (start, end, word) in enumerate(words[:-1]):
        model_code = k == len(words) - 2 and any(c.isdigit() for c in words[-1][2])
        if word.endswith(("'s", "’s")) and not model_code:
            owner = [*words[:k], (start, end - 2, word[:-2])]
            return [(owner, opens), *_possessive_groups(words[k + 1:], opens=False)]
    return [(words, opens)]


def _name_like(words: list[tuple[int, int, str]], data: NameData) -> bool:
    if len(words) == 1 and (_DEMONYM.search(words[0][2]) or adjective_compound(words[0][2])):
        return False  # Californian, Swedish, Americans: of a place; Japan-based, Russian-owned: adjectives
    if len(words) == 1 and words[0][2].endswith("s") and words[0][2][:-1] in data.not_names:
        return False  # Americans, Europeans (a word that names nothing alone, the Budget, kinds.py refuses)
    parts = [p for _, _, w in words for p in w.split("-")]
    if all(p in data.not_names or p.lower() in data.common for p in parts):
        return False  # German-US, The Europe, France: places and common words, however joined
    # "Direct To Consumer": a title-case phrase, not a name
    return not any(w.lower() in data.common and w[:1].isupper() and w not in _NAME_PARTICLES for _, _, w in words[1:])


def _split_at_prefixes(text: str, base: int, words: list[tuple[int, int, str]], data: NameData, *,
                       opens: bool) -> list[NameSpan]:
    """``Said Mr Tollund``: a person prefix starts a person's name and ends whatever came before it."""
    out: list[NameSpan] = []
    if opens and len(words) > 1 and words[1][2] in data.person_prefixes:
        words = words[1:]  # the sentence's first word, then a name: "Said Mr Tollund"
    label = NameLabel.ORG
    run: list[tuple[int, int, str]] = []
    for word in [*words, (0, 0, "")]:
        if word[2] in data.person_prefixes or not word[2]:
            while word[2] and len(run) > 1 and run[-1][2] in data.title_modifiers:
                run.pop()  # "Kelmar Union General Secretary Tom Brandt": the office is no part of the union's name
            office = word[2] and len(run) == 1 and run[0][2] in data.title_modifiers  # Finance Minister Tom Brandt
            if run and not office and not (len(run) == 1 and run[0][2].lower() in data.common):
                start, end = trim(text, base + run[0][0], base + run[-1][1])
                out.append(NameSpan(start, end, text[start:end], label,
                                    NameSource.CUE if label is NameLabel.PERSON else NameSource.SHAPE))
            run, label = [], NameLabel.PERSON
            continue
        if label is NameLabel.PERSON and not run and word[2] in data.title_modifiers:
            continue  # "Attorney General Eliot Brandt": the rest of the office, before the name
        run.append(word)
    return out


_DEMONYM = re.compile(r"(?:ian|ean|ese|ish)$")
_NAME_PARTICLES = frozenset({"The", "Of", "De", "La", "Le", "Van", "Von", "Der", "Du", "&"})
_CONNECTORS = frozenset({"&", "and", "of", "de", "la", "du", "des", "del", "von", "van", "der", "-"})


def _named_body(words: Sequence[tuple[int, int, str]], data: NameData, text: str, offset: int) -> bool:
    """The run opens with a word of place, people or day that is no name alone (European, Asian, Sunday; US before
    a company word) and ends with an organisation or company word: the word is the body's own (European
    Commission, Asian Development Bank, Sunday Times, US Airways), not an adjective before a name — unless an
    acronym opens a body's name (US Equal Employment Opportunity Commission: the model reads the body without
    it), an acronym ends it (London FTSE: a market's index), or the word follows a day's number ("11 September
    World Trade Centre": a date). An acronym that is no name alone opens the one word after it that is one (PC
    Pro; not the UK Budget)."""
    first, last = words[0][2], words[-1][2]
    at = offset + words[0][0]  # the words' offsets are the run's
    company = last in data.company_suffixes
    if len(words) == 2 and _acronym_opens(first, last, data):
        return True
    return (len(words) >= 2 and first in data.not_names and first.isalpha() and (first.istitle() or company)
            and (company or last in data.organization_words) and not last.isupper()
            and not _DAY_BEFORE.search(text, max(0, at - 4), at))


def _acronym_opens(first: str, last: str, data: NameData) -> bool:
    """An acronym that is no name alone, then one word that may be a name alone: PC Pro, not the UK Budget."""
    return (first.isupper() and first.isalpha() and first in data.not_names and last.istitle()
            and last not in data.not_names and last not in data.not_alone)


_DAY_BEFORE = re.compile(r"\d\s*$")


def _ordinary(word: str, data: NameData, *, sentence_start: bool) -> bool:
    """A word that is capitalised for a reason other than being a name: where a sentence opens, a verb form,
    an adverb or a plural of people by what they do (Miners, Developers, Analysts) before the name."""
    if word in data.not_names or word.lower() in data.common:
        return True
    return sentence_start and (word.lower().endswith(("ing", "ly", "ed")) or bool(_PEOPLE_PLURAL.match(word))
                               or word.isdigit())


_PEOPLE_PLURAL = re.compile(r"^[A-Z][a-z]+(?:er|or|ist|ant|ent)s$")


def strip_opener(name: NameSpan, text: str, data: NameData) -> NameSpan:
    """``Miners Rio Tinto``, ``Could Kelmar``, ``1993 Zandia``: where a sentence opens, a word that is capitalised
    only for that (``_ordinary``) is no part of the name after it (the model's spans keep it)."""
    first, _, rest = name.text.partition(" ")
    if not rest or first in data.not_names or first in data.person_prefixes \
            or not SENTENCE_START.search(text[max(0, name.start - 3):name.start]) \
            or not _ordinary(first, data, sentence_start=True) or not only_opening(name.text, text):
        # Shanghai Automotive: a place opens many a company's name; "Shares in Allied Irish Banks fell": the
        # article writes the whole name where no sentence opens too
        return name
    start = name.end - len(rest)
    return NameSpan(start, name.end, rest, name.label, name.source)


def split_affiliation(name: NameSpan, data: NameData) -> list[NameSpan]:
    """``Angelo Zino of CFRA``, read as one name by the model: a person and the firm the person is of, as the
    capitalised runs are split (``_affiliations``); a body's name (Bank of Zandia) stays whole."""
    parts = _affiliations(words_of(name.text), data)
    if len(parts) < 2:
        return [name]

    def span(words: list[tuple[int, int, str]], label: NameLabel) -> NameSpan:
        start, end = words[0][0], words[-1][1]
        return NameSpan(name.start + start, name.start + end, name.text[start:end], label, name.source)

    person, firm = parts
    return [span(person, NameLabel.PERSON), span(firm, NameLabel.ORG)]


# --- Chinese shape and cue candidates -------------------------------------------------------------

_ZH_QUOTED = re.compile(r"[「“]([\u4e00-\u9fffA-Za-z0-9·&]{2,12})[」”]")


@dataclass(frozen=True)
class Dictionary:
    """What the segmenter's dictionary says (the language's entity finder knows its segmenter)."""

    is_name: Callable[[str], bool]  # a word the dictionary lists as a name (麦当劳)
    is_plain: Callable[[str], bool]  # a word the dictionary lists as no name (香蕉)
    plain_text: Callable[[int, int], bool]  # text made of such words only (自研/影像/芯片)
    is_person: Callable[[str], bool] = lambda w: False  # a word the dictionary files as a person's name
    # a word the dictionary files as some other name, a tag it also gives many common words (正宗, 诚信, 美味)
    is_other_name: Callable[[str], bool] = lambda w: False
    # a word coined as a name, holding no plain dictionary word (香奈儿, 帕拉丁), not a phrase or figure of speech the
    # dictionary happens to file as a name (新鲜血液, 白月光)
    is_coined: Callable[[str], bool] = lambda w: True


NO_DICTIONARY = Dictionary(lambda w: False, lambda w: False, lambda s, e: False)


def quoted_names_zh(text: str, spans: Sequence[Span], data: NameData,
                    dictionary: Dictionary = NO_DICTIONARY) -> list[NameSpan]:
    """A short name in 「」 or “”: right before a brand word (「喜茶」品牌, “蔚来”汽车) unless made of plain
    dictionary words only (「自研影像芯片」), or a coined word the dictionary lists as a name (手表界的“帕拉丁”) — but
    not before a strategy word (“闪电战”策略). Commentary sets its figures of speech in quotes too (火锅界“新鲜血液”不断,
    “白月光”): one the dictionary files as a name, holding plain words, names nothing without a brand word."""
    out: list[NameSpan] = []
    cues = data.brand_context + data.company_suffixes  # one tuple for str.startswith, not one per quote
    for span in spans:
        for m in _ZH_QUOTED.finditer(text, span.start, span.end):
            after = text[m.end():m.end() + 6].lstrip()
            if after.startswith(data.not_names_before):
                continue  # “闪电战”策略: the name of a strategy or a campaign, not of a brand
            cued = after.startswith(cues)
            # jieba files many two-character words as people's names (“老三”, “脱敏”, “米粉”) or other names (“正宗”,
            # “诚信”): alone, no brand
            word = m.group(1)
            named = (cued and not dictionary.plain_text(m.start(1), m.end(1))) or (
                dictionary.is_name(word) and dictionary.is_coined(word)
                and not (len(word) == 2 and (dictionary.is_person(word) or dictionary.is_other_name(word))))
            if word not in data.not_names and named:
                out.append(NameSpan(m.start(1), m.end(1), word, NameLabel.ORG, NameSource.SHAPE))
    return out




_LIST_CLAUSE = re.compile(r"[^，,。；;：:！？!?\n]+")  # a clause: where a list of names can run


def listed_names_zh(text: str, spans: Sequence[Span], data: NameData, known: Callable[[int, int], bool],
                    dictionary: Dictionary, bounds: Container[int]) -> list[NameSpan]:
    """Names in a list of names: 书亦、益禾堂等平价品牌, 肯德基、麦当劳、汉堡王. A list counts when it is
    summed up as brands or companies (等…品牌), when one of its items is an entity already found
    (``known(start, end)``), or when two items are words the dictionary lists as names other than people's (it files
    many a word as a person's: 阿斯巴甜、安赛蜜 lists sweeteners); its other items
    are then names too, except plain dictionary words (香蕉 in 苹果、香蕉和梨). ``bounds`` are the word
    boundaries of the segmenter: an unbounded last item ends at one (汉堡王 in 汉堡王供货)."""
    out: list[NameSpan] = []
    for span in spans:
        if text.find("、", span.start, span.end) < 0:
            continue  # no list in this span: most spans, ruled out with one C-level search
        for m in _LIST_CLAUSE.finditer(text[span.start:span.end]):
            out.extend(_list_items(text, span.start + m.start(), span.start + m.end(), data, known, dictionary, bounds))
    return out


def _not_name_at(text: str, at: int, end: int, data: NameData) -> int:
    """The length of the longest of the language's ``not_names`` written at ``at`` and ending by ``end``, else 0:
    the set is asked about each slice, not each of its words tried at ``at`` (it holds some hundreds)."""
    for length in range(min(end - at, data.longest_not_name), 0, -1):
        if text[at:at + length] in data.not_names:
            return length
    return 0


def _list_items(text: str, lo: int, hi: int, data: NameData, known: Callable[[int, int], bool],
                dictionary: Dictionary, bounds: Container[int]) -> list[NameSpan]:
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
    # 推出赞飞丝、柔丽, 成员来自凯达、赞宝: the list's verb, and what comes before it, is no part of its first name
    for opener in data.list_openers:
        at = text.rfind(opener, a, first_end)
        if at >= 0 and first_end - at - len(opener) >= 2:
            a = at + len(opener)
    # 伴随着国内淘宝、京东: a word that names nothing (国内, 海外) opening the first item is no part of its name
    a += _not_name_at(text, a, first_end - 2, data)
    items[0] = (a, first_end)
    last_start, last_end = items[-1]
    b = last_start
    while (b < last_end and text[b] not in data.not_in_names and text[b] != "等" and b - last_start < 6
           and not _counted_head(text, b, data)):
        b += 1
    tail = text[b:min(hi, b + 8)]
    counted = _counted_head(text, b, data)
    if not tail.startswith("等") and not counted and len(items) > 1:
        # nothing closes the list: the last item is as long as the others, at a word end
        longest = max(e - s for s, e in items[:-1])
        b = next((x for x in range(min(b, last_start + longest), last_start + 1, -1) if x in bounds), b)
    items[-1] = (last_start, b)
    if text[a - 1:a] == "的" and text[b:b + 1] == "的" and not tail.startswith("等") and not counted:
        return []  # 京东的科技驱动、凯达的国资背景: what each name has, listed — the names are not the items
    items = [(s, e) for s, e in items if 2 <= e - s <= 6]
    if len(items) < 2:
        return []
    # 等大众品牌, not 等KOL作为品牌; or counted as brands or companies (凯达、瑞禾两家品牌)
    headed = counted or (tail.startswith("等") and any(h in tail[:6] for h in data.list_heads))
    tagged = sum(1 for s, e in items if dictionary.is_name(text[s:e]) and not dictionary.is_person(text[s:e]))
    if not (headed or any(known(s, e) for s, e in items)) and (
            tagged < 2 or any(dictionary.is_plain(text[s:e]) for s, e in items)):
        return []  # 洗面奶、爽肤水、精华液: where the dictionary calls an item a plain word, the list lists things
    if not headed:  # a list not summed up as brands may list things: its names are short (自研影像芯片 is none)
        items = [(s, e) for s, e in items if e - s <= 4]
    return [NameSpan(s, e, text[s:e], NameLabel.ORG, NameSource.CUE) for s, e in items
            if not known(s, e) and text[s:e] not in data.not_names and all(is_cjk(c) or c.isalnum() for c in text[s:e])
            and not dictionary.is_plain(text[s:e]) and not _plain_word_then_code(text[s:e], dictionary)
            and not _kind_before_latin(text, s, e, data)]


def _kind_before_latin(text: str, start: int, end: int, data: NameData) -> bool:
    """The item is a kind of name (``name_kinds``) with the Latin name it introduces right after it (通讯应用 of
    "语音社交媒体Yalla、通讯应用Viber"): the list's item is the name, cut short, not the kind."""
    return text[start:end].endswith(data.name_kinds) and text[end:end + 1].isascii() and text[end:end + 1].isalpha()


# a count of the list's items: 两家, 三大, 四个 (then a list head: 两家品牌, 三大车企)
_COUNT = re.compile(r"[两二三四五六七八九十几]+(?:家|个|大)")


def _counted_head(text: str, at: int, data: NameData) -> bool:
    """A count and a list head start at ``at`` (两家品牌, 三大车企): the list before it names brands or companies."""
    count = _COUNT.match(text, at)
    return count is not None and text.startswith(tuple(data.list_heads), count.end())


_CODE_CHARS = string.ascii_letters + string.digits


def _plain_word_then_code(item: str, dictionary: Dictionary) -> bool:
    """具有5G (of "麒麟芯片、具有5G功能的Mate40"): a plain dictionary word before a code or number is a phrase the
    list runs into, not a name with its model (an unknown name before a code is: 极驰001)."""
    head = item.rstrip(_CODE_CHARS)
    # a digit in the rest: 芒果TV is a name (a plain word and letters), 具有5G is not
    return len(head) >= 2 and any(c.isdigit() for c in item[len(head):]) and dictionary.is_plain(head)
