"""Near-duplicate articles by MinHash over lemma shingles, with LSH banding for candidates.

Shingles are runs of ``k`` consecutive lemmas (an article's archive lemma text), so a reprint
with other word forms, spacing or a paragraph cut still shares most of them. Each shingle is
hashed once (blake2b, stable across processes) and the ``num_perm`` permutations are universal
hashes ``(a·x + b) mod p`` in numpy. Estimated Jaccard = share of equal signature slots.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

import numpy as np

MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


def shingles(lemmas: Sequence[str], k: int = 3) -> set[str]:
    """Runs of ``k`` lemmas; a text shorter than ``k`` lemmas is one shingle (none if empty)."""
    if len(lemmas) < k:
        return {" ".join(lemmas)} if lemmas else set()
    return {" ".join(lemmas[i : i + k]) for i in range(len(lemmas) - k + 1)}


class MinHasher:
    """Signatures of ``num_perm`` slots; the same ``seed`` gives comparable signatures."""

    def __init__(self, num_perm: int = 128, seed: int = 1) -> None:
        rng = np.random.default_rng(seed)
        self.a = rng.integers(1, 1 << 32, num_perm, dtype=np.uint64)
        self.b = rng.integers(0, 1 << 32, num_perm, dtype=np.uint64)

    def signature(self, items: Iterable[str]) -> np.ndarray:
        hashes = np.fromiter(
            (int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little") for s in items),
            dtype=np.uint64,
        )
        if hashes.size == 0:
            return np.full(self.a.size, _MAX_HASH, dtype=np.uint64)
        # 32-bit operands keep a·x + b below 2**64, so uint64 arithmetic does not wrap
        permuted = (np.outer(hashes, self.a) + self.b) % MERSENNE & _MAX_HASH
        return permuted.min(axis=0)


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.mean(first == second))


def candidate_pairs(signatures: dict[str, np.ndarray], bands: int = 32) -> set[tuple[str, str]]:
    """Pairs of keys whose signatures agree on every slot of at least one band (LSH): with 128
    slots in 32 bands of 4, pairs above ~0.5 Jaccard are found with high probability."""
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for key, sig in signatures.items():
        rows = sig.size // bands
        for band in range(bands):
            buckets[(band, sig[band * rows : (band + 1) * rows].tobytes())].append(key)
    pairs: set[tuple[str, str]] = set()
    for keys in buckets.values():
        pairs.update((a, b) if a < b else (b, a) for a, b in combinations(sorted(set(keys)), 2))
    return pairs


def near_duplicates(
    lemma_texts: dict[str, str], threshold: float = 0.6, k: int = 3
) -> list[tuple[str, str, float]]:
    """Pairs of keys whose lemma texts are near-duplicates (estimated Jaccard ≥ ``threshold``),
    most similar first. Texts without words are skipped: they would all look alike."""
    hasher = MinHasher()
    shingled = {key: shingles(text.split(), k) for key, text in lemma_texts.items()}
    signatures = {key: hasher.signature(items) for key, items in shingled.items() if items}
    scored = ((a, b, similarity(signatures[a], signatures[b])) for a, b in candidate_pairs(signatures))
    return sorted((p for p in scored if p[2] >= threshold), key=lambda p: (-p[2], p[0], p[1]))
