"""Read-side queries (lists, entity pages, quotes, sources, networks), on every backend."""

from __future__ import annotations

import pytest

from svidok.store import SearchError
from svidok.store import queries as Q

from .conftest import make_doc
from .test_search import CORPUS

EXTRA = {
    "E": {
        "text": "Дмитрий Песков заявил: «Путин готов к переговорам с Зеленским». Так пишет ТАСС.",
        "url": "https://ria.ru/e", "outlet": "ria.ru", "published": "2024-02-10T18:00:00", "language": "ru",
        "entities": [("peskov", "Дмитрий Песков", "PER", ["Дмитрий Песков"]),
                     ("putin", "Владимир Путин", "PER", ["Путин"], "Q7747"),
                     ("zel", "Володимир Зеленський", "PER", ["Зеленским"])],
        "quotes": [("Путин готов к переговорам с Зеленским", "peskov")],
        "sources": [("ТАСС", None)],
    },
}  # fmt: skip


@pytest.fixture
def archive(store):
    ids = {name: store.put(make_doc(**spec)).article_id for name, spec in {**CORPUS, **EXTRA}.items()}
    return store, ids


def _entity_id(store, name: str) -> int:
    return next(e.id for e in Q.list_entities(store, limit=100).items if e.name == name)


def test_list_articles_filters_and_pages(archive):
    store, ids = archive
    page = Q.list_articles(store)
    assert page.total == 5
    assert [a.id for a in page.items] == [ids[n] for n in ("A", "E", "B", "C", "D")]  # newest, undated last
    assert Q.list_articles(store, outlet="RIA.ru").total == 2
    assert [a.id for a in Q.list_articles(store, language="en").items] == [ids["C"]]
    dated = Q.list_articles(store, date_from="2024-01-01", date_to="2024-02-10")
    assert {a.id for a in dated.items} == {ids["B"], ids["E"]}
    second = Q.list_articles(store, limit=2, offset=2)
    assert [a.id for a in second.items] == [ids["B"], ids["C"]] and second.total == 5
    first = Q.list_articles(store, limit=1).items[0]
    assert first.mention_count == 2 and first.quote_count == 1 and first.title == "Зеленський про переговори"


@pytest.mark.parametrize("bad", [{"limit": 0}, {"limit": 5000}, {"offset": -1}, {"offset": 10**12},
                                 {"date_from": "yesterday"}])  # fmt: skip
def test_bad_paging_and_dates_are_search_errors(archive, bad):
    with pytest.raises(SearchError):
        Q.list_articles(archive[0], **bad)


def test_article_analysis_is_the_stored_json(archive):
    store, ids = archive
    obj = Q.article_analysis(store, ids["E"])
    assert obj["schema"].startswith("svidok.analysis/") and obj["text"].startswith("Дмитрий Песков")
    assert Q.article_analysis(store, 10**6) is None


def test_entities_by_mentions_and_type(archive):
    store, _ = archive
    page = Q.list_entities(store)
    counts = {e.name: (e.mention_count, e.article_count) for e in page.items}
    # Путін has one KB key across uk and ru articles: one entity, three mentions in three articles
    putin = [e for e in page.items if e.kb_id == "Q7747"]
    assert len(putin) == 1 and (putin[0].mention_count, putin[0].article_count) == (3, 3)
    assert page.items[0].kb_id == "Q7747"  # most mentioned first
    assert counts["Дмитрий Песков"] == (2, 2)
    assert Q.list_entities(store, type="LOC").total == 0
    assert [e.name for e in Q.list_entities(store, name="песк").items] == ["Дмитрий Песков"]
    with pytest.raises(SearchError):
        Q.list_entities(store, type="PER' OR 1=1 --")


def test_entity_detail(archive):
    store, ids = archive
    putin = next(e for e in Q.list_entities(store).items if e.kb_id == "Q7747")
    detail = Q.entity_detail(store, putin.id)
    assert {a.value for a in detail.aliases} == {"Путіним", "Путина", "Путин"}
    assert {a.id for a in detail.articles} == {ids["A"], ids["B"], ids["E"]}
    assert [(c.value, c.count) for c in detail.mentions_per_day] == [("2024-02-10", 2), ("2024-03-01", 1)]
    assert detail.quotes_by == []
    assert {q.text for q in detail.quotes_about} == {
        "Путина не пригласили на саммит",
        "Путин готов к переговорам с Зеленским",
    }
    shared = {e.target_name: e.weight for e in detail.co_occurring}
    assert shared["Дмитрий Песков"] == 2 and shared["Володимир Зеленський"] == 2
    peskov = Q.entity_detail(store, _entity_id(store, "Дмитрий Песков"))
    assert len(peskov.quotes_by) == 2 and all(q.speaker == "Дмитрий Песков" for q in peskov.quotes_by)
    assert Q.entity_detail(store, 10**6) is None


def test_quotes_filters(archive):
    store, ids = archive
    assert Q.list_quotes(store).total == 3
    by = Q.list_quotes(store, speaker="песков")
    assert by.total == 2 and {q.article_id for q in by.items} == {ids["B"], ids["E"]}
    quote = Q.list_quotes(store, language="uk").items[0]
    text = CORPUS["A"]["text"]
    assert text[quote.start : quote.end] == quote.text == "Ми не поступимося територіями"
    assert Q.list_quotes(store, date_to="2024-02-28").total == 2
    assert Q.list_quotes(store, article_id=ids["E"]).items[0].quote_id == "q0"
    zel = _entity_id(store, "Володимир Зеленський")
    assert [q.article_id for q in Q.list_quotes(store, about_id=zel).items] == [ids["E"]]
    assert Q.list_quotes(store, speaker="%").total == 0  # LIKE wildcards are plain text


def test_sources_grouped_by_name(archive):
    store, _ = archive
    page = Q.list_sources(store)
    assert page.total == 3
    assert (page.items[0].name, page.items[0].citations, page.items[0].article_count) == ("ТАСС", 2, 2)
    assert [s.name for s in Q.list_sources(store, name="bbc").items] == ["BBC"]


def test_quote_network_and_facets(archive):
    store, _ = archive
    edges = Q.quote_edges(store)
    pairs = {(e.source_name, e.target_name): e.weight for e in edges}
    # the Ukrainian spelling names the shared entity, whichever article was stored first
    assert pairs == {("Дмитрий Песков", "Володимир Путін"): 2, ("Дмитрий Песков", "Володимир Зеленський"): 1}
    zel = _entity_id(store, "Володимир Зеленський")
    assert [e.source_name for e in Q.quote_edges(store, entity_id=zel)] == ["Дмитрий Песков"]
    outlets = Q.facet_counts(store, "outlet")
    assert (outlets[0].value, outlets[0].count) == ("ria.ru", 2)
    assert Q.facet_counts(store, "speaker")[0].value == "Дмитрий Песков"
    with pytest.raises(SearchError):
        Q.facet_counts(store, "text; DROP TABLE articles")


def test_search_quoted_about(archive):
    store, ids = archive
    assert {h.article_id for h in store.search(quoted_about="Путін")} == {ids["B"], ids["E"]}
    assert [h.article_id for h in store.search(quoted_about="Зеленський")] == [ids["E"]]


def test_co_mentions_count_only_the_latest_articles(archive, monkeypatch):
    from svidok.store.queries import network

    store, _ = archive
    putin = next(e for e in Q.list_entities(store).items if e.kb_id == "Q7747")
    assert {e.target_name for e in Q.co_mentions(store, putin.id)} == {
        "Дмитрий Песков", "Володимир Зеленський"}  # fmt: skip
    monkeypatch.setattr(network, "CO_MENTION_ARTICLES", 1)  # A (2024-03-01) is Путін's latest article
    assert [(e.target_name, e.weight) for e in Q.co_mentions(store, putin.id)] == [
        ("Володимир Зеленський", 1)
    ]


def test_entity_detail_quotes_are_not_counted_twice(archive):
    store, _ = archive
    page = Q.list_quotes(store, speaker="песков", count_total=False)
    assert page.total == -1 and len(page.items) == 2


def test_facets_over_some_articles(archive):
    store, ids = archive
    outlets = Q.facet_counts(store, "outlet", article_ids=[ids["A"], ids["B"]])
    assert [(c.value, c.count) for c in outlets] == [("pravda.com.ua", 1), ("ria.ru", 1)]
    assert Q.facet_counts(store, "speaker", article_ids=[]) == []
    sources = Q.facet_counts(store, "source", article_ids=[ids["B"], ids["E"]])
    assert [(c.value, c.count) for c in sources] == [("ТАСС", 2)]


def test_article_openings(archive):
    store, ids = archive
    openings = Q.article_openings(store, [ids["C"], ids["D"]], chars=20)
    assert openings == {ids["C"]: "Ukrainian officials", ids["D"]: CORPUS["D"]["text"][:20]}  # on one line
    assert Q.article_openings(store, []) == {}
