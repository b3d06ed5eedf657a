"""Articles: the archive's list (filters, pagination), one analysis, and facet counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..records import fold
from ..search import SearchError
from .common import Count, Page, Where, paged

ARTICLE_COLUMNS = (
    "a.id, a.external_id, a.url, a.title, a.published, a.outlet, a.language, "
    "(SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id), "
    "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id)"
)
ARTICLE_ORDER = "ORDER BY a.published DESC NULLS LAST, a.id DESC"


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    external_id: str | None
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    language: str | None
    mention_count: int
    quote_count: int


def article_from_row(row: tuple) -> ArticleSummary:
    return ArticleSummary(*row[:7], int(row[7]), int(row[8]))


def list_articles(
    store,
    *,
    outlet: str | None = None,
    language: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Page[ArticleSummary]:
    """Articles newest first (undated last), filtered by outlet, language and date range."""
    where = Where()
    if outlet:
        where.add("a.outlet_fold = ?", fold(outlet))
    if language:
        where.add("a.language = ?", language)
    where.dates("a.published", date_from, date_to)
    return paged(
        store, f"SELECT {ARTICLE_COLUMNS} FROM articles a", "SELECT COUNT(*) FROM articles a",
        where, ARTICLE_ORDER, limit, offset, article_from_row,
    )  # fmt: skip


def get_article(store, article_id: int) -> ArticleSummary | None:
    rows = store._read(f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (int(article_id),))
    return article_from_row(rows[0]) if rows else None


def article_openings(store, article_ids: list[int], chars: int = 240) -> dict[int, str]:
    """The first ``chars`` characters of each article's text, on one line (for result lists)."""
    ids = [int(i) for i in article_ids]
    if not ids:
        return {}
    rows = store._read(
        f"SELECT id, substr(text, 1, ?) FROM articles WHERE id IN ({', '.join('?' * len(ids))})",
        [chars, *ids],
    )
    return {int(i): " ".join(str(text).split()) for i, text in rows}


def article_analysis(store, article_id: int) -> dict[str, Any] | None:
    """The stored svidok.analysis/1 object, None when there is no such article."""
    return store.analysis(int(article_id))


# facet name -> (SELECT value, article count ... FROM, article id column, condition, GROUP BY)
_FACETS = {
    "outlet": ("SELECT outlet, COUNT(*) FROM articles", "id", "outlet IS NOT NULL", "outlet"),
    "language": ("SELECT language, COUNT(*) FROM articles", "id", "language IS NOT NULL", "language"),
    "speaker": (
        (
            "SELECT COALESCE(q.speaker_name, e.name), COUNT(DISTINCT q.article_id) FROM quotes q "
            "LEFT JOIN entities e ON e.id = q.speaker_entity_id"
        ),
        "q.article_id",
        "COALESCE(q.speaker_name, e.name) IS NOT NULL",
        "COALESCE(q.speaker_name, e.name)",
    ),
    "source": (
        "SELECT MIN(name), COUNT(DISTINCT article_id) FROM sources",
        "article_id",
        "1 = 1",
        "name_fold",
    ),
    "entity": (
        "SELECT e.name, COUNT(DISTINCT m.article_id) FROM mentions m JOIN entities e ON e.id = m.entity_id",
        "m.article_id",
        "1 = 1",
        "e.id, e.name",
    ),
}
FACETS = tuple(_FACETS)
MAX_FACET_ARTICLES = 1000  # facets of a search count its first this many hits


def facet_counts(store, facet: str, limit: int = 12, *, article_ids: list[int] | None = None) -> list[Count]:
    """The commonest values of a search facet with their article counts (ties by value), over
    the whole archive or over ``article_ids`` (the hits of a search)."""
    if facet not in _FACETS:
        raise SearchError(f"Unknown facet {facet!r}: use one of {', '.join(FACETS)}.")
    select, id_column, condition, group = _FACETS[facet]
    params: list[Any] = []
    if article_ids is not None:
        ids = [int(i) for i in article_ids[:MAX_FACET_ARTICLES]]
        if not ids:
            return []
        condition += f" AND {id_column} IN ({', '.join('?' * len(ids))})"
        params = ids
    rows = store._read(
        f"{select} WHERE {condition} GROUP BY {group} ORDER BY 2 DESC, 1 LIMIT ?", [*params, int(limit)]
    )
    # Re-sorted here: PostgreSQL's collation may order text ties differently from SQLite's bytes.
    return sorted((Count(str(value), int(n)) for value, n in rows), key=lambda c: (-c.count, c.value))
