"""``argmap_units_v2``: each language's sentences and clauses as argument units, for every language.

The language's sentence (and clause) components left ``Unit`` spans on the state, its entities and the
strategies component put the refs each unit names in ``Unit.refs``, its figures component the figures.
This component reads, from the language's lexicon, what else the argument stage weighs in a unit:
- evidence kinds (``evidence_kinds``), not where a negation cue stands just before the cue (不是…平替) nor
  inside a ``background`` clause (当…时: circumstances, not what the sentence asserts); value-driven kinds
  (polarity ``for``) in a unit that names only brands other than the article's main one speak of a rival's
  strength — pressure on the main brand (``CompetitivePressure``), not its own value;
- ``hedge`` and ``conditional`` cues, and ``rhetorical`` ones in a question (where the question opens, when
  the config says ``rhetorical_at_start``: "Isn't it …?", not "Why isn't it …?").
How a cue is found is the language's ``cue_matching`` (substrings in Chinese, whole words in English). The
language-neutral argument components (``components/argument``) then decide what the units are and how they
relate.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from argmap.errors import LexiconError
from argmap.extractors.components.argument.data import ArgumentData, argument_data
from argmap.extractors.components.argument.model import ArgUnit, start_argument
from argmap.extractors.components.argument.stance import closing_attribution
from argmap.extractors.lexicon import CUE_MATCHING, CueMatcher, Lexicon, Polarity, lexicon_for
from argmap.extractors.model import EntityKind, Figure
from argmap.extractors.state import DocState, Unit, get_state, opens_unit

# a question ends in a question mark, whatever quotes and brackets close after it
_QUESTION_END = re.compile(r"[？?][\"'”’」』）)\s]*$")
_NEGATION_WINDOW = 6  # characters before an evidence cue in which a negation cue turns it around (不是平替)
_OPENING_QUOTES = "\"'“‘ "
RIVAL_SUCCESS = "CompetitivePressure"  # a rival's value-driven success is pressure on the article's main brand
_BRAND = f"{EntityKind.BRAND.path}/"


class Units:
    def __init__(self, lexicon: Lexicon, match: CueMatcher, *, lang: str, rhetorical_at_start: bool) -> None:
        self.lang = lang
        self.kinds = [(c.type, p) for c in lexicon.evidence_kinds if (p := match(c.cues)) is not None]
        self.value_driven = frozenset(c.type for c in lexicon.evidence_kinds if c.polarity is Polarity.FOR)
        self.hedge = match(lexicon.cue_list("hedge"))
        self.conditional = match(lexicon.cue_list("conditional"))
        self.rhetorical = match(lexicon.cue_list("rhetorical"))
        self.background = match(lexicon.cue_list("background"))
        self.negation = tuple(c for c in lexicon.cue_list("negation") if not c.startswith("re:"))
        self.rhetorical_at_start = rhetorical_at_start
        self.cues: ArgumentData = argument_data(lang)

    def __call__(self, doc: Doc) -> Doc:
        state = get_state(doc)
        figures = _FigureIndex(state.figures)
        kinds_of = self._evidence_kinds(state)
        units = [self.unit(state, unit, figures, kinds_of.get(index, ()))
                 for index, unit in enumerate(state.units) if unit.argumentative]
        owners = {ref: e.brand for ref, e in state.entities.items() if e.kind is EntityKind.PRODUCT and e.brand}
        start_argument(doc, self.lang, units, state.main_brand, owners=owners)
        return doc

    def unit(self, state: DocState, unit: Unit, figures: "_FigureIndex", kinds: tuple[str, ...]) -> ArgUnit:
        text = state.content[unit.start:unit.end]
        found = figures.inside(unit.start, unit.end)
        refs = tuple(dict.fromkeys(unit.refs))
        question = _QUESTION_END.search(text) is not None
        return ArgUnit(
            start=unit.start, end=unit.end, text=text, sentence=unit.sentence, paragraph=unit.paragraph,
            section=unit.section, heading=unit.heading, marker=unit.marker, concession=unit.concession,
            refs=refs, figures=tuple(f.id for f in found),
            measured=any(f.quantity_kind != "period" for f in found) if found else False,  # most units: no figure
            evidence_kinds=self._credit_rivals(kinds, refs, state.main_brand),
            hedged=_found(self.hedge, text), conditional=_found(self.conditional, text), question=question,
            rhetorical=question and self._rhetorical(_after_marker(text, unit)),
            sources=self._sources(state, unit, text, refs),
        )

    def _sources(self, state: DocState, unit: Unit, text: str, refs: tuple[str, ...]) -> tuple[str, ...]:
        """The refs the unit names only in its closing attribution ("…, the Kelmar Bank said"): who speaks."""
        if not refs:
            return ()
        at = closing_attribution(text, self.cues)
        if at is None:
            return ()
        cut = unit.start + at
        out = []
        for ref in refs:
            entity = state.entities.get(ref)
            inside = [m.start for m in entity.mentions if unit.start <= m.start < unit.end] if entity else []
            if inside and min(inside) >= cut:
                out.append(ref)
        return tuple(out)

    def _rhetorical(self, text: str) -> bool:
        if self.rhetorical is None:
            return False
        if self.rhetorical_at_start:
            return self.rhetorical.match(text.lstrip(_OPENING_QUOTES)) is not None
        return self.rhetorical.search(text) is not None

    def _evidence_kinds(self, state: DocState) -> dict[int, tuple[str, ...]]:
        """Each unit's evidence kinds, from one pass of each cue pattern over the whole text."""
        background = {u: [(m.start(), m.end()) for m in ms] for u, ms in state.unit_matches(self.background).items()}
        out: dict[int, list[str]] = {}
        for kind, pattern in self.kinds:
            for u, matches in state.unit_matches(pattern).items():
                if any(self._counts(state.content, m, background.get(u, ())) for m in matches):
                    out.setdefault(u, []).append(kind)
        return {u: tuple(kinds) for u, kinds in out.items()}

    def _counts(self, text: str, m: re.Match[str], background: Iterable[tuple[int, int]]) -> bool:
        if any(a <= m.start() < b for a, b in background):
            return False
        window = text[max(0, m.start() - _NEGATION_WINDOW):m.start()]
        return not any(neg in window for neg in self.negation)

    def _credit_rivals(self, kinds: tuple[str, ...], refs: tuple[str, ...], main: str | None) -> tuple[str, ...]:
        """Value-driven evidence that names only other brands speaks of a rival's strength, not the main brand's."""
        if not kinds:
            return kinds  # most units: no evidence kind to credit (as the isdisjoint test below finds)
        brands = [ref for ref in refs if ref.startswith(_BRAND)]
        if main is None or not brands or main in brands or self.value_driven.isdisjoint(kinds):
            return kinds
        kept = [k for k in kinds if k not in self.value_driven]
        return tuple(dict.fromkeys([*kept, RIVAL_SUCCESS]))


def _found(pattern: re.Pattern[str] | None, text: str) -> bool:
    """A cue in the unit's own text (an English conditional opens it: ``^`` is where the unit starts)."""
    return pattern is not None and pattern.search(text) is not None


class _FigureIndex:
    """The figures by position, found by bisection: a long article has hundreds."""

    def __init__(self, figures: list[Figure]) -> None:
        self._figures = sorted(figures, key=lambda f: (f.start, f.end))
        self._starts = [f.start for f in self._figures]

    def inside(self, start: int, end: int) -> list[Figure]:
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [f for f in self._figures[lo:hi] if f.end <= end]


@Language.factory("argmap_units_v2", default_config={"cue_matching": "substring", "rhetorical_at_start": False,
                                                      "data_dir": "", "lexicons": []})
def make_units(nlp: Language, name: str, cue_matching: str, rhetorical_at_start: bool, data_dir: str,
               lexicons: list[str]) -> Units:
    """``cue_matching`` names how the language's cues are found (``lexicon.CUE_MATCHING``)."""
    match = CUE_MATCHING.get(cue_matching)
    if match is None:
        raise LexiconError(f"cue_matching {cue_matching!r} in the pipeline config is none of {', '.join(CUE_MATCHING)}")
    return Units(lexicon_for(nlp.lang, lexicons, data_dir or None), match, lang=nlp.lang,
                 rhetorical_at_start=rhetorical_at_start)


def _after_marker(text: str, unit: Unit) -> str:
    """The unit's text after the discourse marker it opens with ("and who would …?" → "who would …?"): a
    question joined to the clause before it still opens where its own words start."""
    marker = unit.marker
    if marker is None or not opens_unit(marker, text, unit.start):
        return text
    return text[marker.end - unit.start:].lstrip(" ,，")
