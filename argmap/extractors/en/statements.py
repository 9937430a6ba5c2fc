"""``argmap_en_statements_v1``: each argumentative clause becomes a claim or a piece of evidence.

Evidence reports grounds: it carries a figure, a reporting or observation cue (data/en/evidence_cues.tsv)
or opens with ``for example``, and no strong stance cue (data/en/stance.tsv). Everything else that is
argumentative is a claim. Evidence gets its evidence kinds from data/en/evidence_kinds.tsv. Flags:
hedged (data/en/hedges.tsv), conditional (``if``/``unless``), question, and one central claim per
article, scored from stance cues, conclusion markers and position (first and last statement).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from argmap.extractors.en.doc_state import Clause, EnState, MarkerFunction, ensure_extension, state
from argmap.extractors.en.lexicon import EnglishData, load_for_component, phrase_regex
from argmap.extractors.model import EntityKind, Statement, StatementKind

_CONDITIONAL = re.compile(r"^[\s\"'“‘]*(?:if|unless|provided that|as long as|only if)\b|\bif\b.+\bthen\b", re.I)
_QUOTE = re.compile(r"[\"“][^\"”]{12,}[\"”]")
_STRONG_STANCE = 1.5
VALUE_DRIVEN = {"BrandIdentification", "EcosystemLockIn", "RivalSwitching", "OwnTechnology", "FullPricePurchase"}
RIVAL_SUCCESS = "CompetitivePressure"  # a rival's value-driven success is pressure on the article's main brand
_SUBORDINATE = {MarkerFunction.SUPPORT, MarkerFunction.CONCESSION, MarkerFunction.ATTACK, MarkerFunction.EXAMPLE}

# central-claim scoring weights (tuned on general position and marker rules, not on single texts)
W_FIRST = 1.6
W_LAST = 1.5
W_CONCLUSION = 2.5
PENALTY_SUBORDINATE = 3.0  # reasons, concessions, attacks and examples are rarely the main claim
PENALTY_EVIDENCE = 1.5
PENALTY_QUESTION = 1.0


@dataclass(slots=True)
class _Cues:
    stance: list[tuple[re.Pattern[str], float, bool]]
    hedges: re.Pattern[str] | None
    evidence: re.Pattern[str] | None
    rhetorical: re.Pattern[str] | None
    kinds: list[tuple[str, re.Pattern[str]]]


def _cues(data: EnglishData) -> _Cues:
    stance = []
    for row in data.rows("stance"):
        pattern = phrase_regex([row["cue"]])
        if pattern is not None:
            stance.append((pattern, float(row.get("weight") or 1), row.get("position") == "initial"))
    by_kind: dict[str, list[str]] = {}
    for row in data.rows("evidence_kinds"):
        by_kind.setdefault(row["kind"], []).append(row["cue"])
    kinds = [(kind, p) for kind, cues in by_kind.items() if (p := phrase_regex(cues)) is not None]
    return _Cues(stance, phrase_regex(data.column("hedges")), phrase_regex(data.column("evidence_cues")),
                 phrase_regex(data.column("rhetorical")), kinds)


class StatementClassifier:
    def __init__(self, data: EnglishData) -> None:
        self.cues = _cues(data)

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        text = st.text
        st.statements, st.statement_markers = [], {}
        scores: list[float] = []
        main: list[bool] = []
        clauses = [c for c in st.clauses if c.argumentative]
        primary = _primary_brand(st)
        index = _SpanIndex(st)
        for clause in clauses:
            statement, score = self.classify(text, clause, st, index)
            if statement is None:
                continue
            if primary is not None:
                _credit_rivals(statement, primary)
            statement.id = f"s{len(st.statements) + 1}"
            if clause.marker is not None:
                st.statement_markers[statement.id] = clause.marker
            st.statements.append(statement)
            scores.append(score)
            main.append(clause.marker is None or clause.marker.function not in _SUBORDINATE)
        _mark_central(st.statements, scores, main)
        return doc

    def stance(self, text: str, start: int, end: int) -> float:
        lead = re.match(r"[\s\"'“‘]*", text[start:end])
        head = start + (lead.end() if lead else 0)
        score = 0.0
        for pattern, weight, initial in self.cues.stance:
            m = pattern.match(text, head, end) if initial else pattern.search(text, start, end)
            if m:
                score += weight
        return score

    def classify(self, text: str, clause: Clause, st: EnState, index: "_SpanIndex") -> tuple[Statement | None, float]:
        start, end = clause.start, clause.end
        if any(h.start <= start and end <= h.end for h in st.headings):
            return None, 0.0  # a heading announces a topic; it is neither claim nor evidence
        body = text[start:end]
        opens_sentence = start == st.sentences[clause.sentence].start
        question = body.rstrip("\"'”’)").endswith("?")
        rhetorical = question and self.cues.rhetorical is not None and bool(self.cues.rhetorical.match(body.lstrip("\"'“‘ ")))
        if question and not rhetorical and clause.marker is None:
            return None, 0.0  # a genuine question asks, it does not argue
        stance = self.stance(text, start, end)
        figures = index.figures(start, end)
        reported = bool(figures) or bool(_QUOTE.search(body)) or bool(self.cues.evidence and self.cues.evidence.search(body))
        function = clause.marker.function if clause.marker else None
        evidence = (reported and stance < _STRONG_STANCE) or function is MarkerFunction.EXAMPLE
        kinds = tuple(k for k, p in self.cues.kinds if p.search(body)) if evidence else ()
        refs = [h.ref for h in st.hits_in(start, end)]
        refs += index.derived(start, end)
        statement = Statement(
            id="",
            kind=StatementKind.EVIDENCE if evidence else StatementKind.CLAIM,
            text=body,
            start=start,
            end=end,
            sentence=clause.sentence,
            mentions=tuple(dict.fromkeys(refs + figures)),
            evidence_kinds=kinds,
            hedged=bool(self.cues.hedges and self.cues.hedges.search(body)),
            conditional=bool(_CONDITIONAL.search(body)),
            question=question,
        )
        return statement, self._central_score(stance, function, evidence, question, opens_sentence)

    @staticmethod
    def _central_score(stance: float, function: MarkerFunction | None, evidence: bool, question: bool,
                       opens_sentence: bool) -> float:
        score = stance
        if function is MarkerFunction.CONCLUSION and opens_sentence:
            score += W_CONCLUSION
        elif function is MarkerFunction.CONCLUSION:
            score -= PENALTY_SUBORDINATE  # "…, so …" draws a local consequence, not the article's point
        elif function is not None and function is not MarkerFunction.COUNTER:
            score -= PENALTY_SUBORDINATE
        if evidence:
            score -= PENALTY_EVIDENCE
        if question:
            score -= PENALTY_QUESTION
        return score


class _SpanIndex:
    """Figures and strategy/constraint cues by position, so that each clause finds its own by bisection."""

    def __init__(self, st: EnState) -> None:
        self._figures = sorted((f.start, f.end, f.id) for f in st.figures)
        self._derived = sorted((s, e, ref) for ref, spans in st.derived_hits.items() for s, e in spans)

    @staticmethod
    def _within(items: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
        lo = bisect_left(items, (start, -1, ""))
        hi = bisect_left(items, (end, -1, ""))
        return [ident for s, e, ident in items[lo:hi] if e <= end]

    def figures(self, start: int, end: int) -> list[str]:
        return self._within(self._figures, start, end)

    def derived(self, start: int, end: int) -> list[str]:
        return self._within(self._derived, start, end)


def _primary_brand(st: EnState) -> str | None:
    """The brand the article names most often (ties: the one named first)."""
    counts: dict[str, int] = {}
    for hit in st.hits:
        if hit.kind is EntityKind.BRAND:
            counts[hit.ref] = counts.get(hit.ref, 0) + 1
    return max(counts, key=lambda ref: counts[ref]) if counts else None


def _credit_rivals(statement: Statement, primary: str) -> None:
    """Value-driven evidence that names only other brands speaks of a rival's strength, not the main brand's."""
    brands = [ref for ref in statement.mentions if ref.startswith(f"{EntityKind.BRAND.path}/")]
    if not brands or primary in brands or not VALUE_DRIVEN & set(statement.evidence_kinds):
        return
    kept = [k for k in statement.evidence_kinds if k not in VALUE_DRIVEN]
    statement.evidence_kinds = tuple(dict.fromkeys([*kept, RIVAL_SUCCESS]))


def _mark_central(statements: list[Statement], scores: list[float], main: list[bool]) -> None:
    """One central claim: the best-scoring claim after bonuses for the first main clause and the last statement."""
    if not statements:
        return
    total = list(scores)
    total[next((i for i, m in enumerate(main) if m), 0)] += W_FIRST
    total[-1] += W_LAST
    candidates = [i for i, s in enumerate(statements) if s.kind is StatementKind.CLAIM] or list(range(len(statements)))
    best = max(candidates, key=lambda i: (total[i], -i))
    statements[best].central = True
    statements[best].kind = StatementKind.CLAIM
    statements[best].evidence_kinds = ()


@Language.factory("argmap_en_statements_v1", default_config={"data_dir": "", "lexicons": []})
def make_statements(nlp: Language, name: str, data_dir: str, lexicons: list[str]) -> StatementClassifier:
    ensure_extension()
    return StatementClassifier(load_for_component(data_dir, lexicons))
