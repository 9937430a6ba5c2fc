"""Each language's data (``lang/<lang>/``: pipeline config, lexicons, cue words, NER weights) and the little
logic a language truly needs of its own, such as how it writes numbers (``lang/<lang>/numbers.py``)."""
