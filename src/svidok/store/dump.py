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
