"""One dispatch path for both languages: building from the config kept with the language data, the pipeline
cache, the input check and language errors."""

from __future__ import annotations

import pytest

from argmap.errors import InputError, LanguageError
from argmap.extractors import Lang, analyze
from argmap.documents import MAX_ARTICLE_BYTES
from argmap.extractors.pipeline import (
    LANG_DIR, PipelineCache, analyze_text, build_pipeline, language_config, run_pipeline,
)


def test_cache_builds_each_pipeline_once() -> None:
    cache = PipelineCache()
    assert cache.get("zh") is cache.get("zh")
    names = [name for name, _ in cache.get("zh").pipeline]
    assert names == ["sentences", "entities", "figures", "strategies", "units", "statements", "thesis", "relations"]


def test_components_are_registered_under_versioned_names() -> None:
    nlp = PipelineCache().get("zh")
    assert {nlp.get_pipe_meta(name).factory for name in nlp.pipe_names} == {
        "argmap_zh_sentences_v1", "argmap_entities_v3",
        "argmap_figures_v2", "argmap_strategies_v2", "argmap_units_v2",
        # the argument stage is shared with English
        "argmap_statements_v2", "argmap_thesis_v1", "argmap_relations_v2"}


def test_both_languages_run_the_same_steps_under_the_same_names() -> None:
    cache = PipelineCache()
    zh, en = ([name for name, _ in cache.get(lang).pipeline] for lang in ("zh", "en"))
    # English alone needs spaCy's sentencizer before its sentences and a clause splitter after them
    assert [name for name in en if name not in ("sentencizer", "clauses")] == zh
    assert en.index("sentencizer") < en.index("sentences") < en.index("clauses") < en.index("entities")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_language_is_built_from_the_config_kept_with_its_data(lang: str) -> None:
    assert language_config(lang) == LANG_DIR / lang / "config.cfg" and language_config(lang).is_file()
    nlp = build_pipeline(lang)
    assert nlp.lang == lang and nlp.max_length == MAX_ARTICLE_BYTES


def test_building_an_unsupported_language_is_a_language_error() -> None:
    with pytest.raises(LanguageError):
        build_pipeline("fr")


def test_lexicon_words_do_not_leak_into_the_global_jieba() -> None:
    import jieba

    PipelineCache().get("zh")
    assert "双十一" not in jieba.lcut("今年双十一的销量")  # jieba's default still splits it


@pytest.mark.parametrize("lang", ["fr", "", "ZH"])
def test_unsupported_language(lang: str) -> None:
    with pytest.raises(LanguageError):
        run_pipeline("小米。", key="t", lang=lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("content", ["", "   \n\t"])
def test_empty_article(content: str, lang: str) -> None:
    for run in (run_pipeline, analyze_text):  # with or without the document layer: the same check
        with pytest.raises(InputError, match="is empty") as err:
            run(content, key="t", lang=lang)
        assert "\n" not in str(err.value)


@pytest.mark.parametrize(("lang", "char"), [("zh", "小"), ("en", "a")])
def test_an_article_past_the_document_layers_limit_is_refused_in_one_line(lang: str, char: str) -> None:
    content = char * (MAX_ARTICLE_BYTES // len(char.encode("utf-8")) + 1)  # one character too many, in bytes
    with pytest.raises(InputError, match="byte limit") as err:
        analyze_text(content, key="t", lang=lang)
    assert "\n" not in str(err.value)


def test_auto_detects_chinese() -> None:
    analysis = analyze("小米正全力冲击高端品牌，摆脱性价比的标签。", key="t", lang=Lang.AUTO)
    assert analysis.lang == "zh" and analysis.statements


def test_a_chinese_article_past_a_million_characters_is_read() -> None:
    # spaCy's default guard (1,000,000 characters, about 3 MB of Chinese) stopped articles the document layer
    # accepts (up to 5 MB) with a traceback
    nlp = PipelineCache().get("zh")
    doc = nlp.make_doc("小米的高端化仍停留在价格层面。" * 80_000)
    assert len(doc.text) > 1_000_000


@pytest.mark.parametrize(("text", "sentence", "lang"), [
    # a WeChat account's ID inside a sentence is boilerplate, but its sentence runs on after it
    ("---\ntitle: 瑞禾开店\n---\n<p>瑞禾的门店越开越多。一位店长对凯达周刊（ID：kaida2020）说，瑞禾今年还会再开五十家店。</p>\n",
     "一位店长对凯达周刊（ID：kaida2020）说，瑞禾今年还会再开五十家店。", "zh"),
    ("Kelmar opened more stores this year. Sales at its outlets (Source: Zandia Data) rose by a fifth in March.\n",
     "Sales at its outlets (Source: Zandia Data) rose by a fifth in March.", "en"),
])
def test_boilerplate_inside_a_sentence_does_not_cut_it(text: str, sentence: str, lang: str) -> None:
    from argmap.documents import read_document

    analysis = analyze(read_document(text.encode(), name="t.md", suffix=".md"), key="t", lang=Lang(lang))
    assert sentence in [s.text for s in analysis.statements]


@pytest.mark.parametrize(("text", "kept", "lang"), [
    # at a sentence's end the aside is cut off: the sentence is whole without it
    ("瑞禾的门店越开越多，全年新开了三百家（ID：kaida2020）。\n这说明瑞禾仍在快速扩张。\n", "瑞禾的门店越开越多，全年新开了三百家", "zh"),
    ("Kelmar opened three hundred stores this year (Source: Zandia Data).\nThat shows it is still growing fast.\n",
     "Kelmar opened three hundred stores this year", "en"),
])
def test_boilerplate_at_a_sentences_end_is_cut_off(text: str, kept: str, lang: str) -> None:
    from argmap.documents import read_document

    analysis = analyze(read_document(text.encode(), name="t.txt", suffix=".txt"), key="t", lang=Lang(lang))
    texts = [s.text for s in analysis.statements]
    assert any(t.startswith(kept) for t in texts) and not any("kaida2020" in t or "Zandia" in t for t in texts)
