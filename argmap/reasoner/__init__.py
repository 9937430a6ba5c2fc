"""The reasoner: evidence rules, argument evaluation (grounded + quadratic energy), HermiT classification, explanations.

``run_reasoner(store)`` reads the store, computes, and replaces the named graph
``amid:graph/reasoner`` with its conclusions in one write. owlready2 and Java are only
touched when there is a strategy to classify.
"""

from argmap.reasoner.run import ReasonReport, StrategyReport, run_reasoner

__all__ = ["ReasonReport", "StrategyReport", "run_reasoner"]
