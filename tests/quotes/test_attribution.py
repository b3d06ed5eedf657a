"""Source attributions: cues, the cited source (linked to its entity), and scope."""

from __future__ import annotations

import pytest

REUTERS = ("Reuters", "ORG", ["Reuters"])
WSJ = ("The Wall Street Journal", "ORG", ["WSJ"])


def _rows(doc):
    return [(s.name, s.entity, s.mention.text, s.cue) for s in doc.sources]


@pytest.mark.parametrize(
    "lang, text, entities, expected",
    [
        (
            "uk",
            "За даними WSJ, путін пропонує припинення вогню.",
            [WSJ],
            [("The Wall Street Journal", "e1", "WSJ", "За даними")],
        ),
        (
            "uk",
            "Армія, за оцінкою WSJ, просунулась на 1%.",
            [WSJ],
            [("The Wall Street Journal", "e1", "WSJ", "за оцінкою")],
        ),
        ("uk", "У Києві пролунали вибухи, пише Reuters.", [REUTERS], [("Reuters", "e1", "Reuters", "пише")]),
        (
            "uk",
            "Як повідомляє Reuters, у Києві пролунали вибухи.",
            [REUTERS],
            [("Reuters", "e1", "Reuters", "Як повідомляє")],
        ),
        (
            "uk",
            "Reuters повідомляє, що у Києві пролунали вибухи.",
            [REUTERS],
            [("Reuters", "e1", "Reuters", "повідомляє")],
        ),
        (
            "uk",
            "Вибухи пролунали у Києві, повідомляє американське агентство Reuters.",
            [REUTERS],
            [("Reuters", "e1", "Reuters", "повідомляє")],
        ),
        (
            "uk",
            "Україна отримає кредит, з посиланням на Reuters повідомляє видання.",
            [REUTERS],
            [("Reuters", "e1", "Reuters", "з посиланням на")],
        ),
        (
            "uk",
            "Згідно з документом, Україна отримає кредит.",
            [],
            [("документом", None, "документом", "Згідно з")],
        ),
        ("uk", "За даними WSJ, путін пропонує мир.", [], [("WSJ", None, "WSJ", "За даними")]),
        (
            "uk",
            "Суд обере запобіжний захід поліцейському, передає «Суспільне».",
            [],
            [("Суспільне", None, "Суспільне", "передає")],
        ),
        (
            "uk",
            "Про це повідомляє громадський активіст Димитрій Чурсін.",
            [],
            [("Димитрій Чурсін", None, "Димитрій Чурсін", "повідомляє")],
        ),
        (
            "uk",
            "Згідно з Земельним кодексом України, землю не продають.",
            [],
            [("Земельним кодексом України", None, "Земельним кодексом України", "Згідно з")],
        ),
        (
            "uk",
            "За даними джерел в уряді, відставки не буде.",
            [],
            [("джерел в уряді", None, "джерел в уряді", "За даними")],
        ),
        (
            "ru",
            "По данным Reuters, встреча состоится в пятницу.",
            [REUTERS],
            [("Reuters", "e1", "Reuters", "По данным")],
        ),
        (
            "en",
            "According to Reuters, the talks failed.",
            [REUTERS],
            [("Reuters", "e1", "Reuters", "According to")],
        ),
    ],
)
def test_source_cues(analyse, lang, text, entities, expected):
    assert _rows(analyse(text, entities, language=lang)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Пропозиція передати росії частину області була відхилена.",  # передати: no source
        "Зеленський повідомив, що мир можливий.",  # a person's statement is a quote
        "Він пише книгу про війну.",
        "ДП передало майно громаді.",  # an object, not a source
        "Компанія опублікувала звіт про прибутки.",
    ],
)
def test_no_source(analyse, text):
    assert _rows(analyse(text, [("Володимир Зеленський", "PER", ["Зеленський"])])) == []


def _scope(doc, source):
    return doc.text[source.scope_start : source.scope_end]


def test_standalone_paragraph_covers_what_precedes_and_the_retelling_after(analyse):
    text = "Перший абзац про зустріч.\n\nДругий абзац.\n\nПро це пише WSJ.\n\nЧетвертий абзац."
    doc = analyse(text, [WSJ])
    (source,) = doc.sources
    assert (source.scope_start, source.scope_end) == (0, len(text))


def test_standalone_paragraphs_split_the_article(analyse):
    text = "Перший абзац.\n\nПро це пише WSJ.\n\nДругий абзац.\n\nПро це повідомляє Reuters.\n\nТретій."
    doc = analyse(text, [WSJ, REUTERS])
    first, second = doc.sources
    assert _scope(doc, first) == "Перший абзац.\n\nПро це пише WSJ."
    assert _scope(doc, second) == "Другий абзац.\n\nПро це повідомляє Reuters.\n\nТретій."


def test_sentence_cue_covers_its_sentence(analyse):
    text = "Зустріч відбулась. За даними WSJ, путін пропонує мир. Інше речення."
    doc = analyse(text, [WSJ])
    assert _scope(doc, doc.sources[0]) == "За даними WSJ, путін пропонує мир."


def test_anaphoric_cue_inside_a_paragraph_covers_the_paragraph_so_far(analyse):
    text = "Вступ.\n\nУ Києві вибухи. Про це повідомляє Reuters. Далі інше."
    doc = analyse(text, [REUTERS])
    assert _scope(doc, doc.sources[0]) == "У Києві вибухи. Про це повідомляє Reuters."


def test_quote_takes_the_narrowest_source(analyse):
    text = (
        "Зеленський заявив, що мир можливий.\n\nПро це пише WSJ.\n\n"
        "За даними Reuters, Захарова заявила, що переговорів не буде."
    )
    doc = analyse(
        text,
        [
            WSJ,
            REUTERS,
            ("Володимир Зеленський", "PER", ["Зеленський"]),
            ("Марія Захарова", "PER", ["Захарова"]),
        ],
    )
    wsj, reuters = doc.sources
    assert [(q.speaker_name, q.source) for q in doc.quotes] == [
        ("Володимир Зеленський", wsj.id),
        ("Марія Захарова", reuters.id),
    ]


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        (
            "Вартість угоди склала 657 тис грн. Про це повідомляється в «Віснику державних закупівель».",
            [],
            [("Віснику державних закупівель", None, "Віснику державних закупівель", "повідомляється в")],
        ),
        (
            "Про це йдеться у повідомленні АМКУ.",
            [],
            [("повідомленні АМКУ", None, "повідомленні АМКУ", "йдеться у")],
        ),
        (
            "«Реформа триває», – зазначили у прес-службі МОЗ.",
            [("Міністерство охорони здоров'я", "ORG", ["МОЗ"])],
            [("Міністерство охорони здоров'я", "e1", "МОЗ", "у прес-службі")],
        ),
        # the verb alone, with no place named after it, cites nothing
        ("Як відомо, повідомляється багато чого.", [], []),
    ],
)
def test_impersonal_reports_name_where_the_information_stands(analyse, text, entities, expected):
    assert _rows(analyse(text, entities)) == expected


def test_russian_press_service_cue(analyse):
    doc = analyse(
        "«Переговоры продолжаются», — сообщили в пресс-службе Кремля.",
        [("Кремль", "ORG", ["Кремля"])],
        language="ru",
    )
    assert _rows(doc) == [("Кремль", "e1", "Кремля", "в пресс-службе")]
    assert doc.quotes[0].source == doc.sources[0].id


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Источники издания говорят, что управление создано.", "ru", [("Источники издания", "говорят")]),
        (
            "Высокопоставленный источник в правительстве не стал комментировать эту информацию.",
            "ru",
            [("Высокопоставленный источник в правительстве", "стал")],
        ),
        ("Джерела в уряді повідомили, що відставки не буде.", "uk", [("Джерела в уряді", "повідомили")]),
        ("Джерело енергії вичерпалося.", "uk", []),  # no reporting verb: not an informant
    ],
)
def test_anonymous_informants_are_sources(analyse, text, lang, expected):
    doc = analyse(text, [], language=lang)
    assert [(s.mention.text, s.cue) for s in doc.sources] == expected


def test_a_journalists_outlet_is_a_source_too(analyse):
    journalist = ("Вероніка Гаврилюк", "PER", ["Вероніка Гаврилюк"])
    doc = analyse("Як пише Вероніка Гаврилюк у «Комерсанті-Україна», власник змінився.", [journalist])
    assert [s.mention.text for s in doc.sources] == ["Вероніка Гаврилюк", "Комерсанті-Україна"]
