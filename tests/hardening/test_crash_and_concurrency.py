"""The archive survives a killed ``svidok ingest`` and two ingests writing at once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest

from svidok.store import open_store
from svidok.store.check import expected_row_counts

from .conftest import batch_records, check_cli, child_env, cli, write_jsonl

BATCH = 400
KILL_AFTER = 40  # articles stored before the ingest is killed


def stored_count(db: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def start_ingest(path, db: str) -> subprocess.Popen:
    return subprocess.Popen(
        cli("ingest", str(path), "--db", db, "--no-progress"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env(),
    )  # fmt: skip


def kill_when_stored(process: subprocess.Popen, db: str, count: int, timeout_s: float = 240) -> int:
    # generous: on a loaded machine (load 5 on 2 cores) loading models and storing 40 articles took >60 s
    deadline = time.monotonic() + timeout_s
    while stored_count(db) < count:
        if process.poll() is not None:
            pytest.fail(f"ingest ended before it could be killed: {process.communicate()[1][-2000:]}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"fewer than {count} articles stored after {timeout_s} s")
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    return process.returncode


def assert_every_article_whole(store) -> None:
    for article_id in store.iter_ids():
        expected = expected_row_counts(store.analysis(article_id))
        for table, count in expected.items():
            stored = store._read(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (article_id,))
            assert stored[0][0] == count, (article_id, table)


def assert_stored_once(store, records: list[dict]) -> None:
    assert store.count() == len({r["url"] for r in records})
    rows = store._read("SELECT url, COUNT(*) FROM ingest_history h JOIN articles a ON a.id = h.article_id "
                       "WHERE h.status = 'stored' GROUP BY url")  # fmt: skip
    assert sorted(url for url, _ in rows) == sorted({r["url"] for r in records})
    assert all(n == 1 for _, n in rows)


def test_killed_ingest_leaves_a_whole_archive_and_resumes(tmp_path):
    records = batch_records(BATCH)
    batch = write_jsonl(tmp_path / "batch.jsonl", records)
    db = str(tmp_path / "archive.db")
    assert kill_when_stored(start_ingest(batch, db), db, KILL_AFTER) == -signal.SIGKILL
    stored_before = stored_count(db)
    assert KILL_AFTER <= stored_before < BATCH
    checked = check_cli(db)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with open_store(db) as store:
        assert_every_article_whole(store)
    resumed = subprocess.run(cli("ingest", str(batch), "--db", db, "--no-progress"), check=False,
                             capture_output=True, text=True, timeout=300, env=child_env())  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert f"stored {BATCH - stored_before}, updated 0, unchanged {stored_before}" in resumed.stderr
    with open_store(db) as store:
        assert_stored_once(store, records)
    assert check_cli(db).returncode == 0


def test_two_ingests_at_once_lose_and_duplicate_nothing(tmp_path, store_url):
    first = batch_records(60)
    second = batch_records(80)  # the same 60 in the same order, racing for each row, and 20 more
    paths = [write_jsonl(tmp_path / "one.jsonl", first), write_jsonl(tmp_path / "two.jsonl", second)]
    processes = [start_ingest(path, store_url) for path in paths]
    outcomes = [(p.wait(timeout=300), p.communicate()[1]) for p in processes]
    for code, stderr in outcomes:
        assert code == 0, stderr[-2000:]
    with open_store(store_url) as store:
        assert_stored_once(store, first + second)
        assert_every_article_whole(store)
    checked = check_cli(store_url)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _open_and_close(path: str, start) -> None:
    start.wait()  # all at the same moment
    open_store(path).close()


def test_processes_opening_a_new_archive_at_once_all_succeed(tmp_path):
    import multiprocessing

    context = multiprocessing.get_context("fork")
    for attempt in range(8):  # without the fix, most attempts had a process fail with 'locked'
        path = str(tmp_path / f"new-{attempt}.db")
        start = context.Barrier(4)
        workers = [context.Process(target=_open_and_close, args=(path, start)) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=60)
        assert [w.exitcode for w in workers] == [0, 0, 0, 0]
