"""SQLite read connections follow their threads: a server's retired pool threads leak nothing."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

import pytest

from svidok.store import open_store


def _open_handles(path: Path) -> int:
    fds = Path("/proc/self/fd")
    count = 0
    for fd in fds.iterdir():
        try:
            count += os.readlink(fd) == str(path)
        except OSError:
            continue
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_retired_threads_close_their_read_connections(tmp_path):
    path = tmp_path / "archive.db"
    with open_store(path) as store:
        baseline = _open_handles(path)
        for _ in range(30):  # like a thread pool retiring idle workers and starting new ones
            worker = threading.Thread(target=store.count)
            worker.start()
            worker.join()
        gc.collect()
        assert _open_handles(path) <= baseline + 1
        assert store.count() == 0  # this thread's reader still works
    assert _open_handles(path) == 0
