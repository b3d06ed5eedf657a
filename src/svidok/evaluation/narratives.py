"""Narrative matching on the labelled statements in ``eval/narratives.jsonl`` (positives naming
a narrative id, hard negatives with ``null``): precision and recall at the stored threshold,
and the calibration that chooses the threshold (best F0.5; ties go to the higher threshold).

A statement is predicted when it passes the keyword prefilter and its best score reaches the
threshold; it is correct when the predicted narrative is the labelled one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..narratives.catalogue import catalogue_hash
from ..narratives.matcher import CALIBRATION_FILE, best_scores, keyword_hits

LABELLED_FILE = "narratives.jsonl"
CALIBRATION_PATH = Path(__file__).resolve().parents[1] / "narratives" / CALIBRATION_FILE


@dataclass
class Judged:
    gold: str | None
    predicted: str | None  # best narrative when the prefilter passed
    score: float


def judge(eval_dir: Path) -> list[Judged]:
    import svidok

    path = eval_dir / LABELLED_FILE
    if not path.is_file():
        raise InputError(f"no labelled statements in {path}: pass --eval-dir pointing at svidok's eval/")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = svidok.load_pipeline(["langid", "normalize", "segment", "morph"])
    hits = []
    for item in items:
        doc = nlp(svidok.Document(item["text"], language=item["lang"]))
        hits.append(keyword_hits((t.lemma or t.norm).lower() for t in doc.tokens))
    scores = best_scores([item["text"] for item in items], hits)
    return [
        Judged(item["narrative"], score.narrative.id if found else None, score.value if found else -1.0)
        for item, score, found in zip(items, scores, hits)
    ]


def at_threshold(judged: list[Judged], threshold: float) -> dict[str, float]:
    predicted = [j for j in judged if j.predicted is not None and j.score >= threshold]
    correct = sum(1 for j in predicted if j.predicted == j.gold)
    positives = sum(1 for j in judged if j.gold is not None)
    precision = correct / len(predicted) if predicted else 1.0
    recall = correct / positives if positives else 1.0
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return {
        "threshold": round(threshold, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted": len(predicted),
        "correct": correct,
        "positives": positives,
        "items": len(judged),
    }


def f_half(result: dict[str, float]) -> float:
    """F0.5: precision weighs more, as a narrative wrongly pinned on an article costs more than a miss."""
    p, r = result["precision"], result["recall"]
    return 0.0 if p + r == 0 else 1.25 * p * r / (0.25 * p + r)


def calibrate(judged: list[Judged]) -> dict[str, float]:
    candidates = sorted({round(j.score, 4) for j in judged if j.predicted is not None}, reverse=True)
    results = [at_threshold(judged, t) for t in candidates]
    return max(results, key=lambda r: (f_half(r), r["threshold"]))


def labelled_hash(eval_dir: Path) -> str:
    return hashlib.sha256((eval_dir / LABELLED_FILE).read_bytes()).hexdigest()


def write_calibration(eval_dir: Path, result: dict[str, float]) -> None:
    stored = result | {"labelled_sha256": labelled_hash(eval_dir), "catalogue_sha256": catalogue_hash()}
    CALIBRATION_PATH.write_text(json.dumps(stored, indent=2) + "\n", encoding="utf-8")


def report(eval_dir: Path, stored: dict[str, Any]) -> dict[str, Any]:
    judged = judge(eval_dir)
    return {"stored": at_threshold(judged, float(stored["threshold"])), "best": calibrate(judged)}
