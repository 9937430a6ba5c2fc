"""The one state both languages' components share (argmap/extractors/state.py)."""

from __future__ import annotations

import pytest

from argmap.extractors.model import Entity, EntityKind, Mention, Span
from argmap.extractors.state import DocState, EntityHit, Marker, MarkerRole, get_state, opens_unit


def test_mentions_come_in_text_order_whatever_order_the_entities_were_recorded_in() -> None:
    state = DocState("Acme and Globex met Initech; Acme won.")
    globex = Entity("globex", EntityKind.BRAND, "Globex", {"en": "Globex", "zh": "格洛贝"})
    globex.mentions += [Mention(9, 15, "Globex")]
    acme = Entity("acme", EntityKind.BRAND, "Acme", {"en": "Acme"})
    acme.mentions += [Mention(29, 33, "Acme"), Mention(0, 4, "Acme")]
    initech = Entity("initech", EntityKind.ORGANIZATION, "Initech", {"en": "Initech"})
    initech.mentions += [Mention(20, 27, "Initech")]
    for entity in (globex, acme, initech, Entity("roe", EntityKind.PERSON, "Roe", {"en": "Roe"})):
        state.entities[entity.ref] = entity
    assert state.brand_mentions() == [(0, 4, "brand/acme"), (9, 15, "brand/globex"), (29, 33, "brand/acme")]
    assert state.mentions({EntityKind.ORGANIZATION}) == [(20, 27, "organization/initech")]
    assert state.entity_labels("brand/globex") == {"en": "Globex", "zh": "格洛贝"}
    assert state.entity_labels("brand/nobody") == {}


def test_the_analysis_lists_entities_in_the_order_recorded() -> None:
    state = DocState("Acme wants to go upmarket.")
    acme = Entity("acme", EntityKind.BRAND, "Acme", {"en": "Acme"})
    state.entities[acme.ref] = acme
    strategy = Entity("acme-premiumization", EntityKind.STRATEGY, "Acme premiumization")
    state.entities[strategy.ref] = strategy
    analysis = state.to_analysis(key="k", lang="en", title="", source="")
    assert [e.ref for e in analysis.entities] == ["brand/acme", strategy.ref]


def test_a_hit_is_known_by_its_kind_and_key() -> None:
    hit = EntityHit(EntityKind.PRODUCT, "acme-x1", 0, 7, "Acme X1", {"en": "Acme X1"}, brand="brand/acme")
    assert hit.ref == "product/acme-x1"


def test_a_span_is_in_a_heading_only_when_one_holds_all_of_it() -> None:
    state = DocState("Title\n\nBody text here.\nSecond heading\nMore.", headings=[Span(23, 37), Span(0, 5)])
    assert state.in_heading(0, 5) and state.in_heading(23, 30)
    assert not state.in_heading(3, 10) and not state.in_heading(7, 22)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Prices\n\nThe new phone costs more. However, most buyers still want it."),
    ("zh", "价格\n\n这款新手机更贵了。但是大多数用户仍然想买它。"),
])
def test_both_pipelines_leave_one_kind_of_state(lang: str, text: str) -> None:
    from argmap.documents import Format, read_document
    from argmap.extractors.pipeline import DEFAULT_CACHE, layout, pipeline_doc

    document = read_document(text, name="t", fmt=Format.TEXT)
    doc = pipeline_doc(DEFAULT_CACHE.get(lang), document.content, laid=layout(document))
    state = get_state(doc)
    assert isinstance(state, DocState) and state.content == document.content
    assert len(state.sentence_paragraph) == len(state.sentences)
    marked = [u for u in state.units if u.marker is not None]
    assert [u.marker.role for u in marked] == [MarkerRole.ATTACK]
    assert marked[0].paragraph == state.units[-1].paragraph > state.units[0].paragraph


@pytest.mark.parametrize(("refs", "expected"), [
    (["brand/b", "product/x", "brand/a", "brand/a", "product/x", "product/x"], "brand/a"),  # only brands count
    (["brand/b", "brand/a", "brand/a", "brand/b"], "brand/b"),  # a tie: the one named first
    (["product/x", "market/y"], None),
])
def test_the_main_brand_is_the_one_named_most(refs: list[str], expected: str | None) -> None:
    from argmap.extractors.state import most_named_brand

    assert most_named_brand(refs) == expected


@pytest.mark.parametrize(("text", "marker", "expected"), [
    ("But still, Kelmar raised its prices.", "But", True),
    ('"However, the fee stays," she said.', "However", True),  # a quotation mark before it
    ("— and who would pay that?", "and", True),  # a dash before it
    ("但瑞禾的门店还在增加。", "但", True),
    ("Prices, however, kept rising.", "however", False),  # set off inside its clause: it opens nothing
    ("Kelmar cut prices, but sales fell.", "but", False),
])
def test_a_marker_opens_its_unit_only_after_quotes_and_dashes(text: str, marker: str, expected: bool) -> None:
    start = 100  # a unit anywhere in its text: positions are the text's, not the unit's
    at = start + text.index(marker)
    assert opens_unit(Marker(marker, MarkerRole.ATTACK, at, at + len(marker)), text, start) is expected
    assert opens_unit(None, text, start) is False
