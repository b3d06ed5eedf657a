"""Story clustering quality on the labelled set, and the pairwise scores it is measured by."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from svidok.commands.eval import eval_group
from svidok.evaluation.stories import pair_scores


@pytest.mark.parametrize(
    "predicted, precision, recall",
    [({"a": 1, "b": 1, "c": 2, "d": 3}, 1.0, 1.0),  # gold: {a, b}, {c}, {d}
     ({"a": 1, "b": 1, "c": 1, "d": 3}, 0.333, 1.0),  # c wrongly joined: 1 right of 3 predicted pairs
     ({"a": 1, "b": 2, "c": 3, "d": 4}, 1.0, 0.0),  # nothing joined: the gold pair is missed
     ({"a": 1, "b": 1, "c": 1, "d": 1}, 0.167, 1.0)],
)  # fmt: skip
def test_pairwise_scores(predicted, precision, recall):
    scores = pair_scores({"a": "x", "b": "x", "c": "y", "d": "z"}, predicted)
    assert (scores.precision, scores.recall) == (precision, recall)


def test_labelled_set_is_clustered_as_labelled():
    """The shipped thresholds on the set they were chosen on (no held-out set: a regression
    guard, not an estimate of quality on unseen news)."""
    result = CliRunner().invoke(eval_group, ["stories", "--json", "--sweep"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["scores"]["precision"] >= 0.95 and report["scores"]["recall"] >= 0.95, report["wrong_pairs"]
    assert report["scores"]["gold_pairs"] == 18 and report["articles"] == 57
    assert report["sweep"]["0.850"]["precision"] < 0.5  # a lax threshold merges the decoys: the set can tell
    assert report["sweep"]["0.950"]["recall"] < 0.8  # a strict one splits stories
