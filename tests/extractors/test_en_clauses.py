"""English sentences and clauses: splitting on punctuation, quotes, line breaks and discourse markers."""

from __future__ import annotations

import pytest

from argmap.extractors.pipeline import Layout, analyze_text
from argmap.extractors.state import MarkerRole


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in analyze_text(text, lang="en", key="t").sentences]


def _statements(text: str) -> list[str]:
    return [s.text for s in analyze_text(text, lang="en", key="t").statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nike Inc. fell 5%. Adidas rose.", ["Nike Inc. fell 5%.", "Adidas rose."]),
        ('"Is it worth it?" she asked. Most buyers said no.', ['"Is it worth it?" she asked.', "Most buyers said no."]),
        ("Premium at last\nXiaomi is moving up. Will it last?", ["Premium at last", "Xiaomi is moving up.", "Will it last?"]),
        ("The U.S. market is slowing. Sales fell.", ["The U.S. market is slowing.", "Sales fell."]),
        ("Prices rose, e.g. in China. Demand held.", ["Prices rose, e.g. in China.", "Demand held."]),
        # a camel-case name opens a sentence in lower case; so does informal writing after a full stop
        ("Apple cut prices. iPhone sales rose 5%.", ["Apple cut prices.", "iPhone sales rose 5%."]),
        ("Games stage fights. players know they are not real.", ["Games stage fights.", "players know they are not real."]),
        ("Orders slowed... after the holidays ended.", ["Orders slowed... after the holidays ended."]),
        ("Prices rose approx. five percent. Sales held.", ["Prices rose approx. five percent.", "Sales held."]),
        # a dotted name (a web address, a site's name) is no sentence end
        ("Buyers compare prices at shop.Kelmar.com before they order. Sales held.",
         ["Buyers compare prices at shop.Kelmar.com before they order.", "Sales held."]),
        # the quote mark that opens the next sentence goes with it
        ('Hoka declined to comment. "Demand is strong," said a trader. "Prices will rise."',
         ["Hoka declined to comment.", '"Demand is strong," said a trader.', '"Prices will rise."']),
        ("Hoka declined to comment. “Demand is strong,” said a trader.",
         ["Hoka declined to comment.", "“Demand is strong,” said a trader."]),
        ("Sales rose.\n- Shares in Hoka closed down 5%.\n", ["Sales rose.", "Shares in Hoka closed down 5%."]),
    ],
)
def test_en_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Although digital publishing grows fast, paper books will not become obsolete.",
            ["Although digital publishing grows fast", "paper books will not become obsolete."],
        ),
        (
            "Nike should stop discounting, because markdowns teach buyers to wait.",
            ["Nike should stop discounting", "because markdowns teach buyers to wait."],
        ),
        (
            "The phone is cheap but its camera is excellent.",
            ["The phone is cheap", "but its camera is excellent."],
        ),
        (
            "Margins are thin; the brand needs pricing power.",
            ["Margins are thin", "the brand needs pricing power."],
        ),
        (
            "Brands should keep prices steady as it protects their image.",
            ["Brands should keep prices steady", "as it protects their image."],
        ),
        # no split: "but also" is one clause, and "such as" starts a phrase, not a clause
        ("Nike sells not only shoes but also apparel.", ["Nike sells not only shoes but also apparel."]),
        # "not only A but B" is one statement; a "but" after the pair is complete turns as any other does
        ("Last year was hard, but Kelmar not only weathered the slump but achieved its best growth ever.",
         ["Last year was hard", "but Kelmar not only weathered the slump but achieved its best growth ever."]),
        ("Zandia sells not only shoes but also bags, but its margins are thin.",
         ["Zandia sells not only shoes but also bags", "but its margins are thin."]),
        ("Not only do kids lose sleep, but they also fall behind at school.",
         ["Not only do kids lose sleep", "but they also fall behind at school."]),
        ("Brands such as Hoka and On grew fast.", ["Brands such as Hoka and On grew fast."]),
        ("Nike sells more shoes, clothing and bags.", ["Nike sells more shoes, clothing and bags."]),
        # "including" opens a list, not a participle clause; nothing splits inside parentheses
        ("The ban followed several attacks, including the 1988 crash in Scotland.",
         ["The ban followed several attacks, including the 1988 crash in Scotland."]),
        ("A total of 24 trillion pesos ($10bn; £5bn) is set aside for the poor.",
         ["A total of 24 trillion pesos ($10bn; £5bn) is set aside for the poor."]),
        # a short opening phrase before a comma splice is no clause of its own
        ("Edge cases aside, there is no way to sell an app outside the store.",
         ["Edge cases aside, there is no way to sell an app outside the store."]),
        # a quotation is one voice: no clause split inside it
        ('The new shop will make Hoka "easy to find, but still rather exclusive", he added.',
         ['The new shop will make Hoka "easy to find, but still rather exclusive", he added.']),
        ("“Demand is strong because people run more,” the chief executive said.",
         ["“Demand is strong because people run more,” the chief executive said."]),
        (
            "Older people earn more money, allowing them to pay for education.",
            ["Older people earn more money", "allowing them to pay for education."],
        ),
        (  # … also after an adverb
            "Phones distract drivers from the road, potentially putting the driver at risk.",
            ["Phones distract drivers from the road", "potentially putting the driver at risk."],
        ),
        # both sides of a split keep three words: "but slowly" stays attached
        ("Prices went up, but slowly.", ["Prices went up, but slowly."]),
        # a genuine question is not a statement; a rhetorical one is
        ("What will Nike do next?", []),
        ("Don't shoppers want that reassurance?", ["Don't shoppers want that reassurance?"]),
        # "so" + a pronoun, "and also", "and most people" open a second clause; "and" in a list does not
        ("Premium brands have loyal buyers so they can raise prices calmly.",
         ["Premium brands have loyal buyers", "so they can raise prices calmly."]),
        ("The loyalty scheme keeps buyers close and also helps fund new stores.",
         ["The loyalty scheme keeps buyers close", "and also helps fund new stores."]),
        ("Sales events are a habit and most people know the prices come back.",
         ["Sales events are a habit", "and most people know the prices come back."]),
        ("Nike sells shoes and bags in China.", ["Nike sells shoes and bags in China."]),
        # ", while" inside a sentence joins two facts; an opening "While …," is a concession
        ("Sales of Hoka rose 5% in March, while revenues were hit by the weak dollar.",
         ["Sales of Hoka rose 5% in March, while revenues were hit by the weak dollar."]),
        ("While Hoka grew fast in March, its margins fell sharply.",
         ["While Hoka grew fast in March", "its margins fell sharply."]),
        # a short subject and the aside that interrupts it stay one clause; so do "said that …", a closing
        # attribution, and a short opening phrase before the subject
        ("Shares in Hoka, which changed its logo last year, were up 2% on the day.",
         ["Shares in Hoka, which changed its logo last year, were up 2% on the day."]),
        ("Sales of the new model rose sharply, which hurt margins.",
         ["Sales of the new model rose sharply", "which hurt margins."]),
        ("The runners' club, however, urged its members to reject the offer.",
         ["The runners' club, however, urged its members to reject the offer."]),
        # a longer subject too, when a verb follows the marker; a subject after it opens a clause of its own
        ("Raising the parking fee for every resident of the town, however, is not fair to anyone.",
         ["Raising the parking fee for every resident of the town, however, is not fair to anyone."]),
        ("Many parents think these games pull families apart, however, it seems they play them together.",
         ["Many parents think these games pull families apart", "however, it seems they play them together."]),
        ("Kelmar said demand was strong in July, but that the shortage would worsen in the fourth quarter.",
         ["Kelmar said demand was strong in July, but that the shortage would worsen in the fourth quarter."]),
        ("Some say the new parking rules are fair to everyone, and that is true.",
         ["Some say the new parking rules are fair to everyone", "and that is true."]),
        ("Ms Okafor said that although the rules allow no exceptions, the agency would be flexible.",
         ["Ms Okafor said that although the rules allow no exceptions, the agency would be flexible."]),
        ("The retailer has sent its suppliers a new price list, it has confirmed.",
         ["The retailer has sent its suppliers a new price list, it has confirmed."]),
        ("In the northern stores, she expects the loss to be covered by online sales.",
         ["In the northern stores, she expects the loss to be covered by online sales."]),
        # "because of" opens a phrase, not a reason clause
        ("Hoka will not keep its lead because of these price cuts.",
         ["Hoka will not keep its lead because of these price cuts."]),
        # "as" + a pronoun gives a reason, but not in "as long as", nor in a comparison or a time
        ("Outlet stores should stay small as they teach buyers to wait for discounts.",
         ["Outlet stores should stay small", "as they teach buyers to wait for discounts."]),
        ("Discount codes do no harm as long as they expire within a week.",
         ["Discount codes do no harm as long as they expire within a week."]),
        ("Small shops cannot cut prices as we do in our larger stores.",
         ["Small shops cannot cut prices as we do in our larger stores."]),
        ("Young buyers trade up to premium brands as they grow older and earn more.",
         ["Young buyers trade up to premium brands as they grow older and earn more."]),
        # ", as" with a subject of its own gives a reason; not a comparison, nor an attribution
        ("The park should stay open, as the area is the only green space in the district.",
         ["The park should stay open", "as the area is the only green space in the district."]),
        ("Kelmar sold the unit last year, as the company reported on Monday.",
         ["Kelmar sold the unit last year, as the company reported on Monday."]),
        ("Kelmar sells the card to parents, as a kind of pocket money for their children.",
         ["Kelmar sells the card to parents, as a kind of pocket money for their children."]),
        # ", for" + a subject is a reason too; ", and furthermore" adds a second point
        ("Public broadcasters deserve the fee, for we need independent media.",
         ["Public broadcasters deserve the fee", "for we need independent media."]),
        ("Human dignity is protected by the constitution, and furthermore no one may decide on the life of another.",
         ["Human dignity is protected by the constitution", "and furthermore no one may decide on the life of another."]),
        # ", and" + a subject of any kind and its finite verb opens a second clause; an adverb alone before the
        # verb shares the first clause's subject, and the last item of a list is no subject of its own
        ("Parking in the old town is too expensive, and small shops in the centre will lose their customers.",
         ["Parking in the old town is too expensive", "and small shops in the centre will lose their customers."]),
        ("Hoka's margins are thin, and constantly rising freight costs are eating into them.",
         ["Hoka's margins are thin", "and constantly rising freight costs are eating into them."]),
        ("The new mall draws shoppers from three towns, and therefore must be reached by bus.",
         ["The new mall draws shoppers from three towns, and therefore must be reached by bus."]),
        ("The lenders named were Kelmar Bank, Zandia Trust, North Sea Credit Union, and Hoka Capital were not.",
         ["The lenders named were Kelmar Bank, Zandia Trust, North Sea Credit Union, and Hoka Capital were not."]),
        # ", since / as / for" + a subject of any kind and its finite verb gives a reason; an attribution
        # ("as analysts had expected") and "as long as" do not
        ("Parking fees should stay low, since no small shop can survive without passing trade.",
         ["Parking fees should stay low", "since no small shop can survive without passing trade."]),
        ("The ferry should run every hour, as tourists are arriving earlier each spring.",
         ["The ferry should run every hour", "as tourists are arriving earlier each spring."]),
        ("Kelmar cut its prices in March, as most analysts had expected after the weak winter.",
         ["Kelmar cut its prices in March, as most analysts had expected after the weak winter."]),
        # a marker of several words set off by commas, a verb after it: the clause it interrupts goes on
        ("Kelmar's older rival, on the other hand, has kept its prices where they were.",
         ["Kelmar's older rival, on the other hand, has kept its prices where they were."]),
        # a second subject set off by commas shares the verb after it: no clause of its own
        ("Analysts think the new logo, and the move to a Zandia office, were meant to please investors.",
         ["Analysts think the new logo, and the move to a Zandia office, were meant to please investors."]),
        # a "which" clause that a comma closes sits inside the clause it interrupts, whatever the subject's length
        ("Even the smaller Kelmar stores in the north, which open only on weekdays, sell more than their rivals.",
         ["Even the smaller Kelmar stores in the north, which open only on weekdays, sell more than their rivals."]),
        # at the sentence's end it is a clause of its own (a thousands separator closes nothing)
        ("Hoka opened a third shop in Zandia last spring to win more runners, which now sells 12,000 pairs a month.",
         ["Hoka opened a third shop in Zandia last spring to win more runners", "which now sells 12,000 pairs a month."]),
        # an opening concession closes at the comma after its relative clause, not at the one before it
        ("Although Kelmar raised its fees twice, which angered some members, the club kept its waiting list.",
         ["Although Kelmar raised its fees twice, which angered some members", "the club kept its waiting list."]),
        # "…, and who would …?" asks a question of its own
        ("The Zandia bakers have sold this bread for a century, and who would doubt their craft?",
         ["The Zandia bakers have sold this bread for a century", "and who would doubt their craft?"]),
        ("The ferry leaves before the first train arrives, and how are we supposed to reach it on time?",
         ["The ferry leaves before the first train arrives", "and how are we supposed to reach it on time?"]),
        # "unless" opens a condition the claim depends on
        ("Insurers should not pay for such treatments unless their benefit has been proven.",
         ["Insurers should not pay for such treatments", "unless their benefit has been proven."]),
        # an opening concession of two clauses closes after the second; a comma setting off one word closes nothing
        ("Although Kelmar's results have been weak, and the market could be better, you should buy its shares.",
         ["Although Kelmar's results have been weak", "and the market could be better", "you should buy its shares."]),
        ("Since, however, the old depot stands empty all week, the town should sell it.",
         ["Since, however, the old depot stands empty all week", "the town should sell it."]),
        # a joining word before the reason: "And since A, B"
        ("And since the town has to pay for the roads anyway, every driver should chip in.",
         ["And since the town has to pay for the roads anyway", "every driver should chip in."]),
        # "…, for that …" gives a reason whose subject opens with "that"; so does "…, for, as …"
        ("The town should not wait for the regional plan, for that plan will take years to agree.",
         ["The town should not wait for the regional plan", "for that plan will take years to agree."]),
        # an opening "since" of time is no reason: one clause ("Since 1999, …"); a reason still splits
        ("Since its launch in the summer of 2001, the new Zandia has gone from strength to strength.",
         ["Since its launch in the summer of 2001, the new Zandia has gone from strength to strength."]),
        ("Since then, the software has been gaining praise and converts.",
         ["Since then, the software has been gaining praise and converts."]),
        ("Since it uses internet technology, calls cost next to nothing.",
         ["Since it uses internet technology", "calls cost next to nothing."]),
        # "Despite" before a bare noun phrase qualifies the clause after it: one statement; with a clause
        # inside the phrase it is a concession of its own
        ("Despite the rise in unemployment, spending at Kelmar stores held up well.",
         ["Despite the rise in unemployment, spending at Kelmar stores held up well."]),
        ("In spite of having no licence for the south, Zandex kept its prices.",
         ["In spite of having no licence for the south, Zandex kept its prices."]),
        ("Despite the clashes in the capital, which have threatened to escalate, the union should stay out.",
         ["Despite the clashes in the capital, which have threatened to escalate", "the union should stay out."]),
        # after a copula "because" says what the subject is: no cut ("this is because …"); after a verb it gives a reason
        ("But some suggest this is because Kelmar breaks its own rules.",
         ["But some suggest this is because Kelmar breaks its own rules."]),
        ("The only reason Zandex won sympathy is because it claimed to stand up for small firms.",
         ["The only reason Zandex won sympathy is because it claimed to stand up for small firms."]),
        ("Kelmar is only benefiting because it breaks its own rules.",
         ["Kelmar is only benefiting", "because it breaks its own rules."]),
        # "such as those …" gives examples: no reason clause starts at its "as"
        ("Key posts, such as those of chief executive and finance chief, are to be held by locals.",
         ["Key posts, such as those of chief executive and finance chief, are to be held by locals."]),
    ],
)
def test_en_clauses(text: str, expected: list[str]) -> None:
    assert _statements(text) == expected


def test_en_headline_and_boilerplate_are_not_statements() -> None:
    from argmap.extractors.pipeline import run_pipeline

    text = "Why Nike Is Losing Runners\nNike is losing runners to Hoka.\nCopyright 2025 Example Media. All rights reserved.\n"
    analysis = run_pipeline(text, key="t", lang="en")  # the document layer marks the copyright line
    assert [s.text for s in analysis.statements] == ["Nike is losing runners to Hoka."]
    assert any(text[s.start : s.end].startswith("Copyright") for s in analysis.skipped)
    assert not any(m.start >= text.index("Copyright") for e in analysis.entities for m in e.mentions)


def test_en_a_line_ending_in_an_elision_or_a_note_mark_is_a_sentence_not_a_headline() -> None:
    from argmap.extractors.pipeline import run_pipeline

    text = ("Why Nike Is Losing Runners\n"
            "Nike will cut its wholesale accounts to sell more through its own stores, its chief executive said […]\n"
            "Hoka sold more running shoes than Nike in specialist stores last year [1]\n")
    statements = [s.text for s in run_pipeline(text, key="t", lang="en").statements]
    assert any(s.startswith("Nike will cut its wholesale accounts") for s in statements)
    assert any(s.startswith("Hoka sold more running shoes") for s in statements)
    assert not any(s.startswith("Why Nike") for s in statements)


def test_en_skipped_spans_from_the_cleaner_are_respected() -> None:
    from argmap.extractors.model import Span

    text = "Adidas is back. Follow us for more Adidas deals today."
    cut = text.index("Follow")
    analysis = analyze_text(text, lang="en", key="t", laid=Layout(skipped=[Span(cut, len(text))]))
    assert [s.text for s in analysis.statements] == ["Adidas is back."]


def test_en_overlapping_skipped_spans_are_merged() -> None:
    from argmap.extractors.model import Span

    text = "Nike is back.\nNotice: this text was posted by a user.\nHoka is growing fast."
    line = text.index("Notice")
    skipped = [Span(line, line + 10), Span(line + 5, text.index("\nHoka"))]
    analysis = analyze_text(text, lang="en", key="t", laid=Layout(skipped=skipped))
    assert [s.text for s in analysis.statements] == ["Nike is back.", "Hoka is growing fast."]
    assert [(s.start, s.end) for s in analysis.skipped] == [(line, text.index("\nHoka"))]


def test_en_inline_source_note_leaves_the_rest_of_its_sentence() -> None:
    from argmap.extractors.pipeline import run_pipeline

    text = "Nike's sales fell 10% last year (Source: company filings), while Hoka grew fast.\n"
    analysis = run_pipeline(text, key="t", lang="en")
    texts = " ".join(s.text for s in analysis.statements)
    assert "Source" not in texts and "filings" not in texts
    assert "Nike's sales fell 10% last year" in texts and "Hoka grew fast" in texts


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Kelmar should thus cut its fares.", MarkerRole.CONCLUSION),
        ("Longer opening hours are therefore a poor idea.", MarkerRole.CONCLUSION),
        # a gerund after it: a consequence the sentence adds, not a conclusion the writer draws
        ("The firm cut its prices thus boosting sales.", None),
        ("The firm cut its prices thus boosting sales; however, margins fell.", MarkerRole.ATTACK),
        # what a writer draws from what came before, as 这意味着 and 因此 are in Chinese
        ("This means Kelmar must cut its fares.", MarkerRole.CONCLUSION),
        ("For this reason, the depot should stay open.", MarkerRole.CONCLUSION),
        ("Accordingly, Zandex raised its prices.", MarkerRole.CONCLUSION),
    ],
)
def test_a_conclusion_marker_inside_a_clause(text: str, role: MarkerRole | None) -> None:
    from argmap.extractors.lang.en.markers import MarkerFinder
    from argmap.extractors.lexicon import lexicon_for

    found = MarkerFinder(lexicon_for("en")).find(text, 0, len(text))
    assert (found.role if found else None) is role
