"""The Chinese pipeline: spaCy ``blank("zh")`` with a private jieba segmenter and one component per file.

Importing this package registers the tokenizer and the components with spaCy's registry;
``argmap/extractors/config_zh.cfg`` assembles them.
"""

import argmap.extractors.components.argument  # noqa: F401  (the argument stage shared by every language)
from argmap.extractors.zh import (  # noqa: F401  (imported for their registrations)
    entities,
    figures,
    sentences,
    strategies,
    tokenizer,
    units,
)
