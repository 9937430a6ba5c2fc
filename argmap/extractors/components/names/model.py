"""argmap's trained NER as a source of names: loaded on first use, read span by span."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from argmap.extractors.components.names.data import LANG_DIR, NameLabel, NameSource, NameSpan, trim, without_descriptors
from argmap.extractors.model import Span

if TYPE_CHECKING:
    from spacy.language import Language


def model_path(lang: str) -> Path:
    return LANG_DIR / lang / "ner"


@lru_cache(maxsize=2)
def load_model(lang: str) -> "Language | None":
    """The language's NER, loaded on first use (a few MB); ``None`` where none is shipped."""
    path = model_path(lang)
    if not (path / "config.cfg").is_file():
        return None
    import spacy

    return spacy.load(path)


def model_names(nlp: "Language", text: str, spans: Sequence[Span], *, batch_size: int = 256) -> list[NameSpan]:
    """The model's entities in each span (a sentence, or a window of one), with offsets into ``text``.
    Each span is its own document: the English model reads a joined text worse than its sentences."""
    out: list[NameSpan] = []
    texts = (text[s.start:s.end] for s in spans)
    for span, doc in zip(spans, nlp.pipe(texts, batch_size=batch_size)):
        for ent in doc.ents:
            label = _LABELS.get(ent.label_)
            if label is None:
                continue
            start, end = without_descriptors(text, *trim(text, span.start + ent.start_char, span.start + ent.end_char))
            if end > start:
                out.append(NameSpan(start, end, text[start:end], label, NameSource.MODEL))
    return out


_LABELS = {label.value: label for label in NameLabel}
