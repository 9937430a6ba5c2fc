"""Stores built from the hand-built TriG graphs in data/ (no extractor, no /work/shared)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox
import pytest

from argmap.graph.store import OxigraphStore

DATA = Path(__file__).with_name("data")
StoreFactory = Callable[..., OxigraphStore]


@pytest.fixture
def trig_store(tmp_path: Path) -> Iterator[StoreFactory]:
    """``trig_store("coffee", "phone")``: a fresh on-disk store with those data/*.trig graphs loaded."""
    opened: list[OxigraphStore] = []

    def make(*names: str) -> OxigraphStore:
        store = OxigraphStore(tmp_path / f"store{len(opened)}")
        for name in names:
            store.load((DATA / f"{name}.trig").read_bytes(), ox.RdfFormat.TRIG)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def load_trig(store: OxigraphStore, name: str) -> None:
    store.load((DATA / f"{name}.trig").read_bytes(), ox.RdfFormat.TRIG)
