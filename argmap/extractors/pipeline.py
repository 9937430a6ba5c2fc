"""One way to build and run the pipeline of either language, and the cache of built pipelines.

``build_pipeline(lang)`` assembles a language's spaCy pipeline from the config kept with its data
(``lang/<lang>/config.cfg``: its tokenizer, then the same steps under the same names for every language).
``run_pipeline`` is what ``api.analyze`` calls: it takes a ``Document`` (the document layer has already
found the boilerplate to skip and the headings) and gives ``analyze_text`` its plain text and layout, which
checks the input, runs the pipeline (``pipeline_doc``) and returns the typed ``ArticleAnalysis``
(``doc_analysis``) the same way whatever the language. Building a pipeline takes about a second (jieba's
dictionary, the lexicons, the name models), so built pipelines are kept in a ``PipelineCache`` per language
and lexicon files; pass your own cache to control its lifetime.
"""

from __future__ import annotations

import importlib
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

LANG_DIR = Path(__file__).resolve().parent / "lang"
SUPPORTED = ("zh", "en")


def supported(lang: str) -> str:
    """``lang`` if argmap has a pipeline for it; a ``LanguageError`` that names the choices otherwise."""
    if lang not in SUPPORTED:
        raise LanguageError(f"language {lang!r} is not supported; use one of {', '.join(SUPPORTED)} or auto")
    return lang


def language_config(lang: str) -> Path:
    """The pipeline config shipped with a language's data: ``lang/<lang>/config.cfg``."""
    return LANG_DIR / supported(lang) / "config.cfg"


def build_pipeline(lang: str, *, lexicons: Sequence[Path | str] = (), name_sources: Sequence[str] | None = None,
                   config_path: Path | None = None) -> "Language":
    """A fresh pipeline for ``lang`` assembled from its config (``language_config``, or ``config_path``):
    the language's tokenizer, then its components. ``lexicons`` extend the shipped data; ``name_sources``
    replaces the config's sources of names outside the lexicon (``()``: the lexicon only)."""
    import spacy

    # the language's package registers its tokenizer and components (and the shared argument stage)
    importlib.import_module(f"argmap.extractors.lang.{supported(lang)}")
    config = spacy.util.load_config(config_path or language_config(lang),
                                    overrides=config_overrides(lexicons, name_sources), interpolate=True)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    # spaCy's 1M-character guard protects a parser's memory; these pipelines have none (the name models read
    # windows), and no article is longer than MAX_ARTICLE_BYTES (the document layer's limit, in characters too)
    nlp.max_length = MAX_ARTICLE_BYTES
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
        key = (supported(lang), _lexicon_key(lexicons))
        nlp = self._built.get(key)
        if nlp is None:
            nlp = build_pipeline(lang, lexicons=key[1], name_sources=self.name_sources)
            self._built[key] = nlp
        return nlp

    def clear(self) -> None:
        self._built.clear()


DEFAULT_CACHE = PipelineCache()  # empty until first use: nothing is built at import time


def check_content(content: str, *, key: str) -> None:
    """The one input check of every language's run: an empty article, or one past the document layer's
    ``MAX_ARTICLE_BYTES``, is an ``InputError`` with a one-line message that says what to do."""
    if not content.strip():
        raise InputError(f"article {key!r} is empty; pass a file with text in it")
    # UTF-8 takes at most 4 bytes a character: short texts need no encoding to pass
    if len(content) * 4 > MAX_ARTICLE_BYTES and (size := len(content.encode("utf-8"))) > MAX_ARTICLE_BYTES:
        raise InputError(f"article {key!r} has {size:,} bytes, more than the {MAX_ARTICLE_BYTES:,}-byte limit "
                         "for one article; split it into parts")


def as_document(document: Document | str, *, key: str = "text") -> Document:
    """A ``Document`` as given; a string is read as plain text (its boilerplate lines marked)."""
    if isinstance(document, Document):
        return document
    check_content(document, key=key)
    return read_document(document, name=key, fmt=Format.TEXT)


@dataclass(frozen=True, slots=True)
class Layout:
    """What the document layer tells the extractors: the boilerplate to skip, the headings, where the lead
    and the closing section are (the thesis is often stated there) and what the writer set in bold.
    Text the document layer has not read has none of these (``Layout()``)."""

    skipped: Sequence[Span] = ()
    headings: Sequence[Span] = ()
    regions: "Regions | None" = None  # None: no lead, conclusion, quotes or emphasis known


def layout(doc: Document) -> Layout:
    from argmap.extractors.components.argument.model import Regions

    def region(kind: BlockKind) -> tuple[int, int] | None:
        found = doc.blocks_of(kind)
        return (found[0].start, found[0].end) if found else None

    return Layout([Span(b.start, b.end) for b in doc.boilerplate],
                  [Span(b.start, b.end) for b in doc.blocks if b.kind.is_heading],
                  Regions(lead=region(BlockKind.LEAD), conclusion=region(BlockKind.CONCLUSION),
                          quotes=tuple((b.start, b.end) for b in doc.blocks_of(BlockKind.QUOTE)),
                          emphasis=tuple((b.start, b.end) for b in doc.blocks_of(BlockKind.EMPHASIS)),
                          tables=tuple((b.start, b.end) for b in doc.blocks_of(BlockKind.TABLE_ROW))))


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
    supported(lang)
    doc = as_document(document, key=key)
    analysis = analyze_text(doc.content, key=key, lang=lang, title=title or doc.title, source=source or doc.source,
                            laid=layout(doc), lexicons=lexicons, cache=cache)
    analysis.metadata = doc.metadata
    return analysis


def analyze_text(
    content: str,
    *,
    key: str,
    lang: str,
    title: str = "",
    source: str = "",
    laid: Layout | None = None,
    lexicons: Sequence[Path | str] = (),
    cache: PipelineCache | None = None,
) -> ArticleAnalysis:
    """One article's plain text through the language's pipeline, told what the document layer found in it
    (``laid``; none for text it has not read, such as a corpus's gold text): the run every language takes."""
    nlp = (cache or DEFAULT_CACHE).get(lang, lexicons)
    return doc_analysis(pipeline_doc(nlp, content, key=key, title=title, laid=laid),
                        key=key, lang=lang, title=title, source=source)


def pipeline_doc(nlp: "Language", content: str, *, key: str = "text", title: str = "",
                 laid: Layout | None = None) -> "Doc":
    """``content`` run through the components of ``nlp`` (either language's), told what the document layer
    found (``laid``: nothing by default); what they found is on the Doc (``state.get_state``)."""
    from argmap.extractors.components.argument.model import REGIONS_KEY, TITLE_KEY, Regions
    from argmap.extractors.state import start_state

    check_content(content, key=key)
    laid = laid or Layout()
    doc = _made_doc(nlp, content)
    start_state(doc, content, laid.skipped, laid.headings)
    doc.user_data[TITLE_KEY] = title
    doc.user_data[REGIONS_KEY] = laid.regions if laid.regions is not None else Regions()
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
    with nlp.select_pipes(disable=["thesis", "relations"]):
        doc = pipeline_doc(nlp, doc_.content, key=key, title=title or doc_.title, laid=layout(doc_))
    return argument_state(doc)


def _lexicon_key(lexicons: Sequence[Path | str]) -> tuple[str, ...]:
    out = []
    for raw in lexicons:
        path = Path(raw)
        if not path.is_file():
            raise LexiconError(f"lexicon {raw}: no such file; pass a JSON lexicon file (see argmap/extractors/data/README.md)")
        out.append(str(path.resolve()))
    return tuple(out)
