"""Ingest: read article files, extract, map to RDF and write one transaction per article.

Inputs are all read and checked before the store is touched, so a bad file in a batch
stops the batch with a one-line error and leaves the store as it was.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
import stat
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Sequence

from argmap.documents import MAX_ARTICLE_BYTES, SUFFIXES, BoilerplateRules, Document, read_document
from argmap.errors import InputError
from argmap.extractors import ArticleAnalysis, Lang, analyze
from argmap.graph.iri import article_iri, slugify
from argmap.graph.mapping import article_triples, content_hash
from argmap.graph.store import Store, article_hash, article_state



class Outcome(str, Enum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One input, read: its key in the store and what the document layer made of it."""

    key: str
    content: str  # the document's plain text, as stored (am:content)
    title: str
    source: str
    document: Document | None = None  # None: ``content`` is plain text

    @classmethod
    def of(cls, key: str, document: Document, *, title: str = "") -> "SourceDoc":
        return cls(key, document.content, document.title or title, document.source, document)


@dataclass(frozen=True, slots=True)
class IngestResult:
    key: str
    iri: str
    outcome: Outcome
    chars: int
    statements: int = 0
    entities: int = 0
    figures: int = 0
    relations: int = 0


def collect_paths(paths: Sequence[str]) -> list[str]:
    """Expand directories recursively into their article files; ``-`` stays for standard input."""
    out: list[str] = []
    for raw in paths:
        if raw == "-":
            out.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError(f"{raw}: no .txt, .md or .html files in this directory")
            out += [str(p) for p in found]
        elif path.is_file():
            out.append(raw)
        elif path.exists():
            raise InputError(f"{raw}: {_not_a_file(path)}, not an article file; give a .txt, .md or .html file")
        else:
            raise InputError(f"{raw}: no such file or directory")
    return out


def read_source(
    raw: str, *, stdin: bytes | None = None, max_bytes: int = MAX_ARTICLE_BYTES, rules: BoilerplateRules | None = None
) -> SourceDoc:
    """Read one file (or ``-``, standard input) through the document layer; nothing is stored yet."""
    if raw == "-":
        data = stdin if stdin is not None else _read_limited(sys.stdin.buffer, "standard input", max_bytes)
        document = read_document(data, name="stdin", max_bytes=max_bytes, rules=rules)
        return SourceDoc.of("stdin-" + hashlib.sha256(document.content.encode()).hexdigest()[:12], document)
    path = Path(raw)
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(f"{raw}: cannot read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{raw}: {_not_a_file(path)}, not an article file; give a .txt, .md or .html file")
    if info.st_size > max_bytes:  # refused from its size alone: nothing is read
        raise InputError(f"{raw}: larger than the {max_bytes:,}-byte limit for one article; split it into parts")
    try:
        with path.open("rb") as f:
            data = _read_limited(f, raw, max_bytes)
    except OSError as exc:
        raise InputError(f"{raw}: cannot read ({exc.strerror})") from None
    document = read_document(data, name=str(path), suffix=path.suffix, max_bytes=max_bytes, rules=rules)
    return SourceDoc.of(slugify(path.stem), document, title=path.stem)


def _not_a_file(path: Path) -> str:
    if path.is_dir():
        return "a folder"
    if path.is_fifo():
        return "a named pipe (FIFO)"
    if path.is_char_device() or path.is_block_device():
        return "a device"
    if path.is_socket():
        return "a socket"
    return "not a regular file"


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read at most one byte past the limit, so a huge input is refused without being read whole."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the {max_bytes:,}-byte limit for one article; split it into parts")
    return data


def _analyze(doc: SourceDoc, lang: Lang, lexicons: tuple[Path, ...]) -> ArticleAnalysis:
    return analyze(doc.document or doc.content, key=doc.key, lang=lang, title=doc.title, source=doc.source,
                   lexicons=lexicons)


Analyzer = Callable[[SourceDoc], ArticleAnalysis]


def run_settings(lang: Lang, lexicons: Sequence[Path]) -> bytes:
    """What every extraction of one run depends on besides its text: argmap's version and the extractors'
    code and data (an upgrade or a retrained model re-extracts), the language asked for and the lexicon
    files' bytes (read once per run, not once per article)."""
    from argmap import __version__

    h = hashlib.sha256(f"{__version__}\n{lang.value}\n".encode())
    h.update(extraction_digest())
    for path in lexicons:
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            h.update(str(path).encode())  # an unreadable lexicon fails later, with its own message
    return h.digest()


@lru_cache(maxsize=1)
def extraction_digest() -> bytes:
    """A digest of every file of the document layer and the extractors (code, configs, cue data, weights)."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for folder in (package / "documents", package / "extractors"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(str(path.relative_to(package)).encode())
            h.update(path.read_bytes())
    return h.digest()


def settings_digest(doc: SourceDoc, run: bytes) -> str:
    """The run's settings and the boilerplate the document layer found in this article (its rules may change)."""
    h = hashlib.sha256(run)
    if doc.document is not None:
        h.update(repr([(b.start, b.end) for b in doc.document.boilerplate]).encode())
    return h.hexdigest()[:32]


def ingest_docs(
    store: Store,
    docs: Sequence[SourceDoc],
    *,
    lang: Lang = Lang.AUTO,
    workers: int = 1,
    lexicons: Sequence[Path] = (),
    on_done: Callable[[IngestResult], None] | None = None,
    analyzer: Analyzer | None = None,
) -> list[IngestResult]:
    """Extract and store each document; an unchanged article is not touched.

    Each article is one transaction (its graph dropped and rewritten in one update), so a
    failure or a kill part-way leaves every article either as before or fully new.
    ``analyzer`` replaces the extractors (benchmarks and tests map synthetic analyses).
    """
    _check_unique_keys(docs)
    results: list[IngestResult] = []
    todo: list[SourceDoc] = []
    with store.session():  # one open handle for the whole check, not one per article
        known = {doc.key: article_state(store, doc.key) for doc in docs}
    run = run_settings(lang, lexicons)
    settings = {doc.key: settings_digest(doc, run) for doc in docs}
    for doc in docs:
        if known[doc.key] == (content_hash(doc.content), settings[doc.key]):
            res = IngestResult(doc.key, str(article_iri(doc.key)), Outcome.UNCHANGED, len(doc.content))
            results.append(res)
            if on_done:
                on_done(res)
        else:
            todo.append(doc)
    for doc, analysis in zip(todo, _analyses(todo, lang, tuple(lexicons), workers, analyzer)):
        analysis.settings = settings[doc.key]
        res = store_analysis(store, analysis, chars=len(doc.content))
        results.append(res)
        if on_done:
            on_done(res)
    return results


def store_analysis(store: Store, analysis: ArticleAnalysis, *, chars: int | None = None) -> IngestResult:
    """Write one analysed article as one transaction, replacing an earlier version."""
    graph = str(article_iri(analysis.key))
    triples = article_triples(analysis)
    with store.session():  # the check and the write see the same state
        existed = article_hash(store, analysis.key) is not None
        store.replace_graph(graph, triples)
    return IngestResult(
        analysis.key, graph, Outcome.REPLACED if existed else Outcome.ADDED,
        len(analysis.content) if chars is None else chars,
        len(analysis.statements), len(analysis.entities), len(analysis.figures), len(analysis.relations),
    )


def _check_unique_keys(docs: Sequence[SourceDoc]) -> None:
    seen: dict[str, str] = {}
    for doc in docs:
        if doc.key in seen and seen[doc.key] != doc.source:
            raise InputError(
                f"{seen[doc.key]} and {doc.source} would both be article {doc.key!r}; rename one of them"
            )
        seen[doc.key] = doc.source


def _analyses(
    docs: Sequence[SourceDoc], lang: Lang, lexicons: tuple[Path, ...], workers: int, analyzer: Analyzer | None
) -> Iterable[ArticleAnalysis]:
    if analyzer is not None:
        return (analyzer(d) for d in docs)
    if workers <= 1 or len(docs) <= 1:
        return (_analyze(d, lang, lexicons) for d in docs)
    pool = ProcessPoolExecutor(max_workers=workers)
    # map() keeps input order, so writes stay deterministic while extraction runs in parallel.
    return _drain(pool, pool.map(_analyze, docs, [lang] * len(docs), [lexicons] * len(docs), chunksize=1))


def _drain(pool: ProcessPoolExecutor, it: Iterable[ArticleAnalysis]) -> Iterable[ArticleAnalysis]:
    with pool:
        yield from it


def remove_article(store: Store, key: str) -> bool:
    """Drop one article's named graph; entities stay while another article mentions them."""
    if article_hash(store, key) is None:
        return False
    store.remove_graph(str(article_iri(key)))
    return True
