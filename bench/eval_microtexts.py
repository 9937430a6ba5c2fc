"""Evaluate the English pipeline on the arg-microtexts part 2 gold argument graphs.

Reads the corpus from ../shared/corpus/arg-microtexts-part2 next to the repository (never copied into
it); prints, for the pipeline and, in the same run, the baseline that attaches every gold unit to the
next one with support:
  (a) central-claim accuracy: the statement marked central overlaps the gold central unit most;
  (b) precision, recall and F1 of labelled relations (source unit, target unit, support|attack).
Statements map to gold units by character overlap (the unit sharing most characters with the statement,
if it covers at least half of the statement). Gold: sup/exa/add -> support, reb/und -> attack; see
argmap/extractors/train/microtexts.py for how edges that point at other edges (und, add) are attached. Figures are given
for both attachments of undercutters (``source``: the attacked edge's source unit, the default and what
the models are trained on — the writer's answer attacks the objection it answers; ``target``: the attacked
edge's target unit).

Run: .venv/bin/python bench/eval_microtexts.py [--corpus DIR] [--show N]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from argmap.extractors.pipeline import PipelineCache, analyze_text  # noqa: E402
from argmap.extractors.train.microtexts import GoldText, UndercutAttachment, corpus_files, read_gold  # noqa: E402
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "arg-microtexts-part2" / "corpus"
MIN_COVER = 0.5


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, gold: set) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def unit_of(span: tuple[int, int], gold: GoldText) -> str | None:
    best, best_overlap = None, 0
    for uid, unit in gold.units.items():
        ov = sum(_overlap(span, s) for s in unit.spans)
        if ov > best_overlap:
            best, best_overlap = uid, ov
    if best is None or best_overlap < MIN_COVER * max(1, span[1] - span[0]):
        return None
    return best


def predicted(gold: GoldText, cache: PipelineCache) -> tuple[str | None, set[tuple[str, str, str]]]:
    analysis = analyze_text(gold.text, key=gold.id, lang="en", cache=cache)
    units = {s.id: unit_of((s.start, s.end), gold) for s in analysis.statements}
    central = next((units[s.id] for s in analysis.statements if s.central), None)
    relations = set()
    for rel in analysis.relations:
        src, trg = units.get(rel.source), units.get(rel.target)
        if src and trg and src != trg:
            relations.add((src, trg, "support" if rel.kind.value == "supports" else "attack"))
    return central, relations


def baseline(gold: GoldText) -> tuple[str | None, set[tuple[str, str, str]]]:
    order = sorted((u for u in gold.units.values() if u.spans), key=lambda u: u.spans[0])
    relations = {(a.id, b.id, "support") for a, b in zip(order, order[1:])}
    return (order[0].id if order else None), relations


def first_unit_baseline(gold: GoldText) -> set[tuple[str, str, str]]:
    """A stronger reference than the required one: every later unit supports the first unit."""
    order = sorted((u for u in gold.units.values() if u.spans), key=lambda u: u.spans[0])
    return {(u.id, order[0].id, "support") for u in order[1:]}


def corpus_arguments(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace | None:
    """``--corpus`` added to ``parser`` and the arguments read; None (after saying so) when the corpus is not
    there — the benches on these graphs skip cleanly without ../shared."""
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: the microtexts corpus is not at {args.corpus} (expected ../shared next to the repo)")
        return None
    return args


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print the first N texts with predictions")
    args = corpus_arguments(parser, argv)
    if args is None:
        return 0
    sys.path.insert(0, str(REPO))
    cache = PipelineCache()  # one English pipeline for every text
    files = corpus_files(args.corpus)
    for mode in UndercutAttachment:
        ours, base = Counts(), Counts()
        ours_unlabelled, base_unlabelled = Counts(), Counts()
        first = Counts()
        central_ok = base_central_ok = 0
        for n, path in enumerate(files):
            gold = read_gold(path, undercut=mode)
            central, rels = predicted(gold, cache)
            b_central, b_rels = baseline(gold)
            central_ok += central == gold.central
            base_central_ok += b_central == gold.central
            ours.add(rels, gold.relations)
            base.add(b_rels, gold.relations)
            first.add(first_unit_baseline(gold), gold.relations)
            ours_unlabelled.add({r[:2] for r in rels}, {r[:2] for r in gold.relations})
            base_unlabelled.add({r[:2] for r in b_rels}, {r[:2] for r in gold.relations})
            if mode is UndercutAttachment.SOURCE and n < args.show:
                print(gold.id, "central gold", gold.central, "ours", central)
                print("  gold", sorted(gold.relations))
                print("  ours", sorted(rels))
        total = len(files)
        print(f"undercut attachment: {mode.value}  ({total} texts)")
        print(f"  central-claim accuracy  argmap {central_ok / total:.3f}   first-unit baseline {base_central_ok / total:.3f}")
        for name, ours_c, base_c in (("labelled", ours, base), ("unlabelled", ours_unlabelled, base_unlabelled)):
            p, r, f = ours_c.prf()
            bp, br, bf = base_c.prf()
            print(f"  relations {name:10s}  argmap P {p:.3f} R {r:.3f} F1 {f:.3f}   next-unit baseline P {bp:.3f} R {br:.3f} F1 {bf:.3f}")
        fp, fr, ff = first.prf()
        print(f"  (reference: every unit supports the first unit, labelled P {fp:.3f} R {fr:.3f} F1 {ff:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
