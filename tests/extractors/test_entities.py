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
    ("zh", "健力宝公司发布财报。健力宝的销量上涨，健力宝仍是第一。",  # a name no lexicon lists
     [("brand/健力宝", ["健力宝公司", "健力宝", "健力宝"])]),
    ("zh", "小米发布新机，一款小米旗舰机型登顶。",
     [("brand/xiaomi", ["小米", "小米"]), ("product/xiaomi-flagship", ["小米旗舰机型"])]),
    # Latin terms the Chinese beside them translate are no names; a name's transliteration (赞多) is no gloss
    ("zh", "AARRR模型里有Retention（用户留存）、Referral（推荐传播）。黄金圈的When（什么时候）和How（怎么做）最重要，"
           "When决定How。S代表态度“Attitude”，Attitude第一。Zandolo（赞多洛）推出新品，Zandolo门店增加。用户通过“KelmarGo”应用下单，"
           "KelmarGo很好用。",
     [("brand/zandolo", ["Zandolo", "Zandolo"]), ("brand/kelmargo", ["KelmarGo", "KelmarGo"])]),
    # a kind of institution names nothing alone, one after its place or name does; -化, directions and a
    # company's size are no names
    ("zh", "凯达在新加坡交易所挂牌上市。公司追求利润最大化，国际化步伐加快。中南部市场增长，做大公司很难，对大公司和小公司都难。"
           "沃顿商学院的教授认为交易所会跟进。",
     [("organization/新加坡交易所", ["新加坡交易所"]), ("organization/沃顿商学院", ["沃顿商学院"])]),
    # a Latin word given its Chinese name in parentheses is a name, whatever its case; one given a translation
    # is a term; the last word of a longer Latin name is no name alone
    ("zh", "Zandolo（赞多洛）和kelmari（凯尔玛丽）都在扩张；模型里的Pricing（价格策略）很重要，Under Kelmar（安德凯）也是。",
     [("brand/zandolo", ["Zandolo"]), ("brand/kelmari", ["kelmari"])]),
    # a person's title before a name: athletes and scholars too; a function character ends the name
    ("zh", "跳水选手王小倩夺冠，经济学家张五常认为，教授说了句话，球员和教练都到了。",
     [("person/王小倩", ["王小倩"]), ("person/张五常", ["张五常"])]),
    ("en", "Carl-Peter Forster, chief executive of GM Europe, said Opel sales rose.",
     [("person/carl-peter-forster", ["Carl-Peter Forster"]), ("brand/general-motors", ["GM"]),
      ("brand/opel", ["Opel"])]),
    ("en", "Xiaomi 14 Ultra sold well, Xiaomi said. General Motors (GM) disagreed.",
     [("product/xiaomi-14-ultra", ["Xiaomi 14 Ultra"]), ("brand/xiaomi", ["Xiaomi"]),
      ("brand/general-motors", ["General Motors", "GM"])]),
    # a maker's number before a kind of vehicle or device is a product; before stores, a count
    ("en", "Kelmar has taken on BMW's 750 sports cars. Apple's 500 stores stayed open.",
     [("organization/kelmar", ["Kelmar"]), ("product/bmw-750", ["BMW's 750"]), ("brand/apple", ["Apple"])]),
    # a product line's name and a lower-case variant word (Mac mini, iPod nano); not after a stop word
    ("en", "The Zandor mini sold well. Some nano chips did not.", [("product/zandor-mini", ["Zandor mini"])]),
    # a title that is also a common noun (partner, officer) makes no person of the capitalised run beside it
    ("en", "Zandor agreed a deal with its partner Kelmar Motors. Readers of the Kelmar Post, one finance officer "
           "wrote, want shorter stories, chief executive Ann Lee said.",
     [("brand/zandor", ["Zandor"]), ("brand/kelmar-motors", ["Kelmar Motors"]),
      ("organization/kelmar-post", ["Kelmar Post"]), ("person/ann-lee", ["Ann Lee"])]),
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
     ("chief executive", "brand/general-motors")),  # GM is the lexicon's General Motors; Europe, its unit
    # every title that finds a person also names the person's role: one list of titles per language
    ("zh", "跳水选手王小倩夺冠。", "person/王小倩", ("选手", None)),
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


@pytest.mark.parametrize(
    ("text", "lang", "events"),
    [
        ("The Commonwealth Games lifted hotel sales in the city.", "en", {"event/commonwealth-games"}),
        ("Zandor Games sued the store, and Zandor lost.", "en", set()),  # Games: a games maker's company word
        ("亚运会期间，凯达的销量上涨。", "zh", {"event/asian-games"}),
    ],
)
def test_sports_events_are_known_and_a_games_maker_is_no_event(text: str, lang: str, events: set[str]) -> None:
    analysis = run_pipeline(text, key="t", lang=lang, cache=PipelineCache())
    assert {e.ref for e in analysis.entities if e.ref.startswith("event/")} == events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Shoppers queued at APPLE stores. APPLE said sales rose.", "en"),  # found by its shape, spelt in capitals
    ],
)
def test_an_entity_the_lexicon_knows_is_named_as_the_lexicon_names_it(text: str, lang: str) -> None:
    """Whichever source finds it: a store that holds APPLE beside Apple as the brand's English label lists
    the brand twice wherever it is named."""
    analysis = run_pipeline(text, key="t", lang=lang, cache=PipelineCache())
    (apple,) = [e for e in analysis.entities if e.key == "apple"]
    assert apple.labels == {"zh": "苹果", "en": "Apple"} and "APPLE" in apple.aliases


def test_a_lexicon_entry_names_a_hit_of_its_ref_from_another_source() -> None:
    from argmap.extractors.lexicon import LexEntry

    entry = LexEntry(EntityKind.BRAND, "kelmar", {"zh": "凯玛", "en": "Kelmar"}, ("凯玛", "Kelmar"))
    state = DocState("KELMAR said it grew.")
    record(state, [EntityHit(EntityKind.BRAND, "kelmar", 0, 6, "KELMAR", {"en": "KELMAR"})], {entry.ref: entry})
    entity = state.entities["brand/kelmar"]
    assert (entity.labels, entity.aliases) == ({"zh": "凯玛", "en": "Kelmar"}, ("KELMAR",))
    record(other := DocState("Kelmar said it grew."),
           [EntityHit(EntityKind.BRAND, "kelmar", 0, 6, "Kelmar", {"en": "Kelmar"})], {entry.ref: entry})
    assert other.entities["brand/kelmar"].aliases == ()  # its own label is no other name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known brand, then a line's name: a product of that brand
        ("Buyers liked the Cadillac BLS.", [("product/cadillac-bls", "brand/cadillac")]),
        ("The car runs on the Nvidia Drive Orin chip.", [("product/nvidia-drive-orin", "brand/nvidia")]),
        # … not a company word (the company itself), a title (its people) or a place (its unit)
        ("Mitsubishi Motors grew.", [("brand/mitsubishi", None)]),
        ("Costco Wholesale grew.", [("brand/costco", None)]),
        ("Verizon Communications bought it.", [("brand/verizon", None)]),
        ("Apple CEO Tim Cook spoke.", [("brand/apple", None), ("person/tim-cook", None)]),
        ("Sales at Apple China rose.", [("brand/apple", None)]),
    ],
)
def test_a_known_brand_and_a_lines_name_are_its_product(text: str, expected: list[tuple[str, str | None]]) -> None:
    entities = run_pipeline(text, key="t", lang="en", cache=PipelineCache()).entities
    assert [(e.ref, e.brand) for e in entities] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aston's cars sold well.", ["brand/aston-martin"]),  # a brand's own first word names it
        ("China's smartphones sold well.", []),  # a place that opens brands' names (China Mobile) names none
    ],
)
def test_a_brands_first_word_names_it_unless_a_place(text: str, expected: list[str]) -> None:
    assert [e.ref for e in run_pipeline(text, key="t", lang="en", cache=PipelineCache()).entities] == expected


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

    text = "公司创始人林远舟认为，林远舟的品牌要做大。赞多很大，“赞多”面包也卖。"
    person = EntityHit(EntityKind.PERSON, "林远舟", 5, 8, "林远舟", {"zh": "林远舟"})
    as_brand = EntityHit(EntityKind.BRAND, "林远舟", 11, 14, "林远舟", {"zh": "林远舟"})
    brand = EntityHit(EntityKind.BRAND, "赞多", 21, 23, "赞多", {"zh": "赞多"})
    untitled = EntityHit(EntityKind.PERSON, "赞多", 27, 29, "赞多", {"zh": "赞多"})
    out = person_or_brand([person, as_brand, brand, untitled], text, ["创始人", "董事长"])
    assert [(h.ref, h.start) for h in out] == [("person/林远舟", 5), ("person/林远舟", 11), ("brand/赞多", 21),
                                               ("person/赞多", 27)]  # no title: nothing to go by




@pytest.mark.parametrize(("title", "counts", "expected"), [
    # the headline's brand, named nearly as often as the one the text names most: the story is about it
    ("Acme targeting Globex in growth plan", {"Acme": 3, "Globex": 4}, "brand/acme"),
    # … but a brand the title only sets the scene with does not outweigh the one the text is about
    ("Facing Globex, what does Acme have?", {"Acme": 9, "Globex": 2}, "brand/acme"),
    ("Globex faces a slump", {"Acme": 9, "Globex": 2}, "brand/acme"),
    # a name inside a longer word of the title is not named by it
    ("GlobexAcme sales rise", {"Acme": 2, "Globex": 3}, "brand/globex"),
    ("", {"Acme": 2, "Globex": 3}, "brand/globex"),
    ("面对Globex，Acme有何优势？", {"Acme": 2, "Globex": 2}, "brand/globex"),
])
def test_the_main_brand_is_the_titles_when_the_text_is_about_it_too(title: str, counts: dict[str, int],
                                                                    expected: str) -> None:
    from argmap.extractors.components.entities import titled_brand

    text = " ".join(f"{name} sells." for name, n in counts.items() for _ in range(n))
    hits = []
    cursor = 0
    for name, n in counts.items():
        for _ in range(n):
            start = text.index(name, cursor)
            hits.append(EntityHit(EntityKind.BRAND, name.lower(), start, start + len(name), name,
                                  {"en": name}))
            cursor = start + len(name)
    refs = [h.ref for h in hits]
    assert titled_brand(hits, refs, text, title) == expected
