"""Competency questions at scale: argmap's store API against raw Oxigraph and rdflib, in time and memory.

The store holds synthetic articles (``argmap.graph.synthetic``) mapped to RDF by argmap's own
mapping (``article_triples``), one named graph per article, until the article graphs hold at
least ``--triples`` distinct triples (their quads are more: a shared brand is described again
in every article). The quads are bulk-loaded through the store's own RocksDB handle
(``session()``); argmap then builds its union default graph (``OxigraphStore.ensure_union``),
writes the ontology graph (``open_store``) and the reasoner graph (``run_reasoner(classify=False)``:
statuses and strengths without HermiT, so CQ6 has answers; ``--no-reason`` leaves it out).
The build checks that the default graph is the set union of the named graphs. The store and
argmap's N-Quads export (the named graphs) are cached under ``bench/out/cq-bench-<triples>/``;
``--rebuild`` rebuilds them (minutes for 1M triples, mostly the reasoner).

argmap keeps the default graph as the set union of the named graphs and queries it without
Oxigraph's union flag (that union is a bag: a triple once per graph holding it, see
oxigraph/oxigraph#1919), so "raw" runs the text on the default graph too, as ``OxigraphStore``
does, and rdflib loads the named graphs into a ``Dataset(default_union=True)``.

Measured in one run:

1. The eight competency questions (``argmap.ontology.queries``), parameterised with values
   that exist in the data (brand xiaomi, the first article and its central claim; CQ8 has none).
   Each first runs once through argmap's ``timeout=`` path (a worker process killed at the
   ``--ox-timeout`` deadline, the path of the server and ``argmap query --timeout``; shown as
   the "--timeout" column, for information). A query that finishes is then timed through argmap
   (``open_store(..., read_only=True).query(sparql)``: the in-process path, rows read into a
   ``SelectResult``) and as the same text on a ``pyoxigraph.Store.read_only`` handle of the same
   folder with the same predeclared prefixes, every row read (``tuple(solution)``): best of
   ``--repeat`` after a warm-up, the two interleaved (a query over 10 s runs once each, marked
   "*"). Target: argmap / raw <= 1.2, per query and in total. A query that misses the deadline
   is run raw in a child process under the same deadline; both are reported as "> N s".
2. rdflib: the export parsed into an in-memory ``rdflib.Dataset(default_union=True)`` (load
   timed), then the same queries (the prefixes as ``initNs``), best of ``--rdflib-repeat`` runs
   without warm-up (a query over 10 s runs once), each stopped after ``--rdflib-timeout``
   seconds ("> N s"). ``--rdflib-triples N`` loads only the ontology and reasoner graphs and
   the first article graphs, up to N quads; the output then says so.
3. Memory: peak RSS of a fresh child process per engine that opens or loads the data and runs
   the queries once (VmHWM from /proc: on Linux a child's ``ru_maxrss`` starts from its
   parent's RSS at fork, which would hide the child's own figure), and its peak after imports,
   before any data. The on-disk engines run only the queries that met the deadline; their RSS
   includes RocksDB's block cache and the touched pages of its files.

    .venv/bin/python bench/cq_bench.py                                # 1M triples, all engines
    .venv/bin/python bench/cq_bench.py --rdflib-triples 200000        # rdflib on a subset only
    .venv/bin/python bench/cq_bench.py --triples 1000000 --json bench/out/cq-bench.json
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Heavy modules (argmap, pyoxigraph, rdflib) are imported inside functions: the memory children
# run this file too, and each must load only its own engine.

TARGET_OVERHEAD = 1.2
OUT_DIR = ROOT / "bench" / "out"
BRAND = "xiaomi"
PROBE_ARTICLE = 0  # synthetic article whose key and central claim parameterise CQ1, CQ2, CQ6
SLOW_SECONDS = 10.0  # a query slower than this runs once (no warm-up, no best-of)


# ----------------------------------------------------------------- the queries


@dataclass(frozen=True, slots=True)
class BenchQuery:
    name: str
    params: dict[str, str]
    sparql: str


def bench_queries() -> list[BenchQuery]:
    """The eight competency questions, restricted by values the synthetic data contains."""
    from argmap.graph.iri import article_iri, statement_iri
    from argmap.graph.synthetic import synthetic_analysis
    from argmap.ontology.queries import COMPETENCY_NUMBERS, competency_query

    probe = synthetic_analysis(PROBE_ARTICLE)
    central = next(s for s in probe.statements if s.central)
    article = str(article_iri(probe.key))
    claim = str(statement_iri(probe.key, central.start, central.end))
    params: dict[int, dict[str, str]] = {
        1: {"brand": BRAND}, 2: {"claim": claim}, 3: {"brand": BRAND}, 4: {"brand": BRAND},
        5: {"brand": BRAND}, 6: {"article": article}, 7: {"brand": BRAND}, 8: {},
    }
    return [BenchQuery(f"cq{n}", params[n], competency_query(n, **params[n]).sparql) for n in COMPETENCY_NUMBERS]


def prefixes() -> dict[str, str]:
    from argmap.ontology.namespaces import PREFIXES

    return dict(PREFIXES)


# ----------------------------------------------------------------- the dataset


@dataclass(frozen=True, slots=True)
class DatasetPaths:
    root: Path
    store: Path
    nquads: Path
    meta: Path

    @classmethod
    def under(cls, out_dir: Path, triples: int) -> DatasetPaths:
        root = out_dir / f"cq-bench-{triples}"
        return cls(root, root / "store", root / "dataset.nq", root / "meta.json")


LAYOUT = 2  # 2: the store's default graph holds the set union of its named graphs (argmap commit 2ccf52a)


@dataclass(slots=True)
class DatasetMeta:
    target: int
    articles: int
    distinct_triples: int  # distinct triples of the article graphs
    quads: int  # quads in the named graphs (article, ontology, reasoner)
    union_triples: int  # triples in the default graph, the union argmap queries
    reasoned: bool
    reasoner_quads: int
    union_seconds: float  # argmap's OxigraphStore.ensure_union() after the bulk load
    build_seconds: float
    layout: int = LAYOUT
    built: bool = False  # True when this run built it (not read from the cache)


def ensure_dataset(paths: DatasetPaths, target: int, *, reason: bool, rebuild: bool) -> DatasetMeta:
    if not rebuild and paths.meta.exists() and paths.nquads.exists() and (paths.store / "CURRENT").exists():
        data = json.loads(paths.meta.read_text(encoding="utf-8"))
        if data.get("layout") == LAYOUT and data.get("reasoned") == reason:
            return DatasetMeta(**data)
    return build_dataset(paths, target, reason=reason)


def build_dataset(paths: DatasetPaths, target: int, *, reason: bool) -> DatasetMeta:
    """Article graphs bulk-loaded, then argmap builds the union default graph and (optionally) reasons."""
    import shutil

    import pyoxigraph as ox

    from argmap.graph.store import OxigraphStore, open_store

    t0 = time.perf_counter()
    if paths.root.exists():
        shutil.rmtree(paths.root)
    paths.root.mkdir(parents=True)
    articles_nq = paths.root / "articles.nq"
    articles, distinct = write_article_quads(articles_nq, target)
    st = open_store(paths.store)  # creates the folder, its locks and the ontology graph
    try:
        assert isinstance(st, OxigraphStore)
        with st.session() as handle:
            handle.bulk_load(path=str(articles_nq), format=ox.RdfFormat.N_QUADS)
        t1 = time.perf_counter()
        st.ensure_union()  # the article graphs arrived behind argmap's back: it sees them and builds the union
        union_seconds = time.perf_counter() - t1
        reasoner_quads = run_reasoner_on(st) if reason else 0
        quads, union = count_named_and_union(st)
        paths.nquads.write_bytes(st.dump(ox.RdfFormat.N_QUADS))  # argmap's export: the named graphs
    finally:
        st.close()
    articles_nq.unlink()
    meta = DatasetMeta(target, articles, distinct, quads, union, reason, reasoner_quads, round(union_seconds, 1),
                       round(time.perf_counter() - t0, 1))
    paths.meta.write_text(json.dumps(asdict(meta), indent=2), encoding="utf-8")
    meta.built = True
    return meta


def count_named_and_union(st: Any) -> tuple[int, int]:
    """(quads in named graphs, triples in the default graph); checks the default graph is their set union."""
    from argmap.graph.results import SelectResult

    def count(sparql: str) -> int:
        res = st.query(sparql)
        assert isinstance(res, SelectResult) and res.rows[0][0] is not None
        return int(res.rows[0][0].value)

    quads = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    union = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    distinct = count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
    if union != distinct:
        raise RuntimeError(f"the default graph holds {union:,} triples, the named graphs {distinct:,} distinct ones")
    return quads, union


def write_article_quads(path: Path, target: int) -> tuple[int, int]:
    """Synthetic articles as N-Quads until ``target`` distinct triples; (articles, distinct triples)."""
    import pyoxigraph as ox

    from argmap.graph.iri import article_iri
    from argmap.graph.mapping import article_triples
    from argmap.graph.synthetic import synthetic_analysis

    seen: set[ox.Triple] = set()
    count = 0
    with path.open("wb") as out:
        while len(seen) < target:
            analysis = synthetic_analysis(count)
            graph = ox.NamedNode(str(article_iri(analysis.key)))
            triples = article_triples(analysis)
            seen.update(triples)
            out.write(ox.serialize([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples],
                                   format=ox.RdfFormat.N_QUADS) or b"")
            count += 1
    return count, len(seen)


def run_reasoner_on(st: Any) -> int:
    """argmap's reasoner without HermiT (no Java); the number of quads it wrote."""
    from argmap.graph.iri import REASONER_GRAPH
    from argmap.graph.results import SelectResult
    from argmap.reasoner import run_reasoner

    run_reasoner(st, classify=False)
    res = st.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{REASONER_GRAPH}> {{ ?s ?p ?o }} }}")
    assert isinstance(res, SelectResult) and res.rows[0][0] is not None
    return int(res.rows[0][0].value)


def rdflib_subset(paths: DatasetPaths, quads: int) -> tuple[Path, int, int]:
    """The ontology and reasoner graphs plus article graphs in IRI order up to ``quads`` quads.

    Returns (file, quads written, article graphs included); cached next to the full dump.
    """
    import pyoxigraph as ox

    from argmap.graph.iri import ONTOLOGY_GRAPH, REASONER_GRAPH

    path = paths.root / f"rdflib-subset-{quads}.nq"
    store = ox.Store.read_only(str(paths.store))
    special = [str(ONTOLOGY_GRAPH), str(REASONER_GRAPH)]
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    order = [g for g in special if g in names] + [g for g in names if g not in special]
    written = articles = 0
    with path.open("wb") as out:
        for name in order:
            if written >= quads:
                break
            graph = list(store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
            out.write(ox.serialize(graph, format=ox.RdfFormat.N_QUADS) or b"")
            written += len(graph)
            articles += name not in special
    del store
    return path, written, articles


# ----------------------------------------------------------------- timing argmap against raw Oxigraph


@dataclass(slots=True)
class QueryTiming:
    """One query's figures; a ``None`` time with ``*_timed_out`` set means it hit its deadline."""

    name: str
    params: dict[str, str]
    rows: int | None = None
    argmap_ms: float | None = None
    raw_ms: float | None = None
    raw_rows: int | None = None
    ox_timed_out: bool = False  # argmap (and so raw) did not finish within --ox-timeout
    raw_timed_out: bool = False
    single_run: bool = False  # slower than SLOW_SECONDS: one run each instead of best-of
    timeout_path_ms: float | None = None
    rdflib_ms: float | None = None
    rdflib_rows: int | None = None
    rdflib_timed_out: bool = False

    @property
    def overhead(self) -> float | None:
        return self.argmap_ms / self.raw_ms if self.argmap_ms is not None and self.raw_ms else None

    @property
    def rdflib_over_argmap(self) -> float | None:
        return self.rdflib_ms / self.argmap_ms if self.rdflib_ms is not None and self.argmap_ms else None


def consume(result: Any) -> int:
    """Read every row of a pyoxigraph result (every value of every solution); the row count."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return 1
    return len([tuple(row) for row in result])


def argmap_rows(result: Any) -> int:
    from argmap.graph.results import AskResult, GraphResult, SelectResult

    if isinstance(result, SelectResult):
        return len(result.rows)
    if isinstance(result, GraphResult):
        return len(result.triples)
    assert isinstance(result, AskResult)
    return 1


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    t0 = time.perf_counter()
    rows = fn()
    return (time.perf_counter() - t0) * 1000, rows


def best_of(fns: list[Callable[[], int]], repeat: int, *, warm_up: bool = True) -> list[tuple[float, int]]:
    """(Optionally) one warm-up each, then ``repeat`` rounds with the functions interleaved; best ms and rows each."""
    best = [(float("inf"), timed(fn)[1] if warm_up else 0) for fn in fns]
    for r in range(repeat):
        for i in (range(len(fns)) if r % 2 == 0 else reversed(range(len(fns)))):
            ms, rows = timed(fns[i])
            best[i] = (min(best[i][0], ms), rows)
    return best


def time_oxigraph(paths: DatasetPaths, queries: list[BenchQuery], repeat: int, ox_timeout: float) -> list[QueryTiming]:
    """argmap against raw pyoxigraph on the same folder; a query first runs once under a deadline.

    The deadline run is argmap's own ``timeout=`` path (a worker process, killed at the deadline);
    it doubles as the warm-up and gives the ``--timeout`` column. A query that misses it is run
    raw in a child process under the same deadline and is not timed in this process.
    """
    import pyoxigraph as ox

    from argmap.errors import QueryTimeoutError
    from argmap.graph.store import open_store

    pre = prefixes()
    st = open_store(paths.store, read_only=True)
    raw = ox.Store.read_only(str(paths.store))
    out: list[QueryTiming] = []
    try:
        for q in queries:
            timing = QueryTiming(q.name, q.params)
            print(f"  {q.name}: ", end="", flush=True)
            try:
                timing.timeout_path_ms, timing.rows = timed(lambda q=q: argmap_rows(st.query(q.sparql, timeout=ox_timeout)))
            except QueryTimeoutError:
                timing.ox_timed_out = True
                raw_probe(timing, paths, q, ox_timeout)
                print(f"argmap > {ox_timeout:g} s, raw {fmt_ms(timing.raw_ms, timed_out=timing.raw_timed_out, timeout=ox_timeout)}",
                      flush=True)
                out.append(timing)
                continue
            fns: list[Callable[[], int]] = [
                lambda q=q: argmap_rows(st.query(q.sparql)),
                lambda q=q: consume(raw.query(q.sparql, prefixes=pre)),
            ]
            slow = (timing.timeout_path_ms or 0.0) > SLOW_SECONDS * 1000
            if not slow:
                fns.append(lambda q=q: argmap_rows(st.query(q.sparql, timeout=ox_timeout)))
            # A slow query: the deadline run was the warm-up, then one run each.
            best = best_of(fns, 1 if slow else repeat, warm_up=not slow)
            (a_ms, a_rows), (r_ms, r_rows) = best[:2]
            timing.argmap_ms, timing.rows, timing.raw_ms, timing.raw_rows = a_ms, a_rows, r_ms, r_rows
            timing.single_run = slow
            if not slow:
                timing.timeout_path_ms = min(best[2][0], timing.timeout_path_ms or best[2][0])
            print(f"argmap {a_ms:,.1f} ms, raw {r_ms:,.1f} ms{' (one run each)' if slow else ''}", flush=True)
            out.append(timing)
    finally:
        st.close()
        del raw
    return out


def raw_probe(timing: QueryTiming, paths: DatasetPaths, q: BenchQuery, ox_timeout: float) -> None:
    """The query on raw pyoxigraph in a child, killed at the deadline (a Rust query cannot be interrupted here)."""
    try:
        run = run_child("raw", paths=paths, nquads=paths.nquads, queries=[q], wall_limit=ox_timeout + 5.0)
    except subprocess.TimeoutExpired:
        timing.raw_timed_out = True
        return
    timing.raw_ms, timing.raw_rows = run.ms[0], run.rows[0]
    timing.raw_timed_out = timing.raw_ms is not None and timing.raw_ms > ox_timeout * 1000


# ----------------------------------------------------------------- children: one engine each, for memory and the slow runs


def child_main() -> None:
    """Run one engine on the job read from stdin; print one JSON line with times, rows and RSS."""
    job = json.loads(sys.stdin.read())
    runner = {"argmap": _child_argmap, "raw": _child_raw, "rdflib": _child_rdflib}[job["engine"]]
    print(json.dumps(runner(job)))


def peak_rss_mib() -> float:
    """This process's peak RSS: VmHWM, else ru_maxrss.

    On Linux a child's ru_maxrss starts at its parent's RSS at fork time (the high-water mark
    survives exec), so after a big parent it reports the parent, not the child; VmHWM belongs
    to the child's own address space.
    """
    status = Path("/proc/self/status")
    lines = status.read_text(encoding="ascii").splitlines() if status.exists() else []
    for line in lines:
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _child_argmap(job: dict[str, Any]) -> dict[str, Any]:
    from argmap.graph.store import open_store

    baseline = peak_rss_mib()
    t0 = time.perf_counter()
    st = open_store(job["store"], read_only=True)
    results = [timed(lambda q=q: argmap_rows(st.query(q["sparql"]))) for q in job["queries"]]
    st.close()
    return _child_answer(baseline, time.perf_counter() - t0, results)


def _child_raw(job: dict[str, Any]) -> dict[str, Any]:
    import pyoxigraph as ox

    baseline = peak_rss_mib()
    t0 = time.perf_counter()
    store = ox.Store.read_only(job["store"])
    pre = job["prefixes"]
    results = [timed(lambda q=q: consume(store.query(q["sparql"], prefixes=pre))) for q in job["queries"]]
    return _child_answer(baseline, time.perf_counter() - t0, results)


class RdflibTimeout(BaseException):
    """Raised by the alarm inside rdflib's (pure Python) evaluation; BaseException so no ``except Exception`` eats it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise RdflibTimeout


def _child_rdflib(job: dict[str, Any]) -> dict[str, Any]:
    from rdflib import Dataset

    baseline = peak_rss_mib()
    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(job["nquads"], format="nquads")
    load_s, load_rss = time.perf_counter() - t0, peak_rss_mib()
    signal.signal(signal.SIGALRM, _on_alarm)
    results = [_rdflib_query(ds, q["sparql"], job["prefixes"], job["timeout"], job["repeat"]) for q in job["queries"]]
    answer = _child_answer(baseline, time.perf_counter() - t0, results)
    answer.update(load_s=load_s, load_rss_mib=load_rss, quads=len(ds))
    return answer


def _rdflib_query(ds: Any, sparql: str, pre: dict[str, str], timeout: float,
                  repeat: int) -> tuple[float | None, int | None]:
    """Best of ``repeat`` runs (one if a run takes SLOW_SECONDS s); (None, None) if the first runs out of time."""
    best: tuple[float | None, int | None] = (None, None)
    for _ in range(max(1, repeat)):
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            ms, rows = timed(lambda: len(list(ds.query(sparql, initNs=pre))))
        except RdflibTimeout:
            return best
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        best = (ms if best[0] is None else min(best[0], ms), rows)
        if ms > SLOW_SECONDS * 1000:
            break
    return best


def _child_answer(baseline: float, seconds: float, results: list[tuple[float | None, int | None]]) -> dict[str, Any]:
    return {"baseline_rss_mib": baseline, "peak_rss_mib": peak_rss_mib(), "seconds": seconds,
            "ms": [r[0] for r in results], "rows": [r[1] for r in results]}


@dataclass(slots=True)
class EngineRun:
    engine: str
    queries: list[str]
    baseline_rss_mib: float
    peak_rss_mib: float
    seconds: float
    ms: list[float | None]
    rows: list[int | None]
    load_s: float | None = None
    load_rss_mib: float | None = None
    quads: int | None = None

    @property
    def data_rss_mib(self) -> float:
        return self.peak_rss_mib - self.baseline_rss_mib


def run_child(engine: str, *, paths: DatasetPaths, nquads: Path, queries: list[BenchQuery], wall_limit: float,
              timeout: float = 0.0, repeat: int = 1) -> EngineRun:
    """One engine in a fresh process; ``subprocess.TimeoutExpired`` (child killed) past ``wall_limit`` seconds."""
    job = {"engine": engine, "store": str(paths.store), "nquads": str(nquads), "timeout": timeout, "repeat": repeat,
           "prefixes": prefixes(), "queries": [{"name": q.name, "sparql": q.sparql} for q in queries]}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child"], input=json.dumps(job),
                          capture_output=True, text=True, timeout=wall_limit, check=False)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
        raise RuntimeError(f"the {engine} child failed: {tail[0]}")
    answer = json.loads(proc.stdout.strip().splitlines()[-1])
    return EngineRun(engine=engine, queries=[q.name for q in queries], **answer)


# ----------------------------------------------------------------- report


@dataclass(slots=True)
class Report:
    dataset: DatasetMeta
    repeat: int
    ox_timeout: float
    rdflib_timeout: float
    rdflib_repeat: int
    timings: list[QueryTiming]
    engines: dict[str, EngineRun] = field(default_factory=dict)
    rdflib_note: str = ""
    wall_seconds: float = 0.0

    def finished(self) -> list[QueryTiming]:
        """Queries argmap and raw Oxigraph both answered within the deadline: the overhead's basis."""
        return [t for t in self.timings if t.argmap_ms is not None and t.raw_ms is not None]

    def totals(self) -> dict[str, Any]:
        done = self.finished()
        argmap = sum(t.argmap_ms or 0.0 for t in done)
        raw = sum(t.raw_ms or 0.0 for t in done)
        both = [t for t in done if t.rdflib_ms is not None]
        arg_both = sum(t.argmap_ms or 0.0 for t in both)
        return {"queries": [t.name for t in done], "argmap_ms": argmap, "raw_ms": raw,
                "overhead": argmap / raw if raw else None,
                "timeout_path_ms": sum(t.timeout_path_ms or 0.0 for t in done),
                "rdflib_queries": [t.name for t in both], "rdflib_ms": sum(t.rdflib_ms or 0.0 for t in both),
                "argmap_ms_rdflib_queries": arg_both,
                "rdflib_over_argmap": sum(t.rdflib_ms or 0.0 for t in both) / arg_both if arg_both else None}

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": asdict(self.dataset), "repeat": self.repeat, "target_overhead": TARGET_OVERHEAD,
            "ox_timeout_s": self.ox_timeout, "rdflib_timeout_s": self.rdflib_timeout, "rdflib_repeat": self.rdflib_repeat,
            "queries": [dict(asdict(t), overhead=t.overhead, rdflib_over_argmap=t.rdflib_over_argmap) for t in self.timings],
            "totals": self.totals(),
            "memory": {name: dict(asdict(run), data_rss_mib=run.data_rss_mib) for name, run in self.engines.items()},
            "rdflib_note": self.rdflib_note, "wall_seconds": self.wall_seconds,
        }


def verdict(ratio: float | None) -> str:
    return "ok" if ratio is not None and ratio <= TARGET_OVERHEAD else "OVER"


def fmt_ms(ms: float | None, *, timed_out: bool = False, timeout: float = 0.0) -> str:
    if timed_out:
        return f">{timeout:g}s"
    return "-" if ms is None else f"{ms:,.1f}"


def fmt_rows(rows: int | None, reference: int | None) -> str:
    if rows is None:
        return "-"
    return f"{rows:,}" + ("!" if reference is not None and rows != reference else "")


def rdflib_ratio(t: QueryTiming, ox_timeout: float) -> str:
    if t.rdflib_over_argmap is not None:
        return f"{t.rdflib_over_argmap:,.1f}x"
    if t.ox_timed_out and t.rdflib_ms is not None:
        return f"<{t.rdflib_ms / (ox_timeout * 1000):.3f}x"  # argmap took longer than the deadline
    return "-"


def print_report(report: Report) -> None:
    d = report.dataset
    print(f"\nstore: {d.articles:,} synthetic articles; {d.distinct_triples:,} distinct article triples; "
          f"{d.quads:,} quads in the named graphs (ontology + articles"
          f"{f' + {d.reasoner_quads:,} reasoner quads' if d.reasoned else ''}); "
          f"{d.union_triples:,} triples in the union default graph; "
          f"{'built in' if d.built else 'cached, built in'} {d.build_seconds:.1f} s (union {d.union_seconds:.1f} s)")
    print(f"times in ms: argmap / raw / --timeout: best of {report.repeat} after a warm-up, deadline "
          f"{report.ox_timeout:g} s; rdflib: best of {report.rdflib_repeat}, deadline {report.rdflib_timeout:g} s; "
          f"a query over {SLOW_SECONDS:g} s runs once (* on argmap / raw)")
    if report.rdflib_note:
        print(f"NOTE: {report.rdflib_note}")
    head = (f"{'query':<5} {'param':<8} {'rows':>6} {'argmap':>9} {'raw ox':>9} {'arg/raw':>7} {'':<4} "
            f"{'--timeout':>9} {'rdflib':>10} {'rdf rows':>8} {'rdf/arg':>8}")
    print("\n" + head + "\n" + "-" * len(head))
    for t in report.timings:
        rows = t.rows if t.rows is not None else t.raw_rows
        overhead = f"{t.overhead:.2f}x" if t.overhead is not None else "-"
        star = "*" if t.single_run else ""
        print(f"{t.name:<5} {param_label(t.params):<8} {fmt_rows(rows, None):>6} "
              f"{fmt_ms(t.argmap_ms, timed_out=t.ox_timed_out, timeout=report.ox_timeout) + star:>9} "
              f"{fmt_ms(t.raw_ms, timed_out=t.raw_timed_out, timeout=report.ox_timeout) + star:>9} {overhead:>7} "
              f"{verdict(t.overhead) if t.overhead is not None else '':<4} "
              f"{fmt_ms(t.timeout_path_ms, timed_out=t.ox_timed_out, timeout=report.ox_timeout):>9} "
              f"{fmt_ms(t.rdflib_ms, timed_out=t.rdflib_timed_out, timeout=report.rdflib_timeout):>10} "
              f"{fmt_rows(t.rdflib_rows, rows):>8} {rdflib_ratio(t, report.ox_timeout):>8}")
    print("-" * len(head))
    print_totals(report)
    print_memory(report)
    print(f"\nwall time: {report.wall_seconds:.1f} s")


def param_label(params: dict[str, str]) -> str:
    if not params:
        return "-"
    return ",".join(v.rsplit("/", 1)[-1] if k == "brand" else k for k, v in params.items())[:8]


def print_totals(report: Report) -> None:
    tot = report.totals()
    done = ", ".join(tot["queries"]) or "none"
    print("rows: ! = differs from argmap's; --timeout: argmap's worker-process path (the server's), information only")
    if tot["overhead"] is None:
        print("overhead argmap / raw Oxigraph: no query finished on both within the deadline")
    else:
        print(f"overhead argmap / raw Oxigraph over the queries both finished ({done}): {tot['argmap_ms']:,.1f} / "
              f"{tot['raw_ms']:,.1f} ms = {tot['overhead']:.2f}x (target <= {TARGET_OVERHEAD}) {verdict(tot['overhead'])}")
    print(f"queries over {report.ox_timeout:g} s on argmap / raw Oxigraph: "
          f"{sum(t.ox_timed_out for t in report.timings)} / {sum(t.raw_timed_out for t in report.timings)} "
          f"of {len(report.timings)}")
    if tot["rdflib_over_argmap"] is not None:
        print(f"rdflib / argmap over the queries both finished ({', '.join(tot['rdflib_queries'])}): "
              f"{tot['rdflib_ms']:,.1f} / {tot['argmap_ms_rdflib_queries']:,.1f} ms = {tot['rdflib_over_argmap']:,.1f}x")


MEMORY_LABELS = {"argmap": "argmap (Oxigraph on disk)", "raw": "raw pyoxigraph (on disk)", "rdflib": "rdflib Dataset (memory)"}


def print_memory(report: Report) -> None:
    if not report.engines:
        return
    base = report.engines.get("argmap")
    print("\nmemory: peak RSS (MiB) of a fresh child that opens / loads the data and runs the queries listed")
    print(f"{'engine':<28} {'imports':>8} {'peak':>8} {'peak-imp':>9} {'vs argmap':>9} {'load s':>7} {'run s':>7}  queries")
    for name, run in report.engines.items():
        ratio = f"{run.peak_rss_mib / base.peak_rss_mib:.2f}x" if base else "-"
        load = f"{run.load_s:.1f}" if run.load_s is not None else "-"
        print(f"{MEMORY_LABELS[name]:<28} {run.baseline_rss_mib:>8,.0f} {run.peak_rss_mib:>8,.0f} {run.data_rss_mib:>9,.0f} "
              f"{ratio:>9} {load:>7} {run.seconds:>7.1f}  {','.join(q[2:] for q in run.queries)}")
    run = report.engines.get("rdflib")
    if run is not None and run.quads is not None and run.load_rss_mib is not None:
        print(f"{MEMORY_LABELS['rdflib']}: {run.quads:,} triples in the union, loaded in {run.load_s or 0:.1f} s; "
              f"peak RSS after loading {run.load_rss_mib:,.0f} MiB")
    if report.rdflib_note and "rdflib" in report.engines:
        print(f"NOTE: {report.rdflib_note}")


# ----------------------------------------------------------------- main


def merge_rdflib(timings: list[QueryTiming], run: EngineRun) -> None:
    by_name = {t.name: t for t in timings}
    for name, ms, rows in zip(run.queries, run.ms, run.rows):
        t = by_name[name]
        t.rdflib_ms, t.rdflib_rows, t.rdflib_timed_out = ms, rows, ms is None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="at least this many distinct triples (default 1M)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per query after the warm-up (best counts)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached store and dump")
    parser.add_argument("--no-reason", action="store_true", help="no reasoner graph (CQ6 then has no answers)")
    parser.add_argument("--ox-timeout", type=float, default=30.0, help="seconds per Oxigraph query before it is stopped")
    parser.add_argument("--rdflib-triples", type=int, default=0, help="load only about this many quads into rdflib (0: all)")
    parser.add_argument("--rdflib-timeout", type=float, default=120.0, help="seconds per rdflib query before it is stopped")
    parser.add_argument("--rdflib-repeat", type=int, default=3, help="rdflib runs per query, best counts (no warm-up)")
    parser.add_argument("--no-rdflib", action="store_true", help="skip rdflib (time and memory)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory children for argmap and raw Oxigraph")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where the cached store lives (default bench/out)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_main()
        return 0
    report = run_bench(args)
    print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report.to_json(), indent=2), encoding="utf-8")
        print(f"figures written to {args.json}")
    tot = report.totals()
    return 0 if verdict(tot["overhead"]) == "ok" and not any(t.ox_timed_out for t in report.timings) else 1


def run_bench(args: argparse.Namespace) -> Report:
    start = time.perf_counter()
    paths = DatasetPaths.under(args.out_dir, args.triples)
    print(f"store: {paths.store} ({'rebuilding' if args.rebuild else 'cached if present'})", flush=True)
    meta = ensure_dataset(paths, args.triples, reason=not args.no_reason, rebuild=args.rebuild)
    print(f"store: {meta.articles:,} articles, {meta.distinct_triples:,} distinct article triples, {meta.quads:,} "
          f"quads, {meta.union_triples:,} union triples ({'built' if meta.built else 'cached'})", flush=True)
    queries = bench_queries()
    print(f"argmap and raw Oxigraph (deadline {args.ox_timeout:g} s per query):", flush=True)
    timings = time_oxigraph(paths, queries, args.repeat, args.ox_timeout)
    report = Report(meta, args.repeat, args.ox_timeout, args.rdflib_timeout, args.rdflib_repeat, timings)
    finished = [q for q, t in zip(queries, timings) if not t.ox_timed_out and not t.raw_timed_out]
    slack = 600.0
    if not args.no_memory:
        for engine in ("argmap", "raw"):
            print(f"memory child: {engine} ({len(finished)} queries) ...", flush=True)
            report.engines[engine] = run_child(engine, paths=paths, nquads=paths.nquads, queries=finished,
                                               wall_limit=args.ox_timeout * len(finished) + slack)
    if not args.no_rdflib:
        run_rdflib(args, paths, meta, queries, report)
    report.wall_seconds = time.perf_counter() - start
    return report


def run_rdflib(args: argparse.Namespace, paths: DatasetPaths, meta: DatasetMeta, queries: list[BenchQuery],
               report: Report) -> None:
    nquads = paths.nquads
    if args.rdflib_triples and args.rdflib_triples < meta.quads:
        nquads, quads, articles = rdflib_subset(paths, args.rdflib_triples)
        report.rdflib_note = (f"rdflib ran on a SUBSET: {quads:,} of {meta.quads:,} quads ({articles:,} of "
                              f"{meta.articles:,} articles); its times, rows and memory are not for the full store")
    print(f"rdflib child: loading {nquads.name} and running the queries (deadline {args.rdflib_timeout:g} s each) ...",
          flush=True)
    run = run_child("rdflib", paths=paths, nquads=nquads, queries=queries, timeout=args.rdflib_timeout,
                    repeat=args.rdflib_repeat, wall_limit=args.rdflib_timeout * len(queries) * 3 + 1800)
    report.engines["rdflib"] = run
    merge_rdflib(report.timings, run)


if __name__ == "__main__":
    sys.exit(main())
