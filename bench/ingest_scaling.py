"""Ingest scaling: does the cost per article stay flat as the store grows?

Ingests a generated corpus article by article into a fresh on-disk store and reports the time
per article at the 1st, 100th and 1,000th article (each as the median of a window of 10
articles around it, plus the single article), split into extraction and the store path
(mapping to RDF + one transaction). The baseline is the first window; the target is that the
1,000th-article window costs at most 1.5x the first.

Articles are real text run through the real extractors: the bundled demo article's sentences
reshuffled and re-branded per article, so every article differs (its own entities, figures,
claims). ``--synthetic`` measures the store path alone with synthetic ArticleAnalysis objects.

    python bench/ingest_scaling.py            # 1,000 articles
    python bench/ingest_scaling.py --quick    # 150 articles (windows at 1, 100, 150)
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.extractors import ArticleAnalysis, Lang, analyze  # noqa: E402
from argmap.graph.store import open_store  # noqa: E402
from argmap.graph.synthetic import synthetic_analysis  # noqa: E402
from argmap.ingestion import store_analysis  # noqa: E402
from argmap.samples import DEMO_ARTICLE  # noqa: E402

WINDOW = 10
TARGET_RATIO = 1.5
BRAND_SWAPS = [("小米", "华为"), ("小米", "荣耀"), ("小米", "OPPO"), ("小米", "vivo"), ("小米", "联想"), ("小米", "小米")]


@dataclass(frozen=True, slots=True)
class Timing:
    extract: float
    store: float
    triples: int

    @property
    def total(self) -> float:
        return self.extract + self.store


def varied_text(index: int, sentences: list[str]) -> str:
    """The demo article's sentences, shuffled, re-branded and numbered: a different article each time."""
    rng = random.Random(index)
    chosen = sentences[:]
    rng.shuffle(chosen)
    keep = chosen[: max(8, int(len(chosen) * rng.uniform(0.6, 1.0)))]
    old, new = BRAND_SWAPS[index % len(BRAND_SWAPS)]
    body = "".join(keep).replace(old, new)
    return f"第{index}篇：{new}的高端化观察。" + re.sub(r"\d+", lambda m: str(int(m.group()) + index % 7), body)


def split_sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？\n]+[。！？]?", text) if s.strip()]


def run(count: int, *, synthetic: bool, store_dir: Path) -> list[Timing]:
    sentences = split_sentences(DEMO_ARTICLE.read_text(encoding="utf-8"))
    if not synthetic:
        analyze(varied_text(-1, sentences), key="warm-up", lang=Lang.ZH)  # loads jieba and the pipeline once
    st = open_store(store_dir)
    timings: list[Timing] = []
    try:
        for i in range(count):
            t0 = time.perf_counter()
            analysis: ArticleAnalysis = (synthetic_analysis(i) if synthetic
                                         else analyze(varied_text(i, sentences), key=f"bench-{i:05d}", lang=Lang.ZH))
            t1 = time.perf_counter()
            store_analysis(st, analysis)
            t2 = time.perf_counter()
            timings.append(Timing(t1 - t0, t2 - t1, 0))
    finally:
        st.close()
    return timings


def window(timings: list[Timing], nth: int, attr: str) -> float:
    """Median over the WINDOW articles ending at the nth (1-based), or starting at it for the first."""
    lo = max(0, nth - WINDOW) if nth > WINDOW else 0
    hi = lo + WINDOW
    return statistics.median(getattr(t, attr) for t in timings[lo:hi])


def report(timings: list[Timing], marks: list[int], mode: str) -> bool:
    print(f"\nmode: {mode}; {len(timings)} articles; per-article times in ms (median of {WINDOW} | that article)")
    print(f"{'article':>8} {'extract':>16} {'store path':>16} {'total':>16}")
    for nth in marks:
        t = timings[nth - 1]
        cells = [f"{window(timings, nth, a) * 1000:7.1f} | {getattr(t, a) * 1000:6.1f}" for a in ("extract", "store", "total")]
        print(f"{nth:>8} " + " ".join(f"{c:>16}" for c in cells))
    ok = True
    for attr, label in (("store", "store path"), ("total", "total")):
        base = window(timings, marks[0], attr)
        last = window(timings, marks[-1], attr)
        ratio = last / base if base else float("inf")
        verdict = "ok" if ratio <= TARGET_RATIO else "ABOVE TARGET"
        print(f"{label}: article {marks[-1]} / article {marks[0]} (baseline) = {ratio:.2f}  (target <= {TARGET_RATIO}) {verdict}")
        ok &= ratio <= TARGET_RATIO
    total = sum(t.total for t in timings)
    print(f"whole run: {total:.1f} s, {len(timings) / total:.1f} articles/s")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="150 articles instead of 1,000")
    parser.add_argument("--synthetic", action="store_true", help="store path only: synthetic analyses, no extraction")
    parser.add_argument("--articles", type=int, default=None, help="how many articles (default 1,000; 150 with --quick)")
    args = parser.parse_args(argv)
    count = args.articles or (150 if args.quick else 1000)
    marks = sorted({1, min(100, count), count})
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as tmp:
        timings = run(count, synthetic=args.synthetic, store_dir=Path(tmp) / "store")
    mode = "store path only (synthetic analyses)" if args.synthetic else "real extraction of generated articles + store"
    return 0 if report(timings, marks, mode) else 1


if __name__ == "__main__":
    sys.exit(main())
