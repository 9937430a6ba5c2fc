"""argmap explain: finding the claim, and an explanation a reader can check down to the source sentence."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from argmap.errors import AmbiguousClaimError, ClaimNotFoundError
from argmap.ontology import AMID
from argmap.reasoner import run_reasoner
from argmap.reasoner.explain import explain, resolve_claim
from tests.reasoner.conftest import StoreFactory

CENTRAL = str(AMID["statement/phone-zh/0-10"])


@pytest.mark.parametrize(
    "query",
    [
        "米正向高端品牌冲击",  # a fragment of the text
        "米正向高端品牌冲击。",  # the whole text
        CENTRAL,
        f"<{CENTRAL}>",
        "amid:statement/phone-zh/0-10",
    ],
)
def test_the_claim_is_found_by_text_iri_or_prefixed_name(trig_store: StoreFactory, query: str) -> None:
    assert resolve_claim(trig_store("phone"), query) == CENTRAL


def test_a_label_finds_its_claim(trig_store: StoreFactory) -> None:
    assert resolve_claim(trig_store("cycle"), "rising prices") == str(AMID["statement/cycle-en/0-10"])


def test_an_ambiguous_fragment_lists_the_candidates(trig_store: StoreFactory) -> None:
    with pytest.raises(AmbiguousClaimError) as err:
        resolve_claim(trig_store("phone"), "高端")
    assert "2 claims" in err.value.message and "phone-zh/0-10" in err.value.message
    assert "phone-zh/90-110" in err.value.message


@pytest.mark.parametrize("query", ["no such words", "amid:statement/phone-zh/999-1000", "   "])
def test_no_match_is_a_clear_error(trig_store: StoreFactory, query: str) -> None:
    with pytest.raises(ClaimNotFoundError):
        resolve_claim(trig_store("phone"), query)


def test_evidence_is_found_when_no_claim_matches(trig_store: StoreFactory) -> None:
    assert resolve_claim(trig_store("phone"), "平替") == str(AMID["statement/phone-zh/50-60"])


def test_explanation_goes_down_to_the_evidence_and_its_source(trig_store: StoreFactory) -> None:
    store = trig_store("phone")
    report = run_reasoner(store, classify=False)
    text = explain(store, "米正向高端品牌冲击")
    central = report.verdict(CENTRAL)
    assert "不成立 rejected" in text.splitlines()[3]
    assert f"strength {central.strength:.2f}" in text
    # supporters and attackers, with their strengths, kinds (Chinese with English beside) and sources
    assert "+ supported by (3)" in text and "− undermined by (6)" in text
    assert "一款6000元以上的旗舰登顶销量与销售额。" in text and "全价购买 full-price purchase" in text
    assert "销量峰值依赖双11和618。" in text and "chars 40–50" in text
    assert "[link derived by rule 10-derive-relations]" in text  # the unattached SpecsForLess evidence
    # recursively: the conditional verdict undermines the claim and is itself supported by the substitute evidence
    verdict_at = text.index("如果答案是后者")
    assert "用户把它当作比果便宜的平替。" in text[verdict_at:]
    assert "note:" not in text  # the stored verdict matches


def test_explanation_before_any_reasoning_says_how_to_store_it(trig_store: StoreFactory) -> None:
    text = explain(trig_store("phone"), "米正向高端品牌冲击")
    assert "run argmap reason" in text


def test_cycles_end_the_recursion(trig_store: StoreFactory) -> None:
    text = explain(trig_store("cycle"), "rising prices")
    assert "a cycle" in text
    assert text.count("Margins will grow.") == 1


def test_a_fragment_several_claims_share_explains_each_central_first(trig_store: StoreFactory) -> None:
    store = trig_store("phone")
    run_reasoner(store, classify=False)
    text = explain(store, "高端")
    head, *parts = text.split("\n\n")
    assert "matches 2 statements" in head
    assert len(parts) == 2
    assert "米正向高端品牌冲击" in parts[0]  # the central claim comes first


def test_a_brand_name_explains_its_verdict_with_counts_rule_and_sentences(trig_store: StoreFactory) -> None:
    store = trig_store("phone")
    run_reasoner(store, classify=False)
    text = explain(store, "米")
    head = text.splitlines()[0]
    assert head.startswith("米 / Mi — 米高端化 / Mi premiumization:")
    assert "price-driven 4 statements, weight 2.40 vs value-driven 3, weight 1.90" in head
    assert "rule: 两方面都充分 both sides strong — neither side prevails" in text  # the threshold, in words
    assert "price-driven evidence 价格论据 (4):" in text and "value-driven evidence 价值论据 (3):" in text
    assert "«销量峰值依赖双11和618。»" in text and "chars 40–50" in text
    assert "not counted for either side (1):" in text and "«果占高端市场62%的份额。»" in text  # competitive pressure
    # where the article says the brand pursues the strategy, before the article's own verdict
    assert "where the articles say it 出处 (1):\n    «米正向高端品牌冲击。» · article phone-zh" in text
    # the article's own verdict: its thesis, which is about the strategy
    assert "the articles' own verdicts 文章自身的结论 (their theses, 1):" in text and "«米正向高端品牌冲击。»" in text


def test_an_unsupported_claim_is_explained_as_such(trig_store: StoreFactory) -> None:
    store = trig_store("phone")
    bare = ("@prefix am: <https://w3id.org/argmap/ontology#> . @prefix amid: <https://w3id.org/argmap/id/> .\n"
            "amid:article\\/bare-zh { amid:statement\\/bare-zh\\/0-9 a am:Claim ; am:text \"米的时代已经到来。\"@zh ;"
            " am:inArticle amid:article\\/bare-zh . }")
    store.load(bare.encode("utf-8"), ox.RdfFormat.TRIG)
    run_reasoner(store, classify=False)
    text = explain(store, "amid:statement/bare-zh/0-9")
    assert "status: 无依据 unsupported · no strength" in text and "without grounds" in text
    assert "note:" not in text  # the stored verdict (no strength) matches
