"""Constructions found missing on unseen Telegram and news text: headlines that name the speaker
after a dash with no verb ("…, — Буданов"), and "Про це заявив X" / "Об этом заявил X" naming the
source of what came before (positive and negative rows)."""

from __future__ import annotations

import pytest

BUD = ("Кирило Буданов", "PER", ["Кирило Буданов", "Буданов"])
PAV = ("Павел", "PER", ["Павел"])
ZE = ("Володимир Зеленський", "PER", ["Зеленський"])
KUL = ("Дмитро Кулеба", "PER", ["Дмитрий Кулеба"])
MID = ("МИД", "ORG", ["МИД"])
REZ = ("Олексій Резніков", "PER", ["Олексій Резніков"])
ARCH = ("Архиматика", "ORG", ["Архиматика"])
POP = ("Олександр Попов", "PER", ["Олександр ПОПОВ"])


def _rows(doc):
    return [(q.kind, q.text, q.speaker_name, q.speaker_role) for q in doc.quotes]


@pytest.mark.parametrize(
    "text, entities, language, expected",
    [
        ("Такої поразки, як на Харківщині, у росіян не було ніде, ― Кирило Буданов", [BUD], "uk",
         [("indirect", "Такої поразки, як на Харківщині, у росіян не було ніде", "Кирило Буданов", None)]),
        ("Монахи не собираются покидать Киево-Печерскую лавру, — \nмитрополит Павел\nОн выступил утром.",
         [PAV], "ru", [("indirect", "Монахи не собираются покидать Киево-Печерскую лавру", "Павел", "митрополит")]),
        ("Основная слабость контрнаступления это отсутствие истребителей, — Welt.", [], "ru",
         [("indirect", "Основная слабость контрнаступления это отсутствие истребителей", "Welt", None)]),
        ("«Україна буде змушена піти на переговори з росією», — Bloomberg", [], "uk",
         [("direct", "Україна буде змушена піти на переговори з росією", "Bloomberg", None)]),
        # a headline broken over lines: the lines that end mid-sentence belong to it
        ("🗣\nРоссия уничтожает много морских дронов,\nоднако\nони остаются эффективным оружием,\n—\nБуданов",
         [BUD], "ru",
         [("indirect", "Россия уничтожает много морских дронов,\nоднако\nони остаются эффективным оружием",
           "Кирило Буданов", None)]),
        # a title line with no comma: its words hold a finite verb
        ("Запад отчаянно хочет переговоров по Украине — Скотт Риттер\nЗапад желает мира.",
         [("Скотт Риттер", "PER", ["Скотт Риттер"])], "ru",
         [("indirect", "Запад отчаянно хочет переговоров по Украине", "Скотт Риттер", None)]),
        # a quotation opening its paragraph, a colon, then its person
        ('"Той, хто каже неприємну правду, безпечніший": комік Сергій Щегель записав звернення.',
         [("Сергій Щегель", "PER", ["Сергій Щегель"])], "uk",
         [("direct", "Той, хто каже неприємну правду, безпечніший", "Сергій Щегель", None)]),
        # negatives: a copula dash; a title before a colon; a verb after the dash is another
        # construction; a list; too short; no comma
        ("Победителем конкурса стал молодой автор — Иван Петров.",
         [("Иван Петров", "PER", ["Иван Петров"])], "ru", []),
        ("Главный гость вечера — Иван Петров", [("Иван Петров", "PER", ["Иван Петров"])], "ru", []),
        ("Він прочитав «Тіні забутих предків»: Сергій Параджанов зняв фільм.",
         [("Сергій Параджанов", "PER", ["Сергій Параджанов"])], "uk", []),
        ("Україна отримає винищувачі, — каже Буданов.", [BUD], "uk",
         [("indirect", "Україна отримає винищувачі", "Кирило Буданов", None)]),
        ("На зустріч прийшли троє, — Іван, Марія та Буданов.", [BUD], "uk", []),
        ("Дуже добре, — Буданов.", [BUD], "uk", []),
        ("Головний гість вечора — Кирило Буданов.", [BUD], "uk", []),
        ("Він вважає котів «милими», а собак — ні.", [], "uk", []),
    ],
)  # fmt: skip
def test_headline_dash(analyse, text, entities, language, expected):
    assert _rows(analyse(text, entities, language=language)) == expected


def _sources(doc):
    return [(s.name, s.cue) for s in doc.sources]


@pytest.mark.parametrize(
    "text, entities, language, expected",
    [
        ("Україна отримає винищувачі.\nПро це заявив Зеленський.", [ZE], "uk",
         [("Володимир Зеленський", "Про це заявив")]),
        ("Про це у Facebook написав міністр Олексій Резніков.", [REZ], "uk",
         [("Олексій Резніков", "написав")]),
        ("Украина получит истребители. Об этом заявил глава МИД Дмитрий Кулеба.", [MID, KUL], "ru",
         [("Дмитро Кулеба", "Об этом заявил")]),
        # the person, not the company they speak for
        ("Про це заявив директор проектної групи «Архиматика» Олександр ПОПОВ.", [ARCH, POP], "uk",
         [("Олександр Попов", "Про це заявив")]),
        # negatives: a negated verb, a pronoun, an outlet named in the same sentence
        ("Про це не сказав жоден міністр.", [], "uk", []),
        ("Про це він повідомив журналістам.", [], "uk", []),
        ("Об этом заявил Кулеба в интервью газете Politico.", [], "ru", [("Politico", "в интервью")]),
        ("Україна отримає винищувачі, заявив Зеленський.", [ZE], "uk", []),
    ],
)  # fmt: skip
def test_about_this_names_the_source(analyse, text, entities, language, expected):
    assert _sources(analyse(text, entities, language=language)) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Со слов министра, Украина получит истребители.", "ru",
         [("indirect", "Украина получит истребители", None, "министра")]),
        ("Зі слів міністра, Україна отримає винищувачі.", "uk",
         [("indirect", "Україна отримає винищувачі", None, "міністра")]),
        ("Министр уверен, что Украина получит истребители.", "ru",
         [("indirect", "Украина получит истребители", None, "Министр")]),
        ("Министр выразил надежду, что Украина получит истребители.", "ru",
         [("indirect", "Украина получит истребители", None, "Министр")]),
        ("Министр обратил внимание на то, что Украина получит истребители.", "ru",
         [("indirect", "Украина получит истребители", None, "Министр")]),
        # a closing straight quote alone on its line still closes the quote
        ('Министр выступил.\n"\nЛюбая страна может защищать свои пространства.\n", - сказал министр.', "ru",
         [("direct", "Любая страна может защищать свои пространства.", None, "министр")]),
        # a Telegram post wraps the sentence over blank lines around a formatted word
        ("Путін обрав стратегію виснаження, \nвважає\n \nпрем'єр Литви.", "uk",
         [("indirect", "Путін обрав стратегію виснаження", None, "прем'єр Литви")]),
        ("Міністр розказав, що Україна отримає винищувачі.", "uk",
         [("indirect", "Україна отримає винищувачі", None, "Міністр")]),
        ("Министр разъяснил, что Украина получит истребители.", "ru",
         [("indirect", "Украина получит истребители", None, "Министр")]),
        # negatives: the same words not reporting anything
        ("Він повторив вправу тричі.", "uk", []),
        ("Компанія оголосила тендер на ремонт.", "uk", []),
        ("Он передал привет семье.", "ru", []),
        ("Він передає вітання родині.", "uk", []),
        ("Министр уверенно вошёл в зал.", "ru", []),
    ],
)  # fmt: skip
def test_reporting_words_found_missing(analyse, text, language, expected):
    assert _rows(analyse(text, language=language)) == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Украина получит истребители, сообщают СМИ.", "ru", [("СМИ", "сообщают")]),
        ("Об этом пишут западные СМИ.", "ru", [("западные СМИ", "пишут")]),
        ("По сведениям Bloomberg, Украина получит истребители.", "ru", [("Bloomberg", "По сведениям")]),
        ("Як передають ЗМІ, Україна отримає винищувачі.", "uk", [("ЗМІ", "Як передають")]),
        ("За відомостями Bloomberg, Україна отримає винищувачі.", "uk", [("Bloomberg", "За відомостями")]),
        # negatives: a lone "видання" points back at an outlet named before; a media noun as
        # an object
        ("«Україна отримає винищувачі», – пише видання.", "uk", []),
        ("Міністр читає західні ЗМІ щоранку.", "uk", []),
    ],
)  # fmt: skip
def test_outlets_without_names(analyse, text, language, expected):
    assert _sources(analyse(text, language=language)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Кирило Буданов:\nМи повернемо всі окуповані території до кінця року.",
         [("direct", "Ми повернемо всі окуповані території до кінця року", "Кирило Буданов", None)]),
        ("Начальник ГУР Кирило Буданов:\nМи повернемо всі території до кінця року.",
         [("direct", "Ми повернемо всі території до кінця року", "Кирило Буданов", "Начальник ГУР")]),
        ("Кирило Буданов заявив журналістам:\n\nМи повернемо всі окуповані території.\nЦе питання часу.",
         [("indirect", "Ми повернемо всі окуповані території", "Кирило Буданов", None)]),
        ("❗️Кирило Буданов: Ми повернемо всі окуповані території.",
         [("direct", "Ми повернемо всі окуповані території.", "Кирило Буданов", None)]),
        # whole sentences in marks mid-paragraph, after the text introduces their person
        ("Кирило Буданов розповів про втрати. «Кілька моїх хлопців працюють у шпиталі. Це жахливо». Він втомився.",
         [("direct", "Кілька моїх хлопців працюють у шпиталі. Це жахливо", "Кирило Буданов", None)]),
        ("Кирило Буданов прочитав книжку. «Тіні забутих предків» вийшли друком у 1911 році.", []),
        # a dash line of several sentences belongs to the dash reader, not to its last sentence
        ("Буданов відповів.\n— Ситуація складна. Ми тримаємо оборону, — сказав Кирило Буданов.",
         [("direct", "Ситуація складна. Ми тримаємо оборону", "Кирило Буданов", None)]),
        ("Буданов відповів.\nСитуація складна. Ми тримаємо оборону, — сказав Кирило Буданов.",
         [("indirect", "Ми тримаємо оборону", "Кирило Буданов", None)]),
        # negatives: a colon after no name and no reporting verb; a verb that reports nothing
        ("Що відомо:\nМи повернемо всі окуповані території до кінця року.", []),
        ("Кирило Буданов відвідав фронт:\nВійська отримали нові дрони від партнерів.", []),
    ],
)  # fmt: skip
def test_the_words_on_the_line_after_a_colon(analyse, text, expected):
    assert _rows(analyse(text, [BUD])) == expected


MOD = ("Минобороны", "ORG", ["Минобороны"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Украина получит истребители до конца года, сообщили в Минобороны.",
         [("indirect", "Украина получит истребители до конца года", "Минобороны", None)]),
        ("Как отметили в Минобороны, Украина получит истребители.",
         [("indirect", "Украина получит истребители", "Минобороны", None)]),
        # negatives: a place, not an organisation; a singular verb whose subject is not named
        ("Украина получит истребители до конца года, сообщили в Киеве.", []),
        ("Украина получит истребители до конца года, сообщил в Минобороны.", []),
    ],
)  # fmt: skip
def test_an_organisation_after_a_plural_verb_speaks(analyse, text, expected):
    assert _rows(analyse(text, [MOD, ("Київ", "LOC", ["Киеве"])], language="ru")) == expected
