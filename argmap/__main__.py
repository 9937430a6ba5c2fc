"""``python -m argmap`` is the same as the ``argmap`` command."""

from argmap.cli import app

app(prog_name="argmap")
