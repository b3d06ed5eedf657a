import pytest

import svidok

PIPE = svidok.load_pipeline(["langid", "normalize", "segment", "morph"])


def _token(text, word, language="uk"):
    doc = PIPE(svidok.Document(text, language=language))
    return next(t for t in doc.tokens if t.text == word)


@pytest.mark.parametrize(
    "text, word, lemma, case",
    [
        # a preposition selects the case among homonymous forms
        ("Саміт відбудеться на Алясці.", "Алясці", "аляска", "loct"),
        ("Переговори з путіним тривали.", "путіним", "путін", "ablt"),
        ("Він поїхав до Києва.", "Києва", "київ", "gent"),
        # adjective agreement
        ("зустріч з російським диктатором.", "диктатором", "диктатор", "ablt"),
        # capitalised inside a sentence: the surname reading wins over the common noun
        ("Депутат Сєргєй Гаврілов згадав про плани.", "Гаврілов", "гаврілов", "nomn"),
        ("Мене зустрів Кравець.", "Кравець", "кравець", "nomn"),
    ],
)
def test_ranked_reading(text, word, lemma, case):
    tok = _token(text, word)
    assert (tok.lemma, tok.case) == (lemma, case)


def test_capitalised_name_reading_ranked_first():
    tok = _token("Депутат Сєргєй Гаврілов згадав про плани.", "Гаврілов")
    assert tok.best.name_type == "Surn"


def test_lowercase_common_noun_not_ranked_as_name():
    tok = _token("У нас є надія на мир.", "надія")
    assert tok.best.name_type is None


def test_vocative_is_not_preferred():
    tok = _token("Я бачив його вчора.", "його")
    assert tok.best.case != "voct"


def test_russian_lemmas():
    tok = _token("Путин встретился с Трампом в Анкоридже.", "Трампом", "ru")
    assert tok.lemma == "трамп" and tok.case == "ablt"


def test_english_lemmas():
    tok = _token("The negotiators were meeting in Alaska.", "negotiators", "en")
    assert tok.lemma == "negotiator"


@pytest.mark.parametrize(
    "text, word, pos",
    [
        ("Зустріч, яка відбудеться на Алясці.", "яка", "NPRO"),
        ("Саміт відбудеться на Алясці.", "на", "PREP"),
        ("Війна рф проти України.", "проти", "PREP"),
        ("Він поїхав до Києва.", "до", "PREP"),
        ("Вона сказала про мир.", "про", "PREP"),
        ("Вона сказала про мир.", "Вона", "NPRO"),
    ],
)
def test_function_words_beat_homonymous_nouns(text, word, pos):
    assert _token(text, word).pos == pos


@pytest.mark.parametrize(
    "text, word, lemma",
    [
        ("Зустріч відбулася в Києві.", "Києві", "київ"),
        ("Ми живемо у Львові.", "Львові", "львів"),
        ("Києві було холодно.", "Києві", "київ"),
        ("Обстріли в Харкові тривають.", "Харкові", "харків"),
    ],
)
def test_place_reading_beats_personal_name(text, word, lemma):
    assert _token(text, word).lemma == lemma


def test_letters_unknown_to_the_analyser_get_no_reading():
    doc = PIPE(svidok.Document("Текст 𗀀 з тангутським знаком.", language="uk"))
    assert next(t for t in doc.tokens if t.text == "𗀀").parses == ()
