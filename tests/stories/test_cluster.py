"""Story clustering in memory on real texts: the same story joins across languages; the same
entities in another topic, or the same story far apart in time, do not."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from svidok.store.records import entity_key
from svidok.stories.cluster import ArticleFeatures, StoryIndex, cluster, load_config
from svidok.stories.features import article_day, features, from_stored, lead, to_stored

from .labelled import labelled_doc


def _features(item_id: str, article_id: int, shift_days: int = 0) -> ArticleFeatures:
    doc, config = labelled_doc(item_id), load_config()
    keys = frozenset(entity_key(e) for e in doc.entities if e.type in config.entity_types)
    day = date.fromisoformat(doc.published) + timedelta(days=shift_days)
    return features(article_id, doc.title, doc.text, _lemmas(doc), keys, day, config)


def _lemmas(doc) -> str:
    from svidok.store.lemmas import lemma_text

    return lemma_text(doc)


# (the story's first article, the next article, days between them, joins?)
PAIRS = [
    ("alaska-uk", "alaska-ru", 0, True),  # uk and ru retelling of one WSJ report
    ("alaska-ru", "alaska-en", 1, True),  # ... and in English the next day
    ("erp-uk", "erp-ru", 0, True),
    ("vab-ru", "vab-uk", 0, True),
    ("lavra-ru", "lavra-uk", 0, True),
    ("passports-uk", "passports-reprint", 1, True),  # a reprint: a near-duplicate
    ("alaska-uk", "patriot-uk", 1, False),  # Trump, Zelensky, the US: another story
    ("sumy-uk", "sumy-budget", 1, False),  # the same council and secretary: another decision
    ("erp-uk", "erp-later", 71, False),  # the same register and deputy minister, months later
    ("lavra-ru", "lavra-later", 101, False),
    ("alaska-uk", "alaska-ru", 30, False),  # the very story, a month apart: outside the window
]


@pytest.mark.parametrize("first, second, days, joins", PAIRS, ids=[f"{a}+{b}+{d}d" for a, b, d, _ in PAIRS])
def test_an_article_joins_a_story_only_when_it_tells_it(first, second, days, joins):
    index = StoryIndex()
    index.add(7, _features(first, 1))
    match = index.best(_features(second, 2, shift_days=days - _gap(first, second)))
    assert (match is not None) == joins, match
    if joins:
        assert match.story_id == 7 and match.score >= index.config.join


def _gap(first: str, second: str) -> int:
    """Days the labelled set already puts between the two (the row states the total)."""
    return (
        date.fromisoformat(labelled_doc(second).published) - date.fromisoformat(labelled_doc(first).published)
    ).days


def test_a_reprint_is_joined_as_a_near_duplicate_and_others_are_not():
    index = StoryIndex()
    index.add(1, _features("passports-uk", 10))
    reprint = index.best(_features("passports-reprint", 11))
    retelling = index.best(_features("passports-ru", 12))
    assert reprint is not None and reprint.duplicate_of == 10
    assert retelling is not None and retelling.duplicate_of is None


def test_clustering_several_stories_at_once():
    ids = ["alaska-uk", "patriot-uk", "alaska-ru", "erp-uk", "alaska-en", "erp-ru"]
    story_of = cluster([_features(item, n) for n, item in enumerate(ids)])
    alaska, erp = {story_of[0], story_of[2], story_of[4]}, {story_of[3], story_of[5]}
    assert len(alaska) == 1 and len(erp) == 1 and len(set(story_of.values())) == 3


def test_stories_past_the_window_are_evicted_from_the_index():
    index = StoryIndex()
    index.add(1, _features("erp-uk", 1))
    index.evict_before(date.fromisoformat("2025-08-13"))  # 3 days after: still inside
    assert len(index) == 1
    index.evict_before(date.fromisoformat("2025-08-14"))
    assert len(index) == 0


def test_features_round_trip_through_their_stored_form():
    article = _features("alaska-ru", 5)
    back = from_stored(5, *to_stored(article))
    assert np.array_equal(back.vector, article.vector) and np.array_equal(back.signature, article.signature)
    assert back.entities == article.entities and back.day == article.day and article.entities


@pytest.mark.parametrize(
    "published, ingested, day",
    [("2025-08-11T09:30:00+03:00", "2026-01-01T00:00:00", "2025-08-11"),
     (None, "2026-01-02T10:00:00+00:00", "2026-01-02"),
     ("yesterday", "2026-01-03T10:00:00", "2026-01-03")],
)  # fmt: skip
def test_article_day_is_the_published_date_else_the_ingest_date(published, ingested, day):
    assert article_day(published, ingested) == date.fromisoformat(day)


@pytest.mark.parametrize(
    "title, text, expected",
    [("Заголовок", "Перше речення. Друге речення! Третє речення.", "Заголовок. Перше речення. Друге речення!"),
     (None, "Рядок без крапки\nДругий рядок. Третій.", "Рядок без крапки Другий рядок."),
     ("  ", "Одне.", "Одне.")],
)  # fmt: skip
def test_lead_is_the_title_and_the_first_sentences(title, text, expected):
    assert lead(title, text, load_config()) == expected
