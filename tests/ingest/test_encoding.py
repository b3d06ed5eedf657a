"""Encoding decisions: strict UTF-8 first, then the best-scoring Cyrillic single-byte decoding."""

from __future__ import annotations

import pytest

from svidok.ingest.article import Unreadable
from svidok.ingest.encoding import decode, looks_binary, plausibility

UK = "Президент України Володимир Зеленський заявив, що Київ не погодиться на заморожування війни."
RU = "Министр иностранных дел России Сергей Лавров заявил, что переговоры зашли в тупик."
SHORT = [
    "Київ",
    "Так",
    "Привіт, світе!",
    "NATO і ЄС заявили",
    "Мама мыла раму",
    "Верховна Рада ухвалила закон",
]


@pytest.mark.parametrize("text", [UK, RU, *SHORT])
@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u"])
def test_single_byte_cyrillic_round_trips(text, encoding):
    decoded, _ = decode(text.encode(encoding))
    assert decoded == text


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (UK.encode("utf-8"), UK, "utf-8"),
        (b"\xef\xbb\xbf" + UK.encode("utf-8"), UK, "utf-8-sig"),
        (UK.encode("utf-16"), UK, "utf-16"),
        ("Café résumé naïve".encode("cp1252"), "Café résumé naïve", "cp1252"),
        (RU.encode("iso8859_5"), RU, "iso8859_5"),
    ],
)
def test_decode_names_the_encoding(data, text, encoding):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02binary\x00", bytes(range(256)) * 4, b"\x1b\x02\x03\x04\x05\x06\x07\x08abc"],
)
def test_binary_is_refused(data):
    assert looks_binary(data)
    with pytest.raises(Unreadable, match="binary"):
        decode(data)


def test_text_is_not_binary():
    assert looks_binary(UK.encode("utf-8")) is None
    assert looks_binary(UK.encode("utf-16")) is None


def test_mojibake_scores_below_the_real_text():
    right = UK.encode("cp1251").decode("cp1251")
    for wrong in ("koi8_u", "mac_cyrillic", "cp866"):
        assert plausibility(UK.encode("cp1251").decode(wrong)) < plausibility(right)


def test_broken_bom_text_is_refused():
    with pytest.raises(Unreadable, match="utf-8"):
        decode(b"\xef\xbb\xbf\xd0\xd0\xd0 \xff\xfe text")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u"])
def test_every_three_word_snippet_of_the_sample_decodes_right(sample_text, encoding):
    words = sample_text.split()
    wrong = []
    for i in range(len(words) - 2):
        data = " ".join(words[i : i + 3]).encode(encoding, errors="ignore")
        expected = data.decode(encoding)
        if any(c.isalpha() and not c.isascii() for c in expected) and decode(data)[0] != expected:
            wrong.append(expected)
    assert wrong == []


@pytest.mark.parametrize("misread_as", ["latin-1", "cp1251"])
def test_double_encoded_utf8_is_repaired(misread_as):
    mojibake = UK.encode("utf-8").decode(misread_as)
    text, encoding = decode(mojibake.encode("utf-8"))
    assert text == UK
    assert misread_as in encoding


@pytest.mark.parametrize("text", ["ЗАЯВА МЗС УКРАЇНИ", "NATO, WSJ, USA", "Ok", "Café résumé naïve"])
def test_clean_utf8_is_left_alone(text):
    assert decode(text.encode("utf-8"))[0] == text
