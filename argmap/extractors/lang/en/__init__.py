"""English: the pipeline config, lexicons and cue words, NER weights, and the number reader (``numbers.py``)."""
