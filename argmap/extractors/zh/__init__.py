"""The Chinese pipeline: spaCy ``blank("zh")`` with a private jieba segmenter and one component per file.

Importing this package registers the tokenizer and the components with spaCy's registry;
``argmap/extractors/config_zh.cfg`` assembles them.
"""

import argmap.extractors.components.argument  # noqa: F401  (the argument stage shared by every language)
import argmap.extractors.components.strategies  # noqa: F401  (shared by every language too)
from argmap.extractors.zh import (  # noqa: F401  (imported for their registrations)
    entities,
    figures,
    sentences,
    tokenizer,
    units,
)
