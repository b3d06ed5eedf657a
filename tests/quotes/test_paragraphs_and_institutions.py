"""Quotes over several paragraphs, names with unbalanced quote marks, and institutions that
speak through a locative phrase ("У прес-службі МОЗ зазначили")."""

from __future__ import annotations

SV = ("Юлія Свириденко", "PER", ["Юлія Свириденко"])
AV = ("Віталій Авраменко", "PER", ["Віталій Авраменко"])
FED = ("ТОВ «БВК «Компанія Федорченко»", "ORG", ["ТОВ «БВК «Компанія Федорченко»"])
MOZ = ("Міністерство охорони здоров'я", "ORG", ["МОЗ"])
MZS = ("Міністерство закордонних справ", "ORG", ["МЗС"])
KREMLIN = ("Кремль", "ORG", ["Кремля"])


def _rows(doc):
    return [(q.kind, q.text, q.speaker_name, q.speaker_role) for q in doc.quotes]


def test_quote_closed_paragraphs_later_is_one_quote(analyse):
    text = (
        "Прем'єр підбила підсумки.\n\n«Це була важка зима. Ми втратили багато.\n\n"
        "Але ми відновимо все», — наголосила Юлія Свириденко."
    )
    assert _rows(analyse(text, [SV])) == [
        ("direct", "Це була важка зима. Ми втратили багато.\n\nАле ми відновимо все", "Юлія Свириденко", None)
    ]


def test_each_paragraph_reopening_the_quote_continues_it(analyse):
    text = "Свириденко заявила:\n\n«Ціни зростуть.\n\n«Але уряд допоможе людям», — додала Юлія Свириденко."
    rows = _rows(analyse(text, [SV]))
    assert rows[-1][1].startswith("Ціни зростуть.") and rows[-1][1].endswith("допоможе людям")
    assert rows[-1][2] == "Юлія Свириденко"


def test_a_paragraph_left_open_without_a_later_close_is_not_extended(analyse):
    text = "«Ціни зростуть, — сказала Юлія Свириденко.\n\nУряд ухвалив бюджет на наступний рік без змін."
    doc = analyse(text, [SV])
    assert all("бюджет" not in q.text for q in doc.quotes)


def test_unbalanced_marks_of_an_org_name_neither_carry_nor_hide_the_speaker(analyse):
    text = (
        "Забудовники ТОВ «БВК «Компанія Федорченко» кажуть: попит зростає.\n\n"
        "«Однокімнатна квартира коштує 200 тисяч.\n\nЦе вигідно», - підкреслив директор "
        "ТОВ «БВК «Компанія Федорченко» Віталій Авраменко."
    )
    rows = _rows(analyse(text, [AV, FED]))
    assert rows[-1][:3] == (
        "direct",
        "Однокімнатна квартира коштує 200 тисяч.\n\nЦе вигідно",
        "Віталій Авраменко",
    )
    assert not any("Однокімнатна" in r[1] and r[0] == "indirect" for r in rows)


def test_press_service_speaks_for_its_institution(analyse):
    # eval/README: the speaker is the press service as a reader writes it ("прес-служба МОЗ");
    # the speaker's entity is the ministry it speaks for
    doc = analyse("У прес-службі МОЗ зазначили, що вакцини надійдуть у грудні.", [MOZ])
    assert _rows(doc) == [("indirect", "вакцини надійдуть у грудні", "прес-служба МОЗ", None)]
    assert doc.quotes[0].speaker == doc.entities[0].id


def test_institution_in_locative_speaks(analyse):
    rows = _rows(analyse("В МЗС заявили, що посол повернеться до Києва.", [MZS]))
    assert rows == [("indirect", "посол повернеться до Києва", "Міністерство закордонних справ", None)]


def test_russian_press_service(analyse):
    rows = _rows(analyse("В пресс-службе Кремля заявили, что встреча состоится.", [KREMLIN], language="ru"))
    assert rows == [("indirect", "встреча состоится", "пресс-служба Кремля", None)]


def test_a_place_in_locative_is_not_a_voice(analyse):
    rows = _rows(analyse("У Києві заявили, що метро працюватиме до півночі.", [("Київ", "LOC", ["Києві"])]))
    assert rows == [("indirect", "метро працюватиме до півночі", None, None)]


def test_pronoun_after_an_organisation_opening_the_previous_sentence(analyse):
    court = ("Київський апеляційний адмінсуд", "ORG", ["Київський апеляційний адмінсуд"])
    text = "Київський апеляційний адмінсуд змінив постанову райсуду. Він зазначив, що суд не може зобов'язати РДА."
    assert _rows(analyse(text, [court])) == [
        ("indirect", "суд не може зобов'язати РДА", "Київський апеляційний адмінсуд", None)
    ]


def test_pronoun_does_not_take_an_organisation_of_another_gender(analyse):
    agency = ("Служба безпеки", "ORG", ["Служба безпеки"])
    person = ("Василь Малюк", "PER", ["Василь Малюк"])
    text = (
        "Василь Малюк прибув до Києва. Служба безпеки затримала агента. Він заявив, що агент працював на рф."
    )
    assert _rows(analyse(text, [agency, person]))[0][2] == "Василь Малюк"


CH = ("Георгій Чижов", "PER", ["Георгій Чижов"])
GI = ("Ігор Гіркін", "PER", ["Ігор Гіркін"])


def test_a_quote_opened_after_that_runs_over_paragraphs(analyse):
    text = (
        "Політолог Георгій Чижов зазначає, що «в суспільстві зростає націоналізм.\n\n"
        "Іконою здатен стати Ігор Гіркін.\n\nЦе серйозне ядро».\n\n"
        "Він також констатує, що не все спокійно в республіках."
    )
    doc = analyse(text, [CH, GI])
    first = doc.quotes[0]  # the whole clause after "що" is in marks: a direct quote
    assert (first.kind, first.text) == (
        "direct",
        "в суспільстві зростає націоналізм.\n\nІконою здатен стати Ігор Гіркін.\n\nЦе серйозне ядро",
    )
    # the person named inside the quote is not who "Він" is
    assert [q.speaker_name for q in doc.quotes] == ["Георгій Чижов", "Георгій Чижов"]


def test_a_mark_after_that_left_open_is_not_carried_on(analyse):
    text = "Георгій Чижов зазначає, що «націоналізм зростає.\n\nІгор Гіркін заявив, що війна триватиме."
    doc = analyse(text, [CH, GI])
    assert [q.speaker_name for q in doc.quotes] == ["Георгій Чижов", "Ігор Гіркін"]
