"""English statements (kind, flags, central claim) and supports/undermines relations."""

from __future__ import annotations

import math

import pytest

from argmap.extractors.components.argument import thesis
from argmap.extractors.components.argument.model import argument_state
from argmap.extractors.pipeline import DEFAULT_CACHE, analyze_text, pipeline_doc
from argmap.extractors.model import ArticleAnalysis, RelationKind, Statement, StatementKind

CLAIM, EVIDENCE = StatementKind.CLAIM, StatementKind.EVIDENCE
OPENING = "Brands must earn their premium."


def _by_text(analysis: ArticleAnalysis) -> dict[str, str]:
    return {s.id: s.text for s in analysis.statements}


def _after_opening(sentence: str) -> list[Statement]:
    """The statements of ``sentence`` read after an opening claim, which comes first: the sentence under test is
    then not the (always claim) central one."""
    return analyze_text(f"{OPENING} {sentence}", lang="en", key="t").statements


def _relations(text: str) -> set[tuple[str, str, str]]:
    analysis = analyze_text(text, lang="en", key="t")
    texts = _by_text(analysis)
    return {(texts[r.source], r.kind.value, texts[r.target]) for r in analysis.relations}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Nike should stop discounting its sneakers.", CLAIM),
        ("I think premium brands do not need promotions.", CLAIM),
        ("Nike reported revenue of $11.1 billion for the quarter.", EVIDENCE),
        ('"We sold out in two days," the chief executive said.', EVIDENCE),
        ("According to Circana, most sneakers were sold at a markdown.", EVIDENCE),
        ("Premiumization is a long game for every brand.", CLAIM),
        # a figure with one modal beside it sits at even odds: it reports
        ("The Kelmar group will own 30% of the project.", EVIDENCE),
    ],
)
def test_en_statement_kind(sentence: str, kind: StatementKind) -> None:
    statements = _after_opening(sentence)
    assert [s.kind for s in statements] == [CLAIM, kind]


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        # words that announce what follows only where they open the unit
        ("Here are the figures for the quarter.", False),
        ("Below are the results of the survey.", False),
        ("The following shows how the brand priced its range.", False),
        ("Readers can see the full table by clicking the links below.", False),
        ("Kelmar's chief executive had the following to say about the quarter:", False),
        # … not inside it: these say something
        ("Inflation fell below 10% this year for the first time in a decade.", True),
        ("The results were well below analyst expectations.", True),
        ("Kelmar returned to profit the following year.", True),
        ("The following year, though, would have to be back on track, he warned.", True),
        ("But sales were below its third quarter.", True),
        ("The danger here is that experienced staff are scarce.", True),
        ("The risks here are lower than they seem.", True),
    ],
)
def test_en_signposts_announce_only_where_they_open(sentence: str, stated: bool) -> None:
    assert [s.text for s in _after_opening(sentence)[1:]] == ([sentence] if stated else [])


@pytest.mark.parametrize(
    ("probability", "measured", "evidence"),
    [
        (0.51, False, True),
        (0.49, True, False),
        (0.5, True, True),  # even odds and a figure: it reports
        (0.5, False, False),
        (0.5 + 1e-12, False, False),  # a tie up to float rounding is a tie
        (1 / (1 + math.exp(-(1.5 - 3 * (0.5 / 3) - 1.0))), True, True),  # bias, a figure, one opinion point
    ],
)
def test_even_odds_are_evidence_only_with_a_figure(probability: float, measured: bool, evidence: bool) -> None:
    from argmap.extractors.components.argument.statements import evidence_at

    assert evidence_at(probability, measured) is evidence


def test_en_short_lead_in_is_no_statement() -> None:
    # "He told the BBC:" on a line of its own announces the quote that follows; the quote is the statement
    text = f'{OPENING} He told the BBC:\n"Our margins will recover next year."'
    statements = analyze_text(text, lang="en", key="t").statements
    assert [s.text for s in statements][1:] == ['"Our margins will recover next year."']


@pytest.mark.parametrize(
    ("sentence", "flag"),
    [
        ("Nike may regain its premium image.", "hedged"),
        ("If Nike cuts promotions, its margins will recover.", "conditional"),
        ("Isn't a brand that needs discounts a budget brand?", "question"),
    ],
)
def test_en_statement_flags(sentence: str, flag: str) -> None:
    statement = analyze_text(sentence, lang="en", key="t").statements[0]
    assert getattr(statement, flag) is True
    others = {"hedged", "conditional", "question"} - {flag}
    assert not any(getattr(statement, other) for other in others)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("During Black Friday, 62% of Nike sneakers were sold at a discount.", ("PromotionDependence",)),
        ("Its Samba sneakers sold out at full price, data show.", ("FullPricePurchase",)),
        ("Surveys show that buyers see the phone as a cheaper alternative to the iPhone.", ("SubstitutePurchase",)),
        ("Members of the loyalty program stay locked in, data show.", ("EcosystemLockIn",)),
    ],
)
def test_en_evidence_kinds(text: str, kinds: tuple[str, ...]) -> None:
    statement = _after_opening(text)[1]
    assert statement.kind is EVIDENCE
    assert set(kinds) <= set(statement.evidence_kinds)


def test_going_on_sale_is_no_promotion() -> None:
    # "go on sale" is when a product becomes available, not a discount
    text = f"{OPENING} The new trail shoe will go on sale next month for $140."
    statements = analyze_text(text, lang="en", key="t").statements
    assert "PromotionDependence" not in statements[1].evidence_kinds


@pytest.mark.parametrize(
    ("text", "central"),
    [
        # position: the first statement when nothing marks another
        ("Older parents make better parents. They are more patient. They are more secure.", "Older parents make better parents."),
        # a conclusion marker opening a sentence beats position
        ("Prices are rising. Buyers are waiting for discounts. Therefore, Nike should cut promotions.",
         "Therefore, Nike should cut promotions."),
        # … and so does "therefore" inside the sentence, or "That's why" opening it, after a first sentence that
        # asserts something of its own
        ("Dog owners in Kelmar Park leave a mess behind. Children play on that grass every day. Higher fines are "
         "therefore the right answer.", "Higher fines are therefore the right answer."),
        ("Dog owners in Kelmar Park leave a mess behind. Children play on that grass every day. That's why the "
         "city must raise its fines.", "That's why the city must raise its fines."),
        # "thus" inside the sentence concludes as "therefore" does
        ("Ferry fares in Kelmar rose by half. Fewer islanders travel to work. Tourists stay away too. The council "
         "should thus pay for the ferry from its own budget.",
         "The council should thus pay for the ferry from its own budget."),
        # what the writer says should be done, after the facts that call for it
        ("Despite the higher fines, the parks of Kelmar are as dirty as ever. Fines hence do not change habits. "
         "Shouting at dog owners seems pointless. The city ought to put up more bins instead. Cleaner parks would "
         "be a gain for everyone.", "The city ought to put up more bins instead."),
        # an opening concession is not the main claim (the claim it answers is; see the test below)
        ("Although digital publishing grows fast, paper books will not become obsolete.",
         "paper books will not become obsolete."),
        # "A, but B" opening the text: the writer grants A and asserts B
        ("We live in the age of online shopping, but the constant discounting is not making buyers loyal. "
         "They wait for the next sale. They compare prices on every site.",
         "but the constant discounting is not making buyers loyal."),
    ],
)
def test_en_central_claim(text: str, central: str) -> None:
    statements = analyze_text(text, lang="en", key="t").statements
    assert [s.text for s in statements if s.central] == [central]


def test_en_central_claim_answered_by_a_concession_beats_the_last() -> None:
    # the first claim no marker subordinates, not the last plain one
    text = "Although digital publishing grows fast, paper books will not become obsolete. Readers love paper."
    statements = analyze_text(text, lang="en", key="t").statements
    assert [s.text for s in statements if s.central] == ["paper books will not become obsolete."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nike should stop discounting, because markdowns teach buyers to wait.",
            {("because markdowns teach buyers to wait.", "supports", "Nike should stop discounting")},
        ),
        (
            "Nike should stop discounting. However, discounts clear old stock.",
            {("However, discounts clear old stock.", "undermines", "Nike should stop discounting.")},
        ),
        (
            "Although digital publishing grows fast, paper books will not become obsolete.",
            {("Although digital publishing grows fast", "undermines", "paper books will not become obsolete.")},
        ),
        (
            "Hunting is good for nature. Admittedly, hunting kills animals. But it keeps herds healthy.",
            {
                ("Admittedly, hunting kills animals.", "undermines", "Hunting is good for nature."),
                ("But it keeps herds healthy.", "undermines", "Admittedly, hunting kills animals."),
            },
        ),
        (
            # the main clause answers the concession its sentence opens with, even without "but"
            "Hunting is good for nature. While hunters kill some animals, the herds that remain are healthier.",
            {
                ("While hunters kill some animals", "undermines", "Hunting is good for nature."),
                ("the herds that remain are healthier.", "undermines", "While hunters kill some animals"),
            },
        ),
        (
            # the other side's voice: "X may think …", and a concession opened by "even if"
            "Parks need higher fines. Some dog owners may think the fines are too high.",
            {("Some dog owners may think the fines are too high.", "undermines", "Parks need higher fines.")},
        ),
        (
            "Parks need higher fines. Even if owners pay more, the lawns will be clean.",
            {("Even if owners pay more", "undermines", "Parks need higher fines."),
             ("the lawns will be clean.", "undermines", "Even if owners pay more")},
        ),
        (
            "Brands need loyal buyers. Loyal buyers pay full price. For example, Apple users rarely wait for sales.",
            {
                ("Loyal buyers pay full price.", "supports", "Brands need loyal buyers."),
                # the statement before the example is evidence (full-price purchase): the example grounds its claim
                ("For example, Apple users rarely wait for sales.", "supports", "Brands need loyal buyers."),
            },
        ),
        (
            "Prices are rising. Buyers are waiting for discounts. Therefore, Nike should cut promotions.",
            {
                ("Prices are rising.", "supports", "Therefore, Nike should cut promotions."),
                ("Buyers are waiting for discounts.", "supports", "Therefore, Nike should cut promotions."),
            },
        ),
    ],
)
def test_en_relations(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _relations(text) == expected


def test_en_relation_targets_are_claims_and_markers_point_into_the_text() -> None:
    text = (
        "Xiaomi's premium push is working. Its flagship sold 1.2 million units on Singles' Day. "
        "However, 40% of buyers bought it at a discount. Moreover, Xiaomi should build its own chips."
    )
    analysis = analyze_text(text, lang="en", key="t")
    kinds = {s.id: s.kind for s in analysis.statements}
    assert analysis.relations
    for rel in analysis.relations:
        assert kinds[rel.target] is CLAIM
        assert rel.start is not None and rel.end is not None
        if rel.marker:
            assert text[rel.start : rel.end] == rel.marker
    assert any(r.kind is RelationKind.UNDERMINES and r.marker == "However" for r in analysis.relations)


def test_a_position_inside_a_block_quotation_is_the_quoted_partys_not_the_thesis() -> None:
    from argmap.documents import read_document
    from argmap.extractors.pipeline import run_pipeline

    quoted = ["Demand for running shoes stayed strong in the quarter.", "Wholesale orders rose 8% and online sales rose 12%.",
              "Margins held up despite higher freight costs.", "We believe the brand will keep winning share from Nike next year."]
    after = ["The note is dense, but the bottom line is that Hoka cannot escape a tougher market.",
             "Other shoe makers have seen their shares fall this year.", "On ran 3% lower in March and Asics lost 5% in April.",
             "The bank still rates the shares a buy.", "The shares fell 2% on the day.", "Hoka will report its results in May."]
    text = ("# Hoka still growing, says a bank\n\n"
            "Hoka sales keep growing, says the bank, but its rivals show the market is tough.\n\n"
            "The bank cut its price target for the shares from $60 to $55.\n\nThe note was sent to clients on Monday.\n\n"
            + "\n>\n".join(f"> {q}" for q in quoted) + "\n\n" + "\n\n".join(after) + "\n")
    analysis = run_pipeline(read_document(text.encode(), name="t.md", suffix=".md"), key="t", lang="en")
    assert len(analysis.statements) > 12  # an article, where "we believe" marks the writer's position
    central = [s.text for s in analysis.statements if s.central]
    assert central == ["but the bottom line is that Hoka cannot escape a tougher market."]


def test_the_writer_stating_a_long_held_view_is_the_thesis_of_an_article() -> None:
    body = ["An analyst has suggested that tariffs are the biggest threat to Hoka shares.",
            "The company will report its results today.", "Analysts expect revenue of $600 million for the quarter.",
            "The low estimate is $580 million.", "The high estimate is $630 million.",
            "Some investors will listen for the company's plans on tariffs.", "Hoka makes most of its shoes in Vietnam.",
            "Tariffs on Vietnamese goods rose to 20% in April.", "Rivals have moved some production to Indonesia.",
            "Hoka has so far raised prices on a few models.", "Its margin fell to 52% last quarter.",
            "Many believe that it will have to do more.",
            "I’ve long argued that Hoka would do better to move production now than to wait for higher tariffs.",
            "The results are due at 4 p.m."]
    analysis = analyze_text("\n\n".join(body), lang="en", key="t")
    assert len(analysis.statements) > 12
    assert [s.text for s in analysis.statements if s.central] == [body[-2]]


# A news story of more than twelve statements: its lead states the story; a party it quotes argues a point of it.
_NEWS = ["Kelmar Motors is to build its new small car at its plant in Zandia, the company has confirmed.",
         "The car will go on sale next spring.", "It will cost less than any model the company now makes.",
         "The plant has been at the centre of rumours about job cuts.", "About 4,000 people work there.",
         "Within the overall output figure, there were signs of a slowdown in exports.",
         "Sales of the brand fell 4% last year.", "Its rivals have cut prices twice since January.",
         "Analysts said the plan would help the plant.", "The company did not say how much it would invest.",
         "Unions welcomed the news.", "A decision on a second model is due in May.",
         "Shares in Kelmar rose 2% on Tuesday."]


@pytest.mark.parametrize(
    ("quote", "central"),
    [
        # the analyst sums up, inside quotation marks: his point, not the story's
        ('"Ultimately and industrially, Kelmar needs a cheaper car," he added.', _NEWS[0]),
        ('"Overall I see a low risk of the plant closing," said the analyst, despite the fall in sales.', _NEWS[0]),
        # … or told without quotation marks: "said" makes it his
        ("Overall, the plan should secure the plant for a decade, the analyst said.", _NEWS[0]),
        # the writer sums up
        ("Overall, the plan should secure the plant for a decade.", "Overall, the plan should secure the plant for a decade."),
        # … in the writer's own voice, with a speech word
        ("Overall, it is fair to say that the plan should secure the plant for a decade.",
         "Overall, it is fair to say that the plan should secure the plant for a decade."),
    ],
)
def test_news_thesis_is_the_writers_not_a_quoted_partys(quote: str, central: str) -> None:
    analysis = analyze_text("\n\n".join(["Kelmar to build small car in Zandia", *_NEWS, quote]), lang="en", key="t")
    assert len(analysis.statements) > 12
    assert [s.text for s in analysis.statements if s.central] == [central]


@pytest.mark.parametrize(
    ("text", "sums_up"),
    [
        ("Overall, the plan should secure the plant.", True),
        ("But in the end it would not be worth it.", True),
        ('"Ultimately, the brand needs a cheaper car."', True),
        ("Within the overall output figure, there were signs of a slowdown.", False),
        ("Memory chips were in short supply.", False),
        ("The brand will ultimately need a cheaper car.", False),
        ("In conclusion, the brand needs a cheaper car.", True),
        ("Overall sales were up 12.4%, Kelmar said.", False),  # "overall" the adjective sums nothing up
    ],
)
def test_summing_up_words_sum_up_where_they_open_the_unit(text: str, sums_up: bool) -> None:
    from argmap.extractors.components.argument.data import argument_data

    data = argument_data("en")
    assert data.sums_up(text) is sums_up
    assert data.thesis_cue(text) is sums_up


def test_summing_up_figures_states_no_position() -> None:
    """'Overall, net profits were up 42%' sums up the figures before it: a report, not the article's point."""
    title = "Brewer buy boosts Kelmar"
    text = (f"{title}\n\nKelmar has seen its profits soar thanks to its purchase of Zandia's biggest brewer last "
            "year.\n\nSales rose 8% in Europe and 12% in Asia, the company said.\n\nIts beers now sell in 40 "
            "countries.\n\nOverall, net profits were up 42% to 719m euros.\n")
    statements = analyze_text(text, lang="en", key="t", title=title).statements
    (central,) = [s for s in statements if s.central]
    assert central.text.startswith("Kelmar has seen its profits soar")
    from argmap.extractors.components.argument.data import argument_data

    assert not argument_data("en").thesis_cue("Overall, net profits were up 42% to 719m euros.", measured=True)


@pytest.mark.parametrize(
    ("text", "turned"),
    [
        # a sentence that opens by turning against what came before grants the one or two statements before it
        ("E-books are cheap. A library fits in a pocket. Still, paper books will stay. Readers love them.",
         ["E-books are cheap.", "A library fits in a pocket."]),
        ("Kelmar's fees look steep. Drivers pay twice as much. Shops lose trade. But the town needs the money.",
         ["Drivers pay twice as much.", "Shops lose trade."]),
        # a contrast inside the sentence is "A, but B" (the counter feature), and a text without one grants nothing
        ("The new fees look steep, but the town needs the money. Shops will adapt.", []),
        ("Older parents make better parents. They are more patient. They are more secure.", []),
    ],
)
def test_a_statement_a_later_sentence_turns_against_is_granted(text: str, turned: list[str]) -> None:
    state = argument_state(pipeline_doc(DEFAULT_CACHE.get("en"), text))
    assert [c.unit.text for c in thesis.candidates(state) if c.turned] == turned


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        # a prediction names what it is about (market share, sales): its topic, not a report
        ("Kelmar could find it hard to lift its profits in Europe.", False),
        ("If Kelmar cuts prices, its sales may recover.", False),
        # … where the unit states it, or carries a figure, the same words report
        ("Kelmar's profits in Europe rose sharply.", True),
        ("Kelmar could lift sales by 12% next year.", True),
    ],
)
def test_what_a_prediction_measures_is_its_topic(text: str, reports: bool) -> None:
    from argmap.extractors.components.argument.data import argument_data
    from argmap.extractors.components.argument.statements import score_unit

    state = argument_state(pipeline_doc(DEFAULT_CACHE.get("en"), text))
    scores = [score_unit(u, argument_data("en")) for u in state.units]
    assert (max(s.report for s in scores) > 0) is reports



LEAD_EN = ("Phone sales boom\n\nMobile phone sales rose 20% last year, according to research from Kelmar Analytics.\n\n"
           "The firm said 640 million handsets were sold in 2004. Camera phones made up a third of them.\n\n"
           "Growth will slow next year, because most buyers in Europe already own a phone. Makers should cut prices.\n\n"
           "Zandia Mobile expects its own sales to fall. Its shares fell 3% on Monday.\n")
LEAD_ZH = ("手机销量大涨\n\n据凯达研究的数据，去年手机销量增长了20%。\n\n该公司称，2004年共售出6.4亿部手机，其中三分之一是拍照手机。\n\n"
           "明年增长将放缓，因为欧洲大多数消费者已经拥有手机。厂商应该降价来吸引他们。\n\n岚川移动预计自己的销量将下降。其股价周一下跌3%。\n")


@pytest.mark.parametrize(("lang", "text", "claim"), [
    # an English story states its point first: its lead is a claim (before any thesis is chosen), though it reports
    ("en", LEAD_EN, True),
    ("en", LEAD_EN.replace(".\n\n", ". "), False),  # a text of one paragraph is a short argument, not a story
    ("zh", LEAD_ZH, False),  # Chinese commentary mostly opens with a hook: the same lead reports
])
def test_an_english_articles_lead_states_its_point(lang: str, text: str, claim: bool) -> None:
    from argmap.extractors.pipeline import argument_input

    first = argument_input(text, lang=lang).statements[0]
    assert first.text.startswith(("Mobile phone sales", "据凯达"))
    assert (first.kind is StatementKind.CLAIM) is claim, first
