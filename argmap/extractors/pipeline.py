"""Language dispatch and the cache of built spaCy pipelines.

``run_pipeline`` is what ``api.analyze`` calls: it takes a ``Document`` (the document layer
has already found the boilerplate to skip and the headings), runs the language's pipeline over
its text and returns the typed ``ArticleAnalysis``. Building a pipeline takes about a second (jieba's dictionary,
the lexicons), so built pipelines are kept in a ``PipelineCache`` per language and
lexicon files; pass your own cache to control its lifetime.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from argmap.errors import InputError, LanguageError, LexiconError
from argmap.documents import MAX_ARTICLE_BYTES, BlockKind, Document, Format, read_document
from argmap.extractors.model import ArticleAnalysis, EntityRelation, Span, Statement

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from argmap.extractors.components.argument.model import ArgumentState, Regions

CONFIG_ZH = Path(__file__).resolve().parent / "config_zh.cfg"
SUPPORTED = ("zh", "en")


def build_chinese(*, lexicons: Sequence[Path | str] = (), config_path: Path = CONFIG_ZH,
                  name_sources: Sequence[str] | None = None) -> "Language":
    """A fresh Chinese pipeline assembled from ``config_zh.cfg``; ``lexicons`` extend the shipped data;
    ``name_sources`` replaces the config's sources of names outside the lexicon (``()``: the lexicon only)."""
    import spacy

    import argmap.extractors.zh  # noqa: F401  (registers the tokenizer and the components)

    overrides = config_overrides(lexicons, name_sources)
    config = spacy.util.load_config(config_path, overrides=overrides, interpolate=True)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    # spaCy's 1M-character guard protects a parser's memory; this pipeline has none (its name model reads
    # windows), and the document layer already holds an article to MAX_ARTICLE_BYTES
    nlp.max_length = MAX_ARTICLE_BYTES + 1
    return nlp


def config_overrides(lexicons: Sequence[Path | str], name_sources: Sequence[str] | None) -> dict[str, object]:
    """Config overrides shared by both languages' pipelines."""
    out: dict[str, object] = {"argmap.lexicons": [str(p) for p in lexicons]}
    if name_sources is not None:
        out["argmap.name_sources"] = list(name_sources)
    return out


class PipelineCache:
    """Built pipelines keyed by language and lexicon files; small, explicit, per owner."""

    def __init__(self, *, name_sources: Sequence[str] | None = None) -> None:
        self._built: dict[tuple[str, tuple[str, ...]], Language] = {}
        self.name_sources = name_sources  # None: as the config says

    def get(self, lang: str, lexicons: Sequence[Path | str] = ()) -> "Language":
        key = (lang, _lexicon_key(lexicons))
        nlp = self._built.get(key)
        if nlp is None:
            nlp = self._build(lang, [Path(p) for p in key[1]])
            self._built[key] = nlp
        return nlp

    def clear(self) -> None:
        self._built.clear()

    def _build(self, lang: str, lexicons: list[Path]) -> "Language":
        if lang == "zh":
            return build_chinese(lexicons=lexicons, name_sources=self.name_sources)
        if lang == "en":
            return _english_module().build_english(lexicons=lexicons, name_sources=self.name_sources)
        raise LanguageError(f"language {lang!r} is not supported; use one of {', '.join(SUPPORTED)} or auto")


DEFAULT_CACHE = PipelineCache()  # empty until first use: nothing is built at import time


def as_document(document: Document | str, *, key: str = "text") -> Document:
    """A ``Document`` as given; a string is read as plain text (its boilerplate lines marked)."""
    if isinstance(document, Document):
        return document
    if not document.strip():
        raise InputError(f"article {key!r} is empty; pass a file with text in it")
    return read_document(document, name=key, fmt=Format.TEXT)


@dataclass(frozen=True, slots=True)
class Layout:
    """What the document layer tells the extractors: the boilerplate to skip, the headings, where the lead
    and the closing section are (the thesis is often stated there) and what the writer set in bold."""

    skipped: list[Span]
    headings: list[Span]
    regions: "Regions"


def layout(doc: Document) -> Layout:
    from argmap.extractors.components.argument.model import Regions

    def region(kind: BlockKind) -> tuple[int, int] | None:
        found = doc.blocks_of(kind)
        return (found[0].start, found[0].end) if found else None

    return Layout([Span(b.start, b.end) for b in doc.boilerplate],
                  [Span(b.start, b.end) for b in doc.blocks if b.kind.is_heading],
                  Regions(lead=region(BlockKind.LEAD), conclusion=region(BlockKind.CONCLUSION),
                          quotes=tuple((b.start, b.end) for b in doc.blocks_of(BlockKind.QUOTE)),
                          emphasis=tuple((b.start, b.end) for b in doc.blocks_of(BlockKind.EMPHASIS))))


def run_pipeline(
    document: Document | str,
    *,
    key: str,
    lang: str,
    title: str = "",
    source: str = "",
    lexicons: Sequence[Path | str] = (),
    cache: PipelineCache | None = None,
) -> ArticleAnalysis:
    """Extract one article; ``lang`` is ``zh`` or ``en`` (detection happens in ``api.analyze``).

    The extractors see the document's plain text, never markup: its boilerplate spans stay out
    of extraction and its title and headings name entities but are never statements."""
    if lang not in SUPPORTED:
        raise LanguageError(f"language {lang!r} is not supported; use one of {', '.join(SUPPORTED)} or auto")
    doc = as_document(document, key=key)
    content, title, source = doc.content, title or doc.title, source or doc.source
    nlp = (cache or DEFAULT_CACHE).get(lang, lexicons)
    laid = layout(doc)
    if lang == "en":  # the English entry point adds its own guards and says where entity relations are stated
        analysis = _english_module().analyze_english(
            content, key=key, lang=lang, title=title, source=source, lexicons=[Path(p) for p in _lexicon_key(lexicons)],
            skipped=laid.skipped, headings=laid.headings, regions=laid.regions, nlp=nlp)
    else:
        analysis = doc_analysis(pipeline_doc(nlp, content, title=title, laid=laid),
                                key=key, lang=lang, title=title, source=source)
    analysis.metadata = doc.metadata
    return analysis


def pipeline_doc(nlp: "Language", content: str, *, title: str = "", laid: Layout | None = None) -> "Doc":
    """``content`` run through the components of ``nlp`` (either language's), told what the document layer
    found (``laid``: nothing by default); what they found is on the Doc (``state.get_state``)."""
    from argmap.extractors.components.argument.model import REGIONS_KEY, TITLE_KEY, Regions
    from argmap.extractors.state import start_state

    doc = _made_doc(nlp, content)
    start_state(doc, content, laid.skipped if laid else (), laid.headings if laid else ())
    doc.user_data[TITLE_KEY] = title
    doc.user_data[REGIONS_KEY] = laid.regions if laid else Regions()
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def doc_analysis(doc: "Doc", *, key: str, lang: str, title: str, source: str) -> ArticleAnalysis:
    """The typed result of a Doc that ``pipeline_doc`` made: what the components left on its state, with the
    statements and relations of the argument stage, and the statement each entity relation is said in."""
    from argmap.extractors.components.argument.model import argument_state
    from argmap.extractors.state import get_state

    state, argument = get_state(doc), argument_state(doc)
    state.statements, state.relations = argument.statements, argument.relations
    locate_entity_relations(state.entity_relations, state.statements)
    return state.to_analysis(key=key, lang=lang, title=title, source=source)


def locate_entity_relations(relations: list[EntityRelation], statements: list[Statement]) -> None:
    """Each entity relation is said in the first statement that mentions both of its ends (none: ``None``),
    so that the map and the store can point at where the article states it."""
    by_ref: dict[str, set[str]] = {}
    for statement in statements:
        for ref in statement.mentions:
            by_ref.setdefault(ref, set()).add(statement.id)
    order = {s.id: n for n, s in enumerate(statements)}
    for rel in relations:
        shared = by_ref.get(rel.subject, set()) & by_ref.get(rel.object, set())
        rel.statement = min(shared, key=order.__getitem__) if shared else None


def _made_doc(nlp: "Language", content: str) -> "Doc":
    """The Doc the components work on. A tokenizer that can give the text without spaCy tokens, which no
    component reads, does (``JiebaTokenizer.untokenized``: making the tokens costs twice the segmentation);
    past ``nlp.max_length`` spaCy's own ``make_doc`` raises its error."""
    untokenized = getattr(nlp.tokenizer, "untokenized", None)
    if untokenized is not None and len(content) <= nlp.max_length:
        return untokenized(content)
    return nlp.make_doc(content)


def argument_input(document: Document | str, *, lang: str, key: str = "text", title: str = "",
                   cache: PipelineCache | None = None) -> "ArgumentState":
    """The argument stage's input for one article: its units and typed statements, before the thesis and
    the relations are decided (what ``argmap.extractors.train.argument`` learns those from)."""
    from argmap.extractors.components.argument.model import argument_state

    doc_ = as_document(document, key=key)
    nlp = (cache or DEFAULT_CACHE).get(lang)
    laid = layout(doc_)
    with nlp.select_pipes(disable=["thesis", "relations"]):
        doc = pipeline_doc(nlp, doc_.content, title=title or doc_.title, laid=laid)
    return argument_state(doc)


def _english_module():  # noqa: ANN202  (a module)
    try:
        import argmap.extractors.en as en
    except ImportError as exc:
        raise LanguageError(f"the English pipeline is not available ({exc}); ingest Chinese articles or use --lang zh") from None
    if not hasattr(en, "analyze_english"):
        raise LanguageError("the English pipeline is not available yet; ingest Chinese articles or use --lang zh")
    return en


def _lexicon_key(lexicons: Sequence[Path | str]) -> tuple[str, ...]:
    out = []
    for raw in lexicons:
        path = Path(raw)
        if not path.is_file():
            raise LexiconError(f"lexicon {raw}: no such file; pass a JSON lexicon file (see argmap/extractors/data/README.md)")
        out.append(str(path.resolve()))
    return tuple(out)
