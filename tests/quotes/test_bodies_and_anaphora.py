"""Speakers named earlier in the story: role synonyms ("аналітик" … "Експерт"), companies
referred to as "компанія"/"забудовник", organisation abbreviations as subjects, head nouns of
group phrases, pronouns that look past people inside reported clauses, quotes opened after a
sentence end that run over paragraphs, and bare names put in the nominative."""

from __future__ import annotations

import pytest

ZHM = ("Олексій Жмеренецький", "PER", ["Олексій Жмеренецький"])
CHYZH = ("Георгій Чижов", "PER", ["Георгій Чижов"])
ESTA = ("ТОВ «Еста Холдинг»", "ORG", ["ТОВ «Еста Холдинг»"])
MZS = ("Міністерство закордонних справ", "ORG", ["МЗС"])
MED = ("Олег Медведєв", "PER", ["Олег Медведєв"])
PUTIN = ("Володимир Путін", "PER", ["Путін"])
MAKH = ("Тельман Махмудов", "PER", ["Тельман Махмудов", "Махмудов"])


def _rows(doc):
    return [(q.kind, q.text, q.speaker_name, q.speaker_role) for q in doc.quotes]


@pytest.mark.parametrize(
    "text, entities, speaker, role",
    [
        (  # another role of the same class
            "Так вважає аналітик Олексій Жмеренецький. Експерт наголошує, що проблема в правилах.",
            [ZHM],
            "Олексій Жмеренецький",
            "Експерт",
        ),
        (  # the last holder of any role of the class, not the last "аналітик"
            (
                "Так вважає аналітик Олексій Жмеренецький. Політолог Георгій Чижов зазначає, що "
                "росіяни втомилися. За словами аналітика, влада слабшає."
            ),
            [ZHM, CHYZH],
            "Георгій Чижов",
            "аналітика",
        ),
        (  # a role of another class does not bind
            "Так вважає аналітик Олексій Жмеренецький. Прокурор наголошує, що доказів немає.",
            [ZHM],
            None,
            "Прокурор",
        ),
    ],
)
def test_role_synonyms_bind_to_the_last_holder_of_the_class(analyse, text, entities, speaker, role):
    last = _rows(analyse(text, entities))[-1]
    assert last[2:] == (speaker, role)


@pytest.mark.parametrize(
    "sentence, role",
    [
        ("Крім того, компанія стверджує, що домовилась з міською владою.", "компанія"),
        ("Щодо землі, то в компанії стверджують, що мають договори.", None),
        ("Забудовник наполягає, що йому необхідно взяти в оренду ці землі.", "Забудовник"),
    ],
)
def test_company_nouns_refer_to_the_company_named_before(analyse, sentence, role):
    text = "Реконструкцією ЦУМу займається ТОВ «Еста Холдинг». Звинувачення фірма спростовує. " + sentence
    assert _rows(analyse(text, [ESTA]))[-1][2:] == ("ТОВ «Еста Холдинг»", role)


def test_a_company_noun_with_no_company_named_stays_unnamed(analyse):
    rows = _rows(analyse("Міністр Олег Медведєв поїхав. Компанія стверджує, що все гаразд.", [MED]))
    assert rows[-1][2:] == (None, "Компанія")


@pytest.mark.parametrize("verb", ["повідомило", "заявили"])
def test_an_abbreviated_organisation_speaks_in_either_number(analyse, verb):
    rows = _rows(analyse(f"МЗС {verb}, що бланки надійдуть у грудні.", [MZS]))
    assert rows == [("indirect", "бланки надійдуть у грудні", "Міністерство закордонних справ", None)]


def test_a_group_is_the_head_noun_not_its_complement(analyse):
    rows = _rows(analyse("Однак представники підприємства відповіли, що бланків немає.", []))
    assert rows == [("indirect", "бланків немає", None, "представники підприємства")]


def test_a_pronoun_looks_past_people_inside_a_reported_clause(analyse):
    text = (
        "Радник Олег Медведєв нагадує: експерти запевняли, що Путін піде в наступ. "
        "Тепер ніхто не чекає. Він стверджує: є ознаки підготовки до наступу."
    )
    assert _rows(analyse(text, [MED, PUTIN]))[-1][1:3] == ("є ознаки підготовки до наступу", "Олег Медведєв")


def test_a_quote_opened_after_a_sentence_end_runs_over_paragraphs(analyse):
    text = (
        "Голова громади Тельман Махмудов вважає дії влади неприпустимими. «Вчора вони прийшли в Крим.\n\n"
        "А що завтра? – зазначив пан Махмудов. – Прийдуть у Полтаву?\n\nЛюди страждають.»"
    )
    rows = _rows(analyse(text, [MAKH]))
    assert [r[1] for r in rows] == [
        "Вчора вони прийшли в Крим.\n\nА що завтра?",
        "Прийдуть у Полтаву?\n\nЛюди страждають.",
    ]
    assert {r[2] for r in rows} == {"Тельман Махмудов"}


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("За словами начальника відділу Ольги БРАТУШКИ, установи будуть окремими.", "Ольга Братушка"),
        ("За словами головного інженера Юрія Бомбандьорова, підміна неможлива.", "Юрій Бомбандьоров"),
    ],
)
def test_names_no_entity_covers_are_given_in_the_nominative(analyse, text, speaker):
    assert _rows(analyse(text, []))[0][2] == speaker


ESTA_Q = ("Еста Холдинг", "ORG", ["Еста Холдинг", "Еста-Холдинг"])
VITER = ("Петро Іваненко", "PER", ["Петро Іваненко"])


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "За інформацією «Еста Холдинг», тріщини на будівлях не є небезпечними.",
            ("indirect", "тріщини на будівлях не є небезпечними", "Еста Холдинг", None),
        ),
        (  # no comma after the name: the clause follows it
            "Крім того, за версією «Еста-Холдинг» оренда цих земель передбачена проектом.",
            ("indirect", "оренда цих земель передбачена проектом", "Еста Холдинг", None),
        ),
        (  # impersonal passive: a quote with no speaker
            "Зазначається, що це спільна власність судді та її чоловіка.",
            ("indirect", "це спільна власність судді та її чоловіка", None, None),
        ),
        (
            "Депутат Петро Іваненко заявив, що сесію зірвано. Мовляв, голова побоюється критики.",
            ("indirect", "голова побоюється критики", "Петро Іваненко", "Депутат"),
        ),
        (  # "Мовляв" with no quote just before: nobody named
            "Сесію зірвали. Мовляв, голова побоюється критики.",
            ("indirect", "голова побоюється критики", None, None),
        ),
    ],
)
def test_company_versions_impersonal_passives_and_reportedly(analyse, text, expected):
    assert _rows(analyse(text, [ESTA_Q, VITER]))[-1] == expected


def test_according_to_a_body_other_than_a_company_version_is_no_quote(analyse):
    rows = _rows(analyse("За словами «Еста Холдинг», тріщини на будівлях не є небезпечними.", [ESTA_Q]))
    assert rows == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Об этом сказал министр Вопке Хекстра, заявивший в парламенте, что правительство готово.",
            ("indirect", "правительство готово", "Вопке Хекстра", "министр"),
        ),
        ("Сообщается, что переговоры продолжаются.", ("indirect", "переговоры продолжаются", None, None)),
    ],
)
def test_russian_participles_and_impersonal_verbs_report(analyse, text, expected):
    hek = ("Вопке Хекстра", "PER", ["Вопке Хекстра"])
    assert _rows(analyse(text, [hek], language="ru"))[-1] == expected


def test_a_quoted_body_after_a_role_is_passed_for_the_person_named_after_it(analyse):
    kpt = ("Київпастранс", "ORG", ["Київпастрансу"])
    bom = ("Юрій Бомбандьоров", "PER", ["Юрія Бомбандьорова"])
    text = "За словами голови тендерного комітету «Київпастрансу» Юрія Бомбандьорова, підміна неможлива."
    assert _rows(analyse(text, [kpt, bom])) == [
        ("indirect", "підміна неможлива", "Юрій Бомбандьоров", "голови тендерного комітету «Київпастрансу»")
    ]


def test_continuing_attributes_a_quote(analyse):
    kud = ("Олексій Кудрін", "PER", ["Олексій Кудрін", "Кудрін"])
    text = (
        "Олексій Кудрін виступив. «Я обережно відношуся до цифри», – продовжив Кудрін. Уряд продовжив роботу."
    )
    assert _rows(analyse(text, [kud])) == [
        ("direct", "Я обережно відношуся до цифри", "Олексій Кудрін", None)
    ]


def test_he_after_a_sentence_whose_subject_is_a_court_is_the_court(analyse):
    court = ("Київський апеляційний адмінсуд", "ORG", ["Київський апеляційний адмінсуд"])
    text = "А у 2011 році Київський апеляційний адмінсуд змінив постанову. Він зазначив, що суд не може втручатися."
    assert _rows(analyse(text, [court]))[-1][2] == "Київський апеляційний адмінсуд"


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (
            "Собеседники газеты объясняют его пропажу тем, что Путин стремится навести порядок.",
            "ru",
            ("indirect", "Путин стремится навести порядок", None, "Собеседники газеты"),
        ),
        (
            "Експерти пояснюють це тим, що голуби масово гинуть.",
            "uk",
            ("indirect", "голуби масово гинуть", None, "Експерти"),
        ),
    ],
)
def test_a_correlative_before_the_complementizer_keeps_the_clause(analyse, text, lang, expected):
    assert _rows(analyse(text, [], language=lang)) == [expected]


@pytest.mark.parametrize(
    "second, speaker",
    [
        ("«Проблеми відійдуть у минуле», - цитує прес-служба міністерства.", "Роман Богачов"),
        ("«Проблеми відійдуть у минуле», - зазначили в прес-службі.", None),  # not a citing verb
    ],
)
def test_a_citing_verb_passes_on_the_last_speakers_words(analyse, second, speaker):
    bog = ("Роман Богачов", "PER", ["Роман БОГАЧОВ"])
    text = "Картки стануть історією, заявив заступник міністра Роман БОГАЧОВ.\n\n" + second
    assert _rows(analyse(text, [bog]))[-1][2] == speaker


def test_so_says_attributes_the_paragraphs_before_it(analyse):
    text = (
        "Країну руйнує інституційна криза.\n\nВибратися можна, сформувавши нові правила гри.\n\n"
        "Так вважає аналітик Олексій Жмеренецький."
    )
    rows = _rows(analyse(text, [ZHM]))
    assert rows == [
        (
            "indirect",
            "Країну руйнує інституційна криза.\n\nВибратися можна, сформувавши нові правила гри",
            "Олексій Жмеренецький",
            "аналітик",
        )
    ]


def test_so_says_stops_at_a_quote_already_attributed(analyse):
    text = (
        "«Треба діяти», – сказав Георгій Чижов.\n\nКриза поглиблюється з кожним роком.\n\n"
        "Так вважає аналітик Олексій Жмеренецький."
    )
    rows = _rows(analyse(text, [ZHM, CHYZH]))
    assert rows[-1][1:3] == ("Криза поглиблюється з кожним роком", "Олексій Жмеренецький")
    assert rows[0][1:3] == ("Треба діяти", "Георгій Чижов")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Він увійде в клінч із мером, а тоді заявить, що буде балотуватися на посаду мера.", "uk"),
        ("Завтра президент скаже, що реформа завершена.", "uk"),
        ("Потом он заявит, что выборы были честными.", "ru"),
    ],
)
def test_a_prediction_that_someone_will_say_something_is_no_quote(analyse, text, lang):
    assert _rows(analyse(text, [], language=lang)) == []


def test_a_guest_refers_to_the_speaker_of_the_quote_before_even_inside_its_marks(analyse):
    text = (
        "Громаду представляв Тельман Махмудов. «Вчора вони прийшли в Крим.\n\n"
        "А що завтра? – зазначив пан Махмудов. – Прийдуть у Полтаву?\n\nЛюди страждають.»\n\n"
        "Гість запевнив, що діаспора підтримує єдність України."
    )
    assert _rows(analyse(text, [MAKH]))[-1][2:] == ("Тельман Махмудов", "Гість")
