"""The Python API: its docstring examples run, and each function returns what it promises."""

from __future__ import annotations

import doctest
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib

import argmap
import argmap.api


def test_the_documented_examples_run() -> None:
    result = doctest.testmod(argmap.api, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5 and result.failed == 0


def test_importing_argmap_loads_no_pipeline() -> None:
    import subprocess
    import sys

    code = "import sys, argmap; print(any(m.startswith(('spacy', 'pyoxigraph', 'rdflib')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_store_answers_in_python_values(tmp_path: Path) -> None:
    article = tmp_path / "note.md"
    article.write_text("---\ntitle: 小米\n---\n小米营收同比下滑14.4%，售价六千元。\n", encoding="utf-8")
    with argmap.open_store(tmp_path / "store") as store:
        assert argmap.ingest(store, article).outcome.value == "added"
        assert argmap.ingest(store, article).outcome.value == "unchanged"
        rows = argmap.query(store, "SELECT ?v ?u WHERE { ?q a am:Quantity ; am:value ?v ; am:unit ?u } ORDER BY ?v")
        assert rows == [{"v": Decimal("14.4"), "u": "percent"}, {"v": Decimal("6000"), "u": "CNY"}]
        assert argmap.query(store, "ASK { ?b a am:Brand }") is True
        graph = argmap.query(store, "CONSTRUCT { ?b rdfs:label ?l } WHERE { ?b a am:Brand ; rdfs:label ?l }")
        assert isinstance(graph, rdflib.Graph) and len(graph) >= 2
        report = argmap.reason(store, classify=False)
        assert report.summary_lines()[0].startswith("reasoner:")
        assert b"@prefix" in argmap.export(store, format="trig")
    assert argmap.__version__


def test_new_extractor_code_or_data_re_extracts_an_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.ingestion as ingestion

    article = tmp_path / "note.md"
    article.write_text("小米营收同比下滑14.4%，售价六千元。\n", encoding="utf-8")
    with argmap.open_store(tmp_path / "store") as store:
        assert argmap.ingest(store, article).outcome.value == "added"
        assert argmap.ingest(store, article).outcome.value == "unchanged"
        # an upgraded argmap or a retrained model: same text, same options, other extractors
        monkeypatch.setattr(ingestion, "extraction_digest", lambda: b"retrained")
        assert argmap.ingest(store, article).outcome.value == "replaced"
        assert argmap.ingest(store, article).outcome.value == "unchanged"
