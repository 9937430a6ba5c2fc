"""Main-content extraction for whole web pages: trafilatura (what argmap uses) against jusText,
on the test pages. Prints, per page, how many body sentences each keeps and how much page chrome
(navigation, ads, related links, comments, footer) each lets through.

usage: .venv/bin/python bench/main_content.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.documents.test_read_fixtures import CASES, FIXTURES  # noqa: E402  (the same expectations as the tests)


def with_trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or ""


def with_justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def with_argmap(html: str) -> str:
    from argmap.documents import read_document

    document = read_document(html, name="page", suffix=".html")
    return document.body_text()


EXTRACTORS: dict[str, Callable[[str], str]] = {"trafilatura": with_trafilatura, "jusText": with_justext, "argmap (trafilatura + rules)": with_argmap}


def main() -> None:
    pages = [(name, case) for name, case in sorted(CASES.items()) if name.endswith(".html")]
    print(f"{'page':24} {'extractor':28} {'body kept':>10} {'chrome kept':>12}")
    for name, case in pages:
        html = (FIXTURES / name).read_text(encoding="utf-8")
        for label, extract in EXTRACTORS.items():
            text = extract(html)
            kept = sum(s in text for s in case["body"])
            chrome = sum(s in text for s in case["absent"])
            print(f"{name:24} {label:28} {kept:>4}/{len(case['body']):<5} {chrome:>6}/{len(case['absent']):<5}")


if __name__ == "__main__":
    main()
