"""Quality of the Chinese extractor against the hand-made gold annotation of the demo article.

Prints precision, recall and F1 per category: entities, figures, claims, evidence, relations.

Matching rules:
- entities: same ref and kind (``brand/xiaomi`` Brand).
- figures: spans overlap, same value (as a decimal) and same unit.
- claims / evidence: same kind and spans that overlap by at least half of the gold span *and*
  half of the predicted span (so a clause of a sentence counts when it is most of it);
  one-to-one, largest overlap first.
- relations: same kind, and source and target align with the gold source and target
  (alignment by the same overlap rule, whatever kind each statement was given).

Run: ``.venv/bin/python bench/eval_zh.py [--gold bench/gold/xiaomi-premiumization.zh.json]``
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from argmap.extractors.model import ArticleAnalysis  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "xiaomi-premiumization.zh.json"
# claims, evidence and relations were annotated for the argument stage before issue 12: evidence linked straight to
# the central claim, and every position a claim (42 of about 60 statements). The shared argument stage attaches
# evidence to the claim it grounds and, by its side, to a thesis about the strategy, and keeps about 2·√n claims
# (the development gold's 5–9 key claims per article; config claim_root) and keeps the others as evidence, so claims
# recall and evidence precision against this annotation are bounded by that budget. It links each statement once,
# so the second claim a long article's evidence may ground (relations.second_links) counts against relations
# precision (F1 0.300 -> 0.278 with those edges alone; 0.308 after the refit that followed). These floors guard
# against regressions from the stage's level, not that annotation's.
FLOORS = {"entities": 0.9, "claims": 0.5, "evidence": 0.5, "relations": 0.3}
MIN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(path: Path = GOLD) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _share(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The smaller of the two coverage ratios of the overlap of spans a and b."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= 0:
        return 0.0
    return min(overlap / (a[1] - a[0]), overlap / (b[1] - b[0]))


def align(pred: Iterable[tuple[str, tuple[int, int]]], gold: Iterable[tuple[str, tuple[int, int]]]) -> dict[str, str]:
    """One-to-one alignment of predicted to gold spans (ids), largest mutual share first."""
    pairs = sorted(((_share(ps, gs), pid, gid) for pid, ps in pred for gid, gs in gold), reverse=True)
    out: dict[str, str] = {}
    used: set[str] = set()
    for share, pid, gid in pairs:
        if share < MIN_SHARE:
            break
        if pid not in out and gid not in used:
            out[pid] = gid
            used.add(gid)
    return out


def evaluate(analysis: ArticleAnalysis, gold: dict[str, Any]) -> dict[str, Score]:
    scores = {"entities": _entities(analysis, gold), "figures": _figures(analysis, gold)}
    for name, kind in (("claims", "Claim"), ("evidence", "Evidence")):
        pred = [(s.id, (s.start, s.end)) for s in analysis.statements if s.kind.value == kind]
        gspans = [(g["id"], (g["start"], g["end"])) for g in gold["statements"] if g["kind"] == kind]
        tp = len(align(pred, gspans))
        scores[name] = Score(tp, len(pred) - tp, len(gspans) - tp)
    scores["relations"] = _relations(analysis, gold)
    return scores


def _entities(analysis: ArticleAnalysis, gold: dict[str, Any]) -> Score:
    pred = {(e.ref, e.kind.value) for e in analysis.entities}
    want = {(g["ref"], g["kind"]) for g in gold["entities"]}
    return Score(len(pred & want), len(pred - want), len(want - pred))


def _figures(analysis: ArticleAnalysis, gold: dict[str, Any]) -> Score:
    used: set[int] = set()
    tp = 0
    for f in analysis.figures:
        for i, g in enumerate(gold["figures"]):
            if i in used or f.unit != g["unit"] or f.value != Decimal(g["value"]):
                continue
            if min(f.end, g["end"]) > max(f.start, g["start"]):
                used.add(i)
                tp += 1
                break
    return Score(tp, len(analysis.figures) - tp, len(gold["figures"]) - tp)


def _relations(analysis: ArticleAnalysis, gold: dict[str, Any]) -> Score:
    mapping = align([(s.id, (s.start, s.end)) for s in analysis.statements],
                    [(g["id"], (g["start"], g["end"])) for g in gold["statements"]])
    want = {(g["source"], g["target"], g["kind"]) for g in gold["relations"]}
    got = {(mapping.get(r.source), mapping.get(r.target), r.kind.value) for r in analysis.relations}
    tp = len(got & want)
    return Score(tp, len(analysis.relations) - tp, len(want) - tp)


def central_correct(analysis: ArticleAnalysis, gold: dict[str, Any]) -> bool:
    central = [g for g in gold["statements"] if g.get("central")]
    mine = [s for s in analysis.statements if s.central]
    mapping = align([(s.id, (s.start, s.end)) for s in mine], [(g["id"], (g["start"], g["end"])) for g in central])
    return len(mapping) == len(central) == len(mine)


def run(gold_path: Path = GOLD) -> tuple[ArticleAnalysis, dict[str, Score]]:
    from argmap.extractors import Lang, analyze

    gold = load_gold(gold_path)
    content = (ROOT / gold["article"]).read_text(encoding="utf-8")
    analysis = analyze(content, key="gold", lang=Lang.ZH)
    return analysis, evaluate(analysis, gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args(argv)
    analysis, scores = run(args.gold)
    print(f"{'category':<10} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn   floor")
    failed = False
    for name, s in scores.items():
        floor = FLOORS.get(name)
        mark = "" if floor is None else (f">= {floor:.2f} ok" if s.f1 >= floor else f">= {floor:.2f} BELOW")
        failed |= floor is not None and s.f1 < floor
        print(f"{name:<10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4d}{s.fp:4d}{s.fn:4d}   {mark}")
    print(f"central claim found: {central_correct(analysis, load_gold(args.gold))}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
