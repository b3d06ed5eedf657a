"""Idempotent ingest, replacement with history, and all-or-nothing writes."""

from __future__ import annotations

import pytest

from svidok.store import PutStatus

from .conftest import make_doc, row_counts

TEXT = "Володимир Зеленський заявив: «Ми не поступимося». Переговори з Путіним неможливі, повідомляє Reuters."
ENTITIES = [
    ("zel", "Володимир Зеленський", "PER", ["Володимир Зеленський"]),
    ("putin", "Володимир Путін", "PER", ["Путіним"]),
]


def article(text=TEXT, **meta):
    return make_doc(text, entities=ENTITIES, quotes=[("Ми не поступимося", "zel")],
                    sources=[("Reuters", None)], **meta)  # fmt: skip


@pytest.mark.parametrize(
    "first,second",
    [
        ({"url": "https://x/1"}, {"url": "https://x/1"}),
        (
            {"url": "https://x/1"},
            {"url": "https://x/1", "text": TEXT.replace("неможливі, ", "неможливі,\n  ")},
        ),  # same normalised text
        ({}, {}),  # no URL: the text hash decides
        ({}, {"text": "  " + TEXT + "\n"}),
    ],
)
def test_same_article_is_stored_once(store, first, second):
    one = store.put(article(**first))
    two = store.put(article(**second))
    assert (one.status, two.status) == (PutStatus.STORED, PutStatus.UNCHANGED)
    assert one.article_id == two.article_id
    counts = row_counts(store)
    assert (counts["articles"], counts["ingest_history"], counts["mentions"]) == (1, 1, 2)


def test_different_articles_are_both_stored(store):
    assert store.put(article(url="https://x/1")).status == PutStatus.STORED
    assert store.put(article(url="https://x/2")).status == PutStatus.STORED
    assert store.put(article(text=TEXT + " Інша стаття.")).status == PutStatus.STORED
    counts = row_counts(store)
    assert counts["articles"] == 3
    assert counts["entities"] == 2  # shared by key across articles
    assert counts["mentions"] == 6


def test_changed_text_replaces_the_analysis_and_appends_history(store):
    first = store.put(article(url="https://x/1"))
    changed = make_doc("Кабінет міністрів ухвалив рішення про вибори.", url="https://x/1",
                       entities=[("cab", "Кабінет міністрів", "ORG", ["Кабінет міністрів"])])  # fmt: skip
    second = store.put(changed)
    assert second == type(second)(PutStatus.UPDATED, first.article_id)
    assert [h.status for h in store.history(first.article_id)] == ["stored", "updated"]
    assert store.analysis(first.article_id)["text"] == changed.text
    counts = row_counts(store)
    assert (counts["articles"], counts["mentions"], counts["quotes"], counts["sources"]) == (1, 1, 0, 0)
    assert store.search("путін") == []
    assert [h.article_id for h in store.search("вибори")] == [first.article_id]


def test_stored_analysis_is_the_contract_object(store):
    import svidok

    doc = article(url="https://x/1")
    stored = store.analysis(store.put(doc).article_id)
    svidok.validate(stored)
    assert stored == svidok.to_dict(doc)


def _fail_midway(monkeypatch, store):
    """Make the write fail after the article row, entities and mentions are written."""

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_write_quotes_and_sources", boom)


def test_failed_first_write_leaves_nothing(store, monkeypatch):
    _fail_midway(monkeypatch, store)
    with pytest.raises(RuntimeError):
        store.put(article(url="https://x/1"))
    assert row_counts(store) == dict.fromkeys(row_counts(store), 0)
    assert store.search("путін") == []


def test_failed_update_keeps_the_old_article(store, monkeypatch):
    first = store.put(article(url="https://x/1"))
    before = row_counts(store), store.analysis(first.article_id)
    _fail_midway(monkeypatch, store)
    with pytest.raises(RuntimeError):
        store.put(make_doc("Зовсім інший текст про вибори.", url="https://x/1"))
    assert (row_counts(store), store.analysis(first.article_id)) == before
    assert [h.article_id for h in store.search("путін")] == [first.article_id]
    assert store.search("вибори") == []
    monkeypatch.undo()
    assert (
        store.put(make_doc("Зовсім інший текст про вибори.", url="https://x/1")).status == PutStatus.UPDATED
    )


def test_unanalysed_document_is_analysed_first(store):
    import svidok

    result = store.put(svidok.Document(text="Переговори з Путіним неможливі.", id="raw"))
    assert result.status == PutStatus.STORED
    assert [h.external_id for h in store.search("путін")] == ["raw"]


def test_database_errors_become_store_errors(store, monkeypatch):
    from svidok.store import StoreError

    store.put(article(url="https://x/1"))
    # A second row with the same URL breaks the UNIQUE constraint inside the transaction.
    monkeypatch.setattr(store, "_find_existing", lambda run, record: None)
    with pytest.raises(StoreError, match="Could not store article"):
        store.put(article(url="https://x/1", text=TEXT + " Оновлено."))
    counts = row_counts(store)
    assert (counts["articles"], counts["ingest_history"]) == (1, 1)


def test_threads_and_a_second_handle_write_without_losing_articles(store_url):
    from concurrent.futures import ThreadPoolExecutor

    from svidok.store import open_store

    docs = [article(url=f"https://x/{i}") for i in range(12)]
    with open_store(store_url) as first, open_store(store_url) as second:
        with ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(lambda i: (first, second)[i % 2].put(docs[i]).status, range(12)))
        assert statuses == [PutStatus.STORED] * 12
        assert first.count() == second.count() == 12
        assert len(second.search("путін", limit=100)) == 12
