"""English reported clauses without "that", closing "…, he said" attributions, and Russian
names whose surname the analyser misreads (table-driven, positive and negative)."""

from __future__ import annotations

import pytest

SY = ("Andrii Sybiha", "PER", ["Andrii Sybiha", "Sybiha"])
PE = ("Dmitry Peskov", "PER", ["Dmitry Peskov", "Peskov"])
SY_RU = ("Андрій Сибіга", "PER", ["Андрей Сибига", "Сибига"])
RU_RUTTE = ("Марк Рютте", "PER", ["Марк Рютте"])
ZE = ("Володимир Зеленський", "PER", ["Володимир Зеленський", "Зеленський"])


def _rows(doc):
    return [(q.kind, q.text, q.speaker_name, q.cue) for q in doc.quotes]


@pytest.mark.parametrize(
    "lang, text, entities, expected",
    [
        ("en", "Andrii Sybiha said Kyiv was ready for talks.", [SY],
         [("indirect", "Kyiv was ready for talks", "Andrii Sybiha", "said")]),
        ("en", "Dmitry Peskov told reporters the sanctions were illegal.", [PE],
         [("indirect", "the sanctions were illegal", "Dmitry Peskov", "told")]),
        ("en", "Dmitry Peskov told the BBC Moscow would not attend.", [PE],
         [("indirect", "Moscow would not attend", "Dmitry Peskov", "told")]),
        ("en", "Russia continues to strike the grid, Andrii Sybiha said.", [SY],
         [("indirect", "Russia continues to strike the grid", "Andrii Sybiha", "said")]),
        ("en", "Andrii Sybiha met Dmitry Peskov. Russia continues to strike the grid, he told reporters.",
         [SY, PE], [("indirect", "Russia continues to strike the grid", "Dmitry Peskov", "told")]),
        # the subject of a clause without "that" is not the speaker
        ("en", "Officials met. Sybiha said Kyiv was ready.", [("Kyiv", "LOC", ["Kyiv"])],
         [("indirect", "Kyiv was ready", None, "said")]),
        # a verb the analyser reads first as something else ("говорят" as a parenthetical)
        ("ru", "Однако источники говорят, что генерал не выходил на связь.", [],
         [("indirect", "генерал не выходил на связь", None, "говорят")]),
        # negatives: no clause after the verb, or a clause without a finite verb
        ("en", "Andrii Sybiha said nothing about the talks.", [SY], []),
        ("en", "Dmitry Peskov told reporters in Moscow about the plan.", [PE], []),
        ("en", "The minister said goodbye, and the delegation left the hall.", [], []),
        # Ukrainian: a subject before the closing verb
        ("uk", "Переговори зайшли в глухий кут, Зеленський додав.", [ZE],
         [("indirect", "Переговори зайшли в глухий кут", "Володимир Зеленський", "додав")]),
        # Russian: a foreign surname the dictionary reads as a plural or dative noun
        ("ru", "Министр Андрей Сибига заявил, что Киев готов к переговорам.", [SY_RU],
         [("indirect", "Киев готов к переговорам", "Андрій Сибіга", "заявил")]),
        ("ru", "Марк Рютте подчеркнул, что альянс поддержит Украину.", [RU_RUTTE],
         [("indirect", "альянс поддержит Украину", "Марк Рютте", "подчеркнул")]),
    ],
)  # fmt: skip
def test_constructions(analyse, lang, text, entities, expected):
    assert _rows(analyse(text, entities, language=lang)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a body's name before the role belongs to the role; the person after it speaks
        ('"This is a historic moment," said NATO Secretary General Mark Rutte.',
         [("direct", "Марк Рютте", "NATO Secretary General", "said")]),
        ('"Talks are possible," said Kremlin spokesman Dmitry Peskov.',
         [("direct", "Дмитро Пєсков", "Kremlin spokesman", "said")]),
        ("Ukrainian President Volodymyr Zelensky said that Kyiv would not cede any territory.",
         [("indirect", "Володимир Зеленський", "Ukrainian President", "said")]),
        # the subject before the verb speaks, not a place after it
        ('Volodymyr Zelensky spoke on Tuesday. "We will not give up our land," he told reporters in Kyiv.',
         [("direct", "Володимир Зеленський", None, "told")]),
        ("Зеленський виступив. «Ми не віддамо землю», — він сказав журналістам у Києві.",
         [("direct", "Володимир Зеленський", None, "сказав")]),
        # a place glued by the model before the name is cut off; the addressee is no role
        ("Зеленський виступив. «Ми не віддамо землю», — сказав журналістам у Києві Зеленський.",
         [("direct", "Володимир Зеленський", None, "сказав")]),
        # an outlet reporting a clause speaks it (and is the source)
        ("The Wall Street Journal reported that Washington was preparing new sanctions.",
         [("indirect", "The Wall Street Journal", None, "reported")]),
        ("Washington is preparing new sanctions, The Wall Street Journal reported.",
         [("indirect", "The Wall Street Journal", None, "reported")]),
        ("Washington is preparing new sanctions, Reuters reported, citing three sources.",
         [("indirect", "Reuters", None, "reported")]),
        # an unnamed official after a longer subject phrase is a voice with a role, no speaker
        ('"We will respond," a senior Ukrainian official told CNN on condition of anonymity.',
         [("direct", None, "official", "told")]),
        # a quoted sentence after a quoted sentence goes on with the same voice
        ('"We are ready," Zelensky said in a video address on Sunday. "But Russia is not."',
         [("direct", "Володимир Зеленський", None, "said"), ("direct", "Володимир Зеленський", None, None)]),
        ("«Ми готові», — сказав Зеленський у відеозверненні. «Але Росія — ні».",
         [("direct", "Володимир Зеленський", None, "сказав"), ("direct", "Володимир Зеленський", None, None)]),
        # ... but not a two-word title after a sentence with a quote in it
        ("«Ми готові», — сказав Зеленський. «Укрнафта» мовчить.", [("direct", "Володимир Зеленський", None, "сказав")]),
        # negatives: "reported" with an object, not a clause
        ("The company reported a loss of two billion dollars.", []),
        ("She reported the crime to the police.", []),
        ('"Talks are possible," said the Kremlin.', [("direct", "Кремль", None, "said")]),
    ],
)  # fmt: skip
def test_real_pipeline_english_attributions(text, expected):
    import svidok

    doc = svidok.analyze(text)
    assert [(q.kind, q.speaker_name, q.speaker_role, q.cue) for q in doc.quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("According to the Kyiv Independent, the attack killed five people.", [("Kyiv Independent", "According to")]),
        ("The attack killed five people, according to the BBC.", [("BBC", "according to")]),
        ("According to a source, the attack killed five people.", []),  # not a name: no source named
    ],
)
def test_english_sources_past_an_article(text, expected):
    import svidok

    assert [(s.name, s.cue) for s in svidok.analyze(text).sources] == expected
