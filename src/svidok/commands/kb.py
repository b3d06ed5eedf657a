"""``svidok kb``: look up, add and import knowledge-base entries.

Additions go to the user's knowledge-base file (``$SVIDOK_KB`` or ``~/.svidok/kb.tsv``), read
after the packaged data, so an added alias or entity is used by the next analysis.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..kb import TYPES, KBError, load_kb, parse_row, user_kb_path
from ..kb.matcher import alias_index


def _entry_dict(entry) -> dict:
    return {"id": entry.id, "type": entry.type, "name": entry.name, "qid": entry.qid,
            "aliases": list(entry.aliases), "lowercase": entry.lowercase, "media": entry.media,
            "company": entry.company}  # fmt: skip


def _append_rows(rows: list[str]) -> Path:
    path = user_kb_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        for row in rows:
            fh.write(row.rstrip("\n") + "\n")
    load_kb.cache_clear()
    alias_index.cache_clear()
    return path


@click.group("kb")
def kb() -> None:
    """Inspect and extend the knowledge base of people, organisations, media and places."""


@kb.command("show")
@click.argument("name")
def show(name: str) -> None:
    """Show entries matching NAME in any spelling or case (Путіна, Vladimir Putin) or by id."""
    base = load_kb()
    found = [base.by_id[name]] if name in base.by_id else base.lookup(name)
    if not found:
        found = base.lookup_surname(name)
    if not found:
        raise click.ClickException(f"No knowledge-base entry matches {name!r}.")
    click.echo(json.dumps([_entry_dict(e) for e in found], ensure_ascii=False, indent=2))


@kb.command("add")
@click.argument("name")
@click.option("--type", "etype", type=click.Choice(TYPES), required=True, help="Entity type.")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--qid", default="", help="Wikidata QID, e.g. Q7747.")
@click.option("--id", "entry_id", default="", help="Explicit svidok id (default: derived from NAME).")
@click.option("--lowercase", is_flag=True, help="The name may be written in lowercase on purpose.")
@click.option("--media", is_flag=True, help="A news outlet or agency (cited as a source, 'Видання пише').")
@click.option("--company", is_flag=True, help="A business ('за даними X' quotes its own version).")
def add(
    name: str, etype: str, aliases: tuple[str, ...], qid: str, entry_id: str, lowercase: bool, media: bool,
    company: bool,
) -> None:  # fmt: skip
    """Add an entity NAME (Ukrainian, nominative) or more aliases to an existing id."""
    flag_words = ("lc" if lowercase else "", "media" if media else "", "company" if company else "")
    wanted = (*flag_words, f"id={entry_id}" if entry_id else "")
    flags = ",".join(f for f in wanted if f)
    row = "\t".join([etype, name, "|".join(aliases), qid, flags])
    entry = parse_row(row, "command line")
    path = _append_rows([row])
    click.echo(f"added {entry.id} to {path}")


@kb.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_file(file: Path) -> None:
    """Import entries from a TSV FILE (type, name, aliases|..., qid, flags)."""
    lines = file.read_text(encoding="utf-8").splitlines()
    try:
        entries = [e for n, line in enumerate(lines, 1) if (e := parse_row(line, f"{file}:{n}"))]
    except KBError as exc:
        raise click.ClickException(str(exc)) from exc
    path = _append_rows([line for line in lines if line.strip() and not line.startswith("#")])
    click.echo(f"imported {len(entries)} entries into {path}")
