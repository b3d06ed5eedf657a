"""Entities: the list by mention count, and one entity's page (aliases, articles, timeline,
quotes by and about it, co-occurring entities)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import fold
from ..search import SearchError
from .articles import ARTICLE_COLUMNS, ARTICLE_ORDER, ArticleSummary, article_from_row
from .common import Count, Page, Where, check_page
from .network import Edge, co_mentions
from .quotes import QuoteRow, list_quotes

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
# The counts are stored on the entity row and kept exact by the writer (migration 3): a list
# of entities reads an index instead of counting every mention in the archive.
_ENTITY_COLUMNS = "e.id, e.key, e.name, e.type, e.kb_id, e.qid, e.mention_count, e.article_count"


@dataclass(frozen=True, slots=True)
class EntitySummary:
    id: int
    key: str
    name: str
    type: str
    kb_id: str | None
    qid: str | None
    mention_count: int
    article_count: int


@dataclass(slots=True)
class EntityDetail:
    entity: EntitySummary
    aliases: list[Count] = field(default_factory=list)  # surface forms, commonest first
    articles: list[ArticleSummary] = field(default_factory=list)  # newest first, at most ``limit``
    mentions_per_day: list[Count] = field(default_factory=list)  # YYYY-MM-DD, by day
    quotes_by: list[QuoteRow] = field(default_factory=list)
    quotes_about: list[QuoteRow] = field(default_factory=list)
    co_occurring: list[Edge] = field(default_factory=list)


def _entity(row: tuple) -> EntitySummary:
    return EntitySummary(*row[:6], int(row[6]), int(row[7]))


def list_entities(
    store, *, type: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0
) -> Page[EntitySummary]:
    """Entities with at least one mention, most mentioned first; ``name`` matches a part of the name."""
    limit, offset = check_page(limit, offset)
    where = Where()
    where.add("e.mention_count > 0")
    if type:
        if type not in ENTITY_TYPES:
            raise SearchError(f"Unknown entity type {type!r}: use one of {', '.join(ENTITY_TYPES)}.")
        where.add("e.type = ?", type)
    if name:
        escaped = (fold(name) or "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.add("e.name_fold LIKE ? ESCAPE '\\'", f"%{escaped}%")
    rows = store._read(
        f"SELECT {_ENTITY_COLUMNS} FROM entities e {where.sql()} "
        "ORDER BY e.mention_count DESC, e.id LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
    )
    total = store._read(f"SELECT COUNT(*) FROM entities e {where.sql()}", where.params)[0][0]
    return Page([_entity(row) for row in rows], int(total), limit, offset)


def get_entity(store, entity_id: int) -> EntitySummary | None:
    rows = store._read(
        f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.id = ?",
        (int(entity_id),),
    )
    return _entity(rows[0]) if rows else None


def entity_detail(store, entity_id: int, *, limit: int = 50) -> EntityDetail | None:
    """Everything the entity page shows; None when there is no such entity."""
    entity = get_entity(store, entity_id)
    if entity is None:
        return None
    limit, _ = check_page(limit, 0)
    eid = entity.id
    return EntityDetail(
        entity=entity,
        aliases=_counts(store, "SELECT m.text, COUNT(*) FROM mentions m WHERE m.entity_id = ? "
                        "GROUP BY m.text ORDER BY 2 DESC, 1", eid),
        articles=_articles(store, eid, limit),
        mentions_per_day=_per_day(store, eid),
        quotes_by=list_quotes(store, speaker_id=eid, limit=limit, count_total=False).items,
        quotes_about=list_quotes(store, about_id=eid, limit=limit, count_total=False).items,
        co_occurring=co_mentions(store, eid, limit=min(limit, 30)),
    )  # fmt: skip


def _counts(store, sql: str, *params) -> list[Count]:
    rows = store._read(sql, params)
    return sorted((Count(str(v), int(n)) for v, n in rows), key=lambda c: (-c.count, c.value))


def _articles(store, entity_id: int, limit: int) -> list[ArticleSummary]:
    rows = store._read(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id IN "
        f"(SELECT x.article_id FROM mentions x WHERE x.entity_id = ?) {ARTICLE_ORDER} LIMIT ?",
        (entity_id, limit),
    )
    return [article_from_row(row) for row in rows]


def _per_day(store, entity_id: int) -> list[Count]:
    """Mentions grouped by the publication day of their article (undated articles left out)."""
    rows = store._read(
        "SELECT substr(a.published, 1, 10) AS day, COUNT(*) FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? AND a.published IS NOT NULL "
        "GROUP BY substr(a.published, 1, 10) ORDER BY day",
        (entity_id,),
    )
    return [Count(str(day), int(n)) for day, n in rows]
