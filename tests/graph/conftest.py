"""Fixtures for the graph-store tests: stores filled with synthetic articles (no extractors needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from argmap.graph.store import OxigraphStore, open_store
from argmap.graph.synthetic import synthetic_analysis
from argmap.ingestion import store_analysis


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def filled_store(store_path: Path) -> Iterator[OxigraphStore]:
    """A writable store with five synthetic articles."""
    st = open_store(store_path)
    for i in range(5):
        store_analysis(st, synthetic_analysis(i))
    yield st  # type: ignore[misc]
    st.close()
