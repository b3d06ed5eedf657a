"""The SQLite archive: one file, WAL journal, foreign keys on.

All writes go through one writer connection (serialised by a lock, ``BEGIN IMMEDIATE``);
reads use one connection per thread, which WAL lets run beside a writer.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .base import Runner, Store, StoreError
from .search import FulltextClause

_BUSY_TIMEOUT_S = 30.0


class SQLiteStore(Store):
    dialect = "sqlite"
    database_errors = (sqlite3.Error,)

    def __init__(self, path: str | Path, *, target_version: int | None = None):
        self.path = str(path)
        self.location = self.path
        self._memory = self.path == ":memory:"
        if not self._memory and not Path(self.path).parent.is_dir():
            raise StoreError(f"Cannot create the archive {self.path}: its folder does not exist.")
        self._lock = threading.RLock()
        self._local = threading.local()
        self._readers: weakref.WeakSet[_Reader] = weakref.WeakSet()
        self._writer = self._connect()
        self._check_is_archive()
        self.migrate(target_version)

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA foreign_keys = ON")
            if not self._memory:
                _enable_wal(conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Cannot open {self.path} as a SQLite archive: {exc}.") from exc
        return conn

    def _check_is_archive(self) -> None:
        names = {row[0] for row in self._writer.execute("SELECT name FROM sqlite_master")}
        if names and "schema_version" not in names:
            raise StoreError(
                f"{self.path} is a SQLite database but not a svidok archive (no schema_version table)."
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Runner]:
        with self._lock:
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield lambda sql, params=(): conn.execute(sql, tuple(params)).fetchall()
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _reader(self) -> sqlite3.Connection:
        if self._memory:
            return self._writer  # a second connection would see another, empty database
        reader = getattr(self._local, "reader", None)
        if reader is None:
            conn = self._connect()
            conn.execute("PRAGMA query_only = ON")
            reader = self._local.reader = _Reader(conn)
            self._readers.add(reader)
        return reader.conn

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        if self._memory:
            with self._lock:
                return self._writer.execute(sql, tuple(params)).fetchall()
        return self._reader().execute(sql, tuple(params)).fetchall()

    def _schema_version(self) -> int | None:
        with self._lock:
            conn = self._writer
            exists = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
            ).fetchone()
            return conn.execute("SELECT version FROM schema_version").fetchone()[0] if exists else None

    def _begin_migration(self, run: Runner) -> None:
        # BEGIN IMMEDIATE already holds the write lock on the file.
        run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", ())
        if not run("SELECT 1 FROM schema_version", ()):
            run("INSERT INTO schema_version (version) VALUES (0)", ())

    def _fulltext(self, terms: list[frozenset[str]]) -> FulltextClause:
        match = " AND ".join(
            "(" + " OR ".join(_fts5_phrase(t) for t in sorted(options)) + ")" for options in terms
        )
        return FulltextClause(
            from_sql="JOIN (SELECT rowid AS fts_id, bm25(articles_fts) AS fts_rank FROM articles_fts "
            "WHERE articles_fts MATCH ?) f ON f.fts_id = a.id",
            where_sql="1 = 1",
            score_sql="-f.fts_rank",
            params=(match,),
        )

    def close(self) -> None:
        with self._lock:
            for reader in list(self._readers):
                reader.conn.close()
            self._readers.clear()
            self._writer.close()


class _Reader:
    """A thread's read connection. Servers' thread pools retire idle threads: the thread's
    locals then drop this object, and its connection is closed instead of piling up."""

    __slots__ = ("__weakref__", "conn")

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __del__(self) -> None:
        self.conn.close()


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. On a new file that another process is switching too, SQLite answers
    'locked' at once instead of waiting (deadlock avoidance), so retry up to the busy timeout."""
    deadline = time.monotonic() + _BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _fts5_phrase(term: str) -> str:
    """A term as an FTS5 string: inside double quotes nothing is syntax ("" is a quote)."""
    return '"' + term.replace('"', '""') + '"'
