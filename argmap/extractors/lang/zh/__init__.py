"""Chinese: the pipeline config (``config.cfg``), lexicons and cue words, NER weights, and the logic Chinese
needs of its own — the jieba segmenter (``tokenizer.py``), sentence and clause cuts (``sentences.py``), how
names are found over jieba's words (``entities.py``, ``names.py``: the entity finder) and how numbers are
written (``numbers.py``: the number reader). The finder and the reader are imported when a pipeline is built.

Importing this package registers the tokenizer and the components with spaCy's registry;
``config.cfg`` assembles them (``pipeline.build_pipeline("zh")``).
"""

# the stages shared by every language
from argmap.extractors.components import argument, entities, figures, strategies, units
from argmap.extractors.lang.zh import sentences, tokenizer

# imported for their registrations
__all__ = ["argument", "entities", "figures", "sentences", "strategies", "tokenizer", "units"]
