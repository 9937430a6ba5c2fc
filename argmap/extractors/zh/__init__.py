"""The Chinese pipeline: spaCy ``blank("zh")`` with a private jieba segmenter and one component per file.

Importing this package registers the tokenizer and the components with spaCy's registry;
``argmap/extractors/config_zh.cfg`` assembles them.
"""

from argmap.extractors.zh import (  # noqa: F401  (imported for their registrations)
    entities,
    figures,
    relations,
    sentences,
    statements,
    strategies,
    tokenizer,
)
