"""The narrative catalogue as data: complete entries, known KB entities, and the shipped example
embeddings and calibration computed from this very catalogue and labelled set."""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

import numpy as np

from svidok.kb import load_kb
from svidok.narratives.catalogue import LANGUAGES, catalogue_hash, example_rows, load_catalogue
from svidok.narratives.matcher import calibration

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"


def test_at_least_thirty_complete_narratives():
    catalogue = load_catalogue()
    assert len(catalogue) >= 30
    assert len({n.id for n in catalogue}) == len(catalogue)
    for narrative in catalogue:
        assert narrative.title_uk and narrative.title_en and narrative.description
        assert all(len(narrative.examples[lang]) >= 3 for lang in LANGUAGES), narrative.id
        assert narrative.keywords, narrative.id


def test_related_entities_are_in_the_knowledge_base():
    known = load_kb().by_id
    missing = {e for n in load_catalogue() for e in n.entities if e not in known}
    assert not missing


def test_shipped_index_embeds_this_catalogue():
    path = resources.files("svidok.narratives").joinpath("examples.npz")
    data = np.load(io.BytesIO(path.read_bytes()))
    assert str(data["sha256"]) == catalogue_hash(), "run python scripts/build_narrative_index.py"
    assert data["vectors"].shape == (len(example_rows()), 384)
    norms = np.linalg.norm(data["vectors"].astype(np.float32), axis=1)
    assert np.allclose(norms, 1.0, atol=0.01)


def test_calibration_was_made_on_this_catalogue_and_labelled_set():
    from svidok.evaluation.narratives import labelled_hash

    stored = calibration()
    assert stored["catalogue_sha256"] == catalogue_hash(), "run svidok eval narratives --calibrate"
    assert stored["labelled_sha256"] == labelled_hash(EVAL_DIR), "run svidok eval narratives --calibrate"
    assert 0 < stored["threshold"] < 2
