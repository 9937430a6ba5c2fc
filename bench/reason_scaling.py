"""Reasoner scaling: a full run over 100, 1,000 and 10,000 articles, and the run after adding one article.

Articles are real extractions: ``--seeds`` variants of the bundled demo article (its sentences reshuffled,
re-branded among six phone brands and renumbered, as in ingest_scaling.py) run through the real extractors
once, then stored under as many keys as the size asks (each copy its own article graph, statements and
IRIs). Each size gets a fresh on-disk store. For each size the bench prints

* the full run (``run_reasoner(store, full=True)``), per phase, and its time per article;
* the incremental run after one new article (a new variant, extracted and stored as ``argmap ingest`` does),
  per phase; it must re-evaluate that one article only and take at most ``--budget`` seconds (2 s);
* ratios against the smallest size measured in the same run (the baseline): time ratio / size ratio near 1
  means linear growth; for the incremental run, the ratio of its time to the baseline's.

With ``--check`` (default on up to 1,000 articles) the incremental result is compared with a full run of the
same store: the same verdicts, statuses and strengths.

    python bench/reason_scaling.py                       # 100, 1,000 and 10,000 articles
    python bench/reason_scaling.py --sizes 100,1000      # what fits in a few minutes
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest_scaling import split_sentences, varied_text  # noqa: E402

from argmap.extractors import ArticleAnalysis, Lang, analyze  # noqa: E402
from argmap.graph.iri import article_iri  # noqa: E402
from argmap.graph.mapping import article_triples  # noqa: E402
from argmap.graph.results import SelectResult  # noqa: E402
from argmap.graph.store import Store, ensure_ontology, open_store  # noqa: E402
from argmap.ingestion import store_analysis  # noqa: E402
from argmap.reasoner import run_reasoner  # noqa: E402
from argmap.reasoner.plan import Mode  # noqa: E402
from argmap.reasoner.stored import read_verdicts  # noqa: E402
from argmap.samples import DEMO_ARTICLE  # noqa: E402

BATCH = 200  # article graphs per load transaction
NEW_ARTICLE = 1_000_003  # the variant added to each store: never among the seeds


def make_seeds(count: int) -> list[ArticleAnalysis]:
    sentences = split_sentences(DEMO_ARTICLE.read_text(encoding="utf-8"))
    return [analyze(varied_text(i, sentences), key=f"seed-{i:03d}", lang=Lang.ZH) for i in range(count)]


def fill(store: Store, seeds: list[ArticleAnalysis], size: int) -> None:
    ensure_ontology(store)
    batch: dict[str, list] = {}
    for i in range(size):
        copy = replace(seeds[i % len(seeds)], key=f"bench-{i:05d}")
        batch[str(article_iri(copy.key))] = article_triples(copy)
        if len(batch) == BATCH:
            store.replace_graphs(batch)
            batch = {}
    if batch:
        store.replace_graphs(batch)


def snapshot(store: Store) -> tuple[list, list]:
    """What a reader sees: every verdict, and every statement's status and strength."""
    verdicts = [(v.strategy, v.classes, v.rule, v.price_weight, v.value_weight, v.price_count, v.value_count)
                for v in read_verdicts(store)]
    res = store.query('SELECT ?s ?st ?x WHERE { GRAPH ?g { ?s am:status ?st OPTIONAL { ?s am:strength ?x } } '
                      'FILTER (STRSTARTS(STR(?g), "https://w3id.org/argmap/id/graph/reasoner")) } ORDER BY ?s')
    rows = [tuple(t.value if t is not None else None for t in r) for r in res.rows] if isinstance(res, SelectResult) else []
    return verdicts, rows


def measure(size: int, seeds: list[ArticleAnalysis], new: ArticleAnalysis, *, check: bool, tmp: Path) -> dict:
    store = open_store(tmp / f"store-{size}")
    try:
        t0 = time.perf_counter()
        fill(store, seeds, size)
        load = time.perf_counter() - t0
        t0 = time.perf_counter()
        full = run_reasoner(store, full=True)
        full_total = time.perf_counter() - t0
        store_analysis(store, new)
        t0 = time.perf_counter()
        inc = run_reasoner(store)
        inc_total = time.perf_counter() - t0
        assert inc.mode is Mode.INCREMENTAL, inc.mode
        same = None
        if check:
            after_inc = snapshot(store)
            run_reasoner(store, full=True)
            same = after_inc == snapshot(store)
        return {"size": size, "load": load, "full": full_total, "full_phases": full.timings, "inc": inc_total,
                "inc_phases": inc.timings, "inc_articles": inc.evaluated_inputs, "inc_verdicts": len(inc.strategies),
                "verdicts": len(full.verdicts), "same": same}
    finally:
        store.close()


def phases(timings: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in timings.items() if v >= 0.005)


def report(rows: list[dict], budget: float) -> bool:
    base = rows[0]
    ok = True
    print(f"\nbaseline: {base['size']} articles (the smallest size of this run)")
    for r in rows:
        size_ratio = r["size"] / base["size"]
        full_ratio = r["full"] / base["full"]
        hermit = r["full_phases"].get("HermiT", 0.0)
        no_jvm = (r["full"] - hermit) / max(base["full"] - base["full_phases"].get("HermiT", 0.0), 1e-9)
        print(f"\n{r['size']:>6} articles (stored in {r['load']:.1f} s), {r['verdicts']} brand verdicts")
        print(f"  full run        {r['full']:7.2f} s = {1000 * r['full'] / r['size']:.2f} ms/article; "
              f"× {full_ratio:.2f} the baseline for × {size_ratio:.0f} the articles "
              f"(growth {full_ratio / size_ratio:.2f}; without HermiT's start {no_jvm / size_ratio:.2f})")
        print(f"    phases: {phases(r['full_phases'])}")
        within = r["inc"] <= budget
        ok &= within and r["inc_articles"] == 1 and r["same"] is not False
        same = {None: "not checked", True: "same as a full run", False: "DIFFERS from a full run"}[r["same"]]
        print(f"  +1 article      {r['inc']:7.2f} s ({'within' if within else 'ABOVE'} the {budget:.1f} s budget; "
              f"× {r['inc'] / base['inc']:.2f} the baseline's); re-evaluated {r['inc_articles']} article, "
              f"re-decided {r['inc_verdicts']} verdicts; {same}")
        print(f"    phases: {phases(r['inc_phases'])}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated store sizes (articles)")
    parser.add_argument("--seeds", type=int, default=40, help="distinct extracted articles the stores are made of")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds allowed for the run after one new article")
    parser.add_argument("--check-up-to", type=int, default=1000,
                        help="compare the incremental result with a full run for stores up to this size")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    t0 = time.perf_counter()
    seeds = make_seeds(args.seeds)
    sentences = split_sentences(DEMO_ARTICLE.read_text(encoding="utf-8"))
    new = analyze(varied_text(NEW_ARTICLE, sentences), key="bench-new", lang=Lang.ZH)
    print(f"{args.seeds} seed articles extracted in {time.perf_counter() - t0:.1f} s", flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="argmap-reason-bench-") as tmp:
        for size in sizes:
            rows.append(measure(size, seeds, new, check=size <= args.check_up_to, tmp=Path(tmp)))
            print(f"  {size} articles measured", flush=True)
    return 0 if report(rows, args.budget) else 1


if __name__ == "__main__":
    sys.exit(main())
