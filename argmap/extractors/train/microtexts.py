"""Read the arg-microtexts gold argument graphs (XML) into plain dataclasses.

Used by bench/eval_microtexts.py and the argument models' training (train/argument.py); the corpus itself
is never copied into the repo.

Gold relations between argumentative units (ADUs):
- ``sup`` and ``exa`` (support by example) -> support; ``reb`` (rebut) and ``und`` (undercut) -> attack.
- ``und`` and ``add`` edges point at an *edge*, not a unit. With ``undercut="source"`` (the default) an
  undercut attacks the unit the targeted edge starts from: "Some say A [against the claim], but B" — B
  answers A, and attack edges run between the proponent's and the opponent's units, as in Peldszus &
  Stede's dependency conversion. With ``undercut="target"`` it is attached to the unit the targeted edge
  points at (followed recursively), which makes the writer's answer an attack on their own claim; both
  figures are reported. ``add`` (a linked premise) becomes a support of the unit the targeted edge points at.
- The central claim is the ADU that is the source of no relation edge.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

SUPPORT_TYPES = {"sup", "exa", "add"}
ATTACK_TYPES = {"reb", "und"}


class UndercutAttachment(str, Enum):
    SOURCE = "source"
    TARGET = "target"


@dataclass(frozen=True, slots=True)
class Unit:
    """An argumentative unit: the character spans of its EDUs in the text."""

    id: str
    spans: tuple[tuple[int, int], ...]
    implicit: bool


@dataclass(slots=True)
class GoldText:
    id: str
    text: str
    units: dict[str, Unit]
    central: str
    relations: set[tuple[str, str, str]] = field(default_factory=set)  # (source adu, target adu, support|attack)


def _locate(text: str, edu: str, cursor: int) -> tuple[int, int] | None:
    """The EDU's span in the text; implicit EDUs appear there in upper case."""
    for needle in (edu, edu.upper()):
        pos = text.find(needle, cursor)
        if pos < 0:
            pos = text.find(needle)
        if pos >= 0:
            return pos, pos + len(needle)
    return None


def read_gold(xml_path: Path, *, undercut: UndercutAttachment = UndercutAttachment.SOURCE) -> GoldText:
    text = xml_path.with_suffix(".txt").read_text(encoding="utf-8")
    root = ET.parse(xml_path).getroot()
    edus: dict[str, tuple[tuple[int, int] | None, bool]] = {}
    cursor = 0
    for edu in root.iter("edu"):
        span = _locate(text, (edu.text or "").strip(), cursor)
        if span is not None:
            cursor = span[1]
        edus[edu.get("id", "")] = (span, edu.get("implicit") == "true")
    edges = {e.get("id", ""): (e.get("src", ""), e.get("trg", ""), e.get("type", "")) for e in root.iter("edge")}
    unit_spans: dict[str, list[tuple[int, int]]] = {a.get("id", ""): [] for a in root.iter("adu")}
    implicit: dict[str, bool] = {}
    for src, trg, kind in edges.values():
        if kind == "seg" and src in edus:
            span, is_implicit = edus[src]
            if span is not None:
                unit_spans.setdefault(trg, []).append(span)
            implicit[trg] = implicit.get(trg, False) or is_implicit
    units = {aid: Unit(aid, tuple(sorted(spans)), implicit.get(aid, False)) for aid, spans in unit_spans.items()}

    def unit_of(node: str, *, end: UndercutAttachment) -> str:
        while node in edges:  # an edge id: follow it to one of its ends
            src, trg, _ = edges[node]
            node = trg if end is UndercutAttachment.TARGET else src
        return node

    relations: set[tuple[str, str, str]] = set()
    sources: set[str] = set()
    for src, trg, kind in edges.values():
        if kind == "seg":
            continue
        sources.add(src)
        end = UndercutAttachment.TARGET if kind == "add" else undercut
        target = unit_of(trg, end=end)
        if target == src:
            continue
        relations.add((src, target, "support" if kind in SUPPORT_TYPES else "attack"))
    central = next(a for a in units if a not in sources)
    return GoldText(root.get("id", xml_path.stem), text, units, central, relations)


def corpus_files(corpus_dir: Path) -> list[Path]:
    return sorted(corpus_dir.glob("*.xml"))
