"""The archive of analysed articles: SQLite (a file) or PostgreSQL, behind one interface.

>>> from svidok.store import open_store
>>> with open_store("svidok.db") as store:
...     store.put(svidok.analyze(text, url="https://..."))
...     hits = store.search("путін", outlet="pravda.com.ua", sort="relevance")
"""

from __future__ import annotations

from pathlib import Path

from .base import HistoryEntry, PutResult, PutStatus, SearchHit, Store, StoreError
from .search import SearchError, SearchSpec

__all__ = [
    "HistoryEntry",
    "PutResult",
    "PutStatus",
    "SearchError",
    "SearchHit",
    "SearchSpec",
    "Store",
    "StoreError",
    "open_store",
]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(url_or_path: str | Path) -> Store:
    """Open (creating or upgrading) an archive.

    A path or ``sqlite:///path`` gives SQLite; ``postgresql://...`` gives PostgreSQL (needs the
    ``postgres`` extra: psycopg 3).
    """
    target = str(url_or_path)
    if target.startswith(POSTGRES_SCHEMES):
        from .postgres import PostgresStore

        return PostgresStore(target)
    if target.startswith("sqlite:"):
        target = target.removeprefix("sqlite:")
        if not target.startswith("///"):
            raise StoreError(f"Use sqlite:///relative/path or sqlite:////absolute/path, not {url_or_path!r}.")
        target = target[3:] or ":memory:"
    elif "://" in target:
        raise StoreError(
            f"Unknown archive address {target!r}: give a file path, sqlite:///… or postgresql://…."
        )
    from .sqlite import SQLiteStore

    return SQLiteStore(target)
