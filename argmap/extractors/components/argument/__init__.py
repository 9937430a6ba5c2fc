"""The argument stage, the same for every language: statements (claim / evidence / neither), the thesis,
and the relations between them. Importing the package registers its spaCy factories."""

from argmap.extractors.components.argument import relations, statements, thesis  # noqa: F401  (registrations)
from argmap.extractors.components.argument.model import (
    ArgUnit,
    ArgumentState,
    argument_state,
    set_argument_state,
)

__all__ = ["ArgUnit", "ArgumentState", "argument_state", "set_argument_state"]
