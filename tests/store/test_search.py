"""Full-text lemma search, filters, sorting, paging and hostile queries, on every backend."""

from __future__ import annotations

import pytest

from svidok.store import SearchError, SearchHit, open_store

from .conftest import POSTGRES_URL, make_doc, wipe_postgres

PUTIN = ("putin", "Володимир Путін", "PER", ["Путіним"], "Q7747")
CORPUS = {
    "A": {
        "text": "Володимир Зеленський заявив: «Ми не поступимося територіями». "
        "Переговори з Путіним неможливі, повідомляє Reuters.",
        "url": "https://pravda.com.ua/a", "title": "Зеленський про переговори", "outlet": "pravda.com.ua",
        "published": "2024-03-01T10:00:00+02:00", "language": "uk",
        "entities": [("zel", "Володимир Зеленський", "PER", ["Володимир Зеленський"]), PUTIN],
        "quotes": [("Ми не поступимося територіями", "zel")],
        "sources": [("Reuters", None)],
    },
    "B": {
        "text": "Пресс-секретарь Дмитрий Песков сказал, что Путина не пригласили на саммит. "
        "Об этом сообщает ТАСС.",
        "url": "https://ria.ru/b", "outlet": "ria.ru", "published": "2024-02-10", "language": "ru",
        "entities": [("peskov", "Дмитрий Песков", "PER", ["Дмитрий Песков"]),
                  ("putin", "Владимир Путин", "PER", ["Путина"], "Q7747")],
        "quotes": [("Путина не пригласили на саммит", "peskov")],
        "sources": [("ТАСС", None)],
    },
    "C": {
        "text": "Ukrainian officials met in Kyiv on Monday, the BBC reported.",
        "url": "https://bbc.com/c", "outlet": "bbc.com", "published": "2023-12-31", "language": "en",
        "sources": [("BBC", None)],
    },
    "D": {"text": "Кабінет міністрів ухвалив рішення про вибори.", "language": "uk"},
}  # fmt: skip


def fill(store) -> dict[str, int]:
    return {name: store.put(make_doc(**spec)).article_id for name, spec in CORPUS.items()}


@pytest.fixture
def archive(store):
    return store, fill(store)


def names(hits: list[SearchHit], ids: dict[str, int]) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[h.article_id] for h in hits]


LEMMA_CASES = [
    ("путін", {"A", "B"}),  # Путіним (uk) and Путина (ru) share the folded lemma
    ("Путіна", {"A", "B"}),
    ("путиным", {"A", "B"}),
    ("переговорах", {"A"}),
    ("official", {"C"}),
    ("вибори", {"D"}),
    ("путін переговори", {"A"}),  # every word must occur
    ("путін саммит", {"B"}),
    ("слово-якого-немає", set()),
]


@pytest.mark.parametrize("query,expected", LEMMA_CASES)
def test_query_matches_any_form_of_a_lemma(archive, query, expected):
    store, ids = archive
    assert set(names(store.search(query), ids)) == expected


FILTER_CASES = [
    ({"entity": "Зеленський"}, ["A"]),
    ({"entity": "путін"}, ["A", "B"]),  # one KB id: one entity across languages
    ({"entity": "Q7747"}, ["A", "B"]),
    ({"entity": "песков"}, ["B"]),  # whole words of the canonical name
    ({"entity": "зелен"}, []),  # not a whole word
    ({"speaker": "Песков"}, ["B"]),
    ({"speaker": "володимир зеленський"}, ["A"]),
    ({"source": "reuters"}, ["A"]),
    ({"source": "ТАСС"}, ["B"]),
    ({"outlet": "RIA.ru"}, ["B"]),
    ({"language": "en"}, ["C"]),
    ({"date_from": "2024-01-01"}, ["A", "B"]),
    ({"date_to": "2023-12-31"}, ["C"]),
    ({"date_from": "2024-02-10", "date_to": "2024-02-10"}, ["B"]),
    ({"query": "путін", "language": "ru"}, ["B"]),
    ({"query": "путін", "entity": "Песков"}, ["B"]),
    ({}, ["A", "B", "C", "D"]),  # newest first, undated last
    ({"limit": 2}, ["A", "B"]),
    ({"limit": 2, "offset": 2}, ["C", "D"]),
    ({"entity": "%"}, []),  # LIKE wildcards are plain characters
    ({"source": "_"}, []),
]


@pytest.mark.parametrize("filters,expected", FILTER_CASES)
def test_filters(archive, filters, expected):
    store, ids = archive
    assert names(store.search(**filters), ids) == expected


@pytest.mark.parametrize("common", [True, False])
@pytest.mark.parametrize("filters,expected", [case for case in FILTER_CASES if "entity" in case[0]])
def test_both_entity_filter_plans_find_the_same_articles(archive, monkeypatch, common, filters, expected):
    """A common entity is tested article by article, a rare one read from its mentions: the
    plan changes the cost only."""
    from svidok.store import search as search_sql

    monkeypatch.setattr(search_sql, "is_common_entity", lambda read, spec: common)
    store, ids = archive
    assert names(store.search(**filters), ids) == expected
    assert names(store.search(**filters, limit=1, offset=1), ids) == expected[1:2]


def test_relevance_sort_scores_every_hit(archive):
    store, ids = archive
    hits = store.search("путін", sort="relevance")
    assert set(names(hits, ids)) == {"A", "B"}
    assert all(h.score is not None for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_hit_carries_the_article_metadata(archive):
    store, _ids = archive
    (hit,) = store.search("переговори")
    assert (hit.url, hit.title, hit.outlet, hit.language) == (
        "https://pravda.com.ua/a", "Зеленський про переговори", "pravda.com.ua", "uk",
    )  # fmt: skip
    assert hit.published.startswith("2024-03-01")


HOSTILE = [
    ('"путін"', {"A", "B"}),  # quotes are not phrase syntax
    ("путін*", {"A", "B"}),  # nor is * a prefix query
    ('путін" OR "вибори', set()),  # OR is a word to look for, not an operator
    ("путін OR вибори", set()),
    ("NEAR(путін переговори)", set()),
    ("lemmas:путін", set()),  # column filters are words too
    ("col:путін", set()),
    ("-путін", {"A", "B"}),
    ("--", set()),
    ('"', set()),
    ("'; DROP TABLE articles; --", set()),
    ("путін') OR 1=1 --", set()),
    ("\\", set()),
    ("%", set()),
    ("путін & ! | <->", {"A", "B"}),  # tsquery operators
]


@pytest.mark.parametrize("query,expected", HOSTILE)
def test_hostile_queries_are_plain_words(archive, query, expected):
    store, ids = archive
    assert set(names(store.search(query), ids)) == expected
    assert store.count() == len(CORPUS)


@pytest.mark.parametrize(
    "filters",
    [{"sort": "newest"}, {"limit": 0}, {"offset": -1}, {"date_from": "2024-13-01"}, {"date_to": "вчора"}],
)
def test_bad_requests_are_clear_errors(store, filters):
    with pytest.raises(SearchError):
        store.search("путін", **filters)


PARITY_QUERIES = [{"query": q} for q, _ in LEMMA_CASES + HOSTILE] + [f for f, _ in FILTER_CASES]


def test_backends_return_the_same_articles(tmp_path):
    if not POSTGRES_URL:
        pytest.skip("SVIDOK_TEST_POSTGRES is not set")
    wipe_postgres(POSTGRES_URL)
    with open_store(tmp_path / "a.db") as lite, open_store(POSTGRES_URL) as pg:
        lite_ids, pg_ids = fill(lite), fill(pg)
        for filters in PARITY_QUERIES:
            assert names(lite.search(**filters), lite_ids) == names(pg.search(**filters), pg_ids), filters
            relevance = dict(filters, sort="relevance")
            assert set(names(lite.search(**relevance), lite_ids)) == set(
                names(pg.search(**relevance), pg_ids)
            )


@pytest.mark.parametrize("name", ["Кирилл Дмитриев", "Kirill Dmitriev", "Кіріл Дмітрієв", "дмитрієв"])
def test_entity_and_speaker_filters_work_across_scripts(store, name):
    import svidok

    store.put(svidok.analyze(
        "Переговорник Кіріл Дмітрієв заявив, що “діалог принесе мир”.", id="cross-script", language="uk"
    ))
    assert [h.external_id for h in store.search(entity=name)] == ["cross-script"]
    assert [h.external_id for h in store.search(speaker=name)] == ["cross-script"]


def test_nul_in_any_text_filter_is_a_clear_search_error(store):
    from svidok.store import SearchError

    for name in ("query", "entity", "speaker", "source", "outlet", "language", "quoted_about"):
        with pytest.raises(SearchError, match="NUL"):
            store.search(**{name: "путін\x00"})
