"""The PostgreSQL archive (psycopg 3): the same tables, JSONB analyses, 'simple' tsvector search."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import missing_dependency
from .base import Runner, Store, StoreError
from .search import FulltextClause

# Any constant: the advisory lock that serialises concurrent schema migrations.
_MIGRATION_LOCK = 0x5F1D0C
# Any constant: the first key of the per-article advisory locks (the second is the URL's hash).
_ARTICLE_LOCK = 0x5F1D0D
# Any constant: the advisory lock that serialises story assignment.
_STORIES_LOCK = 0x5F1D0E


def _psycopg():
    try:
        import psycopg
    except ImportError as exc:
        raise missing_dependency("psycopg[binary]", "A PostgreSQL archive") from exc
    return psycopg


def _placeholders(sql: str) -> str:
    """Shared SQL uses ``?``; psycopg wants ``%s`` (the shared SQL holds no literal ? or %)."""
    return sql.replace("?", "%s")


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str, *, target_version: int | None = None):
        psycopg = _psycopg()
        self.url = url
        self.database_errors = (psycopg.Error,)
        self.location = _redacted(url)
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"Cannot connect to the PostgreSQL archive {self.location}: {exc}") from exc
        self._lock = threading.RLock()
        self.migrate(target_version)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Runner]:
        with self._lock, self._conn.transaction(), self._conn.cursor() as cur:

            def run(sql: str, params: Sequence[Any] = ()) -> list[tuple]:
                cur.execute(_placeholders(sql), tuple(params))
                return cur.fetchall() if cur.description else []

            yield run

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._lock, self._conn.cursor() as cur:
            cur.execute(_placeholders(sql), tuple(params))
            return cur.fetchall()

    def _schema_version(self) -> int | None:
        exists = self._read("SELECT to_regclass('schema_version') IS NOT NULL")[0][0]
        return self._read("SELECT version FROM schema_version")[0][0] if exists else None

    def _begin_migration(self, run: Runner) -> None:
        run("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
        run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", ())
        if not run("SELECT 1 FROM schema_version", ()):
            run("INSERT INTO schema_version (version) VALUES (0)", ())

    def _matches(self, column: str, letters: str) -> str:
        return f"{column} ~ '[{letters}]'"

    def _binary(self, column: str) -> str:
        return f'{column} COLLATE "C"'  # code-point order, as SQLite compares (not the locale's)

    def _lock_article(self, run: Runner, key: str) -> None:
        # Under READ COMMITTED two writers would both miss the other's uncommitted row and the
        # second insert would fail on the unique URL; this lock makes it wait, then see the row.
        run("SELECT pg_advisory_xact_lock(?, hashtext(?))", (_ARTICLE_LOCK, key))

    def _lock_stories(self, run: Runner) -> None:
        run("SELECT pg_advisory_xact_lock(?)", (_STORIES_LOCK,))

    def _json_param(self, text: str) -> Any:
        import json

        from psycopg.types.json import Jsonb

        return Jsonb(json.loads(text))

    def _fulltext(self, terms: list[frozenset[str]]) -> FulltextClause:
        # Each word: its alternatives OR-ed (||), words AND-ed (&&); every term is a parameter.
        groups, params = [], []
        for options in terms:
            ordered = sorted(options)
            groups.append("(" + " || ".join("plainto_tsquery('simple', ?)" for _ in ordered) + ")")
            params.extend(ordered)
        return FulltextClause(
            from_sql=f"CROSS JOIN (SELECT {' && '.join(groups)} AS q) AS tsq",
            where_sql="a.lemma_tsv @@ tsq.q",
            score_sql="ts_rank(a.lemma_tsv, tsq.q)",
            params=tuple(params),
        )

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _redacted(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url
