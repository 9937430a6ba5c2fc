"""The English components: spaCy's ``blank("en")`` tokenizer and sentencizer, then one argmap component per
file, assembled by ``argmap/extractors/lang/en/config.cfg`` (``pipeline.build_pipeline("en")``).

Importing this package registers the components with spaCy's registry, as ``argmap.extractors.zh`` does
for Chinese; ``build_pipeline`` imports the package of the language it builds.
"""

from argmap.extractors.components import argument, figures, strategies, units  # the stages shared by every language
from argmap.extractors.en import clauses, entities, sentences

# imported for their registrations
__all__ = ["argument", "clauses", "entities", "figures", "sentences", "strategies", "units"]
