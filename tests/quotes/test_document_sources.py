"""Documents and registers as sources: court rulings, contracts, tender documents, systems
named after a container noun (uk, ru), with negatives that cite nothing."""

from __future__ import annotations

import pytest


def _rows(doc):
    return [(s.mention.text, s.cue) for s in doc.sources]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("uk", "Про це свідчить постанова Вищого господарського суду від 5 травня.",
         [("постанова Вищого господарського суду", "свідчить")]),
        ("uk", "Про це стало відомо з ухвали Печерського районного суду.",
         [("ухвали Печерського районного суду", "стало відомо з")]),
        ("uk", "У тендерній документації вказано, що охорона працюватиме щодня.",
         [("тендерній документації", "вказано")]),
        ("uk", "У договорі було вказано ціну за годину.", [("договорі", "вказано")]),
        ("uk", "Про це повідомляється в системі «Прозорро».", [("Прозорро", "повідомляється в")]),
        ("ru", "Об этом свидетельствует решение Верховного суда.",
         [("решение Верховного суда", "свидетельствует")]),
        ("ru", "В договоре указано, что цена не изменится.", [("договоре", "указано")]),
        # references and interviews
        ("uk", "Так вважає аналітик (див. «Українську правду»).", [("Українську правду", "див.")]),
        ("uk", "Про це він повідомив в інтерв'ю Reuters.", [("Reuters", "в інтерв'ю")]),
        ("ru", "Министр сказал это в интервью газете La Tribune.", [("La Tribune", "в интервью")]),
        ("uk", "Див. також: інші новини дня.", []),
        # negatives: a verdict about facts, a document that says nothing, a place that is not a document
        ("uk", "Це свідчить про глибоку кризу в економіці.", []),
        ("uk", "У договорі оренди є пункт про ремонт.", []),
        ("uk", "У Києві вказано нові маршрути на табличках.", []),
    ],
)  # fmt: skip
def test_document_sources(analyse, lang, text, expected):
    assert _rows(analyse(text, [], language=lang)) == expected
