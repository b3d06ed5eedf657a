"""Speaker resolution: names, pronouns, role nouns, group voices, and never inventing one."""

from __future__ import annotations

import pytest

ZE = ("Володимир Зеленський", "PER", ["Володимир Зеленський", "Зеленський", "Зеленського"])
ZA = ("Марія Захарова", "PER", ["Марія Захарова", "Захарова"])
KYIV = ("Київ", "LOC", ["Києва", "Київ"])
RF = ("Росія", "LOC", ["рф", "Росія"])


def _speakers(doc):
    return [(q.speaker_name, q.speaker_role) for q in doc.quotes]


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # named subject, before or after the verb, with the role the text gives
        (
            "Президент України Володимир Зеленський заявив, що мир можливий.",
            [ZE],
            [("Володимир Зеленський", "Президент України")],
        ),
        ("Мир можливий, заявив президент Зеленський.", [ZE], [("Володимир Зеленський", "президент")]),
        (
            "Речниця МЗС рф Марія Захарова сказала, що переговори тривають.",
            [ZA, RF],
            [("Марія Захарова", "Речниця МЗС рф")],
        ),
        # pronouns by gender, to the last compatible person named as a subject
        (
            "Зеленський прибув до Києва. Він заявив, що мир можливий.",
            [ZE, KYIV],
            [("Володимир Зеленський", None)],
        ),
        (
            "Зеленський і Захарова виступили. Вона сказала, що переговори тривають.",
            [ZE, ZA],
            [("Марія Захарова", None)],
        ),
        ("Захарова виступила вранці. Він сказав, що переговори тривають.", [ZA], [(None, None)]),
        ("Вони заявили, що переговори тривають.", [], [(None, None)]),
        # a role noun binds to its last named holder
        (
            "Президент України Володимир Зеленський прибув. Президент наголосив, що мир можливий.",
            [ZE],
            [("Володимир Зеленський", "Президент")],
        ),
        ("Президент наголосив, що мир можливий.", [], [(None, "Президент")]),
        # ... of the verb's gender: "суддя зазначила" is not the male judge named before
        (
            "Суддя Олег Петренко відкрив засідання. Суддя зазначила, що справа складна.",
            [("Олег Петренко", "PER", ["Олег Петренко"])],
            [(None, "Суддя")],
        ),
        # group voices keep the phrase, never a name
        ("Аналітики вважають, що саміт є перемогою.", [], [(None, "Аналітики")]),
        (
            "Військова прокуратура стверджувала, що продаж був незаконним.",
            [],
            [(None, "Військова прокуратура")],
        ),
        ("Джерела в уряді повідомили, що відставки не буде.", [], [(None, "Джерела в уряді")]),
        ("Представники рф натякають, що угода можлива.", [RF], [(None, "Представники рф")]),
        ("Російські чиновники відкрито говорять, що теми будуть ширші.", [], [(None, "Російські чиновники")]),
        # agreement: a plural verb never takes a singular name
        ("Зеленський зустрівся з аналітиками, які заявили, що війна триватиме.", [ZE], [(None, None)]),
        # the name of a place the verb's subject depends on is not the speaker
        (
            "Уряд Британії заявив, що підтримає Україну.",
            [("Британія", "LOC", ["Британії"])],
            [(None, "Уряд Британії")],
        ),
    ],
)
def test_speaker(analyse, text, entities, expected):
    assert _speakers(analyse(text, entities)) == expected


def test_speaker_is_the_entity_id(analyse):
    doc = analyse("Зеленський заявив, що мир можливий.", [ZE])
    assert doc.quotes[0].speaker == doc.entities[0].id


def test_bare_name_without_entity_keeps_the_surface(analyse):
    doc = analyse("Депутат Держдуми Сєргєй Гаврілов заявив, що переговори тривають.")
    assert _speakers(doc) == [("Сєргєй Гаврілов", "Депутат Держдуми")]
    assert doc.quotes[0].speaker is None


LY = ("Олег Литвяк", "PER", ["Олег Литвяк", "Литвяк"])
MK = ("Марина Кривохижа", "PER", ["Марина Кривохижа"])


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # an omitted subject continues the last person named, by the verb's gender
        (
            "Олег Литвяк прокоментував ситуацію. «Ми не бачимо загрози», – зазначив.",
            [LY],
            [("Олег Литвяк", None)],
        ),
        (
            "Марина Кривохижа працює тут давно. «Все згоріло за ніч», – розповідала.",
            [MK],
            [("Марина Кривохижа", None)],
        ),
        # ... but not across genders, not for plural verbs, and not with nobody named before
        ("Марина Кривохижа працює тут давно. «Все згоріло за ніч», – розповідав.", [MK], [(None, None)]),
        ("Олег Литвяк приїхав. «Це кінець», – сказали.", [LY], [(None, None)]),
        ("«Все згоріло за ніч», – розповідав.", [], [(None, None)]),
        # too far back: no antecedent
        (
            (
                "Олег Литвяк приїхав. Потім був дощ. Усі чекали. Потяг запізнився. Ніхто не знав чому. "
                "«Це кінець», – сказав."
            ),
            [LY],
            [(None, None)],
        ),
    ],
)
def test_omitted_subject(analyse, text, entities, expected):
    assert _speakers(analyse(text, entities)) == expected


OP = ("Олександр Попов", "PER", ["Олександр Попов"])


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # a generic role noun points back to the person just introduced
        (
            "Директор групи Олександр Попов говорив про ринок. «Ціни зростуть», – вважає експерт.",
            [OP],
            [("Олександр Попов", "експерт")],
        ),
        # a title noun does not: "президент" needs a holder introduced with that title
        (
            "Директор групи Олександр Попов говорив про ринок. «Ціни зростуть», – вважає президент.",
            [OP],
            [(None, "президент")],
        ),
        # nobody introduced: the role stays unnamed
        ("«Ціни зростуть», – вважає експерт.", [], [(None, "експерт")]),
    ],
)
def test_anaphoric_role_nouns(analyse, text, entities, expected):
    assert _speakers(analyse(text, entities)) == expected


COURT = ("Господарський суд міста Києва", "ORG", ["Господарський суд міста Києва"])


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        (
            "Справу розглянув Господарський суд міста Києва. Суд зазначив, що зміни набули чинності.",
            [COURT],
            [("Господарський суд міста Києва", "Суд")],
        ),
        # an organisation of another kind is not the court
        (
            "Компанія «Нафтогаз України» подала позов. Суд зазначив, що позов обґрунтований.",
            [("Нафтогаз України", "ORG", ["Нафтогаз України"])],
            [(None, "Суд")],
        ),
        ("Суд зазначив, що зміни набули чинності.", [], [(None, "Суд")]),
    ],
)
def test_collective_noun_names_the_organisation_mentioned_before(analyse, text, entities, expected):
    assert _speakers(analyse(text, entities)) == expected


def test_an_unrecognised_subject_is_not_replaced_by_the_last_person(analyse):
    doc = analyse(
        "Речник Тарас Палій виступив уранці. Медіа центр РНБО 30 липня повідомив, що ситуація під контролем.",
        [("Тарас Палій", "PER", ["Тарас Палій"])],
    )
    assert [q.speaker_name for q in doc.quotes] == ["Медіа центр РНБО"]  # the unit as written


@pytest.mark.parametrize(
    "text, expected",
    [
        # "вони" continues a group voice: still no person, but the group's phrase as the role
        (
            "Аналітики вважають, що саміт нічого не змінить. Вони також зазначають, що санкції діють.",
            [(None, "Аналітики"), (None, "Аналітики")],
        ),
        (
            "Українські військові відбили атаку. Вони повідомили, що втрат немає.",
            [(None, "Українські військові")],
        ),
        # nothing to continue, or the group is only mentioned (not a subject): no role either
        ("Вони заявили, що не підуть.", [(None, None)]),
        ("Журналіст Іван Петров розповів про аналітиків. Вони заявили, що втрат немає.", [(None, None)]),
    ],
)
def test_plural_pronoun_continues_a_group_voice(analyse, text, expected):
    assert _speakers(analyse(text)) == expected
