"""Analysis for ``svidok ingest`` in batches: in this process, in local worker processes, or on a
Dask distributed cluster. Workers only analyse; they send back archive records (plain rows), and
the one writer in the main process stores them in input order, so the archive, ids included,
is the same whatever the number of workers.

Each worker process loads the pipeline once (models and dictionaries are cached per process) and
then analyses batch after batch. A Dask batch lost with its worker, or failing, is computed again
(``retries``); its records still reach the writer once, and the writer is idempotent anyway (the
same URL or text is stored once).
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

# Items in flight per worker: enough that a worker never waits for the writer, few enough that
# a million-article input is not read into memory at once.
BATCHES_PER_WORKER = 4
# One short text per supported language: loads every model, dictionary and knowledge-base index.
WARMUP_TEXTS = (
    "Прогрів: Володимир Зеленський заявив, що «так».",
    "Разогрев: Владимир Путин заявил, что «да».",
    "Warm-up: Joe Biden said that «yes».",
)


@dataclass(slots=True)
class Item:
    """One input article on its way to the archive: a Document to analyse, or the reason it was
    skipped (unreadable input, or an error analysing it)."""

    origin: str
    doc: Any = None  # svidok.Document before analysis; dropped once analysed
    reason: str | None = None
    record: Any = None  # svidok.store.records.ArticleRecord after analysis
    status: str | None = None  # set when a worker stored the record itself (stored, unchanged ...)
    story_vector: Any = None  # the title + lead embedding for stories, computed by a worker
    article_id: int | None = None  # set when a worker stored the record itself


def warm_up() -> None:
    """Load the pipeline's models and dictionaries into this process (once; later calls are cheap)."""
    import svidok

    for text in WARMUP_TEXTS:
        svidok.analyze(text)


def analyse_item(item: Item) -> Item:
    """Analyse one article into an archive record; an error skips this article only."""
    import svidok
    from svidok.errors import SvidokError
    from svidok.store.records import to_record

    if item.doc is None:
        return item
    try:
        item.record = to_record(svidok.analyze(item.doc))
    except (SvidokError, ValueError) as exc:
        item.reason = f"{type(exc).__name__}: {exc}"
    item.doc = None  # the record holds all the writer needs: do not send tokens back
    return item


def with_story_vector(item: Item) -> Item:
    """Compute the story vector here, in the worker, so the one writer does not (0.05-0.2 s each)."""
    if item.record is not None:
        from svidok.stories.cluster import load_config
        from svidok.stories.features import lead_vector

        item.story_vector = lead_vector(item.record.title, item.record.text, load_config())
    return item


def analyse_batch(batch: list[Item], story_vectors: bool = False) -> list[Item]:
    analysed = [analyse_item(item) for item in batch]
    return [with_story_vector(item) for item in analysed] if story_vectors else analysed


# The archive this worker process writes into for the current ingest run: (run id, URL) -> store.
_STORES: dict[tuple[str, str], Any] = {}


def _run_store(run_id: str, url: str) -> Any:
    """The archive opened once per worker process and ingest run (a new run opens, and if needed
    migrates, it again; the previous run's connection is closed)."""
    from svidok.store import open_store

    if (run_id, url) not in _STORES:
        for store in _STORES.values():
            store.close()
        _STORES.clear()
        _STORES[(run_id, url)] = open_store(url)
    return _STORES[(run_id, url)]


def store_item(item: Item, url: str, run_id: str, story_vectors: bool = False) -> Item:
    """Analyse one article and store it from this worker (parallel writers into one PostgreSQL
    archive); only the outcome travels back. Storing is idempotent: a batch computed again after
    its worker died finds the articles it had committed ``unchanged`` and stores nothing twice."""
    from svidok.errors import SvidokError

    analyse_item(item)
    if item.record is None:
        return item
    if story_vectors:
        with_story_vector(item)
    try:
        result = _run_store(run_id, url).put_record(item.record)
        item.status, item.article_id = result.status.value, result.article_id
    except (SvidokError, ValueError) as exc:
        item.reason = f"{type(exc).__name__}: {exc}"
    item.record = None
    return item


def store_batch(batch: list[Item], url: str, run_id: str, story_vectors: bool = False) -> list[Item]:
    return [store_item(item, url, run_id, story_vectors) for item in batch]


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def in_order(submit: Callable[[list[Item]], Any], collect: Callable[[Any], list[Item]],
             batches: Iterable[list[Item]], window: int) -> Iterator[Item]:
    """Submit batches, at most ``window`` in flight, and yield their items in input order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from collect(pending.popleft())
    while pending:
        yield from collect(pending.popleft())


def analyse_here(items: Iterable[Item]) -> Iterator[Item]:
    for item in items:
        yield analyse_item(item)


def analyse_in_processes(
    items: Iterable[Item], workers: int, batch_size: int, story_vectors: bool = False
) -> Iterator[Item]:
    """Analyse in ``workers`` local processes (spawned: a clean interpreter each, which loads the
    pipeline once in its initializer)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=warm_up) as pool:
        yield from in_order(
            lambda batch: pool.apply_async(analyse_batch, (batch, story_vectors)),
            lambda result: result.get(),
            batched(items, batch_size),
            workers * BATCHES_PER_WORKER,
        )


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
