"""The canonical sample with the entities a linker should give it: the speakers and the
WSJ chain the brief asks for (the rules are general; nothing here is special-cased)."""

from __future__ import annotations

from pathlib import Path

import pytest

import svidok

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "000_422c6d6a13e598e4.txt"
ENTITIES = [
    ("Кіріл Дмітрієв", "PER", ["Кіріл Дмітрієв"]),
    ("Володимир Путін", "PER", ["путіна", "путін", "путіним", "владіміром путіним"]),
    ("США", "LOC", ["США"]),
    ("Росія", "LOC", ["рф", "росії", "росія"]),
    ("The Wall Street Journal", "ORG", ["WSJ"]),
    ("Сєргєй Гаврілов", "PER", ["Сєргєй Гаврілов"]),
    ("Державна дума", "ORG", ["Держдуми"]),
    ("Дипломатична академія МЗС Росії", "ORG", ["Дипломатичної академії МЗС рф"]),
    ("Алєксандр Яковенко", "PER", ["Алєксандр Яковенко"]),
    ("Володимир Зеленський", "PER", ["Володимир Зеленський"]),
    ("Дональд Трамп", "PER", ["Дональда Трампа", "Трампа"]),
]


@pytest.fixture(scope="module")
def doc(analyse):
    return analyse(SAMPLE.read_text(encoding="utf-8"), ENTITIES)


def _quote(doc, beginning):
    found = [q for q in doc.quotes if q.text.startswith(beginning)]
    assert len(found) == 1, [q.text for q in doc.quotes]
    return found[0]


@pytest.mark.parametrize(
    "beginning, kind, speaker, role",
    [
        ("діалог путіна і Трампа", "direct", "Кіріл Дмітрієв", "Переговорник путіна"),
        ("амбітні плани", "direct", "Сєргєй Гаврілов", "Депутат Держдуми"),
        (
            "“врегулювання війни",
            "indirect",
            "Алєксандр Яковенко",
            "Колишній ректор Дипломатичної академії МЗС рф",
        ),
        ("не віддасть жодного метра землі", "indirect", "Володимир Зеленський", "Український президент"),
        ("сам факт проведення саміту", "indirect", None, "Аналітики"),
        ("зближення двох рівних великих держав", "direct", None, "російські ЗМІ"),
        ("можливі домовленості зі США", "indirect", None, "Представники рф"),
    ],
)
def test_sample_speakers(doc, beginning, kind, speaker, role):
    quote = _quote(doc, beginning)
    assert (quote.kind, quote.speaker_name, quote.speaker_role) == (kind, speaker, role)
    if speaker is not None:
        assert doc.entity(quote.speaker).name == speaker


def test_sample_scare_quote_is_not_a_quote(doc):
    assert not any("українське питання" in q.text for q in doc.quotes)


def test_sample_wsj_at_each_cue(doc):
    assert [(s.name, s.entity, s.cue) for s in doc.sources] == [
        ("The Wall Street Journal", "e5", "пише"),
        ("The Wall Street Journal", "e5", "За даними"),
        ("The Wall Street Journal", "e5", "за оцінкою"),
    ]


def test_sample_chain_article_wsj_speaker(doc):
    sources = {s.id: s for s in doc.sources}
    quote = _quote(doc, "діалог путіна і Трампа")
    assert sources[quote.source].name == "The Wall Street Journal"
    assert all(q.source is not None for q in doc.quotes)


def test_sample_output_is_schema_valid(doc):
    svidok.validate(svidok.to_dict(doc))
