"""Article size: do the time and memory of one ingest (extraction, then the store write) and one reasoner run
grow linearly with the article, up to the 5 MB limit?

Builds one article per size (UTF-8 bytes, as the article limit counts them) by repeating the bundled demo
article, each copy its own paragraphs. Each phase runs in a child process of its own, so that its peak memory
(ru_maxrss) is its own: ``extract`` reads and analyses the file (what ``argmap ingest`` does before writing) and
saves the analysis; ``store`` loads that analysis and writes it into a fresh store (mapping to RDF + the write);
``reason`` is ``argmap reason`` on that store. The baseline is the smallest size measured in the same run: the
ratios are seconds per byte as a ratio to it (1.0 = linear).

An article the extractors refuse (past the document layer's 5 MB limit, the one limit of both languages) still gets
its store phase measured, on a synthetic analysis (argmap.graph.synthetic) with as many statements per byte as
the largest article extracted in the same run; its row is marked ``*``.

    python bench/article_size.py              # 50 KB, 200 KB, 1 MB
    python bench/article_size.py --full       # … and 5 MB, the largest article accepted (minutes, GBs)
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from argmap.documents import MAX_ARTICLE_BYTES  # noqa: E402

SAMPLE = REPO / "argmap" / "samples" / "xiaomi-premiumization.zh.txt"
SIZES = [50_000, 200_000, 1_000_000]
PHASES = ("extract", "store", "reason")


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    peak_mb: float
    code: int


def child(args: list[str]) -> Run:
    """Run a child Python process: its wall time, its peak resident memory, its exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        sys.stderr.write(f"exit {proc.returncode}: {last[0][:300]}\n")
    return Run(time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode)


def article(size: int) -> str:
    """Copies of the demo article, at most ``size`` UTF-8 bytes."""
    text = SAMPLE.read_text(encoding="utf-8").strip()
    copies = max(1, size // (len(text.encode("utf-8")) + 2))
    return "\n\n".join([text] * copies)


def extract_phase(source: str, out: str) -> None:
    from argmap.extractors import Lang
    from argmap.ingestion import _analyze, read_source

    doc = read_source(source)
    Path(out).write_bytes(pickle.dumps(_analyze(doc, Lang.AUTO, ())))


def store_phase(analysis_file: str, store_path: str) -> None:
    from argmap.graph.store import open_store
    from argmap.ingestion import store_analysis

    analysis = pickle.loads(Path(analysis_file).read_bytes())  # this benchmark's own file
    with open_store(store_path) as store:
        store_analysis(store, analysis)


def synthetic_stand_in(statements: int, out: Path) -> None:
    """A synthetic analysis with ``statements`` statements (a third claims), for an article not extracted."""
    from argmap.graph.synthetic import synthetic_analysis

    out.write_bytes(pickle.dumps(synthetic_analysis(0, claims=statements // 3, evidence=statements - statements // 3)))


def statements_in(analysis_file: Path) -> int:
    return len(pickle.loads(analysis_file.read_bytes()).statements)


@dataclass
class Density:
    """Statements per byte of the largest article extracted so far in this run."""

    per_byte: float = 0.0


def measure(size: int, tmp: Path, density: Density) -> tuple[int, dict[str, Run], bool]:
    path = tmp / f"size-{size}.txt"
    path.write_text(article(size), encoding="utf-8")
    analysis, store = tmp / f"analysis-{size}.pickle", tmp / f"store-{size}"
    me = str(Path(__file__).resolve())
    runs = {"extract": child([me, "--phase", "extract", str(path), str(analysis)])}
    stand_in = runs["extract"].code != 0 and density.per_byte > 0
    if stand_in:
        synthetic_stand_in(round(density.per_byte * path.stat().st_size), analysis)
    elif runs["extract"].code == 0:
        density.per_byte = statements_in(analysis) / path.stat().st_size
    runs["store"] = child([me, "--phase", "store", str(analysis), str(store)])
    runs["reason"] = child(["-m", "argmap.cli", "reason", "--store", str(store)])
    return path.stat().st_size, runs, stand_in


def report(rows: list[tuple[int, dict[str, Run], bool]]) -> None:
    base_bytes, base, _ = rows[0]
    print(f"baseline: the {base_bytes:,}-byte article measured in this run; ratios are seconds per byte (1.0 = linear)")
    print(f"{'bytes':>11} " + " ".join(f"{p + ' s':>10} {'MB':>6} {'ratio':>5}" for p in PHASES) + "  exit")
    for size, runs, stand_in in rows:
        cells = [f"{runs[p].seconds:>10.1f} {runs[p].peak_mb:>6.0f} "
                 f"{(runs[p].seconds / size) / (base[p].seconds / base_bytes):>5.2f}" for p in PHASES]
        mark = "*" if stand_in else " "
        print(f"{size:>10,}{mark} " + " ".join(cells) + "  " + "/".join(str(runs[p].code) for p in PHASES))
    if any(stand_in for *_, stand_in in rows):
        print("* not extracted (exit code of extract): store and reason measured on a synthetic analysis "
              "with the statements per byte of the largest article extracted")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also measure 5 MB (the largest article accepted)")
    parser.add_argument("--phase", nargs=3, metavar=("PHASE", "IN", "OUT"), help=argparse.SUPPRESS)  # a child's job
    args = parser.parse_args(argv)
    if args.phase:
        phase, source, target = args.phase
        (extract_phase if phase == "extract" else store_phase)(source, target)
        return 0
    sizes = SIZES + ([MAX_ARTICLE_BYTES - 1024] if args.full else [])
    density = Density()
    with tempfile.TemporaryDirectory(prefix="argmap-size-") as tmp:
        rows = [measure(size, Path(tmp), density) for size in sizes]
    report(rows)
    return 0 if all(code == 0 for _, runs, stand_in in rows for p, run in runs.items()
                    for code in [0 if stand_in and p == "extract" else run.code]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
