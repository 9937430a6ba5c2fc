"""Strategies and constraints, per brand (``strategy/xiaomi-premiumization``), and the relations
between entities: a brand pursues a strategy, a strategy is constrained by a constraint, brands compete."""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.lexicon import CueClass, Lexicon, compile_cues, lexicon_for
from argmap.extractors.model import Entity, EntityKind, EntityRelation, EntityRelationKind, Mention
from argmap.extractors.state import DocState, Unit, get_state


class ZhStrategies:
    def __init__(self, lexicon: Lexicon) -> None:
        self.strategies = [(c, compile_cues(c.cues)) for c in lexicon.strategies if c.cues]
        self.constraints = [(c, compile_cues(c.cues)) for c in lexicon.constraints if c.cues]
        self.competition = compile_cues(lexicon.cue_list("competition"))
        self.brand_labels = {e.key: e.labels for e in lexicon.entities if e.kind is EntityKind.BRAND}
        self.constrains = {c.type: c.strategy for c in lexicon.constraints if c.strategy}

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        pending: list[tuple[str, str, int]] = []  # (owner, constraint ref, unit)
        owners: dict[str, str] = {}  # strategy ref -> brand ref
        brands_of = sentence_brands(state)
        owner_of: dict[tuple[int, bool], str | None] = {}  # one count per sentence, not one per cue

        def owner(sentence: int, rivalry: bool) -> str | None:
            key = (sentence, rivalry)
            if key not in owner_of:
                owner_of[key] = self._owner(state, brands_of[sentence], rivalry)
            return owner_of[key]

        rivalry = set(state.unit_matches(self.competition))
        hits = [(u, m, cls, EntityKind.STRATEGY) for cls, pattern in self.strategies
                for u, ms in state.unit_matches(pattern).items() for m in ms]
        hits += [(u, m, cls, EntityKind.CONSTRAINT) for cls, pattern in self.constraints
                 for u, ms in state.unit_matches(pattern).items() for m in ms]
        for u, m, cls, kind in sorted(hits, key=lambda h: h[1].start()):
            unit = state.units[u]
            if unit.heading:  # a heading announces a topic; the paragraphs under it argue it
                continue
            brand = owner(unit.sentence, u in rivalry)
            if brand is None:
                continue
            entity = self._class_entity(state, kind, brand, cls)
            _mention(state, unit, entity, m)
            if kind is EntityKind.STRATEGY:
                owners[entity.ref] = f"brand/{brand}"
            else:
                pending.append((brand, entity.ref, u))
        competes: dict[tuple[str, str], int] = {}
        for u in sorted(rivalry):
            protagonist = owner(state.units[u].sentence, True)
            for ref in dict.fromkeys(brands_of[state.units[u].sentence]):
                if protagonist is not None and ref != f"brand/{protagonist}":
                    competes.setdefault((f"brand/{protagonist}", ref), u)
        self._relations(state, owners, pending, competes)
        return doc

    def _owner(self, state: DocState, brands: list[str], rivalry: bool) -> str | None:
        """The brand the sentence is mainly about, else the article's; rivalry is the protagonist's."""
        if rivalry or not brands:
            chosen = state.main_brand
        else:
            counts = Counter(brands)
            chosen = max(counts, key=lambda r: (counts[r], r == state.main_brand, -brands.index(r)))
        return None if chosen is None else chosen.split("/", 1)[1]

    def _class_entity(self, state: DocState, kind: EntityKind, brand: str, cls: CueClass) -> Entity:
        key = f"{brand}-{cls.slug}"
        ref = f"{kind.path}/{key}"
        entity = state.entities.get(ref)
        if entity is None:
            names = self.brand_labels.get(brand) or _labels_of(state, brand)
            labels = {}
            if "zh" in cls.labels:
                labels["zh"] = f"{names.get('zh', names.get('en', brand))}{cls.labels['zh']}"
            if "en" in cls.labels:
                labels["en"] = f"{names.get('en', brand)} {cls.labels['en']}"
            entity = Entity(key=key, kind=kind, label=labels.get("zh") or labels.get("en") or key,
                            labels=labels, types=(cls.type,))
            state.entities[ref] = entity
        return entity

    def _relations(self, state: DocState, owners: dict[str, str], pending: list[tuple[str, str, int]],
                   competes: dict[tuple[str, str], int]) -> None:
        out = state.entity_relations
        for strategy, brand in owners.items():
            if brand in state.entities:
                out.append(EntityRelation(brand, EntityRelationKind.PURSUES, strategy))
        seen: set[tuple[str, str]] = set()
        for owner, constraint, index in pending:
            target = self._constrained(state, owner, constraint, index)
            if target and (target, constraint) not in seen:
                seen.add((target, constraint))
                out.append(EntityRelation(target, EntityRelationKind.CONSTRAINED_BY, constraint))
        for (a, b) in competes:
            out.append(EntityRelation(a, EntityRelationKind.COMPETES_WITH, b))

    def _constrained(self, state: DocState, owner: str, constraint: str, index: int) -> str | None:
        """The owner's strategy named in the same sentence, else the one the constraint class names
        in the lexicon, else the owner's most mentioned strategy."""
        prefix = f"strategy/{owner}-"
        sentence = state.units[index].sentence
        local = [r for u in state.units[max(0, index - 3):index + 3] if u.sentence == sentence for r in u.refs
                 if r.startswith(prefix)]
        ctype = state.entities[constraint].types[0]
        default = self.constrains.get(ctype)
        if default:
            wanted = next((r for r in state.entities if r.startswith(prefix) and default in state.entities[r].types), None)
            if wanted and (not local or wanted in local):
                return wanted
        if local:
            return local[0]
        counts = Counter(r for u in state.units for r in u.refs if r.startswith(prefix))
        return counts.most_common(1)[0][0] if counts else None


def sentence_brands(state: DocState) -> list[list[str]]:
    """Brand refs each sentence mentions, in order, repeats kept."""
    out: list[list[str]] = [[] for _ in state.sentences]
    for unit in state.units:
        out[unit.sentence].extend(r for r in unit.refs if r.startswith("brand/"))
    return out


def _labels_of(state: DocState, brand: str) -> dict[str, str]:
    entity = state.entities.get(f"brand/{brand}")
    return dict(entity.labels) if entity else {}


def _mention(state: DocState, unit: Unit, entity: Entity, m: re.Match[str]) -> None:
    start, end = m.start(), m.end()
    entity.mentions.append(Mention(start, end, state.content[start:end]))
    unit.refs.append(entity.ref)


@Language.factory("argmap_zh_strategies_v1", default_config={"lexicons": []})
def make_strategies(nlp: Language, name: str, lexicons: list[str]) -> ZhStrategies:
    return ZhStrategies(lexicon_for("zh", lexicons))
