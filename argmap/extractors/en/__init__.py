"""The English extraction pipeline (spaCy ``blank("en")`` + argmap components, see config_en.cfg).

``analyze_english`` and ``build_english`` live in :mod:`argmap.extractors.en.analyze`; they are
looked up on first use, so importing this package does not load spaCy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["analyze_english", "build_english"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from argmap.extractors.en import analyze

        return getattr(analyze, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
