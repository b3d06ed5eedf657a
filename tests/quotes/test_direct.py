"""Quotation-mark and dash quotes; titles and scare quotes are not speech."""

from __future__ import annotations

import pytest

ZE = ("Володимир Зеленський", "PER", ["Володимир Зеленський", "Зеленський"])
ZE_EN = ("Volodymyr Zelensky", "PER", ["Zelensky"])


def _rows(doc):
    return [(q.kind, q.text, q.speaker_name, q.cue) for q in doc.quotes]


@pytest.mark.parametrize(
    "lang, text, entities, expected",
    [
        (
            "uk",
            "«Ми не віддамо жодного метра землі», — сказав Зеленський.",
            [ZE],
            [("direct", "Ми не віддамо жодного метра землі", "Володимир Зеленський", "сказав")],
        ),
        (
            "uk",
            "“Ми не віддамо землю”, — сказав Зеленський.",
            [ZE],
            [("direct", "Ми не віддамо землю", "Володимир Зеленський", "сказав")],
        ),
        (
            "uk",
            "„Ми не віддамо землю“, — сказав Зеленський.",
            [ZE],
            [("direct", "Ми не віддамо землю", "Володимир Зеленський", "сказав")],
        ),
        (
            "uk",
            '"Ми не віддамо землю", — сказав Зеленський.',
            [ZE],
            [("direct", "Ми не віддамо землю", "Володимир Зеленський", "сказав")],
        ),
        (
            "uk",
            "«Ми не віддамо землю, — сказав Володимир Зеленський. — Це наша позиція».",
            [ZE],
            [
                ("direct", "Ми не віддамо землю", "Володимир Зеленський", "сказав"),
                ("direct", "Це наша позиція", "Володимир Зеленський", "сказав"),
            ],
        ),
        (
            "uk",
            "«Ми читали „Кобзар“ у школі», — сказав Зеленський.",
            [ZE],
            [("direct", "Ми читали „Кобзар“ у школі", "Володимир Зеленський", "сказав")],
        ),
        (
            "uk",
            "Зеленський: «Ми будемо боротися до кінця».",
            [ZE],
            [("direct", "Ми будемо боротися до кінця", "Володимир Зеленський", None)],
        ),
        (
            "uk",
            "— Ми будемо боротися до кінця, — сказав Зеленський.",
            [ZE],
            [("direct", "Ми будемо боротися до кінця", "Володимир Зеленський", "сказав")],
        ),
        (
            "uk",
            (
                "«Перший абзац промови, який довго триває і має багато слів.\n\n"
                "«Другий абзац, де мова йде далі про війну», — сказав Зеленський."
            ),
            [ZE],
            [  # one quote over both paragraphs (the guideline), the reopening mark inside it
                (
                    "direct",
                    (
                        "Перший абзац промови, який довго триває і має багато слів.\n\n"
                        "«Другий абзац, де мова йде далі про війну"
                    ),
                    "Володимир Зеленський",
                    "сказав",
                ),
            ],
        ),
        (
            "uk",
            "Зеленський: Якщо США зменшать допомогу, буде новий розклад.",
            [ZE],
            [("direct", "Якщо США зменшать допомогу, буде новий розклад.", "Володимир Зеленський", None)],
        ),
        (
            "uk",
            "Журналіст: Коли закінчиться війна?\n\nЗеленський: Коли ми переможемо, не раніше.",
            [ZE],
            [
                ("direct", "Коли закінчиться війна?", None, None),
                ("direct", "Коли ми переможемо, не раніше.", "Володимир Зеленський", None),
            ],
        ),
        (
            "en",
            '"We will fight to the end," Zelensky said.',
            [ZE_EN],
            [("direct", "We will fight to the end", "Volodymyr Zelensky", "said")],
        ),
        (
            "ru",
            "«Переговоров не будет», — заявил Песков.",
            [("Дмитрий Песков", "PER", ["Песков"])],
            [("direct", "Переговоров не будет", "Дмитрий Песков", "заявил")],
        ),
    ],
)
def test_direct_quotes(analyse, lang, text, entities, expected):
    assert _rows(analyse(text, entities, language=lang)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Він вважає котів «милими».",
        "Він вважає котів «милими», а собак — ні.",
        "Фільм «Довгі ночі» вийшов на екрани.",
        "Газета «Українська правда» опублікувала розслідування.",
        "Хоча офіційно “українське питання” заявлене головним, саміт відбудеться.",
        "Компанія «Нафтогаз» підписала угоду.",
        "Нагадаємо: саміт відбудеться в серпні.",
        "Головне: саміт відбудеться в серпні.",
    ],
)
def test_titles_and_scare_quotes_are_not_speech(analyse, text):
    assert _rows(analyse(text)) == []


def test_offsets_point_into_the_original_text(analyse):
    text = "«Ми\u00a0не віддамо землю», — сказав Зеленський."
    doc = analyse(text, [ZE])
    (quote,) = doc.quotes
    assert text[quote.start : quote.end] == quote.text == "Ми\u00a0не віддамо землю"
    assert text[quote.cue_start : quote.cue_end] == "сказав"


def test_english_quote_before_a_long_subject_phrase(analyse):
    doc = analyse(
        '"We will not give up an inch of our land," Ukrainian President Volodymyr Zelensky told reporters.',
        [("Volodymyr Zelensky", "PER", ["Volodymyr Zelensky"])],
        language="en",
    )
    assert [(q.text, q.speaker_name, q.cue) for q in doc.quotes] == [
        ("We will not give up an inch of our land", "Volodymyr Zelensky", "told")
    ]


def test_a_name_after_a_title_without_a_reporting_verb_is_no_attribution(analyse):
    doc = analyse(
        "Фільм «Довгі ночі, короткі дні», який зняв Олег Сенцов, вийшов у прокат.",
        [("Олег Сенцов", "PER", ["Олег Сенцов"])],
    )
    assert doc.quotes == []


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # a quote paragraph right after one person is introduced as a subject is theirs
        (
            (
                "Заступник міністра Роман Богачов розповів про реформу.\n\n"
                "«З переходом на електронну систему все зміниться»."
            ),
            [("Роман Богачов", "PER", ["Роман Богачов"])],
            [("З переходом на електронну систему все зміниться", "Роман Богачов")],
        ),
        # two people introduced, or the person only mentioned (not a subject): nobody
        (
            "Про реформу говорили Роман Богачов та Олена Турська.\n\n«З переходом на нову систему все зміниться».",
            [("Роман Богачов", "PER", ["Роман Богачов"]), ("Олена Турська", "PER", ["Олена Турська"])],
            [("З переходом на нову систему все зміниться", None)],
        ),
        (
            "Аварія сталася біля будинку Івана Петренка.\n\n«Це жах, ми всі дуже злякалися».",
            [("Іван Петренко", "PER", ["Івана Петренка"])],
            [("Це жах, ми всі дуже злякалися", None)],
        ),
        # a whole clause after a colon, in a sentence whose subject is one named person
        (
            "Голова громади Тельман Махмудов проявів не відчуває: «Особисто я залишився в Полтаві після служби».",
            [("Тельман Махмудов", "PER", ["Тельман Махмудов"])],
            [("Особисто я залишився в Полтаві після служби", "Тельман Махмудов")],
        ),
        # a short title after a colon is not speech
        (
            "Тельман Махмудов оголосив конкурс: «Краще місто України».",
            [("Тельман Махмудов", "PER", ["Тельман Махмудов"])],
            [],
        ),
    ],
)
def test_speaker_introduced_before_an_unattributed_quote(analyse, text, entities, expected):
    assert [(q.text, q.speaker_name) for q in analyse(text, entities).quotes] == expected
