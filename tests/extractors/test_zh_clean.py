"""Cleaning: markup and boilerplate become skipped spans; offsets stay in the text as ingested."""

from __future__ import annotations

import pytest

from argmap.extractors.clean import find_skipped, markdown_to_text, to_plain_text
from argmap.extractors.pipeline import run_pipeline


def skipped_texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_skipped(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("正文。\n![]()\n正文。", ["![]()"]),
        ("图：![封面](https://x.cn/a.jpg)", ["![封面](https://x.cn/a.jpg)"]),
        ("正文<br/>继续&nbsp;。", ["<br/>", "&nbsp;"]),
        ("见[这篇报道](https://x.cn/r)。", ["[", "](https://x.cn/r)"]),
        ("详见 https://example.com/a?b=1 。", ["https://example.com/a?b=1"]),
        ("正文。\n信息来源:\n特别声明：以上内容为用户上传。", ["信息来源:", "特别声明：以上内容为用户上传。"]),
        ("Notice: The content above is uploaded by a user.", ["Notice: The content above is uploaded by a user."]),
        ("小米发布了战报，营收290亿元。", []),
    ],
)
def test_find_skipped(text: str, expected: list[str]) -> None:
    assert skipped_texts(text) == expected


def test_boilerplate_is_kept_out_of_extraction_but_offsets_still_index_the_content() -> None:
    text = ("![]()\n小米的高端化仍停留在价格层面。\n信息来源:\n"
            "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。\n"
            "Notice: The content above is uploaded and posted by a user of NetEase Hao.\n")
    analysis = run_pipeline(text, key="t", lang="zh")
    assert analysis.content == text
    assert [s.text for s in analysis.statements] == ["小米的高端化仍停留在价格层面。"]
    assert all(text[s.start:s.end] == s.text for s in analysis.statements)
    refs = {e.ref for e in analysis.entities}
    assert "brand/netease" not in refs and "brand/notice" not in refs
    assert {text[s.start:s.end] for s in analysis.skipped} >= {"![]()", "信息来源:"}


def test_markdown_to_plain_text_drops_images_and_link_markup() -> None:
    assert markdown_to_text("# 标题\n![](a.png)\n见[报道](http://x)。**重点**") == "标题\n\n见报道。重点"
    assert to_plain_text("纯文本 ![]()", "text") == "纯文本 ![]()"
