"""Archive growth: stored per-entity counts and an index for the entity filter.

``entities.mention_count`` / ``article_count`` are kept exact by the writer (added on insert,
taken back before an updated article's mentions are replaced), so entity lists and the web
``/entities`` page read them instead of counting every mention on each request. They are
filled here from the rows already stored. ``mentions (entity_id, article_id)`` lets the entity
filter go from the matching entities to their articles without reading the mention rows.
"""

VERSION = 3

_COMMON = [
    "ALTER TABLE entities ADD COLUMN mention_count BIGINT NOT NULL DEFAULT 0",
    "ALTER TABLE entities ADD COLUMN article_count BIGINT NOT NULL DEFAULT 0",
    (
        "UPDATE entities SET "
        "mention_count = (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = entities.id), "
        "article_count = (SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = entities.id)"
    ),
    "CREATE INDEX mentions_entity_article ON mentions (entity_id, article_id)",
    "DROP INDEX mentions_entity",  # a prefix of the new index
    "CREATE INDEX entities_by_mentions ON entities (mention_count DESC, id)",
]

SQLITE = list(_COMMON)
POSTGRES = list(_COMMON)
