"""Chinese extraction throughput, as a ratio to bare ``jieba.lcut`` on the same text in the same run.

The corpus is generated: the paragraphs of the demo article and of the Chinese test articles,
shuffled (fixed seed) into articles of about the demo's length until it reaches ``--mb`` megabytes
of UTF-8. Three passes over the same articles, each timed on its own and repeated ``--repeat``
times in turn (the best time of each pass counts, which keeps other load on the machine out):

- baseline: ``jieba.lcut`` (the process-wide jieba, dictionary loaded before timing);
- tokenizer: the pipeline's spaCy tokenizer alone (``nlp.make_doc``: rjieba segmentation into a Doc);
- extraction: the full ``run_pipeline`` (cleaning, sentences, entities, figures, strategies,
  statements, relations, ArticleAnalysis).

Run: ``.venv/bin/python bench/extract_speed.py [--mb 3] [--seed 7] [--repeat 3]``. Target: extraction >= 0.5 of jieba.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SOURCES = [
    ROOT / "argmap" / "samples" / "xiaomi-premiumization.zh.txt",
    *sorted((ROOT / "tests" / "extractors" / "articles").glob("*.zh.*")),
]
TARGET = 0.5


def make_corpus(megabytes: float, seed: int = 7) -> list[str]:
    """Articles of shuffled real paragraphs, about ``megabytes`` MB of UTF-8 in total."""
    paragraphs = [p for src in SOURCES if src.is_file() for p in src.read_text(encoding="utf-8").splitlines() if p.strip()]
    rng = random.Random(seed)
    article_len = len(SOURCES[0].read_text(encoding="utf-8"))
    budget, articles, current, size = int(megabytes * 1_000_000), [], [], 0
    while size < budget:
        para = rng.choice(paragraphs)
        current.append(para)
        if sum(len(p) for p in current) >= article_len:
            text = "\n".join(current) + "\n"
            articles.append(text)
            size += len(text.encode("utf-8"))
            current = []
    return articles


def timed(fn: Callable[[str], object], articles: Sequence[str]) -> float:
    start = time.perf_counter()
    for text in articles:
        fn(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="corpus size in megabytes of UTF-8")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best time of each pass counts")
    args = parser.parse_args(argv)

    import jieba

    from argmap.extractors.pipeline import PipelineCache, run_pipeline

    articles = make_corpus(args.mb, args.seed)
    chars = sum(len(a) for a in articles)
    jieba.setLogLevel(60)
    jieba.initialize()
    cache = PipelineCache()
    nlp = cache.get("zh")
    run_pipeline(articles[0], key="warm-up", lang="zh", cache=cache)

    base, tok, full = float("inf"), float("inf"), float("inf")
    for _ in range(max(1, args.repeat)):
        base = min(base, timed(jieba.lcut, articles))
        tok = min(tok, timed(nlp.make_doc, articles))
        full = min(full, timed(lambda t: run_pipeline(t, key="bench", lang="zh", cache=cache), articles))

    mb = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    print(f"corpus: {len(articles)} articles, {chars:,} characters, {mb:.2f} MB")
    print(f"{'pass':<22} {'seconds':>8} {'chars/s':>12} {'ratio to jieba':>15}")
    for name, secs in (("jieba.lcut (baseline)", base), ("pipeline tokenizer", tok), ("full zh extraction", full)):
        print(f"{name:<22} {secs:8.2f} {chars / secs:12,.0f} {base / secs:15.2f}")
    ratio = base / full
    print(f"target: full extraction >= {TARGET} of bare jieba -> {'met' if ratio >= TARGET else 'NOT met'} ({ratio:.2f})")
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
