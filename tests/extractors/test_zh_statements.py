"""Statement kinds, evidence kinds and flags; relations from discourse structure and evidence polarity."""

from __future__ import annotations

import pytest

from argmap.documents import read_document
from argmap.extractors.model import RelationKind, StatementKind
from argmap.extractors.pipeline import run_pipeline

C, E = StatementKind.CLAIM, StatementKind.EVIDENCE


OPENING = "品牌必须赢得溢价。"  # an opening claim, so that the sentence under test is not the article's thesis


def statements(text: str) -> list[tuple[str, StatementKind, tuple[str, ...]]]:
    found = run_pipeline(OPENING + text, key="t", lang="zh").statements
    assert found and found[0].text == OPENING and found[0].central
    return [(s.text, s.kind, s.evidence_kinds) for s in found[1:]]


@pytest.mark.parametrize(
    ("text", "kind", "evidence_kinds"),
    [
        ("小米正全力摆脱性价比的固有标签，奋力向高端品牌阵营发起冲击。", C, ()),
        ("全渠道总成交额定格在290亿元。", E, ()),  # a figure is offered as grounds
        ("数据显示，蔚来的交付量持续下滑。", E, ()),  # an observation
        ("当晚，凯达股价大涨15%，市值达到256亿美元。", E, ()),  # told as what happened, but with figures: grounds
        ("凯达借助社交平台的传播力量，实现了裂变式增长。", C, ()),  # a social platform is no narration
        ("其销量峰值往往高度依赖双11、618等大型促销节点。", E, ("PromotionDependence",)),
        ("又有多少人仅仅将其视为一款比iPhone便宜的“平替方案”？", E, ("SubstitutePurchase",)),
        ("支撑这一行为的，仍是“花更少的钱获得更高的配置”，而非基于品牌认同的价值追随。", E, ("SpecsForLess",)),
        ("许多用户的本能反应是质疑：“小米凭什么卖这么贵？”", E, ("PriceDoubt",)),
        ("来自iPhone生态的“跨阵营迁移者”比例几乎翻倍增长。", E, ("RivalSwitching",)),
        ("一款定价跨越6000元门槛的小米旗舰机型同时登顶销量与销售额榜首。", E, ("FullPricePurchase",)),
        ("你已被这张无形之网牢牢绑定。", E, ("EcosystemLockIn",)),
        ("苹果独占全球高端智能手机市场约62%的份额。", E, ("CompetitivePressure",)),
        # background in a 当…时 clause does not make the sentence evidence of own technology
        ("当小米将自研影像芯片集成于新机时，用户质疑：“凭什么卖这么贵？”", E, ("PriceDoubt",)),
    ],
)
def test_statement_kinds(text: str, kind: StatementKind, evidence_kinds: tuple[str, ...]) -> None:
    assert statements(text) == [(text, kind, evidence_kinds)]


@pytest.mark.parametrize(
    "text",
    [
        "小米的高端手机卖得好吗？",  # an open question asserts nothing
        "11月12日凌晨，小米正式发布了其双十一战报。",  # narrative
        "不会。",  # too short to be a proposition
        "前言",  # a heading
        "以这家耳机品牌为例：",  # a short lead-in announces what follows
        "没读过上一篇的读者可以先读上一篇文章。",  # the writer points to another article: a signpost
        "下一期会讲述这家品牌如何改革渠道。",
        "接下来我们看看这家品牌如何定价。",
        "在讲凯达的涨价之前，我们先讲讲什么是品牌溢价。",  # "first, let's talk about": announces what follows
        "上个月本号发过一篇讲淳馨定价的文章，感兴趣的读者可以翻看。",  # points to another article
        "我们将从渠道、产品和价格三个方面分析。",
        "所以在进行渠道分析的时候，需要以下几步：",  # announces the steps that follow
        "本期主要描述冲突场景下的解决方案。",  # a series' issue says what it covers
        "以下将结合三家品牌的案例，详细阐述这些策略的应用。",  # the writer outlines what follows
        "以下是几种常见的定价策略，结合案例逐一分析",
        "附：2023年10月茶饮品牌门店数量排行榜",  # the label of an appended table
    ],
)
def test_not_statements(text: str) -> None:
    assert statements(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "接下来的五年便是凯达最关键的决战时期。",  # 接下来 here says when, it announces nothing
        "凯达总裁表示：“我们将继续投入研发，寻求新的技术突破。”",  # a company's plan, not the writer's outline
        "订阅产品包括凯达商城和上文提到的凯达教育。",  # recalling what was said is no signpost
        "品牌在进行广告创意的时候，不妨多挖掘一些能够广泛传播的特点。",  # advice: a claim
        "凯达的门店里，售价3000元以下是最好卖的价位段。",  # 以下是 after a price says "below", it announces nothing
    ],
)
def test_words_that_only_look_like_signposts(text: str) -> None:
    assert [t for t, _, _ in statements(text)] == [text]


@pytest.mark.parametrize(
    ("text", "hedged", "conditional", "question"),
    [
        ("小米或许能够成功冲击高端品牌。", True, False, False),
        ("如果答案倾向于后者，那么小米仍未真正脱离性价比的引力。", False, True, False),
        ("若剔除小米汽车的数据，成交额为290亿元。", False, False, False),  # 若 without a consequent is no conditional claim
        ("小米凭什么卖这么贵？", False, False, True),
    ],
)
def test_flags(text: str, hedged: bool, conditional: bool, question: bool) -> None:
    (_, st) = run_pipeline(OPENING + text, key="t", lang="zh").statements
    assert (st.hedged, st.conditional, st.question) == (hedged, conditional, question)


S, U = RelationKind.SUPPORTS, RelationKind.UNDERMINES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # evidence kinds speak for or against the strategy the thesis is about
        ("小米正冲击高端品牌。许多用户质疑：“小米凭什么卖这么贵？”", {(2, 1, U, None)}),
        ("小米正冲击高端品牌。一款定价跨越6000元的小米旗舰机型登顶销量榜首。", {(2, 1, S, None)}),
        # 这正是: what comes before supports the claim it opens
        ("国产手机正冲击高端市场。一款定价跨越6000元的旗舰机型登顶销量榜首。这正是高端化成功的写照。",
         {(2, 3, S, None)}),
        # 因此: the observation before it grounds the conclusion
        ("小米正冲击高端品牌。观察可发现，其销量峰值高度依赖双11等促销节点。因此，所谓的高端化仍停留在价格层面。",
         {(2, 3, S, None)}),
        # …，所以…: the facts before the comma ground the conclusion after it, in one sentence
        ("淳馨的高端化之路并不好走。凯达推出了高端子品牌，瑞禾也有了新的旗舰车型，所以淳馨推出高端系列并不意外。",
         {(2, 3, S, None)}),
        # 然而 between two claims, one negated: the second answers the first
        ("苹果是一家伟大的公司。然而，它的创新并没有跟上。", {(2, 1, U, "然而")}),
        # 例如: the example supports the claim before it
        ("国产品牌正在向上突破。例如，华为的新机供不应求。", {(2, 1, S, "例如")}),
        # a conceded point (…看似…，但…) undermines the claim it is granted against; 但 answers it
        ("小米的高端化初见成效。账面数字看似走低，但小米旗舰机型登顶销量与销售额榜首。",
         {(2, 1, U, None), (3, 2, U, "但"), (3, 1, S, None)}),
    ],
)
def test_relations(text: str, expected: set[tuple[int, int, RelationKind, str | None]]) -> None:
    analysis = run_pipeline(text, key="t", lang="zh")
    index = {s.id: i + 1 for i, s in enumerate(analysis.statements)}
    got = {(index[r.source], index[r.target], r.kind, r.marker) for r in analysis.relations}
    assert expected <= got
    sources = [r.source for r in analysis.relations]
    for r in analysis.relations:
        assert analysis.statement(r.target).kind is StatementKind.CLAIM
        if r.marker:
            assert analysis.content[r.start:r.end] == r.marker
    central = next(s for s in analysis.statements if s.central)
    # every statement but the thesis bears on something
    assert {s.id for s in analysis.statements} - set(sources) == {central.id}


_POINT = "对手都在打折的时候，这家品牌一直在建工厂。"  # no cue word: the claim budget alone would demote it
_OTHER_CLAIMS = ("品牌必须赢得溢价。", "这意味着渠道应该下沉。", "价格战势必将更加惨烈。", "加盟商显然需要更稳定的利润。",
                 "我们认为规模效应才是关键。", "这说明供应链比门店更重要。", "新品牌恐怕难以复制这种模式。", "消费者或将更加看重性价比。")


def _point_kind(point: str, *, every_paragraph_bold: bool = False) -> StatementKind:
    paragraphs = [claim + "去年门店数量增长了20%。" for claim in _OTHER_CLAIMS]
    paragraphs.insert(4, point + "工厂面积达到16万平方米。")
    if every_paragraph_bold:
        paragraphs = [f"**{p}**" for p in paragraphs]
    document = read_document("\n\n".join(paragraphs).encode(), name="t.md", suffix=".md")
    (found,) = [s for s in run_pipeline(document, key="t", lang="zh").statements if _POINT in s.text]
    return found.kind


@pytest.mark.parametrize(
    ("point", "every_paragraph_bold", "kind"),
    [
        (_POINT, False, E),  # beyond the budget: the claims that judge more keep their places
        (f"**{_POINT}**", False, C),  # the writer set it in bold: one of the writer's points
        (f"**{_POINT}**", True, E),  # bold everywhere is the site's style, not a stress
        (f"因此，{_POINT}", False, C),  # the writer draws a conclusion: a point of the writer's, kept next
    ],
)
def test_a_bold_point_is_a_claim(point: str, every_paragraph_bold: bool, kind: StatementKind) -> None:
    assert _point_kind(point, every_paragraph_bold=every_paragraph_bold) is kind


@pytest.mark.parametrize(
    ("lang", "prose", "table"),
    [
        ("zh", "这家品牌必须赢得溢价，因为价格战只会压低利润。",
         "| 品牌 | 门店 | 看法 |\n| --- | --- | --- |\n| 甲茶 | 3000家 | 价格战只会越来越惨烈。 |\n"),
        ("en", "The brand must earn its premium, because price wars only cut margins.",
         "| Brand | Stores | View |\n| --- | --- | --- |\n| Acme Tea | 3,000 stores | Price wars will only get worse. |\n"),
    ],
)
def test_table_cells_are_no_statements_but_keep_their_figures(lang: str, prose: str, table: str) -> None:
    """Cells are data cut off from their headers: they give figures and names, never a claim or evidence."""
    document = read_document(f"{prose}\n\n{table}".encode(), name="t.md", suffix=".md")
    analysis = run_pipeline(document, key="t", lang=lang)
    table_start = analysis.content.index(table.split("|")[1].strip() + " |")  # the header row's first cell
    assert analysis.statements and all(s.end <= table_start for s in analysis.statements)
    assert any(f.value == 3000 for f in analysis.figures)


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("凯达明年的销量可能会回落。", False),  # a prediction: 销量 is what it is about
        ("凯达去年的销量大幅回落。", True),
        ("凯达明年的销量可能会回落12%。", True),  # with a figure, it reports
    ],
)
def test_what_a_prediction_measures_is_its_topic(text: str, reports: bool) -> None:
    from argmap.extractors.components.argument.data import argument_data
    from argmap.extractors.components.argument.model import argument_state
    from argmap.extractors.components.argument.statements import score_unit
    from argmap.extractors.pipeline import DEFAULT_CACHE, pipeline_doc

    state = argument_state(pipeline_doc(DEFAULT_CACHE.get("zh"), text))
    assert (max(score_unit(u, argument_data("zh")).report for u in state.units) > 0) is reports


_STORY = ["凯达汽车将在岚城工厂生产一款新的小型车，公司已经确认。", "这款车将于明年春季上市。", "它的售价将低于公司目前的任何车型。",
          "该工厂一直处于裁员传闻的中心。", "那里约有4000名员工。", "去年该品牌销量下降了4%。", "其竞争对手自1月以来两次降价。",
          "公司没有透露将投资多少。", "工会对这一消息表示欢迎。", "关于第二款车型的决定将于5月作出。", "周二，凯达股价上涨2%。",
          "该车型将主要面向年轻家庭。"]


@pytest.mark.parametrize(
    ("last", "central"),
    [
        # the analyst's position, told by the writer: the story's lead states the story
        ("岚城银行分析师表示，我们认为这一计划将保住工厂未来十年的生产。", _STORY[0]),
        # the writer's own (笔者, "the present writer"), with a speech word
        ("笔者指出，我们认为这一计划将保住工厂未来十年的生产。", "笔者指出，我们认为这一计划将保住工厂未来十年的生产。"),
    ],
)
def test_a_party_told_to_say_we_believe_is_not_the_thesis_of_a_news_story(last: str, central: str) -> None:
    found = run_pipeline("\n\n".join([*_STORY, last]), key="t", lang="zh").statements
    assert len(found) > 12  # an article: a short text argues in every sentence, and any may be its point
    assert [s.text for s in found if s.central] == [central]


@pytest.mark.parametrize(
    ("hook", "lead_is_thesis"),
    [
        ("", True),  # a story's opening sentence states the story, whatever it reports
        ("你听说过岚城工厂吗？", False),  # after a hook question the first statement answers the hook
    ],
)
def test_the_first_statement_stands_for_the_story_only_where_it_opens_the_text(hook: str, lead_is_thesis: bool) -> None:
    lead = "岚城工厂是凯达汽车在华东最大的工厂，去年产量为12万辆。"
    found = run_pipeline("\n\n".join([hook + lead, *_STORY[1:], "这一计划恐怕难以扭转工厂的困境。"]), key="t",
                         lang="zh").statements
    assert (found[0].text, found[0].kind is StatementKind.EVIDENCE) == (lead, not lead_is_thesis)
    assert [s.text for s in found if s.central] == [lead if lead_is_thesis else "这一计划恐怕难以扭转工厂的困境。"]


@pytest.mark.parametrize(
    ("lang", "text", "marker"),
    [
        ("zh", "凯达必须提价。毕竟近两年原材料价格上涨了30%。", "毕竟"),
        ("en", "Kelmar must raise its prices. After all, material costs rose 30% in two years.", "After all"),
        ("zh", "凯达的销量在增长。不仅如此，它的利润也在上升。", "不仅如此"),  # "what is more"
    ],
)
def test_a_reason_or_an_addition_opening_a_sentence_bears_on_the_claim_before_it_in_either_language(lang: str, text: str, marker: str) -> None:
    analysis = run_pipeline(text, key="t", lang=lang)
    first, second = analysis.statements
    assert [(r.source, r.kind, r.target, r.marker) for r in analysis.relations] == [
        (second.id, RelationKind.SUPPORTS, first.id, marker)]


def test_a_thesis_read_from_evidence_keeps_a_long_article_within_its_most_claims() -> None:
    from argmap.extractors.components.argument.model import argument_state
    from argmap.extractors.components.argument.thesis import set_thesis
    from argmap.extractors.pipeline import DEFAULT_CACHE, pipeline_doc

    towns = ["岚城", "淳安", "瑞禾", "凯州", "北港", "南溪", "东岭", "西湾", "青川", "白沙", "金水", "玉田", "长河", "云阳",
             "石桥", "松江", "枫林", "桃源", "柳镇", "梅山", "竹溪", "兰亭", "荷塘", "菊坪", "桂岭", "榕城", "椰林", "杉湖",
             "柏林", "槐安", "杨柳", "榆关", "樟木", "楠溪", "桐乡", "松岭", "枣庄", "栗园", "桑田", "李村", "杏坛"]
    paragraphs = [p for i, town in enumerate(towns)
                  for p in (f"凯达在{town}的扩张显然很难成功，{town}的门店恐怕难以盈利。", f"{town}门店去年的销量为{1000 + i}辆。")]
    state = argument_state(pipeline_doc(DEFAULT_CACHE.get("zh"), "\n\n".join(paragraphs)))
    claims = [st for st in state.statements if st.kind is C]
    assert len(claims) == state.max_claims  # an article this long reaches the cap (2·√82 > 18)
    evidence = next(i for i, st in enumerate(state.statements) if st.kind is E)
    set_thesis(state, evidence)
    assert state.statements[evidence].kind is C and state.statements[evidence].central
    assert sum(st.kind is C for st in state.statements) == state.max_claims
