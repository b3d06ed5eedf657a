"""News outlets: "Видання пише" refers back to the outlet named before, "за даними X" cites an
outlet, an agency or a document but quotes a person or a company, and an outlet glued before a person does
not speak for them."""

from __future__ import annotations

import pytest

from svidok.kb import load_kb, parse_row

UP = ("Українська правда", "ORG", ["Українська правда", "Української правди"], "org:ukrainska-pravda")
ECON = ("The Economist", "ORG", ["The Economist"], "org:the-economist")
FT = ("Financial Times", "ORG", ["Financial Times"], "org:financial-times")
POLITICO = ("Politico", "ORG", ["Politico"], "org:politico")
NAFTOHAZ = ("Нафтогаз України", "ORG", ["Нафтогазу"], "org:naftohaz-ukrainy")
GAZPROM = ("Газпром", "ORG", ["Газпрома"], "org:hazprom")
GENSHTAB = ("Генеральний штаб Збройних сил України", "ORG", ["Генштабу"], "org:heneralnyi-shtab-zbroinykh-syl-ukrainy")
UN = ("Організація Об'єднаних Націй", "ORG", ["ООН"], "org:orhanizatsiia-obiednanykh-natsii")
VHOLOS = ("Вголос", "ORG", ["Вголос"])  # not in the knowledge base: an outlet by its noun
ESTA = ("Еста Холдинг", "ORG", ["Еста Холдинг"])
PETRENKO = ("Іван Петренко", "PER", ["Іван Петренко", "Івана Петренка"])
NALYV = ("Валентин Наливайченко", "PER", ["Валентин Наливайченко"])


def _speakers(doc):
    return [(q.text, q.speaker_name) for q in doc.quotes]


def _sources(doc):
    return [(s.mention.text, s.name) for s in doc.sources]


def test_media_flag_in_the_knowledge_base():
    kb = load_kb()
    assert kb.by_id["org:the-economist"].media and kb.by_id["org:ukrainska-pravda"].media
    assert not kb.by_id["org:naftohaz-ukrainy"].media and not kb.by_id["org:kreml"].media
    assert parse_row("ORG\tВголос\t\t\tmedia", "test").media
    assert not parse_row("ORG\tЕста Холдинг\t\t\t", "test").media


@pytest.mark.parametrize(
    "lang, text, entities, expected",
    [
        (
            "uk",
            "Видання «Українська правда» опублікувало розслідування. Видання пише, що ціни завищені.",
            [UP],
            [("ціни завищені", "Українська правда")],
        ),
        (
            "uk",
            "Про це пише видання «Вголос». Видання зазначає, що сесію зірвано.",
            [VHOLOS],
            [("сесію зірвано", "Вголос")],
        ),
        (
            "ru",
            "Об этом пишет The Economist. Издание отмечает, что операции согласованы.",
            [ECON],
            [("операции согласованы", "The Economist")],
        ),
        (
            "ru",
            "Об этом пишет The Economist. Оно утверждает, что операции согласованы.",
            [ECON],
            [("операции согласованы", "The Economist")],
        ),
        (
            "uk",
            "Про це пише «Українська правда». Воно стверджує, що ціни завищені.",
            [UP],
            [("ціни завищені", "Українська правда")],
        ),
        # no outlet named before: nobody is invented, not the person named before either
        (
            "uk",
            "Міністр Іван Петренко прибув до Львова. Видання пише, що тендер скасовано.",
            [PETRENKO],
            [("тендер скасовано", None)],
        ),
        ("ru", "Дерево упало на дорогу. Оно утверждает, что дорога закрыта.", [], [("дорога закрыта", None)]),
        # a company is no outlet
        (
            "uk",
            "Забудовником є «Еста Холдинг». Видання пише, що тріщини небезпечні.",
            [ESTA],
            [("тріщини небезпечні", None)],
        ),
    ],
)
def test_outlet_noun_refers_back_to_the_outlet(analyse, lang, text, entities, expected):
    assert _speakers(analyse(text, entities, language=lang)) == expected


def test_an_outlet_noun_source_is_named_after_the_outlet(analyse):
    doc = analyse("Об этом пишет Financial Times. По данным издания, страны опасаются эскалации.", [FT], "ru")
    assert _sources(doc) == [("Financial Times", "Financial Times"), ("издания", "Financial Times")]


@pytest.mark.parametrize(
    "lang, text, entities, quotes, sources",
    [
        # an outlet or a document cited: a source, no quote
        (
            "uk",
            "За даними «Української правди», борг зріс.",
            [UP],
            [],
            [("Української правди", "Українська правда")],
        ),
        (
            "uk",
            "За інформацією «Української правди», борг зріс.",
            [UP],
            [],
            [("Української правди", "Українська правда")],
        ),
        ("uk", "За даними держреєстру, власником є фірма.", [], [], [("держреєстру", "держреєстру")]),
        # an agency or another body that is no company: a source too
        ("uk", "За даними Генштабу, ворог втратив 1200 осіб.", [GENSHTAB], [], [("Генштабу", GENSHTAB[0])]),
        ("uk", "За даними ООН, загинули понад 12 тисяч цивільних.", [UN], [], [("ООН", UN[0])]),
        ("ru", "По данным ООН, погибли более 12 тысяч мирных жителей.", [UN], [], [("ООН", UN[0])]),
        ("ru", "По данным Politico, страны опасаются эскалации.", [POLITICO], [], [("Politico", "Politico")]),
        # a body speaking for itself or a person: a quote, no source
        ("uk", "За даними «Нафтогазу», борг зріс.", [NAFTOHAZ], [("борг зріс", "Нафтогаз України")], []),
        ("uk", "За інформацією «Нафтогазу», борг зріс.", [NAFTOHAZ], [("борг зріс", "Нафтогаз України")], []),
        (
            "uk",
            "Забудовником є ТОВ «Еста Холдинг». За інформацією «Еста Холдинг», тріщини не є небезпечними.",
            [ESTA],
            [("тріщини не є небезпечними", "Еста Холдинг")],
            [],
        ),
        ("uk", "За даними Івана Петренка, борг зріс.", [PETRENKO], [("борг зріс", "Іван Петренко")], []),
        ("ru", "По данным «Газпрома», поставки выросли.", [GAZPROM], [("поставки выросли", "Газпром")], []),
    ],
)
def test_according_to_cites_an_outlet_and_quotes_a_speaker(analyse, lang, text, entities, quotes, sources):
    doc = analyse(text, entities, language=lang)
    assert (_speakers(doc), _sources(doc)) == (quotes, sources)


@pytest.mark.parametrize(
    "lang, text, entities, expected",
    [
        # the outlet is the addressee or affiliation; the person speaks
        (
            "ru",
            (
                "Управление было создано в 2015 году, заявил The Economist тогдашний глава Службы "
                "Валентин Наливайченко."
            ),
            [ECON, NALYV],
            "Валентин Наливайченко",
        ),
        # the outlet alone after the verb speaks
        ("ru", "Управление было создано в 2015 году, пишет The Economist.", [ECON], "The Economist"),
        # an outlet citing someone passes on their words
        (
            "uk",
            "Про це пише видання «Вголос». «Голова боїться критики», – цитує видання якесь джерело.",
            [VHOLOS],
            None,
        ),
        (
            "uk",
            "Про це пише видання «Вголос». «Голова боїться критики», – цитує видання депутата Івана Петренка.",
            [VHOLOS, PETRENKO],
            "Іван Петренко",
        ),
        (
            "uk",
            "Про це пише видання «Вголос». «Голова боїться критики», – цитує видання.",
            [VHOLOS],
            "Вголос",
        ),
    ],
)
def test_an_outlet_beside_a_person(analyse, lang, text, entities, expected):
    assert [q.speaker_name for q in analyse(text, entities, language=lang).quotes] == [expected]
