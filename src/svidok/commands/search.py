"""``svidok search``: find archived articles by lemma (путін finds Путіним) and by filters."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from .options import db_option


def _format_table(hits) -> str:
    if not hits:
        return "(no articles found)"
    rows = [("id", "published", "outlet", "lang", "score", "title / url")]
    for hit in hits:
        score = "" if hit.score is None else f"{hit.score:.3g}"
        label = hit.title or hit.url or hit.external_id or ""
        rows.append((str(hit.article_id), (hit.published or "")[:10], hit.outlet or "",
                     hit.language or "", score, label[:80]))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1] for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def _require_existing_sqlite(db: str) -> None:
    """Searching must not create an empty archive where the user mistyped a path."""
    if "://" in db and not db.startswith("sqlite://"):
        return
    path = db.removeprefix("sqlite:///")
    if path != ":memory:" and not Path(path).exists():
        raise click.ClickException(f"No archive at {path}: run `svidok ingest --db {path} ...` first.")


@click.command()
@click.argument("query", required=False)
@db_option
@click.option("--entity", help="Articles mentioning this entity (name words, entity key or KB id).")
@click.option("--speaker", help="Articles quoting this speaker.")
@click.option("--quoted-about", help="Articles with a quote that mentions this entity.")
@click.option("--source", help="Articles citing this source.")
@click.option("--outlet", help="Articles from this outlet (case-insensitive).")
@click.option("--lang", "language", help="Articles in this language (uk, ru, en).")
@click.option("--from", "date_from", help="Published on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Published on or before this date (YYYY-MM-DD).")
@click.option("--event", help="Articles stating an event of this type (MEET, NEGOTIATE, ATTACK ...).")
@click.option("--event-actor", help="... whose actors include this entity (name words or KB id).")
@click.option("--narrative", help="Articles with this catalogue narrative (west-provoked-war ...).")
@click.option("--stance", type=click.Choice(["asserts", "quotes", "refutes"]),
              help="... with this stance toward it (toward any narrative without --narrative).")
@click.option("--technique", help="Articles with this manipulation technique (loaded_language ...).")
@click.option("--sort", type=click.Choice(["date", "relevance"]), default="date", show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def search(query: str | None, db: str, fmt: str, **filters) -> None:
    """Search the archive. QUERY words are lemmatised, so any form of a word matches;
    every word must occur. QUERY is plain text: quotes, *, NEAR, col: mean nothing special."""
    from svidok.errors import SvidokError
    from svidok.store import open_store

    _require_existing_sqlite(db)
    try:
        with open_store(db) as store:
            hits = store.search(query, **filters)
    except SvidokError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps([dataclasses.asdict(h) for h in hits], ensure_ascii=False, indent=2))
    else:
        click.echo(_format_table(hits))
