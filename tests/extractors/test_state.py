"""The one state both languages' components share (argmap/extractors/state.py)."""

from __future__ import annotations

import pytest

from argmap.extractors.model import Entity, EntityKind, Mention, Span
from argmap.extractors.state import DocState, EntityHit, MarkerRole, get_state


def test_hits_are_found_by_position_whatever_order_they_were_set_in() -> None:
    state = DocState("Acme and Globex met Initech today.")
    acme = EntityHit(EntityKind.BRAND, "acme", 0, 4, "Acme")
    globex = EntityHit(EntityKind.BRAND, "globex", 9, 15, "Globex")
    initech = EntityHit(EntityKind.BRAND, "initech", 20, 27, "Initech")
    state.set_hits([initech, acme, globex])
    assert state.hits == [acme, globex, initech]
    assert state.hits_in(0, 15) == [acme, globex]
    assert state.hits_in(5, 25) == [globex]  # Initech runs past the end
    assert state.hits_in(28, 34) == []


def test_the_hits_of_one_entity_become_one_entity_with_every_mention() -> None:
    text = "Jane Roe runs Acme. Acme Corp grew; Roe said so."
    state = DocState(text)
    state.set_hits([
        EntityHit(EntityKind.PERSON, "jane-roe", 0, 8, "Jane Roe"),
        EntityHit(EntityKind.BRAND, "acme", 14, 18, "Acme", "阿克米"),
        EntityHit(EntityKind.BRAND, "acme", 20, 29, "Acme", "阿克米", ("Acme Corp",)),
        EntityHit(EntityKind.PERSON, "jane-roe", 36, 39, "Jane Roe", aliases=("Roe",)),
    ])
    state.roles = {"person/jane-roe": ("chief executive", "brand/acme")}
    person, brand = state.hit_entities()
    assert [m.text for m in person.mentions] == ["Jane Roe", "Roe"] and person.aliases == ("Roe",)
    assert (person.role, person.role_at) == ("chief executive", "brand/acme")
    assert brand.labels == {"en": "Acme", "zh": "阿克米"} and brand.aliases == ("Acme Corp",)


def test_brand_mentions_come_in_text_order_whichever_way_they_were_recorded() -> None:
    state = DocState("Acme and Globex met Initech; Acme won.")
    globex = Entity("globex", EntityKind.BRAND, "Globex", {"en": "Globex", "zh": "格洛贝"})
    globex.mentions += [Mention(9, 15, "Globex")]
    state.entities[globex.ref] = globex
    state.entities["person/roe"] = Entity("roe", EntityKind.PERSON, "Roe", {"en": "Roe"})
    state.set_hits([EntityHit(EntityKind.BRAND, "acme", 29, 33, "Acme"),
                    EntityHit(EntityKind.BRAND, "acme", 0, 4, "Acme"),
                    EntityHit(EntityKind.ORGANIZATION, "initech", 20, 27, "Initech")])
    assert state.brand_mentions() == [(0, 4, "brand/acme"), (9, 15, "brand/globex"), (29, 33, "brand/acme")]
    assert state.entity_labels("brand/globex") == {"en": "Globex", "zh": "格洛贝"}
    assert state.entity_labels("brand/acme") == {"en": "Acme"}
    assert state.entity_labels("brand/nobody") == {}


def test_the_analysis_lists_entities_of_hits_before_the_others() -> None:
    state = DocState("Acme wants to go upmarket.")
    state.set_hits([EntityHit(EntityKind.BRAND, "acme", 0, 4, "Acme")])
    strategy = Entity("acme-premiumization", EntityKind.STRATEGY, "Acme premiumization")
    state.entities[strategy.ref] = strategy
    analysis = state.to_analysis(key="k", lang="en", title="", source="")
    assert [e.ref for e in analysis.entities] == ["brand/acme", strategy.ref]


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
