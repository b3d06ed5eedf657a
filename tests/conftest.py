"""Shared fixtures: the bundled sample, and the path to ../shared when it is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "samples" / "000_422c6d6a13e598e4.txt"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc(sample_text):
    import svidok

    return svidok.analyze(sample_text, id="sample")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


# Every archive test runs on SQLite, and on PostgreSQL when SVIDOK_TEST_POSTGRES names a
# database that may be wiped (``eval "$(.ci/postgres.sh)"``).
POSTGRES_URL = os.environ.get("SVIDOK_TEST_POSTGRES")
BACKENDS = ["sqlite", "postgres"]


def wipe_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def fresh_archive_url(backend: str, folder) -> str:
    """An empty archive of ``backend`` ("sqlite": a file in ``folder``; "postgres": the test
    server, wiped), or a skip when that backend cannot be reached."""
    if backend == "sqlite":
        return str(folder / "archive.db")
    if not POSTGRES_URL:
        pytest.skip("SVIDOK_TEST_POSTGRES is not set")
    pytest.importorskip("psycopg")
    wipe_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """Where an empty archive of each backend can be made."""
    return fresh_archive_url(request.param, tmp_path)
