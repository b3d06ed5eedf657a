"""Stories in the archive: assign every article not yet in a story, oldest day first.

Features (the embedding is the slow part) are computed before the write transaction, so a
writer holds the archive's lock only to compare and insert. The index holds the stories within
the window of the days being assigned: loaded from the archive once, then kept in step in memory
and pruned as the days advance, so assigning N articles costs O(N · recent stories).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from .cluster import ArticleFeatures, StoryConfig, StoryIndex, load_config
from .features import article_day, features, from_stored, lead, to_stored

log = logging.getLogger(__name__)
Runner = Callable[[str, Sequence[Any]], list[tuple]]
BATCH = 100  # articles whose features are computed, then assigned in one transaction
TITLE_CHARS = 200


@dataclass(slots=True)
class StoryUpdate:
    assigned: int = 0  # articles that joined or started a story
    new_stories: int = 0


def since_version() -> int:
    """The schema version that adds the story tables (found by name: numbers may shift at merges)."""
    from ..store.migrations import MIGRATIONS

    return next(m.version for m in MIGRATIONS if m.name.endswith("_stories"))


def update_stories(
    store, *, batch: int = BATCH, config: StoryConfig | None = None, progress: Callable[[int], Any] | None = None,
    vectors: dict[int, Any] | None = None,
) -> StoryUpdate:  # fmt: skip
    """Assign every article that is in no story yet (new or changed since the last update);
    ``progress`` is called with the number of articles assigned after each batch; ``vectors``:
    article id -> lead vector computed already (by ingest workers), so it is not computed again."""
    assigner = _Assigner(config or load_config(), vectors or {})
    while rows := _pending(store._read, batch):
        articles = assigner.features(store._read, rows)
        with store._transaction() as run:
            store._lock_stories(run)
            assigner.assign(run, articles)
        if progress is not None:
            progress(len(rows))
    log.info(
        "Stories: %d articles assigned, %d new stories", assigner.result.assigned, assigner.result.new_stories
    )
    return assigner.result


def forget_article(run: Runner, article_id: int) -> None:
    """Take a changed article out of its story (the next update assigns it again); a story left
    without articles is deleted. Nothing in an archive kept at an older schema."""
    if run("SELECT version FROM schema_version", ())[0][0] < since_version():
        return
    rows = run("DELETE FROM story_articles WHERE article_id = ? RETURNING story_id", (article_id,))
    for (story_id,) in rows:
        refresh_story(run, story_id)


def refresh_story(run: Runner, story_id: int) -> None:
    """Recount a story's span and articles from its members; delete it when it has none."""
    run(
        "UPDATE stories SET article_count = (SELECT COUNT(*) FROM story_articles WHERE story_id = ?), "
        "first_day = COALESCE((SELECT MIN(day) FROM story_articles WHERE story_id = ?), first_day), "
        "last_day = COALESCE((SELECT MAX(day) FROM story_articles WHERE story_id = ?), last_day), "
        "updated_at = ? WHERE id = ?",
        (story_id, story_id, story_id, _now(), story_id),
    )
    run("DELETE FROM stories WHERE id = ? AND article_count = 0", (story_id,))


def _count_in(run: Runner, story_id: int, day: str) -> None:
    """A story's count and span after one more article (constant time, unlike a recount)."""
    run(
        "UPDATE stories SET article_count = article_count + 1, "
        "first_day = CASE WHEN ? < first_day THEN ? ELSE first_day END, "
        "last_day = CASE WHEN ? > last_day THEN ? ELSE last_day END, updated_at = ? WHERE id = ?",
        (day, day, day, day, _now(), story_id),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _short(title: str) -> str:
    """A story title of at most TITLE_CHARS, cut at a word."""
    if len(title) <= TITLE_CHARS:
        return title
    return title[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def pending_count(store) -> int:
    """Articles in no story yet: what the next update will assign."""
    return int(store._read(
        "SELECT COUNT(*) FROM articles a "
        "WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)"
    )[0][0])  # fmt: skip


def _pending(read: Runner, limit: int) -> list[tuple]:
    """(id, title, text, lemmas, published, ingested_at) of unassigned articles, oldest first."""
    return read(
        "SELECT a.id, a.title, a.text, a.lemmas, a.published, a.ingested_at FROM articles a "
        "WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) "
        "ORDER BY COALESCE(substr(a.published, 1, 10), substr(a.ingested_at, 1, 10)), a.id LIMIT ?",
        (limit,),
    )


class _Assigner:
    def __init__(self, config: StoryConfig, vectors: dict[int, Any] | None = None) -> None:
        self.config = config
        self.vectors = dict(vectors or {})  # article id -> lead vector computed by a worker
        self.index = StoryIndex(config)
        self.loaded: set[int] = set()
        self.result = StoryUpdate()
        self.titles: dict[int, str] = {}
        self._first_sentence = config.with_values(lead_sentences=1)  # a story's title without one

    def features(self, read: Runner, rows: list[tuple]) -> list[ArticleFeatures]:
        marks = ", ".join("?" * len(rows))
        types = ", ".join("?" * len(self.config.entity_types))
        keys: dict[int, set[str]] = {}
        for article_id, key in read(
            f"SELECT DISTINCT m.article_id, e.key FROM mentions m JOIN entities e ON e.id = m.entity_id "
            f"WHERE m.article_id IN ({marks}) AND e.type IN ({types})",
            [row[0] for row in rows] + list(self.config.entity_types),
        ):
            keys.setdefault(article_id, set()).add(key)
        found = []
        for article_id, title, text, lemmas, published, ingested_at in rows:
            day = article_day(published, ingested_at)
            entity_keys = frozenset(keys.get(article_id, ()))
            vector = self.vectors.pop(article_id, None)
            found.append(features(article_id, title, text, lemmas or "", entity_keys, day, self.config, vector))
            self.titles[article_id] = _short(title or lead(None, text, self._first_sentence))
        return found

    def assign(self, run: Runner, articles: list[ArticleFeatures]) -> None:
        if not articles:
            return
        self._load_window(run, min(a.day for a in articles), max(a.day for a in articles))
        for article in articles:
            if run("SELECT 1 FROM story_articles WHERE article_id = ?", (article.article_id,)):
                continue  # another writer assigned it meanwhile
            self.index.evict_before(article.day)
            match = self.index.best(article)
            if match is None:
                story_id, score, duplicate_of = self._new_story(run, article), 1.0, None
                self.result.new_stories += 1
            else:
                story_id, score, duplicate_of = match.story_id, match.score, match.duplicate_of
            run(
                "INSERT INTO story_articles (article_id, story_id, similarity, duplicate_of, day, vector, "
                "signature, entity_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (article.article_id, story_id, round(score, 4), duplicate_of, *to_stored(article)),
            )
            _count_in(run, story_id, article.day.isoformat())
            self.index.add(story_id, article)
            self.result.assigned += 1

    def _new_story(self, run: Runner, article: ArticleFeatures) -> int:
        day, now = article.day.isoformat(), _now()
        rows = run(
            "INSERT INTO stories (title, first_day, last_day, article_count, created_at, updated_at) "
            "VALUES (?, ?, ?, 0, ?, ?) RETURNING id",
            (self.titles.get(article.article_id), day, day, now, now),
        )
        self.loaded.add(rows[0][0])
        return rows[0][0]

    def _load_window(self, run: Runner, first: date, last: date) -> None:
        """Bring into the index the archive's stories within the window of these days that it
        does not hold yet (each story is read once per update, however long it runs)."""
        window = timedelta(days=self.config.window_days)
        in_window = run(
            "SELECT id FROM stories WHERE last_day >= ? AND first_day <= ?",
            ((first - window).isoformat(), (last + window).isoformat()),
        )
        fresh = sorted({row[0] for row in in_window} - self.loaded)
        for start in range(0, len(fresh), 500):  # bounded IN lists
            chunk = fresh[start : start + 500]
            rows = run(
                "SELECT story_id, article_id, day, vector, signature, entity_keys FROM story_articles "
                f"WHERE story_id IN ({', '.join('?' * len(chunk))}) ORDER BY story_id, day, article_id",
                chunk,
            )
            for story_id, *stored in rows:
                self.index.add(story_id, from_stored(*stored))
        self.loaded.update(fresh)
