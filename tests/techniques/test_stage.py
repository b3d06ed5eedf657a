"""The `techniques` stage and the shipped model on real posts of the UNLP 2025 data and unseen text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import svidok
from svidok.techniques.model import LABELS, MODEL_DIR, load_model

UNLP = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "unlp2025-manipulation" / "train.jsonl"


@pytest.fixture(scope="module")
def posts() -> list[dict]:
    if not UNLP.is_file():
        pytest.skip("../shared UNLP 2025 data is not present")
    return [json.loads(line) for line in UNLP.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_shipped_model_is_small_licensed_and_complete():
    files = {f.name: f.stat().st_size for f in MODEL_DIR.iterdir()}
    assert {"classifier.npz", "model.json", "spans.crfsuite.gz", "NOTICE", "README.md"} <= set(files)
    assert sum(files.values()) < 15_000_000
    assert "CC BY-NC-SA 4.0" in (MODEL_DIR / "NOTICE").read_text(encoding="utf-8")
    model = load_model()
    assert len(model.thresholds) == len(LABELS) + 1 and model.weights.shape[1] == len(LABELS) + 1


def _strong(posts, label: str, count: int) -> list[dict]:
    """Posts whose gold has ``label`` and long manipulative spans: clear cases, picked by rule."""
    chosen = [p for p in posts if label in p["techniques"] and p["trigger_words"]
              and sum(e - s for s, e in p["trigger_words"]) > 0.5 * len(p["content"])]
    return chosen[:count]


def test_clear_loaded_language_posts_get_their_gold_label(posts):
    chosen = _strong(posts, "loaded_language", 30)
    hits = sum("loaded_language" in load_model().predict(p["content"], with_spans=False).labels for p in chosen)
    assert len(chosen) == 30 and hits >= 24


def test_posts_without_manipulation_mostly_get_no_spans(posts):
    clean = [p for p in posts if not p["manipulative"]][:40]
    with_spans = sum(bool(load_model().predict(p["content"]).spans) for p in clean)
    assert with_spans <= 20


def test_manipulative_posts_get_spans_overlapping_the_gold(posts):
    chosen = _strong(posts, "loaded_language", 30)
    overlapping = 0
    for p in chosen:
        spans = load_model().predict(p["content"]).spans
        overlapping += any(s < ge and e > gs for s, e in spans for gs, ge in p["trigger_words"])
    assert overlapping >= 20


UNSEEN_LOADED = (
    "Рашистські покидьки знову гатили по Харкову! Ці нелюди вбивають дітей, а кремлівські "
    "виродки брешуть на весь світ. Жодного прощення цій орді!"
)
UNSEEN_NEUTRAL = (
    "Кабінет Міністрів затвердив порядок виплати субсидій на 2026 рік. Документ набуде чинності "
    "з 1 січня. Заяви приймають центри надання адміністративних послуг."
)


def test_stage_on_unseen_posts_keeps_offsets_and_validates():
    loaded = svidok.analyze(UNSEEN_LOADED, id="loaded")
    neutral = svidok.analyze(UNSEEN_NEUTRAL, id="neutral")
    assert "loaded_language" in {t.label for t in loaded.techniques}
    assert loaded.manipulative_spans
    assert len(neutral.techniques) < len(loaded.techniques)
    assert loaded.technique_scores["loaded_language"] > neutral.technique_scores["loaded_language"]
    for doc in (loaded, neutral):
        obj = svidok.to_dict(doc)
        svidok.validate(obj)  # checks every manipulative span's text against its offsets
        assert set(obj["technique_scores"]) == set(LABELS)
        assert [t["score"] for t in obj["techniques"]] == sorted((t["score"] for t in obj["techniques"]),
                                                                   reverse=True)
        for span in doc.manipulative_spans:
            assert doc.text[span.start : span.end] == span.text


def test_other_languages_get_empty_lists():
    doc = svidok.analyze("These disgusting traitors lie to everyone! Shame on them, the scum!", id="en")
    assert doc.language == "en"
    assert doc.techniques == [] and doc.manipulative_spans == [] and doc.technique_scores == {}
    obj = svidok.to_dict(doc)
    assert obj["techniques"] == [] and obj["manipulative_spans"] == []


def test_keys_are_absent_when_the_stage_does_not_run():
    nlp = svidok.load_pipeline(exclude=["techniques"])
    obj = svidok.to_dict(nlp(svidok.Document(UNSEEN_LOADED)))
    assert "techniques" not in obj and "manipulative_spans" not in obj
    svidok.validate(obj)
