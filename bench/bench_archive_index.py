"""Cost of indexing events, narratives and techniques in the archive, and speed of their filters.

    python bench/bench_archive_index.py [--size 2000] [--db postgresql://…]

The sample articles in eval/texts are analysed once; their records are stored ``--size`` times
under their own URLs (SQLite in a temporary folder by default). Prints: the writer's rate with
the index, the upgrade back-fill time (same archive rebuilt at the schema before the index, then
opened by this svidok), and the median of 5 runs of each filter. Compare runs on an idle machine.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

FILTERS = {
    "event type": {"event": "PROPOSE"},
    "event type + actor": {"event": "MEET", "event_actor": "Трамп"},
    "narrative + stance": {"narrative": "ukraine-secondary-issue", "stance": "refutes"},
    "technique": {"technique": "cliche"},
    "text + technique": {"query": "путін", "technique": "cliche"},
}


def _records():
    import svidok
    from svidok.store.records import to_record

    texts = sorted((REPO / "eval" / "texts").glob("*.txt"))[:12]
    return [to_record(svidok.analyze(svidok.Document(text=p.read_text(encoding="utf-8"), id=p.name)))
            for p in texts]  # fmt: skip


def _fill(store, records, size: int, tag: str) -> float:
    """Records/s storing ``size`` articles; a new ``tag`` changes their hashes (updates)."""
    started = time.perf_counter()
    for n in range(size):
        record = copy.copy(records[n % len(records)])
        record.url, record.text_hash = f"https://bench.test/{n}", f"{record.text_hash}-{tag}{n}"
        store.put_record(record)
    return size / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--db", help="PostgreSQL URL to use (wiped!); default: SQLite in a temp folder")
    args = parser.parse_args()
    from svidok.store import open_store
    from svidok.store.analysis_index import since_version
    from svidok.store.sqlite import SQLiteStore

    records = _records()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.db")
        old_store = SQLiteStore
        if args.db:
            import psycopg

            from svidok.store.postgres import PostgresStore as old_store

            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("DROP SCHEMA public CASCADE")
                conn.execute("CREATE SCHEMA public")
        with old_store(url, target_version=since_version() - 1) as old:
            rate_before = _fill(old, records, args.size, "old")
        started = time.perf_counter()
        with open_store(url) as store:
            backfill = time.perf_counter() - started
            rate_after = _fill(store, records, args.size, "new")  # updates: index rewritten
            print(f"{store.dialect}, {store.count()} articles, {len(records)} distinct analyses")
            print(f"put rate without index {rate_before:8.1f} records/s; with index {rate_after:8.1f} "
                  f"records/s (updates)")  # fmt: skip
            print(f"upgrade back-fill of {args.size} articles: {backfill:.2f} s")
            for name, filters in FILTERS.items():
                times, hits = [], 0
                for _ in range(5):
                    t0 = time.perf_counter()
                    hits = len(store.search(**filters, limit=100))
                    times.append((time.perf_counter() - t0) * 1000)
                print(f"  {name:22s} {statistics.median(times):7.1f} ms  ({hits} hits, limit 100)")


if __name__ == "__main__":
    main()
