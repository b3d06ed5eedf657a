"""Scoring text against the catalogue: the mean cosine similarity to a narrative's example
statements (all languages: a prototype of the narrative, steadier than the single nearest
example), plus a small boost per keyword lemma of that narrative in the text, plus the margin
by which the best narrative beats the second best.

Only texts with a keyword are embedded (the prefilter keeps the pipeline fast). The threshold
is calibrated on ``eval/narratives.jsonl`` and stored in ``calibration.json``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import numpy as np

from .catalogue import Narrative, load_catalogue
from .embedding import embed, example_index

KEYWORD_BOOST = 0.01  # per distinct keyword of the narrative in the text
MAX_BOOST = 0.03
MARGIN_WEIGHT = 1.0
CALIBRATION_FILE = "calibration.json"


@dataclass(frozen=True)
class Score:
    narrative: Narrative
    value: float


@functools.cache
def weak_keywords() -> frozenset[str]:
    text = resources.files(__package__).joinpath("weak_keywords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def keyword_hits(lemmas: Iterable[str]) -> dict[int, int]:
    """Narrative index -> how many of its keywords occur among ``lemmas``, for the narratives
    whose keywords make the text a candidate: two of them, or one that is not common in news."""
    present, weak = set(lemmas), weak_keywords()
    hits = {}
    for n, narrative in enumerate(load_catalogue()):
        found = narrative.keywords & present
        if len(found) >= 2 or found - weak:
            hits[n] = len(found)
    return hits


def best_scores(texts: list[str], hits: list[dict[int, int]]) -> list[Score]:
    """The best narrative for each text, with its boosted similarity."""
    if not texts:
        return []
    catalogue = load_catalogue()
    vectors, owners = example_index()
    similarity = embed(texts) @ vectors.T  # (texts, examples)
    per_narrative = np.full((len(texts), len(catalogue)), -1.0, dtype=np.float32)
    for n in range(len(catalogue)):
        per_narrative[:, n] = similarity[:, owners == n].mean(axis=1)
    for row, counts in enumerate(hits):
        for n, count in counts.items():
            per_narrative[row, n] += min(MAX_BOOST, KEYWORD_BOOST * count)
    best = per_narrative.argmax(axis=1)
    ranked = np.sort(per_narrative, axis=1)
    # how far the best narrative stands out from the runner-up: a sentence close to many
    # narratives at once is close to the topic, not to a thesis
    values = ranked[:, -1] + MARGIN_WEIGHT * (ranked[:, -1] - ranked[:, -2])
    return [Score(catalogue[int(n)], float(values[row])) for row, n in enumerate(best)]


@functools.cache
def calibration() -> dict:
    path = resources.files(__package__).joinpath(CALIBRATION_FILE)
    if not path.is_file():
        raise RuntimeError(
            f"narratives/{CALIBRATION_FILE} is missing: run `svidok eval narratives --calibrate`"
        )
    return json.loads(path.read_text(encoding="utf-8"))


def threshold() -> float:
    return float(calibration()["threshold"])
