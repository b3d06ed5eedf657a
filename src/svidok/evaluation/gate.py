"""Stored minimums (``eval/minimums.json``) and the check that scores have not fallen below them.

The file pins the corpus by hash, so editing the gold without refreshing the minimums fails the
check instead of silently moving the baseline.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

MARGIN = 0.01  # slack below today's score, so harmless noise does not fail the gate


def minimums_path(eval_dir: Path) -> Path:
    return eval_dir / "minimums.json"


def load_minimums(eval_dir: Path) -> dict[str, Any]:
    path = minimums_path(eval_dir)
    if not path.is_file():
        return {"corpus_sha256": None, "minimums": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def proposed_minimums(headline: dict[str, float], margin: float = MARGIN) -> dict[str, float]:
    """Each score rounded down to 3 decimals, minus ``margin``, never below 0."""
    return {
        name: max(0.0, round(math.floor(value * 1000) / 1000 - margin, 3))
        for name, value in sorted(headline.items())
    }


def write_minimums(eval_dir: Path, headline: dict[str, float], corpus_sha256: str) -> dict[str, Any]:
    stored = {"corpus_sha256": corpus_sha256, "minimums": proposed_minimums(headline)}
    minimums_path(eval_dir).write_text(
        json.dumps(stored, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return stored


def check_minimums(headline: dict[str, float], stored: dict[str, Any], corpus_sha256: str) -> list[str]:
    """Reasons the gate fails (empty when it passes)."""
    problems = []
    if stored.get("corpus_sha256") != corpus_sha256:
        problems.append(
            "the gold corpus changed since the minimums were stored: "
            "run `svidok eval analysis --update-minimums` and commit eval/minimums.json"
        )
    for name, minimum in sorted(stored.get("minimums", {}).items()):
        if name not in headline:
            problems.append(f"{name}: stored minimum {minimum} but the scorer no longer reports it")
        elif headline[name] < minimum:
            problems.append(f"{name}: {headline[name]:.4f} < minimum {minimum:.3f}")
    return problems
