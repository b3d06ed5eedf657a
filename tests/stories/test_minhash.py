"""MinHash near-duplicates on real NER-UK news texts: reprints are found, other articles are not."""

from __future__ import annotations

import numpy as np
import pytest
from tests.conftest import REPO

import svidok
from svidok.store.lemmas import lemma_text
from svidok.stories.minhash import MinHasher, near_duplicates, shingles, similarity

NG = REPO.parent / "shared" / "data" / "ner-uk" / "v2.0" / "data" / "ng"
pytestmark = pytest.mark.skipif(not NG.is_dir(), reason="NER-UK texts are not in ../shared")


def _texts(n: int = 6) -> dict[str, str]:
    paths = sorted(NG.glob("*.txt"))[:n]
    return {p.stem: p.read_text(encoding="utf-8") for p in paths}


def _lemmas(text: str) -> str:
    return lemma_text(svidok.load_pipeline(["langid", "normalize", "segment", "morph"])(svidok.Document(text=text)))


def _reprint(text: str) -> str:
    """Another outlet's copy: paragraphs rotated, the last one cut, a line of its own added."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    body = paragraphs[1:-1] + paragraphs[:1] if len(paragraphs) > 2 else paragraphs
    return "\n".join(["Джерело: інформаційне агентство."] + body)


def test_signature_estimates_jaccard_of_shingle_sets():
    hasher = MinHasher(num_perm=256)
    words = [f"w{i}" for i in range(300)]
    first, second = shingles(words[:200]), shingles(words[100:])  # true Jaccard 98/298 ≈ 0.33
    exact = len(first & second) / len(first | second)
    estimate = similarity(hasher.signature(first), hasher.signature(second))
    assert abs(estimate - exact) < 0.1
    assert np.array_equal(hasher.signature(first), MinHasher(num_perm=256).signature(first))


def test_reprints_are_paired_with_their_originals_and_nothing_else():
    texts = _texts()
    lemma_texts = {key: _lemmas(text) for key, text in texts.items()}
    originals = list(texts)[:3]
    for key in originals:
        lemma_texts[f"{key}-reprint"] = _lemmas(_reprint(texts[key]))
    pairs = near_duplicates(lemma_texts, threshold=0.5)
    assert {(a, b) for a, b, _ in pairs} == {(key, f"{key}-reprint") for key in originals}
    assert all(score >= 0.5 for *_, score in pairs)


def test_empty_texts_are_nobodys_duplicates():
    assert near_duplicates({"a": "", "b": " ", "c": "слово слово слово"}) == []
