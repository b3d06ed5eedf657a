"""Networks between entities: who quotes mention whom, and who is mentioned beside whom."""

from __future__ import annotations

from dataclasses import dataclass

from .common import check_page


@dataclass(frozen=True, slots=True)
class Edge:
    """``source`` -> ``target`` with a ``weight``: quotes by source mentioning target
    (``kind="quotes"``), or articles mentioning both (``kind="co-mention"``)."""

    source_id: int
    source_name: str
    target_id: int
    target_name: str
    weight: int
    kind: str


_EDGE_SELECT = (
    "SELECT q.speaker_entity_id, sp.name, m.entity_id, t.name, COUNT(DISTINCT q.id) FROM quotes q "
    "JOIN mentions m ON m.article_id = q.article_id AND m.start_offset >= q.start_offset "
    "AND m.end_offset <= q.end_offset "
    "JOIN entities sp ON sp.id = q.speaker_entity_id JOIN entities t ON t.id = m.entity_id "
    "WHERE m.entity_id <> q.speaker_entity_id"
)
_EDGE_GROUP = "GROUP BY q.speaker_entity_id, sp.name, m.entity_id, t.name"
# co-mentions are counted over the entity's latest articles: bounded work for the commonest entities
CO_MENTION_ARTICLES = 500


def quote_edges(store, *, entity_id: int | None = None, limit: int = 100) -> list[Edge]:
    """Speaker -> entities mentioned inside their quotes, heaviest first; with ``entity_id``
    only the edges from or to that entity."""
    limit, _ = check_page(limit, 0)
    if entity_id is None:
        sql, params = f"{_EDGE_SELECT} {_EDGE_GROUP}", []
    else:  # two indexed halves (an OR would scan every quote)
        sql = (
            f"{_EDGE_SELECT} AND q.speaker_entity_id = ? {_EDGE_GROUP} UNION ALL "
            f"{_EDGE_SELECT} AND m.entity_id = ? {_EDGE_GROUP}"
        )
        params = [int(entity_id), int(entity_id)]
    rows = store._read(f"SELECT * FROM ({sql}) edges ORDER BY 5 DESC, 1, 3 LIMIT ?", [*params, limit])
    return [Edge(s, sn, t, tn, int(w), "quotes") for s, sn, t, tn, w in rows]


def co_mentions(store, entity_id: int, *, limit: int = 30) -> list[Edge]:
    """Entities mentioned in the same articles as ``entity_id`` (among its latest
    CO_MENTION_ARTICLES articles), by number of shared articles."""
    limit, _ = check_page(limit, 0)
    rows = store._read(
        "SELECT e.id, e.name, COUNT(DISTINCT other.article_id), "
        "(SELECT name FROM entities WHERE id = ?) FROM "
        "(SELECT a.id FROM articles a WHERE a.id IN (SELECT m.article_id FROM mentions m WHERE m.entity_id = ?) "
        "ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ?) own "
        "JOIN mentions other ON other.article_id = own.id AND other.entity_id <> ? "
        "JOIN entities e ON e.id = other.entity_id "
        "GROUP BY e.id, e.name ORDER BY 3 DESC, 1 LIMIT ?",
        (int(entity_id), int(entity_id), CO_MENTION_ARTICLES, int(entity_id), limit),
    )
    return [Edge(int(entity_id), own, t, tn, int(w), "co-mention") for t, tn, w, own in rows]
