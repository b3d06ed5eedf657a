"""The lemma text that is indexed, and query strings turned into plain terms."""

from __future__ import annotations

import pytest

import svidok
from svidok.store.lemmas import lemma_text, query_terms, search_fold


@pytest.mark.parametrize(
    "word,folded",
    [("Путін", "путин"), ("Путин", "путин"), ("п'ять", "пят"), ("п’ять", "пят"), ("пять", "пят"), ("Україна", "украина"),
     ("Зеленський", "зеленский"), ("ґанок", "ганок"), ("ещё", "еще")],
)  # fmt: skip
def test_search_fold_merges_ukrainian_and_russian_spellings(word, folded):
    assert search_fold(word) == folded


def test_lemma_text_keeps_words_only():
    doc = svidok.analyze("«Переговори з Путіним неможливі», — сказав він.", language="uk")
    assert lemma_text(doc).split() == ["переговори", "з", "путин", "неможливий", "сказати", "вин"]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("Путіним", [{"путин"}]),
        ('"путін" OR col:*', [{"путин"}, {"or"}, {"col"}]),
        ("-- ; ' \"", []),
    ],
)
def test_query_terms_are_plain_lemmas(query, expected):
    assert [set(t) for t in query_terms(query)] == expected
