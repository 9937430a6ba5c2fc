"""Lay read blocks out as one ``Document``: text, typed spans, boilerplate and the regions
(lead, conclusion) that later stages use. The same rules run for every format."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import islice

from argmap.documents.blocks import RawBlock, looks_like_heading, normalize_space
from argmap.documents.model import Block, BlockKind, Boilerplate, Document, Format, Metadata
from argmap.documents.rules import BoilerplateRules

_REMOVED_INLINE = frozenset({"url", "markup", "footnote-marker"})  # in rebuilt text these go; in plain text they are marked
_REFERENCE_ENTRY = re.compile(r"^\s*\[\d{1,3}\]\s*\S")
_ENTRIES = 3  # numbered [n] entries in a row that make a reference list without a heading
_CLOSING = re.compile(r"^\s*(?:总之|综上所述|综上|总而言之|归根结底|说到底|In conclusion|In short|In sum|To sum up|All in all|Ultimately|The bottom line)\b")
# a quotation signed with a dash run and a name: "… —— 赫伯特 · 西蒙", "… — Peter Drucker"
_SIGNATURE = re.compile(r"(?:^|\s)(?:——|—|―|––|–|--)\s*[^\s—–―-][^。！？.!?]{0,40}$")
_MAX_CAPTION = 40
_MIN_LEAD = 60
_PROSE = (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM)


@dataclass(slots=True)
class _Laid:
    kind: BlockKind
    text: str
    level: int
    start: int = 0
    reason: str | None = None
    added: bool = False  # not in the input: a stated title laid out in front of the text
    bold_runs: tuple[str, ...] = ()  # RawBlock.bold_runs

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def assemble(
    raw: list[RawBlock],
    *,
    fmt: Format,
    metadata: Metadata,
    rules: BoilerplateRules,
    source: str = "",
    verbatim: str | None = None,
) -> Document:
    """``verbatim`` is the plain text the blocks were read from (their ``start`` indexes into it):
    it is kept as the document's text instead of joining the blocks anew."""
    blocks = _classify(_cleaned(raw, rules, keep_inline=verbatim is not None), rules, fmt)
    blocks, metadata = _titled(blocks, metadata)
    _epigraph(blocks)
    _sections(blocks, rules)
    content = _layout(blocks, verbatim)
    spans = [Block(b.kind, b.start, b.end, b.level) for b in blocks]
    spans += _regions(blocks, rules)
    spans += _emphasis(blocks, content)
    boilerplate = [Boilerplate(b.start, b.end, b.reason) for b in blocks if b.reason]
    boilerplate += _inline(blocks, content, rules, plain=verbatim is not None)
    return Document(
        content=content, format=fmt, source=source, metadata=metadata,
        blocks=tuple(sorted(spans, key=lambda s: (s.start, -s.end))),
        boilerplate=tuple(_merged(boilerplate)),
    )


def _cleaned(raw: list[RawBlock], rules: BoilerplateRules, *, keep_inline: bool) -> list[RawBlock]:
    """Drop link targets and stray markup from rebuilt text (plain text keeps them, marked)."""
    if keep_inline:
        return raw
    out = []
    for b in raw:
        removed = _merged([Boilerplate(s, e, r) for s, e, r in rules.inline_spans(b.text) if r in _REMOVED_INLINE])
        text = b.text
        for span in reversed(removed):  # from the end, so earlier offsets stay valid
            # a link target keeps the words apart; a marker [1] leaves nothing
            text = text[: span.start] + ("" if span.reason == "footnote-marker" else " ") + text[span.end :]
        text = normalize_space(text) if removed else text
        if text or b.kind is None:
            out.append(replace(b, text=text))
    return out


def _classify(raw: list[RawBlock], rules: BoilerplateRules, fmt: Format) -> list[_Laid]:
    out: list[_Laid] = []
    after_image = False
    for i, b in enumerate(raw):
        if b.kind is None:
            after_image = True
            continue
        kind, reason = b.kind, b.reason or rules.line_reason(b.text)
        nxt = _next_text(raw, i)
        if reason is None and kind is BlockKind.PARAGRAPH and after_image and b.bold and _is_heading(b, fmt, nxt):
            kind = BlockKind.HEADING  # a bold line after an image heads the next section, as bold lines elsewhere do
        elif reason is None and kind in (BlockKind.PARAGRAPH, BlockKind.CAPTION) and _is_caption(b.text, after_image, nxt, rules):
            kind, reason = BlockKind.CAPTION, "caption"
        elif reason is None and kind is BlockKind.CAPTION:
            reason = "caption"
        elif reason is None and kind is BlockKind.PARAGRAPH and _is_heading(b, fmt, nxt):
            kind = BlockKind.HEADING
        level = b.level or (3 if kind is BlockKind.HEADING and fmt is not Format.TEXT else 0)
        out.append(_Laid(kind, b.text, level, b.start or 0, reason, bold_runs=b.bold_runs))
        after_image = False
    return out


def _next_text(raw: list[RawBlock], i: int) -> str | None:
    return next((b.text for b in raw[i + 1 :] if b.kind is not None), None)


def _is_caption(text: str, after_image: bool, nxt: str | None, rules: BoilerplateRules) -> bool:
    """A short line right after an image, or right before an image's source line."""
    if len(text) > _MAX_CAPTION or not looks_like_heading(text) and not text.endswith(("图", "图片")):
        return False
    return after_image or (nxt is not None and rules.line_reason(nxt) == "image-source")


def _is_heading(b: RawBlock, fmt: Format, nxt: str | None) -> bool:
    if not looks_like_heading(b.text):
        return False
    if fmt is Format.TEXT:  # no markup to go by: a short line that a longer paragraph follows
        return nxt is not None and len(nxt) > len(b.text) and not looks_like_heading(nxt)
    return b.bold


def _titled(blocks: list[_Laid], metadata: Metadata) -> tuple[list[_Laid], Metadata]:
    """The title is the first block: the stated title, or a first heading when none is stated."""
    first = next((b for b in blocks if not b.reason), None)
    title = metadata.title.strip()
    if first is not None and title and same_words(first.text, title):
        first.kind = BlockKind.TITLE
    elif title:
        blocks.insert(0, _Laid(BlockKind.TITLE, normalize_space(title), 1, added=True))
    elif first is not None and first is blocks[0] and first.kind is BlockKind.HEADING and 1 <= first.level <= 2:
        first.kind = BlockKind.TITLE
        metadata = replace(metadata, title=first.text)
    return blocks, metadata


def same_words(text: str, title: str) -> bool:
    """The same letters and digits in the same order: a feed's front matter often writes a title's quotation
    marks and question marks as underscores (瑞禾的“小目标” stored as 瑞禾的_小目标_), and the
    body repeats the title as written."""
    letters = ["".join(ch for ch in t.casefold() if ch.isalnum()) for t in (text, title)]
    return bool(letters[0]) and letters[0] == letters[1]


def _epigraph(blocks: list[_Laid]) -> None:
    """The quotations set before the body's first paragraph or heading, signed with a dash and a name, are
    the epigraph: a motto the writer borrows, not their argument (and not the lead)."""
    opening: list[_Laid] = []
    for b in blocks:
        if b.reason or b.kind is BlockKind.TITLE:
            continue
        if b.kind is not BlockKind.QUOTE:
            # a signature on its own line after the quotation belongs to it
            if opening and _SIGNATURE.match(b.text.strip()):
                opening.append(b)
            break
        opening.append(b)
    if opening and _SIGNATURE.search(opening[-1].text.strip()):
        for b in opening:
            b.reason = "epigraph"


def _sections(blocks: list[_Laid], rules: BoilerplateRules) -> None:
    """Reference lists (after 参考资料 / References, or a closing run of [n] lines) are boilerplate. A reference
    list closes the article: what follows it is the outlet's (a promotion's heading, 作者简介) unless a heading
    opens a section of the argument again (结语, Conclusion, or one numbered as a section: 三、…, 4. …)."""
    in_refs = False
    for i, b in enumerate(blocks):
        role = rules.heading_role(b.text)
        # also a plain "参考资料：" line, or a list of [1], [2], [3] … entries with no heading before it
        opens_refs = role == "reference" or (not in_refs and _numbered_entries(blocks, i))
        if opens_refs or (b.kind.is_heading and (not in_refs or role is not None or rules.numbered(b.text))):
            in_refs = opens_refs
            if in_refs:
                b.reason = "reference"
        elif in_refs and not b.reason:
            b.kind, b.reason = BlockKind.REFERENCE, "reference"
    for b in reversed(blocks):
        if b.reason and b.reason != "reference":
            continue
        if not _REFERENCE_ENTRY.match(b.text):
            break
        b.kind, b.reason = BlockKind.REFERENCE, "reference"


def _numbered_entries(blocks: list[_Laid], i: int) -> bool:
    """Block ``i`` opens a run of entries numbered [1], [2], [3] (``_ENTRIES`` of them at least): a reference
    list, wherever it stands (a promotion after it kept the closing-run test from reaching it)."""
    if not blocks[i].text.lstrip().startswith("[1]"):
        return False  # most blocks: no list starts here, and nothing after them is read
    entries = list(islice((b for b in islice(blocks, i, None) if b.kind is not BlockKind.EMPHASIS), _ENTRIES))
    return len(entries) == _ENTRIES and all(
        re.match(rf"\s*\[{n}\]\s*\S", b.text) is not None for n, b in enumerate(entries, start=1))


def _layout(blocks: list[_Laid], verbatim: str | None) -> str:
    """The document's text: rebuilt blocks one per line, or the plain text as given."""
    if verbatim is None:
        pos = 0
        for b in blocks:
            b.start = pos
            pos = b.end + 1
        return "\n".join(b.text for b in blocks) + ("\n" if blocks else "")
    prefix = blocks[0].text + "\n\n" if blocks and blocks[0].added else ""  # a stated title the text lacks
    for b in blocks:
        b.start = 0 if b.added else b.start + len(prefix)
    return prefix + verbatim


def _regions(blocks: list[_Laid], rules: BoilerplateRules) -> list[Block]:
    body = [b for b in blocks if not b.reason and b.kind not in (BlockKind.TITLE, BlockKind.CAPTION)]
    out: list[Block] = []
    first = next((i for i, b in enumerate(body) if b.kind in _PROSE), None)
    headed = _section(body, rules, "lead")
    if headed:  # a 前言 / Introduction section is the lead, however many paragraphs it has
        out.append(Block(BlockKind.LEAD, headed[0].start, headed[-1].end))
    elif first is not None:
        lead = body[first : first + 1]
        if len(lead[0].text) < _MIN_LEAD and first + 1 < len(body) and body[first + 1].kind in _PROSE:
            lead.append(body[first + 1])  # a one-line opening: the lead goes on to the next paragraph
        out.append(Block(BlockKind.LEAD, lead[0].start, lead[-1].end))
    conclusion = _conclusion(body, rules)
    if conclusion:
        out.append(Block(BlockKind.CONCLUSION, conclusion[0].start, conclusion[-1].end))
    return out


def _emphasis(blocks: list[_Laid], content: str) -> list[Block]:
    """The bold runs inside running text, where they are in ``content``: what the writer stresses (a bold
    sentence in a paragraph is how much Chinese commentary marks its points). A paragraph bold throughout
    is emphasis too when it is prose; a bold line that reads as a heading is already a heading."""
    out: list[Block] = []
    for b in blocks:
        if b.reason or b.kind not in _PROSE:
            continue
        pos = b.start
        for run in b.bold_runs:
            found = content.find(run, pos, b.end)
            if found < 0:  # cleaning changed the run's text (a link target dropped from it): no span to give
                continue
            out.append(Block(BlockKind.EMPHASIS, found, found + len(run)))
            pos = found + len(run)
    return out


def _section(body: list[_Laid], rules: BoilerplateRules, role: str) -> list[_Laid]:
    """The blocks under the first heading of ``role`` (up to the next heading of its level or higher)."""
    for i, b in enumerate(body):
        if b.kind.is_heading and rules.heading_role(b.text) == role:
            section = []
            for nxt in body[i + 1 :]:
                if nxt.kind.is_heading and (nxt.level <= b.level or not b.level):
                    break
                section.append(nxt)
            if section:
                return section
    return []


def _conclusion(body: list[_Laid], rules: BoilerplateRules) -> list[_Laid]:
    section = _section(body, rules, "conclusion")
    if section:
        return section
    tail = [b for b in body if not b.kind.is_heading]
    for i, b in enumerate(tail):
        if i >= len(tail) * 0.6 and _CLOSING.match(b.text):
            return tail[i:]
    return []


def _inline(blocks: list[_Laid], content: str, rules: BoilerplateRules, *, plain: bool) -> list[Boilerplate]:
    out = []
    for b in blocks:
        if b.reason:
            continue
        for start, end, reason in rules.inline_spans(content[b.start : b.end]):
            if plain or reason not in _REMOVED_INLINE:
                out.append(Boilerplate(b.start + start, b.start + end, reason))
    return out


def _merged(spans: list[Boilerplate]) -> list[Boilerplate]:
    out: list[Boilerplate] = []
    for sp in sorted(spans, key=lambda s: (s.start, s.end)):
        if sp.start >= sp.end:
            continue
        if out and sp.start <= out[-1].end:
            out[-1] = Boilerplate(out[-1].start, max(out[-1].end, sp.end), out[-1].reason)
        else:
            out.append(sp)
    return out
