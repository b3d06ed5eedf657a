"""Stored per-entity counts (migration 3): exact after inserts, re-ingests of changed articles
and an upgrade of an archive written before them, on every backend."""

from __future__ import annotations

from pathlib import Path

from svidok.store import open_store
from svidok.store import queries as Q

from .conftest import make_doc, open_at_version, put_without_counts

PUTIN = ("putin", "Владимир Путин", "PER", ["Путин", "Путина"], "Q7747")
PESKOV = ("peskov", "Дмитрий Песков", "PER", ["Песков"])
ZELENSKY = ("zel", "Володимир Зеленський", "PER", ["Зеленским"])


def _first() -> dict:
    return {"text": "Песков сказал, что Путин устал. Окружение Путина молчит.", "url": "https://x/1",
            "language": "ru", "entities": [PUTIN, PESKOV]}  # fmt: skip


def _second() -> dict:
    return {"text": "Путин выступил в Москве вечером.", "url": "https://x/2", "language": "ru",
            "entities": [("putin", "Владимир Путин", "PER", ["Путин"], "Q7747")]}  # fmt: skip


def _changed_first() -> dict:
    return {"text": "Путин встретился с Зеленским? Нет, не встретился.", "url": "https://x/1",
            "language": "ru", "entities": [("putin", "Владимир Путин", "PER", ["Путин"], "Q7747"), ZELENSKY]}  # fmt: skip


def stored_counts(store) -> dict[str, tuple[int, int]]:
    """Entity name -> (mentions, articles) as stored on the entity rows."""
    rows = store._read("SELECT name, mention_count, article_count FROM entities")
    return {name: (int(m), int(a)) for name, m, a in rows}


def recounted(store) -> dict[str, tuple[int, int]]:
    """The same counted from the mention rows: what the stored counts must equal."""
    rows = store._read(
        "SELECT e.name, COUNT(m.id), COUNT(DISTINCT m.article_id) FROM entities e "
        "LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY e.id, e.name"
    )
    return {name: (int(m), int(a)) for name, m, a in rows}


def test_counts_follow_inserts_and_reingest_of_a_changed_article(store):
    store.put(make_doc(**_first()))
    store.put(make_doc(**_second()))
    assert stored_counts(store) == recounted(store) == {"Владимир Путин": (3, 2), "Дмитрий Песков": (1, 1)}
    assert store.put(make_doc(**_first())).status.value == "unchanged"
    assert stored_counts(store)["Владимир Путин"] == (3, 2)

    assert store.put(make_doc(**_changed_first())).status.value == "updated"
    expected = {"Владимир Путин": (2, 2), "Дмитрий Песков": (0, 0), "Володимир Зеленський": (1, 1)}
    assert stored_counts(store) == recounted(store) == expected
    listed = {e.name: (e.mention_count, e.article_count) for e in Q.list_entities(store).items}
    assert listed == {"Владимир Путин": (2, 2), "Володимир Зеленський": (1, 1)}  # no mentions left: not listed
    assert Q.list_entities(store).total == 2
    peskov = next(iter(store._read("SELECT id FROM entities WHERE name = ?", ("Дмитрий Песков",))))[0]
    assert Q.get_entity(store, peskov).mention_count == 0


def test_upgrade_fills_the_counts_from_the_stored_mentions(store_url):
    with open_at_version(store_url, 2) as old, old._transaction() as run:
        put_without_counts(old, run, make_doc(**_first()))
        put_without_counts(old, run, make_doc(**_second()))
    with open_store(store_url) as store:
        assert stored_counts(store) == {"Владимир Путин": (3, 2), "Дмитрий Песков": (1, 1)}
        assert store.put(make_doc(**_changed_first())).status.value == "updated"
        assert stored_counts(store) == recounted(store)


SPELLINGS = [  # one name key, several spellings: the archive keeps the preferred one
    (["Liam Denning", "Лиам Деннинг", "Ліам Деннінг"], "Ліам Деннінг"),  # Ukrainian letters win
    (["Liam Denning", "Лиам Деннинг"], "Лиам Деннинг"),  # then Cyrillic over Latin
    (["Дмитрий Кулеба", "Дмитро Кулеба"], "Дмитрий Кулеба"),  # then code point: и < о
]


def _spelled(name: str, n: int) -> dict:
    surname = name.split()[1]
    return {"text": f"{surname} {n} говорил.", "url": f"https://x/{n}", "language": "uk",
            "entities": [("p", name, "PER", [surname])]}  # fmt: skip


def test_entity_name_does_not_depend_on_the_order_articles_are_stored(store_url):
    import itertools

    from svidok.store.records import fold

    for spellings, preferred in SPELLINGS:
        for order in itertools.permutations(spellings):
            with open_store(store_url) as store:
                for n, name in enumerate(order):
                    store.put(make_doc(**_spelled(name, n)))
                rows = store._read("SELECT name, name_fold, article_count FROM entities")
            assert rows == [(preferred, fold(preferred), len(order))], order
            _wipe(store_url)  # a fresh archive for the next order


def _wipe(url: str) -> None:
    if url.startswith("postgresql://"):
        from tests.conftest import wipe_postgres

        wipe_postgres(url)
    else:
        Path(url).unlink()
