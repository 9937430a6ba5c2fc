"""Extraction on pathological inputs, as a ratio to an ordinary article's speed (same language, same run).

Cases (each about as long as ``--scale`` says): one sentence of thousands of numbers (Chinese and English), one long
line without punctuation, thousands of identical sentences. An extraction whose cost grows faster than its input
shows here as a ratio far below 1; the target is at least ``TARGET`` of the ordinary article's characters per second.

Run: ``.venv/bin/python bench/pathological.py [--scale 4000]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET = 0.1  # a tenth of ordinary speed: slower inputs, but never a cost that grows with the square of their size


def cases(n: int) -> dict[str, tuple[str, str]]:
    return {
        "numbers in one sentence (zh)": ("zh", "小米" + "、".join(f"{i}元" for i in range(n)) + "。"),
        "numbers in one sentence (en)": ("en", "Xiaomi " + " and ".join(f"${i}m" for i in range(n)) + "."),
        "one line, no punctuation (zh)": ("zh", "小米手机高端化价格" * (5 * n)),
        "identical sentences (zh)": ("zh", "小米高端化仍停留在价格层面。" * n),
    }


def rate(text: str, lang: str) -> float:
    from argmap.extractors.pipeline import run_pipeline

    started = time.perf_counter()
    run_pipeline(text, key="bench", lang=lang)
    return len(text) / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=4000, help="numbers / sentences per case")
    args = parser.parse_args(argv)
    from argmap.samples import DEMO_ARTICLE

    ordinary = {"zh": DEMO_ARTICLE.read_text(encoding="utf-8"),
                "en": (ROOT / "tests" / "extractors" / "articles_en" / "coffee-luckin-starbucks.en.txt").read_text(encoding="utf-8")}
    base: dict[str, float] = {}
    for lang, text in ordinary.items():
        rate(text, lang)  # warm-up: pipelines built, models loaded
        base[lang] = rate(text, lang)
        print(f"baseline ({lang}): an ordinary article, {len(text):,} characters, {base[lang]:,.0f} chars/s")
    worst = float("inf")
    for name, (lang, text) in cases(args.scale).items():
        r = rate(text, lang)
        worst = min(worst, r / base[lang])
        print(f"{name:<32} {len(text):>9,} chars {r:>12,.0f} chars/s {r / base[lang]:6.2f} of baseline")
    print(f"target: every case >= {TARGET} of baseline -> {'met' if worst >= TARGET else 'NOT met'} ({worst:.2f})")
    return 0 if worst >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
