"""Chinese: the pipeline config (``config.cfg``), lexicons and cue words, NER weights, and the logic Chinese
needs of its own — the jieba segmenter (``tokenizer.py``), sentence and clause cuts (``sentences.py``), how
names are found outside the lexicon (``names.py``, ``entities.py``) and how numbers are written (``numbers.py``).

Importing this package registers the tokenizer and the components with spaCy's registry;
``config.cfg`` assembles them (``pipeline.build_pipeline("zh")``).
"""

from argmap.extractors.components import argument, figures, strategies, units  # the stages shared by every language
from argmap.extractors.lang.zh import entities, sentences, tokenizer

# imported for their registrations
__all__ = ["argument", "entities", "figures", "sentences", "strategies", "tokenizer", "units"]
