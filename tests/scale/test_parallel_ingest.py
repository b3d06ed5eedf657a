"""``svidok ingest`` with worker processes and on a real Dask cluster: the archive must be the same,
row for row, as a single-process ingest of the same real articles."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import wipe_postgres

from svidok.commands.ingest import ingest
from svidok.store import open_store
from svidok.store.dump import canonical_dump, content_dump

REPO = Path(__file__).resolve().parents[2]
TEXTS = sorted((REPO / "eval" / "texts").glob("*.txt"))[:20]


def run(*args):
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        runner = CliRunner()
    return runner.invoke(ingest, [*map(str, TEXTS), *map(str, args)])


def dump(url: str) -> dict:
    with open_store(url) as store:
        return canonical_dump(store)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    """The archive one process makes of the 20 articles."""
    url = str(tmp_path_factory.mktemp("one") / "archive.db")
    result = run("--db", url, "--no-progress")
    assert result.exit_code == 0, result.stderr
    content = dump(url)
    assert len(content["articles"]) == len(TEXTS) and content["entities"] and content["quotes"]
    return content


def test_two_worker_processes_store_what_one_process_stores(reference, store_url, tmp_path):
    if store_url.startswith("postgresql://"):  # the reference is SQLite: make one on PostgreSQL too
        assert run("--db", store_url, "--no-progress").exit_code == 0
        reference = dump(store_url)
        wipe_postgres(store_url)
    result = run("--db", store_url, "--workers", "2", "--progress")
    assert result.exit_code == 0, result.stderr
    assert f"stored {len(TEXTS)}," in result.stderr
    assert f"{len(TEXTS)}article" in result.stderr  # the progress bar counted every article
    assert dump(store_url) == reference
    again = run("--db", store_url, "--workers", "2", "--no-progress")  # idempotent: nothing twice
    assert f"unchanged {len(TEXTS)}," in again.stderr
    assert dump(store_url)["articles"] == reference["articles"]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local, distributed.Client(local) as client:
        yield local, client


def test_dask_cluster_stores_what_one_process_stores(reference, cluster, tmp_path):
    local, _ = cluster
    url = str(tmp_path / "dask.db")
    result = run("--db", url, "--dask", local.scheduler_address, "--batch-size", "3", "--no-progress")
    assert result.exit_code == 0, result.stderr
    assert dump(url) == reference


def test_dask_batches_lost_with_a_killed_worker_are_recomputed_once(reference, cluster, tmp_path):
    from svidok.commands.ingest import _inputs
    from svidok.ingest.cluster import analyse_on_dask
    from svidok.ingest.workers import Item

    _, client = cluster
    before = client.run(os.getpid)
    items = (Item(*read) for read in _inputs(tuple(map(str, TEXTS)), None))
    url = str(tmp_path / "killed.db")
    with open_store(url) as store:
        for n, item in enumerate(analyse_on_dask(items, client, batch_size=2)):
            if n == 0:  # batches are in flight on both workers: kill one of them outright
                os.kill(next(iter(before.values())), signal.SIGKILL)
            assert item.reason is None, item.reason
            store.put_record(item.record)
    client.wait_for_workers(2, timeout=60)
    assert set(client.run(os.getpid).values()) != set(before.values())  # a worker really died
    assert dump(url) == reference


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    result = run("--db", tmp_path / "a.db", "--dask", "tcp://127.0.0.1:9", "--no-progress")
    assert result.exit_code == 1
    assert "Cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr



# -- workers writing in parallel into one PostgreSQL archive ---------------------------------
def content(url: str) -> dict:
    with open_store(url) as store:
        return content_dump(store)


@pytest.fixture(scope="module")
def reference_content():
    """What one process stores into PostgreSQL (JSON columns there are jsonb: compare like with like)."""
    from tests.conftest import POSTGRES_URL

    if not POSTGRES_URL:
        pytest.skip("SVIDOK_TEST_POSTGRES is not set")
    pytest.importorskip("psycopg")
    wipe_postgres(POSTGRES_URL)
    assert run("--db", POSTGRES_URL, "--no-progress").exit_code == 0
    return content(POSTGRES_URL)


@pytest.fixture
def postgres_url(reference_content):
    from tests.conftest import POSTGRES_URL

    wipe_postgres(POSTGRES_URL)
    return POSTGRES_URL


def test_dask_workers_writing_in_parallel_store_what_one_process_stores(reference_content, cluster, postgres_url):
    local, client = cluster
    result = run("--db", postgres_url, "--dask", local.scheduler_address, "--parallel-writes",
                 "--batch-size", "2", "--no-progress")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert f"stored {len(TEXTS)}," in result.stderr
    assert content(postgres_url) == reference_content
    # every worker process really stored articles: each holds its own open archive
    assert sorted(client.run(_open_archives).values()) == [1, 1]
    again = run("--db", postgres_url, "--dask", local.scheduler_address, "--parallel-writes", "--no-progress")
    assert f"unchanged {len(TEXTS)}," in again.stderr
    assert content(postgres_url)["articles"] == reference_content["articles"]


def test_parallel_writes_lost_with_a_killed_worker_store_nothing_twice(reference_content, cluster, postgres_url):
    from svidok.commands.ingest import _inputs
    from svidok.ingest.cluster import analyse_on_dask
    from svidok.ingest.workers import Item

    _, client = cluster
    before = client.run(os.getpid)
    items = (Item(*read) for read in _inputs(tuple(map(str, TEXTS)), None))
    statuses = []
    for n, item in enumerate(analyse_on_dask(items, client, batch_size=2, store_url=postgres_url)):
        if n == 0:
            os.kill(next(iter(before.values())), signal.SIGKILL)
        assert item.reason is None and item.record is None, item.reason
        statuses.append(item.status)
    client.wait_for_workers(2, timeout=60)
    assert set(client.run(os.getpid).values()) != set(before.values())
    assert set(statuses) <= {"stored", "unchanged"} and len(statuses) == len(TEXTS)
    stored = content(postgres_url)
    # a recomputed batch finds what the dead worker committed: history may say so, nothing else differs
    assert {k: v for k, v in stored.items() if k != "history"} == {
        k: v for k, v in reference_content.items() if k != "history"
    }
    stored_rows = [row for row in stored["history"] if row[1] == "stored"]
    assert sorted(stored_rows, key=repr) == reference_content["history"]


def _open_archives() -> int:
    from svidok.ingest import workers

    return len(workers._STORES)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--parallel-writes"], "needs --dask"),
        (["--dask", "local", "--parallel-writes"], "needs a PostgreSQL archive"),
    ],
)
def test_parallel_writes_need_dask_and_postgresql(tmp_path, args, message):
    result = run("--db", tmp_path / "a.db", *args, "--no-progress")
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "a.db").exists()  # refused before anything was opened


# -- stories: the workers embed each article, the writer only assigns ---------------------------
def stories_of(url: str) -> tuple[list[tuple], list]:
    """Story membership rows (similarity rounded) and the stored vectors, in article order."""
    import numpy as np

    with open_store(url) as store:
        rows = store._read(
            "SELECT article_id, story_id, similarity, duplicate_of, day, entity_keys, vector "
            "FROM story_articles ORDER BY article_id"
        )
    members = [(a, s, round(float(sim), 4), dup, day, keys) for a, s, sim, dup, day, keys, _ in rows]
    return members, [np.frombuffer(bytes(row[-1]), dtype=np.float32) for row in rows]


@pytest.fixture(scope="module")
def reference_stories(tmp_path_factory):
    url = str(tmp_path_factory.mktemp("one-stories") / "archive.db")
    assert run("--db", url, "--no-progress").exit_code == 0
    return stories_of(url)


def test_workers_embed_for_the_stories_and_the_writer_does_not(reference_stories, tmp_path, monkeypatch):
    import numpy as np

    import svidok.stories.features as story_features

    def refuse(*_args, **_kwargs):
        raise AssertionError("the writer embedded an article its workers had embedded")

    monkeypatch.setattr(story_features, "lead_vector", refuse)  # this process only: workers are spawned
    url = str(tmp_path / "workers.db")
    result = run("--db", url, "--workers", "2", "--no-progress")
    assert result.exit_code == 0, result.stderr
    members, vectors = stories_of(url)
    assert members == reference_stories[0] and len(members) == len(TEXTS)
    assert all(np.allclose(a, b, atol=1e-5) for a, b in zip(vectors, reference_stories[1], strict=True))
