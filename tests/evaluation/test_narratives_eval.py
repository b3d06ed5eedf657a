"""Narrative matching on the labelled statements: precision and recall at the stored threshold
must stay at what the calibration measured (within 0.01)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from svidok.commands.eval import eval_group
from svidok.evaluation.narratives import at_threshold, calibrate, judge
from svidok.narratives.matcher import calibration

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"


def test_stored_threshold_keeps_its_precision_and_recall():
    judged = judge(EVAL_DIR)
    positives = sum(1 for j in judged if j.gold)
    negatives = sum(1 for j in judged if j.gold is None)
    assert positives >= 25 and negatives >= 20
    stored = calibration()
    now = at_threshold(judged, stored["threshold"])
    assert now["precision"] >= stored["precision"] - 0.01
    assert now["recall"] >= stored["recall"] - 0.01
    assert now["precision"] >= 0.9  # a narrative wrongly pinned on an article is the costly error
    assert calibrate(judged)["threshold"] == stored["threshold"]


def test_cli_reports_the_stored_threshold():
    result = CliRunner().invoke(eval_group, ["narratives", "--eval-dir", str(EVAL_DIR), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["threshold"] == calibration()["threshold"]
