"""Training of the technique classifier and the span tagger (needs scipy; not used at run time).

The classifier is ridge regression on the hashed, IDF-weighted, L2-normalised post features,
one output per label (solved in the dual), each output then calibrated to a probability (Platt
scaling) on out-of-fold predictions of an inner CV of the training posts; the same predictions
choose each label's threshold. The shipped weights are plain logistic weights. The span tagger is a linear-chain CRF
(python-crfsuite) over ``features.token_features``.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import HASH_DIM, WORD, fold, hashed_features, token_features, tokenize, tokens_in_spans
from .model import LABELS, TechniqueModel, normalise_rows


@dataclass
class Post:
    id: str
    text: str
    language: str
    labels: frozenset[str]
    spans: list[tuple[int, int]]


@dataclass
class TrainConfig:
    """Defaults equal training/techniques/config.yaml, so `svidok eval techniques` scores the
    recipe of the shipped model (a test keeps the two in step)."""

    alpha: float = 0.3  # ridge penalty of the classifier
    inner_folds: int = 3  # folds of the training posts that tune the thresholds
    crf_c1: float = 0.0  # L1 of the CRF: prunes features, keeps the shipped file small
    crf_c2: float = 0.1
    crf_minfreq: int = 2  # features seen once are dropped: a third of the file, -0.004 span F1
    crf_iterations: int = 60
    span_threshold: float = 0.25  # CRF marginal above which a word is manipulative
    seed: int = 13


def read_posts(path: Path) -> list[Post]:
    import json

    posts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                posts.append(Post(row["id"], row["content"], row["lang"], frozenset(row["techniques"] or ()),
                                  [tuple(s) for s in row["trigger_words"] or ()]))
    return posts


def group_key(post: Post) -> str:
    """Posts with the same words (reposts, edited copies) share a group and so a fold."""
    words = " ".join(WORD.findall(fold(post.text))[:30])
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def fold_of(posts: list[Post], folds: int, seed: int) -> list[int]:
    """Fold index of each post: groups shuffled with a fixed seed, then dealt round-robin."""
    keys = sorted({group_key(p) for p in posts})
    random.Random(seed).shuffle(keys)
    assigned = {key: i % folds for i, key in enumerate(keys)}
    return [assigned[group_key(p)] for p in posts]


def feature_matrix(texts: list[str]):
    from scipy import sparse

    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        feats = hashed_features(text)
        rows.extend([i] * len(feats))
        cols.extend(feats)
        vals.extend(feats.values())
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), HASH_DIM), dtype=np.float64)


def label_matrix(posts: list[Post]) -> np.ndarray:
    """One column per technique, then the ``manipulative`` column (any technique)."""
    return np.array([[label in p.labels for label in LABELS] + [bool(p.labels)] for p in posts], dtype=np.float64)


def compute_idf(counts) -> np.ndarray:
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    return (np.log((1 + counts.shape[0]) / (1 + df)) + 1.0).astype(np.float32)


def ridge_dual(kernel: np.ndarray, y: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Dual ridge regression: coefficients per training post (posts x labels) and the label means.

    With far fewer posts than hashed features, solving in the dual (posts x posts) is ~100x faster
    than fitting a primal logistic regression, and scores as well after threshold tuning."""
    means = y.mean(axis=0)
    coef = np.linalg.solve(kernel + alpha * np.eye(len(kernel)), y - means)
    return coef, means


def platt(scores: np.ndarray, gold: np.ndarray, steps: int = 50) -> tuple[float, float]:
    """``(a, b)`` such that sigmoid(a * score + b) is a calibrated probability (Newton's method).

    Targets are Platt's smoothed ones, so perfectly separated scores still give finite weights."""
    positives = gold.sum()
    gold = np.where(gold > 0, (positives + 1) / (positives + 2), 1 / (len(gold) - positives + 2))
    a, b = 1.0, 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(a * scores + b, -30, 30)))
        g = np.array([((p - gold) * scores).sum(), (p - gold).sum()])
        wgt = p * (1 - p) + 1e-9
        h = np.array([[(wgt * scores * scores).sum(), (wgt * scores).sum()], [(wgt * scores).sum(), wgt.sum()]])
        step = np.linalg.solve(h + 1e-6 * np.eye(2), g)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-6:
            break
    return float(a), float(b)


def best_thresholds(scores: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per label, the probability cut that maximises F1 on these (out-of-fold) predictions."""
    grid = np.linspace(0.02, 0.9, 45)
    cuts = []
    for j in range(y.shape[1]):
        gold = y[:, j] > 0
        f1s = [2 * ((scores[:, j] >= t) & gold).sum() / max((scores[:, j] >= t).sum() + gold.sum(), 1)
               for t in grid]
        cuts.append(grid[int(np.argmax(f1s))])
    return np.array(cuts)


def _diag(values: np.ndarray):
    from scipy import sparse

    return sparse.diags(values.astype(np.float64))


def _inner_oof(kernel: np.ndarray, y: np.ndarray, config: TrainConfig) -> np.ndarray:
    n = len(kernel)
    inner = np.array([i % config.inner_folds for i in random.Random(config.seed).sample(range(n), n)])
    oof = np.zeros(y.shape)
    for f in range(config.inner_folds):
        fit, held = np.where(inner != f)[0], np.where(inner == f)[0]
        coef, means = ridge_dual(kernel[np.ix_(fit, fit)], y[fit], config.alpha)
        oof[held] = kernel[np.ix_(held, fit)] @ coef + means
    return oof


def fit_classifier(counts, y: np.ndarray, config: TrainConfig) -> dict:
    """Primal weights of the calibrated ridge classifier, thresholds from an inner CV."""
    idf = compute_idf(counts)
    x = normalise_rows(counts @ _diag(idf)).tocsr()
    kernel = (x @ x.T).toarray()
    oof = _inner_oof(kernel, y, config)
    coef, means = ridge_dual(kernel, y, config.alpha)
    calibration = np.array([platt(oof[:, j], y[:, j]) for j in range(y.shape[1])])
    scale, shift = calibration[:, 0], calibration[:, 1]
    probabilities = 1.0 / (1.0 + np.exp(-(oof * scale + shift)))
    weights = np.asarray(x.T @ coef) * scale
    return {"idf": idf, "weights": weights, "bias": means * scale + shift,
            "thresholds": best_thresholds(probabilities, y), "oof": probabilities}


def crf_rows(post: Post) -> tuple[list[list[str]], list[str]]:
    tokens = tokenize(post.text)
    inside = tokens_in_spans(tokens, post.spans)
    return token_features(post.text, tokens), ["M" if flag else "O" for flag in inside]


def train_crf(posts: list[Post], path: Path, config: TrainConfig) -> None:
    """A CRF trained on the manipulative posts only (the classifier decides which posts get spans;
    giving the CRF the classifier's scores as features was tried and scored lower)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for post in posts:
        if post.spans:
            xseq, yseq = crf_rows(post)
            if xseq:
                trainer.append(xseq, yseq)
    trainer.set_params({"c1": config.crf_c1, "c2": config.crf_c2, "max_iterations": config.crf_iterations,
                        "feature.minfreq": config.crf_minfreq})
    trainer.train(str(path))


def build_model(posts: list[Post], workdir: Path, config: TrainConfig) -> TechniqueModel:
    """Train both parts on ``posts``; the CRF file is written to ``workdir``."""
    counts = feature_matrix([p.text for p in posts])
    fitted = fit_classifier(counts, label_matrix(posts), config)
    crf_path = workdir / "spans.crfsuite"
    train_crf(posts, crf_path, config)
    return TechniqueModel(
        idf=fitted["idf"], weights=fitted["weights"].astype(np.float32), bias=fitted["bias"].astype(np.float32),
        thresholds=fitted["thresholds"], crf_bytes=crf_path.read_bytes(),
        span_threshold=config.span_threshold,
    )
