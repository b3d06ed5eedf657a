"""Archive fixtures: every store test runs on SQLite, and on PostgreSQL when
SVIDOK_TEST_POSTGRES names a database that may be wiped (``eval "$(.ci/postgres.sh)"``)."""

from __future__ import annotations

import pytest
from tests.conftest import POSTGRES_URL, wipe_postgres  # noqa: F401  (re-exported to the store tests)

import svidok
from svidok.document import Entity, Mention, Quote, Source, Span


@pytest.fixture
def store(store_url):
    from svidok.store import open_store

    with open_store(store_url) as opened:
        yield opened


def _span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_doc(text: str, *, entities=(), quotes=(), sources=(), **meta) -> svidok.Document:
    """An analysed Document with hand-made entities, quotes and sources.

    ``entities``: (id, name, type, surface forms[, kb_id]); ``quotes``: (quoted text, speaker entity id);
    ``sources``: (surface, entity id or None). Hand-made so the store tests do not depend on
    how well the NER and quote stages do.
    """
    doc = svidok.analyze(svidok.Document(text=text, **meta))
    ids = {ent[0]: f"e{i}" for i, ent in enumerate(entities)}  # the contract's id pattern
    doc.entities = []
    for ent_id, name, etype, surfaces, *kb_id in entities:
        mentions = [Mention(s, *_span_of(text, s), etype, entity=ids[ent_id]) for s in surfaces]
        kb = kb_id[0] if kb_id else None
        doc.entities.append(Entity(ids[ent_id], name, etype, kb_id=kb, mentions=mentions))
    doc.quotes = [
        Quote(f"q{i}", q, *_span_of(text, q), "direct", speaker=ids[speaker])
        for i, (q, speaker) in enumerate(quotes)
    ]
    doc.sources = [
        Source(f"s{i}", surface, Span(surface, *_span_of(text, surface)), entity=ids.get(ent))
        for i, (surface, ent) in enumerate(sources)
    ]
    doc.events, doc.narratives = [], []  # they point at the entities and quotes replaced above
    return doc


def open_at_version(url: str, version: int):
    """An archive migrated only up to ``version``, as an older svidok left it."""
    if url.startswith("postgresql://"):
        from svidok.store.postgres import PostgresStore

        return PostgresStore(url, target_version=version)
    from svidok.store.sqlite import SQLiteStore

    return SQLiteStore(url, target_version=version)


def row_counts(store) -> dict[str, int]:
    tables = ("articles", "ingest_history", "entities", "mentions", "quotes", "sources")
    return {t: store._read(f"SELECT COUNT(*) FROM {t}")[0][0] for t in tables}


def put_without_counts(store, run, doc) -> None:
    """Store an analysed article the way svidok did before migration 3 (no counts on entity
    rows), into an archive ``store`` opened at an older version."""
    from svidok.store.records import fold, to_record

    record = to_record(doc)
    article_id = run(
        "INSERT INTO articles (url, language, text, text_hash, analysis, lemmas, ingested_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 'then', 'then') RETURNING id",
        (record.url, record.language, record.text, record.text_hash, store._json_param(record.analysis_json()), record.lemmas),
    )[0][0]
    for ent in record.entities.values():
        entity_id = run(
            "INSERT INTO entities (key, name, name_fold, type) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET name = entities.name RETURNING id",
            (ent.key, ent.name, fold(ent.name), ent.type),
        )[0][0]
        for start, end, text in ent.mentions:
            run(
                "INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)",
                (article_id, entity_id, start, end, text),
            )
