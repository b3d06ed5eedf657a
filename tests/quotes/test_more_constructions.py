"""Constructions added after reading real errors: dash after the verb, dialogue-dash lines that
go on after the attribution, mid-sentence attributions, insinuation topics, imperfective verbs
and outlets named in quote marks (positive and negative)."""

from __future__ import annotations

import pytest

KO = ("Сергій Корнієнко", "PER", ["Сергій Корнієнко"])
OLIG = ("Олігарх", "ORG", ["Олігарх"])
RF = ("Росія", "LOC", ["рф"])


def _rows(doc):
    return [(q.kind, q.text, q.speaker_name, q.speaker_role, q.cue) for q in doc.quotes]


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        ("Ветеринар Сергій Корнієнко припускає – птахи заразилися вірусом.", [KO],
         [("indirect", "птахи заразилися вірусом", "Сергій Корнієнко", "Ветеринар", "припускає")]),
        (("Ветеринар Сергій Корнієнко оглянув птахів.\n\n– Важко сказати, потрібні аналізи, – пояснює "
         "ветеринар. – Узагалі хвороба властива птахам."), [KO],
         [("direct", "Важко сказати, потрібні аналізи", "Сергій Корнієнко", "ветеринар", "пояснює"),
          ("direct", "Узагалі хвороба властива птахам", "Сергій Корнієнко", "ветеринар", "пояснює")]),
        ("Але, як правило, хворіють птахи, говорить спеціаліст, а люди в безпеці.", [],
         [("indirect", "як правило, хворіють птахи", None, "спеціаліст", "говорить")]),
        ("Преса сусідів повідомляла, що голуби стали повільними.", [],
         [("indirect", "голуби стали повільними", None, "Преса сусідів", "повідомляла")]),
        ("Обидві компанії пов'язані між собою, повідомляє «Олігарх».", [OLIG],
         [("indirect", "Обидві компанії пов'язані між собою", "Олігарх", None, "повідомляє")]),
        ("Представники рф натякають на можливі домовленості зі США.", [RF],
         [("indirect", "можливі домовленості зі США", None, "Представники рф", "натякають")]),
        # a clause joined by "а" goes on with the reported words, unless it reports again
        ("У декларації мер вказав, що дружина має квартиру, а йому належить ділянка.", [],
         [("indirect", "дружина має квартиру, а йому належить ділянка", None, "мер", "вказав")]),
        ("Мер заявив, що дружина має квартиру, а журналісти пишуть, що вона продана.", [],
         [("indirect", "дружина має квартиру", None, "Мер", "заявив"),
          ("indirect", "вона продана", None, "журналісти", "пишуть")]),
        # negatives: a topic without words said, a concessive "що б", a dash that is not speech
        ("Служба автодоріг повідомила про намір укласти угоду з підрядником.", [], []),
        ("Суд вказав на пропуск позовної давності прокуратурою.", [], []),
        ("Треба говорити правду, що б не сталося.", [], []),
        ("Компанія відповідає трьом вимогам: є резидентом, має ліцензію.", [], []),
    ],
)  # fmt: skip
def test_constructions(analyse, text, entities, expected):
    assert _rows(analyse(text, entities)) == expected
