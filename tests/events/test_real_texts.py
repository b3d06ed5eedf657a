"""Events and narratives on real news the engine was not written against (NER-UK 2.0 texts in
../shared): valid output, and every frame anchored inside its own sentence."""

from __future__ import annotations

import pytest

import svidok


@pytest.fixture(scope="module")
def analysed(shared_dir):
    files = sorted((shared_dir / "data" / "ner-uk" / "v2.0" / "data").rglob("*.txt"))[:12]
    if not files:
        pytest.skip("no NER-UK texts in ../shared")
    return [svidok.analyze(f.read_text(encoding="utf-8"), id=f.name) for f in files]


def test_output_is_valid_and_frames_stay_in_their_sentence(analysed):
    for doc in analysed:
        svidok.validate(svidok.to_dict(doc))
        for event in doc.events:
            sent = event.sentence
            spans = [event.trigger, *event.actors, *event.targets] + ([event.place] if event.place else [])
            assert all(sent.start <= s.start and s.end <= sent.end for s in spans), (doc.id, event)
            assert event.actors or event.targets
        for match in doc.narratives:
            assert match.stance in ("asserts", "quotes", "refutes")
            if match.stance == "asserts":
                assert match.quote is None and match.speaker is None
            if match.stance == "quotes":
                assert match.quote is not None


def test_real_texts_yield_events(analysed):
    assert sum(len(doc.events) for doc in analysed) >= 3
