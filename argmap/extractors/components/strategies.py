"""``argmap_strategies_v2``: which brand pursues which strategy, under which constraint, and whom it competes
with, in every language.

A strategy cue (the lexicon's ``strategies``) gives its owner the strategy ``strategy/{brand}-{slug}``; a
constraint cue (``constraints``) gives it ``constraint/{brand}-{slug}``, which constrains one of the brand's
strategies. The owner is the brand its sentence names most; on a tie, the one of them named last before the
cue ("Luckin's cheap coffee … can Starbucks charge a premium"), else the article's main brand, else the first
named. A sentence that names none, or that sets brands against each other (a ``competition`` cue), is told from
the side of the brand the article is mostly about: the brands a rivalry names are mostly the rivals. The first
brand a rivalry names competes with each other one it names. (The rules were chosen by measuring both languages'
rules on both languages' articles: see the commit that brought this component.)

The one thing that differs between languages is how a cue is found in the text (``cue_matching``, one of
``lexicon.CUE_MATCHING``: Chinese anywhere, English as whole words), which the pipeline config names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from argmap.errors import LexiconError
from argmap.extractors.lexicon import CUE_MATCHING, CueClass, CueMatcher, Lexicon, lexicon_for
from argmap.extractors.model import Entity, EntityKind, EntityRelation, EntityRelationKind, Mention
from argmap.extractors.state import DocState, get_state

_SEPARATOR = {"zh": ""}  # how a brand's name and a class's label join in a language; otherwise a space

BrandMention = tuple[int, int, str]  # start, end, ref


# Not frozen: one is made per cue found (thousands per MB), and a frozen dataclass sets each field through
# object.__setattr__ (its __init__ costs some four times as much); none is hashed or changed once made.
@dataclass(slots=True)
class _Cue:
    """A cue found in the text: where, in which unit and sentence, and what it stands for."""

    start: int
    end: int
    unit: int
    sentence: int
    cls: CueClass
    kind: EntityKind


class Strategies:
    def __init__(self, lexicon: Lexicon, lang: str, match: CueMatcher) -> None:
        self.lang = lang
        self.cues = [(c, kind, p) for kind, classes in ((EntityKind.STRATEGY, lexicon.strategies),
                                                          (EntityKind.CONSTRAINT, lexicon.constraints))
                     for c in classes if (p := match(c.cues)) is not None]
        self.competition = match(lexicon.cue_list("competition"))
        self.brand_labels = {e.ref: e.labels for e in lexicon.entities if e.kind is EntityKind.BRAND}
        self.constrains = {c.type: c.strategy for c in lexicon.constraints if c.strategy}

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        brands = state.by_sentence(state.brand_mentions())
        rivalry = set(state.unit_matches(self.competition))
        pursued: dict[str, str] = {}  # strategy ref -> brand ref
        strategies_of: dict[str, list[tuple[int, str]]] = {}  # brand ref -> (sentence, strategy ref), in text order
        constraints: list[tuple[str, str, int]] = []  # (brand ref, constraint ref, sentence)
        for cue in self._found(state):
            owner = _owner(brands[cue.sentence], cue.start, state.main_brand, cue.unit in rivalry)
            if owner is None:
                continue
            ref = self._record(state, cue, owner)
            if cue.kind is EntityKind.STRATEGY:
                pursued[ref] = owner
                strategies_of.setdefault(owner, []).append((cue.sentence, ref))
            else:
                constraints.append((owner, ref, cue.sentence))
        out = [EntityRelation(brand, EntityRelationKind.PURSUES, ref) for ref, brand in pursued.items()]
        out += self._constrained(state, strategies_of, constraints)
        out += _competing(state, brands, rivalry)
        state.entity_relations = list({_key(r): r for r in out}.values())
        return doc

    def _found(self, state: DocState) -> list[_Cue]:
        """Every cue in the text, in text order; headings too: a heading such as "Quality at low prices" names
        the strategy the section argues (the Chinese component once passed them over, and found fewer right)."""
        found = [_Cue(m.start(), m.end(), u, state.units[u].sentence, cls, kind)
                 for cls, kind, pattern in self.cues for u, ms in state.unit_matches(pattern).items() for m in ms]
        return sorted(found, key=lambda c: c.start)

    def _record(self, state: DocState, cue: _Cue, brand: str) -> str:
        """The brand's entity of the cue's class, with the cue as one more mention of it."""
        key = f"{brand.split('/', 1)[1]}-{cue.cls.slug}"
        ref = f"{cue.kind.path}/{key}"
        entity = state.entities.get(ref)
        if entity is None:
            labels = self._labels(self.brand_labels.get(brand) or state.entity_labels(brand), brand, cue.cls)
            label = labels.get(self.lang) or next(iter(labels.values()), key)
            entity = state.entities[ref] = Entity(key=key, kind=cue.kind, label=label, labels=labels,
                                                  types=(cue.cls.type,))
        entity.mentions.append(Mention(cue.start, cue.end, state.content[cue.start:cue.end]))
        # where the cue stands, for the language's units component: in the unit's refs and by its span
        state.units[cue.unit].refs.append(ref)
        state.cue_spans.setdefault(ref, []).append((cue.start, cue.end))
        return ref

    def _labels(self, names: dict[str, str], brand: str, cls: CueClass) -> dict[str, str]:
        """The class's label in each language it has one in, after the brand's name in that language, else the
        name it has (a brand known by its Chinese name only is that name in English too)."""
        fallback = next(iter(names.values()), brand.split("/", 1)[1])
        return {tag: f"{names.get(tag) or fallback}{_SEPARATOR.get(tag, ' ')}{word}"
                for tag, word in cls.labels.items()}

    def _constrained(self, state: DocState, strategies_of: dict[str, list[tuple[int, str]]],
                     constraints: list[tuple[str, str, int]]) -> list[EntityRelation]:
        out = []
        for brand, constraint, sentence in constraints:
            target = self._target(state, strategies_of.get(brand, []), constraint, sentence)
            if target is not None:
                out.append(EntityRelation(target, EntityRelationKind.CONSTRAINED_BY, constraint))
        return out

    def _target(self, state: DocState, pursued: list[tuple[int, str]], constraint: str, sentence: int) -> str | None:
        """Of the brand's strategies, the one of the type the lexicon says the constraint's class constrains,
        unless the sentence names another; else the first the sentence names; else the one named most."""
        local = [ref for s, ref in pursued if s == sentence]
        wanted_type = self.constrains.get(state.entities[constraint].types[0])
        wanted = next((ref for _, ref in pursued if wanted_type in state.entities[ref].types), None)
        if wanted and (not local or wanted in local):
            return wanted
        if local:
            return local[0]
        counts = Counter(ref for _, ref in pursued)
        return max(counts, key=counts.__getitem__) if counts else None


def _owner(brands: list[BrandMention], cue_start: int, main: str | None, rivalry: bool) -> str | None:
    """The brand a sentence naming ``brands`` speaks of at ``cue_start`` (see the module's docstring)."""
    if rivalry or not brands:
        return main
    refs = [ref for _, _, ref in brands]
    counts = Counter(refs)
    most = max(counts.values())
    tied = [ref for ref in dict.fromkeys(refs) if counts[ref] == most]
    before = [ref for _, end, ref in brands if end <= cue_start and ref in tied]
    if before:
        return before[-1]
    return main if main in tied else tied[0]


def _competing(state: DocState, brands: list[list[BrandMention]], rivalry: set[int]) -> list[EntityRelation]:
    """The first brand a rivalry names competes with each other one its sentence names."""
    out = []
    for u in sorted(rivalry):
        refs = list(dict.fromkeys(ref for _, _, ref in brands[state.units[u].sentence]))
        out += [EntityRelation(refs[0], EntityRelationKind.COMPETES_WITH, ref) for ref in refs[1:]]
    return out


def _key(relation: EntityRelation) -> tuple[str, str, str]:
    """A relation once: competition is symmetric, so one direction of it is enough."""
    a, b = relation.subject, relation.object
    if relation.kind is EntityRelationKind.COMPETES_WITH:
        a, b = min(a, b), max(a, b)
    return (a, relation.kind.value, b)


@Language.factory("argmap_strategies_v2", default_config={"data_dir": "", "lexicons": []})
def make_strategies(nlp: Language, name: str, cue_matching: str, data_dir: str, lexicons: list[str]) -> Strategies:
    """``cue_matching`` names how the language's cues are found (``lexicon.CUE_MATCHING``)."""
    match = CUE_MATCHING.get(cue_matching)
    if match is None:
        raise LexiconError(f"cue_matching {cue_matching!r} in the pipeline config is none of {', '.join(CUE_MATCHING)}")
    return Strategies(lexicon_for(nlp.lang, lexicons, data_dir), nlp.lang, match)
