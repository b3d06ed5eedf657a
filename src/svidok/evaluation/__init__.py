"""Evaluation of svidok against hand-annotated gold: scorer, metrics and the quality gate.

``svidok.evaluation.ner`` (the NER-model evaluation on NER-UK) is imported lazily by the CLI;
nothing here imports it.
"""

from .corpus import GoldDoc, corpus_hash, load_corpus
from .gate import check_minimums, load_minimums, proposed_minimums, write_minimums
from .metrics import PRF, match_exact, match_overlap, overlap_ratio
from .scorer import Scores, score_corpus, score_documents

__all__ = [
    "PRF",
    "GoldDoc",
    "Scores",
    "check_minimums",
    "corpus_hash",
    "load_corpus",
    "load_minimums",
    "match_exact",
    "match_overlap",
    "overlap_ratio",
    "proposed_minimums",
    "score_corpus",
    "score_documents",
    "write_minimums",
]
