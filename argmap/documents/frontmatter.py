"""Front matter (YAML between ``---`` lines, TOML between ``+++`` lines) with python-frontmatter."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from argmap.errors import InputError


class _TomlHandler(BaseHandler):
    """TOML between ``+++`` lines through the standard library's tomllib (python-frontmatter's own
    TOML handler needs the unmaintained ``toml`` package)."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object) -> Any:
        return tomllib.loads(fm)

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        raise NotImplementedError("argmap only reads front matter")


_HANDLERS = (YAMLHandler(), _TomlHandler())


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    """(metadata, body); text without front matter comes back whole with empty metadata."""
    stripped = text.lstrip("\ufeff \t\r\n")
    handler = next((h for h in _HANDLERS if h.detect(stripped)), None)
    if handler is None:
        return {}, text
    try:
        # The handler's own split and load: frontmatter.parse would also strip the body, and a
        # plain-text body is kept exactly as given (only the line break after the delimiter goes).
        front, body = handler.split(stripped)
        meta = handler.load(front) or {}
        body = body[1:] if body.startswith("\n") else body[2:] if body.startswith("\r\n") else body
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{name}: the front matter cannot be read ({first}); fix it or remove it") from None
    if not isinstance(meta, dict):
        raise InputError(f"{name}: the front matter is not a set of key: value lines; fix it or remove it")
    return meta, body
