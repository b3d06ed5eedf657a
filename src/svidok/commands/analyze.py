"""``svidok analyze`` (being built: readers and output formats)."""

from __future__ import annotations

import sys

import click


@click.command()
@click.argument("paths", nargs=-1, required=True)
def analyze(paths: tuple[str, ...]) -> None:
    """Analyse articles and print the svidok.analysis/1 JSON."""
    import svidok

    for path in paths:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        click.echo(svidok.to_json(svidok.analyze(text, id=path)))
