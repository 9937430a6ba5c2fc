"""Other names of one entity within an article: acronyms, plurals, company words, surnames."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from argmap.extractors.components.names.data import NameData
from argmap.extractors.components.names.places import place_names
from argmap.extractors.model import EntityKind


# --- names within one article ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Named:
    """An entity of one article, as alias resolution sees it."""

    ref: str
    label: str
    kind: EntityKind
    known: bool  # from the lexicon: its identity wins


_ORG_KINDS = frozenset({EntityKind.BRAND, EntityKind.ORGANIZATION})


_TICKER = re.compile(r"[A-Z]{3,5}")  # GOOG, MSFT: how a stock ticker is written


def alias_targets(entities: Sequence[Named], data: NameData) -> dict[str, str]:
    """``ref -> ref``: which entities of an article are other names of another one.

    An acronym names the multi-word organisation it abbreviates (GM, General Motors; M&S, Marks &
    Spencer); a plural or a company suffix names its stem (Saabs, Saab; iPods, iPod; 小米集团, 小米); a
    two-word name that opens with a place is also called by its other word (United, Manchester United); a surname
    alone names the person it belongs to; a stock ticker names the one company whose name it abbreviates (GOOG,
    Google). A lexicon entity is never renamed into a new one.
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
    for e in entities:
        if e.known or e.ref in targets or not _TICKER.fullmatch(e.label):
            continue
        # GOOG, MSFT, AMZN: a stock ticker spells its company's name in a few of its letters, in order
        named = [o for o in entities if o.kind in _ORG_KINDS and o.ref != e.ref and ticker_of(e.label, o.label)]
        if len(named) == 1:
            targets[e.ref] = named[0].ref
    return {k: _final(v, targets) for k, v in targets.items() if _final(v, targets) != k}


def ticker_of(ticker: str, name: str) -> bool:
    """``ticker`` keeps the first letter of a one-word ``name`` written out (not in capitals: GPS is no ticker of
    GPRS) and others of its letters in their order (GOOG: Google; MSFT: Microsoft), and is shorter than it."""
    letters = name.upper()
    if " " in name or name.isupper() or not letters.isalpha() or len(letters) <= len(ticker) or letters[0] != ticker[0]:
        return False
    rest = iter(letters[1:])
    return all(ch in rest for ch in ticker[1:])


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
            if not data.spaced:  # 极越 + 汽车: the company word is glued to the name
                out.append((e.label + suffix, _ORG_KINDS))
            elif len(words) == 1:
                out.append((f"{e.label} {suffix}", _ORG_KINDS))
        if data.place_names and len(words) == 2 and words[0] in place_names():
            out.append((words[1], _ORG_KINDS))  # Manchester United, United's board: the place is left out
    if e.kind is EntityKind.PRODUCT and data.spaced and e.label[-1:].isalpha():
        out.append((e.label + "s", _ORG_KINDS | {EntityKind.PRODUCT}))  # iPods: the plural of the product iPod
    if e.kind is EntityKind.PERSON and len(words) >= 2:
        any_kind = frozenset(EntityKind)
        out.append((words[-1], any_kind))
        out.append((words[0], frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.BRAND})))
        out.extend((f"{t} {words[-1]}", any_kind) for t in data.address_forms)
    return out


def acronyms(labels: Iterable[str]) -> frozenset[str]:
    """The initials of every multi-word capitalised name (General Motors -> GM, Marks & Spencer -> M&S), and
    with its small joining words in small letters where it has them (Bank of England -> BoE, Department for
    Transport -> DfT)."""
    out: set[str] = set()
    for label in labels:
        words = label.split()
        caps = [w for w in words if w[:1].isupper()]
        if len(caps) >= 2:
            out.add("".join(w[0] for w in caps))
            if "&" in words:
                out.add("&".join(w[0] for w in caps))
            if any(w in _JOINING for w in words[1:-1]):
                out.add("".join(w[0] for w in words if w[:1].isupper() or w in _JOINING))
    return frozenset(out)


_JOINING = frozenset({"of", "for", "and", "de"})  # BoE, DfT: British initials keep these, in small letters
