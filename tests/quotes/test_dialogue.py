"""Dialogue and interview lines opened by a dash (hyphen, en or em dash): direct quotes with the
speaker of the attribution that interrupts them, or of the reporting verb that introduces them."""

from __future__ import annotations

import pytest

IV = ("Олег Іваненко", "PER", ["Голова ради Олег Іваненко", "Олег Іваненко", "Іваненко"])
IV_RU = ("Олег Иваненко", "PER", ["Олег Иваненко", "Иваненко"])
INTRO = "Голова ради Олег Іваненко розповів про конфлікт.\n\n"


def _rows(doc):
    return [(q.kind, q.text, q.speaker_name) for q in doc.quotes]


@pytest.mark.parametrize(
    "lang, text, entities, expected",
    [
        # hyphen, en dash, em dash; one sentence or several before the attribution
        (
            "uk",
            INTRO + "- Ми не погоджувались, - каже він.",
            [IV],
            [("direct", "Ми не погоджувались", "Олег Іваненко")],
        ),
        (
            "uk",
            INTRO + "– Ми не погоджувались. Це було незаконно, – каже він.",
            [IV],
            [("direct", "Ми не погоджувались. Це було незаконно", "Олег Іваненко")],
        ),
        (
            "uk",
            INTRO + "— Ми не погоджувались! — каже він. — Тепер будемо судитися.",
            [IV],
            [
                ("direct", "Ми не погоджувались!", "Олег Іваненко"),
                ("direct", "Тепер будемо судитися", "Олег Іваненко"),
            ],
        ),
        # the interviewer's question in the first person is nobody's quote; the answer is
        (
            "uk",
            INTRO + "— Чому? — питаю.\n\n— Рішення ухвалили без нас, — відповідає Іваненко.",
            [IV],
            [("direct", "Рішення ухвалили без нас", "Олег Іваненко")],
        ),
        (
            "ru",
            "Олег Иваненко рассказал о конфликте.\n\n— Мы не соглашались. Это было незаконно, — говорит он.",
            [IV_RU],
            [("direct", "Мы не соглашались. Это было незаконно", "Олег Иваненко")],
        ),
        # a line introduced by a reporting verb and a colon
        (
            "uk",
            "Олег Іваненко пояснив:\n\n– Ми не погоджувались із цим рішенням. Тепер будемо судитися.",
            [IV],
            [("direct", "Ми не погоджувались із цим рішенням. Тепер будемо судитися", "Олег Іваненко")],
        ),
        # no attribution and no reporting verb: a dash line is no quote
        ("uk", "Ось що сталося на засіданні:\n\n– Депутати проголосували за рішення.", [], []),
        ("uk", INTRO + "– Депутати проголосували за рішення.", [IV], []),
        # a dash inside a sentence is no dialogue line
        (
            "uk",
            "Рішення – незаконне, вважає Олег Іваненко.",
            [IV],
            [("indirect", "Рішення – незаконне", "Олег Іваненко")],
        ),
    ],
)
def test_dash_lines(analyse, lang, text, entities, expected):
    assert _rows(analyse(text, entities, language=lang)) == expected


CH = ("Георгій Чижов", "PER", ["Георгій Чижов"])
FIRST = "«Під загрозою весь Кавказ», - підкреслює Георгій Чижов."


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # a present-tense verb with no subject goes on with the last quote's speaker
        (FIRST + "\n\nА відтак уточнює: «Еліта не поспішатиме».", [CH], "Георгій Чижов"),
        (FIRST + " Також додає, що еліта не поспішатиме.", [CH], "Георгій Чижов"),
        # its own subject, or a quote too far back: not carried
        (FIRST + " Міністерство уточнює: «Еліта не поспішатиме».", [CH], None),
        (
            FIRST
            + " Уряд ухвалив рішення. Минув тиждень. Минув ще тиждень. А відтак уточнює: «Еліта не поспішатиме».",
            [CH],
            None,
        ),
    ],
)
def test_a_subjectless_present_verb_continues_the_last_speaker(analyse, text, entities, expected):
    assert [q.speaker_name for q in analyse(text, entities).quotes][-1] == expected


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("uk", "«Це була важка гра», – поділився після матчу тренер Іван Петренко.", ["Іван Петренко"]),
        ("ru", "«Это была тяжелая игра», – поделился после матча тренер Иван Петров.", ["Иван Петров"]),
        # away from marks and dashes the verb means something else
        ("uk", "Компанія поділилася на дві частини, що працюють окремо.", []),
    ],
)
def test_verbs_that_attribute_only_beside_marks(analyse, lang, text, expected):
    people = [("Іван Петренко", "PER", ["Іван Петренко"]), ("Иван Петров", "PER", ["Иван Петров"])]
    assert [q.speaker_name for q in analyse(text, people, language=lang).quotes] == expected
