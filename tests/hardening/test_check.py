"""``svidok check``: a clean archive passes; each kind of damage is found and named."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

import svidok
from svidok.commands.check import check
from svidok.store import open_store
from svidok.store.check import check_archive, expected_row_counts

from .conftest import EVAL_TEXTS

FIRST_MENTION = "(SELECT MIN(id) FROM mentions)"
# name -> (SQL that damages the archive, the one check that must fail); SQLite statements.
DAMAGE = {
    "fts row deleted": (
        (
            "INSERT INTO articles_fts (articles_fts, rowid, lemmas) "
            "SELECT 'delete', id, lemmas FROM articles WHERE id = (SELECT MAX(id) FROM articles)"
        ),
        "fulltext",
    ),
    "mention offset shifted": (
        f"UPDATE mentions SET start_offset = start_offset + 1 WHERE id = {FIRST_MENTION}",
        "spans",
    ),
    "quote end past the text": (
        "UPDATE quotes SET end_offset = 10000000 WHERE id = (SELECT MIN(id) FROM quotes)",
        "spans",
    ),
    "mention orphaned": (
        f"DELETE FROM entities WHERE id = (SELECT entity_id FROM mentions WHERE id = {FIRST_MENTION})",
        "database",
    ),
    "quote row lost": ("DELETE FROM quotes WHERE id = (SELECT MAX(id) FROM quotes)", "completeness"),
    "entity count drifted": (
        "UPDATE entities SET article_count = article_count + 1 WHERE id = (SELECT MIN(id) FROM entities)",
        "entity_counts",
    ),
    "story count drifted": (
        "UPDATE stories SET article_count = article_count + 1 WHERE id = (SELECT MIN(id) FROM stories)",
        "stories",
    ),
    "story emptied": ("DELETE FROM story_articles WHERE id = (SELECT MIN(id) FROM story_articles)", "stories"),
    "story membership orphaned": ("DELETE FROM stories WHERE id = (SELECT MIN(id) FROM stories)", "database"),
    "analysis unreadable": ("UPDATE articles SET analysis = '[1, 2' WHERE id = 1", "analyses"),
    "analysis of another text": ("UPDATE articles SET text = text || ' ' WHERE id = 1", "analyses"),
}


def run_check(db: str) -> tuple[int, dict]:
    result = CliRunner().invoke(check, ["--db", db, "--json"])
    return result.exit_code, json.loads(result.output)


def failed_checks(report: dict) -> set[str]:
    return {c["name"] for c in report["checks"] if not c["ok"]}


def fill(store_url: str, count: int = 3) -> None:
    if not EVAL_TEXTS:
        pytest.skip("eval/texts is not present")
    with open_store(store_url) as store:
        for path in EVAL_TEXTS[:count]:
            store.put(svidok.analyze(path.read_text(encoding="utf-8"), id=path.stem))
        store.update_stories()


def test_clean_archive_passes(store_url):
    fill(store_url)
    code, report = run_check(store_url)
    assert code == 0, report
    assert report["ok"] and report["articles"] == 3
    assert {c["name"] for c in report["checks"]} >= {"schema", "database", "fulltext", "spans"}


def test_empty_archive_passes(tmp_path):
    db = str(tmp_path / "empty.db")
    open_store(db).close()
    assert run_check(db)[0] == 0


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_damage_is_reported(tmp_path, damage):
    db = str(tmp_path / "archive.db")
    fill(db)
    sql, expected = DAMAGE[damage]
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")  # as a careless tool or an old bug would leave it
    conn.execute(sql)
    conn.close()
    code, report = run_check(db)
    assert code == 1
    assert failed_checks(report) == {expected}
    problems = next(c["problems"] for c in report["checks"] if c["name"] == expected)
    assert problems and all(isinstance(p, str) and p for p in problems)


def test_postgres_orphan_and_offset_are_reported(store_url):
    if not store_url.startswith("postgres"):
        pytest.skip("PostgreSQL only (SQLite is covered by test_damage_is_reported)")
    import psycopg

    fill(store_url)
    with psycopg.connect(store_url, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")  # foreign keys off, this session
        conn.execute(DAMAGE["mention orphaned"][0])
        conn.execute(
            "UPDATE quotes SET start_offset = start_offset + 1 WHERE id = (SELECT MIN(id) FROM quotes)"
        )
    code, report = run_check(store_url)
    assert code == 1
    assert failed_checks(report) == {"database", "spans"}


def test_table_report_lists_the_problem(tmp_path):
    db = str(tmp_path / "archive.db")
    fill(db, count=1)
    with sqlite3.connect(db) as conn:
        conn.execute(DAMAGE["mention offset shifted"][0])
    result = CliRunner().invoke(check, ["--db", db])
    assert result.exit_code == 1
    assert "FAIL  spans" in result.output and "mentions row" in result.output
    assert "1 check(s) failed." in result.output


def test_missing_archive_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(check, ["--db", str(tmp_path / "nope.db")])
    assert result.exit_code != 0 and "No archive at" in result.output
    assert not (tmp_path / "nope.db").exists()


def test_problems_beyond_the_cap_are_counted(tmp_path):
    db = str(tmp_path / "archive.db")
    fill(db, count=3)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE mentions SET start_offset = start_offset + 1")
    with open_store(db) as store:
        spans = next(c for c in check_archive(store).checks if c.name == "spans")
        total = store._read("SELECT COUNT(*) FROM mentions")[0][0]
    assert len(spans.problems) + spans.more == total > len(spans.problems)


def test_expected_row_counts_dedupes_a_repeated_mention():
    mention = {"text": "Київ", "start": 0, "end": 4}
    analysis = {"entities": [{"mentions": [mention, dict(mention)]}], "quotes": [{}], "sources": []}
    counts = expected_row_counts(analysis)
    assert counts == {"mentions": 1, "quotes": 1, "sources": 0, "events": 0, "narratives": 0, "techniques": 0}
