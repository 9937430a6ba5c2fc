"""Cue tests of the shared argument stage, as tables of text -> expected result."""

from __future__ import annotations

import pytest

from argmap.extractors.components.argument.data import CueSet, argument_data
from argmap.extractors.components.argument.features import emphatic


@pytest.mark.parametrize(("reading", "lang", "text", "expected"), [
    # opens by answering the question at issue
    ("answers", "en", "Yes, brands should stop discounting.", True),
    ("answers", "en", "NO, THE HORN SHOULD NOT BE REMOVED.", True),
    ("answers", "en", "No one knows what the market will do.", False),  # "No" opens, but answers nothing
    ("answers", "en", "Nobody doubts it.", False),
    ("answers", "en", "yes I think so", False),  # no punctuation after the word: not set off as an answer
    ("answers", "en", "Of course, the price matters.", False),  # a concession, not an answer
    ("answers", "zh", "是的，小米的高端化已经成功。", True),
    ("answers", "zh", "不，这只是价格层面的高端化。", True),
    ("answers", "zh", "不少人认为小米已经成功。", False),
    ("answers", "zh", "对于小米来说，高端化很难。", False),
    # says what someone should do
    ("prescribes", "en", "The city ought to put up more bins.", True),
    ("prescribes", "en", "Nike shouldn't cut prices again.", True),
    ("prescribes", "en", "The shoulder season starts in May.", False),
    ("prescribes", "zh", "学校应该免费开放图书馆。", True),
    ("prescribes", "zh", "县城的顾客更看重价格。", False),
    # says when what it tells happened: reported, not judged
    ("dates", "en", "Kelmar will unveil the new model at the Zandia show on Thursday.", True),
    ("dates", "en", "Sales at Hoka fell sharply last year.", True),
    ("dates", "en", "The plant opened in May and hired 300 people.", True),
    ("dates", "en", "Hoka may well be the stronger brand.", False),  # the modal, not the month
    ("dates", "en", "Shoppers march past the new store every morning.", False),
    ("dates", "en", "Kelmar runs 2009 stores across Zandia.", False),  # a number, not a year it names
    ("dates", "zh", "3月12日上午，瑞禾在杭州发布了新款茶饮。", True),
    ("dates", "zh", "去年11月，凯达关掉了两家工厂。", True),
    ("dates", "zh", "2021年，瑞禾的营收创了新高。", True),
    ("dates", "zh", "十年来，瑞禾的口碑始终很好。", False),
    ("dates", "zh", "3年内瑞禾还难以盈利。", False),  # a span of time, not a date
    ("dates", "zh", "前不久，瑞禾在杭州开了第一家门店。", True),  # a date relative to today
    ("dates", "zh", "瑞禾前几天刚刚宣布提价。", True),
    # opens by dating what it tells: commentary's news hook, not its point
    ("dated_opening", "zh", "3月21日，凯达宣布全系产品提价一成。", True),
    ("dated_opening", "zh", "今年5月,瑞禾宣布战略投资凯达1.3亿元。", True),
    ("dated_opening", "zh", "春节假期后的2月9日，凯达召开了年度经销商大会。", True),
    ("dated_opening", "zh", "今年的新品反响平平。", False),  # a date inside, no opening phrase it closes
    ("dated_opening", "zh", "由此看来，投资者对瑞禾今年5月的业绩相当认可。", False),  # the date after the opening
    ("dated_opening", "en", "Last year, Hoka opened 40 stores.", True),
    ("dated_opening", "en", "On Thursday, Kelmar said it would cut 5,000 jobs.", True),
    ("dated_opening", "en", "Shares in Hoka fell 9% in after-hours trade on Wednesday.", False),
    ("dated_opening", "en", "Kelmar, which was founded in 2004, is the stronger brand.", False),
    # sums up — not the profit a firm's "bottom line" is
    ("sums_up", "en", "The note is dense, but the bottom line is that Hoka cannot escape a tougher market.", True),
    ("sums_up", "en", "Bottom line: Kelmar has to cut its prices.", True),
    ("sums_up", "en", "This, Ms Tollund warns, is not good for the bottom line either.", False),
    ("sums_up", "en", "Higher freight costs hit Kelmar's bottom line.", False),
])
def test_what_the_cue_data_read_in_a_unit(reading: str, lang: str, text: str, expected: bool) -> None:
    assert getattr(argument_data(lang), reading)(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("YES, CELL PHONES HAVE MADE FAMILIES CLOSER.", True),
    ("Cell phones have made families closer.", False),
    ("NATO and the EU met in Brussels on Monday.", False),  # acronyms inside ordinary case
    ("OK FINE", False),  # too short to be a stated position
    ("小米的高端化仍停留在价格层面。", False),  # no letter case in Chinese
    # … and acronyms in a Chinese sentence (MIUI, OTA) are no raised voice
    ("不过频繁的更新让 MIUI 越来越重，MIUI 团队只好再推一个 OTA 版本，MIUI 的评价也跟着变差。", False),
])
def test_emphatic(text: str, expected: bool) -> None:
    assert emphatic(text) is expected


@pytest.mark.parametrize(("statements", "expected"), [
    (5, 6),  # a short text keeps the minimum: every sentence may argue
    (20, 8),  # 0.4 × 20
    (100, 20),  # 2 × √100, below 0.4 × 100
    (400, 24),  # 2 × √400 = 40, but a reader lists a handful of key claims however long the article
    (10_000, 24),
])
def test_claim_budget(statements: int, expected: int) -> None:
    from argmap.extractors.components.argument.statements import claim_budget

    assert claim_budget(statements, share=0.4, root=2.0, minimum=6, maximum=24) == expected


def test_a_very_long_article_keeps_at_most_the_configured_claims() -> None:
    from argmap.extractors.pipeline import run_pipeline

    # 300 judging sentences on different subjects, written for this test
    subjects = [f"Brand {chr(65 + i % 26)}{i}" for i in range(300)]
    text = "\n\n".join(f"I think {name} should stop discounting its products in region {i}." for i, name in enumerate(subjects))
    analysis = run_pipeline(text, key="long", lang="en")
    claims = [s for s in analysis.statements if s.kind.value == "Claim"]
    assert len(analysis.statements) >= 250
    assert 6 <= len(claims) <= 24


@pytest.mark.parametrize("text", ["Nike can't win this way.", "Nike can’t win this way."])
def test_cues_match_either_apostrophe(text: str) -> None:
    opinion = argument_data("en").opinion
    assert opinion.any(text) and opinion.score(text) == opinion.score("Nike can't win this way.") > 0


def test_the_a_of_a_but_b_is_countered_within_its_sentence_only() -> None:
    from argmap.extractors.components.argument.features import countered
    from argmap.extractors.components.argument.model import ArgUnit
    from argmap.extractors.state import Marker, MarkerRole

    def unit(sentence: int, role: MarkerRole | None = None) -> ArgUnit:
        marker = Marker("but", role, 0, 3) if role else None
        return ArgUnit(start=0, end=10, text="x", sentence=sentence, paragraph=0, section=0, marker=marker)

    # "A, but B. But C." — B answers A in its sentence; C turns against B from the next sentence
    units = [unit(0), unit(0, MarkerRole.ATTACK), unit(1, MarkerRole.ATTACK), unit(1, MarkerRole.SUPPORT)]
    assert countered(units) == [True, False, False, False]
    assert countered([]) == []



@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "I think the Mac mini is a good idea.", True),
    ("en", '"I think the cheaper model is a smart move," said an analyst.', False),  # the analyst's thinking
    ("en", 'She said: "I don\'t think the new shop changes much."', False),
    ("en", 'but I think it works," he added.', False),  # a quotation running on from the clause before
    ("en", 'Overall, the "premium" label fits.', True),  # quote marks elsewhere in the sentence
    ("en", 'The overall "premium" label fits.', False),  # the adjective sums nothing up
    ("en", '"Overall, the premium label fits," he said.', False),
    ("zh", "我们认为小米已经成功。", True),
    ("zh", "他表示：“我们认为小米已经成功。”", False),
    ("zh", "笔者认为，“高端化”并非易事。", True),
])
def test_thesis_cue_outside_quotation(lang: str, text: str, expected: bool) -> None:
    assert argument_data(lang).thesis_cue(text, unquoted=True) is expected


def test_every_language_names_discourse_functions_as_the_argument_stage_does() -> None:
    from argmap.extractors.lexicon import lexicon_for
    from argmap.extractors.state import MarkerRole

    for lang in ("zh", "en"):
        roles = {MarkerRole(m.role) for m in lexicon_for(lang).discourse.values()}
        assert {MarkerRole.ATTACK, MarkerRole.SUPPORT, MarkerRole.CONCLUSION} <= roles


@pytest.mark.parametrize(("lang", "text", "roles"), [
    ("zh", "小米今年发布了一款新的旗舰手机。但是它的价格太高了，很多用户并不买账。因为同价位的竞品配置更好。",
     [None, "attack", "support"]),
    ("en", "The new phone sold well. However, the price was far too high for most buyers. Therefore the maker cut it.",
     [None, "attack", "conclusion"]),
    # an example offered as grounds, however it is introduced
    ("en", "Rival shoemakers have done well here. Several of them, most notably Zandex, opened forty stores last year.",
     [None, "example"]),
    ("zh", "平价品牌在县城卖得很好。举个例子，岚蛙去年在县城开了四十家门店。", [None, "example"]),
    ("zh", "县城的消费者更看重价格。诸如淳馨、瑞禾这样的品牌都靠低价取胜。", [None, "example"]),
    # summing up concludes, in both languages ("In short, …", 总而言之，…)
    ("zh", "淳馨今年在县城开了四十家门店。总而言之，淳馨的下沉还停留在价格层面。", [None, "conclusion"]),
])
def test_both_languages_mark_their_units_with_one_kind_of_marker(lang: str, text: str, roles: list[str | None]) -> None:
    from argmap.extractors.pipeline import argument_input

    units = argument_input(text, lang=lang).units
    assert [u.marker.role.value if u.marker else None for u in units] == roles



@pytest.mark.parametrize(("lang", "judging", "plain"), [
    # a generic statement (what tends to happen, what is typical) judges; the same fact as one event reports
    ("zh", "淳馨的老顾客往往只在打折时下单。", "淳馨的老顾客只在打折时下单。"),
    ("zh", "淳馨是一个典型的下沉市场品牌。", "淳馨是一个下沉市场品牌。"),
    ("zh", "高端餐厅通常把价格写得很小。", "高端餐厅把价格写得很小。"),
    # the writer frames the sentence as a reading of the facts, not a fact: 可以说 / 不仅是…更是 / 绝非…而是
    ("zh", "可以说，凯达的门店策略改变了整个行业。", "凯达的门店策略改变了整个行业。"),
    ("zh", "岚蛙卖的不仅是咖啡，更是一种生活方式。", "岚蛙卖咖啡，更卖一种生活方式。"),
    ("zh", "这绝非一次简单的提价，而是商业模式的转变。", "这是一次提价，也是商业模式的转变。"),
    ("zh", "凯达的野心绝不止于国内市场。", "凯达的业务止于国内市场。"),
])
def test_a_generic_or_framed_statement_judges_more_than_the_plain_one(lang: str, judging: str, plain: str) -> None:
    opinion = argument_data(lang).opinion
    assert opinion.score(judging) > opinion.score(plain)


@pytest.mark.parametrize(
    ("lang", "text", "told"),
    [
        ("en", "Overall, the plan should secure the plant, the analyst said.", True),
        ("en", "According to the bank, the plan should secure the plant.", True),
        ("en", "I'd say the plan should secure the plant.", True),  # in news a first person is a quoted party's
        ("en", "It is fair to say that the plan should secure the plant.", False),  # the writer's own voice
        ("en", "Overall, the plan should secure the plant.", False),
        ("zh", "岚城银行分析师表示，这一计划将保住工厂。", True),
        ("zh", "笔者指出，这一计划将保住工厂。", False),  # 笔者: the present writer
        ("zh", "这一计划将保住工厂。", False),
    ],
)
def test_words_the_writer_tells_another_party_said(lang: str, text: str, told: bool) -> None:
    from argmap.extractors.components.argument.data import argument_data
    from argmap.extractors.components.argument.thesis import told as is_told

    assert is_told(text, argument_data(lang)) is told


_PLAIN = {
    "en": ["Kelmar makes its shoes in Zandia.", "Its shops sit in every large town.", "The brand sells mostly to young runners.",
           "Its logo is a green fox on a white field.", "The company designs every model in its own studio.",
           "Its stores carry few other brands.", "Its shoes are sewn by hand in small batches.",
           "The brand names every shoe after a river."],
    "zh": ["凯达的鞋都在岚城的工厂里生产。", "它的门店开在每一个大城市。", "这个品牌的顾客大多是年轻的跑者。", "它的价格高于同类品牌。",
           "公司的每一款鞋都由自己的设计室完成。", "它的门店很少卖别的品牌。", "公司的大部分订单来自自己的网站。",
           "它的顾客会为每一款新鞋回来。"],
}


@pytest.mark.parametrize(("lang", "evaluation"), [
    ("en", "Its new running line is lagging in the north."),  # how the brand fares: a stance word
    ("zh", "凯达的新跑鞋系列在北方遇冷。"),
    ("en", "Closing the design studio was a misstep."),  # a judgement word
    ("zh", "凯达这样处理临期产品是不负责任的。"),
    ("en", "Its founder described the race for young runners as a war for survival."),  # a cited party characterises
    ("en", "Critics hailed the lighter shoe as a turning point for the firm."),
    ("en", "The lighter shoe fell short of what its runners had hoped for."),  # falling short judges; "fell" alone reports
    ("en", "The move of the northern plant to Zandia was \"stupid\", he said."),  # a judgement word, quoted
    ("en", "Its new logo was an embarrassment for the whole firm."),
    ("zh", "凯达这次在县城大规模开店实在是得不偿失。"),
    ("en", "Critics have said the northern plant was only built for show."),  # what critics say judges
    ("en", "Its founder dismissed the new logo as a copy."),
    ("en", "The lighter shoe is set to change how runners train."),  # a prediction
    ("en", "The new studio is further evidence that the firm wants to design at home."),  # an inference drawn
    ("en", "There are signs that its founder wants a seat on the board."),
    ("zh", "这家设计室可谓凯达的心脏。"),  # 可谓: the writer characterises
    ("zh", "业内人士建议凯达把设计室搬到岚城。"),  # a party prescribes
])
def test_the_budget_keeps_an_evaluation_before_a_plain_statement(lang: str, evaluation: str) -> None:
    """More claims than the budget, none with another judging cue: the one that judges (a judgement word) or
    says how the brand fares (a stance word) stays a claim though it comes last, and plain ones become evidence."""
    from argmap.documents import read_document
    from argmap.extractors.model import StatementKind
    from argmap.extractors.pipeline import run_pipeline

    text = "\n\n".join([*_PLAIN[lang], evaluation])
    analysis = run_pipeline(read_document(text.encode(), name="t.md", suffix=".md"), key="t", lang=lang)
    kinds = {s.text: s.kind for s in analysis.statements}
    assert kinds[evaluation] is StatementKind.CLAIM
    assert StatementKind.EVIDENCE in {kinds[t] for t in _PLAIN[lang] if t in kinds}


@pytest.mark.parametrize(("lang", "text", "dated"), [
    ("zh", "同月，凯达旗下一家门店被罚款。", True),  # a date relative to the event told before: still told when
    ("zh", "次年，凯达关闭了北方的门店。", True),
    ("zh", "3月12日，凯达宣布提价。", True),
    ("zh", "凯达同样延续了一贯的定价。", False),  # 同 alone says "likewise"
    ("zh", "同年龄段的顾客更看重价格。", False),  # 同年龄: of the same age, no date
    ("en", "Last year Kelmar closed its northern stores.", True),
    ("en", "Kelmar closes stores that lose money.", False),
])
def test_dates(lang: str, text: str, dated: bool) -> None:
    """A unit that says when what it tells happened reports it (statements._DATED)."""
    assert bool(argument_data(lang).dates(text)) is dated


def test_a_cue_score_does_not_depend_on_the_hash_seed() -> None:
    # the distinct cues are summed in the order the text has them: summed in a set's order, which changes with
    # the process's hash seed, the same text scored 0.6 in one run and 0.6000000000000001 in another
    cues = CueSet.build({"alpha": 0.1, "beta": 0.2, "gamma": 0.3}, words=True)
    assert cues.score("gamma, beta and alpha, then gamma again") == (0.3 + 0.2) + 0.1
    assert cues.score("alpha, beta and gamma") == (0.1 + 0.2) + 0.3


@pytest.mark.parametrize(("text", "judges"), [
    ("Kelmar made the right call on prices.", True),
    ("Its managers were right about the northern stores.", True),
    ("Kelmar copied the shoe, right down to the laces.", False),  # "right" as an adverb
    ("Zandia gave shoppers a right to return shoes.", True),  # a right to something: normative
    ("Kelmar is opening stores in Zandia right now.", False),
    ("The outlet became a shop in its own right.", False),
])
def test_right_as_an_adverb_judges_nothing(text: str, judges: bool) -> None:
    """A zero-weight phrase masks the cue inside it: "right" judges, "right down to" and "right now" do not."""
    assert (argument_data("en").opinion.score(text) > 0) is judges
