"""The archive interface, and the logic both backends share (their SQL differs only where noted).

Backends implement a handful of primitives: a write transaction, a read, and the full-text
clause. Shared SQL uses ``?`` placeholders; the PostgreSQL backend rewrites them.
"""

from __future__ import annotations

import abc
import contextlib
import enum
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Self

from .. import __version__
from ..document import Document
from ..errors import SvidokError
from ..stories.archive import StoryUpdate, forget_article
from . import analysis_index, migrations
from . import search as search_sql
from .records import ArticleRecord, fold, to_record

# run(sql, params) -> rows, inside one transaction
Runner = Callable[[str, Sequence[Any]], list[tuple]]


# Letters that tell a Ukrainian spelling of a name, and Cyrillic as a whole (see _entity_upsert_sql).
UKRAINIAN_LETTERS = "іїєґІЇЄҐ"
CYRILLIC_LETTERS = "а-яА-ЯёЁіїєґІЇЄҐ"


class StoreError(SvidokError):
    """The archive cannot be opened or written as asked."""

    code = "E030"


class PutStatus(str, enum.Enum):
    STORED = "stored"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class PutResult:
    status: PutStatus
    article_id: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    external_id: str | None
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    language: str | None
    score: float | None  # relevance (higher is better; backend-specific scale), None without a query


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    status: str
    text_hash: str
    svidok_version: str | None
    at: str


class Store(abc.ABC):
    """An archive of analysed articles: SQLite or PostgreSQL, same behaviour."""

    dialect: str = ""
    location: str = ""
    database_errors: tuple[type[Exception], ...] = ()  # the driver's errors, reported as StoreError

    # -- backend primitives ---------------------------------------------------------------
    @abc.abstractmethod
    def _transaction(self) -> contextlib.AbstractContextManager[Runner]:
        """One write transaction: commits on exit, rolls back on an exception."""

    @abc.abstractmethod
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run a read-only query."""

    @abc.abstractmethod
    def _fulltext(self, terms: list[frozenset[str]]) -> search_sql.FulltextClause:
        """FROM/WHERE/score pieces matching articles that contain every term."""

    @abc.abstractmethod
    def _schema_version(self) -> int | None:
        """The archive's schema version, None for an empty database."""

    @abc.abstractmethod
    def _begin_migration(self, run: Runner) -> None:
        """Create ``schema_version`` if needed and lock against concurrent migrations."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def _json_param(self, text: str) -> Any:
        return text

    def _load_json(self, value: Any) -> dict[str, Any]:
        import json

        return value if isinstance(value, dict) else json.loads(value)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------
    def migrate(self, target: int | None = None) -> int:
        """Bring the schema up to ``target`` (default: the latest); returns the version reached.

        Stores call this when opened; a lower ``target`` exists for tests and upgrade tools.
        """
        target = migrations.LATEST if target is None else target
        current = self._schema_version() or 0
        self._refuse_newer(current)
        if current >= target:
            return current  # nothing to do: opening for reading takes no write lock
        for migration in migrations.MIGRATIONS[current:target]:
            with self._transaction() as run:
                self._begin_migration(run)
                current = run("SELECT version FROM schema_version", ())[0][0]
                if current >= migration.version:
                    continue  # another process got there first
                for statement in migration.statements[self.dialect]:
                    run(statement, ())
                if migration.backfill:
                    migration.backfill(self, run)
                run("UPDATE schema_version SET version = ?", (migration.version,))
        return self._schema_version() or 0

    def _refuse_newer(self, version: int) -> None:
        if version > migrations.LATEST:
            raise StoreError(
                f"The archive {self.location} has schema version {version}, made by a newer svidok; "
                f"this svidok {__version__} knows versions up to {migrations.LATEST}. Upgrade svidok."
            )

    @property
    def schema_version(self) -> int:
        return self._schema_version() or 0

    # -- writing ----------------------------------------------------------------------------
    def put(self, doc: Document) -> PutResult:
        """Store one analysed article (analysing it first if needed), in one transaction.

        The same URL (or, without a URL, the same normalised text) is stored once: an identical
        text is ``unchanged``; a changed text replaces the analysis and is ``updated``.
        """
        if "tokens" not in doc.assigned:
            import svidok

            doc = svidok.analyze(doc)
        return self.put_record(to_record(doc))

    def put_record(self, record: ArticleRecord) -> PutResult:
        """Store one article already turned into archive rows (:func:`records.to_record`), for
        writers fed by analysis done elsewhere (worker processes, a Dask cluster)."""
        try:
            return self._write(record)
        except self.database_errors as exc:  # rolled back already; say which article failed
            raise StoreError(
                f"Could not store article {record.external_id!r} in {self.location}: {exc}"
            ) from exc

    def _write(self, record: ArticleRecord) -> PutResult:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction() as run:
            self._lock_article(run, record.url or record.text_hash)
            existing = self._find_existing(run, record)
            if existing and existing[1] == record.text_hash:
                return PutResult(PutStatus.UNCHANGED, existing[0])
            replaced: dict[str, tuple[int, int]] = {}
            if existing:
                article_id, status = existing[0], PutStatus.UPDATED
                replaced = self._mentions_per_entity(run, article_id)
                self._update_article(run, article_id, record, now)
            else:
                article_id, status = self._insert_article(run, record, now), PutStatus.STORED
            entity_ids = self._write_entities_and_mentions(run, article_id, record, replaced)
            self._write_quotes_and_sources(run, article_id, record, entity_ids)
            analysis_index.write(run, article_id, record.analysis)
            run(
                "INSERT INTO ingest_history (article_id, status, text_hash, svidok_version, at) "
                "VALUES (?, ?, ?, ?, ?)",
                (article_id, status.value, record.text_hash, __version__, now),
            )
        return PutResult(status, article_id)

    @functools.cached_property
    def _entity_upsert_sql(self) -> str:
        """Insert an entity or add to its counts. Of two spellings of one key the preferred is
        kept: Ukrainian ones (і ї є ґ) first, then other Cyrillic, then Latin; ties by code point.
        Not the first stored, so the archive does not depend on the order in which parallel
        writers store articles."""
        new, old = "excluded.name", "entities.name"
        prefer_new = (f"({self._spelling_rank(new)}, {self._binary(new)}) "
                      f"< ({self._spelling_rank(old)}, {self._binary(old)})")  # fmt: skip
        return (
            "INSERT INTO entities (key, name, name_fold, type, kb_id, qid, mention_count, article_count) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
            "mention_count = entities.mention_count + excluded.mention_count, "
            "article_count = entities.article_count + excluded.article_count, "
            f"name = CASE WHEN {prefer_new} THEN excluded.name ELSE entities.name END, "
            f"name_fold = CASE WHEN {prefer_new} THEN excluded.name_fold ELSE entities.name_fold END "
            "RETURNING id"
        )

    def _spelling_rank(self, column: str) -> str:
        return (f"(CASE WHEN {self._matches(column, UKRAINIAN_LETTERS)} THEN 0 "
                f"WHEN {self._matches(column, CYRILLIC_LETTERS)} THEN 1 ELSE 2 END)")  # fmt: skip

    def _matches(self, column: str, letters: str) -> str:
        return f"{column} GLOB '*[{letters}]*'"  # SQLite: GLOB classes compare UTF-8 characters

    def _binary(self, column: str) -> str:
        return column  # SQLite compares text by code point already

    def _lock_article(self, run: Runner, key: str) -> None:
        """Serialise writers of the same article until commit, so two concurrent ingests
        cannot both insert it. SQLite needs nothing: BEGIN IMMEDIATE serialises all writes."""

    def _lock_stories(self, run: Runner) -> None:
        """Serialise story assignment until commit, so two updates cannot both start the same
        story. SQLite needs nothing: BEGIN IMMEDIATE serialises all writes."""

    def update_stories(
        self, progress: Callable[[int], Any] | None = None, vectors: dict[int, Any] | None = None
    ) -> StoryUpdate:
        """Put every article not yet in a story into one (see :mod:`svidok.stories.archive`);
        ``progress`` gets the number of articles assigned after each batch; ``vectors``: lead
        vectors by article id that ingest workers computed already."""
        from ..stories.archive import update_stories

        try:
            return update_stories(self, progress=progress, vectors=vectors)
        except self.database_errors as exc:
            raise StoreError(f"Could not update the stories in {self.location}: {exc}") from exc

    def _find_existing(self, run: Runner, record: ArticleRecord) -> tuple[int, str] | None:
        if record.url:
            rows = run("SELECT id, text_hash FROM articles WHERE url = ?", (record.url,))
        else:
            rows = run(
                "SELECT id, text_hash FROM articles WHERE url IS NULL AND text_hash = ?",
                (record.text_hash,),
            )
        return (rows[0][0], rows[0][1]) if rows else None

    def _mentions_per_entity(self, run: Runner, article_id: int) -> dict[str, tuple[int, int]]:
        """Entity key -> (row id, mentions) in a stored article: what its counts hold for it."""
        rows = run(
            "SELECT e.key, e.id, COUNT(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE m.article_id = ? GROUP BY e.key, e.id",
            (article_id,),
        )
        return {key: (entity_id, int(count)) for key, entity_id, count in rows}

    def _article_values(self, record: ArticleRecord) -> tuple:
        return (
            record.external_id, record.url, record.title, record.published, record.outlet,
            fold(record.outlet), record.language, record.text, record.text_hash,
            self._json_param(record.analysis_json()), record.lemmas,
        )  # fmt: skip

    def _insert_article(self, run: Runner, record: ArticleRecord, now: str) -> int:
        rows = run(
            "INSERT INTO articles (external_id, url, title, published, outlet, outlet_fold, language, "
            "text, text_hash, analysis, lemmas, ingested_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (*self._article_values(record), now, now),
        )
        return rows[0][0]

    def _update_article(self, run: Runner, article_id: int, record: ArticleRecord, now: str) -> None:
        run(
            "UPDATE articles SET external_id = ?, url = ?, title = ?, published = ?, outlet = ?, "
            "outlet_fold = ?, language = ?, text = ?, text_hash = ?, analysis = ?, lemmas = ?, "
            "updated_at = ? WHERE id = ?",
            (*self._article_values(record), now, article_id),
        )
        for table in ("mentions", "quotes", "sources"):
            run(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        forget_article(run, article_id)  # its story was chosen for the old text

    def _write_entities_and_mentions(
        self, run: Runner, article_id: int, record: ArticleRecord, replaced: dict[str, tuple[int, int]]
    ) -> dict[str, int]:
        """Upsert the entities by key, moving their stored counts by this article (``replaced``:
        key -> (entity row id, mentions) of the version it replaces), and insert their mentions;
        returns document id -> row id."""
        by_key: dict[str, list] = {}  # two document entities may share a key: one article
        for doc_entity_id, ent in record.entities.items():
            by_key.setdefault(ent.key, []).append((doc_entity_id, ent))
        entity_ids: dict[str, int] = {}
        # Sorted by key: concurrent writers then lock shared entity rows in the same order (no deadlock).
        for key in sorted(by_key.keys() | replaced.keys()):
            old_mentions = replaced.get(key, (0, 0))[1]
            if key not in by_key:  # the new version no longer mentions it
                run(
                    "UPDATE entities SET mention_count = mention_count - ?, article_count = article_count - 1 "
                    "WHERE id = ?",
                    (old_mentions, replaced[key][0]),
                )
                continue
            ent = by_key[key][0][1]
            mentions = [m for _, e in by_key[key] for m in e.mentions]
            rows = run(
                self._entity_upsert_sql,
                (key, ent.name, fold(ent.name), ent.type, ent.kb_id, ent.qid,
                 len(mentions) - old_mentions, int(bool(mentions)) - int(bool(old_mentions))),
            )  # fmt: skip
            for doc_entity_id, _ in by_key[key]:
                entity_ids[doc_entity_id] = rows[0][0]
            for start, end, text in mentions:
                run(
                    "INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (article_id, rows[0][0], start, end, text),
                )
        return entity_ids

    def _write_quotes_and_sources(
        self, run: Runner, article_id: int, record: ArticleRecord, ids: dict[str, int]
    ) -> None:
        for q in record.quotes:
            run(
                "INSERT INTO quotes (article_id, quote_id, speaker_entity_id, speaker_name, speaker_fold, "
                "role, cue, kind, text, start_offset, end_offset, source_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, q["quote_id"], ids.get(q["speaker"]), q["speaker_name"], q["speaker_fold"],
                 q["role"], q["cue"], q["kind"], q["text"], q["start"], q["end"], q["source"]),
            )  # fmt: skip
        for s in record.sources:
            run(
                "INSERT INTO sources (article_id, source_id, name, name_fold, entity_id, cue, "
                "start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, s["source_id"], s["name"], s["name_fold"], ids.get(s["entity"]),
                 s["cue"], s["start"], s["end"]),
            )  # fmt: skip

    # -- reading ----------------------------------------------------------------------------
    def search(
        self,
        query: str | None = None,
        *,
        entity: str | None = None,
        speaker: str | None = None,
        quoted_about: str | None = None,
        source: str | None = None,
        outlet: str | None = None,
        language: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        event: str | None = None,
        event_actor: str | None = None,
        narrative: str | None = None,
        stance: str | None = None,
        technique: str | None = None,
        sort: str = "date",
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Articles matching a lemmatised ``query`` and the filters (see :class:`search.SearchSpec`).

        ``sort="date"``: newest first, undated last; ``"relevance"``: best text match first.
        """
        spec = search_sql.SearchSpec(
            query, entity, speaker, source, outlet, language, date_from, date_to, sort, limit, offset,
            quoted_about, event, event_actor, narrative, stance, technique,
        )
        built = search_sql.build(spec, self._fulltext, search_sql.is_common_entity(self._read, spec))
        if built is None:
            return []
        return [SearchHit(*row) for row in self._read(built.sql, built.params)]

    def count(self) -> int:
        return self._read("SELECT COUNT(*) FROM articles")[0][0]

    def analysis(self, article_id: int) -> dict[str, Any] | None:
        """The stored svidok.analysis/1 object of an article."""
        rows = self._read("SELECT analysis FROM articles WHERE id = ?", (article_id,))
        return self._load_json(rows[0][0]) if rows else None

    def history(self, article_id: int) -> list[HistoryEntry]:
        rows = self._read(
            "SELECT status, text_hash, svidok_version, at FROM ingest_history "
            "WHERE article_id = ? ORDER BY id",
            (article_id,),
        )
        return [HistoryEntry(*row) for row in rows]

    def iter_ids(self) -> Iterator[int]:
        yield from (row[0] for row in self._read("SELECT id FROM articles ORDER BY id"))
