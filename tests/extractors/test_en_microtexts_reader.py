"""The gold reader of bench/eval_microtexts.py on a small hand-made argument graph (no corpus needed)."""

from __future__ import annotations

from pathlib import Path

import pytest


XML = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t1">
  <edu id="e1"><![CDATA[Brands should stop discounting.]]></edu>
  <edu id="e2"><![CDATA[Discounts teach buyers to wait.]]></edu>
  <edu id="e3"><![CDATA[They also erode the margin]]></edu>
  <edu id="e4"><![CDATA[One problem is that sales may fall for a while.]]></edu>
  <edu id="e5"><![CDATA[But full-price buyers come back.]]></edu>
  <adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/>
  <adu id="a4" type="opp"/><adu id="a5" type="pro"/>
  <edge id="c6" src="e1" trg="a1" type="seg"/><edge id="c7" src="e2" trg="a2" type="seg"/>
  <edge id="c8" src="e3" trg="a3" type="seg"/><edge id="c9" src="e4" trg="a4" type="seg"/>
  <edge id="c10" src="e5" trg="a5" type="seg"/>
  <edge id="c1" src="a2" trg="a1" type="sup"/>
  <edge id="c2" src="a3" trg="c1" type="add"/>
  <edge id="c3" src="a4" trg="a1" type="reb"/>
  <edge id="c4" src="a5" trg="c3" type="und"/>
</arggraph>
"""
TEXT = ("Brands should stop discounting. Discounts teach buyers to wait. They also erode the margin "
        "and the image. One problem is that sales may fall for a while. But full-price buyers come back.")


@pytest.fixture()
def reader(tmp_path: Path):  # noqa: ANN201  (the bench module)
    (tmp_path / "t1.xml").write_text(XML, encoding="utf-8")
    (tmp_path / "t1.txt").write_text(TEXT, encoding="utf-8")
    from argmap.extractors.train import microtexts

    yield microtexts, tmp_path / "t1.xml"


def test_en_gold_reader_maps_units_central_and_relations(reader) -> None:  # noqa: ANN001
    module, path = reader
    gold = module.read_gold(path)
    assert gold.central == "a1"
    assert TEXT[slice(*gold.units["a3"].spans[0])] == "They also erode the margin"
    assert gold.relations == {
        ("a2", "a1", "support"),
        ("a3", "a1", "support"),  # a linked premise (add) supports what the edge it joins points at
        ("a4", "a1", "attack"),
        ("a5", "a4", "attack"),  # the undercutter answers the objection whose edge it attacks (default)
    }
    by_target = module.read_gold(path, undercut=module.UndercutAttachment.TARGET)
    assert ("a5", "a1", "attack") in by_target.relations
