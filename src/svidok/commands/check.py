"""``svidok check``: verify that an archive is whole and consistent (exit 1 when it is not)."""

from __future__ import annotations

import json
import sys

import click

from .options import db_option
from .search import _require_existing_sqlite


def _format_report(report) -> str:
    lines = [f"Archive {report.location} ({report.dialect}, {report.articles} articles)"]
    for check in report.checks:
        mark = "ok  " if check.ok else "FAIL"
        lines.append(f"  {mark}  {check.name:<13} {check.description}")
        lines.extend(f"          - {problem}" for problem in check.problems)
        if check.more:
            lines.append(f"          … and {check.more} more")
    failed = sum(not check.ok for check in report.checks)
    lines.append("All checks passed." if not failed else f"{failed} check(s) failed.")
    return "\n".join(lines)


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def check(db: str, as_json: bool) -> None:
    """Verify an archive: schema version, database integrity, foreign keys, full-text index,
    stored spans (text[start:end] == span text), that every article is stored whole and that
    the stored entity counts match the mentions, and the stories their articles.
    Exit status 0 when clean, 1 when a problem was found."""
    from svidok.errors import SvidokError
    from svidok.store import open_store
    from svidok.store.check import check_archive

    _require_existing_sqlite(db)
    try:
        with open_store(db) as store:
            report = check_archive(store)
    except SvidokError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(_format_report(report))
    if not report.ok:
        sys.exit(1)
