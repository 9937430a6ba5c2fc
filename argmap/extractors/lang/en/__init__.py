"""English: the pipeline config (``config.cfg``), lexicons and cue words, NER weights, and the logic English
needs of its own — sentence repairs after spaCy's sentencizer (``sentences.py``), clause cuts
(``clauses.py``, ``markers.py``), how names are found (``entities.py``: the entity finder) and how numbers
are written (``numbers.py``: the number reader). The finder and the reader are imported when a pipeline is
built.

Importing this package registers the components with spaCy's registry, as ``argmap.extractors.lang.zh`` does
for Chinese; ``build_pipeline`` imports the package of the language it builds.
"""

# the stages shared by every language
from argmap.extractors.components import argument, entities, figures, strategies, units
from argmap.extractors.lang.en import clauses, sentences

# imported for their registrations
__all__ = ["argument", "clauses", "entities", "figures", "sentences", "strategies", "units"]
