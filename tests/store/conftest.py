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
