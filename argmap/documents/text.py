"""Plain text to blocks: one block per non-empty line, left where it is (plain text is stored as given)."""

from __future__ import annotations

import re

from argmap.documents.blocks import RawBlock, looks_like_heading
from argmap.documents.model import BlockKind

_LINE = re.compile(r"[^\r\n]+")
_TITLE_LINE = re.compile(r"\s*([^\r\n]+)\r?\n[ \t]*\r?\n")


def text_blocks(text: str) -> list[RawBlock]:
    """One block per line; a first line set apart by a blank line, and shaped like a heading, is the title."""
    out: list[RawBlock] = []
    for m in _LINE.finditer(text):
        line = m.group()
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if body:
            out.append(RawBlock(BlockKind.PARAGRAPH, body, start=m.start() + lead))
    first = _TITLE_LINE.match(text)
    if out and first and looks_like_heading(first.group(1)):
        out[0].kind, out[0].level = BlockKind.HEADING, 1
    return out
