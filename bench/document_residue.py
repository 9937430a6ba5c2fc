"""Markup and metadata residue in what argmap extracts from real articles.

Reads every .md/.txt/.html file in a folder (for example the development gold texts, kept outside the
repository), runs the document layer and the extractors, and counts statements and entity labels that
still hold markup, a URL, a front-matter line or a boilerplate credit. The target is zero.

usage: .venv/bin/python bench/document_residue.py DIR
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from argmap.documents import SUFFIXES, read_document
from argmap.extractors import Lang, analyze

RESIDUE = re.compile(
    r"<[A-Za-z/]|data-[a-z]+=|\]\(|^\s*(?:title|date|author|categories|headimg|thumbnail|comments):|https?://|www\.|&[a-z]+;"
    r"|图片来源|图源|未经授权|不得转载|编辑[｜|]|^文[｜|]|The following article is from|All rights reserved"
)


def main(folder: str) -> int:
    total = 0
    print(f"{'text':12} {'format':9} {'statements':>10} {'residue':>8} {'entities':>9} {'residue':>8}")
    for path in sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in SUFFIXES):
        document = read_document(path.read_bytes(), name=path.name, suffix=path.suffix)
        analysis = analyze(document, key=path.stem, lang=Lang.AUTO)
        bad_st = [s.text for s in analysis.statements if RESIDUE.search(s.text)]
        labels = [lab for e in analysis.entities for lab in (e.label, *e.labels.values(), *e.aliases)]
        bad_ent = [lab for lab in labels if RESIDUE.search(lab)]
        total += len(bad_st) + len(bad_ent)
        print(f"{path.stem:12} {document.format.value:9} {len(analysis.statements):>10} {len(bad_st):>8} "
              f"{len(analysis.entities):>9} {len(bad_ent):>8}")
        for text in bad_st + bad_ent:
            print(f"    {text[:100]!r}")
    print(f"residue in all: {total}")
    return 0 if total == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(sys.argv[1]))
