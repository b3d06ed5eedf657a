"""Cross-validated scores of the technique model on the UNLP 2025 posts.

Folds: ``folds`` groups (posts whose first 30 words match share a group) dealt with a fixed seed,
so no post, repost or copy is both trained on and tested. Each fold trains the classifier (with
thresholds tuned on an inner CV of its training posts) and the CRF from scratch.

Metrics:
- ``macro_f1``: F1 of each of the ten techniques over all test posts (multilabel), averaged.
- ``span_token_f1``: words (``\\w+`` runs of the post) are the units; a word is gold-positive if
  it overlaps a gold manipulative span and predicted-positive if it overlaps a predicted one;
  true/false positives and false negatives are pooled over all test posts, then F1.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..techniques.features import tokenize, tokens_in_spans
from ..techniques.model import LABELS
from ..techniques.training import Post, TrainConfig, build_model, fold_of

DATA_FILE = Path(__file__).resolve().parents[4] / "shared" / "data" / "unlp2025-manipulation" / "train.jsonl"
MINIMUMS_FILE = Path(__file__).with_name("techniques_minimums.json")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: list[bool], pred: list[bool]) -> None:
        for g, p in zip(gold, pred):
            self.tp += g and p
            self.fp += p and not g
            self.fn += g and not p

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def word_flags(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    words = [t for t in tokenize(text) if t.is_word]
    return tokens_in_spans(words, spans)


def evaluate_fold(model, test: list[Post], labels: dict[str, Counts], spans: Counts) -> None:
    for post in test:
        prediction = model.predict(post.text)
        for label in LABELS:
            labels[label].add([label in post.labels], [label in prediction.labels])
        spans.add(word_flags(post.text, post.spans), word_flags(post.text, prediction.spans))


def cross_validate(posts: list[Post], folds: int = 5, only_folds: tuple[int, ...] | None = None,
                   config: TrainConfig | None = None) -> dict:
    """Scores over the test folds (all ``folds`` of them unless ``only_folds`` picks some)."""
    config = config or TrainConfig()
    assignment = np.array(fold_of(posts, folds, config.seed))
    labels = {label: Counts() for label in LABELS}
    spans = Counts()
    started = time.perf_counter()
    tested = 0
    for fold in only_folds if only_folds is not None else range(folds):
        train = [p for p, f in zip(posts, assignment) if f != fold]
        test = [p for p, f in zip(posts, assignment) if f == fold]
        with tempfile.TemporaryDirectory() as workdir:
            model = build_model(train, Path(workdir), config)
        evaluate_fold(model, test, labels, spans)
        tested += len(test)
    per_label = {label: counts.scores() for label, counts in labels.items()}
    return {
        "posts": tested, "folds": folds, "tested_folds": list(only_folds or range(folds)), "seed": config.seed,
        "macro_f1": round(float(np.mean([s["f1"] for s in per_label.values()])), 4),
        "span_token_f1": spans.scores()["f1"], "spans": spans.scores(), "labels": per_label,
        "seconds": round(time.perf_counter() - started, 1),
    }


MARGIN = 0.01  # slack below the stored score: float noise across BLAS builds must not fail CI
HEADLINE = ("macro_f1", "span_token_f1")


def data_hash(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_key(report: dict) -> str:
    """Which minimums a run is held to: ``cv5`` for all folds, ``fold0`` for fold 0 alone, ..."""
    tested = report["tested_folds"]
    if len(tested) == report["folds"]:
        return f"cv{report['folds']}"
    return f"cv{report['folds']}-fold" + "-".join(str(f) for f in tested)


def load_minimums(path: Path = MINIMUMS_FILE) -> dict:
    import json

    if not path.is_file():
        return {"data_sha256": None, "runs": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def update_minimums(report: dict, sha: str, path: Path = MINIMUMS_FILE) -> dict:
    import json
    import math

    stored = load_minimums(path)
    if stored.get("data_sha256") != sha:
        stored = {"data_sha256": sha, "runs": {}}
    stored["margin"] = MARGIN
    stored["runs"][run_key(report)] = {
        "reached": {name: report[name] for name in HEADLINE},
        "minimums": {name: round(math.floor(report[name] * 1000) / 1000 - MARGIN, 3) for name in HEADLINE},
    }
    path.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return stored


def check_minimums(report: dict, sha: str, stored: dict) -> list[str]:
    """Reasons the gate fails (empty when it passes)."""
    if stored.get("data_sha256") != sha:
        return [("the training data changed since the minimums were stored: "
                 "run `svidok eval techniques --update-minimums` and commit the minimums file")]
    run = stored.get("runs", {}).get(run_key(report))
    if run is None:
        return [f"no minimums stored for run {run_key(report)!r}: run it with --update-minimums first"]
    return [f"{name}: {report[name]:.4f} < minimum {minimum:.3f}"
            for name, minimum in sorted(run["minimums"].items()) if report[name] < minimum]


def format_report(report: dict) -> str:
    lines = [f"{'technique':<26}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    rows = [*report["labels"].items(), ("spans (word tokens)", report["spans"])]
    for name, m in rows:
        lines.append(f"{name:<26}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}"
                     f"{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}")
    lines.append(f"macro_f1 {report['macro_f1']:.4f}  span_token_f1 {report['span_token_f1']:.4f}  "
                 f"({report['posts']} test posts, folds {report['tested_folds']} of {report['folds']}, "
                 f"seed {report['seed']}, {report['seconds']} s)")
    return "\n".join(lines)
