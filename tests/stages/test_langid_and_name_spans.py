"""Language detection: short Russian sentences without ы/э/ё/ъ are not Ukrainian (the fast lingua
mode read them as uk), and script letters still overrule the detector; a sentence-opening
preposition the uk-trained NER model takes into a Russian name is cut off, and so is a known place
glued before a name in another case."""

from __future__ import annotations

import pytest

import svidok
from svidok.stages.langid import detect_language


@pytest.mark.parametrize(
    "text, expected",
    [
        ("В Генштабе ВСУ заявили, что потери врага растут.", "ru"),
        ("В Генштабе заявили, что потери врага растут.", "ru"),
        ("Президент заявил, что переговоры возможны.", "ru"),
        ("У Генштабі ЗСУ заявили, що втрати ворога зростають.", "uk"),
        ("Президент заявив, що переговори можливі.", "uk"),
        ("The ministry said the talks were possible.", "en"),
        ("Україна", "uk"),  # a letter only Ukrainian has decides
        ("!!! 123", None),  # no letters
    ],
)
def test_short_texts(text, expected):
    assert detect_language(text) == expected


def test_a_short_russian_report_is_read_as_russian_and_quoted():
    doc = svidok.analyze("В Генштабе ВСУ заявили, что потери врага растут.")
    assert doc.language == "ru"
    assert [(q.speaker_name, q.text) for q in doc.quotes] == [
        ("Генеральний штаб Збройних сил України", "потери врага растут")
    ]


@pytest.mark.parametrize(
    "text, mention",
    [
        ("В Минобороны заявили, что потери врага растут.", "Минобороны"),  # the preposition is no part
        ("У Міноборони заявили, що втрати ворога зростають.", "Міноборони"),
        ("В'ячеслав Супруненко заявив, що ціни зростуть.", "В'ячеслав Супруненко"),  # В' is no preposition
    ],
)
def test_a_preposition_opening_the_sentence_is_not_part_of_the_name(text, mention):
    doc = svidok.analyze(text)
    assert mention in [m.text for e in doc.entities for m in e.mentions]


@pytest.mark.parametrize(
    "text, mentions",
    [
        ("Про це сказав у Києві Зеленський.", ["Києві", "Зеленський"]),  # a place glued before the name
        ("Зустріч із Софією Ротару відбулася вчора.", ["Софією Ротару"]),  # Софія is also a city: kept whole
    ],
)
def test_a_known_place_before_a_name_in_another_case_is_cut_off(text, mentions):
    doc = svidok.analyze(text)
    assert sorted(m.text for e in doc.entities for m in e.mentions) == sorted(mentions)
