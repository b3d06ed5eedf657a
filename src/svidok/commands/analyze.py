"""``svidok analyze``: read articles (text, HTML, RSS/Atom, JSON Lines, CSV), analyse them, and
print the results as JSON, JSON Lines, a terminal table or an HTML page.

Output formats:

* ``jsonl``: one ``svidok.analysis/1`` object per line, in input order; ``id`` is the record's id.
* ``json``: one indented object for a single article, a JSON array when there are several.
* ``table``: a readable summary per article (the default on a terminal).
* ``html``: one standalone page for all articles.

Unreadable inputs are reported on stderr as ``svidok: skipped <origin>: <reason>``; the rest of
the batch goes on, and the exit status is 1 when anything was skipped.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from typing import IO

import click

from svidok.ingest.detect import INPUT_FORMATS

log = logging.getLogger(__name__)

OUTPUT_FORMATS = ("json", "jsonl", "table", "html")
LANGUAGES = ("uk", "ru", "en")
_SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html"}


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--input-format", "-i", type=click.Choice(INPUT_FORMATS), help="Force a reader (default: detect)."
)
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    help="Output format (default: table on a terminal, else jsonl; or from --output's extension).",
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language of every article (default: detect).")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here, not stdout."
)
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal)."
)
def analyze(
    paths: tuple[str, ...],
    input_format: str | None,
    output_format: str | None,
    lang: str | None,
    output: str | None,
    progress: bool | None,
) -> None:
    """Analyse articles in PATHS (files, directories, or - for stdin).

    With --format json, one article prints as one JSON object, several as a JSON array.
    Unreadable inputs are reported on stderr and skipped; the exit status is then 1.
    """
    fmt = output_format or _default_format(output)
    if progress is None:
        progress = sys.stderr.isatty()
    skipped = SkipCount()
    docs = _analysed(paths, input_format, lang, progress, skipped)
    if output:
        with open(output, "w", encoding="utf-8", newline="\n") as sink:
            _write(docs, fmt, sink)
    else:
        _write(docs, fmt, click.get_text_stream("stdout"))
    if skipped.count:
        click.echo(f"svidok: {skipped.count} input(s) skipped", err=True)
        sys.exit(1)


class SkipCount:
    """How many inputs were skipped (shared with the generator that does the work)."""

    def __init__(self) -> None:
        self.count = 0


def _default_format(output: str | None) -> str:
    if output:
        suffix = output[output.rfind(".") :].lower() if "." in output else ""
        return _SUFFIX_FORMATS.get(suffix, "jsonl")
    return "table" if sys.stdout.isatty() else "jsonl"


def _analysed(paths, input_format, lang, progress: bool, skipped: SkipCount) -> Iterator[dict]:
    """The analysis dict of each readable article; what cannot be read or analysed is reported."""
    import svidok
    from svidok.ingest import ReadError, read_inputs

    bar = None
    try:
        for number, item in enumerate(read_inputs(paths, input_format), 1):
            if number == 2 and progress:  # a bar for one article is noise
                bar = _progress_bar(initial=1)
            if bar is not None:
                bar.update(1)
            if isinstance(item, ReadError):
                _skip(skipped, item.origin, item.reason)
                continue
            try:
                doc = svidok.analyze(item.to_document(language=lang))
            except Exception as exc:  # one bad article must not stop a batch
                log.debug("analysis of %s failed", item.origin, exc_info=True)
                _skip(skipped, item.origin, f"analysis failed: {exc}")
                continue
            yield svidok.to_dict(doc)
    finally:
        if bar is not None:
            bar.close()


def _progress_bar(initial: int):
    from tqdm import tqdm

    return tqdm(initial=initial - 1, unit=" articles", file=sys.stderr, leave=False, dynamic_ncols=True)


def _skip(skipped: SkipCount, origin: str, reason: str) -> None:
    skipped.count += 1
    click.echo(f"svidok: skipped {origin}: {reason}", err=True)


def _write(docs: Iterator[dict], fmt: str, sink: IO[str]) -> None:
    if fmt == "jsonl":
        for obj in docs:
            sink.write(json.dumps(obj, ensure_ascii=False) + "\n")
            sink.flush()
    elif fmt == "table":
        from svidok.render import render_table

        for n, obj in enumerate(docs):
            sink.write(("\n" if n else "") + render_table(obj))
            sink.flush()
    elif fmt == "json":
        objs = list(docs)
        value = objs[0] if len(objs) == 1 else objs
        sink.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    else:
        from svidok.render import render_html

        sink.write(render_html(list(docs)))
