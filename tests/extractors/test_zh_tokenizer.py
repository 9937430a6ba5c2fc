"""The Chinese tokenizer's tag table is jieba's (laid out for lookups), and WordTags answers as a lookup in it."""

from __future__ import annotations

import jieba
import jieba.posseg
from spacy.vocab import Vocab

from argmap.extractors.zh.tokenizer import JiebaTokenizer, WordTags


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
