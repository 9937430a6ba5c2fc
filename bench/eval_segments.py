"""How well the English statements cut sentences into argumentative units, against arg-microtexts part 2.

The corpus's argumentative discourse units (ADUs) are the segments its annotators argued with. A boundary is
where a unit starts inside the text (the first unit excluded); argmap's boundaries are where its statements start
(each sentence start included). A predicted boundary counts when a gold one lies within ``TOLERANCE``
characters (the space and punctuation between two segments). Printed: precision, recall and F1 of all
boundaries, then of the boundaries inside a sentence alone (the clause splitter's share), and in the same run the
baseline that cuts at sentence ends only; then the intra-sentence splits by the word the second piece opens with,
right and wrong (which rules earn their keep).

Reads the corpus from ../shared/corpus/arg-microtexts-part2 next to the repository (never copied into it).

Run: .venv/bin/python bench/eval_segments.py [--corpus DIR] [--words N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
from argmap.extractors.train.microtexts import GoldText, corpus_files, read_gold  # noqa: E402
from eval_microtexts import corpus_arguments  # noqa: E402  (the same --corpus, skipped without ../shared)

TOLERANCE = 3  # characters between a predicted and a gold boundary that still count as the same cut
_FIRST_WORD = re.compile(r"[\s,;:\"“]*([A-Za-z']+)")


@dataclass(slots=True)
class Boundaries:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[int], gold: set[int]) -> None:
        hit = {p for p in predicted if _near(p, gold)}
        self.tp += len(hit)
        self.fp += len(predicted) - len(hit)
        self.fn += sum(1 for g in gold if not _near(g, predicted))

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _near(position: int, others: set[int]) -> bool:
    return any(abs(position - o) <= TOLERANCE for o in others)


def gold_boundaries(gold: GoldText) -> set[int]:
    starts = {start for unit in gold.units.values() for start, _ in unit.spans}
    return starts - {min(starts, default=0)}


def first_word(text: str, position: int) -> str:
    found = _FIRST_WORD.match(text, position)
    return found.group(1).lower() if found else "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=12, help="opening words to list for the intra-sentence splits")
    args = corpus_arguments(parser, argv)
    if args is None:
        return 0
    from argmap.extractors.pipeline import PipelineCache, analyze_text

    cache = PipelineCache()  # one English pipeline for every text
    ours, inside, sentences = Boundaries(), Boundaries(), Boundaries()
    right, wrong = Counter(), Counter()
    files = corpus_files(args.corpus)
    for path in files:
        gold = read_gold(path)
        analysis = analyze_text(gold.text, key=gold.id, lang="en", cache=cache)
        wanted = gold_boundaries(gold)
        first = min((s.start for s in analysis.sentences), default=0)
        sentence_starts = {s.start for s in analysis.sentences} - {first}
        splits = {s.start for s in analysis.statements} - sentence_starts - {first}
        ours.add(splits | sentence_starts, wanted)
        sentences.add(sentence_starts, wanted)
        # the splitter's own share: gold boundaries inside a sentence, against its splits
        inside.add(splits, {g for g in wanted if not _near(g, sentence_starts)})
        for cut in splits:
            (right if _near(cut, wanted) else wrong)[first_word(gold.text, cut)] += 1
    print(f"segment boundaries against the gold units of {len(files)} texts (within {TOLERANCE} characters)")
    for name, counts in (("argmap", ours), ("sentence ends only (baseline)", sentences),
                         ("argmap, inside sentences", inside)):
        p, r, f = counts.prf()
        print(f"  {name:32s} P {p:.3f} R {r:.3f} F1 {f:.3f}   ({counts.tp} right, {counts.fp} wrong, {counts.fn} missed)")
    words = sorted(set(right) | set(wrong), key=lambda w: -(right[w] + wrong[w]))[:args.words]
    print("  splits inside a sentence by the word the second piece opens with (right/wrong): "
          + ", ".join(f"{w} {right[w]}/{wrong[w]}" for w in words))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
