"""The document model: what every input becomes before anything is extracted.

A ``Document`` holds the plain text a reader sees (``content``; every offset indexes into it),
its structure as typed spans, its metadata and the spans that are boilerplate. It knows nothing
about spaCy or RDF: the extractors read it, the graph maps its metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum


class Format(str, Enum):
    """How an input is written; detected from its content as well as its file suffix."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class BlockKind(str, Enum):
    """What a span of the text is, as a reader would name it."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CAPTION = "caption"
    FOOTNOTE = "footnote"
    REFERENCE = "reference"  # an entry of a reference list
    TABLE_ROW = "table_row"
    LEAD = "lead"  # the opening paragraph(s) of the body: a region, overlapping the blocks in it
    CONCLUSION = "conclusion"  # the closing section (结语, 笔者观点, "Conclusion"): a region
    EMPHASIS = "emphasis"  # a run of running text the writer set in bold: a span inside a block

    @property
    def is_region(self) -> bool:
        """Regions span several blocks; emphasis lies inside one; every other kind is one block of text."""
        return self in (BlockKind.LEAD, BlockKind.CONCLUSION)

    @property
    def is_heading(self) -> bool:
        return self in (BlockKind.TITLE, BlockKind.HEADING)


@dataclass(frozen=True, slots=True)
class Block:
    """One typed span of ``Document.content``; ``level`` is the heading level (1–6), else 0."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A span that is not the article's argument (a credit, a notice, a caption's source …)."""

    start: int
    end: int
    reason: str  # the rule that matched, e.g. "credit", "copyright", "image-source"


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str = ""
    published: date | datetime | None = None
    author: str = ""
    publisher: str = ""
    url: str = ""
    language: str = ""  # "zh" or "en" when the source says so; detection happens in the extractors
    description: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """One input, read: plain text, structure, metadata and boilerplate.

    ``source`` is where it came from (a path, ``stdin`` or an upload name) and ``format`` how
    it was written. Blocks and boilerplate are sorted by start offset.
    """

    content: str
    format: Format = Format.TEXT
    source: str = ""
    metadata: Metadata = field(default_factory=Metadata)
    blocks: tuple[Block, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()

    def text_of(self, span: Block | Boilerplate) -> str:
        return self.content[span.start : span.end]

    def blocks_of(self, *kinds: BlockKind) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]

    @property
    def title(self) -> str:
        return self.metadata.title

    def body_text(self) -> str:
        """The text without boilerplate spans (what the article says, for a quick look)."""
        out, pos = [], 0
        for bp in self.boilerplate:
            out.append(self.content[pos : bp.start])
            pos = max(pos, bp.end)
        out.append(self.content[pos:])
        return "".join(out)
