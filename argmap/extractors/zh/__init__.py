"""The Chinese components: spaCy ``blank("zh")`` with a private jieba segmenter and one component per file.

Importing this package registers the tokenizer and the components with spaCy's registry;
``argmap/extractors/lang/zh/config.cfg`` assembles them (``pipeline.build_pipeline("zh")``).
"""

from argmap.extractors.components import argument, figures, strategies, units  # the stages shared by every language
from argmap.extractors.zh import entities, sentences, tokenizer

# imported for their registrations
__all__ = ["argument", "entities", "figures", "sentences", "strategies", "tokenizer", "units"]
