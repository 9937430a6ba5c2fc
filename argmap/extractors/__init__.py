"""Extractors: articles to entities, figures, claims, evidence and relations (no RDF here)."""

from argmap.extractors.api import Lang, analyze, detect_language
from argmap.extractors.model import ArticleAnalysis

__all__ = ["ArticleAnalysis", "Lang", "analyze", "detect_language"]
