"""Synonymous titles bind to one holder: "мер" = "міський голова", ru "мэр" = "глава города"
(language data ``role_phrases`` and ``role_synonyms``)."""

from __future__ import annotations

import pytest

SAD = ("Андрій Садовий", "PER", ["Андрій Садовий"])
PETR = ("Іван Петренко", "PER", ["Іван Петренко"])
SOB = ("Сергей Собянин", "PER", ["Сергей Собянин"])
VOR = ("Андрей Воробьев", "PER", ["Андрей Воробьев"])
CLAIM_UK = " заявив, що ремонт завершать до вересня."
CLAIM_RU = " заявил, что ремонт завершат к сентябрю."


@pytest.mark.parametrize(
    "lang, text, entities, expected",
    [
        (
            "uk",
            "Міський голова Львова Андрій Садовий відвідав школу. Мер" + CLAIM_UK,
            [SAD],
            ("Андрій Садовий", "Мер"),
        ),
        (
            "uk",
            "Мер Львова Андрій Садовий відвідав школу. Міський голова" + CLAIM_UK,
            [SAD],
            ("Андрій Садовий", "Міський голова"),
        ),
        (
            "ru",
            "Мэр Москвы Сергей Собянин посетил школу. Глава города" + CLAIM_RU,
            [SOB],
            ("Сергей Собянин", "Глава города"),
        ),
        ("ru", "Глава города Сергей Собянин посетил школу. Мэр" + CLAIM_RU, [SOB], ("Сергей Собянин", "Мэр")),
        # a copula between the title and the name
        (
            "uk",
            "Міським головою Лимана є Петро Цимідан. Мер" + CLAIM_UK,
            [("Петро Цимідан", "PER", ["Петро Цимідан"])],
            ("Петро Цимідан", "Мер"),
        ),
        ("ru", "Мэром города является Сергей Собянин. Мэр" + CLAIM_RU, [SOB], ("Сергей Собянин", "Мэр")),
        ("uk", "Власником фірми є Іван Петренко. Мер" + CLAIM_UK, [PETR], (None, "Мер")),
        # the head of a ministry is its minister
        (
            "uk",
            "Очільник МЗС Андрій Сибіга прибув до Рима. Міністр" + CLAIM_UK,
            [("Андрій Сибіга", "PER", ["Андрій Сибіга"])],
            ("Андрій Сибіга", "Міністр"),
        ),
        (
            "ru",
            "Глава МИД Венгрии Петер Сийярто прибыл в Киев. Министр" + CLAIM_RU,
            [("Петер Сийярто", "PER", ["Петер Сийярто"])],
            ("Петер Сийярто", "Министр"),
        ),
        ("uk", "Очільник ОДА Іван Петренко прибув до Рима. Міністр" + CLAIM_UK, [PETR], (None, "Міністр")),
        # an informant is an unnamed voice
        ("uk", "Як розповіло джерело, ремонт завершать до вересня.", [], (None, "джерело")),
        # another title is no synonym: nobody is named
        (
            "uk",
            "Голова облради Іван Петренко відвідав школу. Міський голова" + CLAIM_UK,
            [PETR],
            (None, "Міський голова"),
        ),
        ("uk", "Голова облради Іван Петренко відвідав школу. Мер" + CLAIM_UK, [PETR], (None, "Мер")),
        (
            "ru",
            "Губернатор Андрей Воробьев посетил школу. Глава города" + CLAIM_RU,
            [VOR],
            (None, "Глава города"),
        ),
        # of the verb's gender: a woman judge is not the man named before
        (
            "ru",
            "Судья Олег Петров открыл заседание. Судья заявила, что дело сложное.",
            [("Олег Петров", "PER", ["Олег Петров"])],
            (None, "Судья"),
        ),
    ],
)
def test_synonymous_titles(analyse, lang, text, entities, expected):
    assert [(q.speaker_name, q.speaker_role) for q in analyse(text, entities, language=lang).quotes] == [
        expected
    ]


@pytest.mark.parametrize(
    "lang, text, entities, expected",
    [
        # a pronoun takes the speaker a cue phrase named, whatever its case
        (
            "ru",
            "По словам Трампа, Украина должна уступить. Он также добавил, что Путин хочет мира.",
            [("Дональд Трамп", "PER", ["Трампа"])],
            "Дональд Трамп",
        ),
        (
            "uk",
            "За словами голови ОДА Олега Синєгубова, пошкоджено будинок. Він додав, що загиблих немає.",
            [("Олег Синєгубов", "PER", ["Олега Синєгубова"])],
            "Олег Синєгубов",
        ),
        # a genitive name that no cue names is no antecedent
        (
            "ru",
            "Дом Трампа обыскали. Он также добавил, что Путин хочет мира.",
            [("Дональд Трамп", "PER", ["Трампа"])],
            None,
        ),
        # synonymous titles of a lawyer
        (
            "ru",
            "Адвокат Иван Петров сообщил, что клиента освободили. Защитник подчеркнул, что обвинения надуманы.",
            [("Иван Петров", "PER", ["Иван Петров"])],
            "Иван Петров",
        ),
        (
            "uk",
            "Адвокат Іван Петренко повідомив, що клієнта звільнили. Захисник наголосив, що обвинувачення надумані.",
            [PETR],
            "Іван Петренко",
        ),
    ],
)
def test_later_reference_to_a_speaker(analyse, lang, text, entities, expected):
    assert [q.speaker_name for q in analyse(text, entities, language=lang).quotes][-1] == expected
