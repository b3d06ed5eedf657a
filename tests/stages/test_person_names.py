"""Person names: nominative forms that agree with the first name, lone surnames that belong
to the person the article names in full, first names that are not KB surnames."""

from __future__ import annotations

import pytest

import svidok
from svidok.names.nominative import agreeing_word


@pytest.mark.parametrize(
    "word, pairs, expected",
    [
        ("Андреїшина", {("gent", "masc")}, "Андреїшин"),  # Євгена Андреїшина: a man
        ("Андреїшина", {("nomn", "femn")}, "Андреїшина"),  # Ірина Андреїшина: a woman
        ("Імановій", {("datv", "femn")}, "Іманова"),
        ("Іванової", {("gent", "femn")}, "Іванова"),
        ("Тимошенко", {("gent", "femn")}, "Тимошенко"),  # indeclinable
    ],
)
def test_surname_agrees_with_the_first_name(word, pairs, expected):
    assert agreeing_word(word, frozenset(pairs), "uk") == expected


def _people(text: str, lang: str = "uk") -> dict[str, tuple[str | None, list[str]]]:
    doc = svidok.analyze(text, language=lang)
    return {e.name: (e.kb_id, [m.text for m in e.mentions]) for e in doc.entities if e.type == "PER"}


def test_lone_surname_joins_the_person_named_in_full_not_a_kb_namesake():
    people = _people(
        "Радник Президента Олег Медведєв заявив, що загроза зростає. «Рушниця вистрілить», - зазначає Медведєв."
    )
    assert people == {"Олег Медведєв": (None, ["Олег Медведєв", "Медведєв"])}


def test_lone_surname_of_a_kb_person_still_links_when_nobody_else_has_it():
    people = _people("Медведєв знову погрожує Європі.")
    assert people["Дмитро Медведєв"][0] == "per:dmytro-medvediev"


def test_a_first_name_alone_is_not_a_kb_surname():
    people = _people("Об этом сообщил сам Павел в видеообращении.", "ru")
    assert all(kb_id is None for kb_id, _ in people.values())


@pytest.mark.parametrize(
    "word, pairs, expected",
    [
        ("Бомбандьорова", {("gent", "masc")}, "Бомбандьоров"),
        ("Бомбандьоровим", {("ablt", "masc")}, "Бомбандьоров"),
        ("Бомбандьоровій", {("datv", "femn")}, "Бомбандьорова"),
        ("Бомбандьорову", {("accs", "femn")}, "Бомбандьорова"),
        ("Андреїшини", {("gent", "femn")}, "Андреїшина"),  # declined as a noun
        ("Андреїшиній", {("datv", "femn")}, "Андреїшина"),
        ("Ковальчука", {("gent", "masc")}, None),  # not a possessive-type surname
        ("Бомбандьорова", {("gent", "masc"), ("gent", "femn")}, "Бомбандьоров"),
    ],
)
def test_unknown_surnames_turn_by_their_ending(word, pairs, expected):
    from svidok.names.nominative import surname_by_ending

    assert surname_by_ending(word, frozenset(pairs)) == expected


def _orgs(text: str) -> dict[str, list[str]]:
    doc = svidok.analyze(text, language="uk")
    return {e.name: [m.text for m in e.mentions] for e in doc.entities if e.type == "ORG"}


def test_an_abbreviation_joins_the_organisation_whose_initials_it_spells():
    orgs = _orgs(
        "«Південно- Західна залізниця» повідомляє, що звернулась фірма. Разом із тим ПЗЗ акцентує, що це не так."
    )
    assert orgs["Південно-Західна залізниця"] == ["Південно- Західна залізниця", "ПЗЗ"]


def test_a_legal_form_does_not_split_an_organisation():
    orgs = _orgs(
        "Реконструкцією займається ТОВ «Еста Холдинг». За інформацією «Еста Холдинг», тріщини не є небезпечними."
    )
    assert list(orgs.values()) == [["ТОВ «Еста Холдинг»", "Еста Холдинг"]]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Депутат Петро Іваненко заявив про відставку.", "Петро Іваненко"),  # not the vocative of Петра
        ("Слово надали Петрові Іваненку.", "Петро Іваненко"),  # a first name, not the surname Петров
        ("Слово надали Сергію Петрову.", "Сергій Петров"),
    ],
)
def test_first_names_are_read_as_first_names_in_the_nominative(text, name):
    assert name in _people(text)


def test_a_hyphenated_spelling_does_not_split_an_organisation():
    orgs = _orgs(
        "За інформацією «Еста Холдинг», тріщин немає. Крім того, за версією «Еста-Холдинг» оренда законна."
    )
    assert list(orgs.values()) == [["Еста Холдинг", "Еста-Холдинг"]]


def test_hyphenated_adjectives_of_an_organisation_turn_to_the_nominative():
    doc = svidok.analyze("Директор Південно-Західної залізниці прибув до Північно-Атлантичного альянсу.")
    assert {e.name for e in doc.entities} == {"Південно-Західна залізниця", "Північно-Атлантичний альянс"}


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Тертиця Анатолій Юрійович", "Анатолій Тертиця"),
        ("Махмудов Тельман Зейнал Огли", "Тельман Махмудов"),
        ("Іван Іванович Петренко", "Іван Іванович Петренко"),
        ("Володимир Зеленський", "Володимир Зеленський"),
    ],
)
def test_surname_first_official_names_are_written_first_name_first(name, expected):
    from svidok.stages.link import first_name_first

    assert first_name_first(name) == expected


@pytest.mark.parametrize(
    "text, lang, name, surfaces",
    [
        ("По словам Анжелы Василевской, все хорошо.", "ru", "Анжела Василевская", ["Анжелы Василевской"]),
        ("Об этом сказала Анжела Василевская.", "ru", "Анжела Василевская", ["Анжела Василевская"]),
        (  # an unknown surname inflected on its own joins the full name
            "Аналитик Лиам Деннинг считает, что цены вырастут. По словам Деннинга, рынок нестабилен.",
            "ru",
            "Лиам Деннинг",
            ["Лиам Деннинг", "Деннинга"],
        ),
    ],
)
def test_women_keep_their_surname_and_lone_surnames_join_in_any_case(text, lang, name, surfaces):
    people = _people(text, lang)
    assert people[name][1] == surfaces
