import pytest

import svidok

PIPE = svidok.load_pipeline(["langid", "normalize", "segment"])


def _sentences(text, language=None):
    doc = PIPE(svidok.Document(text, language=language))
    return [doc.text[s.start : s.end] for s in doc.sentences], doc


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Зустріч відбудеться на Алясці. кремль бачить у цьому шанс.", 2),
        ("Це коштувало 1,5 млн. грн. за рік.", 1),
        ("Зустріч на вул. Хрещатик. Потім вечеря.", 2),
        ("Перший абзац.\n\nДругий абзац без крапки", 2),
    ],
)
def test_sentence_counts_uk(text, expected):
    sentences, _ = _sentences(text, "uk")
    assert len(sentences) == expected, sentences


def test_english_abbreviations():
    sentences, _ = _sentences("Mr. Smith went to Washington. He said no.", "en")
    assert sentences == ["Mr. Smith went to Washington.", "He said no."]


def test_tokens_index_the_original_text():
    text = "Пере\u00adмир’я — «так», сказав\u00a0він."
    _, doc = _sentences(text, "uk")
    for tok in doc.tokens:
        assert doc.text[tok.start : tok.end] == tok.text
    assert [t.norm for t in doc.tokens][:2] == ["перемир'я".capitalize(), "—"]


def test_sentences_do_not_cross_paragraphs():
    _, doc = _sentences("Рядок один без крапки\nРядок два.", "uk")
    assert [s.paragraph for s in doc.sentences] == [0, 1]
