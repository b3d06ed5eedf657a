"""Schema versions: a fresh archive, an upgrade from an older one, a refusal of a newer one."""

from __future__ import annotations

import sqlite3

import pytest

from svidok.store import StoreError, open_store
from svidok.store.migrations import LATEST, MIGRATIONS

from .conftest import make_doc, open_at_version, put_without_counts, row_counts

TEXT = "Переговори з Путіним неможливі, заявив міністр."


def test_migrations_are_numbered_from_one():
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))
    assert all(m.statements["sqlite"] and m.statements["postgres"] for m in MIGRATIONS)


def test_empty_database_gets_the_latest_schema(store):
    assert store.schema_version == LATEST
    assert row_counts(store) == dict.fromkeys(row_counts(store), 0)


def test_reopening_keeps_the_data(store_url):
    with open_store(store_url) as store:
        store.put(make_doc(TEXT, url="https://x/1"))
    with open_store(store_url) as store:
        assert store.schema_version == LATEST
        assert store.count() == 1


def test_older_archive_is_upgraded_and_its_articles_become_searchable(store_url):
    with open_at_version(store_url, 1) as old:
        assert old.schema_version == 1
        with old._transaction() as run:
            put_without_counts(old, run, make_doc(TEXT, url="https://x/1"))
        article_id = old._read("SELECT id FROM articles")[0][0]
    with open_store(store_url) as store:
        assert store.schema_version == LATEST
        assert [hit.article_id for hit in store.search("путін")] == [article_id]


def test_newer_archive_is_refused_with_a_clear_message(store_url):
    with open_store(store_url) as store, store._transaction() as run:
        run("UPDATE schema_version SET version = ?", (LATEST + 1,))
    with pytest.raises(StoreError, match=r"newer svidok.*Upgrade svidok"):
        open_store(store_url)


def test_a_sqlite_file_that_is_not_an_archive_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    with pytest.raises(StoreError, match="not a svidok archive"):
        open_store(path)


@pytest.mark.parametrize(
    "address,message",
    [("mysql://host/db", "Unknown archive address"), ("sqlite:relative.db", "sqlite:///")],
)
def test_unknown_addresses_are_refused(address, message):
    with pytest.raises(StoreError, match=message):
        open_store(address)


def test_sqlite_url_and_wal_mode(tmp_path):
    with open_store(f"sqlite:///{tmp_path}/a.db") as store:
        assert store._read("PRAGMA journal_mode")[0][0] == "wal"
        assert store._writer.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (tmp_path / "a.db").exists()
