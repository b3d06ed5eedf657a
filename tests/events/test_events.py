"""The events stage on the sample and on short realistic texts written for these tests (uk, ru,
en): types, actors, targets, place, time, negation, modality, and valid offsets."""

from __future__ import annotations

import pytest

import svidok


def _events(text: str, language: str = "uk"):
    doc = svidok.analyze(text, language=language)
    svidok.validate(svidok.to_dict(doc))  # schema + every span's offsets
    return doc.events


def _frame(event):
    return event.type, [a.name for a in event.actors], [a.name for a in event.targets]


def _find(events, kind):
    found = [e for e in events if e.type == kind]
    assert found, f"no {kind} among {[_frame(e) for e in events]}"
    return found[0]


def test_sample_meeting_proposal_and_rejections(sample_doc):
    events = sample_doc.events
    meet = _find(events, "MEET")
    assert [a.name for a in meet.actors] == ["Дональд Трамп", "Володимир Путін"]
    assert meet.place is not None and meet.place.name == "Аляска"
    assert meet.modality == "planned"  # "яка відбудеться на Алясці"
    proposals = [e for e in events if e.type == "PROPOSE"]
    assert {a.name for e in proposals for a in e.actors} == {"Володимир Путін", "Кремль"}
    assert next(e for e in proposals if e.actors[0].name == "Володимир Путін").modality == "reported"
    rejecting = {a.name for e in events if e.type == "REJECT" for a in e.actors}
    assert {"Володимир Зеленський", "Київ", "європейські лідери"} <= rejecting
    assert not [e for e in events if e.type == "ATTACK"]
    for event in events:
        assert sample_doc.text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.sentence.end


def test_meeting_with_partner_place_and_weekday():
    text = (
        "Міністр закордонних справ України Андрій Сибіга у п'ятницю зустрівся з державним секретарем "
        "США Марко Рубіо у Вашингтоні."
    )
    meet = _find(_events(text), "MEET")
    assert [a.name for a in meet.actors] == ["Андрій Сибіга", "Марко Рубіо"]  # США only describes Рубіо
    assert meet.place.name == "Вашингтон" and meet.time.text == "у п'ятницю"
    assert meet.modality == "actual" and not meet.negated


def test_refused_meeting_is_a_meeting_not_a_rejection():
    text = "Прем'єр-міністр Угорщини Віктор Орбан відмовився зустрітися з Володимиром Зеленським у Брюсселі."
    events = _events(text)
    assert [e.type for e in events] == ["MEET"]
    assert events[0].modality == "refused"
    assert [a.name for a in events[0].actors] == ["Віктор Орбан", "Володимир Зеленський"]


def test_negated_support_and_sanctions_against_a_target():
    events = _events("Угорщина не підтримала нові санкції ЄС проти Росії, повідомляє Reuters.")
    support = _find(events, "SUPPORT")
    assert support.negated and [a.name for a in support.actors] == ["Угорщина"]
    sanction = _find(events, "SANCTION")
    assert [a.name for a in sanction.actors] == ["Європейський Союз"]
    assert [a.name for a in sanction.targets] == ["Росія"]
    assert sanction.modality == "reported"  # the sentence is attributed to Reuters


def test_attack_by_a_group_with_date():
    attack = _find(
        _events("Увечері 15 серпня російські війська обстріляли Харків балістичними ракетами."), "ATTACK"
    )
    assert [a.name for a in attack.actors] == ["російські війська"] and attack.actors[0].entity is None
    assert [a.name for a in attack.targets] == ["Харків"]
    assert attack.time.text == "15 серпня"


def test_accusation_actor_and_target():
    accuse = _find(_events("Кремль звинуватив Київ у зриві переговорів у Стамбулі."), "ACCUSE")
    assert _frame(accuse) == ("ACCUSE", ["Кремль"], ["Київ"])


def test_proposed_negotiations_take_the_proposal_as_modality():
    text = (
        "Президент Туреччини Реджеп Таїп Ердоган запропонував провести переговори між Україною та "
        "Росією в Стамбулі."
    )
    events = _events(text)
    assert [e.type for e in events] == ["NEGOTIATE"]
    assert events[0].modality == "proposed"
    assert {"Україна", "Росія"} <= {a.name for a in events[0].actors}


def test_russian_planned_meeting_and_rejection():
    text = (
        "Президент России Владимир Путин в пятницу встретится с президентом США Дональдом Трампом на Аляске. "
        "Ранее Кремль отверг предложение о перемирии."
    )
    events = _events(text, "ru")
    meet = _find(events, "MEET")
    assert [a.name for a in meet.actors] == ["Володимир Путін", "Дональд Трамп"]
    assert meet.modality == "planned" and meet.place.name == "Аляска"
    assert _frame(_find(events, "REJECT"))[1] == ["Кремль"]


def test_english_meeting_and_rejection():
    text = (
        "On Friday, US President Donald Trump met Russian President Vladimir Putin in Anchorage. "
        "Ukrainian President Volodymyr Zelensky rejected the proposal."
    )
    events = _events(text, "en")
    meet = _find(events, "MEET")
    assert [a.name for a in meet.actors] == ["Дональд Трамп", "Володимир Путін"]
    assert meet.time.text == "On Friday"
    assert _frame(_find(events, "REJECT"))[1] == ["Володимир Зеленський"]


FOOTBALL = (
    "«Динамо» атакувало з перших хвилин матчу. Уже на 10-й хвилині Владислав Ванат ударом з-за меж "
    "штрафного відкрив рахунок, а після перерви «Шахтар» пішов у атаку, але воротар киян Руслан Нещерет "
    "двічі врятував команду. Тренер «Динамо» Олександр Шовковський підтримав гравців після гри."
)


def test_sports_report_has_no_attacks():
    events = _events(FOOTBALL)
    assert not [e for e in events if e.type in ("ATTACK", "THREATEN", "SUPPORT")]


def test_the_same_verb_outside_sport_is_an_attack():
    text = "Російські війська атакували Запоріжжя дронами, повідомив голова ОВА Іван Федоров."
    assert _find(_events(text), "ATTACK").targets[0].name == "Запоріжжя"


@pytest.mark.parametrize("text", ["", "Переговори.", "Зустріч відбудеться завтра."])
def test_no_event_without_participants(text):
    assert _events(text) == []


def test_a_subject_pronoun_is_the_actor_it_refers_to():
    doc = svidok.analyze(
        "Президент Володимир Зеленський прибув до Брюсселя. Він відкинув пропозицію Кремля. "
        "Аналітики вважають це важливим. Вони вимагають санкцій.",
        language="uk",
    )
    actors = {e.type: [(a.name, a.text) for a in e.actors] for e in doc.events}
    assert actors["REJECT"] == [("Володимир Зеленський", "Він")]
    assert actors["DEMAND"] == [("Аналітики", "Вони")]
