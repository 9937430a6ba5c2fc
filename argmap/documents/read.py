"""Any input to one ``Document``: decode, split off front matter, detect the format by content
as well as suffix, read the blocks, lay them out."""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence
from pathlib import Path

from argmap.documents.assemble import assemble
from argmap.documents.dates import parse_date
from argmap.documents.frontmatter import split_front_matter
from argmap.documents.model import BlockKind, Document, Format, Metadata
from argmap.documents.rules import BoilerplateRules, load_rules
from argmap.errors import InputError

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
SUFFIXES: Mapping[str, Format] = {
    ".txt": Format.TEXT, ".text": Format.TEXT, ".md": Format.MARKDOWN, ".markdown": Format.MARKDOWN,
    ".mdown": Format.MARKDOWN, ".html": Format.HTML, ".htm": Format.HTML, ".xhtml": Format.HTML,
}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
_PAGE_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S)
_MD_SIGNALS = re.compile(r"^\s{0,3}#{1,6}\s+\S|\[[^\]\n]+\]\((?:https?://|/)[^)\n]*\)|\*\*[^*\n]+\*\*|^\s{0,3}>\s+\S", re.M)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_META_KEYS: Mapping[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "date": ("date", "published", "pubdate", "pubDate", "date_published", "datePublished", "created", "publish_date"),
    "author": ("author", "authors", "creator", "byline", "by"),
    "publisher": ("publisher", "site", "site_name", "sitename", "publication", "source_name", "media"),
    "url": ("url", "link", "canonical", "canonical_url", "canonicalURL", "permalink", "source_url", "original_url", "original"),
    "language": ("lang", "language", "locale"),
    "description": ("description", "summary", "excerpt", "abstract"),
}


def decode(data: bytes, name: str, *, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """Bytes to text, refusing what is not an article: empty, binary, too large, not UTF-8."""
    if len(data) > max_bytes:
        raise InputError(f"{name}: {len(data):,} bytes is larger than the {max_bytes:,}-byte limit for one article")
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not text; give a .txt, .md or .html article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {exc.start}); convert it first, e.g. iconv -f GB18030 -t UTF-8"
        ) from None
    if len(_CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536) + 8:
        raise InputError(f"{name}: looks like a binary file, not text; give a .txt, .md or .html article")
    if not text.strip():
        raise InputError(f"{name}: the article is empty")
    return text


def _checked_text(text: str, name: str, max_bytes: int) -> str:
    """Text given as a string gets the checks that ``decode`` gives bytes."""
    if len(text) > max_bytes or len(text.encode("utf-8")) > max_bytes:
        raise InputError(f"{name}: larger than the {max_bytes:,}-byte limit for one article")
    if not text.strip():
        raise InputError(f"{name}: the article is empty")
    return text


def detect_format(text: str, *, suffix: str = "") -> Format:
    """HTML when the text is a page or mostly tags, whatever its suffix; Markdown for .md (and for
    plain text that is plainly Markdown); otherwise the suffix decides."""
    by_suffix = SUFFIXES.get(suffix.lower())
    if _PAGE_START.match(text) or by_suffix is Format.HTML:
        return Format.HTML
    if _mostly_tags(text):
        return Format.HTML
    if by_suffix is Format.MARKDOWN:
        return Format.MARKDOWN
    if len(_MD_SIGNALS.findall(text)) >= 3:
        return Format.MARKDOWN
    return Format.TEXT


def _mostly_tags(text: str) -> bool:
    """A body written in HTML: many tags, and markup makes up a fair share of it."""
    tags = _TAG.findall(text)
    if len(tags) < 3:
        return False
    markup = sum(len(m.group()) for m in _TAG.finditer(text))
    visible = len(text.strip())
    return markup >= 0.2 * visible or text.lstrip().startswith("<")


def read_document(
    data: bytes | str,
    *,
    name: str = "article",
    suffix: str = "",
    fmt: Format | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    rules: BoilerplateRules | None = None,
    extra_rules: Sequence[Path | str] = (),
) -> Document:
    """Read one article (bytes or text) into a ``Document``; ``name`` is used in errors and as source."""
    text = decode(data, name, max_bytes=max_bytes) if isinstance(data, bytes) else _checked_text(data, name, max_bytes)
    rules = rules or load_rules(extra_rules)
    front, body = split_front_matter(text, name)
    fmt = fmt or detect_format(body, suffix=suffix)
    found: dict[str, Any] = {}
    verbatim = None
    if fmt is Format.HTML:
        from argmap.documents.page import is_whole_page

        if is_whole_page(body):
            from argmap.documents.page import page_blocks

            raw, found = page_blocks(body, rules)
        else:
            from argmap.documents.html import html_blocks

            raw = html_blocks(body, rules)
    elif fmt is Format.MARKDOWN:
        from argmap.documents.markdown import markdown_blocks

        raw = markdown_blocks(body, rules)
    else:
        from argmap.documents.text import text_blocks

        raw, verbatim = text_blocks(body), body
    doc = assemble(raw, fmt=fmt, metadata=_metadata(front, found), rules=rules, source=name, verbatim=verbatim)
    if not _has_body(doc):
        if any(b.kind is not None and not (b.reason or rules.line_reason(b.text)) and any(c.isalnum() for c in b.text)
               for b in raw):  # a line of text, and it is the title
            raise InputError(f"{name}: only a title, no article text (a feed's stub?); pass the whole article")
        raise InputError(f"{name}: no text left once the markup is removed")
    return doc


def _has_body(doc: Document) -> bool:
    """Some text beyond the title and the boilerplate: a title alone is not an article."""
    body = doc.body_text()
    titles = [doc.text_of(b) for b in doc.blocks if b.kind is BlockKind.TITLE]
    for title in titles:
        body = body.replace(title, "", 1)
    return any(ch.isalnum() for ch in body)


def _metadata(front: Mapping[str, Any], page: Mapping[str, Any]) -> Metadata:
    values = {field: _first(front, keys) or page.get(field, "") for field, keys in _META_KEYS.items()}
    lang = str(values["language"] or "").lower().replace("_", "-").split("-")[0]
    return Metadata(
        title=_as_text(values["title"]), published=parse_date(values["date"]), author=_as_text(values["author"]),
        publisher=_as_text(values["publisher"]), url=_url(values["url"]),
        language=lang if lang in ("zh", "en") else "", description=_as_text(values["description"]),
    )


def _first(front: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in front.items()}
    return next((lowered[k.lower()] for k in keys if lowered.get(k.lower()) not in (None, "", [])), None)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_as_text(v) for v in value if _as_text(v))
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title") or "")
    return " ".join(str(value).split())


def _url(value: Any) -> str:
    text = _as_text(value)
    return text if re.match(r"https?://\S+$", text) else ""
