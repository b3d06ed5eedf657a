"""What every read query shares: pages, bounds checks and WHERE-clause building."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..search import MAX_LIMIT, SearchError, _iso_date

T = TypeVar("T")
MAX_OFFSET = 10_000_000  # far past any archive; keeps the value inside every backend's integer


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results; ``total`` counts every match, not just this page (-1: not counted)."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class Count:
    """A value and how often it occurs (facets, aliases, mentions per day)."""

    value: str
    count: int


def check_page(limit: int, offset: int) -> tuple[int, int]:
    if not 0 < int(limit) <= MAX_LIMIT:
        raise SearchError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}.")
    if not 0 <= int(offset) <= MAX_OFFSET:
        raise SearchError(f"offset must be between 0 and {MAX_OFFSET}, not {offset}.")
    return int(limit), int(offset)


def check_date(name: str, value: str | None) -> str | None:
    return None if value is None else _iso_date(name, value)


@dataclass
class Where:
    """AND-ed conditions with their bound parameters, in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *values: Any) -> None:
        self.clauses.append(sql)
        self.params.extend(values)

    def sql(self) -> str:
        return f"WHERE {' AND '.join(self.clauses)}" if self.clauses else ""

    def dates(self, column: str, date_from: str | None, date_to: str | None) -> None:
        if date_from := check_date("date_from", date_from):
            self.add(f"substr({column}, 1, 10) >= ?", date_from)
        if date_to := check_date("date_to", date_to):
            self.add(f"substr({column}, 1, 10) <= ?", date_to)


def paged(
    store, select: str, count: str | None, where: Where, order: str, limit: int, offset: int, make
) -> Page:
    """Run ``select`` (one page) and ``count`` (all matches; None: not counted, total -1)."""
    limit, offset = check_page(limit, offset)
    rows = store._read(f"{select} {where.sql()} {order} LIMIT ? OFFSET ?", [*where.params, limit, offset])
    total = store._read(f"{count} {where.sql()}", where.params)[0][0] if count else -1
    return Page([make(row) for row in rows], int(total), limit, offset)
