"""Events, narratives and techniques: indexed on put, back-filled on upgrade, searchable."""

from __future__ import annotations

import pytest

from svidok.store import open_store
from svidok.store.analysis_index import since_version
from svidok.store.records import to_record
from svidok.store.search import SearchError

from .conftest import make_doc, open_at_version

TEXT = (
    "Зеленський зустрівся з Трампом у Вашингтоні. "
    "Міф про те, що Захід спровокував війну, повторює кремлівська пропаганда."
)


def _record(url: str, *, event="MEET", stance="refutes", technique="loaded_language"):
    doc = make_doc(
        TEXT,
        url=url,
        entities=[
            ("z", "Володимир Зеленський", "PER", ["Зеленський"], "per:volodymyr-zelenskyi"),
            ("t", "Дональд Трамп", "PER", ["Трампом"]),
        ],
    )
    record = to_record(doc)
    record.analysis["events"] = [{
        "id": "v1", "type": event, "negated": False, "modality": "actual",
        "actors": [{"entity": "e0", "name": "Володимир Зеленський", "text": "Зеленський"},
                   {"entity": "e1", "name": "Дональд Трамп", "text": "з Трампом"}],
        "targets": [], "place": {"entity": None, "name": "Вашингтон", "text": "у Вашингтоні"},
        "time": None, "sentence": {"text": TEXT[:45], "start": 0, "end": 45},
    }]  # fmt: skip
    record.analysis["narratives"] = [{
        "id": "n1", "narrative": "west-provoked-war", "title": "Захід спровокував війну",
        "score": 0.71, "stance": stance, "quote": None, "speaker_name": None,
        "sentence": {"text": TEXT[46:], "start": 46, "end": len(TEXT)},
    }]  # fmt: skip
    record.analysis["techniques"] = [{"label": technique, "score": 0.8}]
    return record


def _ids(store, **filters):
    return [hit.article_id for hit in store.search(**filters)]


def test_put_indexes_events_narratives_and_techniques_for_search(store):
    meet = store.put_record(_record("https://x/1")).article_id
    other = store.put_record(_record("https://x/2", event="ATTACK", stance="asserts", technique="fud")).article_id
    assert _ids(store, event="meet") == [meet]
    assert _ids(store, event="MEET", event_actor="трамп") == [meet]
    assert _ids(store, event_actor="per:volodymyr-zelenskyi") == [other, meet]
    assert _ids(store, event="MEET", event_actor="Путін") == []
    assert _ids(store, narrative="west-provoked-war", stance="refutes") == [meet]
    assert _ids(store, stance="asserts") == [other]
    assert _ids(store, technique="fud") == [other]
    assert _ids(store, technique="loaded_language", event="ATTACK") == []


def test_updated_article_replaces_its_rows(store):
    article = store.put_record(_record("https://x/1")).article_id
    changed = _record("https://x/1", event="ATTACK", technique="fud")
    changed.text_hash = "changed"
    store.put_record(changed)
    assert _ids(store, event="MEET") == [] and _ids(store, event="ATTACK") == [article]
    assert store._read("SELECT COUNT(*) FROM techniques")[0][0] == 1


@pytest.mark.parametrize(
    "filters, message",
    [
        ({"event": "MEET'; DROP TABLE events; --"}, "event must be an identifier"),
        ({"narrative": "../x"}, "narrative must be an identifier"),
        ({"technique": "a" * 200}, "technique must be an identifier"),
        ({"stance": "loves"}, "Unknown stance"),
        ({"event_actor": "a\x00b"}, "NUL"),
    ],
)
def test_hostile_filter_values_are_refused_clearly(store, filters, message):
    with pytest.raises(SearchError, match=message):
        store.search(**filters)


def test_upgrade_backfills_rows_from_stored_analysis(store_url):
    with open_at_version(store_url, since_version() - 1) as old:
        article = old.put_record(_record("https://x/1")).article_id
        tables = {"events", "narratives", "techniques"}
        assert not tables & _existing_tables(old)
    with open_store(store_url) as store:
        assert _ids(store, event="MEET", narrative="west-provoked-war", technique="loaded_language") == [article]
        assert store.count() == 1
    with open_store(store_url) as again:  # opening again changes nothing
        assert again._read("SELECT COUNT(*) FROM events")[0][0] == 1


def _existing_tables(store) -> set[str]:
    if store.dialect == "sqlite":
        rows = store._read("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = store._read("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {row[0] for row in rows}
