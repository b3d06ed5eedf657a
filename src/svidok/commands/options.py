"""Options shared by several sub-commands, declared once."""

from __future__ import annotations

import click

db_option = click.option(
    "--db",
    default="svidok.db",
    envvar="SVIDOK_DB",
    show_default=True,
    help="Archive: a SQLite file path, sqlite:///path or postgresql://… (env SVIDOK_DB).",
)
