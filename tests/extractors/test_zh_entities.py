"""Entities: one individual per thing however it is named; unknown names found by pattern; user lexicons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.documents import read_document
from argmap.errors import LexiconError
from argmap.extractors.api import analyze
from argmap.extractors.model import EntityKind
from argmap.extractors.pipeline import PipelineCache, run_pipeline
from argmap.samples import DEMO_ARTICLE


def refs(text: str, **kw: object) -> dict[str, list[str]]:
    analysis = run_pipeline(text, key="t", lang="zh", **kw)  # type: ignore[arg-type]
    return {e.ref: [m.text for m in e.mentions] for e in analysis.entities}


@pytest.mark.parametrize(
    ("text", "ref", "mentions"),
    [
        ("小米发布新机，Xiaomi的海外销量增长，小米集团股价上涨。", "brand/xiaomi", ["小米", "Xiaomi", "小米集团"]),
        ("双十一之后是双12，而双11的销量最高。", "event/singles-day", ["双十一", "双11"]),
        ("销量依赖618等促销节点。", "event/618", ["618"]),
        ("雷军表示感谢，Lei Jun also thanked fans.", "person/lei-jun", ["雷军", "Lei Jun"]),
        ("苹果手机和iPhone是一回事。", "product/iphone", ["苹果手机", "iPhone"]),
        ("苹果占据高端智能手机市场约六成。", "market/high-end-smartphone", ["高端智能手机市场"]),
        # a model written with and without the space before its number
        ("荣耀Magic 3很香。荣耀Magic3系列卖得好，荣耀Magic3的影像很强。", "product/magic-3", ["Magic 3", "Magic3", "Magic3"]),
    ],
)
def test_same_thing_named_differently_is_one_entity(text: str, ref: str, mentions: list[str]) -> None:
    assert refs(text)[ref] == mentions


@pytest.mark.parametrize(
    ("text", "ref", "kind"),
    [
        ("一款定价六千元的小米旗舰机型登顶。", "product/xiaomi-flagship", EntityKind.PRODUCT),
        ("极驰汽车发布了新车。", "brand/极驰", EntityKind.BRAND),
        ("Rivian的新车开始交付。", "brand/rivian", EntityKind.BRAND),
        ("新款Pixel 9将于下月上市。", "product/pixel-9", EntityKind.PRODUCT),
        # the word right before a Latin name said once says what it is: an app, an agency
        ("在岚城，通讯应用Zandix很火。", "brand/zandix", EntityKind.BRAND),
        ("营销机构Kelmarly的研究表明，短视频更火。", "organization/kelmarly", EntityKind.ORGANIZATION),
        # an item of a 、-list of Latin names is a name like its neighbours; "X等品牌" names X a brand
        ("岚城用户常用TikTok、Zandichat、Kelmee等应用。", "brand/zandichat", EntityKind.BRAND),
        ("岚城用户常用TikTok、Zandichat、Kelmee等应用。", "brand/kelmee", EntityKind.BRAND),
        ("研究表明，KLM等品牌在短视频平台投放更多。", "brand/klm", EntityKind.BRAND),
        # a commentator's title before an unknown name makes it a person
        ("财经评论员李明辉向媒体表示，原因是隐私。", "person/李明辉", EntityKind.PERSON),
        # a series and its number joined by a dot, right after the brand (大众ID.4X)
        ("凯达汽车ID.3上市了，岚城汽车V3.0版本也发布了。", "product/凯达-id-3", EntityKind.PRODUCT),
        ("特斯拉CEO马斯克宣布降价，蔚来创始人秦力洪回应。", "person/秦力洪", EntityKind.PERSON),
        ("字节跳动与云犀公司达成合作。", "organization/云犀", EntityKind.ORGANIZATION),
        # a foreign name transliterated, its two halves joined by a dot; the segmenter cuts it at the dot, inside a
        # long family name (坎 | 普拉德) and glues a verb on (韦恩说)
        ("分析师达伦·莫斯基认为，价格会上涨。", "person/达伦-莫斯基", EntityKind.PERSON),
        ("英格瓦·坎普拉德创立了岚城家居。", "person/英格瓦-坎普拉德", EntityKind.PERSON),
        ("凯达的创始人伊莎·韦恩说，价格会上涨。", "person/伊莎-韦恩", EntityKind.PERSON),
        # a body's word after a company suffix runs the name on, and types it: a securities house, no brand
        ("岚川国际证券的研究员说，价格会上涨。", "organization/岚川国际证券", EntityKind.ORGANIZATION),
        ("岚川品牌咨询创立于2021年。", "organization/岚川品牌咨询", EntityKind.ORGANIZATION),
        # a word in capitals is a term (IGBT, DTC品牌) unless it is called a brand
        ("凯达今年发布了自己的影像新品牌“ZANDX”。", "brand/zandx", EntityKind.BRAND),
        # a name in a list of sports events that ends in an event's word is an event (全运会, …公开赛)
        ("接下来还有奥运会、岚城公开赛、全运会等一系列体育盛事。", "event/全运会", EntityKind.EVENT),
    ],
)
def test_unknown_names_are_found_by_pattern(text: str, ref: str, kind: EntityKind) -> None:
    analysis = run_pipeline(text, key="t", lang="zh")
    entity = analysis.entity(ref)
    assert entity is not None, [e.ref for e in analysis.entities]
    assert entity.kind is kind


def test_the_trims_after_a_models_number_are_part_of_its_one_name() -> None:
    # another product, at another price: not also the model without its trims
    assert refs("新款Zandia 9 Pro将于下月上市。") == {"product/zandia-9-pro": ["Zandia 9 Pro"]}


def test_a_bodys_word_ends_the_name_it_types() -> None:
    # 咨询 is the firm's last word: the 数据 its report shows is no part of its name
    assert refs("岚川咨询数据显示，销量下滑。") == {"organization/岚川咨询": ["岚川咨询"]}


@pytest.mark.parametrize(
    ("text", "ref", "mentions"),
    [
        # a company word of a trade (食品, 乳业, 医药) after a name it does not know makes the name a firm's
        ("同样的模式下，禾岚食品与凯达乳业都把成本压低了一成。", "organization/禾岚", ["禾岚食品"]),
        ("同样的模式下，禾岚食品与凯达乳业都把成本压低了一成。", "organization/凯达", ["凯达乳业"]),
        ("今年，岚蛙医药的营收增长了两成。", "organization/岚蛙", ["岚蛙医药"]),
        # the segmenter cuts 找淳馨 / 食品 and 给瑞禾 / 科技: the verb before a name it does not know is no part of it
        ("要采购包材，可以直接找淳馨食品。", "organization/淳馨", ["淳馨食品"]),
        ("我们给瑞禾科技打了电话。", "organization/瑞禾", ["瑞禾科技"]),
        ("因瑞禾集团迟迟没有回应，谈判暂停。", "organization/瑞禾", ["瑞禾集团"]),
        # jieba files 巴比 as an abbreviation: before a company word it is a name all the same
        ("上海的巴比食品今年又扩张了门店。", "organization/巴比", ["巴比食品"]),
    ],
)
def test_an_unknown_name_before_a_company_word_names_a_firm(text: str, ref: str, mentions: list[str]) -> None:
    found = refs(text)
    assert found.get(ref) == mentions, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("凯达旗下有岚蛙，瑞禾推出了Zandex。", None),  # no company word after it: no name, rather than a wrong one
        ("吉利旗下有岚蛙汽车。", ["岚蛙汽车"]),  # 有岚蛙 / 汽车: as 找淳馨 / 食品
    ],
)
def test_has_glued_to_an_owned_brand_is_no_part_of_its_name(text: str, expected: list[str] | None) -> None:
    # the segmenter glues 有 ("has") to the brand a company owns: the brand is 岚蛙, never 有岚蛙
    found = refs(text)
    assert not any(ref.endswith("/有岚蛙") for ref in found), found
    assert found.get("brand/岚蛙") == expected, found


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("国内三星级酒店大多亏损，五星级酒店也不轻松。", []),  # 三星级: a hotel's rating, not Samsung
        ("三星级酒店亏损之际，三星发布了新款手机。", ["三星"]),
    ],
)
def test_a_name_that_runs_on_into_another_word_is_not_that_name(text: str, mentions: list[str]) -> None:
    assert refs(text).get("brand/samsung", []) == mentions


@pytest.mark.parametrize(
    ("text", "ref", "mentions"),
    [
        # a brand named without its company word (吉利 of 吉利汽车), right before what a company does
        ("吉利旗下的新品牌上市，长城推出了越野车。", "brand/geely", ["吉利"]),
        ("吉利旗下的新品牌上市，长城推出了越野车。", "brand/great-wall", ["长城"]),
        # … but not as the common word or place it also is, nor before a noun (大众品牌: a mass-market brand)
        ("新年图个吉利，游客登上长城，大众品牌纷纷降价。", "brand/geely", []),
        ("新年图个吉利，游客登上长城，大众品牌纷纷降价。", "brand/volkswagen", []),
        # … or before one of its officers, or joined to another brand by 与 / 和 / 、
        ("吉利董事长在会上讲话。", "brand/geely", ["吉利"]),
        ("今年长城与比亚迪都在降价。", "brand/great-wall", ["长城"]),
        ("比亚迪、大众都在降价。", "brand/volkswagen", ["大众"]),
        ("这是一种吉利与祥和的气氛。", "brand/geely", []),  # joined to a common word
        # … or before its company word, or a model's code (吉利集团, 理想ONE)
        ("背靠吉利集团的新品牌开始交付。", "brand/geely", ["吉利"]),
        ("理想ONE的销量仍然领先。", "brand/li-auto", ["理想"]),
        ("大众ID.4的订单翻了一倍。", "brand/volkswagen", ["大众"]),
        ("这是理想的结果，大众消费也在回暖。", "brand/li-auto", []),  # no model after it: the common word
        ("这款手机面向大众2000元以下的市场。", "brand/volkswagen", []),  # a price after the common word, no model
        # a brand the lexicon names with its kind of product (荣耀手机), by its name alone
        ("荣耀推出了新机，苹果和荣耀都在冲击高端。", "brand/honor", ["荣耀", "荣耀"]),
        ("这是一种荣耀与使命。", "brand/honor", []),
    ],
)
def test_a_brand_without_its_company_word_needs_a_companys_doing(text: str, ref: str, mentions: list[str]) -> None:
    assert refs(text).get(ref, []) == mentions


@pytest.mark.parametrize(
    ("text", "ref", "present"),
    [
        # a Latin name before a kind of product is a product, named once or more
        ("新车搭载 Zorin 超算平台和 Velora 芯片。", "product/zorin", True),
        ("新车搭载 Zorin 超算平台和 Velora 芯片。", "product/velora", True),
        # a term in capitals or a short mixed-case acronym is no product (IoT 平台, SiC 芯片)
        ("厂商都在做 IoT 平台和 SiC 芯片。", "product/iot", False),
        ("厂商都在做 IoT 平台和 SiC 芯片。", "product/sic", False),
        # … written with a dot or a hyphen and a version (XT3.0 平台, ZR-Link 2.1 架构); not a standard without one
        ("瑞禾采用了XT3.0 平台和ZR-Link 2.1架构。", "product/xt3-0", True),
        ("瑞禾采用了XT3.0 平台和ZR-Link 2.1架构。", "product/zr-link-2-1", True),
        ("车企都在测试LTE-V 芯片。", "product/lte-v", False),
    ],
)
def test_a_latin_name_before_a_kind_of_product_is_a_product(text: str, ref: str, present: bool) -> None:
    assert (ref in refs(text)) is present


@pytest.mark.parametrize(
    ("text", "ref", "mentions"),
    [
        # a name found once (here before 公司) is that name wherever the article uses it again
        # … and a company named again and again without its company word is the brand
        ("字节跳动与云犀公司达成合作。云犀表示将扩大投入，云犀的直播业务增长。", "brand/云犀", ["云犀公司", "云犀", "云犀"]),
        ("字节跳动与云犀公司达成合作。", "organization/云犀", ["云犀公司"]),
        ("健力宝公司宣布涨价。健力宝的销量下滑，健力宝的股价也跌了。", "brand/健力宝",
         ["健力宝公司", "健力宝", "健力宝"]),
    ],
)
def test_a_name_found_once_is_found_everywhere(text: str, ref: str, mentions: list[str]) -> None:
    assert refs(text)[ref] == mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("初创期，这家连锁酒店采用了“闪电战”策略。", []),  # a quoted strategy name, not a brand
        ("这种 “冷启动” 的方式奠定了基础。", []),  # … or the name of a way of doing things
        ("新广告上线，这是品牌首次请明星。这是品牌的新尝试。", []),  # 这是 before 品牌 is no name
        ("手表界的“劳伦斯”正在涨价。", ["brand/劳伦斯"]),
        ("这家公司开创了“萌宠出行”新品类。", []),  # a category, not a brand
        ("新产品先要熬过“冷启动”阶段。", []),  # a stage
        ("好的服务始终把“顾客”放在第一位。", []),  # jieba's dictionary files 顾客 as a person's name
        ("“米粉”们一直在等新机，米粉们很失望。", []),  # 们: a group of people, not a brand
        ("运动时身体会释放“多巴胺”，让人开心。", []),  # a common word that jieba files as a proper noun
        # figures of speech in quotes that jieba files as names: they hold plain words (鲜血, 月光) or end in 式
        ("近年来，火锅界“新鲜血液”不断，各家纷纷开店。", []),
        ("它曾是茶饮界的“白月光”，如今也终究褪色。", []),
        ("无糖饮品的扩张，为代糖带来了“井喷式”的需求增长。", []),
    ],
)
def test_a_quoted_term_before_a_strategy_word_is_no_brand(text: str, expected: list[str]) -> None:
    assert [r for r in refs(text) if r.startswith("brand/")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Latin words alone in parentheses after a Chinese term translate it
        ("营销的核心是定位（Positioning），其次是价值主张（Value Proposition）。", []),
        ("这种做法叫“延迟定价”（Delayed Pricing），商家常用。", []),  # after the quoted term
        # a Latin name outside such a gloss stays a name
        ("这家公司叫Shopify（加拿大电商平台），增长很快。", ["brand/shopify"]),
        # a Latin slogan the Chinese after it translates is no name: a phrase of its own, or ordinary words
        ("凯达品牌的口号是 Kelm Fridge Cool （冰箱很冷，倍儿爽！）", ["brand/凯达"]),
        ("瑞禾品牌也发出 Original Family Chicken（靠养鸡发家的鸡），加入了玩梗。", ["brand/瑞禾"]),
        ("凯达品牌的口号是 Aromatic Fresh Kelm（香醇、新鲜、匠心）。", ["brand/凯达"]),
        # a name's own Chinese form in parentheses is short: the Latin stays a name
        ("对手包括Warby Parker（沃比帕克）等品牌。", ["brand/warby-parker"]),
        ("对手包括Warby Parker（沃比帕克，美国眼镜品牌）。", ["brand/warby-parker"]),  # then a description
    ],
)
def test_a_latin_gloss_of_a_chinese_term_is_no_name(text: str, expected: list[str]) -> None:
    assert [r for r in refs(text) if r.startswith(("brand/", "organization/"))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("很多人分不清它是国产品牌还是日系品牌，日系品牌却已经涨价。", []),  # where a brand comes from
        ("美妆品牌都在学音乐营销，美妆品牌也请明星。", []),  # a kind of brand
        ("手机断WiFi的投诉越来越多，WiFi问题一直没解决。", []),  # a term
        ("瑞禾找了很多抖音KOL带货，抖音KOL很多。", ["brand/douyin"]),  # no product of 抖音
        ("可口可乐的新广告歌《Feel The Summer》很受欢迎，《Feel The Summer》传唱很广。", ["brand/coca-cola"]),  # a song
        ("随着国内凯达、京东等平台的崛起，凯达增长很快。", ["brand/jd", "brand/凯达"]),  # 国内 names nothing
        ("排在行业“老三”的凯达份额有限，行业“老二”也在追赶。", []),  # a rank, in words
        ("洁面之后，依次涂爽肤水、精华液、乳液和防晒霜。", []),  # a list of things, not of names
        ("凯达电池单价为0.75元/Wh，瑞禾为0.58元/Wh。", []),  # a unit
        ("凯达排进了Top3，行业CR5达到70%，凯达仍在扩产。", []),  # a rank and a market share
        ("这款手表支持IP68级防尘抗水，价格不变。", []),  # a protection rating
        ("《瑞禾会是车企的Plan B吗？》一文引发讨论。", []),  # inside the title of a work
        ("旗下荣威和名爵两大品牌都卖得不错，两大品牌销量都涨了。", ["brand/mg-motor", "brand/roewe"]),  # a count
        ("凯达做的是SaaS软件，SaaS行业整体承压。", []),  # a term
        ("凯达推出了DTC品牌，DTC模式增长很快。", []),  # a kind of brand
        ("新车换成了MEMS 激光雷达 M1，激光雷达的价格也降了。", ["product/m1"]),  # a kind of device, no brand
        ("凯达计划到2027年把产能提到300GWh，接近行业第一。", []),  # a verb before a quantity, no brand's line
        ("蒙牛VS伊利，谁的奶卖得多？蒙牛 PK 伊利。", ["brand/mengniu", "brand/yili"]),  # versus, no line of a brand
        ("高通胀率压制了消费，俄乌局势也有影响，俄乌冲突还在继续。", []),  # a word cut in two; two places
        ("阿里云EBITA利润达到11亿元，腾讯云也在增长。", ["brand/alibaba-cloud", "brand/tencent-cloud"]),  # a term
        ("岚蛙也开了29家新门店。岚蛙的门店很多，29家新门店都在上海。", []),  # 29 | 家新 | 门店: a count
        ("凯达手机支持Wi－Fi 6技术。", []),  # the second half of a hyphenated word and its version: no product
        ("凯达的几种O2O业务线都在增长，某种程度上也属于D2C。", []),  # business models, in letters and a digit
        # a kind of e-commerce, not a firm's name with its company word (直播电商, 线上电商)
        ("这家公司也在开展线上电商业务，难度远比电商业务本身更大。", []),
        ("这家国企公司今年盈利，另一家央企集团亏损。", []),  # a kind of enterprise before a company word
        ("外卖里的“创意饮品”或是“特调饮品”最难保温。", []),  # a kind of drink quoted whole, with its company word
        ("高通AI引擎的算力又提升了。", ["brand/qualcomm"]),  # a term after a brand, not its model
        ("凯达2021年拥有SKU35个，今年更多。", []),  # a term glued to its count
        # a quoted campaign or slogan names no brand
        ("2010年，凯达在岚城推出了一项名为 “The Kelmar Machine” 的营销活动，效果很好。", []),
        ("这也不仅仅是那句经典的广告语“Think Zandy”的功劳。", []),
        # the kind before a Latin name in a list, cut off where the list's items are: the name is the item
        ("岚城的对手有短视频应用TikTok、语音社交媒体Zandla、通讯应用Kelber，以及视频应用Vexo等。",
         ["brand/kelber", "brand/tiktok", "brand/vexo", "brand/zandla"]),
    ],
)
def test_a_kind_origin_term_or_title_of_a_work_is_no_brand(text: str, expected: list[str]) -> None:
    assert sorted(r for r in refs(text) if r.startswith(("brand/", "organization/", "product/"))) == expected


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("技术委员会秘书长林远舟离职。报道称，林远舟是12号员工，林远舟曾负责系统开发。", "person/林远舟"),
        ("2018年，其新掌舵人林远舟上任，大幅调整业务。正如林远舟所说，林远舟很忙。", "person/林远舟"),
        # no title: the model reads the first mention as a person's, the repeated word finds the others
        ("凯达集团称，现年36岁的林远舟将协助总裁工作。林远舟自2007年加入凯达后，曾担任多个地区的门店经理。"
         "作为大区经理的林远舟，管理门店的范围已涵括韩国。", "person/林远舟"),
    ],
)
def test_a_name_with_a_title_once_is_a_person_everywhere(text: str, person: str) -> None:
    found = refs(text)
    assert person in found and len(found[person]) == 3  # every mention, however the segmenter cut it
    assert not [r for r in found if r.startswith("brand/")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a registered company's legal name: the name before its ending, from its first name or place word
        ("杭州凯达贸易有限公司由瑞禾投资（上海）有限公司全资控股，瑞禾投资还持有禾鑫的股份。",
         {"organization/杭州凯达贸易": ["杭州凯达贸易"], "organization/瑞禾投资": ["瑞禾投资", "瑞禾投资"]}),
        ("凯达成立上海凯达有限公司。", {"organization/上海凯达": ["上海凯达"]}),  # not from the verb back
        # a kind of business, or an anonymised company, is no name
        ("一家广告策划有限公司和某物流有限公司都受到了处罚。", {}),
        # a company named by what it owns, written twice: a name of two words before 旗下
        ("禾鑫商业旗下的便利店不多，禾鑫商业还在开新店。", {"organization/禾鑫商业": ["禾鑫商业", "禾鑫商业"]}),
        ("禾鑫商业旗下的便利店不多。", {}),  # once: a phrase as often as a name
        # a legal name holding a known brand's and more than places: a company of its own (a subsidiary, a joint
        # venture), the brand still named in it; with places alone it is the brand's
        ("杭州星巴克咖啡贸易有限公司因违规被罚，星巴克回应称已整改。",
         {"organization/杭州星巴克咖啡贸易": ["杭州星巴克咖啡贸易"]}),
        ("星巴克成立上海星巴克有限公司。", {}),
    ],
)
def test_a_registered_companys_legal_name(text: str, expected: dict[str, list[str]]) -> None:
    named = refs(text)
    found = {r: m for r, m in named.items() if r.startswith("organization/")}
    assert found == expected
    assert "星巴克" not in text or "brand/starbucks" in named


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a word the segmenter does not know, written twice, joined to a brand by 与 / 和 / 、: a brand
        ("岚蛙与星巴克的门店都在一层，岚蛙还在扩张。", True),
        ("星巴克和岚蛙都在扩张，岚蛙的门店多在一层。", True),  # the segmenter glues 和 to it: still a mention
        ("岚蛙与Kelmar Burger分别开店，岚蛙在一层。", True),  # a Latin name the shapes found
        ("岚蛙与星巴克的门店都在一层。", False),  # once: a phrase as often as a name
        ("岚蛙的门店都在一层，岚蛙还在扩张，星巴克也是。", False),  # beside the brand, not joined to it
    ],
)
def test_a_word_paired_with_a_brand_is_a_brand(text: str, named: bool) -> None:
    assert ("brand/岚蛙" in refs(text)) is named


def test_a_firm_named_by_its_role_in_a_trade_or_the_parties_it_has() -> None:
    # a word the segmenter does not know, written again: a supplier (供应商…), whose customers the text counts
    found = refs("台州是塑料制品王国，餐具供应商台州岚蛙起点不高。2022年，凯达甚至不是岚蛙的前五大客户，"
                 "今年却成了岚蛙的第一大客户。")
    assert "brand/岚蛙" in found, found


def test_a_name_found_already_is_that_entity_where_another_source_reads_it_again() -> None:
    # 凯达 is an organisation by its legal name; after 子公司 it is the same organisation, not a new name of another kind
    found = refs("公开信息显示，凯达怡然饮料有限公司是凯达（集团）有限公司旗下专业的饮料企业。"
                 "市场传出凯达集团考虑让旗下包装饮用水子公司凯达怡然饮料有限公司上市。凯达的份额很大。")
    assert [r for r in found if r.endswith("/凯达")] == ["organization/凯达"], found


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("董事会主席兼前首席执行官林远舟将继续担任董事会主席。", ["person/林远舟"]),  # 兼前: "and former", a title's
        ("这种KOL的作用实际上比明星带货的方式还要好。", []),  # what a star does (带货), not a star's name
        ("凯达CEO林远一早就定调：只有靠创新。", ["person/林远"]),  # 一早: an adverb after the name, not its third character
    ],
)
def test_words_between_titles_or_after_one_are_no_person(text: str, people: list[str]) -> None:
    assert sorted(r for r in refs(text) if r.startswith("person/")) == people


@pytest.mark.parametrize("title", ["歌唱家", "音乐人", "主持人", "作曲家", "艺术家", "画家"])
def test_a_name_after_a_title_of_the_arts_is_a_person(title: str) -> None:
    assert "person/林远舟" in refs(f"凯达请来{title}林远舟拍广告，效果很好。")


@pytest.mark.parametrize("title", ["首席营销官", "首席财务官"])
def test_a_latin_name_after_an_officers_title_is_a_person(title: str) -> None:
    found = refs(f"凯达南非公司当时的{title} Mira Tollund 表示：“我们一直在寻找新的方式。”")
    assert "person/mira-tollund" in found and not [r for r in found if "tollund" in r and r.startswith("brand/")]


def test_a_brand_is_named_by_its_short_name() -> None:
    """The lexicon's brands by the name writers use (伊利), their company's names as aliases."""
    assert refs("伊利的奶粉卖得很好，伊利集团还在扩产。") == {"brand/yili": ["伊利", "伊利集团"]}


def test_a_latin_name_after_a_chinese_title_is_a_person() -> None:
    """Titles of the arts and media (歌手, 演员, 记者 …) make the name after them a person, in either script."""
    found = refs("凯达请来说唱歌手Jorund Vaskel拍广告，演员林远舟也出镜了。")
    assert {"person/jorund-vaskel", "person/林远舟"} <= set(found)
    assert "brand/jorund-vaskel" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list counted as brands or companies names them all
        ("今年凯达、禾鑫两家品牌都推出了新款。", ["brand/凯达", "brand/禾鑫"]),
        ("凯达、瑞禾、禾鑫三大车企都在降价。", ["brand/凯达", "brand/瑞禾", "brand/禾鑫"]),
        ("面霜、口红两个品类卖得最好。", []),  # counted as kinds of product: no names
    ],
)
def test_a_list_counted_as_brands_names_them(text: str, expected: list[str]) -> None:
    assert sorted(r for r in refs(text) if r.startswith(("brand/", "organization/"))) == expected


def test_what_a_letter_of_an_acronym_stands_for_is_no_name() -> None:
    text = ("营销学者提出了一个品牌模型，列出几项要求：\n\n- **C（Consistent）**：品牌在各个渠道的表达要一致。\n"
            "- **V（Visible）**：品牌要让用户容易看到。\n")
    analysis = analyze(read_document(text, name="t.md", suffix=".md"), key="t")
    assert not [e.ref for e in analysis.entities if e.ref.startswith(("brand/", "organization/"))]


def test_a_company_word_must_end_where_a_word_ends() -> None:
    # 电子 opens 电子版 (an e-book edition), not a company's name: 单订 is no brand
    assert not [r for r in refs("单订电子版每年收费。") if r.startswith(("brand/", "organization/"))]


def test_a_company_word_after_an_ordinary_word_makes_no_name() -> None:
    assert not any(r.startswith("organization/") for r in refs("这家科技公司的母公司宣布涨价，子公司也跟进。"))


def test_labels_in_both_languages_where_the_lexicon_has_them() -> None:
    analysis = run_pipeline("小米正全力冲击高端品牌，摆脱性价比标签。", key="t", lang="zh")
    assert analysis.entity("brand/xiaomi").labels == {"zh": "小米", "en": "Xiaomi"}
    # the strategy's labels: tests/extractors/test_strategies.py


def test_an_entity_relation_is_said_in_the_first_statement_naming_both_ends() -> None:
    text = "蔚来坚持不降价，试图守住高端品牌的位置。蔚来的高端化离不开服务。"
    analysis = run_pipeline(text, key="t", lang="zh")
    said = next(r for r in analysis.entity_relations if r.object == "strategy/nio-premiumization")
    assert said.statement is not None
    assert "高端品牌" in analysis.statement(said.statement).text  # type: ignore[union-attr]


def test_a_user_lexicon_extends_the_shipped_one(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.json"
    lexicon.write_text(json.dumps({
        "entities": [{"kind": "brand", "key": "acme-tea", "zh": "阿克米茶", "en": "Acme Tea", "aliases": ["阿克米"]}],
        "zh": {"strategies": [{"type": "Premiumization", "slug": "premiumization", "zh": "高端化", "en": "premiumization",
                               "cues": ["贵价路线"]}]},
    }, ensure_ascii=False), encoding="utf-8")
    text = "阿克米茶坚持贵价路线，阿克米的门店不多。"
    assert "brand/acme-tea" not in refs(text)
    found = refs(text, lexicons=[lexicon], cache=PipelineCache())
    assert found["brand/acme-tea"] == ["阿克米茶", "阿克米"]
    assert found["strategy/acme-tea-premiumization"] == ["贵价路线"]


@pytest.mark.parametrize(
    "content",
    ["{not json", "[1, 2]", '{"entities": [{"kind": "planet", "key": "x", "zh": "火星"}]}',
     '{"entities": [{"kind": "brand", "key": "a/b", "zh": "甲"}]}', '{"lang": "zh", "cues": {"hedge": "或许"}}',
     '{"zh": {"cues": {"hedge": ["re:(unclosed"]}}}', '{"cues": {"hedge": ["或许"]}}'],
)
def test_a_malformed_lexicon_is_a_clear_error(tmp_path: Path, content: str) -> None:
    lexicon = tmp_path / "bad.json"
    lexicon.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.json"):
        run_pipeline("小米。", key="t", lang="zh", lexicons=[lexicon], cache=PipelineCache())


def test_a_missing_lexicon_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no such file"):
        run_pipeline("小米。", key="t", lang="zh", lexicons=[tmp_path / "none.json"], cache=PipelineCache())


@pytest.mark.parametrize(("word", "fragment"), [
    ("之争", True), ("某款", True), ("曾助", True), ("三到", True), ("深植于", True),
    ("淳馨", False), ("三星", False), ("之家", True), ("瑞禾", False),
])
def test_words_glued_across_a_word_edge_are_not_asked_about(word: str, fragment: bool) -> None:
    from argmap.extractors.lang.zh.names import glued_fragment

    assert glued_fragment(word) is fragment

@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a rare character has no word: the segmenter cuts the name into single characters
        ("凯达证券分析师陈昱錤预测，淳馨的价格都会上涨。", "person/陈昱錤"),
        ("公司创始人张犇表示，淳馨会继续扩张。", "person/张犇"),
        ("分析师王在会上发言。", None),  # a surname alone is no name
    ],
)
def test_a_titled_name_the_segmenter_cut_into_characters(text: str, person: str | None) -> None:
    people = [r for r in refs(text) if r.startswith("person/")]
    assert people == ([person] if person else [])


@pytest.mark.parametrize(
    ("text", "one", "absent"),
    [
        # the start of a lexicon brand's name is that brand
        ("蜜雪、古茗等品牌今年都降了价，其中蜜雪冰城降得最多。", "brand/mixue", "brand/蜜雪"),
        # … and of a company named with its company word
        ("凯达集团宣布扩张，凯达集团的营收增长了20%。凯达、瑞禾等品牌都在降价。", "organization/凯达", "brand/凯达"),
    ],
)
def test_a_brand_called_by_the_start_of_its_name_is_one_brand(text: str, one: str, absent: str) -> None:
    found = refs(text)
    assert one in found and absent not in found


def test_a_longer_name_that_is_no_company_word_keeps_its_own_entity() -> None:
    # 凯森哲互动 is a unit of 凯森哲, not another name of it: neither is folded into the other (made-up names: the
    # lexicon knows real consultancies)
    found = refs("凯森哲互动的业务在扩张。凯森哲、岚勤等咨询巨头都在招人，凯森哲互动也在招人。")
    assert "brand/凯森哲" in found or "organization/凯森哲" in found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a list runs into a phrase: a plain word before a code is no name (具有5G), a plain word and letters may be
        ("新机用上了麒麟芯片、支持5G网络的凯达40系列，价格也更高。", {"product/kirin"}, {"brand/支持5g"}),
        ("芒果TV、优酷、爱奇艺等平台都在涨价。", {"brand/芒果tv"}, set()),
    ],
)
def test_a_listed_phrase_is_no_name(text: str, present: set[str], absent: set[str]) -> None:
    found = set(refs(text))
    assert present <= found and not absent & found


def test_the_words_a_new_name_may_stand_by_are_the_plain_readings() -> None:
    # Finder._may_name intersects the triggers and jieba's nt words and tests each word once (w < "\x80" for an
    # ASCII first character): the same set as testing every word in full, for an article's words and edge cases
    # (a number with a full-width digit, an ASCII number too long, a Latin word, a suffix word, an nt word)
    from argmap.extractors.lang.zh.tokenizer import WordTags, segmented_words

    nlp = PipelineCache().get("zh")
    finder = nlp.get_pipe("entities").finder
    text = DEMO_ARTICLE.read_text(encoding="utf-8")
    words = set(segmented_words(nlp.tokenizer.untokenized(text))[0])
    nt = sorted(w for w, tag in finder.tags.items() if tag == "nt")[:50]
    words |= {"1２", "１２", "12", "123456", "8155", "iPhone", "Ａpple", "é", "凯达科技有限公司", "公司", "创始人", "", *nt}
    words.discard("")
    tags = WordTags(finder.tags, words)
    triggers, suffixes = finder.triggers, finder.org_suffixes
    plain = {w for w in words
             if w in triggers or (w[0].isascii() and w[0].isalpha()) or tags[w] == "nt"
             or (w.isdigit() and w.isascii() and 2 <= len(w) <= 5) or (len(w) > 3 and w.endswith(suffixes))}
    assert finder._may_name(words) == plain
    assert {"12", "8155", "iPhone", "创始人", nt[0]} <= plain and not {"1２", "１２", "123456", "Ａpple"} & plain


def test_a_kind_word_makes_no_name_of_english_prose() -> None:
    assert refs("用户说，这个平台Is very good，而且App很好用。") == {}


def test_a_dot_joins_no_person_in_a_unit_or_a_brand_the_lexicon_knows() -> None:
    # 牛·米 is newton metres; 路易·威登 is the lexicon's 路易威登 (Louis Vuitton) written with its founder's dot;
    # 科技·美学 is a slogan, 凯迪拉克·锐歌 a model: words of the language joined by the dot
    text = "凯达发动机输出320牛·米，路易·威登的包很贵。岚城主打科技·美学，凯迪拉克·锐歌上市了。"
    assert not [r for r in refs(text) if r.startswith("person/")]
