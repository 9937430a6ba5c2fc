"""The strategies component is the same for every language now (``argmap/extractors/components/strategies.py``,
factory ``argmap_strategies_v2``); importing this module registers it for ``en/analyze.py``, which imports the
English components by name. Delete it with that import."""

import argmap.extractors.components.strategies  # noqa: F401  (registers the factory)
