"""The one entities component (argmap/extractors/components/entities.py) over both languages' finders."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from argmap.errors import LexiconError
from argmap.extractors.components import names
from argmap.extractors.components.entities import Entities, entity_finder, record
from argmap.extractors.lexicon import lexicon_for
from argmap.extractors.model import EntityKind, Span
from argmap.extractors.pipeline import PipelineCache, run_pipeline
from argmap.extractors.state import DocState, EntityHit, Unit, get_state

# text -> the entities it names, as (ref, mentions) in the order found; the textacy way: one row a case
CASES = [
    ("zh", "蔚来创始人李斌表示，蔚来ES7卖得好。",
     [("brand/nio", ["蔚来", "蔚来"]), ("person/william-li", ["李斌"]), ("product/nio-es7", ["ES7"])]),
    ("zh", "可口可乐公司发布财报。可口可乐的销量上涨，可口可乐仍是第一。",
     [("brand/可口可乐", ["可口可乐公司", "可口可乐", "可口可乐"])]),
    ("zh", "小米发布新机，一款小米旗舰机型登顶。",
     [("brand/xiaomi", ["小米", "小米"]), ("product/xiaomi-flagship", ["小米旗舰机型"])]),
    # Latin terms the Chinese beside them translate are no names; a name's transliteration (赞多) is no gloss
    ("zh", "STP理论分三步：Segmentation（市场细分）、Positioning（市场定位）。黄金圈的What（是什么）和How（怎么做）最重要，"
           "What决定How。Q代表质量“Quality”，Quality第一。Zandor（赞多）推出新品，Zandor门店增加。用户通过“KelmarGo”应用下单，"
           "KelmarGo很好用。",
     [("brand/zandor", ["Zandor", "Zandor"]), ("brand/kelmargo", ["KelmarGo", "KelmarGo"])]),
    # a kind of institution names nothing alone, one after its place or name does; -化, directions and a
    # company's size are no names
    ("zh", "蔚来在香港交易所完成上市。公司追求利润最大化，国际化步伐加快。中南部市场增长，出大公司很难，对大公司和小公司都难。"
           "斯隆商学院的教授认为交易所会跟进。",
     [("brand/nio", ["蔚来"]), ("organization/香港交易所", ["香港交易所"]), ("organization/斯隆商学院", ["斯隆商学院"])]),
    # a Latin word given its Chinese name in parentheses is a name, whatever its case; one given a translation
    # is a term; the last word of a longer Latin name is no name alone
    ("zh", "Zandolo（赞多洛）和kelmari（凯尔玛丽）都在扩张；STP里的Targeting（目标市场选择）很重要，Under Armor（安德玛）也是。",
     [("brand/under-armour", ["安德玛"]), ("brand/zandolo", ["Zandolo"]), ("brand/kelmari", ["kelmari"])]),
    # a person's title before a name: athletes and scholars too; a function character ends the name
    ("zh", "射击选手王小倩夺得金牌，经济学家张五常认为，设计师发了个新品，运动员和护跑员都到了。",
     [("person/王小倩", ["王小倩"]), ("person/张五常", ["张五常"])]),
    ("en", "Carl-Peter Forster, chief executive of GM Europe, said Opel sales rose.",
     [("person/carl-peter-forster", ["Carl-Peter Forster"]), ("brand/opel", ["Opel"])]),
    ("en", "Xiaomi 14 Ultra sold well, Xiaomi said. General Motors (GM) disagreed.",
     [("product/xiaomi-14-ultra", ["Xiaomi 14 Ultra"]), ("brand/xiaomi", ["Xiaomi"]),
      ("brand/general-motors", ["General Motors", "GM"])]),
    # a maker's number before a kind of vehicle or device is a product; before stores, a count
    ("en", "Aston Martin has gone head-to-head with Porsche's 911 sports cars. Apple's 500 stores stayed open.",
     [("brand/aston-martin", ["Aston Martin"]), ("product/porsche-911", ["Porsche's 911"]), ("brand/apple", ["Apple"])]),
    # a product line's name and a lower-case variant word (Mac mini, iPod nano); not after a stop word
    ("en", "The Zandor mini sold well. Some nano chips did not.", [("product/zandor-mini", ["Zandor mini"])]),
    ("en", "Acme Inc. sued Globex Corp. over Apple's sneakers.",
     [("brand/acme", ["Acme"]), ("brand/globex", ["Globex"]), ("brand/apple", ["Apple"])]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_each_language_finds_its_entities_through_the_one_component(
        lang: str, text: str, expected: list[tuple[str, list[str]]]) -> None:
    analysis = run_pipeline(text, key="t", lang=lang)
    assert [(e.ref, [m.text for m in e.mentions]) for e in analysis.entities] == expected


@pytest.mark.parametrize(("lang", "text", "person", "role"), [
    ("zh", "蔚来创始人李斌表示，蔚来ES7卖得好。", "person/william-li", ("创始人", "brand/nio")),
    ("en", "Carl-Peter Forster, chief executive of GM Europe, said Opel sales rose.", "person/carl-peter-forster",
     ("chief executive", None)),
])
def test_a_persons_role_is_read_the_same_way_in_both_languages(lang: str, text: str, person: str,
                                                               role: tuple[str, str | None]) -> None:
    entity = run_pipeline(text, key="t", lang=lang).entity(person)
    assert entity is not None and (entity.role, entity.role_at) == role


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_both_pipelines_run_the_one_factory(lang: str) -> None:
    nlp = PipelineCache().get(lang)
    assert nlp.get_pipe_meta("entities").factory == "argmap_entities_v3"


def test_the_first_hit_of_an_entity_names_it_and_later_ones_add_other_names() -> None:
    state = DocState("General Motors said GM and General Motors agree.")
    first = EntityHit(EntityKind.BRAND, "general-motors", 0, 14, "General Motors", {"en": "General Motors"})
    record(state, [first,
                   EntityHit(EntityKind.BRAND, "general-motors", 20, 22, "GM", {"en": "GM"}, ("GM",)),
                   EntityHit(EntityKind.BRAND, "general-motors", 27, 41, "General Motors", {"en": "General Motors"})])
    entity = state.entities["brand/general-motors"]
    assert (entity.label, entity.labels, entity.aliases) == ("General Motors", {"en": "General Motors"}, ("GM",))
    assert [m.text for m in entity.mentions] == ["General Motors", "GM", "General Motors"]


class _Listed:
    """A finder that reports the hits it was given: the component's work apart from any language's."""

    def __init__(self, hits: list[EntityHit]) -> None:
        self.hits = hits

    def find(self, doc: Doc, state: DocState) -> list[EntityHit]:
        return list(self.hits)


def test_units_name_their_entities_in_text_order_and_the_most_named_brand_is_the_main_one() -> None:
    text = "Globex beat Acme. Acme grew."
    acme, globex = ({"en": "Acme"}, {"en": "Globex"})
    hits = [EntityHit(EntityKind.BRAND, "acme", 12, 16, "Acme", acme),  # found first, named second
            EntityHit(EntityKind.BRAND, "globex", 0, 6, "Globex", globex),
            EntityHit(EntityKind.BRAND, "acme", 18, 22, "Acme", acme)]
    nlp = PipelineCache().get("en")
    doc = nlp.make_doc(text)
    state = get_state(doc)
    state.sentences = [Span(0, 17), Span(18, 28)]
    state.units = [Unit(0, 17, 0, 0, 0), Unit(18, 28, 1, 0, 0)]
    Entities(_Listed(hits), names.NameData.load("en"))(doc)
    assert list(state.entities) == ["brand/acme", "brand/globex"]  # in the order found
    assert [u.refs for u in state.units] == [["brand/globex", "brand/acme"], ["brand/acme"]]
    assert state.main_brand == "brand/acme"


def test_a_finder_the_config_names_must_exist() -> None:
    with pytest.raises(LexiconError, match="'fr'"):
        entity_finder("fr", lexicon_for("en"), None, names.ALL_FINDERS)


def test_a_name_given_a_persons_title_once_is_that_person_wherever_a_finder_read_it_as_a_brand() -> None:
    from argmap.extractors.components.entities import person_or_brand

    text = "公司创始人吴堂祥认为，吴堂祥的品牌要做大。麦当劳很大，“麦当劳”汉堡包也卖。"
    person = EntityHit(EntityKind.PERSON, "吴堂祥", 5, 8, "吴堂祥", {"zh": "吴堂祥"})
    as_brand = EntityHit(EntityKind.BRAND, "吴堂祥", 11, 14, "吴堂祥", {"zh": "吴堂祥"})
    brand = EntityHit(EntityKind.BRAND, "麦当劳", 21, 24, "麦当劳", {"zh": "麦当劳"})
    untitled = EntityHit(EntityKind.PERSON, "麦当劳", 28, 31, "麦当劳", {"zh": "麦当劳"})
    out = person_or_brand([person, as_brand, brand, untitled], text, ["创始人", "董事长"])
    assert [(h.ref, h.start) for h in out] == [("person/吴堂祥", 5), ("person/吴堂祥", 11), ("brand/麦当劳", 21),
                                               ("person/麦当劳", 28)]  # no title: nothing to go by
