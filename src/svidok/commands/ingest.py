"""``svidok ingest``: analyse articles and keep them in an archive (SQLite file or PostgreSQL)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import click

from .options import db_option

INPUT_FORMATS = ["text", "html", "rss", "jsonl", "csv"]
# Story vectors the workers computed, kept until the stories update at the end (1.5 KB each).
MAX_KEPT_VECTORS = 50_000


def _inputs(paths: tuple[str, ...], input_format: str | None) -> Iterator[tuple[str, object, str | None]]:
    """(origin, Document or None, skip reason or None) for each article in ``paths``."""
    try:
        from svidok.ingest import read_inputs
    except ImportError:  # the readers are not installed yet: plain UTF-8 text files only
        yield from _plain_text_inputs(paths)
        return
    for item in read_inputs(list(paths), input_format):
        origin = str(getattr(item, "origin", None) or getattr(item, "id", "?"))
        if hasattr(item, "to_document"):
            yield origin, item.to_document(), None
        else:
            yield origin, None, str(getattr(item, "reason", item))


def _plain_text_inputs(paths: tuple[str, ...]) -> Iterator[tuple[str, object, str | None]]:
    from svidok import Document

    for path in paths:
        try:
            text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield path, None, f"cannot read: {exc}"
            continue
        if not text.strip():
            yield path, None, "empty input"
            continue
        yield path, Document(text=text, id=path), None


def _analysed(
    items, workers: int | None, dask: str | None, batch_size: int, store_url: str | None = None,
    story_vectors: bool = False,
):  # fmt: skip
    """Items analysed here, in local worker processes or on a Dask cluster, in input order.
    ``workers``: None when not given (a LocalCluster then takes one worker per core);
    ``store_url``: the Dask workers store into this PostgreSQL archive themselves;
    ``story_vectors``: workers also compute the stories' title + lead embedding."""
    from svidok.ingest import workers as local

    if dask is not None:
        from svidok.ingest.cluster import analyse_on_dask, dask_client

        with dask_client(dask, workers) as client:
            yield from analyse_on_dask(items, client, batch_size, store_url, story_vectors)
    elif workers is not None and workers > 1:
        yield from local.analyse_in_processes(items, workers, batch_size, story_vectors)
    else:
        yield from local.analyse_here(items)


def _write(store, item, counts: Counter[str], vectors: dict[int, object]) -> None:
    """The one writer: store the item's record, or count it as skipped (or as a worker stored it);
    keep the story vector a worker computed, by article id."""
    from svidok.errors import SvidokError

    status = item.status
    if status is None and item.record is not None:
        try:
            result = store.put_record(item.record)
            status, item.article_id = result.status.value, result.article_id
        except (SvidokError, ValueError) as exc:  # this article only; the batch goes on
            item.reason = f"{type(exc).__name__}: {exc}"
    if status is not None:
        counts[status] += 1
    kept = status in ("stored", "updated") and len(vectors) < MAX_KEPT_VECTORS
    if item.story_vector is not None and item.article_id is not None and kept:
        vectors[item.article_id] = item.story_vector  # past the cap, the update embeds it again
    if item.reason is not None:
        counts["skipped"] += 1
        tqdm_write(f"svidok: skipped {item.origin}: {item.reason}")


def _check_parallel_writes(parallel_writes: bool, dask: str | None, db: str) -> None:
    if not parallel_writes:
        return
    if dask is None:
        raise click.BadParameter("needs --dask (local worker processes send results to one writer)",
                                 param_hint="--parallel-writes")  # fmt: skip
    from svidok.store import POSTGRES_SCHEMES

    if not db.startswith(POSTGRES_SCHEMES):
        raise click.BadParameter(
            "needs a PostgreSQL archive (--db postgresql://...): a SQLite file takes one writer at a time",
            param_hint="--parallel-writes",
        )


def tqdm_write(message: str) -> None:
    from tqdm import tqdm

    tqdm.write(message, file=sys.stderr)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default=None,
    help="Force the input format (default: detected from the content).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes analysing articles (default 1; 0: one per CPU core). With --dask local, "
    "the number of Dask workers (default: one per core).",
)
@click.option(
    "--dask",
    metavar="local|tcp://HOST:PORT",
    default=None,
    help="Analyse on a Dask distributed cluster: 'local' starts one on this machine, an address "
    "joins a running scheduler (needs svidok[dask]). The archive is still written here, "
    "unless --parallel-writes.",
)
@click.option(
    "--parallel-writes",
    is_flag=True,
    help="With --dask and a PostgreSQL archive: every worker stores its own batches (several "
    "writers at once) instead of sending them back to one writer here. Same content; article "
    "ids then follow the order in which articles were stored.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="Articles per batch sent to a worker.",
)
@click.option(
    "--stories/--no-stories",
    default=True,
    show_default=True,
    help="Put the new and changed articles into stories after storing them (else: `svidok stories update`).",
)
def ingest(
    paths: tuple[str, ...],
    db: str,
    input_format: str | None,
    progress: bool | None,
    workers: int | None,
    dask: str | None,
    parallel_writes: bool,
    batch_size: int,
    stories: bool,
) -> None:
    """Analyse articles (files, folders, - for stdin) and store them in an archive.

    The same URL (or the same text) is stored once; a changed text replaces the analysis.
    Workers only analyse: this process writes every article, in input order, so the archive is
    the same with any number of workers. With --dask --parallel-writes and a PostgreSQL archive
    the Dask workers store their articles themselves: the same content, ids in storing order. Exit status 1 when any input was skipped.
    """  # fmt: skip
    from tqdm import tqdm

    from svidok.errors import SvidokError
    from svidok.ingest.workers import Item, default_workers
    from svidok.store import StoreError, open_store

    if dask is not None and dask != "local" and "://" not in dask:
        raise click.BadParameter("give 'local' or a scheduler address such as tcp://host:8786", param_hint="--dask")
    _check_parallel_writes(parallel_writes, dask, db)
    if workers == 0:
        workers = default_workers()
    counts: Counter[str] = Counter()
    show = sys.stderr.isatty() if progress is None else progress
    try:
        store = open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    items = (Item(origin, doc, reason) for origin, doc, reason in _inputs(paths, input_format))
    try:
        with store, tqdm(unit="article", file=sys.stderr, disable=not show) as bar:
            writer_url = db if parallel_writes else None
            vectors: dict[int, object] = {}
            # with workers, they embed each article for its story; alone, the update below does
            in_workers = stories and (dask is not None or (workers or 1) > 1)
            for item in _analysed(items, workers, dask, batch_size, writer_url, in_workers):
                _write(store, item, counts, vectors)
                bar.update(1)
            grouped = store.update_stories(vectors=vectors) if stories else None
    except SvidokError as exc:  # the cluster cannot be reached, Dask is not installed, ...
        raise click.ClickException(str(exc)) from exc
    summary = ", ".join(f"{k} {counts[k]}" for k in ("stored", "updated", "unchanged", "skipped"))
    click.echo(f"svidok: {summary} ({store.location})", err=True)
    if grouped is not None:
        click.echo(f"svidok: stories: {grouped.assigned} articles assigned, {grouped.new_stories} new", err=True)
    if counts["skipped"]:
        sys.exit(1)
