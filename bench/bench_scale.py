"""Scale-out and growth of ``svidok ingest``.

    python bench/bench_scale.py [--corpus DIR] [--limit N] [--sizes 1000,10000] [--skip-workers]
                                [--skip-growth] [--db postgresql://…] [--workers-postgres postgresql://…]

1. Workers: the same corpus (NER-UK texts by default) ingested into a fresh SQLite archive by
   ``svidok ingest`` with one process, ``--workers 2``, and ``--dask local`` with 1 and 2 workers.
   Wall time includes starting the workers and loading their models, as a user sees it. With
   ``--workers-postgres`` the same into PostgreSQL: one writer against ``--parallel-writes``.
2. Growth: an archive filled to each size (synthetic articles: real texts with their paragraphs
   rotated, analysed once, stored under their own URLs), then at each size the writer's rate
   (records/s, analysis done beforehand), the full ingest rate (analyse + write, fresh articles)
   and search latency (median of 5 runs of each query; "entity list" is the web /entities page).

Figures vary with machine load: compare runs made on the same idle machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "ner-uk" / "v2.0" / "data"
QUERIES = {  # name -> search keyword arguments
    "text, common word": {"query": "Україна"},
    "text, two words": {"query": "уряд рішення"},
    "text, rare word": {"query": "Шахтарськ"},
    "entity filter": {"entity": "Володимир Зеленський"},  # rare in the NER-UK texts
    "entity filter, common": {"entity": "Україна"},
    "text + language, by relevance": {"query": "президент", "language": "uk", "sort": "relevance"},
}


def corpus_files(root: Path, limit: int | None) -> list[Path]:
    files = sorted(root.rglob("*.txt")) if root.is_dir() else []
    files = files or sorted((REPO / "samples").glob("*.txt"))
    return [f for f in files[:limit] if f.read_text(encoding="utf-8").strip()]


def count_words(files: list[Path]) -> int:
    return sum(len(re.findall(r"\w+", f.read_text(encoding="utf-8"))) for f in files)


def ingest_run(files: list[Path], *options: str, postgres: str | None = None) -> float:
    """Seconds ``svidok ingest`` takes over ``files`` into a fresh archive (a temporary SQLite
    file, or the ``postgres`` database emptied first)."""
    if postgres:
        wipe_postgres(postgres)
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "inputs"
        listing.mkdir()
        for n, f in enumerate(files):  # one folder, so the command line stays short
            (listing / f"{n:06d}.txt").symlink_to(f)
        command = [sys.executable, "-c", "from svidok.cli import main; main()", "ingest", str(listing),
                   "--db", postgres or str(Path(tmp) / "a.db"), "--no-progress", *options]
        env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True)
        return time.perf_counter() - start


def wipe_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


WORKER_RUNS = (
    ("one process", ()),
    ("--workers 2", ("--workers", "2")),
    ("--dask local --workers 1", ("--dask", "local", "--workers", "1")),
    ("--dask local --workers 2", ("--dask", "local", "--workers", "2")),
)
POSTGRES_RUNS = (
    ("one process", ()),
    ("--dask local --workers 2", ("--dask", "local", "--workers", "2")),
    ("  + --parallel-writes", ("--dask", "local", "--workers", "2", "--parallel-writes")),
)


def bench_workers(files: list[Path], postgres: str | None = None) -> None:
    words = count_words(files)
    where = f"PostgreSQL {postgres.rsplit('/', 1)[-1]} emptied" if postgres else "fresh SQLite archive"
    print(f"\n## Workers: {len(files)} articles, {words} words (\\w+), {where} each run")
    print(f"{'ingest':<28}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'speed-up':>10}")
    base = None
    for label, options in POSTGRES_RUNS if postgres else WORKER_RUNS:
        secs = ingest_run(files, *options, postgres=postgres)
        base = base or secs
        print(f"{label:<28}{secs:>9.1f}{len(files) / secs:>12.1f}{words / secs:>10.0f}{base / secs:>9.2f}x")


def synthetic_texts(files: list[Path], count: int, first: int = 0) -> list[str]:
    """``count`` distinct articles: real texts with their paragraphs rotated."""
    texts = [f.read_text(encoding="utf-8") for f in files]
    out = []
    for number in range(first, first + count):
        paragraphs = [p for p in texts[number % len(texts)].split("\n") if p.strip()]
        turn = (number // len(texts)) % len(paragraphs)
        out.append("\n".join(paragraphs[turn:] + paragraphs[:turn]))
    return out


def as_article(record, number: int):
    """A pool record stored as article ``number``: its own URL and date."""
    url = f"https://bench.svidok.example/{number}"
    published = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
    analysis = {**record.analysis, "url": url, "published": published}
    return dataclasses.replace(record, url=url, published=published, external_id=str(number), analysis=analysis)


def median_ms(call) -> float:
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        call()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def search_latency(store) -> dict[str, float]:
    from svidok.store import queries

    out = {name: median_ms(lambda kw=kwargs: store.search(**kw, limit=20)) for name, kwargs in QUERIES.items()}
    out["entity list"] = median_ms(lambda: queries.list_entities(store, limit=50))  # web /entities
    return out


def bench_growth(files: list[Path], sizes: list[int], db: str | None, pool_size: int = 200) -> None:
    import svidok
    from svidok.ingest.workers import warm_up
    from svidok.store import open_store
    from svidok.store.records import to_record

    warm_up()
    start = time.perf_counter()
    pool = [to_record(svidok.analyze(t)) for t in synthetic_texts(files, pool_size)]
    print(f"\n## Growth: pool of {pool_size} analysed articles in {time.perf_counter() - start:.1f} s")
    print(f"{'archive':>9}{'fill rec/s':>12}{'write rec/s':>13}{'ingest art/s':>14}  search ms (median of 5)")
    with tempfile.TemporaryDirectory() as tmp, open_store(db or str(Path(tmp) / "growth.db")) as store:
        stored, fresh = store.count(), 0
        for size in sizes:
            fill_start = time.perf_counter()
            filled = size - stored
            while stored < size:
                store.put_record(as_article(pool[stored % pool_size], stored))
                stored += 1
            fill_rate = filled / (time.perf_counter() - fill_start) if filled > 0 else float("nan")
            write_start = time.perf_counter()
            for n in range(200):
                store.put_record(as_article(pool[n % pool_size], stored + n))
            write_rate = 200 / (time.perf_counter() - write_start)
            stored += 200
            texts = synthetic_texts(files, 30, first=10 * len(files) + fresh)
            fresh += 30
            ingest_start = time.perf_counter()
            for text in texts:
                store.put(svidok.analyze(text))
            ingest_rate = len(texts) / (time.perf_counter() - ingest_start)
            stored += len(texts)
            latency = search_latency(store)
            cells = ", ".join(f"{name} {ms:.1f}" for name, ms in latency.items())
            print(f"{size:>9}{fill_rate:>12.0f}{write_rate:>13.0f}{ingest_rate:>14.1f}  {cells}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use the first N texts")
    parser.add_argument("--sizes", default="1000,10000", help="archive sizes for the growth table")
    parser.add_argument("--db", default=None, help="growth archive (default: a temporary SQLite file); "
                        "a postgresql:// database is wiped of nothing but filled: use an empty one")
    parser.add_argument("--workers-postgres", metavar="URL", default=None,
                        help="also time the workers into this PostgreSQL database, one writer against "
                        "--parallel-writes (the database is EMPTIED before each run: use a scratch one)")
    parser.add_argument("--skip-workers", action="store_true")
    parser.add_argument("--skip-growth", action="store_true")
    args = parser.parse_args(argv)
    files = corpus_files(args.corpus, args.limit)
    print(f"machine: {os.cpu_count()} CPU cores; python {sys.version.split()[0]}")
    if not args.skip_workers:
        bench_workers(files)
        if args.workers_postgres:
            bench_workers(files, args.workers_postgres)
    if not args.skip_growth:
        bench_growth(files, sorted(int(s) for s in args.sizes.split(",")), args.db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
