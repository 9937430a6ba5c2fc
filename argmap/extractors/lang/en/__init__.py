"""English: the pipeline config (``config.cfg``), lexicons and cue words, NER weights, and the logic English
needs of its own — sentence repairs after spaCy's sentencizer (``sentences.py``), clause cuts
(``clauses.py``, ``markers.py``), how names are found outside the lexicon (``entities.py``) and how numbers
are written (``numbers.py``).

Importing this package registers the components with spaCy's registry, as ``argmap.extractors.lang.zh`` does
for Chinese; ``build_pipeline`` imports the package of the language it builds.
"""

from argmap.extractors.components import argument, figures, strategies, units  # the stages shared by every language
from argmap.extractors.lang.en import clauses, entities, sentences

# imported for their registrations
__all__ = ["argument", "clauses", "entities", "figures", "sentences", "strategies", "units"]
