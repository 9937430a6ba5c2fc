"""The Chinese tokenizer's tag table is jieba's (laid out for lookups), WordTags answers as a lookup in it, and the
untokenized Doc extraction runs on carries the same text and segmentation as the full one."""

from __future__ import annotations

import jieba
import jieba.posseg
from spacy.vocab import Vocab

from argmap.extractors.state import TEXT_KEY
from argmap.extractors.lang.zh.tokenizer import JiebaTokenizer, WordTags, segmented_words


def test_tag_table_equals_jiebas() -> None:
    tokenizer = JiebaTokenizer(Vocab())
    assert tokenizer.pos_tags() == dict(jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab)
    tokenizer.add_words(["测试品牌甲"])
    assert tokenizer.pos_tags()["测试品牌甲"] == "nz"


def test_word_tags_answer_as_the_table() -> None:
    table = {"小米": "nz", "手机": "n", "的": "uj"}
    tags = WordTags(table, ["小米", "的", "未知词"])
    for word in ["小米", "手机", "的", "未知词", "另一个"]:
        assert tags[word] == table.get(word)
    fresh = WordTags(table)
    assert fresh.get("手机") == "n" and fresh.get("另一个", "") == "" and fresh.get("小米", "") == "nz"


def test_untokenized_doc_carries_the_segmentation() -> None:
    tokenizer = JiebaTokenizer(Vocab())
    text = "小米的高端化 仍停留在价格层面。\n  Xiaomi 14 Ultra  售价6499元。\n"
    full, bare = tokenizer(text), tokenizer.untokenized(text)
    assert len(bare) == 0 and len(full) > 0
    assert segmented_words(bare) == segmented_words(full) is not None
    assert bare.user_data[TEXT_KEY] == full.user_data[TEXT_KEY] == full.text == text
