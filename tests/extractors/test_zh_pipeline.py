"""Language dispatch, the pipeline cache and input errors."""

from __future__ import annotations

import pytest

from argmap.errors import InputError, LanguageError
from argmap.extractors import Lang, analyze
from argmap.extractors.pipeline import PipelineCache, run_pipeline


def test_cache_builds_each_pipeline_once() -> None:
    cache = PipelineCache()
    assert cache.get("zh") is cache.get("zh")
    names = [name for name, _ in cache.get("zh").pipeline]
    assert names == ["sentences", "entities", "figures", "strategies", "units", "statements", "thesis", "relations"]


def test_components_are_registered_under_versioned_names() -> None:
    nlp = PipelineCache().get("zh")
    assert {nlp.get_pipe_meta(name).factory for name in nlp.pipe_names} == {
        "argmap_zh_sentences_v1", "argmap_zh_entities_v2", "argmap_zh_figures_v1",
        "argmap_strategies_v2", "argmap_zh_units_v1",
        # the argument stage is shared with English
        "argmap_statements_v2", "argmap_thesis_v1", "argmap_relations_v2"}


def test_lexicon_words_do_not_leak_into_the_global_jieba() -> None:
    import jieba

    PipelineCache().get("zh")
    assert "双十一" not in jieba.lcut("今年双十一的销量")  # jieba's default still splits it


@pytest.mark.parametrize("lang", ["fr", "", "ZH"])
def test_unsupported_language(lang: str) -> None:
    with pytest.raises(LanguageError):
        run_pipeline("小米。", key="t", lang=lang)


@pytest.mark.parametrize("content", ["", "   \n\t"])
def test_empty_article(content: str) -> None:
    with pytest.raises(InputError):
        run_pipeline(content, key="t", lang="zh")


def test_auto_detects_chinese() -> None:
    analysis = analyze("小米正全力冲击高端品牌，摆脱性价比的标签。", key="t", lang=Lang.AUTO)
    assert analysis.lang == "zh" and analysis.statements


def test_a_chinese_article_past_a_million_characters_is_read() -> None:
    # spaCy's default guard (1,000,000 characters, about 3 MB of Chinese) stopped articles the document layer
    # accepts (up to 5 MB) with a traceback
    nlp = PipelineCache().get("zh")
    doc = nlp.make_doc("小米的高端化仍停留在价格层面。" * 80_000)
    assert len(doc.text) > 1_000_000
