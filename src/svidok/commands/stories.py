"""``svidok stories``: articles grouped into stories across outlets and languages."""

from __future__ import annotations

import dataclasses
import json

import click

from .options import db_option
from .search import _require_existing_sqlite


def _open(db: str):
    from svidok.store import open_store

    _require_existing_sqlite(db)
    return open_store(db)


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1] for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first}..{last}"


@click.group(name="stories")
def stories() -> None:
    """Stories: articles about the same story, across outlets and languages.

    `svidok ingest` puts new articles into stories; `svidok stories update` does it for articles
    stored otherwise (the library's Store.put, the web API)."""


@stories.command(name="list")
@db_option
@click.option("--min-articles", type=click.IntRange(1), default=1, show_default=True,
              help="Only stories with at least this many articles.")  # fmt: skip
@click.option("--from", "date_from", help="Stories still running on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Stories begun on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_command(db: str, fmt: str, **filters) -> None:
    """Stories, latest first: article count, outlets, languages and date span."""
    from svidok.errors import SvidokError
    from svidok.store import queries

    try:
        with _open(db) as store:
            page = queries.list_stories(store, **filters)
    except SvidokError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps([dataclasses.asdict(s) for s in page.items], ensure_ascii=False, indent=2))
        return
    if not page.items:
        click.echo("(no stories: ingest articles, or run `svidok stories update`)")
        return
    rows = [("id", "articles", "dates", "languages", "outlets", "title")]
    for s in page.items:
        outlets = ", ".join(s.outlets[:3]) + (f" +{len(s.outlets) - 3}" if len(s.outlets) > 3 else "")
        rows.append((str(s.id), str(s.article_count), _span(s.first_day, s.last_day), ",".join(s.languages),
                     outlets, (s.title or "")[:70]))  # fmt: skip
    click.echo(_table(rows))


@stories.command()
@click.argument("story_id", type=click.IntRange(1, 2**63 - 1))
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(story_id: int, db: str, fmt: str) -> None:
    """One story: its timeline of articles and how each outlet framed it."""
    from svidok.errors import SvidokError
    from svidok.store import queries

    try:
        with _open(db) as store:
            detail = queries.story_detail(store, story_id)
    except SvidokError as exc:
        raise click.ClickException(str(exc)) from exc
    if detail is None:
        raise click.ClickException(f"No story {story_id} in {db}: `svidok stories list` shows the stories.")
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(detail), ensure_ascii=False, indent=2))
        return
    s = detail.story
    click.echo(f"Story {s.id}: {s.title or ''}")
    click.echo(f"{s.article_count} articles, {_span(s.first_day, s.last_day)}, "
               f"languages {', '.join(s.languages) or '-'}, outlets {', '.join(s.outlets)}\n")  # fmt: skip
    rows = [("day", "outlet", "lang", "article", "score", "title / url")]
    for a in detail.articles:
        score = "dup" if a.duplicate_of else f"{a.similarity:.2f}"
        rows.append(
            (a.day, a.outlet or "", a.language or "", str(a.id), score, (a.title or a.url or "")[:70])
        )
    click.echo(_table(rows))
    click.echo("\nFraming by outlet")
    for f in detail.framing:
        narratives = "; ".join(f"{n.title or n.narrative} ({n.stance})" for n in f.narratives) or "none"
        speakers = ", ".join(f"{c.value} {c.count}" for c in f.speakers) or "nobody"
        click.echo(
            f"  {f.outlet} ({len(f.article_ids)} articles): narratives: {narratives}; quotes: {speakers}"
        )


@stories.command()
@db_option
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
def update(db: str, progress: bool | None) -> None:
    """Put every article that is in no story yet into one (after ingesting with the library or
    the web API, after an article's text changed, or once after upgrading an archive made before
    stories: about 0.1-0.2 s an article)."""
    import sys

    from tqdm import tqdm

    from svidok.errors import SvidokError
    from svidok.stories.archive import pending_count

    show = sys.stderr.isatty() if progress is None else progress
    try:
        with _open(db) as store, tqdm(
            total=pending_count(store), unit="article", file=sys.stderr, disable=not show
        ) as bar:
            result = store.update_stories(progress=bar.update)
    except SvidokError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"stories: {result.assigned} articles assigned, {result.new_stories} new stories")
