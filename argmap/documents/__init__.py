"""Reading inputs: any article (plain text, Markdown with inline HTML and front matter, a whole
web page) becomes one ``Document`` — plain text, structure, metadata and boilerplate spans —
before anything is extracted. Knows nothing about spaCy or RDF."""

from argmap.documents.model import Block, BlockKind, Boilerplate, Document, Format, Metadata
from argmap.documents.read import MAX_ARTICLE_BYTES, SUFFIXES, decode, detect_format, read_document
from argmap.documents.rules import BoilerplateRules, load_rules

__all__ = [
    "Block", "BlockKind", "Boilerplate", "BoilerplateRules", "Document", "Format", "MAX_ARTICLE_BYTES",
    "Metadata", "SUFFIXES", "decode", "detect_format", "load_rules", "read_document",
]
