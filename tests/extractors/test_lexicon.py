"""The one lexicon format: a user file's cues reach the language they are written for; bad files are one clear error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.errors import LexiconError
from argmap.extractors.lang.en.markers import MarkerFinder
from argmap.extractors.lexicon import DISCOURSE_ROLES, LANG_DIR, languages, lexicon_for
from argmap.extractors.pipeline import PipelineCache, analyze_text, run_pipeline
from argmap.extractors.state import MarkerRole
from argmap.extractors.tsv_lexicon import main as convert_tsv

EN_SENTENCE = "Zorblax reportedly lost ground to its rivals last year."
ZH_TEXT = "品牌必须赢得溢价。佐布拉克斯据说失去了高端市场的份额。"  # an opening claim, then the sentence under test
BRAND = {"kind": "brand", "key": "zorblax", "en": "Zorblax", "zh": "佐布拉克斯"}


def _write(tmp_path: Path, data: dict[str, Any] | str, name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _en_hedged(lexicons: list[Path]) -> bool:
    return analyze_text(EN_SENTENCE, key="t", lang="en", lexicons=lexicons).statements[0].hedged


def _zh_hedged(lexicons: list[Path]) -> bool:
    return run_pipeline(ZH_TEXT, key="t", lang="zh", lexicons=lexicons, cache=PipelineCache()).statements[1].hedged


def test_one_file_carries_cues_for_both_languages(tmp_path: Path) -> None:
    both = _write(tmp_path, {"entities": [BRAND], "en": {"cues": {"hedge": ["reportedly"]}},
                             "zh": {"cues": {"hedge": ["据说"]}}})
    assert not _en_hedged([]) and not _zh_hedged([])
    assert _en_hedged([both]) and _zh_hedged([both])


def test_lang_names_the_language_of_top_level_cues(tmp_path: Path) -> None:
    english = _write(tmp_path, {"lang": "en", "cues": {"hedge": ["reportedly"]}})
    chinese = _write(tmp_path, {"lang": "zh", "cues": {"hedge": ["据说"]}}, "zh.json")
    assert _en_hedged([english]) and not _en_hedged([chinese])
    assert _zh_hedged([chinese]) and not _zh_hedged([english])


def test_english_cue_classes_and_markers_from_a_user_file(tmp_path: Path) -> None:
    lexicon = _write(tmp_path, {"entities": [BRAND], "en": {
        "strategies": [{"type": "Premiumization", "cues": ["gold-plated range"]}],
        "discourse": [{"marker": "to be fair", "role": "concession"}]}})
    loaded = lexicon_for("en", [lexicon])
    premium = next(c for c in loaded.strategies if c.type == "Premiumization")
    assert premium.slug == "premiumization" and premium.cues[-1] == "gold-plated range"  # added, slug kept
    assert loaded.discourse["to be fair"].position == "initial"
    found = analyze_text("Zorblax launched a gold-plated range.", key="t", lang="en", lexicons=[lexicon])
    refs = {e.ref for e in found.entities}
    assert "strategy/zorblax-premiumization" in refs


def test_english_re_cues_match_as_whole_words_and_say_what_they_stand_for(tmp_path: Path) -> None:
    lexicon = _write(tmp_path, {"entities": [BRAND], "en": {
        "strategies": [{"type": "Premiumization", "cues": ["re:gold(?:en)?-plated"]}],
        "cues": {"hedge": ["re:report(?:ed)?ly"]},
        "discourse": [{"marker": "re:to be (?:fair|honest)", "role": "concession"}]}})
    assert _en_hedged([lexicon])
    found = analyze_text("Zorblax launched a golden-plated range.", key="t", lang="en", lexicons=[lexicon])
    refs = {e.ref for e in found.entities}
    assert "strategy/zorblax-premiumization" in refs
    text = "To be honest, the range sold well."
    marker = MarkerFinder(lexicon_for("en", [lexicon])).find(text, 0, len(text))
    assert marker is not None and marker.text == "To be honest" and marker.role is MarkerRole.CONCESSION


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ({"cues": {"hedge": ["reportedly"]}}, "which language"),  # cue data must say its language
        ({"lang": "fr", "cues": {"hedge": ["apparemment"]}}, "'fr'"),
        ({"en": {"entities": [BRAND]}}, "section"),  # entities serve every language: top level only
        ({"en": {"discourse": [{"marker": "however", "role": "contrast"}]}}, "say 'attack'"),  # the old Chinese name
        ({"en": {"discourse": [{"marker": "however", "role": "attack", "position": "last"}]}}, "position"),
        ({"zh": {"cues": {"hedge": ["re:(unclosed"]}}}, "malformed"),  # checked for an English article too
        ({"entities": [{"kind": "planet", "key": "mars", "en": "Mars"}]}, "malformed"),
        ("kind\tkey\tlabel_en\nbrand\tzorblax\tZorblax\n", "tsv_lexicon"),  # the old format: how to convert
    ],
)
def test_a_bad_user_lexicon_is_one_clear_error(tmp_path: Path, content: dict[str, Any] | str, needle: str) -> None:
    path = _write(tmp_path, content, "bad.tsv" if isinstance(content, str) else "bad.json")
    for lang in ("en", "zh"):
        with pytest.raises(LexiconError, match=path.name) as raised:
            run_pipeline("Zorblax is back.", key="t", lang=lang, lexicons=[path], cache=PipelineCache())
        assert needle in str(raised.value) and "\n" not in str(raised.value)


def test_every_language_has_its_shipped_cue_data_and_roles() -> None:
    assert languages() == ("en", "zh")
    assert all(sorted((LANG_DIR / lang / "lexicon").glob("*.json")) for lang in languages())
    assert DISCOURSE_ROLES == {f.value for f in MarkerRole}  # one vocabulary: what the argument stage reads


def test_an_old_tsv_lexicon_converts_to_one_that_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "hedges.tsv").write_text("# my hedges\ncue\nreportedly\n", encoding="utf-8")
    (tmp_path / "brands.tsv").write_text(
        "kind\tkey\tlabel_en\tlabel_zh\taliases\nbrand\tzorblax\tZorblax\t佐布拉克斯\tZorb|ZBX\n", encoding="utf-8")
    assert convert_tsv([str(tmp_path / "hedges.tsv"), str(tmp_path / "brands.tsv")]) == 0
    converted = _write(tmp_path, capsys.readouterr().out, "converted.json")
    assert _en_hedged([converted])
    zorblax = analyze_text(EN_SENTENCE, key="t", lang="en", lexicons=[converted]).entity("brand/zorblax")
    assert zorblax is not None and zorblax.labels["zh"] == "佐布拉克斯" and zorblax.aliases == ("Zorb", "ZBX")


@pytest.mark.parametrize(("lang", "text", "title"), [
    ("zh", "主理人林远舟表示，门店增加了。", "主理人"),
    ("en", "Kelmar hired sommelier Ann Lee. Ann Lee said sales rose.", "sommelier"),
])
def test_a_user_file_adds_person_titles_that_find_people_and_their_roles(tmp_path: Path, lang: str, text: str,
                                                                          title: str) -> None:
    mine = _write(tmp_path, {lang: {"patterns": {"person_title": [title]}}})
    persons = [(e.ref, e.role) for e in run_pipeline(text, key="t", lang=lang, lexicons=[mine], cache=PipelineCache()
                                                     ).entities if e.kind.value == "Person"]
    assert len(persons) == 1 and persons[0][1] == title
    without = run_pipeline(text, key="t", lang=lang, cache=PipelineCache()).entities
    assert all(e.role is None for e in without)
