"""The rule/KB ner stage on real-style sentences, without the statistical model."""

from pathlib import Path

import pytest

import svidok
from svidok import Document, load_pipeline
from svidok.document import Mention
from svidok.stages.ner import ner

_PRE = load_pipeline(("langid", "normalize", "segment", "morph"))
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "000_422c6d6a13e598e4.txt"


def mentions(text: str, model: list[Mention] = ()) -> list[Mention]:
    doc = _PRE(Document(text=text, language="uk"))
    doc.model_mentions = list(model)
    return ner(doc).mentions


def spans(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in mentions(text)}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Зустріч з владіміром путіним відбудеться на Алясці.",
            {("владіміром путіним", "PER"), ("Алясці", "LOC")},
        ),
        ("Переговорник Кіріл Дмітрієв заявив про надію.", {("Кіріл Дмітрієв", "PER")}),
        ("Про це пише WSJ.", {("WSJ", "ORG")}),
        ("Ознак готовності кремля немає.", {("кремля", "ORG")}),
        (
            "Президента США Дональда Трампа чекають в Анкориджі.",
            {("США", "LOC"), ("Дональда Трампа", "PER"), ("Анкориджі", "LOC")},
        ),
        (
            "Депутат Держдуми Сєргєй Гаврілов згадав про плани.",
            {("Держдуми", "ORG"), ("Сєргєй Гаврілов", "PER")},
        ),
        (
            "Колишній ректор академії МЗС рф Алєксандр Яковенко заявив.",
            {("МЗС рф", "ORG"), ("Алєксандр Яковенко", "PER")},
        ),
        ("Контракт підписала компанія «Укрнафта» у вівторок.", {("«Укрнафта»", "ORG")}),
        ("Землю отримало ТОВ «Каштан-плюс» без аукціону.", {("ТОВ «Каштан-плюс»", "ORG")}),
        (
            "Підрядником стало ТОВ «БВК «Компанія Федорченко» з Києва.",
            {("ТОВ «БВК «Компанія Федорченко»", "ORG")},
        ),
        (
            "Документ ухвалило Міністерство закордонних справ України.",
            {("Міністерство закордонних справ України", "ORG")},
        ),
    ],
)
def test_mentions_found(text, expected):
    found = spans(text)
    assert expected <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "Глава кремля прагне покласти край ізоляції.",
        "Аналітики вважають, що саміт уже є перемогою.",
        "Експерти попереджають про паузу.",
        "Представники влади натякають на домовленості.",
    ],
)
def test_sentence_initial_common_words_are_not_entities(text):
    first_word = text.split()[0]
    assert not any(m.text.startswith(first_word) for m in mentions(text))


def test_only_entity_labels_and_longest_span_wins():
    text = "Вчора Володимир Зеленський виступив 5 травня."
    start = text.index("Володимир")
    model = [
        Mention("Зеленський", text.index("Зеленський"), text.index("Зеленський") + 10, "PER", "model"),
        Mention("5 травня", text.index("5 травня"), text.index("5 травня") + 8, "DATE", "model"),
    ]
    found = mentions(text, model)
    assert [(m.text, m.start) for m in found] == [("Володимир Зеленський", start)]


def test_model_mentions_are_kept_when_rules_miss():
    text = "Компанію заснував Іван Петренко, а ТОВ Зоря продала її."
    start = text.index("ТОВ Зоря")
    found = mentions(text, [Mention("ТОВ Зоря", start, start + 8, "ORG", "model")])
    assert ("ТОВ Зоря", "ORG") in {(m.text, m.label) for m in found}


def test_sample_spans_match_text():
    if not SAMPLE.exists():
        pytest.skip("sample article absent")
    text = SAMPLE.read_text(encoding="utf-8")
    found = mentions(text)
    assert len(found) > 30
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(m.label in ("PER", "ORG", "LOC", "MISC") for m in found)


def _model(text: str, surface: str, label: str) -> Mention:
    start = text.index(surface)
    return Mention(surface, start, start + len(surface), label, "model")


def test_implausible_model_spans_are_dropped():
    text = "Український президент відкинув вимоги. Ректор Дипломатичної академії Алєксандр Яковенко у статті заявив."
    model = [
        _model(text, "Український президент", "ORG"),
        _model(text, "Дипломатичної академії Алєксандр Яковенко у статті", "ORG"),
    ]
    found = {(m.text, m.label) for m in mentions(text, model)}
    assert ("Український президент", "ORG") not in found
    assert ("Алєксандр Яковенко", "PER") in found


def test_model_span_inside_a_longer_kb_name_gives_way():
    text = "Учора виступив Володимир Зеленський."
    found = mentions(text, [_model(text, "Зеленський", "PER")])
    assert [m.text for m in found] == ["Володимир Зеленський"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("За словами директора Ольги БРАТУШКИ, ціни зростуть.", "Ольга Братушка"),
        ("Про це заявив директор групи Олександр ПОПОВ, пише видання.", "Олександр Попов"),
    ],
)
def test_surnames_in_capitals_get_a_nominative_title_case_name(text, name):
    doc = svidok.analyze(text, language="uk")
    assert name in [e.name for e in doc.entities if e.type == "PER"]


@pytest.mark.parametrize(
    "text, generic",
    [
        ("Російські ЗМІ активно просувають тезу про зближення.", "ЗМІ"),
        ("ВВП України зріс на 3%.", "ВВП"),
        ("Российские СМИ сообщили об этом.", "СМИ"),
    ],
)
def test_generic_abbreviations_are_not_entities(text, generic):
    doc = svidok.analyze(text)
    assert generic not in [m.text for e in doc.entities for m in e.mentions]
