"""The quotes stage in the real pipeline, and the speech-verb data it reads."""

from __future__ import annotations

import pytest

import svidok
from svidok import lang as langdata
from svidok.document import Token
from svidok.quotes.lexicon import lexicon, speech_register
from svidok.stages.morph import analyse_word
from svidok.stages.quotes import quotes as quotes_stage


def _token(lang, word, pos_index=0):
    parses = analyse_word(lang, word)
    return Token(0, word, 0, len(word), word, lemma=parses[0].lemma if parses else word, parses=parses)


@pytest.mark.parametrize(
    "lang, word, register",
    [
        ("uk", "заявив", "neutral"),
        ("uk", "заявила", "neutral"),
        ("uk", "заявили", "neutral"),
        ("uk", "заявляє", "neutral"),
        ("uk", "заявивши", "neutral"),
        ("uk", "сказала", "neutral"),
        ("uk", "наголосив", "emphasis"),
        ("uk", "натякають", "insinuate"),
        ("uk", "визнав", "concede"),
        ("uk", "погрожує", "threaten"),
        ("uk", "попереджають", "warn"),
        ("uk", "вважають", "opinion"),
        ("ru", "заявил", "neutral"),
        ("ru", "намекнул", "insinuate"),
        ("ru", "признала", "concede"),
        ("en", "said", "neutral"),
        ("en", "warned", "warn"),
        ("en", "admitted", "concede"),
        ("uk", "заявлене", None),
        ("uk", "війни", None),
        ("uk", "вибори", None),
        ("ru", "заявление", None),
    ],
)
def test_speech_verbs_by_lemma(lang, word, register):
    assert speech_register(lexicon(lang), _token(lang, word)) == register


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
@pytest.mark.parametrize("name", ["speech_verbs", "roles", "source_cues"])
def test_language_data_present(lang, name):
    assert langdata.has(lang, name)
    lex = lexicon(lang)
    assert lex.lang == lang and lex.verbs and lex.roles and lex.source_phrases and lex.pronouns


def test_sample_end_to_end(sample_doc):
    """Whatever the entity stages find, roles and kinds come from this stage's own rules."""
    by_start = {q.text[:25]: q for q in sample_doc.quotes}
    dmitriev = next(q for k, q in by_start.items() if k.startswith("діалог путіна"))
    assert dmitriev.kind == "direct" and dmitriev.speaker_role == "Переговорник путіна"
    assert dmitriev.speaker_name is not None
    analysts = next(q for q in sample_doc.quotes if q.text.startswith("сам факт"))
    assert (analysts.speaker, analysts.speaker_name, analysts.speaker_role) == (None, None, "Аналітики")
    assert not any("українське питання" in q.text for q in sample_doc.quotes)
    svidok.validate(svidok.to_dict(sample_doc))


def test_stage_without_entities_invents_no_speaker():
    doc = svidok.load_pipeline(["langid", "normalize", "segment", "morph"])(
        svidok.Document("Він сказав, що мир можливий.", language="uk")
    )
    doc.entities = []
    doc = quotes_stage(doc)
    assert [q.text for q in doc.quotes] == ["мир можливий"]
    assert doc.quotes[0].speaker_name is None  # no antecedent: no invented speaker
