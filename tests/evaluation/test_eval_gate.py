"""The quality gate: svidok on the hand-annotated corpus in eval/ must not fall below the stored
minimums, and the corpus must be the one those minimums were measured on.

Refresh after a real improvement (or a deliberate gold change) with
``svidok eval analysis --update-minimums`` and commit eval/minimums.json.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from svidok.evaluation import check_minimums, corpus_hash, load_corpus, load_minimums, score_corpus

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"


@pytest.fixture(scope="module")
def headline() -> dict[str, float]:
    return score_corpus(EVAL_DIR).headline()


def test_corpus_is_complete_and_consistent():
    docs = load_corpus(EVAL_DIR)  # raises if any gold span misses its text
    assert len(docs) >= 40
    languages = [d.gold.get("language", "uk") for d in docs]
    assert languages.count("ru") >= 5, "eval/ must keep at least 5 Russian-language texts"
    assert sum(len(d.gold["quotes"]) for d in docs) > 0
    assert sum(len(d.gold["sources"]) for d in docs) > 0


def test_minimums_pin_this_corpus():
    stored = load_minimums(EVAL_DIR)
    assert stored["corpus_sha256"] == corpus_hash(EVAL_DIR), (
        "eval/ gold changed: run `svidok eval analysis --update-minimums` and commit eval/minimums.json"
    )


def test_every_metric_has_a_minimum(headline):
    assert set(load_minimums(EVAL_DIR)["minimums"]) == set(headline)


def test_scores_reach_the_stored_minimums(headline):
    stored = load_minimums(EVAL_DIR)
    problems = check_minimums(headline, stored, stored["corpus_sha256"])
    assert not problems, "\n".join(problems)


def test_cli_check_passes_on_the_stored_minimums():
    from click.testing import CliRunner

    from svidok.commands.eval import eval_group

    result = CliRunner().invoke(eval_group, ["analysis", "--eval-dir", str(EVAL_DIR), "--json", "--check"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] >= 40 and report["corpus_sha256"] == corpus_hash(EVAL_DIR)


def test_cli_check_fails_below_a_minimum(tmp_path):
    from click.testing import CliRunner

    from svidok.commands.eval import eval_group

    copy = tmp_path / "eval"
    shutil.copytree(EVAL_DIR, copy, ignore=shutil.ignore_patterns("tools", "annotations"))
    stored = load_minimums(copy)
    stored["minimums"]["entities.exact.f1"] = 1.01  # no score can reach it
    (copy / "minimums.json").write_text(json.dumps(stored), encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["analysis", "--eval-dir", str(copy), "--check"])
    assert result.exit_code == 1
    assert "entities.exact.f1" in result.stderr
