"""Incremental story clustering: each article joins the best story in an index of recent ones,
or starts a new story.

Score of an article against a story = w_e · cosine(article vector, story mean vector)
+ w_n · best Jaccard of entity keys with one of the story's articles − w_d · days outside the
story's span. A near-duplicate of one of the story's articles (MinHash) always joins. Only
stories within ``window_days`` are candidates, so the work per article is bounded by the recent
stories, not the whole archive; thresholds are data (``config.yaml``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

import numpy as np
import yaml

# Articles of a story an article is compared with (near-duplicate, entities): its latest ones,
# so a story that runs for months costs no more per article than a story of a few days.
COMPARED_MEMBERS = 64


@dataclass(frozen=True, slots=True)
class StoryConfig:
    window_days: int
    lead_sentences: int
    lead_chars: int
    near_duplicate: float
    entity_types: tuple[str, ...]
    w_embedding: float
    w_entities: float
    w_day: float
    join: float

    def with_values(self, **values: Any) -> StoryConfig:
        return StoryConfig(**{**{f: getattr(self, f) for f in self.__slots__}, **values})


@functools.cache
def load_config() -> StoryConfig:
    raw = yaml.safe_load(resources.files(__package__).joinpath("config.yaml").read_text("utf-8"))
    weights = raw["weights"]
    return StoryConfig(
        int(raw["window_days"]), int(raw["lead_sentences"]), int(raw["lead_chars"]),
        float(raw["near_duplicate"]), tuple(raw["entity_types"]), float(weights["embedding"]),
        float(weights["entities"]), float(weights["day"]), float(raw["join"]),
    )  # fmt: skip


@dataclass(slots=True)
class ArticleFeatures:
    """What clustering compares: an L2-normalised vector, a MinHash signature, entity keys."""

    article_id: int
    day: date
    vector: np.ndarray
    signature: np.ndarray
    entities: frozenset[str]


@dataclass(frozen=True, slots=True)
class Match:
    story_id: int
    score: float
    duplicate_of: int | None = None  # the story's article this one nearly duplicates


@dataclass(slots=True)
class _Story:
    first: date
    last: date
    vector_sum: np.ndarray
    members: list[ArticleFeatures] = field(default_factory=list)
    signatures: np.ndarray | None = None  # of the latest COMPARED_MEMBERS, one row each

    def add(self, article: ArticleFeatures) -> None:
        self.first, self.last = min(self.first, article.day), max(self.last, article.day)
        self.vector_sum = self.vector_sum + article.vector
        self.members.append(article)
        row = article.signature.reshape(1, -1)
        kept = row if self.signatures is None else np.vstack([self.signatures, row])
        self.signatures = kept[-COMPARED_MEMBERS:]

    def near_duplicate(self, signature: np.ndarray, threshold: float) -> int | None:
        """The latest member whose MinHash similarity to ``signature`` reaches ``threshold``."""
        shared = (self.signatures == signature).mean(axis=1)
        hits = np.flatnonzero(shared >= threshold)
        recent = self.members[-COMPARED_MEMBERS:]
        return recent[hits[-1]].article_id if hits.size else None


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


class StoryIndex:
    """The stories an article may join: those whose span is within the window of recent days."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or load_config()
        self.stories: dict[int, _Story] = {}

    def __len__(self) -> int:
        return len(self.stories)

    def add(self, story_id: int, article: ArticleFeatures) -> None:
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = _Story(article.day, article.day, np.zeros_like(article.vector))
        story.add(article)

    def evict_before(self, day: date) -> None:
        """Forget stories that ended more than the window before ``day`` (articles come in date order)."""
        limit = day.toordinal() - self.config.window_days
        self.stories = {k: s for k, s in self.stories.items() if s.last.toordinal() >= limit}

    def best(self, article: ArticleFeatures) -> Match | None:
        """The story this article joins, or None (it starts a new one)."""
        best: Match | None = None
        for story_id, story in self.stories.items():
            match = self._score(story_id, story, article)
            if match and (best is None or match.score > best.score):
                best = match
        return best

    def _score(self, story_id: int, story: _Story, article: ArticleFeatures) -> Match | None:
        cfg, day = self.config, article.day.toordinal()
        gap = max(story.first.toordinal() - day, day - story.last.toordinal(), 0)
        if gap > cfg.window_days:
            return None
        duplicate_of = story.near_duplicate(article.signature, cfg.near_duplicate)
        if duplicate_of is not None:
            return Match(story_id, 1.0 + cfg.w_entities, duplicate_of)
        norm = float(np.linalg.norm(story.vector_sum)) or 1.0
        cosine = float(story.vector_sum @ article.vector) / norm
        if cfg.w_embedding * cosine + cfg.w_entities - cfg.w_day * gap < cfg.join:
            return None  # even sharing every entity would not reach the threshold
        recent = story.members[-COMPARED_MEMBERS:]
        entities = max((_jaccard(m.entities, article.entities) for m in recent), default=0.0)
        score = cfg.w_embedding * cosine + cfg.w_entities * entities - cfg.w_day * gap
        return Match(story_id, score) if score >= cfg.join else None


def cluster(articles: list[ArticleFeatures], config: StoryConfig | None = None) -> dict[int, int]:
    """Article id -> story number for articles clustered in memory, oldest day first (what the
    archive's update does, without the archive: for evaluation and threshold choice)."""
    index, story_of = StoryIndex(config), {}
    for article in sorted(articles, key=lambda a: (a.day, a.article_id)):
        index.evict_before(article.day)
        match = index.best(article)
        story_id = match.story_id if match else len(set(story_of.values())) + 1
        index.add(story_id, article)
        story_of[article.article_id] = story_id
    return story_of
