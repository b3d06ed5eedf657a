"""An archived article's clustering features: embedding of title + lead, MinHash of its lemmas,
its entity keys, and its day (published date if known, else the ingest date)."""

from __future__ import annotations

import functools
import re
from datetime import date

import numpy as np

from .cluster import ArticleFeatures, StoryConfig
from .minhash import MinHasher, shingles

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”]?\s+|\n+")
VECTOR_DTYPE = np.float32  # stored as bytes in story_articles.vector
KEY_SEPARATOR = "\n"  # between entity keys in story_articles.entity_keys (name keys hold spaces)


@functools.cache
def _hasher() -> MinHasher:
    return MinHasher()


def lead(title: str | None, text: str, config: StoryConfig) -> str:
    """Title and the first ``lead_sentences`` sentences, cut to ``lead_chars``: what a story is about.
    Paragraph breaks end a sentence too (a headline line without a full stop)."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text[: config.lead_chars * 2]) if s and s.strip()]
    body = " ".join(sentences[: config.lead_sentences])[: config.lead_chars]
    return f"{title.strip()}. {body}" if title and title.strip() else body


def article_day(published: str | None, ingested_at: str) -> date:
    """The published date when it parses, else the ingest date."""
    for value in (published, ingested_at):
        try:
            return date.fromisoformat((value or "")[:10])
        except ValueError:
            continue
    return date.today()


def lead_vector(title: str | None, text: str, config: StoryConfig) -> np.ndarray:
    """The embedding of title + lead: the slow part (0.05-0.2 s), so ingest workers compute it."""
    from ..narratives.embedding import embed

    return embed([lead(title, text, config)])[0].astype(VECTOR_DTYPE)


def features(
    article_id: int, title: str | None, text: str, lemmas: str, entity_keys: frozenset[str],
    day: date, config: StoryConfig, vector: np.ndarray | None = None,
) -> ArticleFeatures:  # fmt: skip
    """``vector``: :func:`lead_vector` computed already (by the worker that analysed the article)."""
    vector = lead_vector(title, text, config) if vector is None else vector.astype(VECTOR_DTYPE)
    signature = _hasher().signature(shingles(lemmas.split(), 3))
    return ArticleFeatures(article_id, day, vector, signature, entity_keys)


def from_stored(
    article_id: int, day: str, vector: bytes, signature: bytes, entity_keys: str
) -> ArticleFeatures:
    """Features as ``story_articles`` keeps them."""
    return ArticleFeatures(
        article_id, date.fromisoformat(day), np.frombuffer(bytes(vector), dtype=VECTOR_DTYPE),
        np.frombuffer(bytes(signature), dtype=np.uint64), frozenset(k for k in entity_keys.split(KEY_SEPARATOR) if k),
    )  # fmt: skip


def to_stored(article: ArticleFeatures) -> tuple[str, bytes, bytes, str]:
    return (article.day.isoformat(), article.vector.astype(VECTOR_DTYPE).tobytes(),
            article.signature.astype(np.uint64).tobytes(), KEY_SEPARATOR.join(sorted(article.entities)))  # fmt: skip
