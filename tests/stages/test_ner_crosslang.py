"""Entities in Russian and English news resolve to the same KB entries as in Ukrainian:
inflected Russian country and city names, a lone KB surname the model mislabels, and an
English surname repeating a full name."""

from __future__ import annotations

import pytest

import svidok


def _linked(text: str, lang: str) -> dict[str, tuple[str, str | None]]:
    doc = svidok.analyze(text, language=lang)
    return {m.text: (m.label, doc.entity(m.entity).kb_id) for m in doc.mentions}


@pytest.mark.parametrize(
    "text, surface, label, kb_id",
    [
        ("Президент Франции прибыл в Берлин.", "Франции", "LOC", "loc:frantsiia"),
        ("В Германии прошли выборы.", "Германии", "LOC", "loc:nimechchyna"),
        ("Делегация вылетела из Польши утром.", "Польши", "LOC", "loc:polshcha"),
        ("Ракеты снова атаковали Киев ночью.", "Киев", "LOC", "loc:kyiv"),
        ("Бои продолжаются под Покровском.", "Покровском", "LOC", "loc:pokrovsk"),
        ("По словам Зеленского, Украина выстоит.", "Зеленского", "PER", "per:volodymyr-zelenskyi"),
    ],
)
def test_russian_names_link_to_the_kb(text, surface, label, kb_id):
    assert _linked(text, "ru")[surface] == (label, kb_id)


def test_english_surname_repeat_joins_the_full_name():
    text = "Ukrainian Foreign Minister Andrii Sybiha arrived in Brussels. Officials met Sybiha on Monday."
    doc = svidok.analyze(text, language="en")
    person = next(e for e in doc.entities if e.type == "PER")
    assert sorted(m.text for m in person.mentions) == ["Andrii Sybiha", "Sybiha"]
    assert person.kb_id == "per:andrii-sybiha"


def test_a_word_is_not_taken_for_a_surname_without_a_full_name():
    doc = svidok.analyze("Brussels hosted the summit. Officials met in Brussels on Monday.", language="en")
    assert not [m for m in doc.mentions if m.label == "PER"]


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        ("Гроші вклали в роботи на Сахалінському родовищі.", "Сахалінському родовищі", "Сахалінське родовище"),
        ("Рішення Господарського суду м. Києва набуло чинності.", "Господарського суду м. Києва",
         "Господарський суд м. Києва"),
        ("Депутати Полтавської обласної ради проголосували.", "Полтавської обласної ради", "Полтавська обласна рада"),
    ],
)  # fmt: skip
def test_organisation_and_place_names_are_restored_to_the_nominative(text, phrase, expected):
    from svidok.stages.ner import _restored_name

    doc = svidok.load_pipeline(["langid", "normalize", "segment", "morph"])(svidok.Document(text))
    start = text.index(phrase)
    assert _restored_name(doc, start, start + len(phrase), "ORG") == expected


def test_model_span_is_cut_before_lowercase_words_of_another_script():
    doc = svidok.analyze(
        "Управление было эффективным, пишет Financial Times со ссылкой на источники.", language="ru"
    )
    assert "Financial Times" in {m.text for m in doc.mentions}
    assert not [m for m in doc.mentions if "ссылк" in m.text]


@pytest.mark.parametrize(
    "text, paragraphs",
    [
        (
            "Он заявил, что \nв вопросе помощи.\nНовый абзац.",
            ["Он заявил, что \nв вопросе помощи.", "Новый абзац."],
        ),
        ("Поставки растут\n, добавив это.", ["Поставки растут\n, добавив это."]),
        ("Перший.\n\nдругий з малої літери.", ["Перший.", "другий з малої літери."]),
        ("Заголовок\nТекст статті.", ["Заголовок", "Текст статті."]),
        # Telegram blank lines around a formatted word inside a sentence
        ("війни, \nвважає\n \nпрем'єр Литви.", ["війни, \nвважає\n \nпрем'єр Литви."]),
        ("Кінець\n \nпочаток нового.", ["Кінець\n \nпочаток нового."]),
        ("Кінець.\n \nпочаток нового.", ["Кінець.", "початок нового."]),
        ("Кінець\n \nПочаток нового.", ["Кінець", "Початок нового."]),
    ],
)
def test_a_wrapped_line_continues_its_paragraph(text, paragraphs):
    from svidok.stages.langid import split_paragraphs

    assert [text[a:b] for a, b in split_paragraphs(text)] == paragraphs


@pytest.mark.parametrize(
    "text, lang, person, organisation",
    [
        ("Об этом заявил представитель ГУР Юсов.", "ru", "Юсов", "ГУР"),
        ("Об этом заявил министр обороны Франции Себастьен Лекорню.", "ru", "Себастьен Лекорню", None),
        ("Так вважає аналітик Олексій Жмеренецький.", "uk", "Олексій Жмеренецький", None),
        ("Молдовський мільярдер Анатол Статі заявив про купівлю.", "uk", "Анатол Статі", None),
    ],
)
def test_a_role_introduces_a_name_the_model_does_not_know(text, lang, person, organisation):
    labels = {m.text: m.label for m in svidok.analyze(text, language=lang).mentions}
    assert labels.get(person) == "PER"
    if organisation:
        assert labels.get(organisation) == "ORG"


@pytest.mark.parametrize(
    "text, lang, word",
    [
        ("Його представляв голова Полтавської обласної ради.", "uk", "Полтавської"),
        ("Радник Президента України приїхав.", "uk", "Президента"),
        ("Заявил директор ПрАТ «Завод».", "uk", "ПрАТ"),
    ],
)
def test_the_capitalised_start_of_an_organisation_after_a_role_is_no_person(text, lang, word):
    doc = svidok.analyze(text, language=lang)
    assert not any(m.label == "PER" and word in m.text for m in doc.mentions)
