"""What each CLI verb does, as plain functions (the CLI only parses options and maps errors)."""

from __future__ import annotations

import re
import shutil
import sys
import time
import webbrowser
from pathlib import Path
from typing import Sequence

import typer

from argmap.errors import ArticleNotFoundError, InputError, QueryMemoryError, ValidationFailed
from argmap.extractors.api import Lang
from argmap.graph.results import QueryResult, SelectResult
from argmap.graph.store import Store, list_articles, open_store, resolve_location
from argmap.documents import BoilerplateRules, load_rules
from argmap.ingestion import IngestResult, SourceDoc, collect_paths, ingest_docs, read_source, remove_article


def _echo(line: str = "") -> None:
    typer.echo(line)


def _note(line: str) -> None:
    typer.echo(line, err=True)


class _Progress:
    """Ingest progress on stderr, for runs long enough to want it: on a terminal a rich bar with the count,
    the rate and the time left; otherwise (a log, a pipe) a plain line every ``PLAIN_EVERY`` seconds."""

    PLAIN_EVERY = 5.0

    def __init__(self, total: int) -> None:
        self.total, self.done, self.chars, self.t0 = total, 0, 0, time.perf_counter()
        self.last_line = self.t0
        self.bar = None
        if total > 3 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=False)
            self.task = self.bar.add_task("ingest", total=total, rate="")
            self.bar.start()

    def __call__(self, res: IngestResult) -> None:
        self.done += 1
        self.chars += res.chars
        now = time.perf_counter()
        rate = f"{self.done / max(now - self.t0, 1e-9):.1f} articles/s"
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done, rate=rate)
            if self.done == self.total:
                self.bar.stop()
        elif self.total > 3 and (now - self.last_line >= self.PLAIN_EVERY or self.done == self.total):
            self.last_line = now
            left = (self.total - self.done) / max(self.done / max(now - self.t0, 1e-9), 1e-9)
            _note(f"ingest: {self.done}/{self.total} articles, {rate}, about {left:.0f} s left")

    def close(self) -> None:
        if self.bar is not None and self.done < self.total:
            self.bar.stop()  # an error part-way: leave the terminal clean


def ingest_command(
    paths: Sequence[str],
    *,
    lang: Lang,
    workers: int,
    lexicons: Sequence[Path],
    reason: bool,
    store: str | None,
    wait: float = 0.0,
    boilerplate: Sequence[Path] = (),
) -> None:
    """``wait``: seconds to queue behind another process writing the same store before giving up."""
    for lex in lexicons:
        if not lex.is_file():
            raise InputError(f"lexicon {lex}: no such file")
    files = collect_paths(paths)
    rules = load_rules(boilerplate)  # a bad rules file stops here, before anything is read or stored
    docs, refused = _read_all(files, rules)  # everything is read and checked before the store is touched
    if refused and not docs:
        for exc in refused[:-1]:
            _note(f"argmap: error {exc}")
        raise refused[-1]  # nothing to store: the store is not even opened
    for exc in refused:  # a folder of crawled pages holds a stub or a binary now and then: the others go in
        _note(f"argmap: error {exc}")
    st = open_store(store, wait=wait)
    progress = _Progress(len(docs))
    try:
        results = ingest_docs(st, docs, lang=lang, workers=workers, lexicons=lexicons, on_done=progress)
        for r in results:
            if r.outcome.value == "unchanged":
                _echo(f"{r.key}: unchanged, nothing to do")
            else:
                _echo(f"{r.key}: {r.outcome.value} — {r.statements} statements, {r.entities} entities, "
                      f"{r.figures} figures, {r.relations} relations")
        if reason and any(r.outcome.value != "unchanged" for r in results):
            _reason(st)
    finally:
        progress.close()
        st.close()
    if refused:
        raise InputError(f"{len(refused)} of {len(files)} files could not be read (see above) and were left out; "
                         f"the other {len(docs)} are in the store")


def _read_all(files: Sequence[str], rules: BoilerplateRules | None) -> tuple[list[SourceDoc], list[InputError]]:
    """Each file read through the document layer, or the error that says why it cannot be."""
    docs: list[SourceDoc] = []
    refused: list[InputError] = []
    for path in files:
        try:
            docs.append(read_source(path, rules=rules))
        except InputError as exc:
            refused.append(exc)
    return docs, refused


def _reason(st: Store, *, full: bool = False, verdict_rules: Path | None = None) -> None:
    from argmap.reasoner import run_reasoner

    _note("reasoner: rules, argument evaluation and OWL classification …")  # a phase line: this can take a while
    report = run_reasoner(st, full=full, verdict_rules=verdict_rules)
    for line in report.summary_lines():
        _echo(line)


def query_command(sparql: str, *, fmt: str, timeout: float | None, store: str | None,
                  params: Sequence[str] = (), memory_mb: int | None = None) -> None:
    """``memory_mb``: the query runs in a process of its own capped at that many MB (``None``: in this process)."""
    from argmap.graph.format import render_result
    from argmap.graph.query_text import prepare_query

    st = open_store(store, read_only=True)
    try:
        cq = _COMPETENCY.fullmatch(sparql.strip().lower())
        if cq:
            text = _competency_text(st, int(cq.group(1)), params)
        elif params:
            raise InputError("--param is for competency questions (cq1 … cq8); put values into your own query")
        else:
            text = prepare_query(_query_text(sparql))
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        _echo(render_result(_capped_query(st, text, timeout, memory_mb), fmt, width=width))
    finally:
        st.close()


def _capped_query(st: Store, text: str, timeout: float | None, memory_mb: int | None) -> QueryResult:
    try:
        return st.query(text, timeout=timeout, memory_mb=memory_mb)
    except QueryMemoryError as exc:
        raise QueryMemoryError(f"{exc.message}; or raise --max-memory") from None


_COMPETENCY = re.compile(r"cq([1-8])")


def _competency_text(st: Store, n: int, params: Sequence[str]) -> str:
    """A packaged competency question with ``NAME=VALUE`` parameters; a value that is a label (小米,
    Xiaomi) is looked up among the store's entities of that kind, otherwise read as a key or an IRI."""
    from argmap.ontology.queries import competency_query

    given: dict[str, list[str]] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise InputError(f"--param {item!r}: write NAME=VALUE, e.g. brand=小米")
        given.setdefault(name.strip(), []).extend(_by_label(st, name.strip(), value.strip()) or [value.strip()])
    return competency_query(n, **given).sparql


_LABELLED = {"brand": ("Brand", "Organization", "Product"), "article": ("Article",)}


def _by_label(st: Store, name: str, value: str) -> list[str]:
    """The IRIs of the entities of a parameter's kinds labelled ``value`` (any language, any case)."""
    kinds = _LABELLED.get(name)
    if not kinds or value.startswith(("<", "amid:", "http://", "https://")) or "/" in value:
        return []
    literal = value.replace("\\", "\\\\").replace('"', '\\"')
    classes = " ".join(f"am:{k}" for k in kinds)
    rows = st.query(f"""SELECT DISTINCT ?x WHERE {{ VALUES ?k {{ {classes} }} ?x a ?k ;
        (rdfs:label|skos:prefLabel|skos:altLabel|dcterms:title) ?l . FILTER (LCASE(STR(?l)) = LCASE("{literal}")) }}""")
    return [r["x"] or "" for r in rows.values()] if isinstance(rows, SelectResult) else []


def list_queries_command() -> None:
    from argmap.ontology.queries import all_competency_queries

    for q in all_competency_queries():
        params = ", ".join(q.parameters) or "none"
        _echo(f"cq{q.number}  {q.question_zh}\n     {q.question}\n     parameters: {params}")


def _query_text(arg: str) -> str:
    path = Path(arg)
    if arg.endswith(".rq") or (len(arg) < 255 and "\n" not in arg and path.is_file()):
        if not path.is_file():
            raise InputError(f"{arg}: no such query file")
        return path.read_text(encoding="utf-8")
    return arg


def reason_command(*, store: str | None, full: bool = False, verdict_rules: Path | None = None) -> None:
    if verdict_rules is not None and not verdict_rules.is_file():
        raise InputError(f"--verdict-rules {verdict_rules}: no such file")
    st = open_store(store, create=False)  # only ingest and import create a store
    try:
        _reason(st, full=full, verdict_rules=verdict_rules)
    finally:
        st.close()


def explain_command(claim: str, *, store: str | None) -> None:
    from argmap.reasoner.explain import explain

    st = open_store(store, read_only=True)
    try:
        _echo(explain(st, claim))
    finally:
        st.close()


def map_command(output: Path, *, claim: str | None, brand: str | None, layout: str, open_browser: bool, store: str | None) -> None:
    from argmap.viz import write_map

    st = open_store(store, read_only=True)
    try:
        stats = write_map(st, output, claim=claim, brand=brand, layout=layout)
    finally:
        st.close()
    _echo(f"map written to {output} ({stats.nodes} nodes, {stats.edges} edges)")
    if stats.nodes == 0:
        _note("the map is empty: nothing in the store matches; ingest an article, or loosen --brand / --claim")
    if open_browser and not _open_in_browser(output):
        _note(f"no browser could be started here; open {output.resolve().as_uri()} in one")


def _open_in_browser(path: Path) -> bool:
    """Whether a browser took the page (False on a headless machine, where webbrowser finds none)."""
    try:
        return webbrowser.get().open(path.resolve().as_uri())
    except webbrowser.Error:
        return False


def serve_command(*, host: str, port: int, allow_update: bool, timeout: float, limit: int, store: str | None) -> None:
    from argmap.server.app import serve

    serve(resolve_location(store), host=host, port=port, allow_update=allow_update, timeout=timeout, limit=limit,
          on_ready=lambda url: _echo(f"argmap serving {url}  (map /, query /query, upload /upload, SPARQL /sparql; Ctrl-C stops)"))


def export_command(fmt: str, output: Path | None, *, store: str | None) -> None:
    from argmap.graph.io import export_dataset

    st = open_store(store, read_only=True)
    try:
        data = export_dataset(st, fmt)
    finally:
        st.close()
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        _note(f"wrote {len(data):,} bytes to {output}")


def import_command(file: Path, *, store: str | None, wait: float = 0.0) -> None:
    from argmap.graph.io import read_graphs

    graphs, count = read_graphs(file)  # a missing or broken file stops here: no store is created or touched
    st = open_store(store, wait=wait)
    try:
        st.replace_graphs(graphs)  # one transaction: all of the file or none of it
    finally:
        st.close()
    _echo(f"imported {count:,} quads from {file}")


def articles_command(*, store: str | None) -> None:
    st = open_store(store, read_only=True)
    try:
        infos = list_articles(st)
    finally:
        st.close()
    if not infos:
        _echo("the store holds no articles yet: argmap ingest FILE")
    for a in infos:
        _echo(f"{a.key}\t{a.language}\t{a.date[:10] or '-'}\t{a.statements} statements\t{a.title}")


def remove_command(article: str, *, store: str | None, wait: float = 0.0) -> None:
    key = article.strip().strip("<>").rstrip("/").rsplit("/", 1)[-1]
    st = open_store(store, wait=wait, create=False)
    try:
        if not remove_article(st, key):
            raise ArticleNotFoundError(f"no article {article!r} in the store; `argmap articles` lists them")
        _echo(f"removed {key}")
        _reason(st)
    finally:
        st.close()


def validate_command(*, store: str | None) -> None:
    from argmap.ontology.validate import validate_store

    st = open_store(store, read_only=True)
    try:
        report = validate_store(st)
    finally:
        st.close()
    for line in report.messages:
        _echo(line)
    if not report.conforms:
        raise ValidationFailed(f"the store does not conform: {len(report.messages)} violation(s) listed above")
    _echo("the store conforms to the argmap shapes")


DEMO_QUESTIONS = (3, 4, 6)


def demo_command(output: Path, *, store: str | None) -> None:
    from argmap.graph.format import render_result
    from argmap.ontology.queries import competency_query
    from argmap.samples import DEMO_ARTICLE

    _echo(f"1. ingest the demo article {DEMO_ARTICLE.name}")
    ingest_command([str(DEMO_ARTICLE)], lang=Lang.AUTO, workers=1, lexicons=[], reason=True, store=store)
    _echo("\n2. write the argument map")
    map_command(output, claim=None, brand=None, layout="hierarchical", open_browser=False, store=store)
    st = open_store(store, read_only=True)
    try:
        for n in DEMO_QUESTIONS:
            cq = competency_query(n)
            _echo(f"\nCompetency question {n}: {cq.question}")
            _echo(render_result(st.query(cq.sparql), "table"))
    finally:
        st.close()
