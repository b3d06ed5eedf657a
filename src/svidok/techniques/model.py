"""The trained technique model: load it, score a post, find its manipulative spans.

Files in ``models/techniques/``: ``classifier.npz`` (IDF, weights, biases as float16),
``model.json`` (labels, thresholds, feature settings) and ``spans.crfsuite.gz`` (the CRF).
Inference needs numpy and python-crfsuite only.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ModelError, missing_dependency
from .features import HASH_BITS, hashed_features, token_features, tokenize, tokens_to_spans

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "techniques"
# The ten UNLP 2025 techniques, in the order of the weight columns.
LABELS = ("loaded_language", "glittering_generalities", "euphoria", "appeal_to_fear", "fud",
          "bandwagon", "cliche", "whataboutism", "cherry_picking", "straw_man")
MANIPULATIVE = len(LABELS)  # the extra column: the post uses any technique
FORMAT = 1


def normalise_rows(matrix):
    """Rows scaled to unit L2 norm (works on scipy sparse matrices)."""
    from scipy import sparse

    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix


@dataclass
class PostPrediction:
    scores: dict[str, float]  # every technique's probability
    labels: list[str]  # techniques at or above their threshold
    manipulative: float  # probability that the post uses any technique
    spans: list[tuple[int, int]]  # character ranges of manipulative text


class TechniqueModel:
    def __init__(self, idf, weights, bias, thresholds, crf_bytes: bytes | None, span_threshold: float = 0.5):
        self.idf, self.weights, self.bias = idf, weights, bias
        self.span_threshold = span_threshold
        self.thresholds = np.asarray(thresholds, dtype=np.float64)
        self.crf_bytes = crf_bytes
        self._tagger = None

    def probabilities(self, text: str) -> np.ndarray:
        """Probabilities of the ten techniques and, last, of ``manipulative``."""
        feats = hashed_features(text)
        if not feats:
            return 1.0 / (1.0 + np.exp(-np.clip(self.bias, -30, 30)))
        cols = np.fromiter(feats, dtype=np.int64, count=len(feats))
        vals = np.fromiter(feats.values(), dtype=np.float64, count=len(feats)) * self.idf[cols]
        vals /= np.linalg.norm(vals) or 1.0
        z = vals @ self.weights[cols].astype(np.float64) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def tagger(self):
        if self._tagger is None:
            try:
                import pycrfsuite
            except ImportError as exc:
                raise missing_dependency("python-crfsuite", "the manipulative-span tagger") from exc
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.crf_bytes)  # keeps a reference: crfsuite does not copy
            self._tagger = tagger
        return self._tagger

    def spans(self, text: str) -> list[tuple[int, int]]:
        tokens = tokenize(text)
        if not tokens or self.crf_bytes is None:
            return []
        tagger = self.tagger()
        tagger.set(token_features(text, tokens))
        # Token marginals, not the Viterbi path: a cut below 0.5 trades precision for the recall
        # that the long gold spans reward.
        inside = [tagger.marginal("M", i) >= self.span_threshold for i in range(len(tokens))]
        return tokens_to_spans(tokens, inside)

    def predict(self, text: str, with_spans: bool = True) -> PostPrediction:
        probs = self.probabilities(text)
        scores = {label: float(probs[i]) for i, label in enumerate(LABELS)}
        labels = [label for i, label in enumerate(LABELS) if probs[i] >= self.thresholds[i]]
        manipulative = float(probs[MANIPULATIVE])
        gate = manipulative >= self.thresholds[MANIPULATIVE] or bool(labels)
        spans = self.spans(text) if with_spans and gate else []
        return PostPrediction(scores, labels, manipulative, spans)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, idf=self.idf.astype(np.float16), weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32))
        (folder / "classifier.npz").write_bytes(buffer.getvalue())
        meta = {"format": FORMAT, "hash_bits": HASH_BITS, "labels": [*LABELS, "manipulative"],
                "thresholds": [round(float(t), 4) for t in self.thresholds],
                "span_threshold": self.span_threshold}
        (folder / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        if self.crf_bytes is not None:
            (folder / "spans.crfsuite.gz").write_bytes(gzip.compress(self.crf_bytes, mtime=0))


def read_model(folder: Path) -> TechniqueModel:
    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        arrays = np.load(folder / "classifier.npz")
        crf = gzip.decompress((folder / "spans.crfsuite.gz").read_bytes())
    except FileNotFoundError as exc:
        raise ModelError(f"technique model file {exc.filename} is missing: reinstall svidok "
                         "or run training/techniques/train.py") from exc
    except (OSError, ValueError, EOFError) as exc:
        raise ModelError(f"technique model in {folder} is corrupt ({exc}): reinstall svidok") from exc
    if meta.get("format") != FORMAT or meta.get("hash_bits") != HASH_BITS:
        raise ModelError(f"technique model in {folder} was built by another svidok version: "
                         "run training/techniques/train.py")
    return TechniqueModel(arrays["idf"].astype(np.float64), arrays["weights"], arrays["bias"].astype(np.float64),
                          meta["thresholds"], crf, meta.get("span_threshold", 0.5))


@functools.cache
def load_model(folder: Path = MODEL_DIR) -> TechniqueModel:
    """The shipped model, read once per process."""
    return read_model(folder)
