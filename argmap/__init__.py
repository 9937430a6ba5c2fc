"""argmap: knowledge graphs and argument maps from business commentary."""

__version__ = "0.1.0"
