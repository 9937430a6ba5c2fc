"""What changed between reasoner runs: statuses, strengths and the new statements behind them."""

from __future__ import annotations

import pytest

from argmap.ontology import AMID
from argmap.reasoner import run_reasoner
from tests.reasoner.conftest import StoreFactory, load_trig

CENTRAL = str(AMID["statement/phone-zh/0-10"])
NEW_EVIDENCE = str(AMID["statement/phone-followup-zh/0-20"])


def test_first_run_says_so(trig_store: StoreFactory) -> None:
    report = run_reasoner(trig_store("phone"), classify=False)
    assert report.changes.first_run
    assert report.summary_lines()[-1] == "changes: first run of the reasoner on this store"


def test_a_new_article_changes_the_claim_and_names_the_new_statement(trig_store: StoreFactory) -> None:
    store = trig_store("phone", "coffee")
    before = run_reasoner(store, classify=False).verdict(CENTRAL)
    load_trig(store, "phone-followup")
    report = run_reasoner(store, classify=False)
    after = report.verdict(CENTRAL)
    assert after.strength > before.strength + 0.01
    assert report.changes.new_statements == (NEW_EVIDENCE,)
    [change] = [c for c in report.changes.changed if c.claim == CENTRAL]
    assert change.because == (NEW_EVIDENCE,)
    assert change.old_strength is not None and change.new_strength > change.old_strength
    text = "\n".join(report.summary_lines())
    assert "新旗舰首发当天以原价售罄" in text and "because of new" in text
    # the coffee claim cannot be reached from the new statement: not reported
    assert {c.claim for c in report.changes.changed} == {CENTRAL}


def test_removing_an_article_reports_its_statements_gone(trig_store: StoreFactory) -> None:
    store = trig_store("phone", "phone-followup")
    run_reasoner(store, classify=False)
    store.remove_graph(str(AMID["article/phone-followup-zh"]))
    report = run_reasoner(store, classify=False)
    assert report.changes.removed_statements == (NEW_EVIDENCE,)
    assert [c.claim for c in report.changes.changed] == [CENTRAL]
    assert report.changes.changed[0].because == ()
