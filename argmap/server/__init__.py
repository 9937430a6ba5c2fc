"""The argmap web app: map, SPARQL query page, SPARQL 1.1 Protocol endpoint and article upload.

Names are loaded on first use, so importing ``argmap.server.sparql`` alone does not pull in the map.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["AppConfig", "ArgmapApp", "RunningServer", "serve", "start_server"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("argmap.server.app"), name)
    raise AttributeError(f"module 'argmap.server' has no attribute {name!r}")
