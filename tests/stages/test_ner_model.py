"""The shipped NER model: finds people and places in natural Ukrainian, valid offsets, no network."""

from __future__ import annotations

import gzip
import socket

import pytest

import svidok
from svidok.errors import ModelError
from svidok.stages import ner_model as ner_stage

CASES = [
    ("Президент Володимир Зеленський провів зустріч у Києві.", [("Володимир Зеленський", "PER"), ("Києві", "LOC")]),
    ("Як повідомив Андрій Єрмак, делегація прибула до Варшави.", [("Андрій Єрмак", "PER"), ("Варшави", "LOC")]),
    ("Міністерство оборони України оголосило про нові закупівлі.", [("Міністерство оборони України", "ORG")]),
    ("Віталій Кличко заявив, що у Львові та Харкові знову тривога.", [("Віталій Кличко", "PER"), ("Львові", "LOC"), ("Харкові", "LOC")]),
]


def _mentions(text: str):
    return svidok.analyze(text, id="t", language="uk").model_mentions


@pytest.mark.parametrize("text,expected", CASES)
def test_finds_expected_entities(text, expected):
    found = {(m.text, m.label) for m in _mentions(text)}
    for item in expected:
        assert item in found, f"{item} not in {found}"


@pytest.mark.parametrize("text,expected", CASES)
def test_offsets_point_into_original_text(text, expected):
    for m in _mentions(text):
        assert text[m.start : m.end] == m.text
        assert m.origin == "model"
        assert 0.0 < m.score <= 1.0


def test_offsets_survive_normalisation():
    text = "За словами Володимира\u00a0Зеленського, в \u201cУкренерго\u201d п\u2019ять нових об\u2019єктів у Києві."
    mentions = _mentions(text)
    assert mentions
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_english_paragraphs_are_not_tagged():
    doc = svidok.analyze("President Volodymyr Zelensky met reporters in Kyiv on Monday morning.", id="en")
    assert doc.language == "en"
    assert doc.model_mentions == []


def test_model_loads_without_network(monkeypatch):
    ner_stage.load_tagger.cache_clear()

    def refuse(*args, **kwargs):
        raise AssertionError("the NER model tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert ner_stage.load_tagger() is not None
    assert {("Києві", "LOC")} <= {(m.text, m.label) for m in _mentions("Учора в Києві пройшов мітинг.")}


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        ner_stage.load_tagger(tmp_path / "absent.crfsuite.gz")


@pytest.mark.parametrize("payload", [b"not gzip at all", gzip.compress(b"not a crfsuite model")])
def test_corrupt_model_is_a_clear_error(tmp_path, payload):
    path = tmp_path / "bad.crfsuite.gz"
    path.write_bytes(payload)
    with pytest.raises(ModelError, match="corrupt"):
        ner_stage.load_tagger(path)


@pytest.mark.parametrize(
    "labels,spans",
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "B-ORG"], [(0, 2, "ORG"), (2, 3, "ORG")]),
        (["B-PER", "I-LOC", "O"], [(0, 1, "PER"), (1, 2, "LOC")]),
        (["O", "O"], []),
    ],
)
def test_decode_bio(labels, spans):
    assert ner_stage.decode_bio(labels) == spans


@pytest.mark.parametrize("word,shape", [("Зеленський", "Xxxx"), ("ЗСУ", "XXX"), ("7,08", "d,dd"), ("iPhone", "xXxxx")])
def test_word_shape(word, shape):
    assert ner_stage.word_shape(word) == shape


@pytest.mark.parametrize(
    "text,first,last,expected",
    [
        ("ТОВ « Альфа » працює", 0, 3, "ТОВ « Альфа »"),  # closing quote added
        ("« Альфа » працює", 1, 3, "Альфа"),  # stray closing quote trimmed
        ("ТОВ « Альфа » працює", 0, 4, "ТОВ « Альфа »"),  # balanced: unchanged
    ],
)
def test_balance_quotes(text, first, last, expected):
    doc = svidok.load_pipeline(["langid", "normalize", "segment"])(svidok.Document(text, language="uk"))
    first, last = ner_stage.balance_quotes(doc.tokens, first, last)
    assert text[doc.tokens[first].start : doc.tokens[last - 1].end] == expected


def test_document_context_records_case_usage():
    doc = svidok.load_pipeline(["langid", "normalize", "segment"])(
        svidok.Document("Надія є. Ми бачили Надію. А надія згасла.", language="uk"))
    context = ner_stage.doc_context(doc)
    assert "надія" in context.lowercase and "надію" in context.capitalised
    assert "надія" not in context.capitalised  # sentence-initial capitals say nothing


def test_word_clusters_ship_with_the_model():
    clusters = ner_stage.word_clusters()
    assert len(clusters) > 5000
    assert ner_stage.cluster_key("Києві") in clusters


def test_missing_clusters_are_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        ner_stage.word_clusters(tmp_path / "absent.tsv.gz")


def test_russian_paragraphs_are_tagged_with_valid_offsets():
    text = "Президент Франции Эммануэль Макрон прибыл в Киев во вторник утром."
    doc = svidok.analyze(text, id="ru")
    assert doc.language == "ru"
    assert doc.model_mentions, "ru paragraphs should be tagged"
    assert all(text[m.start : m.end] == m.text and m.origin == "model" for m in doc.model_mentions)
