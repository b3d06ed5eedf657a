"""Bodies and units as speakers, named as the text names them (eval/README: "прес-служба МОЗ"):
locative bodies the entity stages do not know, press services, units of a named body; and a
journalist's outlet glued before their name."""

from __future__ import annotations

import pytest

import svidok

MOZ = ("Міністерство охорони здоров'я України", "ORG", ["МОЗ"])
RNBO = ("Рада національної безпеки і оборони України", "ORG", ["РНБО"])
AMKU = ("Антимонопольний комітет України", "ORG", ["Антимонопольний комітет", "АМКУ"])
MINDEF = ("Міністерство оборони Росії", "ORG", ["Минобороны"])
KREMLIN = ("Кремль", "ORG", ["Кремля"])
PETRENKO = ("Іван Петренко", "PER", ["Прокурор Іван Петренко", "Іван Петренко"])
KYIV = ("Київ", "LOC", ["Києві"])


def _speakers(doc):
    return [(q.text, q.speaker_name) for q in doc.quotes]


@pytest.mark.parametrize(
    "lang, text, entities, expected",
    [
        # a locative body the entity stages did not name: the body, in the nominative
        (
            "uk",
            "Іван Петренко прибув на засідання. В обласній прокуратурі заявили, що справу передано до суду.",
            [PETRENKO],
            [("справу передано до суду", "обласна прокуратура")],
        ),
        (
            "uk",
            "Повідомили у Ковельському міськвиконкомі, що ремонт завершено.",
            [],
            [("ремонт завершено", "Ковельський міськвиконком")],
        ),
        (
            "ru",
            "В пресс-службе мэрии сообщили, что дороги расчистят.",
            [],
            [("дороги расчистят", "пресс-служба мэрии")],
        ),
        # a press service, before or after the verb, in the locative or as the subject
        (
            "uk",
            "У прес-службі МОЗ зазначили, що вакцини надійдуть.",
            [MOZ],
            [("вакцини надійдуть", "прес-служба МОЗ")],
        ),
        (
            "uk",
            "Прес-служба МОЗ повідомила, що вакцини надійдуть.",
            [MOZ],
            [("вакцини надійдуть", "Прес-служба МОЗ")],
        ),
        (
            "uk",
            "МОЗ ухвалило наказ. У прес-службі міністерства зазначили, що вакцини надійдуть.",
            [MOZ],
            [("вакцини надійдуть", "прес-служба МОЗ")],
        ),
        (
            "ru",
            "Пресс-служба Минобороны сообщила, что удар отражен.",
            [MINDEF],
            [("удар отражен", "Пресс-служба Минобороны")],
        ),
        (
            "ru",
            "В пресс-службе Кремля заявили, что встреча состоится.",
            [KREMLIN],
            [("встреча состоится", "пресс-служба Кремля")],
        ),
        # units of a named body
        (
            "uk",
            "Медіа центр РНБО повідомив, що ситуація погіршується.",
            [RNBO],
            [("ситуація погіршується", "Медіа центр РНБО")],
        ),
        (
            "uk",
            "Антимонопольний комітет оштрафував фірму. Київське відділення АМКУ повідомило, що не має інформації.",
            [AMKU],
            [("не має інформації", "Київське відділення АМКУ")],
        ),
        (
            "uk",
            "Управління по боротьбі з економічними злочинами Британії повідомило, що не знайшло порушень.",
            [("Британія", "LOC", ["Британії"])],
            [("не знайшло порушень", "Управління по боротьбі з економічними злочинами Британії")],
        ),
        # a company noun names the company after it, else the one named before
        (
            "uk",
            "«Суд визнав договори недійсними», – пояснили в компанії «Єгоров, Пугінський і партнери».",
            [],
            [("Суд визнав договори недійсними", "Єгоров, Пугінський і партнери")],
        ),
        (
            "uk",
            "Забудовником є ТОВ «Еста Холдинг». В компанії стверджують, що тріщини безпечні.",
            [("Еста Холдинг", "ORG", ["Еста Холдинг"])],
            [("тріщини безпечні", "Еста Холдинг")],
        ),
        # a parenthetical "як зазначили в X"; a bare body noun is the body named before
        (
            "uk",
            "Як зазначили в Нацполіції, затримано трьох підозрюваних.",
            [("Національна поліція України", "ORG", ["Нацполіції"])],
            [("затримано трьох підозрюваних", "Національна поліція України")],
        ),
        (
            "uk",
            "Національна поліція відкрила справу. У поліції повідомили, що затримано двох.",
            [("Національна поліція", "ORG", ["Національна поліція"])],
            [("затримано двох", "Національна поліція")],
        ),
        ("uk", "У поліції повідомили, що затримано двох.", [], [("затримано двох", "поліція")]),
        (
            "uk",
            "У «Київавтодорі» пояснили, що ремонт був необхідний.",
            [("Київавтодор", "ORG", ["Київавтодорі"])],
            [("ремонт був необхідний", "Київавтодор")],
        ),
        # a body noun with its genitive complement names the body as the subject too
        (
            "uk",
            "Міністерство аграрної політики повідомило, що експорт зріс.",
            [],
            [("експорт зріс", "Міністерство аграрної політики")],
        ),
        (
            "uk",
            "Преса сусідів повідомляла, що голуби стали повільними.",
            [],
            [("голуби стали повільними", None)],
        ),
        # a press service or unit after a cue phrase; a coordinated complement; an org head noun
        (
            "uk",
            "За інформацією прес-служби обласної федерації боксу, змагання відбудуться у травні.",
            [],
            [("змагання відбудуться у травні", "прес-служба обласної федерації боксу")],
        ),
        (
            "uk",
            "За інформацією управління молоді та спорту міськради, у турнірі взяли участь 120 спортсменів.",
            [],
            [("у турнірі взяли участь 120 спортсменів", "управління молоді та спорту міськради")],
        ),
        (
            "uk",
            "У зерновій асоціації заявили, що експорт скоротиться.",
            [],
            [("експорт скоротиться", "зернова асоціація")],
        ),
        # a nominative name after an idiom's noun is no genitive complement of it
        (
            "uk",
            "У свою чергу Київське відділення комітету повідомило, що не має інформації.",
            [("Київське відділення комітету", "ORG", ["Київське відділення комітету"])],
            [("не має інформації", "Київське відділення комітету")],
        ),
        # a body's site
        (
            "uk",
            "На сайті Запорізької міської ради повідомили, що ціна капремонту зросла.",
            [("Запорізька міська рада", "ORG", ["Запорізької міської ради"])],
            [("ціна капремонту зросла", "Запорізька міська рада")],
        ),
        ("ru", "На сайте мэрии сообщили, что дороги расчистят.", [], [("дороги расчистят", "мэрия")]),
        ("uk", "На сайті повідомили, що ціна зросла.", [], [("ціна зросла", None)]),
        # no body: a place, a bare unit noun, a plural group, a locative complement of a noun
        (
            "uk",
            "ЗМІ з посиланням на джерела в уряді повідомили, що контракт розірвано.",
            [],
            [("контракт розірвано", None)],
        ),
        (
            "uk",
            "У Києві заявили, що метро працюватиме до півночі.",
            [KYIV],
            [("метро працюватиме до півночі", None)],
        ),
        ("uk", "Управління повідомило, що рух перекрито.", [], [("рух перекрито", None)]),
        ("uk", "У відділі заявили, що рух перекрито.", [], [("рух перекрито", None)]),
    ],
)
def test_body_or_unit_speaks(analyse, lang, text, entities, expected):
    assert _speakers(analyse(text, entities, language=lang)) == expected


def test_a_unit_is_linked_to_its_parent(analyse):
    doc = analyse("Медіа центр РНБО повідомив, що ситуація погіршується.", [RNBO])
    rnbo = next(e for e in doc.entities if e.name == RNBO[0])
    assert (doc.quotes[0].speaker_name, doc.quotes[0].speaker) == ("Медіа центр РНБО", rnbo.id)


@pytest.mark.parametrize(
    "lang, text, person, outlet",
    [
        ("uk", "Журналіст Reuters Джон Сміт заявив, що переговори зірвано.", "Джон Сміт", "Reuters"),
        ("ru", "Bloomberg Лиам Деннинг пишет, что цены на нефть вырастут.", "Лиам Деннинг", "Bloomberg"),
    ],
)
def test_an_outlet_glued_before_a_journalist(lang, text, person, outlet):
    """The whole pipeline: the entity stages split the outlet off the person's name, the person
    speaks, and the outlet is not part of the speaker's name."""
    doc = svidok.analyze(text, language=lang)
    names = {e.name: e.type for e in doc.entities}
    assert (names.get(person), names.get(outlet)) == ("PER", "ORG")
    assert [q.speaker_name for q in doc.quotes] == [person]


def test_a_person_not_after_an_outlet_keeps_the_whole_name():
    doc = svidok.analyze("Журналіст Джон Сміт заявив, що переговори зірвано.", language="uk")
    assert [q.speaker_name for q in doc.quotes] == ["Джон Сміт"]


@pytest.mark.parametrize(
    "text, sources",
    [
        # the outlet glued before the journalist is a source, with the journalist after the verb
        ("Цены на нефть вырастут, пишет Bloomberg Лиам Деннинг.", {"Лиам Деннинг", "Bloomberg"}),
        ("Bloomberg Лиам Деннинг пишет, что цены на нефть вырастут.", {"Bloomberg"}),
        # a person reporting a clause is a speaker, not a source
        ("Лиам Деннинг пишет, что цены на нефть вырастут.", set()),
    ],
)
def test_a_journalists_outlet_is_a_source(analyse, text, sources):
    entities = [
        ("Bloomberg", "ORG", ["Bloomberg"], "org:bloomberg"),
        ("Лиам Деннинг", "PER", ["Лиам Деннинг"]),
    ]
    assert {s.name for s in analyse(text, entities, language="ru").sources} == sources


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("ru", "Юрист Андрей Смирнов в своем Telegram написал: «Суд нарушил закон».", "Андрей Смирнов"),
        ("uk", "Юрист Андрій Смирнов у своєму Facebook написав, що суд порушив закон.", "Андрій Смирнов"),
        # no possessive between: the platform right after "у" is not the speaker either
        ("uk", "Юрист Андрій Смирнов у Facebook написав, що суд порушив закон.", "Андрій Смирнов"),
    ],
)
def test_a_platform_after_a_preposition_is_no_speaker(analyse, lang, text, expected):
    people = [(expected, "PER", [expected])]
    platforms = [("Telegram", "ORG", ["Telegram"]), ("Meta", "ORG", ["Facebook"])]
    assert [q.speaker_name for q in analyse(text, people + platforms, language=lang).quotes] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Про це у Facebook написав голова ОДА Олег Синєгубов.", {"Олег Синєгубов"}),
        ("Про це написав голова ОДА Олег Синєгубов.", {"Олег Синєгубов"}),
        ("Голова ОДА Олег Синєгубов написав листа прем'єру.", set()),
    ],
)
def test_a_person_after_a_role_and_its_body_is_the_anaphoric_source(analyse, text, expected):
    entities = [("Олег Синєгубов", "PER", ["Олег Синєгубов"]), ("ОДА", "ORG", ["ОДА"])]
    assert {s.name for s in analyse(text, entities).sources} == expected


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # a title in marks told something is the addressee, not the speaker
        (
            "uk",
            "Як пояснив «Нашим грошам» директор фірми Олег Сидоренко, ціни ринкові.",
            [("indirect", "ціни ринкові", "Олег Сидоренко")],
        ),
        (
            "uk",
            "Ціни ринкові, пише «Економічна правда».",
            [("indirect", "Ціни ринкові", "Економічна правда")],
        ),
        # a company's name in marks before a comma and a verb is no quote
        (
            "uk",
            "Олег Сидоренко, директор ТОВ «Агро», пояснив, що ціни ринкові.",
            [("indirect", "ціни ринкові", "Олег Сидоренко")],
        ),
        ("uk", "«Ціни ринкові», – пояснив Олег Сидоренко.", [("direct", "Ціни ринкові", "Олег Сидоренко")]),
        # a marked fragment ending a longer clause: the clause is the quote
        (
            "ru",
            "Поставка самолетов является «лишь вопросом времени», предсказал Олег Сидоренко.",
            [("indirect", "Поставка самолетов является «лишь вопросом времени»", "Олег Сидоренко")],
        ),
    ],
)
def test_marks_beside_an_attribution(analyse, lang, text, expected):
    entities = [
        ("Олег Сидоренко", "PER", ["Олег Сидоренко"]),
        ("Економічна правда", "ORG", ["Економічна правда"]),
    ]
    doc = analyse(text, entities, language=lang)
    assert [(q.kind, q.text, q.speaker_name) for q in doc.quotes] == expected
