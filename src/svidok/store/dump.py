"""A canonical dump of an archive's content, to check that two ingests of the same input (one
worker or many, a Dask cluster or none, SQLite or PostgreSQL) stored the same thing.

Rows keep their ids (the one writer stores articles in input order, so ids match too); times
of ingest and the svidok version are left out.
"""

from __future__ import annotations

from typing import Any

from .base import Store

_QUERIES = {
    "articles": "SELECT id, external_id, url, title, published, outlet, language, text_hash, analysis, lemmas "
    "FROM articles ORDER BY id",
    "entities": "SELECT id, key, name, name_fold, type, kb_id, qid, mention_count, article_count "
    "FROM entities ORDER BY id",
    "mentions": "SELECT article_id, entity_id, start_offset, end_offset, text FROM mentions "
    "ORDER BY article_id, start_offset, end_offset, entity_id",
    "quotes": "SELECT article_id, quote_id, speaker_entity_id, speaker_name, role, cue, kind, text, "
    "start_offset, end_offset, source_id FROM quotes ORDER BY article_id, quote_id",
    "sources": "SELECT article_id, source_id, name, entity_id, cue, start_offset, end_offset "
    "FROM sources ORDER BY article_id, source_id",
    "history": "SELECT article_id, status, text_hash FROM ingest_history ORDER BY id",
}


def canonical_dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in a fixed order, without times or versions."""
    dump = {table: [tuple(row) for row in store._read(sql)] for table, sql in _QUERIES.items()}
    dump["articles"] = [_without_version(store, row) for row in dump["articles"]]
    return dump


def _without_version(store: Store, row: tuple) -> tuple:
    analysis = dict(store._load_json(row[8]))
    analysis.pop("svidok_version", None)
    return (*row[:8], sorted(analysis.items(), key=lambda kv: kv[0]).__repr__(), row[9])


def content_dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """:func:`canonical_dump` without row ids: articles are named by URL or text hash and entities
    by key, so archives whose writers stored articles in different orders (workers writing in
    parallel) compare equal when they hold the same content."""
    dump = canonical_dump(store)
    article = {row[0]: row[2] or row[7] for row in dump["articles"]}  # url, else text hash
    entity = {row[0]: row[1] for row in dump["entities"]}

    def renamed(rows: list[tuple], article_at: int | None, entity_at: tuple[int, ...]) -> list[tuple]:
        out = []
        for row in rows:
            values = list(row)
            if article_at is not None:
                values[article_at] = article[values[article_at]]
            for at in entity_at:
                values[at] = entity.get(values[at])
            out.append(tuple(values))
        return sorted(out, key=repr)

    return {
        "articles": sorted((row[1:] for row in dump["articles"]), key=repr),
        "entities": sorted((row[1:] for row in dump["entities"]), key=repr),
        "mentions": renamed(dump["mentions"], 0, (1,)),
        "quotes": renamed(dump["quotes"], 0, (2,)),
        "sources": renamed(dump["sources"], 0, (3,)),
        "history": renamed(dump["history"], 0, ()),
    }
