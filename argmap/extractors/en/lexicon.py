"""English lexicons and cue tables: tab-separated data files, extended by the user's own files.

Every built-in table lives in ``argmap/extractors/data/en/<name>.tsv``. A user lexicon file named like
a built-in table (``entities.tsv``, ``hedges.tsv`` …) adds its rows to that table; a file with another
name whose header is the entity header adds entities. A directory stands for the ``.tsv`` files in it.
A ``.json`` file in the shared lexicon format (argmap/extractors/lexicon.py) contributes the entities of
its ``entities`` list that have an English label (``"en"``); its other keys are for the Chinese pipeline.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from argmap.errors import LexiconError
from argmap.extractors.lexicon import ENTITY_DIR
from argmap.extractors.model import EntityKind

log = logging.getLogger(__name__)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "en"

# file stem -> the header it must carry
TABLE_HEADERS: dict[str, tuple[str, ...]] = {
    "entities": ("kind", "key", "label_en", "label_zh", "aliases", "owner"),
    "patterns": ("pattern_type", "value"),
    "discourse": ("marker", "function", "position"),
    "hedges": ("cue",),
    "competition": ("cue",),
    "rhetorical": ("cue",),
    "periods": ("pattern",),
    "evidence_kinds": ("kind", "cue"),
    "strategies": ("type", "key_suffix", "cue"),
    "constraints": ("type", "key_suffix", "cue"),
    "kinds": ("type", "label_en", "label_zh"),
}

_KEY = re.compile(r"[\w.\-]+")
_SLUG_UNSAFE = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")


def slug(text: str) -> str:
    """An entity key from a name: lower case, runs of other characters become one dash."""
    return _SLUG_UNSAFE.sub("-", text.lower().replace("'", "")).strip("-") or "x"


@dataclass(frozen=True, slots=True)
class LexEntry:
    kind: EntityKind
    key: str
    label_en: str
    label_zh: str = ""
    aliases: tuple[str, ...] = ()
    owner: str = ""  # the brand key a product belongs to

    @property
    def ref(self) -> str:
        return f"{self.kind.path}/{self.key}"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.label_en, *self.aliases)))


@dataclass(slots=True)
class EnglishData:
    """All tables, rows in file order (built-in first, then the user's)."""

    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def rows(self, name: str) -> list[dict[str, str]]:
        return self.tables.get(name, [])

    def column(self, name: str, col: str = "cue") -> list[str]:
        return [row[col] for row in self.rows(name) if row.get(col)]

    def entries(self) -> list[LexEntry]:
        return [_entry(row) for row in self.rows("entities")]


def _entry(row: dict[str, str]) -> LexEntry:
    try:
        kind = EntityKind(row["kind"].strip().capitalize())
    except ValueError:
        raise LexiconError(
            f"unknown entity kind {row['kind']!r} in an English lexicon; use one of "
            + ", ".join(k.path for k in EntityKind)
        ) from None
    if not _KEY.fullmatch(row.get("key", "").strip()):
        raise LexiconError(f"entity key {row.get('key', '')!r} in an English lexicon must be letters, digits, "
                           "'-', '_' or '.' (it becomes part of an IRI)")
    aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
    return LexEntry(kind, row["key"].strip(), row["label_en"].strip(), row.get("label_zh", "").strip(), aliases,
                    row.get("owner", "").strip())


def read_table(path: Path, expected: tuple[str, ...] | None = None) -> tuple[tuple[str, ...], list[dict[str, str]]]:
    """Header and rows of one tab-separated file; ``#`` lines are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}; pass a UTF-8 tab-separated file") from exc
    body = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")]
    if not body:
        return (), []
    header = tuple(c.strip() for c in body[0][1].split("\t"))
    if expected is not None and (len(header) > len(expected) or expected[: len(header)] != header):
        raise LexiconError(
            f"{path}: header {'/'.join(header)} does not match {'/'.join(expected or ())}; "
            "the first non-comment line must name the tab-separated columns"
        )
    rows = []
    for n, line in body[1:]:
        cells = line.split("\t")
        if len(cells) > len(header) or not cells[0].strip():
            raise LexiconError(f"{path}:{n}: expected at most {len(header)} tab-separated columns ({'/'.join(header)})")
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return header, rows


def _json_entities(path: Path) -> list[dict[str, str]]:
    """Entity rows from a shared JSON lexicon: only entries with an English label."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}; pass a UTF-8 JSON object") from exc
    entries = data.get("entities", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise LexiconError(f"{path}: 'entities' must be a list of objects with kind, key and labels")
    rows = []
    for item in entries:
        if isinstance(item, dict) and item.get("en") and item.get("key") and item.get("kind"):
            aliases = [a for a in item.get("aliases", []) if isinstance(a, str) and a.isascii()]
            rows.append({"kind": str(item["kind"]), "key": str(item["key"]), "label_en": str(item["en"]),
                         "label_zh": str(item.get("zh", "")), "aliases": "|".join(aliases),
                         "owner": str(item.get("brand", ""))})
    return rows


def _user_files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(path.glob("*.tsv"))
        elif path.suffix in (".tsv", ".json"):
            if not path.is_file():
                raise LexiconError(f"lexicon file {path} does not exist; check the path")
            out.append(path)
        else:
            log.debug("English pipeline skips non-.tsv lexicon %s", path)
    return out


def load_data(*, data_dir: Path = DEFAULT_DATA_DIR, lexicons: Sequence[Path] = ()) -> EnglishData:
    """The English tables: the shared entity lexicon (``data/entities/*.json``, both languages' labels),
    the cue tables of ``data_dir``, then the user's files."""
    data = EnglishData()
    for name, header in TABLE_HEADERS.items():
        path = data_dir / f"{name}.tsv"
        data.tables[name] = read_table(path, header)[1] if path.is_file() else []
    shared = [row for path in sorted(ENTITY_DIR.glob("*.json")) for row in _json_entities(path)]
    data.tables["entities"] = shared + data.tables["entities"]
    for path in _user_files(Path(p) for p in lexicons):
        if path.suffix == ".json":
            data.tables["entities"] += _json_entities(path)
            continue
        name = path.stem if path.stem in TABLE_HEADERS else "entities"
        header, rows = read_table(path, TABLE_HEADERS[name])
        if not header:
            continue
        data.tables[name] += rows
    for entry in data.entries():  # fail on a bad kind now, not mid-article
        if not entry.key or not entry.label_en:
            raise LexiconError(f"an English lexicon entry lacks a key or label_en: {entry}")
    return data


def phrase_regex(phrases: Iterable[str], *, case_sensitive: bool = False) -> re.Pattern[str] | None:
    """One regex matching any phrase as whole words, longest first; None when there are none."""
    unique = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not unique:
        return None
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in unique)
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", flags)


def load_for_component(data_dir: str, lexicons: Sequence[str]) -> EnglishData:
    """The tables for a component's config: an empty ``data_dir`` means the shipped data."""
    base = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    return load_data(data_dir=base, lexicons=[Path(p) for p in lexicons])
