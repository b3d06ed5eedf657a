"""``svidok ingest``: analyse articles and keep them in an archive (SQLite file or PostgreSQL)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import click

from .options import db_option

INPUT_FORMATS = ["text", "html", "rss", "jsonl", "csv"]


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


def _store_one(store, doc) -> str:
    import svidok

    return store.put(svidok.analyze(doc)).status.value


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
def ingest(paths: tuple[str, ...], db: str, input_format: str | None, progress: bool | None) -> None:
    """Analyse articles (files, folders, - for stdin) and store them in an archive.

    The same URL (or the same text) is stored once; a changed text replaces the analysis.
    Exit status 1 when any input was skipped.
    """  # fmt: skip
    from tqdm import tqdm

    from svidok.errors import SvidokError
    from svidok.store import StoreError, open_store

    counts: Counter[str] = Counter()
    show = sys.stderr.isatty() if progress is None else progress
    try:
        store = open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    with store, tqdm(unit="article", file=sys.stderr, disable=not show) as bar:
        for origin, doc, reason in _inputs(paths, input_format):
            if doc is not None:
                try:
                    counts[_store_one(store, doc)] += 1
                except (SvidokError, ValueError) as exc:  # this article only; the batch goes on
                    reason = f"{type(exc).__name__}: {exc}"
            if reason is not None:
                counts["skipped"] += 1
                tqdm.write(f"svidok: skipped {origin}: {reason}", file=sys.stderr)
            bar.update(1)
    summary = ", ".join(f"{k} {counts[k]}" for k in ("stored", "updated", "unchanged", "skipped"))
    click.echo(f"svidok: {summary} ({store.location})", err=True)
    if counts["skipped"]:
        sys.exit(1)
