"""Every error a user can cause, with a code and a message that says what to do.

The CLI maps these to a one-line message and a non-zero exit code; anything else
is a bug and shows a traceback.
"""

from __future__ import annotations


class ArgmapError(Exception):
    """Base class: ``code`` is stable (E1xx input, E2xx store, E3xx query, E4xx reasoner, E5xx map/server)."""

    code: str = "E000"
    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(ArgmapError):
    """An article that cannot be read: empty, binary, too large, wrongly encoded, missing."""

    code = "E101"
    exit_code = 2


class LanguageError(ArgmapError):
    code = "E102"
    exit_code = 2


class LexiconError(ArgmapError):
    """A user-supplied lexicon or pattern file is malformed."""

    code = "E103"
    exit_code = 2


class StoreError(ArgmapError):
    code = "E201"
    exit_code = 3


class StoreLockedError(StoreError):
    """Another argmap process is writing to the same store."""

    code = "E202"


class ArticleNotFoundError(StoreError):
    code = "E203"


class QueryError(ArgmapError):
    """A SPARQL query that does not parse or fails; the message carries line and column."""

    code = "E301"
    exit_code = 4


class QueryTimeoutError(QueryError):
    code = "E302"


class QueryMemoryError(QueryError):
    """A query stopped at its memory cap (it runs in a process of its own, whose address space is capped)."""

    code = "E304"


class UpdateRefusedError(QueryError):
    """A SPARQL update the store cannot apply as asked (it would write the derived default graph)."""

    code = "E303"


class ReasonerError(ArgmapError):
    code = "E401"
    exit_code = 5


class InconsistentOntologyError(ReasonerError):
    code = "E402"


class MapError(ArgmapError):
    code = "E501"
    exit_code = 6


class ValidationFailed(ArgmapError):
    """The store does not conform to the SHACL shapes."""

    code = "E601"
    exit_code = 1


class ClaimNotFoundError(ReasonerError):
    """``argmap explain`` was given an IRI, label or text fragment that matches no claim."""

    code = "E403"


class AmbiguousClaimError(ReasonerError):
    """``argmap explain`` was given a label or text fragment that matches several claims."""

    code = "E404"


class ServerError(ArgmapError):
    """``argmap serve`` cannot start: the port is taken or the address cannot be bound."""

    code = "E502"
    exit_code = 6


class UploadError(ArgmapError):
    """An upload to the web app that is not an article (no file, wrong form); nothing was stored."""

    code = "E503"
    exit_code = 2
