"""The knowledge base: files load, ids are stable, and spellings of one entity resolve to it."""

import pytest

from svidok import Document, load_pipeline
from svidok.kb import KBError, load_kb, parse_row
from svidok.stages.link import link
from svidok.stages.ner import ner

_PRE = load_pipeline(("langid", "normalize", "segment", "morph"))


def resolve(surface: str) -> set[str | None]:
    """KB ids of the entities the rule-only ner+link stages find in a sentence naming ``surface``."""
    doc = _PRE(Document(text=f"Вчора {surface} знову виступив із заявою.", language="uk"))
    return {e.kb_id for e in link(ner(doc)).entities}


# kb id: surfaces (inflected, lowercase, uk-phonetic, ru, en) that must all resolve to it
ROWS = [
    ("per:volodymyr-putin", ["путіна", "Путіним", "владіміром путіним", "Владимир Путин", "Vladimir Putin"]),
    ("per:volodymyr-zelenskyi", ["Володимира Зеленського", "Владимир Зеленский", "Volodymyr Zelensky"]),
    ("per:donald-tramp", ["Дональда Трампа", "Трампом", "Donald Trump"]),
    ("per:dzho-baiden", ["Джо Байдена", "Joe Biden"]),
    ("per:kyrylo-dmytriiev", ["Кіріл Дмітрієв", "Кирила Дмитрієва", "Кирилл Дмитриев", "Kirill Dmitriev"]),
    ("per:serhii-havrylov", ["Сєргєй Гаврілов", "Сергія Гаврилова", "Сергей Гаврилов"]),
    ("per:yurii-havrylov", ["Юрій Гаврилов", "Юрія Гаврилова"]),
    ("per:oleksandr-yakovenko", ["Алєксандр Яковенко", "Олександра Яковенка", "Alexander Yakovenko"]),
    ("per:dmytro-pieskov", ["Дмитро Пєсков", "Пєскова", "пєсков", "Дмитрий Песков", "Dmitry Peskov"]),
    ("per:serhii-lavrov", ["Сергій Лавров", "Лаврова", "лавров", "Сєргєй Лавров", "Sergey Lavrov"]),
    ("per:mariia-zakharova", ["Марія Захарова", "Марії Захарової", "Maria Zakharova"]),
    ("per:yurii-ushakov", ["Юрій Ушаков", "Юрія Ушакова", "Yuri Ushakov"]),
    ("per:dmytro-medvediev", ["Дмитро Медведєв", "Медведєва", "Дмитрий Медведев"]),
    ("per:oleksii-navalnyi", ["Олексія Навального", "Алексей Навальный", "Alexei Navalny"]),
    ("per:ramzan-kadyrov", ["Рамзан Кадиров", "кадиров", "Рамзан Кадыров"]),
    ("per:yevhen-pryhozhyn", ["Євгена Пригожина", "Евгений Пригожин"]),
    ("per:emmanuel-makron", ["Еммануеля Макрона", "Макрон", "Emmanuel Macron"]),
    ("per:olaf-sholts", ["Олафа Шольца", "Olaf Scholz"]),
    ("per:viktor-orban", ["Віктора Орбана", "Viktor Orbán"]),
    ("per:mark-riutte", ["Марка Рютте", "Mark Rutte"]),
    ("per:marko-rubio", ["Марко Рубіо", "Marco Rubio"]),
    ("per:stiv-vitkoff", ["Стіва Віткоффа", "Steve Witkoff"]),
    ("per:andrii-sybiha", ["Андрія Сибіги", "Andrii Sybiha"]),
    ("per:andrii-yermak", ["Андрія Єрмака", "Андрей Ермак"]),
    ("per:oleksandr-syrskyi", ["Олександра Сирського", "Александр Сырский"]),
    ("per:kyrylo-budanov", ["Кирила Буданова", "Кирилл Буданов"]),
    ("per:oleksandr-lukashenko", ["Олександра Лукашенка", "лукашенко", "Александр Лукашенко"]),
    ("per:yuliia-svyrydenko", ["Юлії Свириденко", "Yulia Svyrydenko"]),
    ("org:kreml", ["Кремль", "кремля", "Kremlin"]),
    ("org:the-wall-street-journal", ["WSJ", "The Wall Street Journal"]),
    ("org:mizhnarodnyi-kryminalnyi-sud", ["МКС", "Міжнародного кримінального суду", "ICC"]),
    ("org:derzhavna-duma", ["Держдума", "Держдуми", "Госдума"]),
    ("org:zbroini-syly-ukrainy", ["ЗСУ", "Збройних сил України"]),
    ("org:orhanizatsiia-pivnichnoatlantychnoho-dohovoru", ["НАТО", "NATO"]),
    ("org:tass", ["ТАСС", "TASS"]),
    ("org:ria-novyny", ["РІА Новини", "РИА Новости"]),
    ("org:reuters", ["Reuters", "Рейтер"]),
    ("org:ukrainska-pravda", ["Українська правда", "Української правди"]),
    ("org:interfaks-ukraina", ["Інтерфакс-Україна", "Interfax-Ukraine"]),
    ("org:ukrinform", ["Укрінформ", "Укрінформу"]),
    ("org:bbc", ["BBC", "Бі-Бі-Сі"]),
    ("loc:rosiia", ["рф", "росії", "Росією", "Russia", "Російської Федерації"]),
    ("loc:ukraina", ["України", "Ukraine"]),
    ("loc:nimechchyna", ["Німеччини", "Germany"]),
    ("loc:aliaska", ["Алясці", "Аляска"]),
]


@pytest.mark.parametrize("kb_id,surfaces", ROWS, ids=[r[0] for r in ROWS])
def test_surfaces_resolve_to_one_entry(kb_id, surfaces):
    assert kb_id in load_kb().by_id, f"{kb_id} is not in the knowledge base"
    for surface in surfaces:
        assert kb_id in resolve(surface), f"{surface!r} did not resolve to {kb_id}"


@pytest.mark.parametrize(
    "surface,not_id",
    [
        ("Юрій Гаврилов", "per:serhii-havrylov"),
        ("Сергій Гаврилов", "per:yurii-havrylov"),
        ("Дмитро Кулеба", "per:dmytro-pieskov"),
    ],
)
def test_different_people_stay_apart(surface, not_id):
    assert not_id not in resolve(surface)


def test_two_gavrilovs_make_a_bare_surname_ambiguous():
    assert len(load_kb().lookup_surname("Гаврилов")) == 2


def test_size():
    kb = load_kb()
    curated = [e for e in kb.entries if e.type in ("PER", "ORG")]
    assert len(curated) >= 300
    assert sum(e.type == "LOC" for e in kb.entries) > 200


def test_ids_are_unique_and_typed():
    kb = load_kb()
    assert len({e.id for e in kb.entries}) == len(kb.entries)
    assert all(e.id.split(":")[0] in ("per", "org", "loc", "misc") for e in kb.entries)


def test_malformed_row_is_a_clear_error():
    with pytest.raises(KBError, match="TYPE"):
        parse_row("PERSON\tІван Франко\t\t\t", "x.tsv:1")
    assert parse_row("# comment", "x.tsv:2") is None


@pytest.mark.parametrize(
    "text, kb_id",
    [
        ("По данным Министерства обороны России, сбиты 20 дронов.", "org:ministerstvo-oborony-rosii"),
        ("Как сообщили в Министерстве обороны Украины, атака отбита.", "org:ministerstvo-oborony-ukrainy"),
        ("В Службе безопасности Украины заявили, что задержан агент.", "org:sluzhba-bezpeky-ukrainy"),
    ],
)
def test_russian_full_names_of_ukrainian_and_russian_bodies_link(text, kb_id):
    import svidok

    doc = svidok.analyze(text)
    assert kb_id in {e.kb_id for e in doc.entities}
