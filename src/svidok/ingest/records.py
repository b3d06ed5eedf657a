"""Batches with one article per record: JSON Lines and CSV.

A broken line or record becomes a ReadError naming ``file:line``; the rest of the file goes on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from .article import Article, ReadError, has_visible_text

TEXT_FIELDS = ("text", "content", "body")
META_FIELDS = ("title", "url", "published", "outlet", "author")
CSV_DELIMITERS = ",;\t"


def read_jsonl(text: str, *, origin: str) -> Iterator[Article | ReadError]:
    """JSON Lines; a whole-file JSON array of records (or one pretty-printed record) also works."""
    whole = _whole_json(text)
    if whole is not None:
        for number, record in enumerate(whole, 1):
            yield _from_json_value(record, f"{origin}#{number}" if len(whole) > 1 else origin)
        return
    for number, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _from_json_value(record, where)


def _whole_json(text: str) -> list[Any] | None:
    """The records of a file that is one JSON value spanning several lines, else None."""
    stripped = text.strip()
    if not (stripped.startswith("[") or (stripped.startswith("{") and "\n" in stripped)):
        return None
    try:
        value = json.loads(stripped)
    except json.JSONDecodeError:  # JSON Lines, or broken: read line by line
        return None
    return value if isinstance(value, list) else [value]


def _from_json_value(record: Any, where: str) -> Article | ReadError:
    if not isinstance(record, dict):
        return ReadError(where, f"expected a JSON object, found {type(record).__name__}")
    return article_from_record(record, where)


def read_csv(text: str, *, origin: str) -> Iterator[Article | ReadError]:
    lines = _lines(text, keepends=True)
    if not lines:
        yield ReadError(origin, "empty CSV file")
        return
    dialect = _dialect(lines[0])
    header = [name.strip().lower() for name in next(csv.reader(lines[:1], dialect))]
    if not any(name in header for name in TEXT_FIELDS):
        yield ReadError(origin, f"CSV header has no text column (one of {', '.join(TEXT_FIELDS)})")
        return
    _allow_long_fields()
    for line_no, row in _csv_rows(lines, dialect):
        where = f"{origin}:{line_no}"
        if isinstance(row, Exception):
            yield ReadError(where, f"broken CSV record ({row})")
        elif len(row) != len(header):
            yield ReadError(where, f"CSV record has {len(row)} fields, the header has {len(header)}")
        elif any(cell.strip() for cell in row):
            yield article_from_record(dict(zip(header, row)), where)


def _csv_rows(lines: list[str], dialect) -> Iterator[tuple[int, list[str] | Exception]]:
    """(1-based line of the record's start, fields or the csv.Error); after an error, parsing
    starts again on the line after the broken record's first line."""
    pos = 1  # lines[0] is the header
    while pos < len(lines):
        cursor = _LineCursor(lines, pos)
        reader = csv.reader(cursor, dialect, strict=True)
        while True:
            start = cursor.pos
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start + 1, exc
                pos = start + 1
                break
            yield start + 1, row


class _LineCursor:
    """An iterator over ``lines`` that tells which line comes next."""

    def __init__(self, lines: list[str], pos: int):
        self.lines, self.pos = lines, pos

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


def _lines(text: str, keepends: bool = False) -> list[str]:
    """Lines ended by LF, CRLF or CR only: str.splitlines() also splits at U+2028, U+0085 and
    other separators, which JSON and CSV carry unescaped inside values."""
    lines = io.StringIO(text, newline="").readlines()
    return lines if keepends else [line.rstrip("\r\n") for line in lines]


def _dialect(header_line: str):
    class Sniffed(csv.excel):
        delimiter = max(CSV_DELIMITERS, key=header_line.count)

    return Sniffed


def _allow_long_fields() -> None:
    from .sources import MAX_BYTES

    if csv.field_size_limit() < MAX_BYTES:
        csv.field_size_limit(MAX_BYTES)


def article_from_record(record: dict[str, Any], where: str) -> Article | ReadError:
    """An Article from a JSON/CSV record; ``where`` (file:line) is its id when it has none."""
    text = next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if text is None:
        return ReadError(where, f"record has no text field (one of {', '.join(TEXT_FIELDS)})")
    if not has_visible_text(text):
        return ReadError(where, "record text is empty (no visible characters)")
    meta = {key: _clean(record.get(key)) for key in META_FIELDS}
    lang = _clean(record.get("lang") or record.get("language"))
    return Article(
        id=_clean(record.get("id")) or where,
        text=text,
        lang=lang.lower() if lang else None,
        origin=where,
        **meta,
    )


def _clean(value: Any) -> str | None:
    """Record values as strings: numbers become text, blanks become None."""
    if value is None or isinstance(value, (dict, list)):
        return None
    value = str(value).strip()
    return value or None
