"""The events gate: (type, actor) and (type, trigger) F1 on eval/events.jsonl must not fall
below eval/events-minimums.json, which pins the gold by hash.

Refresh after a real improvement with ``svidok eval events --update-minimums``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from svidok.commands.eval import eval_group
from svidok.errors import InputError
from svidok.evaluation.events import (
    gold_hash,
    load_event_minimums,
    load_gold_events,
    score_events,
)
from svidok.evaluation.events import scored_text_paths as scored_paths

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"


@pytest.fixture(scope="module")
def report():
    return score_events(EVAL_DIR)


def test_gold_events_cover_several_documents():
    gold, texts = load_gold_events(EVAL_DIR)
    assert len(gold) >= 15 and len({g.doc for g in gold}) >= 5
    for event in gold:  # spans resolved inside the right text
        text = texts[event.doc]
        assert all(0 <= s < e <= len(text) for s, e in [event.trigger, *event.actors])


def test_minimums_pin_this_gold():
    assert load_event_minimums(EVAL_DIR)["corpus_sha256"] == gold_hash(EVAL_DIR), (
        "eval/events.jsonl changed: run `svidok eval events --update-minimums` and commit it"
    )


def test_scores_reach_the_stored_minimums(report):
    minimums = load_event_minimums(EVAL_DIR)["minimums"]
    assert set(minimums) == set(report["headline"])
    for name, minimum in minimums.items():
        assert report["headline"][name] >= minimum, f"{name}: {report['headline'][name]:.3f} < {minimum}"


def test_cli_check_passes_and_fails_below_a_minimum(tmp_path):
    ok = CliRunner().invoke(eval_group, ["events", "--eval-dir", str(EVAL_DIR), "--json", "--check"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["gold_events"] >= 15
    copy = tmp_path / "eval"
    shutil.copytree(EVAL_DIR, copy, ignore=shutil.ignore_patterns("tools", "annotations", "gold"))
    stored = load_event_minimums(copy)
    stored["minimums"]["events.actor.f1"] = 1.01
    (copy / "events-minimums.json").write_text(json.dumps(stored), encoding="utf-8")
    failed = CliRunner().invoke(eval_group, ["events", "--eval-dir", str(copy), "--check"])
    assert failed.exit_code == 1 and "events.actor.f1" in failed.stderr


def test_a_gold_actor_missing_from_its_text_is_reported(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Кремль звинуватив Київ.", encoding="utf-8")
    line = {"doc": "a", "type": "ACCUSE", "trigger": "звинуватив", "actors": ["Москва"], "modality": "actual"}
    (tmp_path / "events.jsonl").write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match="Москва"):
        load_gold_events(tmp_path)


def test_only_the_texts_annotated_for_events_are_scored(tmp_path):
    copy = tmp_path / "eval"
    shutil.copytree(EVAL_DIR, copy, ignore=shutil.ignore_patterns("tools", "annotations", "gold"))
    listed = [p.stem for p in scored_paths(copy)]
    assert listed and len(listed) < len(list((copy / "texts").glob("*.txt")))  # eval/ has more texts
    before = gold_hash(copy)
    # A new text without event annotation: neither hashed nor scored (its events would be false alarms).
    (copy / "texts" / "zz_new.txt").write_text("Президент зустрівся з прем'єром у Києві.", encoding="utf-8")
    assert gold_hash(copy) == before and "zz_new" not in load_gold_events(copy)[1]
    with (copy / "events-docs.txt").open("a", encoding="utf-8") as docs:
        docs.write("zz_new\n")
    assert gold_hash(copy) != before and "zz_new" in load_gold_events(copy)[1]
    (copy / "events-docs.txt").write_text("# none\nzz_missing\n", encoding="utf-8")
    with pytest.raises(InputError, match="zz_missing"):
        load_gold_events(copy)
