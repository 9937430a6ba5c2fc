"""Names the lexicon does not know: one language-neutral component, language data apart.

Four sources of candidate names (``NameFinder``), each switched on in the pipeline config
(``name_sources``) and measured on its own by ``bench/names.py``:

- ``model``: argmap's own statistical NER (``lang/<lang>/ner``, trained by ``train/ner.py`` on openly
  licensed corpora), read span by span (``model.py``);
- ``shape``: the written shape of a name — runs of capitalised words that are not a sentence-initial
  common word, a month or a heading; ``Mr``/``Dr`` before a surname; names in 「」 or “” (``shapes.py``);
- ``word`` (Chinese): words the segmenter does not know or tags as foreign names, with a cue (the
  language's entity finder, with its segmenter);
- ``list`` (Chinese): the other items of a list of names (``shapes.py``).

``kind_of`` then types each name from its context with the language's data (``lang/<lang>/names.json``):
an organisation word makes an Organization (banks, research firms, media, regulators), a model code or
a product label a Product, a title or a person label a Person, an event word an Event; places, teams and
kinds of things are no names; other names are Brands (``kinds.py``). ``alias_targets`` finds the other
names of one entity within an article (``aliases.py``). The caller (the language's entity finder,
``lang/<lang>/entities.py``) lets lexicon matches win where spans overlap.
"""

from argmap.extractors.components.names.aliases import Named, acronyms, alias_targets
from argmap.extractors.components.names.data import (
    ALL_FINDERS, LANG_DIR, NameData, NameFinder, NameLabel, NameSource, NameSpan, finders, name_data, trim,
)
from argmap.extractors.components.names.kinds import (
    common_noun_like, cut_from_name, kind_of, lower_case_too, names_a_line, overlaps, people_by_title, stem, strip_prefix,
    without_overlaps,
)
from argmap.extractors.components.names.model import load_model, model_names, model_path
from argmap.extractors.components.names.roles import Role, roles
from argmap.extractors.components.names.shapes import (
    NO_DICTIONARY, Dictionary, joined_remits, listed_names_zh, quoted_names_zh, shape_names_en, split_affiliation,
    strip_opener,
)

__all__ = [
    "ALL_FINDERS", "Dictionary", "LANG_DIR", "NO_DICTIONARY", "NameData", "NameFinder", "NameLabel", "name_data",
    "NameSource", "NameSpan", "Named", "Role", "acronyms", "alias_targets", "common_noun_like", "finders",
    "cut_from_name", "joined_remits", "kind_of", "listed_names_zh", "lower_case_too", "names_a_line", "load_model",
    "model_names", "model_path", "overlaps", "people_by_title",
    "quoted_names_zh", "roles", "shape_names_en", "split_affiliation", "stem", "strip_opener", "strip_prefix", "trim", "without_overlaps",
]
