"""Training pieces: folds keep copies together, the solvers learn, a saved model reads back the same."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("scipy")

from svidok.techniques.model import LABELS, read_model
from svidok.techniques.training import (
    Post,
    TrainConfig,
    best_thresholds,
    build_model,
    fold_of,
    platt,
    ridge_dual,
)


def post(i: int, text: str, labels=(), spans=()) -> Post:
    return Post(str(i), text, "uk", frozenset(labels), list(spans))


def test_folds_are_deterministic_and_keep_reposts_together():
    posts = [post(i, f"новина номер {i} про погоду") for i in range(50)]
    posts.append(post(99, "Новина номер 7 про погоду"))  # a copy differing in case only
    first, second = fold_of(posts, 5, seed=13), fold_of(posts, 5, seed=13)
    assert first == second and set(first) == set(range(5))
    assert first[7] == first[-1]
    assert fold_of(posts, 5, seed=14) != first


def test_ridge_dual_recovers_a_linear_rule():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 5))
    y = (x[:, :1] > 0).astype(float)
    coef, means = ridge_dual(x @ x.T, y, alpha=1.0)
    predicted = (x @ x.T) @ coef + means > 0.5
    assert (predicted == (y > 0)).mean() > 0.9


def test_platt_and_thresholds_follow_the_data():
    scores = np.linspace(-1, 1, 400)
    gold = (scores > 0.2).astype(float)
    a, b = platt(scores, gold)
    assert a > 5  # steep: the scores separate the classes well
    probabilities = 1 / (1 + np.exp(-np.clip(a * scores + b, -30, 30)))
    cut = best_thresholds(probabilities[:, None], gold[:, None])[0]
    assert ((probabilities >= cut) == (gold > 0)).mean() > 0.97


def test_a_model_learns_a_planted_cue_and_round_trips(tmp_path):
    rng = np.random.default_rng(1)
    filler = ["сьогодні", "місто", "новини", "люди", "уряд", "вулиця", "зима", "ринок", "школа", "поїзд"]
    posts = []
    for i in range(160):
        words = list(rng.choice(filler, size=12))
        loaded = i % 2 == 0
        if loaded:
            words.insert(5, "покидьки")
        text = " ".join(words) + "."
        spans = [(text.index("покидьки"), text.index("покидьки") + 8)] if loaded else []
        posts.append(post(i, text, ["loaded_language"] if loaded else [], spans))
    model = build_model(posts, tmp_path, TrainConfig(crf_iterations=30))
    test = "зима місто покидьки люди уряд."
    prediction = model.predict(test)
    assert "loaded_language" in prediction.labels
    assert any(test[s:e].startswith("покидьки") or "покидьки" in test[s:e] for s, e in prediction.spans)
    assert "loaded_language" not in model.predict("зима місто люди уряд школа.").labels
    model.save(tmp_path / "saved")
    again = read_model(tmp_path / "saved")
    assert np.allclose(again.probabilities(test), model.probabilities(test), atol=2e-3)
    assert again.predict(test).spans == prediction.spans
    assert len(model.thresholds) == len(LABELS) + 1


def test_eval_defaults_are_the_shipped_training_recipe():
    import dataclasses
    from pathlib import Path

    import yaml

    config = Path(__file__).resolve().parents[2] / "training" / "techniques" / "config.yaml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    defaults = dataclasses.asdict(TrainConfig())
    assert {key: settings[key] for key in defaults} == defaults


def test_missing_or_foreign_model_files_raise_actionable_errors(tmp_path):
    import json

    from svidok.errors import ModelError
    from svidok.techniques.model import MODEL_DIR

    with pytest.raises(ModelError, match="missing: reinstall svidok or run training/techniques/train.py"):
        read_model(tmp_path)
    for name in ("classifier.npz", "model.json", "spans.crfsuite.gz"):
        (tmp_path / name).write_bytes((MODEL_DIR / name).read_bytes())
    meta = json.loads((tmp_path / "model.json").read_text())
    (tmp_path / "model.json").write_text(json.dumps(meta | {"hash_bits": 12}))
    with pytest.raises(ModelError, match="another svidok version"):
        read_model(tmp_path)
    (tmp_path / "spans.crfsuite.gz").write_bytes(b"not gzip")
    with pytest.raises(ModelError, match="corrupt"):
        read_model(tmp_path)
