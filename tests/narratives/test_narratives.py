"""The narratives stage on the sample and on short realistic texts written for these tests:
the matched narrative, its stance (asserts, quotes, refutes) and speaker, and valid offsets."""

from __future__ import annotations

import svidok


def _matches(text: str, language: str):
    doc = svidok.analyze(text, language=language)
    svidok.validate(svidok.to_dict(doc))
    return doc.narratives


def test_sample_exposes_the_quoted_theses(sample_doc):
    found = {m.narrative: m for m in sample_doc.narratives}
    secondary = found["ukraine-secondary-issue"]
    assert secondary.stance == "refutes" and secondary.cue.text == "пропагандистській"
    assert secondary.speaker_name == "Олександр Яковенко" and secondary.quote is not None
    assert "equal-great-powers" in found
    assert found["equal-great-powers"].speaker_role == "російські ЗМІ"
    assert all(m.stance != "asserts" for m in sample_doc.narratives)


KREMLIN_OUTLET = (
    "Встреча Путина и Трампа на Аляске открывает новую страницу в отношениях двух стран. "
    "Украинский вопрос давно перестал быть главным в повестке Москвы и Вашингтона: он лишь мешает "
    "нормализации отношений двух великих держав. Эксперты уверены, что стороны обсудят Арктику и энергетику."
)


def test_an_outlet_repeating_the_thesis_asserts_it():
    matches = _matches(KREMLIN_OUTLET, "ru")
    assert [(m.narrative, m.stance) for m in matches] == [("ukraine-secondary-issue", "asserts")]
    assert matches[0].speaker is None and matches[0].cue is None


def test_a_quoted_official_is_the_voice():
    text = (
        "Речник Кремля Дмитро Пєсков заявив, що «українське питання лише заважає нормалізації відносин "
        "Москви і Вашингтона». Він також додав, що зустріч готується."
    )
    (match,) = _matches(text, "uk")
    assert (match.narrative, match.stance) == ("ukraine-secondary-issue", "quotes")
    assert match.speaker_name == "Дмитро Пєсков" and match.speaker_role == "Речник Кремля"


def test_a_debunking_article_refutes():
    text = (
        "Російська пропаганда стверджує, що Україну штучно створив Ленін і що української держави ніколи "
        "не існувало. Це міф: історики нагадують про тисячолітню традицію державності від Київської Русі."
    )
    matches = _matches(text, "uk")
    assert [(m.narrative, m.stance) for m in matches] == [("ukraine-not-real-state", "refutes")]
    assert matches[0].cue.text == "пропаганда"


def test_english_debunk_and_russian_assertion_of_the_same_narrative():
    en = _matches(
        "Kremlin-backed outlets keep repeating that the West provoked the war by expanding NATO eastward, "
        "a claim debunked by historians.",
        "en",
    )
    assert [(m.narrative, m.stance) for m in en] == [("west-provoked-war", "refutes")]
    ru = _matches("Запад сам спровоцировал этот конфликт, годами расширяя НАТО к границам России.", "ru")
    assert [(m.narrative, m.stance) for m in ru] == [("west-provoked-war", "asserts")]


def test_sports_report_has_no_narratives():
    text = (
        "«Динамо» атакувало з перших хвилин матчу. Уже на 10-й хвилині Владислав Ванат ударом з-за меж "
        "штрафного відкрив рахунок, а після перерви «Шахтар» пішов у атаку. Тренер «Динамо» Олександр "
        "Шовковський подякував вболівальникам за підтримку на стадіоні."
    )
    assert _matches(text, "uk") == []


def test_neutral_news_on_the_same_topics_has_no_narratives():
    text = (
        "Міністри закордонних справ країн НАТО зустрілися в Брюсселі, щоб обговорити посилення "
        "протиповітряної оборони України. Європейський Союз ухвалив новий пакет санкцій проти "
        "російського тіньового флоту."
    )
    assert _matches(text, "uk") == []
