"""Article size: do the time and memory of one ingest (extraction + store) and one reasoner run grow linearly
with the article, up to the 5 MB limit?

Builds one article per size by repeating the bundled demo article (each copy its own paragraphs), ingests it
into a fresh store in a child process (``argmap ingest --no-reason``), then runs ``argmap reason`` there, and
reports wall time and the child's peak memory (ru_maxrss). The baseline is the smallest size measured in the
same run: the figures are seconds and megabytes per 100,000 characters as a ratio to it (1.0 = linear).

    python bench/article_size.py              # 50 KB, 200 KB, 1 MB
    python bench/article_size.py --full       # … and 5 MB (minutes, several GB)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "argmap" / "samples" / "xiaomi-premiumization.zh.txt"


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    peak_mb: float
    code: int


def child(args: list[str]) -> Run:
    """Run ``argmap`` in a child process: its wall time, its peak resident memory, its exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "argmap.cli", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=REPO)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode)


def article(chars: int) -> str:
    text = SAMPLE.read_text(encoding="utf-8").strip()
    copies = max(1, chars // (len(text) + 2))
    return "\n\n".join([text] * copies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also measure 5 MB")
    args = parser.parse_args(argv)
    sizes = [50_000, 200_000, 1_000_000] + ([5_000_000] if args.full else [])
    rows = []
    with tempfile.TemporaryDirectory(prefix="argmap-size-") as tmp:
        for size in sizes:
            path = Path(tmp) / f"size-{size}.txt"
            text = article(size)
            path.write_text(text, encoding="utf-8")
            store = str(Path(tmp) / f"store-{size}")
            ingest = child(["ingest", "--no-reason", "--store", store, str(path)])
            reason = child(["reason", "--store", store])
            rows.append((len(text), ingest, reason))
    base_chars, base_ingest, base_reason = rows[0]

    def per(value: float, chars: int, base_value: float) -> float:
        return (value / chars) / (base_value / base_chars)

    print(f"baseline: the {base_chars:,}-character article measured in this run; ratios are per character (1.0 = linear)")
    print(f"{'chars':>10} {'ingest s':>9} {'MB':>7} {'ratio s':>8} {'reason s':>9} {'MB':>7} {'ratio s':>8}  exit")
    for chars, ingest, reason in rows:
        print(f"{chars:>10,} {ingest.seconds:>9.1f} {ingest.peak_mb:>7.0f} {per(ingest.seconds, chars, base_ingest.seconds):>8.2f} "
              f"{reason.seconds:>9.1f} {reason.peak_mb:>7.0f} {per(reason.seconds, chars, base_reason.seconds):>8.2f}  "
              f"{ingest.code}/{reason.code}")
    return 0 if all(i.code == 0 and r.code == 0 for _, i, r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
