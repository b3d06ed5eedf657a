"""Where inputs come from: files, directories (recursive) and ``-`` for stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .article import Article, ReadError, Unreadable, has_visible_text
from .detect import INPUT_FORMATS, detect_format
from .encoding import decode
from .feeds import read_feed
from .html import read_html
from .records import read_csv, read_jsonl

MAX_BYTES = 50 * 1024 * 1024  # one input file; larger batches should be split
STDIN = "-"


def read_inputs(
    paths: Iterable[str | Path], input_format: str | None = None
) -> Iterator[Article | ReadError]:
    """Every article in ``paths`` (files, directories, ``-``), or a ReadError for what is unreadable.

    ``input_format`` forces a reader (one of INPUT_FORMATS); by default each input's format is
    detected from its content.
    """
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise ValueError(f"unknown input format {input_format!r}; expected one of {', '.join(INPUT_FORMATS)}")
    for path in paths:
        for origin, data in _raw_inputs(str(path)):
            if isinstance(data, ReadError):
                yield data
            else:
                yield from read_bytes(data, origin=origin, input_format=input_format)


def read_bytes(data: bytes, *, origin: str, input_format: str | None = None) -> Iterator[Article | ReadError]:
    """The articles in one input's bytes; ``origin`` names it in ids and messages."""
    try:
        if not data.strip():
            raise Unreadable("empty input")
        fmt = input_format or detect_format(data, origin)
        yield from _READERS[fmt](data, origin)
    except Unreadable as exc:
        yield ReadError(origin, str(exc))


def _read_text(data: bytes, origin: str) -> Iterator[Article]:
    text, _ = decode(data)
    text = text.replace("\r\n", "\n")
    if not has_visible_text(text):
        raise Unreadable("empty input (whitespace or invisible characters only)")
    yield Article(id=origin, text=text, origin=origin)


def _read_html(data: bytes, origin: str) -> Iterator[Article]:
    yield read_html(data, origin=origin, default_id=origin)


def _read_feed(data: bytes, origin: str) -> Iterator[Article | ReadError]:
    yield from read_feed(data, origin=origin)


def _read_jsonl(data: bytes, origin: str) -> Iterator[Article | ReadError]:
    yield from read_jsonl(decode(data)[0], origin=origin)


def _read_csv(data: bytes, origin: str) -> Iterator[Article | ReadError]:
    yield from read_csv(decode(data)[0], origin=origin)


_READERS = {"text": _read_text, "html": _read_html, "rss": _read_feed, "jsonl": _read_jsonl, "csv": _read_csv}


def _raw_inputs(path: str) -> Iterator[tuple[str, bytes | ReadError]]:
    """(origin, bytes) per file under ``path``; a ReadError in place of bytes when unreadable."""
    if path == STDIN:
        yield "<stdin>", _read_limited(sys.stdin.buffer, "<stdin>")
        return
    root = Path(path)
    if root.is_dir():
        files = sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(p.relative_to(root)))
        if not files:
            yield path, ReadError(path, "directory has no files")
        for file in files:
            yield str(file), _read_file(file)
    else:
        yield path, _read_file(root)


def _read_file(path: Path) -> bytes | ReadError:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ReadError(str(path), _too_large(size))
        with path.open("rb") as handle:
            return _read_limited(handle, str(path))
    except FileNotFoundError:
        return ReadError(str(path), "no such file or directory")
    except OSError as exc:
        return ReadError(str(path), f"cannot read: {exc.strerror or exc}")


def _read_limited(stream, origin: str) -> bytes | ReadError:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return ReadError(origin, _too_large(len(data), at_least=True))
    return data


def _too_large(size: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"input is too large ({more}{size / 2**20:.1f} MB; the limit is {MAX_BYTES / 2**20:.0f} MB)"


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
